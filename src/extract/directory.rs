//! Finding the office's units in running text: names with or without diacritics, with any
//! dashes and commas (`Thông tin-Báo chí-Xuất bản`), or shortened to capitals
//! (`Sở TTTT`, `Sở TT&TT`, `Trung tâm CNTT&TT`, `UBND tỉnh`); and the usual ways of naming
//! a group of units (`các phòng, đơn vị trực thuộc Sở`).

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use super::lexicon::{ACTIONS, ASSIGNS, COORDINATES, GROUPS, KINDS, LEADS, LEVELS, NAME_ENDS};
use crate::token::{Kind, Token, tokenize};
use crate::unit::Unit;

/// A unit as named in a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitRef {
    /// The directory's name for it, or the text's words for a group of units.
    pub name: String,
    /// The unit record, when it is one unit of the directory.
    pub id: Option<Uuid>,
}

struct Entry {
    name: String,
    /// The words of the name, folded.
    words: Vec<String>,
    id: Option<Uuid>,
    /// The ways the name is written: `forms[..full]` as the directory, its aliases and its
    /// other usual name give it; the rest without the level before a place's name.
    forms: Vec<Vec<FormWord>>,
    full: usize,
}

/// One word of a name, whether the name writes it as capitals (`UBND`), and whether it
/// starts with a capital.
struct FormWord {
    fold: String,
    acronym: bool,
    capital: bool,
    /// Capitals the unit's name does not write itself (a code such as "CĐS", initials made
    /// from the name): read out only as words of that name ("Văn phòng" for "VP"), never as
    /// any words they might stand for ("Công đoàn Sở" is not "Phòng Chuyển đổi số").
    foreign: bool,
}

/// The words that say a place's level before its name ("huyện Bắc Hà", "thị xã Sa Pa"), which
/// a name is often written without: "Phòng Văn hóa và Thông tin huyện Bắc Hà" is "Phòng VHTT
/// Bắc Hà", "UBND xã Cao Sơn" is "UBND Cao Sơn".
const PLACE_LEVELS: &[&[&str]] = &[
    &["tinh"],
    &["huyen"],
    &["quan"],
    &["xa"],
    &["phuong"],
    &["thi", "xa"],
    &["thi", "tran"],
    &["thanh", "pho"],
];

/// The units a text may name.
pub struct Directory {
    entries: Vec<Entry>,
    /// Entry and form indexes by the folded first word of the form.
    by_first: HashMap<String, Vec<(usize, usize)>>,
    /// Every form by the first letter of its first word: those an abbreviation in the text
    /// may stand for ("TTCNTT" for "Trung tâm Công nghệ thông tin …").
    by_letter: HashMap<char, Vec<(usize, usize)>>,
    /// Forms that start with an abbreviation ("UBND huyện …"), by its first letter: tried at
    /// every word that starts with it.
    by_initials: HashMap<char, Vec<(usize, usize)>>,
    groups: Vec<Vec<FormWord>>,
}

/// A unit found in the text: tokens `start..end`.
#[derive(Clone)]
pub(super) struct Mention {
    pub start: usize,
    pub end: usize,
    pub unit: UnitRef,
}

impl Directory {
    /// A directory of names only (the CLI's `--units` file).
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Self {
        Self::build(
            names
                .iter()
                .map(|n| (n.as_ref().trim().to_string(), None, Vec::new())),
        )
    }

    /// The directory of an office's active units; each is also found by its short name and
    /// its code ("Phòng KHTC", "KHTC").
    pub fn from_units(units: &[Unit]) -> Self {
        Self::of(units.iter().filter(|u| u.active))
    }

    /// The directory of the units no longer active, to know their names when a text gives
    /// them ("TT Tích hợp DL" for "Trung tâm Tích hợp dữ liệu (đã sáp nhập)").
    pub fn of_retired(units: &[Unit]) -> Self {
        Self::of(units.iter().filter(|u| !u.active))
    }

