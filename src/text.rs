//! Vietnamese text rules: folding for diacritic-insensitive matching.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: lower case, Vietnamese diacritics removed, `đ` → `d`.
/// `"Phòng Thông tin - Báo chí"` → `"phong thong tin - bao chi"`.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The folded words of a text, punctuation dropped: `"Thông tin - Báo chí"` → `["thong", "tin", "bao", "chi"]`.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether every word of `query` starts some word of `text`, ignoring case, diacritics
/// and punctuation: `"thong tin bao chi"` matches "Phòng Thông tin - Báo chí - Xuất bản".
pub fn matches_words(text: &str, query: &str) -> bool {
    let hay = words(text);
    let q = words(query);
    !q.is_empty()
        && q.iter()
            .all(|w| hay.iter().any(|h| h.starts_with(w.as_str())))
}

/// Initials of the significant words of a name, folded: `"Phòng Thông tin - Báo chí - Xuất bản"`
/// → `"pttbcxb"`; the kind word (Phòng, Trung tâm…) can then be skipped by the caller.
pub fn initials(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Đảng ủy"), "dang uy");
        assert_eq!(fold("GIAO BẢN"), "giao ban");
        assert_eq!(
            fold("Phòng Thông tin - Báo chí - Xuất bản"),
            "phong thong tin - bao chi - xuat ban"
        );
        assert_eq!(fold("Hà Văn Thắng"), "ha van thang");
    }

    #[test]
    fn word_matching_ignores_punctuation_and_accents() {
        let name = "Phòng Thông tin - Báo chí - Xuất bản";
        assert!(matches_words(name, "thong tin bao chi"));
        assert!(matches_words(name, "báo chí"));
        assert!(matches_words(name, "xuat ban thong"));
        assert!(!matches_words(name, "chuyen doi so"));
        assert!(!matches_words(name, " - "));
    }

    #[test]
    fn initials_of_unit_names() {
        assert_eq!(initials("Phòng Thông tin - Báo chí - Xuất bản"), "pttbcxb");
        assert_eq!(initials("Văn phòng Sở"), "vps");
    }
}
