//! Vietnamese typed in the encodings older than Unicode, recognised and converted to Unicode
//! (NFC): TCVN3 (ABC, the `.VnTime` fonts; TCVN 5712:1993, table VN3) and VNI-Windows (the
//! `VNI-Times` fonts). A workbook keeps such text as the Windows-1252 characters of its bytes
//! (`Phßng`, `Vieät Nam`); a CSV file keeps the bytes themselves, read here as Windows-1252.
//!
//! Which encoding a column is in is decided over all its cells at once ([`detect`]), never
//! cell by cell: one word could read either way, a column of them cannot.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// The encoding a text was typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// Unicode (nothing to convert).
    #[default]
    Unicode,
    /// TCVN3 (ABC), TCVN 5712:1993 VN3.
    Tcvn3,
    /// VNI-Windows.
    Vni,
}

/// TCVN 5712:1993 VN3 (the ABC fonts): bytes 0xA1–0xFE. VN3 has the seven capitals with a
/// mark of their own (Ă Â Ê Ô Ơ Ư Đ) and every lower-case letter; capitals with a tone are
/// typed in the capitals' fonts (`.VnTimeH`) with the lower-case bytes, and read here as
/// lower case. Bytes the table leaves out (0xAF–0xB4, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB,
/// 0xE0, 0xF0, 0xFF) stay as they are.
const TCVN3: [(u8, char); 67] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
];

/// The rest of VN3: ứ ự and the y row (split off only to keep the arrays readable).
const TCVN3_TAIL: [(u8, char); 7] = [
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// VNI-Windows letters that are one byte: đ, ơ, ư and the i and ỵ forms (lower case and
/// capitals).
const VNI_LETTERS: [(u8, char); 18] = [
    (0xF1, 'đ'),
    (0xD1, 'Đ'),
    (0xF4, 'ơ'),
    (0xD4, 'Ơ'),
    (0xF6, 'ư'),
    (0xD6, 'Ư'),
    (0xEC, 'ì'),
    (0xCC, 'Ì'),
    (0xED, 'í'),
    (0xCD, 'Í'),
    (0xE6, 'ỉ'),
    (0xC6, 'Ỉ'),
    (0xF3, 'ĩ'),
    (0xD3, 'Ĩ'),
    (0xF2, 'ị'),
    (0xD2, 'Ị'),
    (0xEE, 'ỵ'),
    (0xCE, 'Ỵ'),
];

/// VNI-Windows marks typed after the vowel they sit on, as Unicode combining marks: the
/// tones alone, the circumflex with each tone, the breve with each tone. Each has a lower-case
/// and a capital byte.
const VNI_MARKS: [(u8, u8, &str); 16] = [
    (0xF9, 0xD9, "\u{301}"),        // sắc
    (0xF8, 0xD8, "\u{300}"),        // huyền
    (0xFB, 0xDB, "\u{309}"),        // hỏi
    (0xF5, 0xD5, "\u{303}"),        // ngã
    (0xEF, 0xCF, "\u{323}"),        // nặng
    (0xE2, 0xC2, "\u{302}"),        // mũ (â ê ô)
    (0xE1, 0xC1, "\u{302}\u{301}"), // mũ + sắc
    (0xE0, 0xC0, "\u{302}\u{300}"), // mũ + huyền
    (0xE5, 0xC5, "\u{302}\u{309}"), // mũ + hỏi
    (0xE3, 0xC3, "\u{302}\u{303}"), // mũ + ngã
    (0xE4, 0xC4, "\u{302}\u{323}"), // mũ + nặng
    (0xEA, 0xCA, "\u{306}"),        // trăng (ă)
    (0xE9, 0xC9, "\u{306}\u{301}"), // trăng + sắc
    (0xE8, 0xC8, "\u{306}\u{300}"), // trăng + huyền
    (0xFA, 0xDA, "\u{306}\u{309}"), // trăng + hỏi
    (0xFC, 0xDC, "\u{306}\u{303}"), // trăng + ngã
];

/// The breve with the dot below (ặ), the last VNI mark.
const VNI_BREVE_DOT: (u8, u8, &str) = (0xEB, 0xCB, "\u{306}\u{323}");

/// Windows-1252's characters for bytes 0x80–0x9F (the five bytes it leaves out read as
/// the control characters of the same number).
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('\u{2018}', 0x91),
    ('\u{2019}', 0x92),
    ('\u{201C}', 0x93),
    ('\u{201D}', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The byte a Windows-1252 character stands for (what a legacy font showed for that byte);
/// `None` for a character outside Windows-1252.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u <= 0xFF {
        return Some(u as u8);
    }
    CP1252_HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b)
}