    fn of<'u>(units: impl Iterator<Item = &'u Unit>) -> Self {
        Self::build(units.map(|u| {
            let aliases = u.short_name.iter().chain(&u.code).cloned().collect();
            (u.name.clone(), Some(u.id), aliases)
        }))
    }

    fn build(items: impl Iterator<Item = (String, Option<Uuid>, Vec<String>)>) -> Self {
        let entries: Vec<Entry> = items
            .filter(|(name, _, _)| !name.is_empty())
            .map(|(name, id, aliases)| {
                let mut forms = vec![name_words(&name)];
                forms.extend(aliases.iter().map(|s| name_words(s)));
                // (A note the name ends with, "(đã sáp nhập)", is not written with it.)
                let bare = (name.trim_end().strip_suffix(')'))
                    .and_then(|n| n.rsplit_once('('))
                    .map(|(b, _)| b.trim())
                    .filter(|b| !b.is_empty());
                forms.extend(bare.iter().map(|b| name_words(b)));
                forms.extend(
                    bare.iter()
                        .flat_map(|b| other_forms(b))
                        .map(|s| name_words(&s)),
                );
                forms.extend(other_forms(&name).iter().map(|s| name_words(s)));
                forms.retain(|f| !f.is_empty());
                let own: Vec<String> = (forms.first().into_iter().flatten())
                    .filter(|w| w.acronym)
                    .map(|w| w.fold.clone())
                    .collect();
                for w in forms.iter_mut().skip(1).flatten() {
                    w.foreign = w.acronym && !own.contains(&w.fold);
                }
                let full = forms.len();
                let placed: Vec<Vec<FormWord>> =
                    forms.iter().filter_map(|f| without_level(f)).collect();
                forms.extend(placed);
                Entry {
                    words: crate::text::words(&name),
                    name,
                    id,
                    forms,
                    full,
                }
            })
            .collect();
        let mut by_first: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut by_letter: HashMap<char, Vec<(usize, usize)>> = HashMap::new();
        let mut by_initials: HashMap<char, Vec<(usize, usize)>> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            for (f, form) in entry.forms.iter().enumerate() {
                let letter = form[0].fold.chars().next().unwrap_or_default();
                if form[0].acronym {
                    by_initials.entry(letter).or_default().push((e, f));
                }
                by_letter.entry(letter).or_default().push((e, f));
                by_first
                    .entry(form[0].fold.clone())
                    .or_default()
                    .push((e, f));
            }
        }
        let groups = GROUPS
            .iter()
            .map(|g| {
                g.iter()
                    .map(|w| FormWord {
                        fold: w.to_string(),
                        acronym: false,
                        capital: false,
                        foreign: false,
                    })
                    .collect()
            })
            .collect();
        Directory {
            entries,
            by_first,
            by_letter,
            by_initials,
            groups,
        }
    }

    /// The directory's unit a text names whole, nothing else in it: "Phòng KHTC", "TT
    /// CNTT&TT", "Phòng Thanh tra" (a tracker's unit cell).
    pub fn named(&self, text: &str) -> Option<UnitRef> {
        let tokens = tokenize(text);
        let first = tokens.iter().position(Token::is_wordlike)?;
        let m = self.mention_at(&tokens, first, text)?;
        let rest = tokens[m.end..].iter().any(Token::is_wordlike);
        (m.unit.id.is_some() && !rest).then_some(m.unit)
    }

    /// The unit or group named at each token, if any.
    pub(super) fn mentions(&self, tokens: &[Token], text: &str) -> Vec<Option<Mention>> {
        let mut found: Vec<Option<Mention>> = (0..tokens.len())
            .map(|i| {
                if tokens[i].is_wordlike() {
                    self.mention_at(tokens, i, text)
                } else {
                    None
                }
            })
            .collect();
        short_names(tokens, &mut found);
        the_department(tokens, text, &mut found);
        found
    }

    /// The longest unit or group named at token `i`.
    fn mention_at(&self, tokens: &[Token], i: usize, text: &str) -> Option<Mention> {
        let t = &tokens[i];
        // A name starts with the word, or with a word of the word's first letter (an
        // abbreviation read as initials, either way round).
        let letter = t.fold.chars().next().unwrap_or_default();
        let candidates: Vec<(usize, usize)> = if t.acronym {
            self.by_letter
                .get(&letter)
                .into_iter()
                .flatten()
                .copied()
                .collect()
        } else {
            let same = self.by_first.get(&t.fold).into_iter().flatten();
            let initials = self.by_initials.get(&letter).into_iter().flatten();
            same.chain(initials).copied().collect()
        };
        // The longest match, a full form before one without its place's level; two units
        // matched alike ("UBND Bắc Hà" for both "UBND huyện Bắc Hà" and "UBND xã Bắc Hà",
        // "Phòng Văn hóa" for the Phòng of each district) are neither.
        // (A unit's own name before another's other form of the same words: "Sở Nội vụ" is
        // the directory's "Sở Nội vụ", not "Sở Nội vụ tỉnh Yên Bái" without its province.)
        // (Then one written word for word before one read through initials: "Cơ quan Thường
        // trực BCĐ" is that unit, not "Cơ quan thường trực Ban chỉ đạo" too.)
        let matched: Vec<((usize, bool, bool, bool), usize)> = candidates
            .into_iter()
            .filter_map(|(e, f)| {
                let entry = &self.entries[e];
                let form = &entry.forms[f];
                let end = match_form(tokens, i, form, &entry.words)?;
                let written = tokens[i..end].iter().filter(|t| t.is_wordlike());
                let literal = written
                    .map(|t| t.fold.as_str())
                    .eq(form.iter().map(|w| w.fold.as_str()));
                Some(((end, f < entry.full, f == 0, literal), e))
            })
            .collect();
        let best = matched.iter().map(|&(rank, _)| rank).max();
        let known = best
            .and_then(|best| {
                let mut at_best = matched.iter().filter(|&&(rank, _)| rank == best);
                let (_, e) = *at_best.next()?;
                at_best
                    .all(|&(_, other)| self.entries[other].name == self.entries[e].name)
                    .then_some((best.0, &self.entries[e]))
            })
            .map(|(end, e)| Mention {
                start: i,
                end,
                unit: UnitRef {
                    name: e.name.clone(),
                    id: e.id,
                },
            });
        let group = self
            .groups
            .iter()
            .filter(|g| g[0].fold == t.fold)
            .filter_map(|g| match_form(tokens, i, g, &[]))
            // "các phòng, chống dịch": prevention, not divisions.
            .filter(|&end| {
                !(tokens[end - 1].is("phong")
                    && tokens[end..]
                        .iter()
                        .find(|x| x.is_wordlike())
                        .is_some_and(|x| x.is("chong")))
            })
            .max()
            .map(|end| Mention {
                start: i,
                end,
                unit: UnitRef {
                    name: text[tokens[i].start..tokens[end - 1].end].to_string(),
                    id: None,
                },
            });
        // A group written out ("các phòng, ban liên quan, UBND 7 phường"), when longer.
        let group = match (group, group_of_kinds(tokens, i, text)) {
            (Some(g), Some(w)) if w.end > g.end => Some(w),
            (None, w) => w,
            (g, _) => g,
        };
        match (known, group) {
            (Some(k), Some(g)) if g.end > k.end => Some(g),
            (Some(k), _) => Some(k),
            (None, Some(g)) => Some(g),
            (None, None) => named_unit(tokens, i, text),
        }
    }
}

