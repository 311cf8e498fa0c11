//! The units a tracker's cell names: the directory's, new ones proposed, and the names that are
//! no one unit (a group, a person, a place, sentences).

use super::rows::ditto;
use std::collections::VecDeque;

use super::*;

/// Words that name a kind of body or place, not one unit: a name made of them alone
/// ("thành phố", "các phòng, đơn vị") stands for no one unit of the directory.
pub(super) const GENERIC: &[&str] = &[
    "cac", "tat", "ca", "moi", "nhung", "phong", "ban", "nganh", "don", "vi", "co", "quan", "lien",
    "quan", "dia", "phuong", "so", "xa", "huyen", "thi", "tran", "thanh", "pho", "tinh", "truc",
    "thuoc", "chuyen", "mon", "va", "co", "khac", "to", "chuc", "doan", "the", "trung", "tam",
];

/// Whether the words of `unit`'s name (its notes in brackets aside) that `name` leaves out
/// are only words of a kind of body or place ("Sở", "Phòng", "tỉnh"), or its place.
fn leaves_out_only_kinds(name: &str, unit: &str) -> bool {
    let said = crate::text::words(name);
    let whole = crate::text::words(&values::without_notes(unit));
    let place = values::place_of(unit)
        .map(|p| crate::text::words(&p))
        .unwrap_or_default();
    (whole.iter()).all(|w| said.contains(w) || GENERIC.contains(&w.as_str()) || place.contains(w))
}

/// Whether a name opens with a spreadsheet function's call: a word in capitals, then "("
/// ("SUM(A1)", "HYPERLINK(\"…\")").
pub(super) fn a_function_call(name: &str) -> bool {
    let name = name.trim_start().trim_start_matches(['=', '+', '-', '@']);
    name.find('(').is_some_and(|open| {
        let f = &name[..open];
        f.len() >= 2
            && f.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
    })
}

/// Family names most Vietnamese carry: a name of two to four words starting with one, and
/// no word that names a body, is a person's ("Nguyễn Văn Bình").
pub(super) const FAMILY_NAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dinh", "trinh", "doan", "lam", "mai", "truong", "cao", "ha",
];

/// Words that name a body (a name holding one is not a person's).
pub(super) const BODY_WORDS: &[&str] = &[
    "phong", "so", "ban", "trung", "tam", "ubnd", "cuc", "vien", "cong", "ty", "hoi", "doi", "xa",
    "huyen", "tinh", "phuong", "tra", "kho", "thcs", "thpt", "th", "mn", "mam", "non", "hdnd",
    "dang", "uy",
];

/// Words that say what kind of body a name is (a unit's name holds one; an abbreviation is
/// one word and is looked up as such).
pub(super) const KIND_WORDS: &[&str] = &[
    "phong", "so", "ban", "trung", "tam", "ubnd", "van", "cuc", "vien", "cong", "ty", "doi", "hoi",
    "tra", "bac", "truong", "dang", "uy", "hdnd", "tt", "ttcntt", "ubmttq", "mat", "tran", "doan",
    "lien", "khu", "nha", "xi", "nghiep", "buu", "dien", "benh",
];

/// Whether each word of `name` is one of the unit's (its name's, short name's or code's), a
/// word any unit's name may add ("Phòng", "Sở"), a letter, or letters standing for some of its
/// words ("VP", "KHTC"): else `name` is another body that only looks like it ("Công đoàn
/// Sở" is not "Phòng Chuyển đổi số", "Sở Ngoại vụ" not "Sở Nội vụ", "Thanh tra tỉnh" not
/// "Thanh tra Sở").
fn words_of_unit(name: &str, u: &unit::Unit) -> bool {
    const ANY_UNITS: [&str; 6] = ["phong", "so", "trung", "tam", "ban", "tt"];
    let forms: Vec<&str> = std::iter::once(u.name.as_str())
        .chain(u.short_name.as_deref())
        .chain(u.code.as_deref())
        .collect();
    let own: Vec<String> = forms.iter().flat_map(|f| crate::text::words(f)).collect();
    let initials: Vec<String> = forms
        .iter()
        .map(|f| crate::text::abbreviations(f))
        .collect();
    crate::text::words(name).iter().all(|w| {
        w.chars().count() == 1
            || ANY_UNITS.contains(&w.as_str())
            || own.contains(w)
            || initials.iter().any(|a| a.contains(w.as_str()))
    })
}

/// Whether `name` names a body of the province ("Thanh tra tỉnh", "Văn phòng tỉnh") where the
/// unit `found` is a part of the Sở itself ("Thanh tra Sở"): another body, not that unit.
fn of_the_office_for_a_province(name: &str, found: &str) -> bool {
    let words = crate::text::words(name);
    found.split_whitespace().last() == Some("Sở")
        && !name.split_whitespace().any(|w| w == "Sở")
        && words.iter().any(|w| w == "tinh")
}

/// Whether `name` and the unit `found` are each of a place, and not the same ("Trung tâm Y
/// tế huyện Si Ma Cai" is not the "Trung tâm Y tế huyện Bát Xát").
fn of_another_place(name: &str, found: &str) -> bool {
    match (values::place_of(name), values::place_of(found)) {
        (Some(a), Some(b)) => crate::text::words(&a) != crate::text::words(&b),
        _ => false,
    }
}

/// The level of a place written alone with its level word ("tỉnh Lào Cai" 3, "huyện Bát
/// Xát", "thị xã Sa Pa" 2, "xã A Mú Sung" 1), a name in capitals after it; none otherwise.
fn place_level(piece: &str) -> Option<u8> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    let (level, n) = level_at(&folded, 0)?;
    let named = words.len() > n
        && words[n..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    named.then_some(level)
}

/// The level word at `folded[i]` and its length in words.
fn level_at(folded: &[String], i: usize) -> Option<(u8, usize)> {
    let at = |k: usize| folded.get(i + k).map_or("", String::as_str);
    Some(match (at(0), at(1)) {
        ("tinh", _) => (3, 1),
        ("thanh", "pho") | ("thi", "xa") => (2, 2),
        ("thi", "tran") => (1, 2),
        ("huyen" | "quan", _) => (2, 1),
        ("xa" | "phuong", _) => (1, 1),
        _ => return None,
    })
}

/// A name without the place it ends with when that place is above the one before it
/// ("Phòng Văn hóa và Thông tin huyện Bát Xát tỉnh Lào Cai": the Phòng of Bát Xát, where
/// Bát Xát is), to look up as the directory writes it.
fn without_higher_place(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    let at = (1..words.len())
        .rev()
        .find(|&i| place_level(&words[i..].join(" ")).is_some())?;
    let rest = words[..at].join(" ");
    let (level, _) = level_at(&folded, at)?;
    (place_level_within(&rest) > 0 && level > place_level_within(&rest)).then_some(rest)
}

/// Whether two names' words that fold alike are written alike where both carry marks
/// ("Bắc" and "Bác" do not; "Bac" and "Bắc" do).
fn marks_agree(a: &str, b: &str) -> bool {
    let marked = |w: &str| !w.is_ascii();
    let (x, y) = (exact_words(a), exact_words(b));
    let (x, y): (Vec<&str>, Vec<&str>) = (x.split(' ').collect(), y.split(' ').collect());
    x.iter().all(|w| {
        y.iter().all(|v| {
            crate::text::fold(w) != crate::text::fold(v) || !marked(w) || !marked(v) || w == v
        })
    })
}

/// Whether two names' levels of place agree: the same levels in order, or one says none
/// ("Trung tâm Y tế Si Ma Cai", "Trung tâm Y tế huyện Si Ma Cai"); not "UBND huyện …" and
/// "UBND xã …" of one place.
fn levels_agree(a: &[String], b: &[String]) -> bool {
    // (By the words that say them: a xã, a phường and a thị trấn of one name are three.)
    let levels = |w: &[String]| -> Vec<String> {
        (0..w.len())
            .filter_map(|i| level_at(w, i).map(|(_, n)| w[i..i + n].join(" ")))
            .collect()
    };
    let (x, y) = (levels(a), levels(b));
    x.is_empty() || y.is_empty() || x == y
}