/// Reads bytes that are not UTF-8 as Windows-1252 (a CSV saved by an old program): each byte
/// becomes the character a legacy font was drawn over.
pub fn from_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            CP1252_HIGH
                .iter()
                .find(|(_, h)| *h == b)
                .map_or(b as char, |(c, _)| *c)
        })
        .collect()
}

fn tcvn3_char(b: u8) -> Option<char> {
    TCVN3
        .iter()
        .chain(&TCVN3_TAIL)
        .find(|(k, _)| *k == b)
        .map(|(_, c)| *c)
}

fn vni_mark(b: u8) -> Option<&'static str> {
    VNI_MARKS
        .iter()
        .chain(std::iter::once(&VNI_BREVE_DOT))
        .find(|(lo, hi, _)| *lo == b || *hi == b)
        .map(|(_, _, m)| *m)
}

fn vni_letter(b: u8) -> Option<char> {
    VNI_LETTERS
        .iter()
        .find(|(k, c)| *k == b && *c != '\u{0}')
        .map(|(_, c)| *c)
}

/// Whether `c` is a vowel a VNI mark may follow (ơ and ư included, already converted).
fn carries_mark(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || matches!(c, 'ơ' | 'Ơ' | 'ư' | 'Ư')
}

/// Converts `text` typed in `encoding` to Unicode, composed (NFC).
pub fn convert(text: &str, encoding: Encoding) -> String {
    match encoding {
        Encoding::Unicode => text.to_string(),
        Encoding::Tcvn3 => text
            .chars()
            .map(|c| cp1252_byte(c).and_then(tcvn3_char).unwrap_or(c))
            .collect::<String>()
            .nfc()
            .collect(),
        Encoding::Vni => {
            let mut out = String::with_capacity(text.len() + 8);
            let mut last: Option<char> = None;
            for c in text.chars() {
                let byte = cp1252_byte(c).filter(|b| *b >= 0x80);
                let mark = byte
                    .and_then(vni_mark)
                    .filter(|_| last.is_some_and(carries_mark));
                if let Some(m) = mark {
                    out.push_str(m);
                    last = None;
                    continue;
                }
                let letter = byte.and_then(vni_letter).unwrap_or(c);
                out.push(letter);
                last = Some(letter);
            }
            out.nfc().collect()
        }
    }
}

