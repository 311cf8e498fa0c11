//! Vietnamese text rules: folding for diacritic-insensitive matching.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds text for matching: lower case, Vietnamese diacritics removed, `đ` → `d`.
/// `"Phòng Thông tin - Báo chí"` → `"phong thong tin - bao chi"`. Precomposed (NFC) and
/// decomposed (NFD) input fold alike.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(f) = LATIN.get(c) {
            out.push(f);
        } else {
            fold_char(c, &mut out);
        }
    }
    out
}

/// One character folded by its canonical decomposition.
fn fold_char(c: char, out: &mut String) {
    if c == 'đ' || c == 'Đ' {
        out.push('d');
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The folds of the Latin letters with diacritics (U+00C0–U+024F and U+1E00–U+1EFF, where
/// every Vietnamese letter is), worked out once by [`fold_char`]: the decomposition is the
/// slow part of folding a text.
struct Latin {
    low: Vec<Option<char>>,
    extended: Vec<Option<char>>,
}

impl Latin {
    const LOW: std::ops::RangeInclusive<u32> = 0xC0..=0x24F;
    const EXTENDED: std::ops::RangeInclusive<u32> = 0x1E00..=0x1EFF;

    fn new() -> Latin {
        let table = |r: std::ops::RangeInclusive<u32>| {
            r.map(|u| {
                let c = char::from_u32(u)?;
                let mut out = String::new();
                fold_char(c, &mut out);
                let mut chars = out.chars();
                chars.next().filter(|_| chars.next().is_none())
            })
            .collect()
        };
        Latin {
            low: table(Self::LOW),
            extended: table(Self::EXTENDED),
        }
    }

    /// The fold of `c` when it is one of these letters and folds to one character.
    fn get(&self, c: char) -> Option<char> {
        let u = c as u32;
        let (table, start) = if Self::LOW.contains(&u) {
            (&self.low, *Self::LOW.start())
        } else if Self::EXTENDED.contains(&u) {
            (&self.extended, *Self::EXTENDED.start())
        } else {
            return None;
        };
        table[(u - start) as usize]
    }
}

static LATIN: std::sync::LazyLock<Latin> = std::sync::LazyLock::new(Latin::new);

/// The folded words of a text, punctuation dropped: `"Thông tin - Báo chí"` → `["thong", "tin", "bao", "chi"]`.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The folded words of a text joined by one space (what [`words`] gives, joined, made
/// without a string a word): `"Thông tin - Báo chí"` → `"thong tin bao chi"`.
pub fn plain(s: &str) -> String {
    joined_words(&fold(s))
}

/// The runs of letters and digits of a text, as they are, joined by one space.
pub fn joined_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `spaced`, words between single spaces with a space at each end (`" da hoan
/// thanh "`), holds the words `phrase` (`"hoan thanh"`) whole: no string is made for it.
pub fn holds_phrase(spaced: &str, phrase: &str) -> bool {
    let b = spaced.as_bytes();
    !phrase.is_empty()
        && spaced
            .match_indices(phrase)
            .any(|(i, _)| i > 0 && b[i - 1] == b' ' && b.get(i + phrase.len()) == Some(&b' '))
}

/// `s` in Unicode's composed form (NFC), unchanged (not copied) when it is already so.
pub fn composed(s: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// Text from a file as it may be stored and shown: direction overrides, direction marks and
/// soft hyphens left out, zero-width spaces and joiners as spaces ("Tài\u{200B}chính" is two
/// words, not "Tàichính"), other control characters (escapes, bells) as spaces; line breaks
/// and tabs kept. A cell holding `_x001B_` or U+202E cannot then rewrite a terminal or
/// reverse a line.
pub fn without_controls(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{200B}'..='\u{200D}' | '\u{2060}' => Some(' '),
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'..='\u{200F}'
            | '\u{00AD}'
            | '\u{FEFF}' => None,
            '\n' | '\t' => Some(c),
            c if c.is_control() => Some(' '),
            c => Some(c),
        })
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

/// [`matches_words`] with each word of the text started by one word of the query at most:
/// "Phòng Kế hoạch - Tài chính Kế hoạch" does not match "Phòng Kế hoạch - Tài chính" (a
/// name read from a file is that name, not a search typed into it).
pub fn matches_words_once(text: &str, query: &str) -> bool {
    let hay = words(text);
    let q = words(query);
    let mut used = vec![false; hay.len()];
    // Words the text holds whole first, so that a prefix does not take another's word.
    let (whole, parts): (Vec<&String>, Vec<&String>) =
        q.iter().partition(|w| hay.iter().any(|h| h == *w));
    let mut take = |w: &str, fits: &dyn Fn(&str, &str) -> bool| match (0..hay.len())
        .find(|&i| !used[i] && fits(&hay[i], w))
    {
        Some(i) => {
            used[i] = true;
            true
        }
        None => false,
    };
    !q.is_empty()
        && whole.iter().all(|w| take(w, &|h, w| h == w))
        && parts.iter().all(|w| take(w, &|h, w| h.starts_with(w)))
}

/// A unit's leading kind words and the initials trackers write for the rest of its name:
/// of all the rest, without "và", of the part before "và" ("Trung tâm Công nghệ thông tin
/// và Truyền thông": `["trung", "tam"]`, `["cnttvtt", "cntttt", "cntt"]`), and of the part
/// before a place's level ("VHTT" of "Phòng Văn hóa và Thông tin huyện Bát Xát"); `None`
/// without kind words or a rest of two words or more.
pub fn kind_initials(name: &str) -> Option<(Vec<String>, Vec<String>)> {
    let n = words(name);
    let kind = n
        .iter()
        .take_while(|w| KIND_WORDS.contains(&w.as_str()))
        .count();
    let own = &n[kind..];
    if kind == 0 || own.len() < 2 {
        return None;
    }
    let of = |ws: &[String]| -> String { ws.iter().filter_map(|w| w.chars().next()).collect() };
    let without_and: Vec<String> = own.iter().filter(|w| *w != "va").cloned().collect();
    let before_and = &own[..own.iter().position(|w| w == "va").unwrap_or(own.len())];
    // The part before the place's level ("huyện Bát Xát" of "Văn hóa và Thông tin huyện Bát
    // Xát"), as a district's Phòng is written without it ("Phòng VHTT").
    const LEVELS: [&str; 5] = ["huyen", "tinh", "quan", "phuong", "xa"];
    let level = (1..own.len()).find(|&k| {
        LEVELS.contains(&own[k].as_str())
            || matches!(
                (own[k].as_str(), own.get(k + 1).map(String::as_str)),
                ("thi", Some("xa" | "tran")) | ("thanh", Some("pho"))
            )
    });
    let placed = &own[..level.unwrap_or(own.len())];
    let placed_without_and: Vec<String> = placed.iter().filter(|w| *w != "va").cloned().collect();
    let mut initials: Vec<String> = Vec::new();
    for i in [
        of(own),
        of(&without_and),
        of(before_and),
        of(placed),
        of(&placed_without_and),
    ] {
        if i.len() >= 2 && !initials.contains(&i) {
            initials.push(i);
        }
    }
    Some((n[..kind].to_vec(), initials))
}

/// Whether `query` is a unit's leading kind words followed by the initials of the rest of
/// its name (`name`, see [`kind_initials`]), as trackers write it: "Trung tâm CNTT" for
/// "Trung tâm Công nghệ thông tin và Truyền thông", "Phòng KHTC" for "Phòng Kế hoạch - Tài
/// chính".
pub fn kind_and_initials(name: &str, query: &str) -> bool {
    let q = words(query);
    let (Some((last, lead)), Some((kind, initials))) = (q.split_last(), kind_initials(name)) else {
        return false;
    };
    *lead == kind[..] && initials.contains(last)
}

/// Whether the folded words `short` write the folded words `long` with runs of words as their
/// initials, "và" in a run kept or left out: `phong anm` for `phong an ninh mang`, `phong
/// vhtt huyen si ma cai` for `phong van hoa va thong tin huyen si ma cai`. The same words
/// are not an abbreviation.
pub fn abbreviates(short: &[String], long: &[String]) -> bool {
    fn walk(s: &[String], l: &[String], shortened: bool) -> bool {
        let Some((w, rest)) = s.split_first() else {
            return shortened && l.is_empty();
        };
        if l.first() == Some(w) && walk(rest, &l[1..], shortened) {
            return true;
        }
        (2..=l.len()).any(|k| {
            let run = &l[..k];
            let all: String = run.iter().filter_map(|x| x.chars().next()).collect();
            let without_and: String = run
                .iter()
                .filter(|x| *x != "va")
                .filter_map(|x| x.chars().next())
                .collect();
            (*w == all || *w == without_and) && walk(rest, &l[k..], true)
        })
    }
    short.len() < long.len() && walk(short, long, false)
}

/// Whether the folded words `short` write the first words of `long` (at least two), a word
/// as itself or a run of words as their initials: `ttyt` for `trung tam y te huyen si ma
/// cai`, `ban qlda` for `ban quan ly du an dau tu xay dung`.
pub fn abbreviates_the_start(short: &[String], long: &[String]) -> bool {
    let mut k = 0;
    for w in short {
        if long.get(k) == Some(w) {
            k += 1;
            continue;
        }
        for c in w.chars() {
            match long.get(k) {
                Some(l) if l.starts_with(c) => k += 1,
                _ => return false,
            }
        }
    }
    k >= 2 && short.iter().any(|w| !long.contains(w))
}

/// Initials of the significant words of a name, folded: `"Phòng Thông tin - Báo chí - Xuất bản"`
/// → `"pttbcxb"`; the kind word (Phòng, Trung tâm…) can then be skipped by the caller.
pub fn initials(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Words that name the kind of a unit rather than the unit (Phòng, Trung tâm, Sở, Ban,
/// Chi cục, Cục), left out of one of its abbreviations.
const KIND_WORDS: [&str; 7] = ["phong", "trung", "tam", "so", "ban", "chi", "cuc"];

/// The abbreviations a name is typed by, the one rule of the window and the core (the same
/// cases are checked on both sides, `tests/fixtures/abbreviations.json`): its initials;
/// without the first word; without its leading kind words; and those without "và".
/// "Văn phòng Sở" → `"vps ps"`; "Trung tâm Công nghệ thông tin và Truyền thông" →
/// `"ttcnttvtt tcnttvtt cnttvtt cntttt"`. Space-separated, each once.
pub fn abbreviations(name: &str) -> String {
    let all = words(name);
    let initials =
        |ws: &[String]| -> String { ws.iter().filter_map(|w| w.chars().next()).collect() };
    let kind = all
        .iter()
        .take_while(|w| KIND_WORDS.contains(&w.as_str()))
        .count();
    let own = if kind < all.len() {
        &all[kind..]
    } else {
        &all[..]
    };
    let without_and: Vec<String> = own.iter().filter(|w| w.as_str() != "va").cloned().collect();
    let mut out: Vec<String> = Vec::new();
    for a in [
        initials(&all),
        initials(all.get(1..).unwrap_or_default()),
        initials(own),
        initials(&without_and),
    ] {
        if !a.is_empty() && !out.contains(&a) {
            out.push(a);
        }
    }
    out.join(" ")
}

/// The words of a Markdown text as a reader sees them, markup dropped: `"**Đồng chí** chủ
/// trì"` → `"Đồng chí chủ trì"`; paragraphs and list items are separated by a space.
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        let gap = matches!(
            event,
            Event::SoftBreak
                | Event::HardBreak
                | Event::End(
                    TagEnd::Paragraph
                        | TagEnd::Item
                        | TagEnd::Heading(_)
                        | TagEnd::CodeBlock
                        | TagEnd::TableCell
                )
        );
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            _ if gap && !out.is_empty() && !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_held_whole() {
        let f = " da hoan thanh ht 1 ";
        for (p, held) in [
            ("hoan thanh", true),
            ("ht", true),
            ("1", true),
            ("hoan", true),
            ("oan", false),
            ("da hoan thanh ht 1", true),
            ("thanh ht 2", false),
            ("", false),
        ] {
            assert_eq!(
                holds_phrase(f, p),
                f.contains(&format!(" {p} ")) && !p.is_empty(),
                "{p}"
            );
            assert_eq!(holds_phrase(f, p), held, "{p}");
        }
    }

    #[test]
    fn plain_is_the_words_joined() {
        for t in [
            "Thông tin - Báo chí",
            "  -nt- ",
            "",
            "Đ/c Lò Thu Nam (PGĐ)",
            "a\u{301}\u{300}b c",
        ] {
            assert_eq!(plain(t), words(t).join(" "), "{t:?}");
        }
    }

    #[test]
    fn runs_of_words_written_as_their_initials() {
        let w = |s: &str| words(s);
        let long = w("Phòng Văn hoá và Thông tin huyện Si Ma Cai");
        assert!(abbreviates(&w("Phòng VH&TT huyện Si Ma Cai"), &long));
        assert!(abbreviates(&w("Phòng VHTT huyện Si Ma Cai"), &long));
        assert!(abbreviates(&w("Phòng ANM"), &w("Phòng An ninh mạng")));
        // Another place, the same words, or letters that are no run's initials.
        assert!(!abbreviates(&w("Phòng VHTT huyện Bát Xát"), &long));
        assert!(!abbreviates(&long, &long));
        assert!(!abbreviates(&w("Phòng VT huyện Si Ma Cai"), &long));
    }

    #[test]
    fn names_from_files_match_each_word_once_or_by_kind_and_initials() {
        let khtc = "Phòng Kế hoạch - Tài chính";
        assert!(matches_words_once(khtc, "Phòng Kế hoạch"));
        assert!(matches_words_once(khtc, "tai chinh ke hoach"));
        assert!(matches_words_once(khtc, "P Kế hoạch"));
        assert!(!matches_words_once(
            khtc,
            "Phòng Kế hoạch - Tài chính Kế hoạch Kế hoạch"
        ));
        assert!(!matches_words_once(khtc, ""));
        let center = "Trung tâm Công nghệ thông tin và Truyền thông";
        for typed in ["Trung tâm CNTT", "Trung tâm CNTTTT", "trung tam cnttvtt"] {
            assert!(kind_and_initials(center, typed), "{typed}");
        }
        for other in [
            "Trung tâm C",
            "Trung tâm TT",
            "Phòng CNTT",
            "CNTT",
            "Trung tâm",
        ] {
            assert!(!kind_and_initials(center, other), "{other}");
        }
        assert!(kind_and_initials(khtc, "Phòng KHTC"));
        assert!(!kind_and_initials(khtc, "Phòng KH"));
    }

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
    fn every_vietnamese_letter_folds_to_its_base_letter() {
        let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        let base = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";
        assert_eq!(fold(lower), base);
        assert_eq!(fold(&lower.to_uppercase()), base);
        // Decomposed input (a base letter and combining marks) folds alike.
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(lower).collect();
        assert_eq!(fold(&nfd), base);
    }

    #[test]
    fn letters_looked_up_fold_as_their_decomposition_says() {
        for u in Latin::LOW.chain(Latin::EXTENDED) {
            let c = char::from_u32(u).unwrap();
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "U+{u:04X}");
        }
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

    #[test]
    fn markdown_reads_as_its_words() {
        assert_eq!(
            markdown_text(
                "Cuộc họp bắt đầu.\u{a0}**Đồng chí Giám đốc** chủ trì.\n\n- Mục *một*\n- Mục hai"
            ),
            "Cuộc họp bắt đầu.\u{a0}Đồng chí Giám đốc chủ trì. Mục một Mục hai"
        );
    }

    #[test]
    fn controls_from_a_file_are_left_out() {
        assert_eq!(
            without_controls("Rà soát\u{1b}[2J\u{202e}ab\u{200b}\n\tx"),
            "Rà soát [2Jab \n\tx"
        );
        // A zero-width space or joiner between words is a space between them.
        assert_eq!(without_controls("Sở Tài\u{200b}chính"), "Sở Tài chính");
    }

    #[test]
    fn abbreviations_and_words_follow_the_cases_the_window_shares() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/abbreviations.json")).unwrap();
        let names = cases["names"].as_array().unwrap();
        for case in names {
            let name = case["name"].as_str().unwrap();
            let want: Vec<&str> = case["abbreviations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect();
            assert_eq!(
                abbreviations(name).split(' ').collect::<Vec<_>>(),
                want,
                "{name}"
            );
        }
        // Each case of `group`: the names `finds` says `typed` finds by `rule`.
        let check = |group: &str, rule: &dyn Fn(&str, &str) -> bool| {
            for case in cases[group].as_array().unwrap() {
                let typed = case["typed"].as_str().unwrap();
                let found: Vec<&str> = names
                    .iter()
                    .map(|n| n["name"].as_str().unwrap())
                    .filter(|n| rule(n, typed))
                    .collect();
                let want: Vec<&str> = case["finds"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_str().unwrap())
                    .collect();
                assert_eq!(found, want, "{group}: {typed}");
            }
        };
        check("typed", &|n, typed| {
            abbreviations(n).split(' ').any(|a| a.starts_with(typed))
        });
        check("words", &|n, typed| matches_words(n, typed));
    }
}