/// The short name a text gives a unit, "Trung tâm Nghiên cứu … (sau đây gọi tắt là Trung
/// tâm)" or "Ban Quản lý dự án … (BQL)", found wherever it is written after that.
/// "Sở" alone where a unit is named ("…, Sở sẽ tăng cường …", "đề nghị Sở khẩn trương …"):
/// the department the text named before, when it named one only; so "xã", "phường" or
/// "huyện" alone, the one body of that level named before ("… UBND xã Nguyên Phúc … yêu cầu
/// trong thời gian tới xã cần tập trung …"). Not in a name ("Văn phòng Sở", "lãnh đạo Sở")
/// nor before one the directory does not hold ("Sở Y tế").
fn the_department(tokens: &[Token], text: &str, found: &mut [Option<Mention>]) {
    // Each level as written alone, and whether a unit's folded name is a body of it.
    const LEVELS: [(&str, &str); 4] = [
        ("Sở", "so"),
        ("xã", "xa"),
        ("phường", "phuong"),
        ("huyện", "huyen"),
    ];
    let of_level = |name: &str, level: &str| {
        let words = crate::text::words(name);
        let at = usize::from(words.first().is_some_and(|w| w == "ubnd"));
        words.get(at).is_some_and(|w| w == level) && (level == "so" || words.len() > at + 1)
    };
    // The one unit of each level named so far; `None` inside once two were.
    let mut named: [Option<Option<UnitRef>>; 4] = Default::default();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(m) = &found[i] {
            for (k, (_, level)) in LEVELS.iter().enumerate() {
                if of_level(&m.unit.name, level) {
                    named[k] = match &named[k] {
                        None => Some(Some(m.unit.clone())),
                        Some(Some(u)) if u.name != m.unit.name => Some(None),
                        same => same.clone(),
                    };
                }
            }
            i = m.end.max(i + 1);
            continue;
        }
        let t = &tokens[i];
        let written = text.get(t.start..t.end).unwrap_or_default();
        let level = LEVELS.iter().position(|(word, _)| {
            written == *word || (*word != "Sở" && written.to_lowercase() == *word)
        });
        let alone = level.is_some()
            && !tokens
                .get(i + 1)
                .is_some_and(|x| x.capital && x.kind == Kind::Word);
        // At a clause's start, right after the verb that asks, or before what it is to do
        // ("… xã cần tập trung …").
        let placed = i == 0
            || tokens[i - 1].kind != Kind::Word
            || ASSIGNS
                .iter()
                .any(|seq| i >= seq.len() && crate::token::starts_with(tokens, i - seq.len(), seq))
            || tokens
                .get(i + 1)
                .is_some_and(|x| x.is("can") || x.is("phai"));
        if alone
            && placed
            && let Some(Some(Some(unit))) = level.map(|k| &named[k])
        {
            found[i] = Some(Mention {
                start: i,
                end: i + 1,
                unit: unit.clone(),
            });
        }
        i += 1;
    }
}