/// The highest level of place a name says ("… huyện Bát Xát" 2), 0 for none.
fn place_level_within(name: &str) -> u8 {
    let folded: Vec<String> = name.split_whitespace().map(crate::text::fold).collect();
    (0..folded.len())
        .filter_map(|i| level_at(&folded, i))
        .map(|(level, _)| level)
        .max()
        .unwrap_or(0)
}

/// Whether the unit `found` is a part of the body `named` names: its words end with the
/// name's, after words of its own that open with a kind of body ("Văn phòng UBND tỉnh" for
/// "UBND tỉnh").
pub(super) fn part_of_the_named(found: &str, named: &str) -> bool {
    let (f, n) = (crate::text::words(found), crate::text::words(named));
    f.len() > n.len()
        && f.ends_with(&n)
        && KIND_WORDS.contains(&f[0].as_str())
        && KIND_WORDS.contains(&n[0].as_str())
}

/// A person, by their post ("Lãnh đạo Sở", "Giám đốc Sở", "PGĐ Lê Văn C", "Phó Chủ tịch
/// UBND"), a form of address ("Ông …", "Bà …", "Đ/c …") or their name alone ("Nguyễn Văn
/// Bình"), not a unit.
pub(super) fn is_person(name: &str) -> bool {
    let words = crate::text::words(name);
    let w = |i: usize| words.get(i).map(String::as_str);
    let by_post = matches!(
        (w(0), w(1)),
        (Some("lanh"), Some("dao"))
            | (Some("giam"), Some("doc"))
            | (Some("pho"), Some("giam" | "chu"))
            | (Some("chu"), Some("tich"))
            // "Ban Giám đốc", "Ban lãnh đạo": the leaders, not a unit.
            | (Some("ban"), Some("giam" | "lanh"))
            | (Some("truong"), Some("phong" | "ban"))
            | (Some("dong"), Some("chi"))
            | (Some("d"), Some("c"))
            | (Some("ong" | "ba" | "pgd" | "gd" | "cv"), Some(_))
    );
    // Every word of a name is capitalised: "Đoàn Thanh niên" is a body.
    let capitalised =
        (name.split_whitespace()).all(|x| x.chars().next().is_some_and(char::is_uppercase));
    let named = (2..=4).contains(&words.len())
        && capitalised
        && w(0).is_some_and(|f| FAMILY_NAMES.contains(&f))
        && words[1..].iter().all(|x| !BODY_WORDS.contains(&x.as_str()));
    by_post || named
}

/// Whether `name` stands for no one unit: a group ("các xã", "UBND các huyện"), words that
/// only say a kind of body or place, a person by their post, or sentences typed in the
/// unit's cell.
pub(in crate::intake) fn not_a_unit(name: &str) -> bool {
    let words = crate::text::words(name);
    // The same words with their marks, to tell "mọi" (every) from "môi" (môi trường).
    let marked: Vec<String> = exact_words(name).split(' ').map(str::to_string).collect();
    // "Các phòng …", "UBND các huyện", "Tất cả đơn vị": a group, said first or after the
    // kind of body; not a name that holds the word further on ("Ban Quản lý các khu công
    // nghiệp tỉnh", "Sở Tài nguyên và Môi trường").
    pub(super) const BODY: &[&str] = &[
        "ubnd", "uy", "ban", "nhan", "dan", "so", "phong", "trung", "tam", "co", "quan", "don",
        "vi", "nganh",
    ];
    let group = words.iter().enumerate().any(|(k, w)| {
        let said = match w.as_str() {
            "cac" | "tat" | "nhung" => true,
            "moi" => marked.len() != words.len() || marked[k] != "môi",
            _ => false,
        };
        said && k <= 4 && words[..k].iter().all(|b| BODY.contains(&b.as_str()))
    });
    // "UBND cấp huyện", "Trung tâm Y tế cấp xã": every body of a level; "Phòng VH&TT các
    // huyện, thị xã", "Phòng VH&TT 8 huyện": the bodies of several places.
    // (A count, not a number: "Trường Tiểu học số 1 xã Bản Cầm" is one school.)
    let many = |k: usize| {
        words[k] == "cac"
            || (words[k].parse::<u32>().is_ok_and(|n| n >= 2) && (k == 0 || words[k - 1] != "so"))
    };
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let level = (0..words.len()).any(|k| {
        (w(k) == "cap" && matches!(w(k + 1), "huyen" | "xa" | "tinh" | "co" | "tren"))
            || (many(k)
                && (matches!(w(k + 1), "huyen" | "xa" | "tinh" | "phuong" | "quan")
                    || matches!(
                        [w(k + 1), w(k + 2)],
                        ["thi", "xa"] | ["thanh", "pho"] | ["thi", "tran"]
                    )))
    });
    group
        || level
        || (words.iter().all(|w| GENERIC.contains(&w.as_str()))
            // "Tỉnh đoàn", "Huyện ủy", "Thành đoàn": the Youth Union's or the Party's body.
            && !matches!(
                words.as_slice(),
                [level, body] if ["tinh", "huyen", "thanh", "thi", "xa"].contains(&level.as_str())
                    && ["doan", "uy"].contains(&body.as_str())
            ))
        || is_person(name)
        || sentences(name)
        // A formula typed as text ("=HYPERLINK(…)", "@SUM(A1)", "+SUM(A1)" once its sign is
        // taken for a bullet), a spreadsheet's truth value, markup.
        || name.trim_start().starts_with(['=', '@'])
        || a_function_call(name)
        || matches!(name.trim(), "TRUE" | "FALSE")
        || name.contains(['<', '>'])
        // No words ("1", "-"), or words that name none yet ("Chưa xác định", "Chưa phân công").
        || words.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()))
        || words.first().is_some_and(|w| w == "chua" || w == "khong")
        // "UBND", "HĐND", "Ủy ban nhân dân" alone: a kind of body, of no place said.
        || matches!(words.as_slice(), [w] if w == "ubnd" || w == "hdnd")
        || words == ["uy", "ban", "nhan", "dan"]
        // "Toàn Sở", "Toàn ngành", "Toàn tỉnh": every body of it.
        || (words.len() >= 2 && marked.first().is_some_and(|w| w == "toàn"))
        || ditto(name)
}

/// Whether `text` is sentences, not a name: a question or an exclamation, or a full stop
/// between words on either side ("… báo cáo kết quả về Giám đốc Sở. Văn phòng Sở tổng hợp");
/// a name's own stops are of short forms ("UBND TP. Lào Cai", "P. KHTC").
pub(super) fn sentences(text: &str) -> bool {
    if text.contains(['?', '!']) {
        return true;
    }
    let parts: Vec<&str> = text.split(". ").collect();
    parts.windows(2).any(|w| {
        w[0].split_whitespace().count() >= 3
            && w[1].split_whitespace().count() >= 2
            && !w[0].split_whitespace().last().is_some_and(short_form)
    })
}

/// Whether a word ended by a stop is a short form, not a sentence's last word: capitals
/// ("TP", "H", "UBND") or a place's or body's short form in small letters ("Tp", "TTr").
pub(super) fn short_form(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && (word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            || matches!(word, "Tp" | "Tx" | "TTr"))
}