/// Letters only Unicode text has (outside Windows-1252): ă đ ĩ ũ ơ ư and the letters of
/// U+1EA0–U+1EF9, in either case.
fn unicode_only(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Whether `after`, `before` converted from a legacy font, reads as Vietnamese: of the words
/// the conversion changed, at least half are syllables Vietnamese spells ("V¨n phßng Së" →
/// "Văn phòng Sở"), not a foreign name read in the font ("Zoë" → "Zọ̆", "Peña" → "Peđa",
/// "Björn" → "Bjưrn").
pub fn reads_as_vietnamese(before: &str, after: &str) -> bool {
    let (b, a): (Vec<&str>, Vec<&str>) = (
        before.split_whitespace().collect(),
        after.split_whitespace().collect(),
    );
    if b.len() != a.len() {
        return true;
    }
    let changed: Vec<&str> = b
        .iter()
        .zip(&a)
        .filter(|(x, y)| x != y)
        .map(|(_, y)| *y)
        .collect();
    // (A short form in capitals whose "Đ" the font wrote as "§": "CĐS", "P.CĐS", "TTĐT".)
    let short_form = |w: &str| {
        w.contains('Đ')
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let spelled = changed
        .iter()
        .filter(|w| syllable(w) || short_form(w))
        .count();
    2 * spelled >= changed.len()
}

/// The legacy font a cell alone shows it was typed in, among Unicode ones (pasted from an old
/// file): it holds a sign of the font, its words as typed are no Vietnamese ("Thanh tra Së")
/// and read in the font they are ("Thanh tra Sở"). A foreign name is neither ("Noël").
pub fn lone_font(text: &str, e: &Evidence) -> Option<Encoding> {
    if e.unicode() || !(e.shows(Encoding::Tcvn3) || e.shows(Encoding::Vni)) {
        return None;
    }
    let typed_vietnamese = text
        .split_whitespace()
        .filter(|w| !w.is_ascii())
        .all(syllable);
    if typed_vietnamese {
        return None;
    }
    [Encoding::Tcvn3, Encoding::Vni]
        .into_iter()
        .filter(|enc| e.shows(*enc))
        .find(|enc| {
            let read = convert(text, *enc);
            read != text && reads_as_vietnamese(text, &read)
        })
}

/// Whether `word` (its punctuation aside) is one syllable as Vietnamese spells it: an initial
/// consonant, one to three vowels with at most one tone, a final consonant; no mark left over.
fn syllable(word: &str) -> bool {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    const INITIALS: [&str; 28] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    const VOWELS: &str = "aăâeêioôơuưy";
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if w.is_empty() || w.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // The letters without their tone, composed again; a mark that composes with none is left.
    let mut tones = 0;
    let bare: String = w
        .nfd()
        .filter(|c| {
            let tone = TONES.contains(c);
            tones += usize::from(tone);
            !tone
        })
        .nfc()
        .collect();
    if tones > 1 || bare.chars().any(|c| !c.is_alphabetic()) {
        return false;
    }
    INITIALS.iter().any(|initial| {
        bare.strip_prefix(initial).is_some_and(|rest| {
            let vowels = rest.chars().take_while(|c| VOWELS.contains(*c)).count();
            let tail: String = rest.chars().skip(vowels).collect();
            (1..=3).contains(&vowels) && FINALS.contains(&tail.as_str())
        })
    })
}

/// The letters of Vietnamese that Windows-1252 has.
const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

/// How much a text looks like each encoding: characters only Unicode text has; TCVN3's
/// signs (bytes 0xA1–0xBF, none a Vietnamese letter in Windows-1252, or a capital-looking
/// byte inside a lower-case word: `ViÖt`, `Phßng`); VNI's marks after a vowel (`Vieät`,
/// `chaøo`) and its đ (`ñ`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Evidence {
    unicode: usize,
    tcvn3: usize,
    vni: usize,
    /// Characters no Vietnamese text has that TCVN3 draws a letter with (`ë` for `ở`):
    /// weak signs, as many Latin-1 letters are.
    tcvn3_weak: usize,
}

impl std::ops::Add for Evidence {
    type Output = Evidence;

    fn add(self, o: Evidence) -> Evidence {
        Evidence {
            unicode: self.unicode + o.unicode,
            tcvn3: self.tcvn3 + o.tcvn3,
            vni: self.vni + o.vni,
            tcvn3_weak: self.tcvn3_weak + o.tcvn3_weak,
        }
    }
}

impl std::iter::Sum for Evidence {
    fn sum<I: Iterator<Item = Evidence>>(iter: I) -> Evidence {
        iter.fold(Evidence::default(), |a, b| a + b)
    }
}

impl Evidence {
    /// What one text shows (texts read apart and summed show what they show together,
    /// joined by spaces).
    pub fn of(text: &str) -> Evidence {
        let mut e = Evidence::default();
        e.add(text);
        e
    }

    /// Whether the texts are surely Unicode: they hold a letter no legacy font's bytes can
    /// make (a cell typed in Unicode inside a column typed in TCVN3 is left as it is).
    pub fn unicode(&self) -> bool {
        self.unicode > 0
    }

    /// The legacy encoding the texts show by themselves: two signs of it or more and no
    /// letter only Unicode has (a row pasted from an old file into a sheet typed in Unicode).
    pub fn own(&self) -> Option<Encoding> {
        if self.unicode > 0 {
            None
        } else if self.tcvn3 >= 2 && self.tcvn3 > self.vni {
            Some(Encoding::Tcvn3)
        } else if self.vni >= 2 && self.vni > self.tcvn3 {
            Some(Encoding::Vni)
        } else {
            None
        }
    }

    /// Whether the texts show a sign of `enc`, a legacy encoding (one may be all a short
    /// name has: "Thanh tra Së").
    pub fn shows(&self, enc: Encoding) -> bool {
        match enc {
            Encoding::Tcvn3 => self.tcvn3 + self.tcvn3_weak > 0,
            Encoding::Vni => self.vni > 0,
            Encoding::Unicode => false,
        }
    }

    /// The encoding the texts are in, decided over all of them ([`detect`]).
    pub fn decide(&self) -> Option<Encoding> {
        let legacy = |own: usize, other: usize| own >= 3 && own > other && own > 2 * self.unicode;
        if legacy(self.tcvn3, self.vni) {
            Some(Encoding::Tcvn3)
        } else if legacy(self.vni, self.tcvn3) {
            Some(Encoding::Vni)
        } else if self.unicode > 0 {
            Some(Encoding::Unicode)
        } else {
            None
        }
    }

    fn add(&mut self, text: &str) {
        let mut prev: Option<char> = None;
        for c in text.chars() {
            if unicode_only(c) {
                self.unicode += 1;
            } else if let Some(b) = cp1252_byte(c).filter(|b| *b >= 0xA1) {
                let after_lower = prev.is_some_and(|p| p.is_ascii_lowercase());
                // A vowel, or VNI's ơ and ư as their bytes read (ô ö).
                let after_vowel = prev.is_some_and(|p| "aeiouyAEIOUYôÔöÖ".contains(p));
                if (0xA1..=0xBF).contains(&b) && tcvn3_char(b).is_some()
                    || (0xC0..=0xDF).contains(&b) && after_lower && tcvn3_char(b).is_some()
                {
                    self.tcvn3 += 1;
                } else if tcvn3_char(b).is_some() && !VIETNAMESE_LATIN1.contains(c) {
                    self.tcvn3_weak += 1;
                }
                if after_vowel && vni_mark(b).is_some() || matches!(b, 0xF1 | 0xD1 | 0xF6) {
                    self.vni += 1;
                }
            }
            prev = Some(c);
        }
    }
}

/// The encoding of a column (or any set of texts), decided over all of them: TCVN3 or VNI
/// when its signs are found at least 3 times and outnumber both the other's and twice the
/// letters only Unicode has; Unicode when they hold such letters; `None` when the texts say
/// too little either way (numbers, words without diacritics, a sign or two: the sheet as a
/// whole decides).
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Encoding> {
    texts
        .into_iter()
        .map(Evidence::of)
        .sum::<Evidence>()
        .decide()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conversion_reads_as_vietnamese_or_is_not_one() {
        for (before, enc) in [
            ("V¨n phßng Së", Encoding::Tcvn3),
            ("Thanh tra Së", Encoding::Tcvn3),
            ("Phßng KÕ ho¹ch - Tµi chÝnh", Encoding::Tcvn3),
            ("Thanh tra Sôû", Encoding::Vni),
            ("Nghieân cöùu, quyeát ñònh", Encoding::Vni),
            ("P.C§S", Encoding::Tcvn3),
            ("TT§T", Encoding::Tcvn3),
        ] {
            let after = convert(before, enc);
            assert!(reads_as_vietnamese(before, &after), "{before} → {after}");
        }
        for (before, enc) in [
            ("Zoë Dupont", Encoding::Vni),
            ("José Peña", Encoding::Vni),
            ("Björn Ångström", Encoding::Vni),
            ("Noël", Encoding::Tcvn3),
        ] {
            let after = convert(before, enc);
            assert!(!reads_as_vietnamese(before, &after), "{before} → {after}");
        }
        let lone = |t: &str| lone_font(t, &Evidence::of(t));
        assert_eq!(lone("Thanh tra Së"), Some(Encoding::Tcvn3));
        assert_eq!(lone("Thanh tra Sôû"), Some(Encoding::Vni));
        for as_typed in ["Noël", "Zoë Dupont", "Café Phố", "Thanh tra Sở", "Báo cáo"] {
            assert_eq!(lone(as_typed), None, "{as_typed}");
        }
    }

    /// Every vowel with every tone, lower case, as Unicode (NFC).
    fn all_vowels() -> Vec<String> {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        let tones = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];
        bases
            .iter()
            .flat_map(|b| tones.iter().map(move |t| format!("{b}{t}").nfc().collect()))
            .collect()
    }

    /// TCVN3 as a legacy font stores it: each letter's byte, as Windows-1252.
    fn to_tcvn3(text: &str) -> String {
        text.chars()
            .map(|c| {
                TCVN3
                    .iter()
                    .chain(&TCVN3_TAIL)
                    .find(|(_, u)| *u == c)
                    .map_or(c, |(b, _)| *b as char)
            })
            .collect()
    }

    #[test]
    fn tcvn3_sentences_from_documents_of_the_time() {
        // Written in TCVN3 by offices (the Quốc hiệu, place names), as their bytes read in
        // Windows-1252.
        for (legacy, unicode) in [
            (
                "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
                "Cộng hoà xã hội chủ nghĩa Việt Nam",
            ),
            ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
            // ư is byte 0xAD, a soft hyphen in Windows-1252 (invisible in the old fonts' stead).
            (
                "B¶o Th¾ng, M\u{AD}êng Kh\u{AD}¬ng, B¸t X¸t",
                "Bảo Thắng, Mường Khương, Bát Xát",
            ),
            (
                "Phßng KÕ ho¹ch - Tµi chÝnh tæng hîp, b¸o c¸o kÕt qu¶ thùc hiÖn",
                "Phòng Kế hoạch - Tài chính tổng hợp, báo cáo kết quả thực hiện",
            ),
            (
                "Trung t©m C«ng nghÖ th«ng tin vµ TruyÒn th«ng ®· hoµn thµnh",
                "Trung tâm Công nghệ thông tin và Truyền thông đã hoàn thành",
            ),
        ] {
            assert_eq!(convert(legacy, Encoding::Tcvn3), unicode);
        }
    }

    #[test]
    fn tcvn3_every_vowel_and_tone_and_its_capitals() {
        let all = all_vowels().join(" ") + " đ Ă Â Ê Ô Ơ Ư Đ";
        assert_eq!(convert(&to_tcvn3(&all), Encoding::Tcvn3), all);
        // 12 vowels × 6 tones, each a letter of its own in VN3 but the plain ASCII ones.
        assert_eq!(TCVN3.len() + TCVN3_TAIL.len(), 74);
    }

    /// VNI as a legacy font stores it: the base letter (ơ ư đ as their own bytes), then one
    /// byte for its shape mark and tone.
    fn to_vni(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            let d: Vec<char> = c.to_string().nfd().collect();
            let (base, upper) = (d[0], d[0].is_uppercase());
            let shape = ['\u{302}', '\u{306}'].into_iter().find(|m| d.contains(m));
            let tone = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}']
                .into_iter()
                .find(|m| d.contains(m));
            let horn = d.contains(&'\u{31B}');
            out.push(match (base, horn) {
                ('o', true) => 0xF4 as char,
                ('O', true) => 0xD4 as char,
                ('u', true) => 0xF6 as char,
                ('U', true) => 0xD6 as char,
                ('đ', _) => 0xF1 as char,
                ('Đ', _) => 0xD1 as char,
                (b, _) => b,
            });
            let marks: String = shape.into_iter().chain(tone).collect();
            if !marks.is_empty() {
                let (lo, hi, _) = VNI_MARKS
                    .iter()
                    .chain(std::iter::once(&VNI_BREVE_DOT))
                    .find(|(_, _, m)| *m == marks)
                    .unwrap();
                out.push((if upper { *hi } else { *lo }) as char);
            }
        }
        out
    }

    #[test]
    fn vni_sentences_and_every_vowel_and_tone_in_both_cases() {
        for (legacy, unicode) in [
            ("Xin chaøo caùc baïn", "Xin chào các bạn"),
            (
                "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            ),
            (
                "Ñoäc laäp - Töï do - Haïnh phuùc",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
        ] {
            assert_eq!(convert(legacy, Encoding::Vni), unicode);
        }
        let lower = all_vowels().join(" ") + " đ";
        let upper = lower.to_uppercase();
        for text in [lower, upper] {
            let legacy = to_vni(&text);
            // The i forms and ỵ are single bytes; the encoder writes marks, which read alike.
            assert_eq!(convert(&legacy, Encoding::Vni), text, "{legacy}");
        }
    }

    #[test]
    fn a_column_is_told_by_all_its_cells() {
        let tcvn = ["Phßng KÕ ho¹ch - Tµi chÝnh", "V¨n phßng Së", "Thanh tra"];
        assert_eq!(detect(tcvn), Some(Encoding::Tcvn3));
        let vni = [
            "Phoøng Keá hoaïch - Taøi chính",
            "Vaên phoøng Sôû",
            "Ñang thöïc hieän",
        ];
        assert_eq!(detect(vni), Some(Encoding::Vni));
        let unicode = [
            "Phòng Kế hoạch - Tài chính",
            "Văn phòng Sở",
            "Đang thực hiện",
        ];
        assert_eq!(detect(unicode), Some(Encoding::Unicode));
        // Unicode with only Windows-1252 letters is left alone.
        assert!(!matches!(
            detect(["Phòng Tài chính", "các phòng", "Thanh tra Sở"]),
            Some(Encoding::Tcvn3 | Encoding::Vni)
        ));
        assert_eq!(detect(["12", "x", "KHTC"]), None);
        // One sign is too little to tell: the sheet decides.
        assert_eq!(detect(["Ngµy giao", "02/01/2025"]), None);
    }

    #[test]
    fn cp1252_bytes_read_back() {
        let bytes: Vec<u8> = (0x20..=0xFF).collect();
        let text = from_cp1252(&bytes);
        let back: Vec<u8> = text.chars().filter_map(cp1252_byte).collect();
        // 0x81, 0x8D, 0x8F, 0x90, 0x9D have no character and come back as themselves.
        assert_eq!(text.chars().nth(0x80 - 0x20), Some('€'));
        assert_eq!(back, bytes);
    }
}