fn short_names(tokens: &[Token], found: &mut [Option<Mention>]) {
    let mut aliases: Vec<(Vec<String>, UnitRef)> = Vec::new();
    for i in 0..tokens.len() {
        if let Some((words, unit)) = aliases.iter().find_map(|(words, unit)| {
            let here = found[i].is_none()
                && tokens[i].capital
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| tokens.get(i + k).is_some_and(|x| x.fold == *w));
            here.then(|| (words.len(), unit.clone()))
        }) {
            found[i] = Some(Mention {
                start: i,
                end: i + words,
                unit,
            });
            continue;
        }
        // "Ban Quản lý dự án … (BQL)": capitals in parentheses right after a name are its
        // short name.
        if tokens[i].is_punct('(')
            && tokens.get(i + 1).is_some_and(|x| x.acronym)
            && tokens.get(i + 2).is_some_and(|x| x.is_punct(')'))
            && let Some(unit) = (i.saturating_sub(20)..i).find_map(|p| {
                found[p]
                    .as_ref()
                    .filter(|m| m.end == i)
                    .map(|m| m.unit.clone())
            })
        {
            aliases.push((vec![tokens[i + 1].fold.clone()], unit));
            continue;
        }
        if !crate::token::starts_with(tokens, i, &["goi", "tat", "la"]) {
            continue;
        }
        let Some(open) = (i.saturating_sub(3)..i)
            .rev()
            .find(|&p| tokens[p].is_punct('('))
        else {
            continue;
        };
        let named = (open.saturating_sub(20)..open).find_map(|p| {
            found[p]
                .as_ref()
                .filter(|m| m.end == open)
                .map(|m| m.unit.clone())
        });
        let words: Vec<String> = tokens[i + 3..]
            .iter()
            .take_while(|x| x.kind == Kind::Word)
            .take(4)
            .map(|x| x.fold.clone())
            .collect();
        if let Some(unit) = named.filter(|_| !words.is_empty()) {
            aliases.push((words, unit));
        }
    }
}

/// Nouns for bodies of a kind, any number of them ("các phòng", "các đơn vị", "các xã").
const KINDS_OF_BODIES: &[&[&str]] = &[
    &["don", "vi"],
    &["co", "quan"],
    &["dia", "phuong"],
    &["thi", "tran"],
    &["thi", "xa"],
    &["thanh", "pho"],
    &["khu", "pho"],
    &["doan", "the"],
    &["thanh", "vien"],
    &["chuyen", "mon"],
    &["phong"],
    &["ban"],
    &["nganh"],
    &["xa"],
    &["phuong"],
    &["huyen"],
    &["so"],
    &["truong"],
    &["thon"],
    &["ubnd"],
];

/// Words that say which bodies of a group are meant: "liên quan", "trực thuộc Sở", "cấp
/// huyện", "thuộc thẩm quyền", "thành phố", "trên địa bàn", "7 (phường)".
const OF_THE_GROUP: &[&str] = &[
    "lien", "quan", "truc", "thuoc", "cap", "tham", "quyen", "su", "nghiep", "tinh", "huyen",
    "thanh", "pho", "thi", "xa", "tren", "dia", "ban", "so", "khac", "chuc", "nang",
];

/// A group of bodies written out, not one unit and not in [`GROUPS`]: "các" (or "tất cả
/// các"), then kinds of bodies joined by commas and "và", each with the words that say
/// which ("các phòng, ban liên quan, UBND 7 phường", "các chuyên môn, đơn vị thuộc thẩm
/// quyền", "các ngành, các địa phương"), or the members of a named body ("các thành viên
/// trong Tổ nội dung").
fn group_of_kinds(tokens: &[Token], i: usize, text: &str) -> Option<Mention> {
    let starts = if crate::token::starts_with(tokens, i, &["tat", "ca", "cac"]) {
        3
    } else if tokens[i].is("cac") {
        1
    } else {
        return None;
    };
    let kind_at = |j: usize| {
        KINDS_OF_BODIES
            .iter()
            .find(|k| crate::token::starts_with(tokens, j, k))
            .map(|k| k.len())
            // "các phòng, chống …", "các ban hành …" are no bodies.
            .filter(|_| {
                !crate::token::starts_with(tokens, j, &["phong", "chong"])
                    && !crate::token::starts_with(tokens, j, &["ban", "hanh"])
            })
    };
    let mut j = i + starts;
    let mut end = None;
    // Kinds named, and words that say which.
    let mut kinds = 0;
    while let Some(n) = kind_at(j) {
        let members = crate::token::starts_with(tokens, j, &["thanh", "vien"]);
        j += n;
        // "các thành viên (trong/của) Tổ nội dung": the body's name, to its verb; members
        // of no body named are no group.
        if members {
            let of = usize::from(tokens.get(j).is_some_and(|x| x.is("trong") || x.is("cua")));
            if !tokens.get(j + of).is_some_and(|x| x.capital) {
                return None;
            }
            // The word after the body's kind may be a verb ("Ban tổ chức", "Ban chỉ đạo").
            let first = j + of + 1;
            let mut k = first;
            while k < j + 8
                && tokens
                    .get(k)
                    .is_some_and(|x| x.kind == Kind::Word && !NAME_ENDS.contains(&x.fold.as_str()))
                && (k == first
                    || ![ACTIONS, ASSIGNS, LEADS, COORDINATES]
                        .iter()
                        .any(|list| list.iter().any(|s| crate::token::starts_with(tokens, k, s))))
            {
                k += 1;
            }
            end = Some(k);
            kinds += 2;
            break;
        }
        kinds += 1;
        // The words that say which: "liên quan", "trực thuộc Sở", a number ("UBND 7 phường").
        while let Some(x) = tokens.get(j) {
            let said =
                (x.kind == Kind::Word && !x.capital && OF_THE_GROUP.contains(&x.fold.as_str()))
                    || (x.capital && tokens[j - 1].is("thuoc"));
            if said {
                j += 1;
                kinds += 1;
            } else if (x.kind == Kind::Number || x.is("cac"))
                && let Some(n) = kind_at(j + 1)
            {
                // "UBND 7 phường", "UBND các xã".
                j += 1 + n;
                kinds += 1;
            } else {
                break;
            }
        }
        end = Some(j);
        // Another kind after a comma or "và", "các" again or not.
        let mut next = j;
        if tokens
            .get(next)
            .is_some_and(|x| x.is_punct(',') || x.is_punct('/') || x.is("va"))
        {
            next += 1;
        } else if kind_at(next).is_none() {
            break;
        }
        if tokens.get(next).is_some_and(|x| x.is("cac")) {
            next += 1;
        }
        if kind_at(next).is_none() {
            break;
        }
        j = next;
    }
    let end = end?;
    // One kind with nothing else is left to [`GROUPS`], as it is written there.
    (kinds > 1).then(|| Mention {
        start: i,
        end,
        unit: UnitRef {
            name: text[tokens[i].start..tokens[end - 1].end].to_string(),
            id: None,
        },
    })
}