impl Reading<'_> {
    /// How many of `words` (folded) at their end are the office's own place, after at least
    /// two others ("ubnd tinh lao cai" at an office of Lào Cai: 2); 0 for none.
    pub(super) fn own_place_at_end(&self, words: &[String]) -> usize {
        (self.office_places.iter())
            .map(|own| own.split(' ').collect::<Vec<_>>())
            .find(|place| {
                words.len() > place.len() + 1
                    && (words[words.len() - place.len()..].iter())
                        .map(String::as_str)
                        .eq(place.iter().copied())
            })
            .map_or(0, |place| place.len())
    }

    /// `words` (folded) without the office's own place at their end ("ubnd tinh").
    pub(super) fn without_own_place(&self, mut words: Vec<String>) -> Vec<String> {
        words.truncate(words.len() - self.own_place_at_end(&words));
        words
    }

    /// [`values::with_the_head_before`], for a place named alone that is not a unit of the
    /// directory, a person ("…, Nguyễn Văn An") or the office's own place ("…, Lào Cai").
    pub(super) fn sharing_the_head(&self, before: &str, piece: &str) -> Option<String> {
        let said = crate::text::plain(piece);
        let office_s =
            (self.office_places.iter()).any(|o| *o == said || o.ends_with(&format!(" {said}")));
        let known = self.directory.named(piece.trim()).is_some();
        if known || office_s || is_person(piece) {
            return None;
        }
        // "Phòng Nội vụ, Kế hoạch - Tài chính": the directory's "Phòng Kế hoạch - Tài chính".
        let kind = ["Phòng", "Sở", "Ban", "Chi cục", "Trung tâm"]
            .into_iter()
            .find(|k| before.trim_start().starts_with(&format!("{k} ")));
        let of_the_kind = kind
            .map(|k| format!("{k} {}", piece.trim()))
            .filter(|n| self.directory.named(n).is_some());
        of_the_kind.or_else(|| values::with_the_head_before(before, piece))
    }

    /// The place a name ends with, folded, when it is not the office's own ("Phòng Nội vụ
    /// huyện Bát Xát" at an office of Sa Pa); none when the office's places are not set.
    pub(super) fn foreign_place(&self, name: &str) -> Option<String> {
        let place = values::place_of(name).or_else(|| values::bare_place_noted(name));
        let place = crate::text::fold(&place?);
        let own =
            self.office_places.is_empty() || self.office_places.iter().any(|o| o.contains(&place));
        (!own).then_some(place)
    }

    /// The directory's unit a sheet's name names ("Văn phòng Sở", "TTr", "P. KHTC"), by its
    /// full name; none for a name that says no unit ("Sheet1", "Năm 2025").
    pub(super) fn unit_named_by(&mut self, sheet: &str) -> Result<Option<String>> {
        let mut names = vec![sheet.trim().to_string()];
        names.extend(values::other_forms(sheet.trim()));
        for name in names {
            if name.is_empty() || not_a_unit(&name) {
                continue;
            }
            let id = match self.directory.named(&name).and_then(|u| u.id) {
                Some(id) => Some(id),
                None => match self.find_unit(&name)? {
                    Found::Known(id) => Some(id),
                    _ => None,
                },
            };
            if let Some(id) = id {
                return Ok(Some(unit::get(self.conn, id)?.name));
            }
        }
        Ok(None)
    }

    /// The leader a sheet is kept for (a tracker kept a sheet per leader): one the sheet's name
    /// ("GĐ Bùi Hồng Bình", "PGĐ Phạm Minh Long") or the title in its rows `above` the table
    /// ("NHIỆM VỤ DO ĐỒNG CHÍ PHẠM MINH LONG - PHÓ GIÁM ĐỐC SỞ GIAO") names by their full name,
    /// a Giám đốc, Chủ tịch or Bí thư or their deputy; none when neither names one, and the
    /// names when they name several.
    pub(super) fn leader_named_by(
        &mut self,
        g: &Grid,
        above: usize,
    ) -> Result<std::result::Result<Option<Uuid>, Vec<String>>> {
        let mut said = vec![g.name.trim().to_string()];
        for row in g.rows.iter().take(above) {
            for cell in row {
                if let Cell::Text(t) = cell {
                    said.extend(values::giver_in_title(t));
                }
            }
        }
        // Those who give tasks (not a specialist's sheet of what they follow), each named by
        // their full name, its words together, wherever the words say it ("PGĐ Phạm Minh
        // Long (2)", "Copy of …", "NV PGĐ …", "… GIAO (ĐỒNG CHÍ A, ĐỒNG CHÍ B)"): a sheet
        // "Tháng 3" is not "Đ/c Thắng".
        let leaders: Vec<(Uuid, String, Vec<String>)> =
            (crate::person::list(self.conn, None, true)?.into_iter())
                .filter(|p| {
                    let post = crate::text::fold(p.title.as_deref().unwrap_or_default());
                    ["giam doc", "chu tich", "bi thu"]
                        .iter()
                        .any(|t| post.contains(t))
                })
                .map(|p| {
                    let full = crate::text::words(&p.full_name);
                    (p.id, p.full_name, full)
                })
                .filter(|(_, _, full)| full.len() >= 2)
                .collect();
        let mut found: Vec<(Uuid, String)> = Vec::new();
        for (k, s) in said.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
            let written = crate::text::words(s);
            // (Not, in the sheet's name, one something is sent, passed, submitted or given to,
            // asked, invited, advised, assisted or worked with, or who follows it up, receives
            // it or carries it out: "BC gửi Bùi Hồng Bình", "Chuyển/Mời/Tham mưu/Giúp
            // việc/Phối hợp đ.c …", "Trình PGĐ …", "Xin ý kiến …", "Giao đ.c …", "Đ.c …
            // theo dõi", "Đ.c … được giao", "Đ.c … thực hiện"; but "Phạm Minh Long giao".)
            let to_them = |at: usize, n: usize| {
                const BEFORE: &[&str] = &[
                    "gui", "giao", "cho", "kinh", "trinh", "xin", "nho", "hoi", "nhac", "xuat",
                    "chuyen", "moi", "cung", "thay",
                ];
                let after = &written[at + n..];
                k == 0
                    && (written[..at].iter().any(|w| BEFORE.contains(&w.as_str()))
                        || written[..at].windows(2).any(|p| {
                            matches!(
                                [p[0].as_str(), p[1].as_str()],
                                ["tham", "muu"]
                                    | ["phoi", "hop"]
                                    | ["giup", "viec"]
                                    | ["phuc", "vu"]
                                    | ["bao", "cao"]
                            )
                        })
                        || after.windows(2).any(|p| {
                            matches!(
                                [p[0].as_str(), p[1].as_str()],
                                ["theo", "doi"]
                                    | ["duoc", "giao"]
                                    | ["thuc", "hien"]
                                    | ["lam", "viec"]
                            )
                        })
                        || after
                            .first()
                            .is_some_and(|w| ["nhan", "du", "di"].contains(&w.as_str())))
            };
            // Or by the given name after a post ("PGĐ Dũng", "Đ/c Long", "LĐ Long"); two leaders
            // of that name are both named (told as unclear).
            let by_given_name = |full: &[String]| {
                const POSTS: &[&[&str]] = &[
                    &["pgd"],
                    &["ld"],
                    &["gd"],
                    &["giam", "doc"],
                    &["chu", "tich"],
                    &["pct"],
                    &["bi", "thu"],
                    &["dong", "chi"],
                    &["dc"],
                    &["d", "c"],
                ];
                let given = full.last()?;
                // (After a post, or after another leader's given name after one: "PGĐ
                // Long-Dũng", "PGĐ Long và Dũng".)
                let givens: Vec<&String> =
                    leaders.iter().filter_map(|(_, _, f)| f.last()).collect();
                let after_a_post = |mut i: usize| {
                    while i >= 2 && givens.contains(&&written[i - 1]) {
                        i -= 1;
                    }
                    if i >= 3 && written[i - 1] == "va" && givens.contains(&&written[i - 2]) {
                        i -= 2;
                    }
                    POSTS.iter().any(|p| {
                        i >= p.len()
                            && written[i - p.len()..i]
                                .iter()
                                .zip(p.iter())
                                .all(|(a, b)| a == b)
                    })
                };
                (1..written.len())
                    .find(|&i| &written[i] == given && after_a_post(i))
                    .map(|i| (i, 1))
            };
            // (In the order the words name them.)
            let mut here: Vec<(usize, Uuid, &String)> = (leaders.iter())
                .filter_map(|(id, name, full)| {
                    let (at, n) = written
                        .windows(full.len())
                        .position(|w| w == full.as_slice())
                        .map(|at| (at, full.len()))
                        .or_else(|| by_given_name(full))?;
                    (!to_them(at, n)).then_some((at, *id, name))
                })
                .collect();
            here.sort_by_key(|(at, _, _)| *at);
            for (_, id, name) in here {
                if !found.iter().any(|(one, _)| *one == id) {
                    found.push((id, name.clone()));
                }
            }
        }
        Ok(match found.len() {
            0 => Ok(None),
            1 => Ok(Some(found[0].0)),
            _ => Err(found.into_iter().map(|(_, name)| name).collect()),
        })
    }

    /// The person a "người giao" cell names (read once a file); of a list of people of the
    /// office ("Phạm Minh Long, Đỗ Thu Hùng"), the first.
    pub(super) fn leader(&mut self, cell: &str) -> Result<std::result::Result<Uuid, Vec<String>>> {
        if let Some(found) = self.leaders.get(cell) {
            return Ok(found.clone());
        }
        let mut found = leader_named(self.conn, cell)?;
        let listed = people_listed(cell);
        if matches!(&found, Err(c) if c.is_empty()) && listed.len() > 1 {
            let each = (listed.iter())
                .map(|p| leader_named(self.conn, p))
                .collect::<Result<Vec<_>>>()?;
            if each.iter().all(std::result::Result::is_ok) {
                found = each[0].clone();
            }
        }
        self.leaders.insert(cell.to_string(), found.clone());
        Ok(found)
    }

    pub(super) fn find_unit(&mut self, name: &str) -> Result<Found> {
        // (By the words as written, marks kept: "Báo" and "Bảo" are read each on its own.)
        let key = exact_words(name);
        if let Some(f) = self.units.get(&key) {
            return Ok(f.clone());
        }
        let found = match unit::resolve(self.conn, name, Field::LeadUnit) {
            // "UBND tỉnh" is not "Văn phòng UBND tỉnh": a body the name is the end of, after
            // a kind word of its own, is a part of the body named, not that body.
            Ok(u) if part_of_the_named(&u.name, name) => Found::Unknown,
            // Another body whose initials or words only look like the unit's, or that leaves
            // out words of its own ("Trung tâm Dữ liệu" is not the "Trung tâm Tích hợp dữ
            // liệu"; "Thanh tra" is "Thanh tra Sở").
            Ok(u) if !words_of_unit(name, &u) || !leaves_out_only_kinds(name, &u.name) => {
                Found::Unknown
            }
            Ok(u) => match self.places_left_unsaid(name, &u)? {
                Some(units) => Found::Ambiguous(units),
                None => Found::Known(u.id),
            },
            Err(Error::Invalid {
                rule: Rule::Ambiguous { candidates, .. },
                ..
            }) => match self.directory.named(name).and_then(|u| u.id) {
                Some(id) => Found::Known(id),
                None => Found::Ambiguous(candidates),
            },
            Err(Error::NotFound { .. }) => match self.directory.named(name).and_then(|u| u.id) {
                Some(id) => Found::Known(id),
                None => Found::Unknown,
            },
            Err(e) => return Err(e),
        };
        self.units.insert(key, found.clone());
        Ok(found)
    }

    /// The units of each place that share the name of `u`, a unit of one place, when `name`
    /// does not say the place ("P.VHTT", "Phòng VHTT" for the Phòng Văn hóa và Thông tin of
    /// each district); none when it says it, or one place alone has such a unit.
    fn places_left_unsaid(&self, name: &str, u: &unit::Unit) -> Result<Option<Vec<String>>> {
        let (Some(place), Some([bare, _])) =
            (values::place_of(&u.name), values::without_place(&u.name))
        else {
            return Ok(None);
        };
        let said = crate::text::words(name);
        if crate::text::words(&place).iter().all(|w| said.contains(w)) {
            return Ok(None);
        }
        let bare = crate::text::words(&bare);
        let same: Vec<String> = (unit::list(self.conn, false)?.into_iter())
            .filter(|o| {
                values::without_place(&o.name).is_some_and(|[b, _]| crate::text::words(&b) == bare)
            })
            .map(|o| o.name)
            .collect();
        Ok((same.len() > 1).then_some(same))
    }

    /// The unit of `name`, a new one proposed when unknown; an ambiguous name is an issue.
    /// A name without a word for a kind of body ("Sa Pa", "huyện Bát Xát") is matched only
    /// whole or by code, never taken for the Phòng of that place.
    pub(super) fn pick(
        &mut self,
        name: &str,
        short: Option<&str>,
        sheet: &str,
        row: u32,
    ) -> Result<Result<Pick, Vec<String>>> {
        let words = crate::text::words(name);
        let spelled = values::spelled_out(name).map(|full| crate::text::words(&full));
        let bodied =
            (spelled.as_ref().unwrap_or(&words).iter()).any(|w| KIND_WORDS.contains(&w.as_str()));
        let found = match self.directory.named(name).and_then(|u| u.id) {
            // (Not another body that only looks like it.)
            Some(id) if words_of_unit(name, &unit::get(self.conn, id)?) => Found::Known(id),
            Some(_) => Found::Unknown,
            // ("Tài chính": the words of several units' names, none of them.)
            None if !bodied && words.len() > 1 => {
                let within = (unit::list(self.conn, false)?.into_iter())
                    .filter(|u| {
                        let of = crate::text::words(&u.name);
                        of.windows(words.len()).any(|w| w == words.as_slice())
                    })
                    .map(|u| u.name)
                    .collect::<Vec<_>>();
                match within.len() {
                    0 | 1 => Found::Unknown,
                    _ => Found::Ambiguous(within),
                }
            }
            // ("Phòng VH-TT": as "Phòng VHTT" when it reads so.)
            None => match (self.find_unit(name)?, values::spelled_out(name)) {
                (Found::Unknown, Some(full)) if !not_a_unit(&full) => self.find_unit(&full)?,
                (found, _) => found,
            },
        };
        // A unit no longer active, written another way ("TT Tích hợp DL"): that unit (the
        // row refused), not a new one.
        let found = match found {
            Found::Unknown => self
                .retired_unit(name)?
                .map_or(Found::Unknown, Found::Known),
            found => found,
        };
        Ok(match found {
            Found::Known(id) => Ok(Pick::Known(id)),
            Found::Ambiguous(c) => Err(c),
            // A name longer than any unit's may be (a note typed in the unit's cell): no
            // unit to propose (told on its row, as a name matching none of several units).
            Found::Unknown if name.chars().count() > unit::NAME_CHARS as usize => Err(Vec::new()),
            // Nor one holding letters of another alphabet ("Công аn tỉnh", its "а" Cyrillic;
            // "Thanh tra Sο", its "ο" Greek): a name that only looks like a unit's.
            Found::Unknown
                if name
                    .chars()
                    .any(|c| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}')) =>
            {
                Err(Vec::new())
            }
            Found::Unknown => {
                // The same new unit written another way in the file ("P. An ninh mạng",
                // "Phòng ANM" for "Phòng An ninh mạng") is that unit, proposed once.
                // "UBND tỉnh" and "UBND tỉnh Lào Cai" at an office of Lào Cai: one unit.
                let full = values::spelled_out(name).unwrap_or_else(|| name.to_string());
                let words = self.without_own_place(crate::text::words(&full));
                // (By its words as written, marks kept: "Bác" is not "Bắc".)
                let key = exact_words(&full);
                let next = self.new_units.len();
                // ("Phòng Hạ tầng + An toàn thông tin", "… và …", "… & …": one name.)
                // ("Kho bạc Nhà nước tỉnh" and "Kho bạc Nhà nước": one name, its level aside.)
                // ("Trung tâm Y tế Si Ma Cai" and "… huyện Si Ma Cai": one name, the level
                // of its place aside; "Phòng VHTT Si Ma Cai" and "VHTT Si Ma Cai" too, the
                // kind "Phòng" aside.)
                let joined = |w: &[String]| -> Vec<String> {
                    let w = match w.split_last() {
                        Some((last, rest)) if last == "tinh" && !rest.is_empty() => rest,
                        _ => w,
                    };
                    let w = match w.split_first() {
                        Some((first, rest)) if first == "phong" && rest.len() >= 2 => rest,
                        _ => w,
                    };
                    let mut out: Vec<String> = Vec::with_capacity(w.len());
                    let mut k = 0;
                    while k < w.len() {
                        let before_place = k > 0 && k + 1 < w.len();
                        match level_at(w, k) {
                            Some((_, n)) if before_place && k + n < w.len() => k += n,
                            _ => {
                                if w[k] != "va" {
                                    out.push(w[k].clone());
                                }
                                k += 1;
                            }
                        }
                    }
                    out
                };
                // (The short form written after a new unit's name, "TTPVHCC", is that unit;
                // one that several new units wrote is none's alone: told.)
                let by_short = self.new_unit_shorts.get(&crate::text::fold(name.trim()));
                if let Some(units) = by_short.filter(|u| u.len() > 1) {
                    return Ok(Err((units.iter())
                        .map(|&k| self.new_units[k].name.clone())
                        .collect()));
                }
                let same = by_short.map(|u| u[0]).or_else(|| {
                    self.new_units.iter().position(|u| {
                        let other = values::spelled_out(&u.name).unwrap_or_else(|| u.name.clone());
                        let other = self.without_own_place(crate::text::words(&other));
                        let (a, b) = (joined(&words), joined(&other));
                        // (Not bodies of two levels of one place: "UBND huyện Si Ma Cai" and
                        // "UBND xã Si Ma Cai".)
                        let agree = levels_agree(&words, &other);
                        // ("UBND xã Bản Mế" and "UBND xã Bản Mế huyện Si Ma Cai": the place
                        // above it added.)
                        let placed = |x: &str, y: &[String]| {
                            without_higher_place(x).is_some_and(|r| crate::text::words(&r) == y)
                        };
                        // (Nor words written with other marks: "Bác" is not "Bắc".)
                        marks_agree(name, &u.name)
                            && (placed(&full, &other)
                                || placed(&u.name, &words)
                                || crate::text::abbreviates(&words, &other)
                                || crate::text::abbreviates(&other, &words)
                                || (agree
                                    && (crate::text::abbreviates(&a, &b)
                                        || crate::text::abbreviates(&b, &a)
                                        || a == b)))
                    })
                });
                let i = match same {
                    Some(i) => *self.new_unit_index.entry(key).or_insert(i),
                    None => *self.new_unit_index.entry(key).or_insert(next),
                };
                if i == next {
                    self.new_units.push(NewUnitPlan {
                        name: name.trim().to_string(),
                        short: None,
                        sheet: sheet.to_string(),
                        row,
                    });
                } else {
                    // "TTPVHCC" read first, "Trung tâm Phục vụ hành chính công (TTPVHCC)"
                    // later: the unit takes the whole name, the first as its short form.
                    let unit = &mut self.new_units[i];
                    let before = crate::text::words(&unit.name);
                    if crate::text::abbreviates(&before, &words) {
                        let was = std::mem::replace(&mut unit.name, name.trim().to_string());
                        if short.is_none() && !was.contains(' ') {
                            self.shorten(i, &was, (sheet, row));
                        }
                    }
                }
                if let Some(short) = short {
                    self.shorten(i, short, (sheet, row));
                }
                Ok(Pick::New(i))
            }
        })
    }

    /// Notes `short` as the short form new unit `i` was written with (`at` a sheet's row):
    /// kept as its own unless the directory holds it (told) or another new unit was written
    /// with it too.
    fn shorten(&mut self, i: usize, short: &str, (sheet, row): (&str, u32)) {
        let units = self
            .new_unit_shorts
            .entry(crate::text::fold(short))
            .or_default();
        if !units.contains(&i) {
            units.push(i);
        }
        let shared = units.len() > 1;
        let holder = self.directory.named(short).and_then(|u| u.id);
        let taken = holder.is_some();
        let told = |p: &RowProblem| p.message.vi.contains(&format!("“{short}”"));
        if let Some(holder) = holder
            && !self.shorts_taken.iter().any(told)
        {
            let holder =
                unit::get(self.conn, holder).map_or_else(|_| short.to_string(), |u| u.name);
            let issue = Issue::ShortFormTaken {
                short: short.to_string(),
                unit: self.new_units[i].name.clone(),
                holder,
            };
            self.shorts_taken.push(RowProblem {
                sheet: sheet.to_string(),
                row,
                column: None,
                field: None,
                skipped: false,
                held: false,
                message: issue.words(),
            });
        }
        for k in units.clone() {
            let unit = &mut self.new_units[k];
            unit.short = match shared || taken {
                true => None,
                false => unit.short.clone().or_else(|| Some(short.to_string())),
            };
        }
    }

    /// The units a cell names (the same text read once a file: trackers repeat a few unit
    /// cells over thousands of rows).
    pub(super) fn picks(&mut self, cell: &str, sheet: &str, row: u32) -> Result<Picked> {
        if let Some(p) = self.picked.get(cell) {
            return Ok(p.clone());
        }
        let p = self.read_picks(cell, sheet, row)?;
        self.picked.insert(cell.to_string(), p.clone());
        Ok(p)
    }

    /// The unit of the one person of the office a name says ("Đ/c Lò Thu Nam", "TP Mai"),
    /// when the directory gives them one, and whether that person is still active.
    fn unit_of_person(&mut self, name: &str) -> Result<Option<(Uuid, bool)>> {
        let said = name.replace("Đ/c", "đồng chí").replace("đ/c", "đồng chí");
        Ok(match self.leader(&said)? {
            Ok(id) => {
                let p = crate::person::get(self.conn, id)?;
                p.unit_id.map(|u| (u, p.active))
            }
            Err(_) => None,
        })
    }

    /// Whether `name` is only the place one of the directory's units is of ("Bát Xát", "Sa
    /// Pa", "Lào Cai"): no one unit (the place's committee or its Phòng, who can say).
    fn a_place_alone(&mut self, name: &str) -> Result<bool> {
        if self.exact(name).is_some() {
            return Ok(false);
        }
        if self.places.is_none() {
            let units = unit::list(self.conn, true)?;
            let places = units.iter().filter_map(|u| values::place_of(&u.name));
            self.places = Some(places.map(|p| crate::text::words(&p).join(" ")).collect());
        }
        let words = crate::text::words(name).join(" ");
        Ok(self.places.as_ref().is_some_and(|p| p.contains(&words)))
    }

    /// The directory's unit of exactly this name (or code, short name).
    fn exact(&self, name: &str) -> Option<Uuid> {
        self.directory.named(name).and_then(|u| u.id)
    }

    /// The units a cell names: the whole cell first, else its parts, each read by the steps
    /// below in turn; a step that parts a name puts its parts back to be read.
    fn read_picks(&mut self, cell: &str, sheet: &str, row: u32) -> Result<Picked> {
        // A full-width comma ("，", typed with an East Asian keyboard) is a comma.
        let cell = &cell.replace('，', ",");
        // A mark ("x", "-") or a spreadsheet's error value ("#N/A", "#REF!") names no unit.
        let error_value = cell.trim().starts_with('#') && !cell.contains(' ');
        let marks = crate::text::words(cell)
            .iter()
            .all(|w| w.chars().count() <= 1);
        if cell.trim().is_empty() || error_value || marks {
            return Ok(Ok((Vec::new(), Vec::new())));
        }
        // A name the directory holds whole is that unit, whatever its words ("Ban Quản lý các
        // dự án …"); otherwise a group, a place or a person is no one unit.
        if let Some(id) = self.exact(cell) {
            return Ok(Ok((vec![Pick::Known(id)], Vec::new())));
        }
        if self.a_place_alone(cell)? {
            return Ok(Ok((Vec::new(), vec![cell.trim().to_string()])));
        }
        if !not_a_unit(cell)
            && let Found::Known(id) = self.find_unit(cell)?
        {
            return Ok(Ok((vec![Pick::Known(id)], Vec::new())));
        }
        let (mut out, mut none) = (Vec::new(), Vec::new());
        // Names split at ";" and line breaks first; a part the directory does not hold whole
        // is split again at its commas ("Trung tâm Giám sát, điều hành …; VP" keeps the
        // centre's name, "Văn phòng, Thanh tra Sở" is two units).
        let mut names: VecDeque<String> = values::unit_names(cell).into();
        // Names joined back at their commas, not to be split again.
        let mut whole: HashSet<String> = HashSet::new();
        // The name read before, whose body a place named alone shares.
        let mut before: Option<String> = None;
        let put_back = |names: &mut VecDeque<String>, parts: Vec<String>| {
            for part in parts.into_iter().rev() {
                names.push_front(part);
            }
        };
        while let Some(name) = names.pop_front() {
            // "UBND xã Si Ma Cai; Bản Cầm" (or on the next line): the next place's body.
            let name = match before
                .as_deref()
                .and_then(|b| self.sharing_the_head(b, &name))
            {
                Some(full) => full,
                None => name,
            };
            before = Some(name.clone());
            // "SUM(A1)" (its "+" taken for a bullet): a formula, before its brackets go.
            if a_function_call(&name) {
                none.push(name);
                continue;
            }
            // "UBND các xã: Si Ma Cai, Bản Cầm": each place's body.
            if let Some(each) = values::each_of_a_group(&name, |n| self.exact(n).is_some()) {
                put_back(&mut names, each);
                continue;
            }
            if let Some(parts) = self.parted_beside_a_unit(&name)? {
                put_back(&mut names, parts);
                continue;
            }
            let short = values::short_form_noted(&name);
            // The short forms written after names inside a list, to go with each name once
            // the list is parted ("Ban Quản lý các khu công nghiệp (BQL-KCN), Sở Tài chính").
            let listed_shorts = values::short_forms_listed(&name);
            let name = self.without_notes(&name);
            if name.is_empty() {
                continue;
            }
            if let Some(parts) = self.parted_by_marks(&name) {
                put_back(&mut names, parts);
                continue;
            }
            let name = self.directory_form(self.code_or_name(name))?;
            if name.contains(',') && self.exact(&name).is_none() && !whole.contains(&name) {
                let pieces = self.comma_pieces(&name);
                whole.extend(
                    (pieces.iter())
                        .filter(|p| p.contains(','))
                        .map(|p| p.trim().to_string()),
                );
                let mut pieces: Vec<String> = (pieces.iter())
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect();
                for piece in &mut pieces {
                    let words = crate::text::words(piece);
                    if let Some((_, short)) = listed_shorts.iter().find(|(w, _)| *w == words) {
                        *piece = format!("{piece} ({short})");
                    }
                }
                put_back(&mut names, pieces);
                continue;
            }
            if let Some(parts) = self.parted_by_words(&name) {
                put_back(&mut names, parts);
                continue;
            }
            // "Chủ tịch UBND xã Bản Cầm", "Bí thư Đảng ủy xã Sơn Hà": the head's unit, proposed
            // as new when the directory lacks it; a post over a group ("Thủ trưởng các phòng,
            // ban") names no one unit.
            let name = match values::unit_of_post(&name) {
                Some(_) if self.exact(&name).is_some() => name,
                Some(unit) if not_a_unit(&unit) => {
                    none.push(name);
                    continue;
                }
                Some(unit) => unit,
                None => name,
            };
            if let Some(id) = self.exact(&name) {
                if !out.contains(&Pick::Known(id)) {
                    out.push(Pick::Known(id));
                }
                continue;
            }
            // A person the office knows ("Đ/c Lò Thu Nam", "Hà Quốc Mai"): their unit, told.
            if is_person(&name)
                && let Some((unit, active)) = self.unit_of_person(&name)?
            {
                let unit_name = unit::get(self.conn, unit)?.name;
                // (One no longer active said so: the unit may be another's now.)
                let gone = if active {
                    ""
                } else {
                    " (người đã ngừng hoạt động)"
                };
                (self.by_person.entry(cell.to_string()).or_default())
                    .push(format!("{}{gone} → {unit_name}", name.trim()));
                if !out.contains(&Pick::Known(unit)) {
                    out.push(Pick::Known(unit));
                }
                continue;
            }
            if not_a_unit(&name) || self.a_place_alone(&name)? {
                none.push(name);
                continue;
            }
            match self.pick(&name, short.as_deref(), sheet, row)? {
                Ok(p) if !out.contains(&p) => out.push(p),
                Ok(_) => {}
                Err(c) => return Ok(Err((name, c))),
            }
        }
        Ok(Ok((out, none)))
    }

    /// A name without the notes and roles written around it: "Nguyễn Văn A (Chủ tịch UBND xã
    /// Sơn Hà)" the post in brackets, "Sở Tài chính (tỉnh Yên Bái)" the place, "Văn phòng Sở
    /// (chủ trì)" the role; a name the directory holds as written is kept.
    fn without_notes(&self, name: &str) -> String {
        // "Sở Tài chính (Yên Bái)": another place's unit, its place kept (never the
        // directory's unit of the name without it).
        if values::bare_place_noted(name).is_some() && self.foreign_place(name).is_some() {
            return name.trim().to_string();
        }
        let name = match values::place_noted(name) {
            Some(placed) if self.exact(name).is_none() => placed,
            _ => name.to_string(),
        };
        let name = match values::unit_of_post(&name) {
            Some(unit) if self.exact(&name).is_none() && self.exact(&unit).is_some() => unit,
            _ => values::without_notes(&name),
        };
        match self.exact(&name) {
            Some(_) => name,
            None => values::without_role(&name),
        }
    }

    /// "Văn phòng Sở - Thanh tra Sở", "VP/TTr", "Văn phòng Sở + Thanh tra Sở": units the
    /// directory holds, each (not one unit's code and name); none when the name is one unit
    /// or a part is not the directory's. Dashes inside a name the directory holds ("Phòng Kế
    /// hoạch - Tài chính") are kept: the parts are joined again where that makes such a name.
    fn parted_by_marks(&self, name: &str) -> Option<Vec<String>> {
        if self.exact(name).is_some() {
            return None;
        }
        let mut parts: Vec<String> = Vec::new();
        // (A hyphen without spaces too, "Văn phòng Sở-Thanh tra Sở", when each side is the
        // directory's.)
        // ("&" between capitals is a short name's, "CNTT&TT", "VH&TT": not a joint.)
        let joints = name.char_indices().filter(|&(k, c)| {
            let glued = c == '&'
                && name[..k].ends_with(|b: char| b.is_alphanumeric())
                && name[k + 1..].starts_with(|a: char| a.is_alphanumeric());
            "/+–|&".contains(c) && !glued
        });
        let mut parts_at = Vec::new();
        let mut from = 0;
        for (k, c) in joints {
            parts_at.push(&name[from..k]);
            from = k + c.len_utf8();
        }
        parts_at.push(&name[from..]);
        let sides = parts_at.into_iter().flat_map(|p| {
            let tight: Vec<&str> = p.split('-').map(str::trim).collect();
            let each = !p.contains(" - ")
                && tight.len() > 1
                && tight.iter().all(|t| self.exact(t).is_some());
            if each { tight } else { vec![p] }
        });
        for side in sides {
            let dashed: Vec<&str> = side.split(" - ").map(str::trim).collect();
            let mut at = 0;
            while at < dashed.len() {
                let end = (at + 2..=dashed.len())
                    .rev()
                    .find(|&end| self.exact(&dashed[at..end].join(" - ")).is_some())
                    .unwrap_or(at + 1);
                parts.push(dashed[at..end].join(" - "));
                at = end;
            }
        }
        parts.retain(|p| !p.is_empty());
        let ids: Vec<Option<Uuid>> = parts.iter().map(|p| self.exact(p)).collect();
        let distinct = ids.iter().flatten().collect::<HashSet<_>>().len();
        (parts.len() > 1 && ids.iter().all(Option::is_some) && distinct == parts.len())
            .then_some(parts)
    }

    /// "VP - Văn phòng Sở", "TTR - Thanh tra Sở": a code and the name, either the directory's
    /// (the other side a code of capitals, or the same unit); never one of two units joined
    /// by a dash ("Phòng VHTT huyện Bảo Yên - Bảo Thắng" is not Bảo Yên's alone).
    fn code_or_name(&self, name: String) -> String {
        let a_code = |w: &str| {
            !w.contains(' ')
                && w.chars().any(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || "-&.".contains(c))
        };
        match name.split_once(" - ") {
            Some((code, full)) if self.exact(&name).is_none() => {
                let (code, full) = (code.trim(), full.trim());
                match (self.exact(code), self.exact(full)) {
                    (Some(a), Some(b)) if a == b => full.to_string(),
                    (None, Some(_)) if a_code(code) => full.to_string(),
                    (Some(_), None) if a_code(code) => code.to_string(),
                    _ => name,
                }
            }
            _ => name,
        }
    }

    /// The directory's name a name is written for: "P. KH-TC", "TTr Sở", "Phòng TTBC&XB" (the
    /// short forms of a kind word and of capitals), "Sở Tài chính tỉnh Lào Cai" or "Sở Tài
    /// chính Lào Cai" (a unit of the directory, the office's own place added); never the
    /// directory's "Phòng Nội vụ" for another place's. The name as written when none.
    fn directory_form(&mut self, name: String) -> Result<String> {
        if self.exact(&name).is_some() {
            return Ok(name);
        }
        let forms = values::other_forms(&name);
        let spelled = values::spelled_out(&name)
            .filter(|full| !not_a_unit(full))
            .map(|full| self.find_unit(&full).map(|f| (full, f)))
            .transpose()?;
        // "Sở Tài chính Lào Cai": the office's own place written without its kind.
        let words = crate::text::words(&name);
        let own_place = match self.own_place_at_end(&words) {
            0 => None,
            n => Some(
                (name.split_whitespace())
                    .take(words.len() - n)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
        .filter(|rest| self.exact(rest).is_some());
        let forms: Vec<String> = (own_place.into_iter())
            .chain(without_higher_place(&name))
            .chain(forms)
            .collect();
        let foreign = values::unit_of_post(&name)
            .and_then(|u| self.foreign_place(&u))
            .or_else(|| self.foreign_place(&name));
        let keeps_place = |n: &String| {
            foreign
                .as_ref()
                .is_none_or(|p| crate::text::fold(n).contains(p.as_str()))
        };
        Ok(
            match (forms.into_iter()).find(|n| {
                keeps_place(n)
                    && (self.directory.named(n)).is_some_and(|u| {
                        u.id.is_some()
                            && !of_the_office_for_a_province(&name, &u.name)
                            && !of_another_place(&name, &u.name)
                    })
            }) {
                Some(form) => form,
                None => match spelled {
                    Some((full, Found::Known(_))) => full,
                    _ => name,
                },
            },
        )
    }

    /// A name of commas the directory does not hold whole, in its pieces: a run of parts the
    /// directory holds whole is one ("Thanh tra Sở, Phòng Bưu chính, Viễn thông và Công nghệ
    /// thông tin"); a place named alone takes the body named before it ("UBND xã Sơn Hà, Phú
    /// Nhuận"); a part that opens with no kind of body and names no unit ("Thể thao và Du
    /// lịch") goes on the name before it ("Sở Văn hóa, Thể thao và Du lịch").
    fn comma_pieces(&self, name: &str) -> Vec<String> {
        let parts: Vec<&str> = name.split(',').collect();
        let mut pieces = Vec::with_capacity(parts.len());
        let mut at = 0;
        while at < parts.len() {
            let end = (at + 2..=parts.len())
                .rev()
                .find(|&end| self.exact(parts[at..end].join(",").trim()).is_some())
                .unwrap_or(at + 1);
            pieces.push(parts[at..end].join(","));
            at = end;
        }
        // (A unit no longer active, named by its code or name, is no lone part either: "Ban
        // Quản lý dự án CNTT, TTTHDL" names two units, the second refused.)
        let lone = |n: &str| {
            let said = crate::text::plain(n);
            self.exact(n.trim()).is_none()
                && values::other_forms(n.trim())
                    .iter()
                    .all(|f| self.exact(f).is_none())
                && !(self.retired.iter())
                    .any(|(name, code)| *name == said || code.as_ref() == Some(&said))
        };
        let mut merged: Vec<String> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            // "Phòng VHTT huyện Bát Xát, tỉnh Lào Cai", "UBND xã A Mú Sung, huyện Bát Xát",
            // "Sở Tài chính, tỉnh Lào Cai": a place of a level above the one before names
            // where that body is, not a body of its own.
            if let Some(prev) = merged.last_mut()
                && let Some(level) = place_level(&piece)
                && level > place_level_within(prev)
            {
                prev.push(' ');
                prev.push_str(piece.trim());
                continue;
            }
            let shared =
                (merged.last()).and_then(|prev| self.sharing_the_head(prev.trim(), &piece));
            if let Some(full) = shared {
                merged.push(full);
                continue;
            }
            match merged.last_mut() {
                Some(prev)
                    if values::opens_with_a_body(prev)
                        && lone(prev)
                        && values::without_role(prev) == prev.trim()
                        && piece.trim().chars().next().is_some_and(char::is_uppercase)
                        && !values::opens_with_a_body(&piece)
                        && !not_a_unit(&piece)
                        && lone(&piece) =>
                {
                    prev.push(',');
                    prev.push_str(&piece);
                }
                _ => merged.push(piece),
            }
        }
        merged
    }

    /// The unit no longer active a name gives, however written ("TTTHDL", "TT Tích hợp DL",
    /// "Trung tâm Tích hợp dữ liệu").
    fn retired_unit(&mut self, name: &str) -> Result<Option<Uuid>> {
        if let Some(id) = self.retired_directory.named(name).and_then(|u| u.id) {
            return Ok(Some(id));
        }
        Ok(match self.find_unit(name)? {
            Found::Known(id) if self.no_longer_active.contains(&id) => Some(id),
            _ => None,
        })
    }

    /// "Trung tâm Tích hợp dữ liệu và Công an tỉnh", "Sở Tư pháp và TTTHDL", "Viettel Lào
    /// Cai/TTTHDL", "TTTHDL - Phòng Kế hoạch - Tài chính", "Sở Y tế + Văn phòng Sở", "Công
    /// an tỉnh (TTTHDL)": a name parted in two where it joins a unit of the directory named
    /// whole, or one no longer active, to another body (at "/", to anything); each side read
    /// again, so that a longer list parts further. Never one new unit of the joined words, nor
    /// the unit no longer active dropped.
    fn parted_beside_a_unit(&mut self, name: &str) -> Result<Option<Vec<String>>> {
        // (A unit's own name is never parted: "Sở Văn hóa, Thể thao và Du lịch".)
        if self.exact(name).is_some() {
            return Ok(None);
        }
        // ("Đ/c Lò Thu Nam": a person, addressed.)
        let addressed = crate::text::fold(name).contains("d/c");
        let mut sides: Vec<(&str, String, String)> = Vec::new();
        // "Công an tỉnh (TTTHDL)": the bracket's unit beside the one before it.
        // (Of one name, not a list: "…, Ban Quản lý dự án (BQLDA)" is the last one's code.)
        if let Some((before, inner)) = (name.trim_end().strip_suffix(')'))
            .and_then(|n| n.rsplit_once('('))
            .filter(|(before, _)| !before.contains([',', ';']))
        {
            // ("(phối hợp: Sở Tài chính)": the unit, its role said.)
            let inner = values::without_role(inner.trim());
            sides.push(("()", before.trim().to_string(), inner.trim().to_string()));
        }
        let joints = [
            " và ", "/", " - ", " – ", " — ", " & ", " + ", "+", "&", "-",
        ];
        for joint in joints {
            for (at, _) in name.match_indices(joint) {
                let (left, right) = (&name[..at], &name[at + joint.len()..]);
                sides.push((joint, left.trim().to_string(), right.trim().to_string()));
            }
        }
        for (joint, left, mut right) in sides {
            let odd = |p: &str| p.chars().count() < 2 || not_a_unit(p);
            if odd(&left) || odd(&right) || (joint == "/" && addressed) {
                continue;
            }
            // (A side that is a list, "Du lịch, Sở Lao động …", a body after a comma, is
            // parted at its commas later: "Sở Văn hóa, Thể thao và Du lịch" is one name.)
            let listed = |p: &str| {
                let bodies = p.contains(';')
                    || (p.split(',').skip(1)).any(|x| values::opens_with_a_body(x.trim()));
                bodies && self.exact(p).is_none()
            };
            if listed(&left) || listed(&right) {
                continue;
            }
            // "Phòng VHTT huyện Bảo Yên - Bảo Thắng": the next place's Phòng.
            if self.exact(&right).is_none()
                && let Some(full) = self.sharing_the_head(&left, &right)
                && self.exact(&full).is_some()
            {
                right = full;
            }
            let (gone_left, gone_right) = (
                self.retired_unit(&left)?.is_some(),
                self.retired_unit(&right)?.is_some(),
            );
            let known_left = gone_left || self.exact(&left).is_some();
            let known_right = gone_right || self.exact(&right).is_some();
            // A bracket names another unit when it is one no longer active, the directory's
            // whole and not the unit before it ("Sở Tài chính (Công an tỉnh)"), or a body
            // of its own; else a note ("(chủ trì)", "(Yên Bái)", the unit's own short form).
            let other = || {
                let (a, b) = (self.exact(&left), self.exact(&right));
                // (Or a body of its own, not the name before written short: "Sở Tài chính
                // (Sở Y tế)", not "Ban Quản lý dự án (Ban QLDA)".)
                let (l, r) = (crate::text::words(&left), crate::text::words(&right));
                let short_of_left = crate::text::abbreviates(&r, &l)
                    || crate::text::kind_and_initials(&left, &right)
                    || crate::text::abbreviates_the_start(&r, &l)
                    || r.iter().all(|w| l.contains(w));
                // (Its own short form though another unit holds it: "Trung tâm Y tế huyện Si
                // Ma Cai (TTYT)" where TTYT is Bát Xát's.)
                (b.is_some() && a != b && !short_of_left)
                    || (b.is_none() && values::opens_with_a_body(&right) && !short_of_left)
            };
            if joint == "()" && !gone_right && !other() {
                continue;
            }
            // (A sign without spaces joins two units only when both are known: "CNTT&TT",
            // "KH-TC" are one name's.)
            let tight = !joint.starts_with(' ') && joint != "/" && joint != "()";
            let fits = |known: bool, side: &str| {
                known || joint == "/" || (!tight && values::opens_with_a_body(side))
            };
            // (Tight, only codes or a unit no longer active: "TTTHDL-CAT", "VP+TTTHDL"; not
            // the capitals of one name, "Sở VH-TT&DL".)
            let codes = !left.contains(' ') && !right.contains(' ');
            if tight && !(codes || gone_left || gone_right) {
                continue;
            }
            if (known_left || known_right) && fits(known_left, &left) && fits(known_right, &right) {
                return Ok(Some(vec![left, right]));
            }
        }
        Ok(None)
    }

    /// A name the directory does not hold, parted at its words: "Phòng CĐS và VP" (two units
    /// the directory holds; "Trưởng phòng Nội vụ và Trưởng phòng Y tế" their heads), "UBND xã
    /// Si Ma Cai và Bản Cầm" (the second place shares the first's body), "Phòng Nội vụ và các
    /// đơn vị liên quan" (a unit and a group), "Phòng Nội vụ phối hợp (với) Văn phòng Sở" (a
    /// unit and the one it works with).
    fn parted_by_words(&self, name: &str) -> Option<Vec<String>> {
        if self.exact(name).is_some() {
            return None;
        }
        let parts: Vec<String> = name
            .split(" và ")
            .map(|p| {
                let p = p.trim();
                match values::unit_of_post(p) {
                    Some(u) if self.exact(p).is_none() => u,
                    _ => p.to_string(),
                }
            })
            .collect();
        if parts.len() > 1 && parts.iter().all(|p| self.exact(p).is_some()) {
            return Some(parts);
        }
        if let Some((a, b)) = name.rsplit_once(" và ")
            && let Some(full) = self.sharing_the_head(a.trim(), b.trim())
        {
            return Some(vec![a.trim().to_string(), full]);
        }
        let unit_first =
            |a: &str| self.exact(a).is_some() || (values::opens_with_a_body(a) && !not_a_unit(a));
        let group = |b: &str| not_a_unit(b) && crate::text::words(b).contains(&"cac".into());
        [" phối hợp với ", " phối hợp "]
            .iter()
            .find_map(|j| name.split_once(j))
            .filter(|(a, b)| unit_first(a.trim()) && unit_first(b.trim()))
            .or_else(|| {
                name.rsplit_once(" và ")
                    .filter(|(a, b)| unit_first(a.trim()) && group(b.trim()))
            })
            .map(|(a, b)| vec![a.trim().to_string(), b.trim().to_string()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_places_and_groups_are_no_unit() {
        for name in [
            "Nguyễn Văn Bình",
            "Đ/c Nguyễn Văn A",
            "Ông Trần Văn Trường",
            "Bà Hoàng Thị Chi",
            "PGĐ Lê Văn C",
            "Lãnh đạo Sở",
            "các phòng liên quan",
            "thành phố",
            "Phòng VH&TT các huyện",
            "Phòng Văn hóa và Thông tin các huyện, thị xã, thành phố",
            "Phòng VH&TT 8 huyện, thị xã, thành phố",
            "Trung tâm Y tế các thành phố",
            "các Phòng VH&TT huyện",
            "Toàn Sở",
            "toàn ngành",
            "Ban Giám đốc",
            "Ban lãnh đạo Sở",
        ] {
            assert!(not_a_unit(name), "{name}");
        }
        for name in [
            "Văn phòng Sở",
            "Trường THCS Lê Lợi",
            "Phòng Văn hóa và Thông tin thành phố Lào Cai",
            "Trung tâm Công nghệ thông tin",
            "Đảng ủy phường",
            "Trường Tiểu học số 1 xã Bản Cầm",
            "UBND thị xã Sa Pa",
            "Tổ Toán",
        ] {
            assert!(!not_a_unit(name), "{name}");
        }
    }
}