/// The most tokens a unit's name outside the directory may run.
const NAME_TOKENS: usize = 24;

/// A unit outside the directory, by the way such names are written: a kind word, then
/// capitalised words each followed by at most one lower-case syllable ("Sở Kế hoạch và Đầu
/// tư", "UBND huyện Bát Xát", "Sở GD&ĐT").
fn named_unit(tokens: &[Token], i: usize, text: &str) -> Option<Mention> {
    let first = tokens.get(i)?;
    if !first.capital {
        return None;
    }
    let kind = KINDS
        .iter()
        .find(|k| crate::token::starts_with(tokens, i, k))?;
    let ends_name = |j: usize| {
        NAME_ENDS.contains(&tokens[j].fold.as_str())
            || [ACTIONS, ASSIGNS, LEADS, COORDINATES]
                .iter()
                .any(|list| list.iter().any(|s| crate::token::starts_with(tokens, j, s)))
    };
    let mut j = i + kind.len();
    while tokens
        .get(j)
        .is_some_and(|t| LEVELS.contains(&t.fold.as_str()) && !t.capital)
    {
        j += 1;
    }
    let level_end = j;
    let mut end = j;
    let mut capitals = 0;
    let mut lower_run = 0;
    // A name runs a few words ("Sở Văn hóa, Thể thao và Du lịch"), not across a list of
    // units: a comma before another unit's kind word ends it, and so does its length.
    while let Some(t) = tokens.get(j).filter(|_| j - i < NAME_TOKENS) {
        let joined = matches!(t.kind, Kind::Punct('-' | '&' | ',')) || (t.is("va") && !t.capital);
        if joined {
            let next_unit = KINDS
                .iter()
                .any(|k| crate::token::starts_with(tokens, j + 1, k));
            if !tokens.get(j + 1).is_some_and(|n| n.capital) || (t.is_punct(',') && next_unit) {
                break;
            }
        } else if t.kind != Kind::Word {
            break;
        } else if capitals > 0 && !t.capital && LEVELS.contains(&t.fold.as_str()) && {
            // "… huyện Si Ma Cai", "… thành phố Lào Cai": a place's level and its name.
            let run = tokens[j..]
                .iter()
                .take_while(|x| !x.capital && LEVELS.contains(&x.fold.as_str()))
                .count();
            tokens
                .get(j + run)
                .is_some_and(|x| x.capital && x.kind == Kind::Word)
        } {
            j += 1;
            continue;
        } else if t.capital {
            capitals += 1;
            lower_run = 0;
            end = j + 1;
        } else if capitals > 0 && lower_run < 1 && !ends_name(j) {
            lower_run += 1;
            end = j + 1;
        } else {
            break;
        }
        j += 1;
    }
    let named = capitals > 0;
    let level_only = !named && level_end > i + kind.len();
    let end = if named { end } else { level_end };
    (named || level_only).then(|| Mention {
        start: i,
        end,
        unit: UnitRef {
            name: text[first.start..tokens[end - 1].end].to_string(),
            id: None,
        },
    })
}

/// The other ways offices write a unit: "Thanh tra Sở" is also "Phòng Thanh tra", and
/// "Phòng Pháp chế" also "Pháp chế Sở" (both keep a word that names a unit, so neither is
/// read in ordinary words: "thanh tra, kiểm tra"); a name with kind words also by them and
/// its initials ("Trung tâm CNTT"); a department also without its province.
fn other_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    let n = words.len();
    if n < 2 {
        return Vec::new();
    }
    if folded[n - 1] == "so" && folded[0] != "phong" && folded[0] != "van" && folded[0] != "so" {
        return vec![format!("Phòng {}", words[..n - 1].join(" "))];
    }
    let mut out = Vec::new();
    // A department named with its province ("Sở Thông tin và Truyền thông Quảng Ngãi", "Sở
    // Tài chính tỉnh Lào Cai", "… TP Cần Thơ") is written without it as well: the province is
    // the capitalised words at its end, after a word in small letters or a level word.
    if folded[0] == "so" {
        let level = |k: usize| matches!(folded[k].as_str(), "tinh" | "tp");
        let place = (0..n)
            .rev()
            .take_while(|&k| !level(k) && words[k].chars().next().is_some_and(char::is_uppercase))
            .count();
        let mut cut = n - place;
        if cut >= 1 && level(cut - 1) {
            cut -= 1;
        } else if cut >= 2 && folded[cut - 2..cut] == ["thanh", "pho"] {
            cut -= 2;
        } else if cut >= 1
            && !words[cut - 1]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            cut = n;
        }
        if (1..=3).contains(&place) && (2..n).contains(&cut) {
            out.push(words[..cut].join(" "));
        }
    }
    if folded[0] == "phong" && n >= 2 && folded[n - 1] != "so" {
        out.push(format!("{} Sở", words[1..].join(" ")));
    }
    // Its kind words and the initials of the rest: "Trung tâm CNTT", "Phòng KHTC".
    if let Some((kind, initials)) = crate::text::kind_initials(name) {
        let kind = words[..kind.len().min(n)].join(" ");
        out.extend(
            initials
                .iter()
                .map(|i| format!("{kind} {}", i.to_uppercase())),
        );
    }
    out
}

/// A name's folded words, `&` read as "và".
fn name_words(name: &str) -> Vec<FormWord> {
    tokenize(&name.replace(['&', '+'], " và "))
        .into_iter()
        .filter(Token::is_wordlike)
        .map(|t| FormWord {
            acronym: t.acronym,
            capital: t.capital,
            fold: t.fold,
            foreign: false,
        })
        .collect()
}

/// `form` without the lower-case level words before a place's capitalised name ("huyện"
/// in "… huyện Bắc Hà"), if it has any and keeps a word before the place.
fn without_level(form: &[FormWord]) -> Option<Vec<FormWord>> {
    let mut out = Vec::with_capacity(form.len());
    let mut k = 0;
    let mut dropped = false;
    while k < form.len() {
        let level = PLACE_LEVELS.iter().find(|level| {
            k > 0
                && level.iter().enumerate().all(|(n, w)| {
                    form.get(k + n)
                        .is_some_and(|x| x.fold == *w && !x.capital && !x.acronym)
                })
                && form.get(k + level.len()).is_some_and(|next| next.capital)
        });
        match level {
            Some(level) => {
                k += level.len();
                dropped = true;
            }
            None => {
                let w = &form[k];
                out.push(FormWord {
                    fold: w.fold.clone(),
                    acronym: w.acronym,
                    capital: w.capital,
                    foreign: w.foreign,
                });
                k += 1;
            }
        }
    }
    dropped.then_some(out)
}

/// Marks that may appear inside or between the words of a name.
fn is_joiner(t: &Token) -> bool {
    matches!(t.kind, Kind::Punct('-' | '–' | '—' | ','))
}

/// Where a name written as `form` ends when it starts at token `i`; `words` are the folded
/// words of the name the form is of.
fn match_form(tokens: &[Token], i: usize, form: &[FormWord], words: &[String]) -> Option<usize> {
    let (mut j, mut k) = (i, 0);
    while k < form.len() {
        if k > 0 {
            while tokens.get(j).is_some_and(is_joiner) {
                j += 1;
            }
        }
        let t = tokens.get(j)?;
        let same = (t.is_wordlike() && t.fold == form[k].fold)
            || ((t.is_punct('&') || t.is_punct('+')) && form[k].fold == "va");
        if same {
            k += 1;
            j += 1;
        } else if k > 0 && t.is_wordlike() && t.fold == "va" && !t.capital {
            // "Phòng Kế hoạch và Tài chính" for "Phòng Kế hoạch - Tài chính": "và" written
            // where the name has a dash.
            j += 1;
        } else if form[k].fold == "va" && j > i && is_joiner(&tokens[j - 1]) {
            // "VP HĐND-UBND huyện" for "Văn phòng HĐND và UBND huyện": "và" written as a dash.
            k += 1;
        } else if t.acronym {
            k = initials_of(&t.fold, |n| form.get(n).map(|w| w.fold.as_str()), k)?;
            j += 1;
        } else if form[k].acronym {
            let from = j;
            j = initials_of(&form[k].fold, |n| tokens.get(n).map(|t| t.fold.as_str()), j)?;
            let mut read = (tokens[from..j].iter()).filter(|t| t.is_wordlike());
            if form[k].foreign && !read.all(|t| words.contains(&t.fold)) {
                return None;
            }
            k += 1;
        } else {
            return None;
        }
    }
    // Two capitals alone for a whole name of words ("TT" for "Thanh tra", as for "Trung tâm"
    // or "Thông tin"): too few to say which.
    let lone = j == i + 1 && tokens[i].acronym && tokens[i].fold.chars().count() <= 2;
    (!(lone && form.len() > 1)).then_some(j)
}

/// Reads an abbreviation as the initials of `words` from `k` (`tttt` = "thông tin [và]
/// truyền thông"); returns the index of the first word after it.
fn initials_of<'a>(
    letters: &str,
    word: impl Fn(usize) -> Option<&'a str>,
    mut k: usize,
) -> Option<usize> {
    for l in letters.chars() {
        if word(k).is_some_and(|w| w == "va" || w == "&") && l != 'v' {
            k += 1;
        }
        if !word(k)?.starts_with(l) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn found(dir: &Directory, text: &str) -> Option<String> {
        let t = tokenize(text);
        dir.mentions(&t, text).swap_remove(0).map(|m| m.unit.name)
    }

    #[test]
    fn names_in_their_written_variants() {
        let dir = Directory::from_names(&[
            "Sở Thông tin và Truyền thông",
            "Phòng Thông tin - Báo chí - Xuất bản",
            "Trung tâm Công nghệ thông tin và Truyền thông",
            "Văn phòng UBND tỉnh",
        ]);
        let sttt = Some("Sở Thông tin và Truyền thông".to_string());
        assert_eq!(found(&dir, "Sở TTTT chủ trì"), sttt);
        assert_eq!(found(&dir, "Sở TT&TT chủ trì"), sttt);
        assert_eq!(found(&dir, "so thong tin va truyen thong"), sttt);
        assert_eq!(
            found(&dir, "Phòng Thông tin-Báo chí-Xuất bản phụ trách"),
            Some("Phòng Thông tin - Báo chí - Xuất bản".into())
        );
        assert_eq!(
            found(&dir, "Trung tâm CNTT&TT"),
            Some("Trung tâm Công nghệ thông tin và Truyền thông".into())
        );
        assert_eq!(
            found(&dir, "Văn phòng Ủy ban nhân dân tỉnh"),
            Some("Văn phòng UBND tỉnh".into())
        );
        assert_eq!(found(&dir, "lãnh đạo Sở"), None);
    }

    #[test]
    fn and_written_as_a_dash_or_a_comma() {
        let dir =
            Directory::from_names(&["Văn phòng HĐND và UBND huyện", "Sở Văn hóa và Thể thao"]);
        let vp = Some("Văn phòng HĐND và UBND huyện".to_string());
        assert_eq!(found(&dir, "VP HĐND-UBND huyện rà soát"), vp);
        assert_eq!(found(&dir, "Văn phòng HĐND - UBND huyện rà soát"), vp);
        assert_eq!(
            found(&dir, "Sở Văn hóa, Thể thao chủ trì"),
            Some("Sở Văn hóa và Thể thao".into())
        );
        // Not without the mark: "Văn phòng HĐND" alone is not the joint office.
        assert_ne!(found(&dir, "Văn phòng HĐND huyện"), vp);
    }

    #[test]
    fn a_division_by_either_of_its_usual_names() {
        let dir = Directory::from_names(&["Thanh tra Sở", "Phòng Pháp chế", "Văn phòng Sở"]);
        assert_eq!(
            found(&dir, "Phòng Thanh tra chủ trì"),
            Some("Thanh tra Sở".into())
        );
        assert_eq!(
            found(&dir, "Pháp chế Sở thẩm định"),
            Some("Phòng Pháp chế".into())
        );
        assert_eq!(
            found(&dir, "Văn phòng Sở tổng hợp"),
            Some("Văn phòng Sở".into())
        );
        // Ordinary words are not a unit.
        assert_eq!(found(&dir, "thanh tra, kiểm tra việc thực hiện"), None);
    }

    #[test]
    fn a_short_name_given_in_parentheses() {
        let dir = Directory::from_names(&["Ban Quản lý dự án đầu tư xây dựng"]);
        let text = "Ban Quản lý dự án đầu tư xây dựng (BQL) báo cáo. Giao BQL hoàn tất hồ sơ.";
        let t = tokenize(text);
        let found = dir.mentions(&t, text);
        let bql = t.iter().rposition(|x| x.fold == "bql").unwrap();
        assert_eq!(
            found[bql].as_ref().map(|m| m.unit.name.as_str()),
            Some("Ban Quản lý dự án đầu tư xây dựng")
        );
    }

    #[test]
    fn a_local_unit_without_its_place_level() {
        let dir = Directory::from_names(&[
            "Phòng Văn hóa và Thông tin huyện Bắc Hà",
            "Phòng Văn hóa và Thông tin thị xã Sa Pa",
            "Phòng Lao động - Thương binh và Xã hội",
            "UBND huyện Si Ma Cai",
            "UBND xã Si Ma Cai",
        ]);
        let bac_ha = Some("Phòng Văn hóa và Thông tin huyện Bắc Hà".to_string());
        assert_eq!(found(&dir, "Phòng VHTT Bắc Hà chủ trì"), bac_ha);
        assert_eq!(found(&dir, "Phòng Văn hóa và Thông tin Bắc Hà"), bac_ha);
        assert_eq!(found(&dir, "Phòng VH&TT huyện Bắc Hà"), bac_ha);
        assert_eq!(
            found(&dir, "Phòng VHTT Sa Pa"),
            Some("Phòng Văn hóa và Thông tin thị xã Sa Pa".into())
        );
        // "Xã hội" is a word of the name, not a place's level.
        assert_eq!(
            found(&dir, "Phòng LĐTBXH"),
            Some("Phòng Lao động - Thương binh và Xã hội".into())
        );
        // Named whole, each is itself; without the level, the two are neither.
        assert_eq!(
            found(&dir, "UBND xã Si Ma Cai"),
            Some("UBND xã Si Ma Cai".into())
        );
        assert_eq!(
            found(&dir, "UBND huyện Si Ma Cai"),
            Some("UBND huyện Si Ma Cai".into())
        );
        assert_ne!(
            found(&dir, "UBND Si Ma Cai"),
            Some("UBND xã Si Ma Cai".into())
        );
        assert_ne!(
            found(&dir, "UBND Si Ma Cai"),
            Some("UBND huyện Si Ma Cai".into())
        );
    }

    #[test]
    fn groups_of_units_keep_their_words() {
        let dir = Directory::from_names::<&str>(&[]);
        assert_eq!(
            found(&dir, "các phòng, đơn vị trực thuộc Sở tích cực"),
            Some("các phòng, đơn vị trực thuộc Sở".into())
        );
        assert_eq!(
            found(&dir, "Các đơn vị tích cực"),
            Some("Các đơn vị".into())
        );
        // Written out: kinds joined by commas and "và", with the words that say which.
        for (text, group) in [
            (
                "các phòng, ban liên quan, UBND 7 phường tập trung",
                "các phòng, ban liên quan, UBND 7 phường",
            ),
            (
                "các chuyên môn, đơn vị thuộc thẩm quyền rà soát",
                "các chuyên môn, đơn vị thuộc thẩm quyền",
            ),
            (
                "các ngành, các địa phương chủ động",
                "các ngành, các địa phương",
            ),
            ("các cơ quan liên quan chuẩn bị", "các cơ quan liên quan"),
            (
                "các thành viên trong Tổ nội dung tập trung",
                "các thành viên trong Tổ nội dung",
            ),
            (
                "các thành viên Ban tổ chức chuẩn bị",
                "các thành viên Ban tổ chức",
            ),
        ] {
            assert_eq!(found(&dir, text), Some(group.into()), "{text}");
        }
        // Members of no body, and words that only look like kinds, are no group.
        assert_eq!(found(&dir, "các thành viên tích cực"), None);
        assert_eq!(found(&dir, "các phòng, chống dịch"), None);
    }

    #[test]
    fn units_outside_the_directory_by_their_written_form() {
        let dir = Directory::from_names::<&str>(&[]);
        let name = |s: &str| found(&dir, s);
        assert_eq!(name("Sở Tài chính tham mưu"), Some("Sở Tài chính".into()));
        assert_eq!(
            name("Sở Tài chính có trách nhiệm"),
            Some("Sở Tài chính".into())
        );
        assert_eq!(
            name("Sở Kế hoạch và Đầu tư phối hợp"),
            Some("Sở Kế hoạch và Đầu tư".into())
        );
        assert_eq!(name("Sở GD&ĐT và các trường"), Some("Sở GD&ĐT".into()));
        assert_eq!(
            name("UBND huyện Bát Xát chủ trì"),
            Some("UBND huyện Bát Xát".into())
        );
        assert_eq!(name("UBND tỉnh phê duyệt"), Some("UBND tỉnh".into()));
        assert_eq!(name("Phòng, chống tham nhũng"), None);
        assert_eq!(name("Sở sẽ báo cáo"), None);
    }
}
