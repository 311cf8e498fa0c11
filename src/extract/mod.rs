//! Directives proposed from the text of a meeting: the chair's conclusions as dictated
//! ("… đề nghị các phòng, đơn vị tích cực thực hiện …; Phòng X phối hợp với Y thực hiện …"),
//! each with its lead unit, coordinating units and deadline; and the chair and date where the
//! text states them. Rules over the Vietnamese words, offline; the secretary reviews.
//!
//! The text is cut into clauses (sentences, `;`, lines, numbered or dashed items, lists after
//! "cụ thể:"). Clauses before the conclusion part are the report and give no directives; in
//! the conclusion part a clause is a directive when it sets a task (an action verb, or an
//! item of a list) and is not an assessment ("ghi nhận…", "Tuy nhiên…") or a report of what
//! was done ("đã …"). The lead unit is the one the task is given to ("giao cho X", "đề nghị
//! X"), the clause's subject ("X tăng cường …", "X:"), or the last one named before.

mod clause;
mod directory;
mod event;
pub(crate) mod lexicon;

use std::ops::Range;

use clause::{Clause, assigns_at, paren_mark, segment, skip_mark};

use chrono::NaiveDate;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

pub use directory::{Directory, UnitRef};
use lexicon::*;

use crate::deadline::{self, Anchor};
use crate::token::{Kind, Token, starts_with, tokenize};

/// What the text says.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Extraction {
    /// The meeting's facts stated in the text.
    pub meeting: MeetingFacts,
    /// The directives found, in text order.
    pub directives: Vec<Proposal>,
    /// The conclusion lines that gave no directive, so that none vanishes: each item of
    /// [`extract_items`], and each line of a text from where the conclusions start, that
    /// holds a few words and no task ("Cơ bản thống nhất với báo cáo …").
    pub set_aside: Vec<SetAside>,
}

/// A conclusion line read as no directive; the secretary may still make one of it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SetAside {
    /// The line, as written.
    pub content: String,
    /// Which of the items given to [`extract_items`] it is.
    #[serde(skip)]
    pub item: Option<usize>,
    /// Where in the text it starts (a byte offset), to keep text order.
    #[serde(skip)]
    pub at: usize,
    /// Its line of the text, from 1 (a document's paragraph).
    #[serde(skip)]
    pub line: usize,
}

/// The meeting's chair and date, when the text states them.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingFacts {
    /// Date of the meeting.
    pub date: Option<NaiveDate>,
    /// Full name of the chair.
    pub chair: Option<String>,
}

/// One proposed directive.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Proposal {
    /// The task, in the text's words.
    pub content: String,
    /// The unit in charge.
    pub lead_unit: Option<UnitRef>,
    /// The units that coordinate.
    pub coordinating_units: Vec<UnitRef>,
    /// Deadline, read relative to the meeting date.
    pub deadline: Option<NaiveDate>,
    /// Which of the items given to [`extract_items`] it comes from.
    #[serde(skip)]
    pub item: Option<usize>,
    /// Where in the text it was read (a byte offset), to keep text order.
    #[serde(skip)]
    pub at: usize,
}

/// The most tokens (words, numbers and marks) a text may hold to be read: about 2.4 MB of
/// meeting text (1 MiB holds some 215,000). Checked before any work, so that megabytes of
/// junk ("1/1/1…", a token a byte) cannot take the memory of the machine.
pub const MAX_TOKENS: usize = 500_000;

/// The most bytes a text may hold to be read (a few words of megabytes would pass
/// [`MAX_TOKENS`]).
pub const MAX_BYTES: usize = 4 << 20;

/// Refuses a text longer than [`MAX_BYTES`] or [`MAX_TOKENS`], counted without making its
/// tokens. Bytes that are no text pass: [`extract`] gives nothing of them, at once.
pub fn check_length(text: &str) -> crate::error::Result<()> {
    let long = text.len() > MAX_BYTES || crate::token::count(text) > MAX_TOKENS;
    if long && plain(text) {
        return Err(crate::error::Error::invalid(
            crate::error::Field::Content,
            crate::error::Rule::TooLong(MAX_TOKENS as u32),
        ));
    }
    Ok(())
}

/// Finds the directives of `text`, a meeting held on `meeting_date` (with the office's
/// working days, when given: [`Anchor`]), among the units of `directory`. Any text gives a
/// result (possibly empty), in time linear in its length.
pub fn extract<'a>(
    text: &str,
    meeting_date: impl Into<Anchor<'a>>,
    directory: &Directory,
) -> Extraction {
    if !plain(text) {
        return Extraction::default();
    }
    read(&normalise(text), &[], meeting_date.into(), directory)
}

/// Like [`extract`] over items read as one text, one a line (a meeting's conclusions);
/// each proposal says which item it comes from.
pub fn extract_items<'a, S: AsRef<str>>(
    items: &[S],
    meeting_date: impl Into<Anchor<'a>>,
    directory: &Directory,
) -> Extraction {
    if !items.iter().all(|i| plain(i.as_ref())) {
        return Extraction::default();
    }
    let mut text = String::new();
    let mut starts = Vec::with_capacity(items.len());
    for item in items {
        starts.push(text.len());
        text.push_str(&normalise(item.as_ref()));
        text.push('\n');
    }
    read(&text, &starts, meeting_date.into(), directory)
}

/// Whether `text` is plain text: at most one character in ten is a control character
/// (besides line breaks and tabs) or the replacement of an undecodable byte. Binary bytes
/// (a file that is no text) give nothing, at once.
fn plain(text: &str) -> bool {
    let (mut all, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        odd += usize::from(
            c == char::REPLACEMENT_CHARACTER
                || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')),
        );
    }
    odd * 10 <= all
}

/// Whether `line` is a news report's byline, not a conclusion: a few words of which those
/// after the last colon, or all, are names in capitals ("Tin, ảnh: Huyền Trang", "(CTV: Khánh
/// Nguyễn)", "KHẮC TRÍ - PNN").
fn byline(line: &str) -> bool {
    let tail = line.rsplit(':').next().unwrap_or(line);
    let words: Vec<&str> = tail
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    line.split_whitespace().count() <= 8
        && !words.is_empty()
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Line breaks as `\n` (also the Unicode line and paragraph separators), characters composed
/// (NFC), without what no one typed to be read: zero-width and direction marks, a soft
/// hyphen inside a word ("t\u{AD}ế"); any other control character a space.
fn normalise(text: &str) -> String {
    let lines = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n")
        .replace('\u{AD}', "");
    crate::text::without_controls(&lines).nfc().collect()
}

fn read(
    text: &str,
    item_starts: &[usize],
    anchor: Anchor<'_>,
    directory: &Directory,
) -> Extraction {
    let tokens = without_wraps(text, tokenize(text));
    let anchor = Anchor {
        opens_month: opens_its_month(&tokens, anchor.day),
        ..anchor
    };
    let doc = Doc {
        text,
        item_starts,
        t: &tokens,
        mentions: directory.mentions(&tokens, text),
        events: event::Events::of(&tokens, anchor.day),
        anchor,
        accented: tokens.iter().any(|t| t.accented),
    };
    let clauses = segment(text, &tokens, &doc.mentions);
    let (directives, set_aside) = doc.directives(&clauses);
    Extraction {
        meeting: MeetingFacts {
            date: doc.meeting_day(&clauses),
            chair: doc.chair(&clauses),
        },
        directives,
        set_aside,
    }
}

/// The tokens without the line breaks a PDF or a narrow window put inside a sentence: a
/// break after a word, a number or a comma, before a word in lower case ("… các văn bản lãnh
/// đạo, chỉ đạo, kế⏎hoạch tổ chức …"), or after a word no sentence ends with. A blank line,
/// a list's mark or (after any other word) a capital keeps it.
fn without_wraps(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let soft = |i: usize| {
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let before = prev.is_some_and(|x| x.is_wordlike() || x.is_punct(','));
        let next = tokens.get(i + 1);
        let lower = next.is_some_and(|x| x.kind == Kind::Word && !x.capital);
        // "… Đoàn kiểm tra của⏎Tỉnh ủy", "… trong quý⏎III/2025", "… trong tháng⏎8/2025": a
        // line that ends with a word no sentence ends with goes on, whatever comes next but
        // a list's mark ("2.", "a)").
        let open_end = prev.is_some_and(|x| {
            x.kind == Kind::Word
                && MID_SENTENCE.contains(&text[x.start..x.end].to_lowercase().as_str())
        });
        let marked = next.is_none_or(|x| {
            !x.is_wordlike()
                || tokens
                    .get(i + 2)
                    .is_some_and(|m| m.is_punct('.') || m.is_punct(')'))
        });
        tokens[i].kind == Kind::Break && before && (lower || (open_end && !marked))
    };
    let keep: Vec<bool> = (0..tokens.len()).map(|i| !soft(i)).collect();
    tokens
        .into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}

/// The end of the month whose tasks a monthly briefing sets, the latest of those the words
/// `t` (its title and account) name after "nhiệm vụ" ("… đánh giá kết quả tháng 3 và triển
/// khai nhiệm vụ tháng 4 năm 2018"), the current or the next month: "nhiệm vụ trọng tâm
/// tháng M" are due by the end of M unless stated (DOMAIN.md).
fn month_of_tasks(t: &[Token], anchor: Anchor<'_>) -> Option<NaiveDate> {
    const BETWEEN: &[&str] = &["trong", "tam", "chu", "yeu", "cong", "tac", "cua"];
    (0..t.len())
        .filter_map(|i| {
            let n = seq_at(t, i, TASK_NOUNS)?;
            let mut k = i + n;
            while k < t.len() && k < i + n + 4 && BETWEEN.iter().any(|w| t[k].is(w)) {
                k += 1;
            }
            if !t.get(k).is_some_and(|x| x.is("thang")) {
                return None;
            }
            let end = (k + 5).min(t.len());
            deadline::period(&t[i..end], anchor)
        })
        .filter(|d| (*d - anchor.day).num_days() <= 62)
        .max()
}

/// Words of the text with the breaks of wrapped lines ([`without_wraps`]) as spaces.
fn unwrapped(words: &str) -> std::borrow::Cow<'_, str> {
    if words.contains('\n') {
        words.replace('\n', " ").into()
    } else {
        words.into()
    }
}

/// Whether the meeting, held in the first week of a month, is that month's briefing: the
/// text names "giao ban tháng M" or "nhiệm vụ (trọng tâm) tháng M" of the month it is held in
/// ("Sáng ngày 01/7/2022 … giao ban tháng 7 …, triển khai các nhiệm vụ trọng tâm tháng 7").
fn opens_its_month(t: &[Token], day: NaiveDate) -> bool {
    use chrono::Datelike;
    let names_it = |i: usize| {
        let opener = seq_is(t, i, &["giao", "ban"]) || seq_at(t, i, TASK_NOUNS).is_some();
        opener
            && (i + 2..(i + 6).min(t.len().saturating_sub(1)))
                .any(|k| t[k].is("thang") && t[k + 1].number() == Some(day.month()))
    };
    day.day() <= 7 && (0..t.len()).any(names_it)
}

/// How far after a unit that opens a clause its task verb may come, in tokens.
const SUBJECT_REACH: usize = 12;

struct Doc<'a> {
    text: &'a str,
    /// Where each item of [`extract_items`] starts in `text`.
    item_starts: &'a [usize],
    t: &'a [Token],
    /// The unit named at each token.
    mentions: Vec<Option<directory::Mention>>,
    /// The events the text dates, for tasks due by them.
    events: event::Events,
    /// The meeting's day and the office's working days, deadlines read against them.
    anchor: Anchor<'a>,
    /// The text is written with diacritics, so `da` without them is not `đã`.
    accented: bool,
}

/// How a clause's words read.
struct Reading {
    content: Range<usize>,
    lead: Option<UnitRef>,
    coordinating: Vec<UnitRef>,
    /// Given to a unit by name ("giao cho X", "đề nghị X") or after the chair's words.
    assigned: bool,
    /// Names the conclusion without a task ("Đồng chí … kết luận buổi làm việc").
    header: bool,
    /// Tells what was done, or what a person did at the meeting ("đồng chí X chủ trì").
    reported: bool,
    assessed: bool,
    acts: bool,
    marked: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Mood {
    Task,
    Report,
    Assessment,
}

fn seq_is(t: &[Token], i: usize, seq: &[&str]) -> bool {
    crate::token::starts_with(t, i, seq)
}

/// The length of the longest of `lists` starting at `i`.
fn seq_at(t: &[Token], i: usize, lists: &[&[&str]]) -> Option<usize> {
    lists
        .iter()
        .filter(|s| seq_is(t, i, s))
        .map(|s| s.len())
        .max()
}

/// The first place in `range` where one of `lists` starts.
fn find_seq(t: &[Token], range: Range<usize>, lists: &[&[&str]]) -> Option<usize> {
    range.into_iter().find(|&i| seq_at(t, i, lists).is_some())
}

/// Where in `range` the words that open conclusions stand ("kết luận", "ý kiến chỉ đạo"),
/// not a document's name ("Kết luận số 02-KL/HU", "Kết luận 123-KL/TU").
fn concluding(t: &[Token], range: Range<usize>) -> Option<usize> {
    range.into_iter().find(|&i| {
        // Nor a conclusion that is a task's object: "ban hành kết luận thanh tra", "theo dõi
        // việc thực hiện các kết luận", "hoàn thành kết luận".
        // ("gửi Thông báo kết luận": the notice of it, the object.)
        let object = i >= 1 && t[i].is("ket") && {
            let before = if i >= 3 && t[i - 1].is("bao") && t[i - 2].is("thong") {
                i - 3
            } else {
                i - 1
            };
            OBJECT_OF.iter().any(|w| t[before].is(w))
        };
        !object
            && seq_at(t, i, CONCLUDES).is_some_and(|n| {
                !t.get(i + n)
                    .is_some_and(|x| x.is("so") || x.kind == Kind::Number)
            })
    })
}

/// Whether a deadline said after `p` ("…; hoàn thành trước 30/7") is its own: it has none,
/// or only the period its list gave ("Nhiệm vụ tháng 7: …").
fn open_to(p: &Proposal, list: Option<Option<NaiveDate>>) -> bool {
    p.deadline.is_none() || p.deadline == list.flatten()
}

/// How an item is numbered: each kind is a level of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// "2.", "2)".
    Digits,
    /// "(3)".
    Parenthesised,
    /// "b)", "b.".
    Letter,
    /// "II.".
    Roman,
}

/// How the clause at `i` is numbered ("2.", "b)", "(3)", "II."); none for a dash, a bullet
/// or no mark.
fn numbered(t: &[Token], i: usize) -> Option<Numbering> {
    if !skip_mark(t, i, t.len()).1 {
        return None;
    }
    let x = t.get(i)?;
    match x.kind {
        Kind::Number => Some(Numbering::Digits),
        Kind::Punct('(') => Some(Numbering::Parenthesised),
        Kind::Word if x.fold.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) && x.capital => {
            Some(Numbering::Roman)
        }
        Kind::Word => Some(Numbering::Letter),
        _ => None,
    }
}

fn skip_punct(t: &[Token], mut i: usize, end: usize) -> usize {
    while i < end && matches!(t[i].kind, Kind::Punct(',' | ':' | '-' | '–')) {
        i += 1;
    }
    i
}

impl Doc<'_> {
    /// Whether the text is Vietnamese: written with its diacritics, or, without them, made
    /// of enough of its frequent syllables (so an English text gives nothing).
    fn vietnamese(&self) -> bool {
        let words = self.t.iter().filter(|x| x.kind == Kind::Word);
        let (all, common) = words.fold((0usize, 0usize), |(a, c), x| {
            (a + 1, c + usize::from(COMMON.contains(&x.fold.as_str())))
        });
        self.accented || common * 5 >= all
    }

    /// The directives, and the conclusion lines that gave none.
    fn directives(&self, clauses: &[Clause]) -> (Vec<Proposal>, Vec<SetAside>) {
        let t = self.t;
        if !self.vietnamese() {
            return (Vec::new(), Vec::new());
        }
        // The conclusions start where the chair's words open them: a clause that says so and
        // opens a list ("… kết luận như sau:") rather than a heading that only names them.
        let concludes = |c: &Clause| concluding(t, c.range.clone()).is_some();
        // A task given to a named unit before them ("Phiên họp thống nhất phân công các
        // đồng chí Thường trực … dự …") is one too, and so is a head that gives a list of tasks
        // ("… chỉ đạo thực hiện tốt một số nội dung … đó là:"): each clause read once for both.
        let given = clauses.iter().position(|c| {
            let r = self.read(c);
            (r.assigned && r.lead.is_some()) || (c.intro && self.heads_tasks(&r))
        });
        // So is a clause that asks before a colon ("…, Phó Chủ tịch … đề nghị:"), or where a
        // leader asks for a task ("Phó Chủ tịch UBND tỉnh … đề nghị tăng cường quản lý …").
        let asks = clauses.iter().position(|c| {
            (c.intro && self.asks_at_end(c.range.clone())) || self.leader_asks(c.range.clone())
        });
        let said_to_conclude = clauses
            .iter()
            .position(|c| c.intro && concludes(c))
            .or_else(|| clauses.iter().position(concludes));
        let zone = said_to_conclude
            .into_iter()
            .chain(given)
            .chain(asks)
            .min()
            .or_else(|| self.next_period(clauses))
            .unwrap_or(0);
        // (A list is read whole: "1. Văn phòng Sở … 2. Thanh tra Sở … 3. Đề nghị Sở Tài chính
        // …" from its first item.)
        let zone = self.list_start(clauses, zone);
        let mut out: Vec<Proposal> = Vec::new();
        let host = clauses.get(zone).and_then(|c| self.host(c.range.start));
        let headline = self.headline();
        // The month whose tasks the meeting sets, as its account says before the conclusions.
        let told_before = clauses.get(zone).map_or(0, |c| c.range.start).max(headline);
        let month_of_tasks = month_of_tasks(&t[..told_before], self.anchor);
        let mut carried: Option<UnitRef> = None;
        // The carried unit was given by a list's head, to each of its items.
        let mut carried_by_head = false;
        // How the line that gave it was numbered: a line numbered alike is a head of its own.
        let mut carried_numbering: Option<Numbering> = None;
        // The coordinating units the head named with it ("Phòng X chủ trì, phối hợp với Y:").
        let mut carried_coordinating: Vec<UnitRef> = Vec::new();
        let mut mood = Mood::Task;
        let mut list: Option<Option<NaiveDate>> = None;
        // How the list's head is numbered, when it is a numbered item.
        let mut list_numbered: Option<Numbering> = None;
        // Where the current list's proposals start in `out`.
        let mut list_from = 0;
        // The list was opened by ", trong đó" and ends with its sentence.
        let mut list_in_sentence = false;
        // Inside an item marked "(2)": its `;` parts are one task.
        let mut in_paren_item = false;
        // The sentence opens "Trong đó, …": its tasks are parts of the task before it, due
        // with it.
        let mut parts_of_last = false;
        // The sentence gives the details of the task before it ("Cụ thể, …").
        let mut details = false;
        // The sentence has given a task: its next parts after `;` are tasks of the same
        // list, whatever their verb ("… yêu cầu X tập trung …; thi công đúng hồ sơ …").
        let mut given_in_sentence = false;
        // A time said before the sentence's first verb ("Vì vậy, nhiệm vụ trọng tâm trong
        // tháng 12 là các phòng … cần …, quan tâm …, chỉnh trang …"): the term of each task the
        // sentence, and the sentences after it in its paragraph, go on to give ("Tháng
        // 6-2020, UBND huyện tập trung …. Thực hiện tốt …; chủ động …"), until a report or
        // another time.
        let mut frame: Option<NaiveDate> = None;
        // A unit named to lead before the partners and the task ("Giao X chủ trì; Y phối hợp …").
        let mut lead_alone: Option<UnitRef> = None;
        // The paragraph gives an account of a period over before the meeting.
        let mut reviewing = false;
        // The head of a list of what the meeting discussed ("… cho ý kiến vào các nội dung:
        // …"), while its items are read; it may stand just before the conclusions.
        // (Not "Qua các ý kiến thảo luận, đồng chí Chủ tịch chỉ đạo …: …", which gives tasks.)
        // Nor "Sau khi thảo luận, Chủ tịch kết luận như sau:", which concludes after the
        // discussion and opens the conclusions.
        // "Hội nghị cũng thảo luận dự thảo …; đề nghị điều chỉnh …; tổng hợp …", "Hội nghị
        // nghe Văn phòng trình bày dự thảo …; Dự thảo …": a sentence in which the meeting
        // discussed or heard lists its topics after `;`, colon or not; so does one that says
        // what the meeting was held for ("Hội nghị nhằm đánh giá …; triển khai …").
        let meeting_discussed = |c: &Clause| {
            let first = skip_mark(t, c.range.start, c.range.end).0;
            c.sentence
                && THE_MEETING
                    .iter()
                    .find(|s| starts_with(t, first, s))
                    .is_some_and(|s| {
                        let mut p = first + s.len();
                        // ("Hội nghị được tổ chức / diễn ra nhằm …": what it was held for.)
                        while let Some(n) = seq_at(t, p, MEETING_HELD) {
                            p += n;
                        }
                        seq_at(t, p, DISCUSSES).is_some()
                            || seq_at(t, p, HEARS).is_some()
                            || t.get(p).is_some_and(|x| x.is("nham"))
                    })
        };
        // "Sau khi thảo luận, Thường trực … thống nhất một số nội dung cần thực hiện trong tháng
        // 01 như sau:": a discussion said as what came before the head is not the head.
        let discussed_at = |range: Range<usize>| {
            let d = find_seq(t, range.clone(), DISCUSSES)?;
            let before = (d.saturating_sub(3).max(range.start)..d)
                .any(|k| seq_at(t, k, CIRCUMSTANCES).is_some() || t[k].is("qua"));
            match (d..(d + 5).min(range.end)).find(|&k| t[k].is_punct(',')) {
                Some(comma) if before => find_seq(t, comma..range.end, DISCUSSES),
                _ => Some(d),
            }
        };
        let discusses = |c: &Clause| {
            let heads = c.intro
                && discussed_at(c.range.clone())
                    .is_some_and(|d| concluding(t, d..c.range.end).is_none());
            (heads || (meeting_discussed(c) && concluding(t, c.range.clone()).is_none()))
                && !c.range.clone().any(|i| assigns_at(t, i).is_some())
        };
        let mut discussion = zone
            .checked_sub(1)
            .filter(|&h| discusses(&clauses[h]))
            .filter(|&h| !self.read(&clauses[h]).assigned);
        // The clauses that gave or shaped a directive, and where the reading stopped.
        let mut used = vec![false; clauses.len()];
        let mut visited = clauses.len();
        for (ci, c) in clauses.iter().enumerate().skip(zone) {
            if c.range.end <= headline {
                continue;
            }
            if c.sentence {
                given_in_sentence = false;
                // Before the verb that gives the tasks, or else the first verb: "Triển khai
                // nhiệm vụ 3 tháng cuối năm, UBND huyện chỉ đạo …", "Tháng 6-2020, UBND huyện
                // tập trung …".
                let gives = c.range.clone().find(|&p| assigns_at(t, p).is_some());
                let before = self.before_verb(c);
                // "6 tháng đầu năm 2016, ngành … đã làm tốt …. Tăng cường …": a period over
                // before the meeting frames an account of it, to the end of its paragraph.
                let over = before
                    .and_then(|b| deadline::period_over(b, self.anchor))
                    .is_some();
                let framed = before
                    .and_then(|before| {
                        self.time_said(before).or_else(|| {
                            deadline::period(before, self.anchor)
                                .filter(|d| self.not_a_year_on(*d, before))
                        })
                    })
                    // "Ngày 21/6, nghe …; Ngày 1/7 gửi …": a schedule, each day to come its
                    // sentence's own.
                    .or_else(|| {
                        let first = skip_mark(t, c.range.start, c.range.end).0;
                        let day = t[first].capital && t[first].is("ngay");
                        day.then(|| deadline::day_at(t, first + 1, self.anchor.day))
                            .flatten()
                            .map(|(d, _)| d)
                            .filter(|d| *d > self.anchor.day)
                    })
                    // "… yêu cầu, năm 2020, ngành Công Thương …": a time said right after it.
                    .or_else(|| {
                        let after = gives.map(|g| {
                            skip_punct(t, g + assigns_at(t, g).unwrap_or(1), c.range.end)
                        })?;
                        let comma =
                            (after..(after + 8).min(c.range.end)).find(|&k| t[k].is_punct(','))?;
                        // "… yêu cầu trong tháng 9, Văn phòng Sở …; Thanh tra Sở …" too.
                        let time = after + usize::from(t[after].is("trong"));
                        self.time_lead_in(time)
                            .then(|| deadline::period(&t[after..comma], self.anchor))
                            .flatten()
                    });
                if framed.is_some() || c.line {
                    frame = framed;
                }
                if over || framed.is_some() || c.line {
                    reviewing = over;
                }
                let first = skip_mark(t, c.range.start, c.range.end).0;
                parts_of_last = seq_is(t, first, &["trong", "do"]);
                // "Cụ thể, trụ sở … do Sở … quản lý": the details of the task before, no task.
                details = seq_is(t, first, &["cu", "the"])
                    && t.get(first + 2).is_some_and(|x| x.is_punct(','));
            }
            if details {
                used[ci] = self.item_starts.is_empty();
                continue;
            }
            if seq_is(t, skip_mark(t, c.range.start, c.range.end).0, RECIPIENTS) {
                visited = ci;
                break;
            }
            if self.closes(c.range.clone()) {
                continue;
            }
            let mut r = self.read(c);
            // "Giao X chủ trì; Y, Z phối hợp xây dựng …": X leads the task its partners are
            // named with, Y and Z coordinate; "X chủ trì" alone is no task of its own.
            if let Some(x) = lead_alone.take()
                && !c.sentence
                && r.lead.is_some()
                && let Some(n) = seq_at(t, r.content.start, COORDINATES)
            {
                let mut partners = self.units_in(c.range.start..r.content.start);
                partners.append(&mut r.coordinating);
                partners.retain(|u| *u != x);
                partners.dedup();
                r.coordinating = partners;
                r.lead = Some(x);
                r.content.start = skip_punct(t, r.content.start + n, r.content.end);
            }
            if self.leads_alone(&r)
                && clauses.get(ci + 1).is_some_and(|next| {
                    !next.sentence && {
                        let n = self.read(next);
                        n.lead.is_some()
                            && seq_at(t, n.content.start, COORDINATES).is_some_and(|k| {
                                t[n.content.start + k..n.content.end]
                                    .iter()
                                    .any(Token::is_wordlike)
                            })
                    }
                })
            {
                lead_alone = r.lead.clone();
                used[ci] = true;
                continue;
            }
            if c.sentence && (r.reported || r.assessed) {
                frame = None;
            }
            // A list headed by a numbered item ("1. Giao X thực hiện các nội dung sau …:")
            // ends at the next item numbered alike ("2. Thanh tra Sở …"), not at its own items
            // ("a) …", "- …").
            let numbered_line = if c.line {
                numbered(t, c.range.start)
            } else {
                None
            };
            if (c.line && !r.marked)
                || (c.sentence && list_in_sentence)
                || (numbered_line.is_some() && numbered_line == list_numbered)
            {
                list = None;
                list_in_sentence = false;
                list_numbered = None;
            }
            // A numbered conclusion is a task of its own: the unit of the one before is not
            // its ("2. Giao Trung tâm … 3. Tăng cường …": none named), unless a list's head
            // gave it to each item.
            if numbered_line.is_some() && (!carried_by_head || numbered_line == carried_numbering) {
                carried = None;
                carried_by_head = false;
                carried_coordinating.clear();
            }
            let paren = paren_mark(t, c.range.start);
            if paren || c.sentence || c.line {
                in_paren_item = paren;
            }
            let wherein = c.intro && t.get(c.range.end).is_some_and(|x| x.is_punct(','));
            // "… thảo luận, cho ý kiến vào các nội dung:": what the meeting discussed is
            // listed, not tasks.
            // Its items run from the head to the end of a sentence, or of the marked lines.
            // A clause that says the conclusions start ("Kết luận:") ends it at once.
            // One opened without a colon ("Cuộc họp đã nghe …; …") ends with its sentence.
            let unlisted = discussion.is_some_and(|h| !clauses[h].intro);
            let ends_discussion = (c.sentence
                && (!r.marked || unlisted)
                && discussion.is_some_and(|h| h < ci && (unlisted || h + 1 < ci)))
                || (concluding(t, c.range.clone()).is_some() && !discusses(c));
            if ends_discussion {
                discussion = None;
            }
            if discusses(c) && !r.assigned {
                discussion = Some(ci);
            }
            if discussion.is_some() {
                mood = Mood::Report;
                list = None;
                // A numbered conclusion item is kept, set aside.
                used[ci] = self.item_starts.is_empty() && !(c.line && r.marked);
                continue;
            }
            if c.intro && self.heads_tasks(&r) {
                let content = &t[r.content.clone()];
                mood = Mood::Task;
                // "Về nhiệm vụ năm 2019, Giám đốc Sở đề nghị X … một số nhiệm vụ:": a period
                // said before the task is given is its items' too.
                let said_before = &t[c.range.start..r.content.start];
                // A head that is an item of a list ("nội dung trọng tâm tháng 8/2019 như
                // sau:⏎- Đề nghị UBND phường:⏎+ …") keeps the outer list's period.
                let outer = list.flatten().filter(|_| r.marked);
                list_numbered = numbered_line;
                list = Some(
                    self.strong_deadline(content)
                        .or_else(|| deadline::period(content, self.anchor))
                        .or_else(|| deadline::period(said_before, self.anchor))
                        .or(outer),
                );
                list_from = out.len();
                list_in_sentence = wherein;
                if let Some(u) = r
                    .lead
                    .clone()
                    .or_else(|| self.first_unit(r.content.clone()))
                {
                    carried = Some(u);
                    carried_by_head = true;
                    carried_numbering = numbered_line;
                    carried_coordinating = r.coordinating.clone();
                } else {
                    // "… đề nghị các đồng chí thành viên …, đồng thời tập trung vào một số nhiệm
                    // vụ trọng tâm như sau:": the unit asked before the head.
                    carried_by_head = carried.is_some();
                    carried_numbering = numbered_line;
                }
                if !wherein {
                    used[ci] = true;
                    continue;
                }
            }
            // "… thực hiện tốt Nghị quyết số 03-NQ/HU …; Nghị quyết số 02-NQ/ĐU …": a part that
            // only names documents goes on with the task before it.
            let goes_on = in_paren_item && !paren || self.names_documents(r.content.clone());
            if goes_on
                && !c.sentence
                && r.lead.is_none()
                && !r.acts
                && let Some(last) = out.last_mut()
            {
                last.content = format!("{}; {}", last.content, self.text_of(r.content.clone()));
                let content = &t[r.content.clone()];
                last.deadline = last.deadline.or(deadline::find(content, self.anchor));
                used[ci] = true;
                continue;
            }
            // "Sau khi nghe … báo cáo, Phó Chủ tịch … đề nghị:": a clause that ends by asking
            // opens tasks, whatever it narrates before; they run to the end of its sentence.
            if c.intro && !r.assigned && self.asks_at_end(c.range.clone()) {
                mood = Mood::Task;
                list_numbered = numbered_line;
                list = Some(self.strong_deadline(&t[r.content.clone()]));
                list_from = out.len();
                // Its items are given to the unit asked before it.
                carried_by_head = carried.is_some();
                carried_numbering = numbered_line;
                // Its items run to the end of its sentence; given as lines under it
                // ("… đề nghị:⏎- …;⏎- …"), to the end of the marked lines.
                let lines_follow = t
                    .get(c.range.end + 1)
                    .is_some_and(|x| x.kind == Kind::Break);
                list_in_sentence = !lines_follow;
                used[ci] = true;
                continue;
            }
            // An account goes on until a sentence asks for something ("… cần …").
            let asks = || c.range.clone().any(|k| self.says(&t[k], ASKING));
            let own = if r.reported || (reviewing && !r.assigned && !asks()) {
                Mood::Report
            } else if r.assessed {
                Mood::Assessment
            } else {
                Mood::Task
            };
            // "Theo báo cáo, … đã triển khai …. Đồng thời tăng cường …": a sentence that goes on
            // with the report before it, naming no one, is that report.
            let own = if c.sentence
                && mood == Mood::Report
                && own == Mood::Task
                && !r.assigned
                && r.lead.is_none()
                && seq_is(
                    t,
                    skip_mark(t, c.range.start, c.range.end).0,
                    &["dong", "thoi"],
                ) {
                Mood::Report
            } else {
                own
            };
            // "…; UBND tỉnh rà soát, chỉ đạo …": a part with a subject of its own and a verb
            // leaves the assessment before it.
            let own_subject = !c.sentence && r.lead.is_some() && r.acts;
            if c.sentence || r.assigned || own != Mood::Task || own_subject {
                mood = if r.assigned { Mood::Task } else { own };
            }
            if mood != Mood::Task || r.header {
                // A report or a heading in a pasted text is no conclusion line to keep; a
                // numbered or dashed item is one ("2. Đã hoàn thành …" under "Kết luận:"), and
                // so is a report said after the text says its conclusions start ("…; Văn
                // phòng Sở đang hoàn thiện quy chế; …"): set aside, not lost.
                let concluded = said_to_conclude.is_some_and(|z| ci > z);
                used[ci] = self.item_starts.is_empty()
                    && ((own == Mood::Report && !(c.line && r.marked) && !concluded) || r.header);
                continue;
            }
            if r.lead.is_some() {
                carried = r.lead.clone();
                carried_by_head = false;
                carried_coordinating.clear();
            }
            // A line that only names a unit ("- Thường trực HĐND", "1. Đối với HĐND phường",
            // "1. Văn phòng Sở:") heads the tasks under it: they are that unit's.
            if c.line && self.only_names_a_unit(r.content.clone()) {
                carried_by_head = carried.is_some();
                carried_numbering = numbered_line;
                used[ci] = true;
                continue;
            }
            let content = &t[r.content.clone()];
            // "Không giao …", "… không đồng ý đề xuất …": a refusal is no task.
            if find_seq(t, c.range.clone(), REFUSES).is_some() {
                continue;
            }
            // A news report's byline ("Thực hiện: Dương Chiêm") is no task.
            if c.line && byline(self.text_of(c.range.clone()).trim()) {
                used[ci] = self.item_starts.is_empty();
                continue;
            }
            // "… vẫn còn một số tồn tại, hạn chế như: …": what falls short is listed, not
            // tasks ("khắc phục các tồn tại, hạn chế sau:" has a verb and gives them).
            if c.intro
                && !r.acts
                && !r.assigned
                && find_seq(t, c.range.clone(), SHORTCOMINGS).is_some()
            {
                mood = Mood::Assessment;
                list = None;
                used[ci] = self.item_starts.is_empty();
                continue;
            }
            if c.intro && !wherein {
                list_numbered = numbered_line;
                list = Some(self.strong_deadline(content));
                list_from = out.len();
                carried_by_head = carried.is_some();
                carried_numbering = numbered_line;
                if carried_by_head {
                    carried_coordinating = r.coordinating.clone();
                }
                used[ci] = true;
                continue;
            }
            if let Some(day) = self.deadline_for_those_above(r.content.clone()) {
                for p in &mut out[list_from..] {
                    p.deadline.get_or_insert(day);
                }
                used[ci] = true;
                continue;
            }
            // A line that names its own unit ("4. Giao Phòng X hoàn thành trước 12/8") is a
            // task of its own, not the deadline of the one before.
            let own_unit = r.lead.is_some() || r.assigned;
            let said = self.quote(r.content.clone());
            if !own_unit
                && let Some(deadline::Deadline::On(day)) = deadline::parse(&said, self.anchor)
            {
                if let Some(last) = out.last_mut().filter(|p| open_to(p, list)) {
                    last.deadline = Some(day);
                }
                used[ci] = true;
                continue;
            }
            // "…; thời gian hoàn thành trước 30/6": the deadline of the task before.
            let wordcount = content.iter().filter(|t| t.is_wordlike()).count();
            let words_only = content.iter().filter(|t| t.kind == Kind::Word).count();
            if !own_unit
                && seq_at(t, r.content.start, DEADLINE_LEADS).is_some()
                && words_only <= 8
                && let Some(day) = deadline::find(content, self.anchor)
            {
                if let Some(last) = out.last_mut().filter(|p| open_to(p, list)) {
                    last.deadline = Some(day);
                }
                used[ci] = true;
                continue;
            }
            let follows = !c.sentence
                && (seq_at(t, r.content.start, FOLLOW_UPS).is_some()
                    || self.reports_back(r.content.clone()));
            if let Some(last) = out.last_mut().filter(|_| follows) {
                last.content = format!("{}; {}", last.content, self.text_of(r.content.clone()));
                last.deadline = last.deadline.or(deadline::find(content, self.anchor));
                used[ci] = true;
                continue;
            }
            let generic = content
                .iter()
                .filter(|t| t.is_wordlike())
                .all(|t| GENERIC.contains(&t.fold.as_str()));
            if generic || self.fragment(content) {
                continue;
            }
            // Given by name, a task needs no verb of the list: "phân công X dự kỳ họp …".
            let given_words = if r.assigned {
                let after_lead = self
                    .mention(r.content.start, r.content.end)
                    .map_or(r.content.start, |m| self.units_from(m.end, r.content.end).1);
                t[after_lead..r.content.end]
                    .iter()
                    .filter(|x| x.is_wordlike())
                    .count()
            } else {
                0
            };
            // A part after `;` of a sentence that gave a task, with no verb of the list: a
            // long one is a task of its own ("…; thi công đúng theo hồ sơ được duyệt, không
            // làm ảnh hưởng đến …"), a short one goes on naming what the task before covers
            // ("thành lập Ban giám khảo; Tổ thư ký; …") and joins it, never lost.
            let part_of_given =
                given_in_sentence && c.range.start > 0 && t[c.range.start - 1].is_punct(';');
            let next_part = part_of_given && !r.acts && list.is_none();
            // (A part that names its own unit, "…; Công an huyện tuần tra ban đêm", is that
            // unit's task.)
            if next_part
                && wordcount < 10
                && r.lead.is_none()
                && let Some(last) = out.last_mut()
            {
                last.content = format!("{}; {}", last.content, self.text_of(r.content.clone()));
                last.deadline = last.deadline.or(deadline::find(content, self.anchor));
                used[ci] = true;
                continue;
            }
            // A task handed to a named unit may be short: "Giao Phòng Y tế kiểm tra.", "…;
            // Phòng Nội vụ theo dõi."
            let handed =
                r.lead.is_some() && ((r.assigned && given_words >= 1) || (part_of_given && r.acts));
            if (wordcount < 3 && !handed)
                || !(r.acts || list.is_some() || given_words >= 5 || next_part || handed)
            {
                continue;
            }
            let stated = deadline::found(content, self.anchor);
            let deadline = stated
                .map(|f| f.date)
                .or_else(|| self.events.due_in(content))
                // "Đối với nhiệm vụ trong tháng 11.2019, Chủ tịch … yêu cầu các ngành …": a
                // time said before the task is given is the task's.
                .or_else(|| {
                    r.assigned
                        .then(|| self.time_said(&t[c.range.start..r.content.start]))
                        .flatten()
                })
                // "Để hoàn thành mục tiêu, nhiệm vụ năm 2014, các ngành … cần rà soát …": the
                // period the task serves is its term.
                // "Trong năm 2019, toàn ngành …": so is a time said as the circumstance.
                .or_else(|| {
                    let before = skip_mark(t, c.range.start, r.content.start).0;
                    let before = self.after_connectors(before, r.content.start);
                    let lead_in = &t[before..r.content.start];
                    self.lead_in_at(before)
                        .then(|| {
                            deadline::find(lead_in, self.anchor)
                                .or_else(|| deadline::period(lead_in, self.anchor))
                                .or_else(|| self.deadline_said_first(before))
                        })
                        .flatten()
                })
                .or_else(|| {
                    parts_of_last
                        .then(|| out.last().and_then(|p| p.deadline))
                        .flatten()
                })
                .or(frame)
                .or_else(|| list.flatten())
                // "hoàn thành các nhiệm vụ 6 tháng cuối năm", "nhiệm vụ công tác tháng
                // 02/2021": the period of the work the task names, not yet past, is its term.
                .or_else(|| deadline::period(&content[1.min(content.len())..], self.anchor))
                .or(month_of_tasks);
            // A deadline said as a clause of its own at the end of the task is the deadline,
            // not part of the task: "Hoàn thiện hồ sơ, xong trước 30/6" is "Hoàn thiện hồ
            // sơ", due 30/06. One that a verb governs stays ("…, trình trước ngày 15/12").
            let own_clause = |f: &deadline::Found| {
                let first = &content[f.start];
                first.is_punct('(')
                    || ["xong", "hoan", "thoi", "cham", "han"]
                        .iter()
                        .any(|w| first.is(w))
                    || (f.start > 0 && content[f.start - 1].is_punct(','))
            };
            let words_before = |f: &deadline::Found| {
                content[..f.start]
                    .iter()
                    .filter(|x| x.is_wordlike())
                    .count()
            };
            let said = match stated {
                Some(f)
                    if own_clause(&f)
                        && content[f.end..].iter().all(|x| !x.is_wordlike())
                        && words_before(&f) >= 3 =>
                {
                    // "… rà soát hồ sơ để hoàn thành trước 30/6": not "… hồ sơ để".
                    let mut cut = f.start;
                    while cut > 0 && ["de", "nham", "va"].iter().any(|w| content[cut - 1].is(w)) {
                        cut -= 1;
                    }
                    self.quote(r.content.start..r.content.start + cut)
                }
                _ => said,
            };
            let own_lead = r.lead.is_some();
            // "- Giao KHTC lập dự toán" (a name the directory lacks): given to someone the
            // line names, not to the unit of the line before.
            let first = skip_mark(t, c.range.start, c.range.end).0;
            let gives =
                t[first].is("giao") && t.get(first + 1).is_some_and(|x| x.capital || x.acronym);
            let lead = match r.lead {
                Some(own) => Some(own),
                None if gives => None,
                None => carried.clone().or_else(|| host.clone()),
            };
            // "… yêu cầu trước ngày 10/5, Sở Tài chính hoàn thành rà soát …": the deadline of
            // that unit's task given before, said again, is no task of its own. Its words
            // after "hoàn thành" are that task's ("rà soát"); other words are a new task
            // ("Văn phòng Sở hoàn thành việc sửa chữa trụ sở trước ngày 30/9").
            let task_at = self.task_start(r.content.start, r.content.end, lead.as_ref());
            let done_words: Vec<&str> = t[task_at..r.content.end]
                .iter()
                .skip(2)
                .take_while(|x| {
                    x.kind == Kind::Word && !["truoc", "trong", "vao"].contains(&x.fold.as_str())
                })
                .filter(|x| !["viec", "cac", "cong", "tac"].contains(&x.fold.as_str()))
                .take(2)
                .map(|x| x.fold.as_str())
                .collect();
            let same_task = |p: &Proposal| {
                let words = crate::text::plain(&p.content);
                !done_words.is_empty() && words.contains(&done_words.join(" "))
            };
            let restated = seq_is(t, task_at, &["hoan", "thanh"])
                && deadline.is_some()
                && lead.is_some()
                && out
                    .iter()
                    .any(|p| p.lead_unit == lead && p.deadline.is_none() && same_task(p));
            if restated {
                if let Some(p) = out
                    .iter_mut()
                    .rev()
                    .find(|p| p.lead_unit == lead && p.deadline.is_none() && same_task(p))
                {
                    p.deadline = deadline;
                }
                used[ci] = true;
                continue;
            }
            let at = t[r.content.start].start;
            used[ci] = true;
            given_in_sentence = true;
            out.push(Proposal {
                item: self.item_starts.iter().rposition(|&s| s <= at),
                content: said,
                // An item under a head that named them takes its coordinating units too.
                coordinating_units: if r.coordinating.is_empty() && !own_lead {
                    carried_coordinating.clone()
                } else {
                    r.coordinating
                }
                .into_iter()
                .filter(|u| Some(u) != lead.as_ref())
                .collect(),
                lead_unit: lead,
                deadline,
                at,
            });
        }
        // Every stored conclusion counts; in a pasted text, the lines from where it says the
        // conclusions start, else from its first directive (a headline or an account before
        // it is no conclusion).
        let from = if !self.item_starts.is_empty() {
            0
        } else if let Some(z) = said_to_conclude {
            z.max(zone)
        } else {
            used.iter().position(|&u| u).unwrap_or(visited).max(zone)
        };
        let from = from.min(visited);
        let set_aside = self.set_aside(&clauses[from..visited], &used[from..visited]);
        (out, set_aside)
    }

    /// The lines (items of [`extract_items`], else the sentences and `;` parts of the text's
    /// lines) among
    /// `clauses` of which no clause was `used`, that hold at least three words and do not
    /// open a list: "Ổn định đời sống người lao động." beside a task in its paragraph is not lost.
    fn set_aside(&self, clauses: &[Clause], used: &[bool]) -> Vec<SetAside> {
        let text = self.text;
        // Where the text's lines break, found once (a text of one long line has many clauses);
        // a break inside a sentence (a wrapped line) is none.
        let breaks: Vec<usize> = self
            .t
            .iter()
            .filter(|x| x.kind == Kind::Break)
            .map(|x| x.start)
            .collect();
        // Each clause's line: its item, or the line of the text it starts on.
        let line_of = |c: &Clause| -> (Option<usize>, Range<usize>) {
            let at = self.t[c.range.start].start;
            match self.item_starts.iter().rposition(|&s| s <= at) {
                Some(i) => {
                    let end = self.item_starts.get(i + 1).copied().unwrap_or(text.len());
                    (Some(i), self.item_starts[i]..end)
                }
                None => {
                    let next = breaks.partition_point(|&p| p < at);
                    let start = next.checked_sub(1).map_or(0, |k| breaks[k] + 1);
                    let end = breaks.get(next).copied().unwrap_or(text.len());
                    (None, start..end)
                }
            }
        };
        // Each sentence of a line (an item is one): its item, its line, where it starts,
        // where its words start (after a list mark such as "4."), whether a clause of it
        // was used, and its words.
        struct Line {
            item: Option<usize>,
            line: Range<usize>,
            start: usize,
            body: usize,
            used: bool,
            words: usize,
        }
        let mut lines: Vec<Line> = Vec::new();
        // The clause before opened a list: what follows its colon is a sentence of its own.
        let mut after_colon = false;
        for (c, &used) in clauses.iter().zip(used) {
            let (item, line) = line_of(c);
            // So is each part after ";" ("…; Văn phòng Sở đang hoàn thiện quy chế; …").
            let after_semicolon = c
                .range
                .start
                .checked_sub(1)
                .is_some_and(|p| self.t[p].is_punct(';'));
            let opens =
                c.sentence || after_semicolon || std::mem::replace(&mut after_colon, c.intro);
            let words = self.t[c.range.clone()]
                .iter()
                .filter(|x| x.kind == Kind::Word)
                .count();
            let first = skip_mark(self.t, c.range.start, c.range.end).0;
            let body = self
                .t
                .get(first)
                .map_or(line.start, |x| x.start)
                .clamp(line.start, line.end);
            let same = |l: &&mut Line| l.line == line && (item.is_some() || !opens);
            match lines.last_mut().filter(same) {
                Some(l) => {
                    // A mark cut as a clause of its own ("2.") is no start of the words.
                    if l.words == 0 {
                        l.body = body;
                    }
                    l.used |= used;
                    l.words += words;
                }
                None => {
                    let start = if lines.last().is_some_and(|l| l.line == line) {
                        self.t[c.range.start].start
                    } else {
                        line.start
                    };
                    lines.push(Line {
                        item,
                        line,
                        start,
                        body: body.max(start),
                        used,
                        words,
                    });
                }
            }
        }
        // Each sentence ends where the next of its line starts, else with its line.
        let ends: Vec<usize> = (0..lines.len())
            .map(|i| {
                lines
                    .get(i + 1)
                    .filter(|n| n.line == lines[i].line)
                    .map_or(lines[i].line.end, |n| n.start)
            })
            .collect();
        lines
            .into_iter()
            .zip(ends)
            .filter(|(l, end)| {
                let words = text[l.body..*end].trim();
                !l.used && l.words >= 3 && !words.ends_with(':') && !byline(words)
            })
            // Line numbers counted as the lines come, in text order (not from the start
            // each time: a long text sets many lines aside).
            .scan((0usize, 1usize), |(pos, line), (l, end)| {
                *line += text[*pos..l.start].matches('\n').count();
                *pos = l.start;
                Some((*line, l, end))
            })
            .map(|(line, l, end)| SetAside {
                line,
                at: l.start,
                content: unwrapped(text[l.body..end].trim()).into_owned(),
                item: l.item,
            })
            .collect()
    }

    /// Where the numbered list holding clause `at` starts: the items before it numbered alike,
    /// each opening a line, with no other line between ("1. … 2. … 3. Đề nghị …"); `at` when
    /// it opens no numbered line.
    fn list_start(&self, clauses: &[Clause], at: usize) -> usize {
        let style = |c: &Clause| c.line.then(|| numbered(self.t, c.range.start)).flatten();
        let Some(kind) = clauses.get(at).and_then(style) else {
            return at;
        };
        let mut first = at;
        for k in (0..at).rev() {
            let c = &clauses[k];
            if !c.line {
                continue;
            }
            if style(c) != Some(kind) {
                break;
            }
            first = k;
        }
        first
    }

    /// Whether a clause only names its lead unit as leading ("Giao Trung tâm CNTT&TT chủ
    /// trì"), no task.
    fn leads_alone(&self, r: &Reading) -> bool {
        let t = self.t;
        let Some(m) = self.mention(r.content.start, r.content.end) else {
            return r.lead.is_some()
                && seq_at(t, r.content.start, LEADS).is_some_and(|n| {
                    t[r.content.start + n..r.content.end]
                        .iter()
                        .all(|x| !x.is_wordlike())
                });
        };
        r.lead.as_ref() == Some(&m.unit)
            && seq_at(t, m.end, LEADS)
                .is_some_and(|n| t[m.end + n..r.content.end].iter().all(|x| !x.is_wordlike()))
    }

    /// The units named one after another in `range`.
    fn units_in(&self, range: Range<usize>) -> Vec<UnitRef> {
        let mut out = Vec::new();
        let mut p = range.start;
        while p < range.end {
            match self.mention(p, range.end).filter(|m| m.start == p) {
                Some(m) => {
                    out.push(m.unit);
                    p = m.end;
                }
                None => p += 1,
            }
        }
        out
    }

    /// Whether `range` opens with a document's name and number ("Nghị quyết số 02-NQ/ĐU",
    /// "Kết luận 123-KL/TU", "Kế hoạch số 45/KH-UBND").
    fn names_documents(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let first = skip_mark(t, range.start, range.end).0;
        seq_at(t, first, DOCUMENT_NAMES).is_some_and(|n| {
            let at = first + n + usize::from(t.get(first + n).is_some_and(|x| x.is("so")));
            at < range.end && t[at].kind == Kind::Number
        })
    }

    /// Whether a clause that opens a list heads tasks: it gives them ("Giao UBND các xã …
    /// thực hiện các nhiệm vụ sau:") or names them ("một số nhiệm vụ trọng tâm tháng 8
    /// như sau:"), and does not report what was done.
    fn heads_tasks(&self, r: &Reading) -> bool {
        let t = self.t;
        // "… các nhiệm vụ sau:", or a verb over "các nội dung" ("Quý II/2019 tập trung thực
        // hiện một số nội dung như sau:", "… nhấn mạnh một số nội dung trọng tâm tháng 8:").
        let asks = r.acts || r.content.clone().any(|p| assigns_at(t, p).is_some());
        let names_tasks = find_seq(t, r.content.clone(), TASK_NOUNS).is_some()
            || (asks && find_seq(t, r.content.clone(), &[&["noi", "dung"]]).is_some());
        // "… đã định hướng Quảng Yên các công việc cần triển khai thực hiện trong thời gian
        // tới:": a head told in the past that names what is still to do gives tasks.
        // (Not one that, told in the past, then hands tasks out: "… đã nêu lên tính chất
        // nguy hiểm của cơn bão, qua đó phân công nhiệm vụ cho từng thành viên …:".)
        let done = r.content.clone().any(|k| {
            self.is_reported(&t[k])
                && !(k..r.content.end).any(|a| {
                    self.says(&t[a], &["cần", "phải", "sẽ"])
                        || (a > k + 1 && assigns_at(t, a).is_some())
                })
        });
        (r.assigned || names_tasks) && !done
    }

    /// Whether `range` holds a unit's name and nothing more, "Đối với" before it aside.
    fn only_names_a_unit(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let mut p = range.start;
        if seq_is(t, p, &["doi", "voi"]) {
            p += 2;
        }
        self.mention(p, range.end)
            .is_some_and(|m| m.start == p && skip_punct(t, m.end, range.end) == range.end)
    }

    /// "…; báo cáo UBND tỉnh trước ngày 31/7", "…; báo cáo Giám đốc Sở": reporting back to a
    /// unit or a leader, by a date or not, finishes the task before it.
    fn reports_back(&self, range: Range<usize>) -> bool {
        let t = self.t;
        if !seq_is(t, range.start, &["bao", "cao"]) {
            return false;
        }
        let to = match self.addressee(range.start + 2, range.end) {
            Some(m) => m.end,
            None => self.leader_at(range.start + 2, range.end),
        };
        if to == range.start + 2 {
            return false;
        }
        let rest = &t[to..range.end];
        rest.iter().all(|x| !x.is_wordlike())
            || deadline::found(rest, self.anchor).is_some_and(|f| {
                rest[..f.start].iter().all(|x| !x.is_wordlike())
                    && rest[f.end..].iter().all(|x| !x.is_wordlike())
            })
    }

    /// Words that cannot be a task by themselves: a clause that opens with a preposition
    /// ("Của UBND huyện để …", "Đến một số nhiệm vụ …", "Tới dự … có đồng chí …"), a purpose
    /// or condition with nothing after it ("Để định hướng thực hiện trong thời gian đến",
    /// "Sau khi nghe báo cáo của …"), who chaired ("Chủ trì phiên họp có đồng chí …"), or a
    /// notice's closing formula ("… thông báo để các đơn vị biết, thực hiện").
    fn fragment(&self, content: &[Token]) -> bool {
        let Some(first) = content.iter().position(Token::is_wordlike) else {
            return false;
        };
        let c = &content[first..];
        let opens = |words: &[&[&str]]| words.iter().any(|w| starts_with(c, 0, w));
        // Nothing after it: no verb after a comma ("Sau khi nghe báo cáo của các phòng, đơn vị").
        // (No verb after its first comma: looked for once, not from each comma.)
        let whole = c
            .iter()
            .position(|x| x.is_punct(','))
            .is_none_or(|k| !(k + 1..c.len()).any(|j| action_at(c, j)));
        let who_chaired = c.len() > 1
            && (c[0].is("chu") && c[1].is("tri") || c[0].is("toi") && c[1].is("du"))
            && find_seq(c, 0..c.len(), &[&["co", "dong", "chi"]]).is_some();
        // A web page's stamp over or under its report ("Ngày cập nhật 17/08/2018", "Ngày
        // đăng 07/12/2018 | 17:23").
        let stamp = opens(&[
            &["ngay", "cap", "nhat"],
            &["ngay", "dang"],
            &["cap", "nhat", "luc"],
        ]) && !(2..c.len()).any(|j| action_at(c, j));
        // A notice's closing formula ("Sở … thông báo để các cơ quan, đơn vị liên quan biết,
        // thực hiện./.", Nghị định 30/2020's "… thông báo đến … biết"): it hands out no task.
        let closing = [&["thong", "bao", "de"][..], &["thong", "bao", "den"]]
            .iter()
            .find_map(|w| find_seq(c, 0..c.len(), &[w]))
            .is_some_and(|at| c[at..].iter().any(|x| x.is("biet")))
            // "Trên đây là báo cáo …", "Biên bản được lập xong vào lúc …": a document's end.
            || opens(&[&["tren", "day", "la"], &["bien", "ban", "duoc", "lap"], &["bien", "ban", "ket", "thuc"]]);
        // How often the task above is done, said on its own ("Thực hiện thường xuyên.",
        // "Thực hiện hằng tháng."): part of that task, not one of its own.
        let how_often = opens(&[&["thuc", "hien"]])
            && c.len() > 2
            && c[2..].iter().filter(|x| x.is_wordlike()).all(|x| {
                [
                    "thuong", "xuyen", "dinh", "ky", "hang", "thang", "quy", "nam", "tuan", "ngay",
                ]
                .iter()
                .any(|w| x.is(w))
            });
        opens(&[&["cua"]])
            || stamp
            || closing
            || how_often
            || (whole && (opens(&[&["den"], &["toi"]]) || opens(CIRCUMSTANCES)))
            || (whole && opens(&[&["de"]]) && c[0].accented)
            || who_chaired
    }

    /// The end of a leader or an office named at `i` by title or capitals ("Giám đốc Sở",
    /// "lãnh đạo Sở", "Ban Giám đốc", "Sở"), at most five words; `i` when none is.
    fn leader_at(&self, i: usize, end: usize) -> usize {
        let t = self.t;
        let mut p = i;
        while p < end && p - i < 5 {
            if let Some(n) = seq_at(t, p, TITLES).or_else(|| seq_at(t, p, &[&["lanh", "dao"]])) {
                p += n;
            } else if t[p].kind == Kind::Word && t[p].capital && !self.is_action(p) {
                p += 1;
            } else {
                break;
            }
        }
        p.min(end)
    }

    /// The one unit the meeting was held with, named before token `before`: the unit that
    /// reported to it ("lãnh đạo phòng X đã báo cáo …") or that the chair worked with ("làm
    /// việc với X"). A task that names no unit is that unit's. None when several did.
    fn host(&self, before: usize) -> Option<UnitRef> {
        let t = self.t;
        let mut found: Vec<UnitRef> = Vec::new();
        for p in 0..before {
            let Some(m) = self.mention(p, before) else {
                continue;
            };
            let reported =
                find_seq(t, m.end..(m.end + 4).min(before), &[&["bao", "cao"]]).is_some();
            let worked_with = p >= 3 && seq_is(t, p - 3, &["lam", "viec", "voi"]);
            if (reported || worked_with) && !found.contains(&m.unit) {
                found.push(m.unit);
            }
        }
        (found.len() == 1).then(|| found.remove(0))
    }

    /// Whether the words of `range` end with a verb that asks or concludes ("… đề nghị",
    /// "… yêu cầu", "… kết luận").
    /// Whether a leader named by their post asks for a task in tokens `range`: "Phó Chủ tịch
    /// UBND tỉnh Tôn Thị Ngọc Hạnh đề nghị tăng cường …", "Giám đốc Sở yêu cầu rà soát …"; a
    /// verb that asks after the post, then a task's verb (a unit between them or none); not
    /// what was asked before ("đã chỉ đạo").
    fn leader_asks(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let posts: &[&[&str]] = &[&["chu", "tich"], &["giam", "doc"], &["bi", "thu"]];
        let Some(post) = range
            .clone()
            .find(|&p| posts.iter().any(|s| seq_is(t, p, s)))
        else {
            return false;
        };
        (post + 2..range.end).take(12).any(|p| {
            let Some(n) = assigns_at(t, p) else {
                return false;
            };
            let past = p >= 1 && (t[p - 1].is("da") || t[p - 1].is("tung"));
            let after = self
                .mention(p + n, range.end)
                .map_or(p + n, |m| self.units_from(m.end, range.end).1);
            !past && self.is_action(after)
        })
    }

    fn asks_at_end(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let words: Vec<usize> = range.filter(|&p| t[p].is_wordlike()).collect();
        ASSIGNS.iter().chain(CONCLUDES).any(|seq| {
            words.len() >= seq.len()
                && words[words.len() - seq.len()..]
                    .iter()
                    .zip(seq.iter())
                    .all(|(&p, w)| t[p].is(w))
        })
    }

    /// The first unit named in tokens `range`.
    fn first_unit(&self, range: Range<usize>) -> Option<UnitRef> {
        range
            .clone()
            .find_map(|p| self.mention(p, range.end))
            .map(|m| m.unit)
    }

    /// Whether a clause is the closing formula "… để các đơn vị biết, thực hiện".
    fn closes(&self, range: Range<usize>) -> bool {
        let t = self.t;
        // "để … biết, thực hiện", not "đặc biệt tăng cường thực hiện …".
        range.clone().any(|p| {
            t[p].is(CLOSING)
                && find_seq(t, p + 1..(p + 4).min(range.end), CLOSING_ACTIONS).is_some()
                && (p.saturating_sub(8).max(range.start)..p).any(|q| t[q].is("de"))
        })
    }

    /// A deadline said after a list for all of it: "Các nhiệm vụ trên hoàn thành trước …".
    fn deadline_for_those_above(&self, range: Range<usize>) -> Option<NaiveDate> {
        let t = self.t;
        let head = range.start..(range.start + 5).min(range.end);
        let above = t
            .get(range.start)
            .is_some_and(|x| x.is("cac") || x.is("nhung"))
            && head.clone().any(|p| t[p].is("tren"));
        above
            .then(|| deadline::find(&t[range], self.anchor))
            .flatten()
    }

    /// A deadline said for a whole list: only with an unmistakable deadline word.
    fn strong_deadline(&self, t: &[Token]) -> Option<NaiveDate> {
        let strong = ["truoc", "han", "nhat", "thanh", "xong"];
        let cued = t.iter().any(|x| strong.iter().any(|w| x.is(w)));
        cued.then(|| deadline::find(t, self.anchor)).flatten()
    }

    /// The original words of tokens `range`, trimmed.
    fn text_of(&self, range: Range<usize>) -> std::borrow::Cow<'_, str> {
        let t = &self.t[range];
        let first = t.iter().position(Token::is_wordlike).unwrap_or(0);
        let last = t
            .iter()
            .rposition(|x| x.is_wordlike() || x.is_punct(')') || x.is_punct('"'));
        match last {
            Some(last) => unwrapped(&self.text[t[first].start..t[last].end]),
            None => "".into(),
        }
    }

    /// The original words of tokens `range`, trimmed, first letter capitalised.
    fn quote(&self, range: Range<usize>) -> String {
        let words = self.text_of(range);
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    fn mention(&self, i: usize, end: usize) -> Option<directory::Mention> {
        if i >= end {
            return None;
        }
        self.mentions[i].clone().filter(|m| m.end <= end)
    }

    /// A unit named at `i`, after words such as "tập thể lãnh đạo".
    fn addressee(&self, i: usize, end: usize) -> Option<directory::Mention> {
        let t = self.t;
        let mut i = skip_punct(t, i, end);
        loop {
            if let Some(n) = seq_at(t, i, CONNECTORS) {
                i = skip_punct(t, i + n, end);
                continue;
            }
            // "…, nhất là 6 tháng cuối năm, ngành …": a time stressed before the unit.
            let time = seq_at(t, i, STRESSES).map_or(i, |n| i + n);
            let comma = (time..(time + 8).min(end)).find(|&p| t[p].is_punct(','));
            match comma {
                Some(comma) if time > i && self.time_lead_in(time) => {
                    i = skip_punct(t, comma, end);
                }
                _ => break,
            }
        }
        // "… nhấn mạnh trong 6 tháng cuối năm 2014 Mặt trận và các đoàn thể cần …": a time
        // said before the unit, without a comma.
        let time = i + usize::from(t.get(i).is_some_and(|x| x.is("trong")));
        if let Some(p) = (time + 1..(time + 8).min(end)).find(|&p| self.mention(p, end).is_some())
            && self.only_a_period(time..p)
        {
            i = p;
        }
        let after_holder = seq_at(self.t, i, HOLDERS).map_or(i, |n| i + n);
        self.mention(after_holder, end)
            .or_else(|| self.mention(i, end))
    }

    /// A person a task is given to, by title: "Phó Giám đốc Nguyễn Văn A", "đồng chí Phó
    /// Chủ tịch UBND huyện"; the tokens of the title and name, when a task verb follows.
    fn person_addressed(&self, i: usize, end: usize) -> Option<Range<usize>> {
        let t = self.t;
        let from = skip_punct(t, i, end);
        let mut p = from;
        let mut titled = false;
        while let Some(n) = seq_at(t, p, TITLES) {
            titled = true;
            p += n;
        }
        if !titled {
            return None;
        }
        if let Some(name) = self.name_at(p) {
            p = name.end;
        } else if let Some(m) = self.mention(p, end) {
            p = m.end;
        } else if let Some(called) = self.called_by_name(p, end) {
            p = called;
        } else {
            return None;
        }
        let next = skip_punct(t, p, end);
        // "… Nguyễn Thị Hoa chỉ đạo công tác …": a verb that gives work is theirs to do.
        let acts = self.is_action(next)
            || seq_at(t, next, LEADS).is_some()
            || assigns_at(t, next).is_some();
        (p <= end && acts).then_some(from..p)
    }

    /// The end of a person's given name after their title ("đồng chí Hùng", "đồng chí Tiến
    /// PCT"): one or two capitalised words, then a post in capitals if one is written.
    fn called_by_name(&self, i: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let named = |x: &Token| x.kind == Kind::Word && x.capital && !x.acronym;
        let mut p = i;
        while p < end && p - i < 2 && named(&t[p]) {
            p += 1;
        }
        if p == i {
            return None;
        }
        if t.get(p).is_some_and(|x| x.acronym) && p < end {
            p += 1;
        }
        Some(p)
    }

    /// Who a task is given to when the directory does not name it: the words between the
    /// verb and the task ("yêu cầu Thường trực và các Ban tập trung …", "yêu cầu các đồng chí
    /// trong thường trực và các Ban HĐND huyện …"), up to ten words that start with a capital
    /// or "các" (not "các nhiệm vụ …", things).
    fn written_addressee(&self, i: usize, end: usize) -> Option<Range<usize>> {
        let t = self.t;
        let from = skip_punct(t, i, end);
        let first = t.get(from).filter(|_| from < end)?;
        // "các phòng …", "ngành Công Thương", or capitals.
        let opens = first.capital || first.is("cac") || first.is("nganh");
        if !(first.kind == Kind::Word && opens && !first.acronym) {
            return None;
        }
        // "lưu ý các nhiệm vụ còn tồn đọng …": things to see to, not whom.
        if first.is("cac") && seq_at(t, from + 1, THINGS).is_some() {
            return None;
        }
        let mut p = from;
        let mut words = 0;
        while p < end && !self.is_action(p) {
            let x = &t[p];
            // "các đ/c cấp ủy các chi bộ": "đ/c" is "đồng chí".
            let joins = matches!(x.kind, Kind::Punct(',' | '&' | '-' | '–' | '/'));
            if !(x.kind == Kind::Word || joins) || self.is_reported(x) || words > 10 {
                return None;
            }
            words += usize::from(x.kind == Kind::Word);
            p += 1;
        }
        (p < end && words >= 2).then_some(from..p)
    }

    fn is_action(&self, i: usize) -> bool {
        action_at(self.t, i)
    }

    /// Whether `tok` says what was done or is under way ("đã", "đang", "vừa"); in a text
    /// written with diacritics only with their tone, so "Đảng" (the Party) is not "đang".
    fn is_reported(&self, tok: &Token) -> bool {
        self.says(tok, REPORTED)
    }

    /// Whether `tok` is one of `words` (written with their diacritics, lower case): in a text
    /// written without diacritics, any word that folds alike.
    fn says(&self, tok: &Token, words: &[&str]) -> bool {
        if tok.accented || self.accented {
            let word = self.text[tok.start..tok.end].to_lowercase();
            words.contains(&word.as_str())
        } else {
            words.iter().any(|w| tok.is(&crate::text::fold(w)))
        }
    }

    /// Whether `range` tells a result in the passive after its subject, a verb after "được"
    /// further on than its first verb ("Công tác quản lý … được triển khai nghiêm túc", "…
    /// được tổ chức chu đáo, kịp thời"), with no word that asks for it ("cần", "phải", "sẽ",
    /// "để", "nhằm": "Các dự án … cần được đẩy nhanh").
    fn passive_result(&self, range: Range<usize>, verb: Option<usize>) -> bool {
        let t = self.t;
        let subject_first = verb.is_some_and(|v| v > range.start) || verb.is_none();
        let asks = range.clone().any(|k| self.says(&t[k], ASKING));
        subject_first
            && !asks
            && (range.start + 1..range.end.saturating_sub(1))
                .any(|k| self.says(&t[k], &["được"]) && self.is_action(k + 1))
    }

    /// The first time said in `words` that is not a month just past read a year on
    /// ([`Doc::not_a_year_on`]): "… biểu dương kết quả đạt được trong tháng 8 và yêu cầu trong
    /// tháng 9, …" said on 8/9 is September's.
    fn time_said(&self, words: &[Token]) -> Option<NaiveDate> {
        let mut from = 0;
        while from < words.len() {
            let f = deadline::found(&words[from..], self.anchor)?;
            let span = &words[from + f.start..from + f.end];
            if self.not_a_year_on(f.date, span) {
                return Some(f.date);
            }
            from += f.end.max(1);
        }
        None
    }

    /// Whether `day`, read from `words`, is not a time named without its year and read a year
    /// on (more than 300 days after the meeting): one said in the past, as a day read so is.
    fn not_a_year_on(&self, day: NaiveDate, words: &[Token]) -> bool {
        (day - self.anchor.day).num_days() <= 300
            || words.iter().any(|x| x.number().is_some_and(|n| n >= 1900))
    }

    /// The words of a sentence before the verb that gives its tasks, else its first verb:
    /// where the time that frames it is said ("Triển khai nhiệm vụ 3 tháng cuối năm, UBND
    /// huyện chỉ đạo …", "Tháng 6-2020, UBND huyện tập trung …").
    /// A sentence of no verb known is framed up to its first comma ("Quý II năm 2026, hoạt
    /// động của ngành có nhiều chuyển biến").
    fn before_verb(&self, c: &Clause) -> Option<&[Token]> {
        let t = self.t;
        c.range
            .clone()
            .find(|&p| assigns_at(t, p).is_some())
            .or_else(|| self.first_action(c.range.clone()))
            .or_else(|| c.range.clone().find(|&p| t[p].is_punct(',')))
            .map(|v| &t[skip_mark(t, c.range.start, v).0..v])
    }

    /// In a text that does not say where its conclusions start, the sentence that turns
    /// from an account of one period to the tasks of the next: framed by a later period
    /// than a sentence before it that told what was done ("Kết quả nổi bật trong tháng 10
    /// … đã …. … Về nhiệm vụ tháng 11 năm 2020, hoàn chỉnh …").
    fn next_period(&self, clauses: &[Clause]) -> Option<usize> {
        let mut told: Option<NaiveDate> = None;
        clauses.iter().enumerate().find_map(|(i, c)| {
            if !c.sentence {
                return None;
            }
            let framed = self
                .before_verb(c)
                .and_then(|b| deadline::period(b, self.anchor));
            let reported = || self.read(c).reported;
            match (framed, told) {
                (Some(d), Some(before)) if d > before && !reported() => Some(i),
                (Some(d), None) if reported() => {
                    told = Some(d);
                    None
                }
                _ => None,
            }
        })
    }

    /// Whether the words at `first` open an account of what happened with its day: a time of
    /// day and a day ("Chiều 26/7, UBND tỉnh tổ chức phiên họp …"), or a day alone on or
    /// before the meeting ("Ngày 22-5, UBND huyện tổ chức cuộc họp …"; "Ngày 10/6 hoàn chỉnh
    /// báo cáo …" said on 4/6 is a task to come; a day read a year on was said in the past).
    fn dated_account(&self, first: usize) -> bool {
        let t = self.t;
        let timed = t
            .get(first)
            .is_some_and(|x| x.capital && ["sang", "chieu", "trua", "toi"].iter().any(|w| x.is(w)))
            && t.get(first + 1)
                .is_some_and(|x| x.kind == Kind::Number || x.is("ngay"));
        let day_past = || {
            deadline::day_at(t, first + 1, self.anchor.day).is_some_and(|(d, _)| {
                let ahead = (d - self.anchor.day).num_days();
                ahead <= 0 || ahead > 300
            })
        };
        timed
            || (t.get(first).is_some_and(|x| x.capital && x.is("ngay"))
                && t.get(first + 1).is_some_and(|x| x.kind == Kind::Number)
                && day_past())
    }

    /// Where a news item's headline ends, when the text opens with one: a first line of
    /// words (lines of none before it, "[...]", are skipped) with no mark before it, and
    /// either none at its end and a blank line after it ("UBND huyện Thuận Nam: Triển khai
    /// nhiệm vụ trọng tâm 3 tháng cuối năm 2020"), or a dated account of the meeting on the
    /// next line ("Giao ban triển khai nhiệm vụ quý II năm 2010" over "Sáng ngày 30 tháng 3
    /// năm 2010, Sở … đã tổ chức …"); more text below; else 0.
    fn headline(&self) -> usize {
        let t = self.t;
        let line_end = |from: usize| {
            t[from..]
                .iter()
                .position(|x| x.kind == Kind::Break)
                .map(|e| from + e)
        };
        let mut from = 0;
        let end = loop {
            let Some(end) = line_end(from) else {
                return 0;
            };
            if t[from..end].iter().any(Token::is_wordlike) {
                break end;
            }
            from = end + 1;
        };
        let blank_after = t.get(end + 1).is_some_and(|x| x.kind == Kind::Break);
        let more = t[end..].iter().any(Token::is_wordlike);
        let words = t[from..end].iter().filter(|x| x.kind == Kind::Word).count();
        let open = !matches!(
            t[end - 1].kind,
            Kind::Punct('.' | ';' | ':' | ',' | '!' | '?' | '…')
        );
        let next = (end..t.len()).find(|&k| t[k].kind != Kind::Break);
        let dateline = next.is_some_and(|n| self.dated_account(skip_mark(t, n, t.len()).0));
        let unmarked = !skip_mark(t, from, end).1;
        if more && unmarked && (3..=30).contains(&words) && ((blank_after && open) || dateline) {
            end
        } else {
            0
        }
    }

    /// Whether `range` says what falls short ("Chất lượng quy hoạch … chưa cao", "… còn hạn
    /// chế", "Các công việc … chưa hiệu quả, chưa đáp ứng …"): a shortcoming, not a task.
    fn falls_short(&self, range: Range<usize>) -> bool {
        let t = self.t;
        // Not in the reason a task is given for ("…, vì tỷ lệ giải ngân vẫn còn thấp").
        let because = range
            .clone()
            .find(|&p| t[p].is("vi") && t[p].accented)
            .unwrap_or(range.end);
        let range = range.start..because;
        range.clone().any(|p| {
            let near = |words: &[&str]| {
                (p + 1..(p + 3).min(range.end)).any(|k| words.iter().any(|w| t[k].is(w)))
            };
            (t[p].is("chua") && t[p].accented && near(FALLS_SHORT))
                || (t[p].is("con") && t[p].accented && near(&["han", "cham", "thap", "yeu"]))
        })
    }

    /// Whether `range` states a result reached ("… ước đạt 13.500 tỷ đồng, đạt 298,6%",
    /// "giải quyết việc làm cho 1.858 lao động, đạt 116% kế hoạch"), not a target
    /// ("phấn đấu … đạt 100% kế hoạch").
    fn states_result(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let percent = |p: usize| {
            t[p].is("dat")
                && t.get(p + 1).is_some_and(|x| x.kind == Kind::Number)
                && t[p + 1..range.end.min(p + 5)]
                    .iter()
                    .any(|x| x.is_punct('%'))
        };
        // "… đạt được 540 đơn vị máu": a figure reached.
        let reached = |p: usize| {
            seq_is(t, p, &["dat", "duoc"]) && t.get(p + 2).is_some_and(|x| x.kind == Kind::Number)
        };
        // "… toàn huyện là 2.880 thanh niên", "Điểm chốt 2 … gồm 12 người", "… được 1.518
        // thanh niên": a count stated (a number then what is counted; not a day, "là 30/6"),
        // of what a clause opening with no verb of a task is ("Thành lập 2 chốt … gồm 40
        // người" says what to make).
        let opening = skip_mark(t, range.start, range.end).0;
        let opens_task = self.is_action(opening) || assigns_at(t, opening).is_some();
        let counted = |p: usize| {
            if opens_task || !(t[p].is("la") || t[p].is("gom") || t[p].is("duoc")) {
                return false;
            }
            // (The number as written, "2.880", "1,5".)
            let mut j = p + 1;
            while t.get(j).is_some_and(|x| x.kind == Kind::Number)
                || (t.get(j).is_some_and(|x| x.is_punct('.') || x.is_punct(','))
                    && j > p + 1
                    && t.get(j + 1).is_some_and(|x| x.kind == Kind::Number))
            {
                j += 1;
            }
            j > p + 1 && t.get(j).is_some_and(|x| x.kind == Kind::Word)
        };
        let result = find_seq(t, range.clone(), RESULTS).is_some()
            || range
                .clone()
                .any(|p| percent(p) || reached(p) || counted(p));
        result && find_seq(t, range, TARGETS).is_none()
    }

    /// The first action verb in `range` outside unit names.
    fn first_action(&self, range: Range<usize>) -> Option<usize> {
        let mut i = range.start;
        while i < range.end {
            if let Some(m) = self.mention(i, range.end) {
                i = m.end;
            } else if self.is_action(i) {
                return Some(i);
            } else {
                i += 1;
            }
        }
        None
    }

    fn read(&self, c: &Clause) -> Reading {
        let t = self.t;
        let end = c.range.end;
        let (mut i, marked) = skip_mark(t, c.range.start, end);
        // A quote opening the clause ("nhấn mạnh: “Thủ trưởng các đơn vị phải …").
        while i < end && matches!(t[i].kind, Kind::Punct('“' | '"' | '\'')) {
            i += 1;
        }
        i = self.after_connectors(i, end);
        // "Để hoàn thành mục tiêu …, các ngành cần …", "Trong quá trình thanh tra, các tổ
        // chức … có trách nhiệm …": the task's subject follows its purpose or circumstance.
        // That may hold commas of its own ("Để hoàn thành mục tiêu, nhiệm vụ năm 2014, các
        // ngành …"): the subject is the unit named right after one of them. A clause that
        // hands the task to someone names its addressee after its verb.
        let mut after_lead_in = false;
        if self.lead_in_at(i)
            && !(i..end).any(|p| assigns_at(t, p).is_some())
            && let Some(subject) = (i..end)
                .filter(|&p| t[p].is_punct(','))
                .map(|p| skip_punct(t, p, end))
                .find(|&p| self.mention(p, end).is_some_and(|m| m.start == p))
        {
            i = subject;
            after_lead_in = true;
        }
        let concludes = concluding(t, i..end);
        let mut start = i;
        let mut lead = None;
        let mut assigned = false;
        let mut co_addressed = Vec::new();
        for p in i..end {
            let Some(n) = assigns_at(t, p) else {
                continue;
            };
            // "Sở Y tế đã chỉ đạo Trung tâm …": what a unit did, not a task given.
            let done = p >= 1
                && self.is_reported(&t[p - 1])
                && self.mention(i, end).is_some_and(|m| m.end <= p);
            if done {
                continue;
            }
            // "đề nghị trên cơ sở kế hoạch, nhiệm vụ giao, các thành viên …", "yêu cầu trong
            // tháng 9/2019, các phòng …": a ground or a time said before the addressee.
            // "yêu cầu, năm 2020, ngành Công Thương …" too.
            // "lưu ý trong thời gian tới, nhất là 6 tháng cuối năm, ngành …": one after another.
            let mut to = skip_punct(t, p + n, end);
            loop {
                let said_first = seq_at(t, to, CIRCUMSTANCES).is_some()
                    || seq_at(t, to, STRESSES).is_some()
                    || t.get(to).is_some_and(|x| x.is("trong"))
                    || self.time_lead_in(to);
                match (to..(to + 12).min(end)).find(|&k| t[k].is_punct(',')) {
                    Some(k) if said_first => to = skip_punct(t, k, end),
                    _ => break,
                }
            }
            if let Some(m) = self.addressee(to, end) {
                if self.is_speaker(i..p) {
                    start = m.start;
                }
                co_addressed = self.listed_after(m.end, end);
                lead = Some(m.unit);
                assigned = true;
                break;
            }
            if let Some(who) = self
                .person_addressed(to, end)
                .or_else(|| self.written_addressee(to, end))
            {
                if self.is_speaker(i..p) {
                    start = who.start;
                }
                lead = Some(UnitRef {
                    name: self.text_of(who.clone()).to_string(),
                    id: None,
                });
                assigned = true;
                break;
            }
            let after = skip_punct(t, p + n, end);
            // "… chỉ đạo khẩn trương hoàn thành …": the task right after the chair's verb.
            // "…; đề nghị rút kinh nghiệm, …": so is a part that opens with the verb.
            let opens = p == i && !c.sentence;
            let direct = self.is_action(after) && (p > i || opens) && self.is_speaker(i..p);
            if (direct || concludes.is_some_and(|k| k < p)) && after < end {
                start = after;
                assigned = true;
                break;
            }
        }
        if lead.is_none() {
            lead = self.subject(start, end);
            // "Phòng A, Phòng B và Trung tâm C rà soát …": the unit named first leads, the
            // units listed with it coordinate.
            let opening = self
                .mention(start, end)
                .filter(|m| m.start == start && Some(&m.unit) == lead.as_ref());
            if let Some(m) = opening {
                co_addressed.extend(self.listed_after(m.end, end));
                let listed_to = self.units_from(m.end, end).1;
                if let Some((units, _)) = self.joined_to_subject(listed_to, end) {
                    co_addressed.extend(units);
                }
            }
        }
        // "- Thanh tra Sở tổng kết công tác …", "2. PKHTC giao dự toán …": a unit that opens a
        // line or a sentence is its subject, whatever verb follows (not the unit of the item
        // before).
        if lead.is_none() && (c.line || c.sentence || after_lead_in) {
            lead = self
                .mention(start, end)
                .filter(|m| m.start == start && t.get(m.end).is_some_and(|x| x.kind == Kind::Word))
                .map(|m| m.unit);
        }
        let mut coordinating = co_addressed;
        // "Văn phòng Sở phối hợp với Trung tâm CNTT&TT (chủ trì) xây dựng …": the unit marked
        // "(chủ trì)" leads; the one named first coordinates.
        let marked_lead = (start..end).find_map(|p| {
            let m = self.mention(p, end).filter(|m| m.start == p)?;
            let marked = t.get(m.end).is_some_and(|x| x.is_punct('('))
                && seq_at(t, m.end + 1, LEADS).is_some();
            marked.then_some(m.unit)
        });
        if let Some(marked) = marked_lead
            && let Some(first) = lead.replace(marked.clone())
            && first != marked
        {
            coordinating.push(first);
        }
        for u in self.coordinating(start, end) {
            if !coordinating.contains(&u) {
                coordinating.push(u);
            }
        }
        let start = self.task_start(start, end, lead.as_ref());
        let verb = self.first_action(start..end);
        let before_verb = start..verb.unwrap_or(end);
        let first = skip_mark(t, c.range.start, end).0;
        let dated = self.dated_account(first);
        // "Theo báo cáo, …", "Qua báo cáo …", "Theo đánh giá của …": what a report said;
        // "Dự kiến …": what is planned to happen.
        let opens_report = seq_at(t, first, REPORT_OPENERS).is_some();
        // "Các hoạt động … được tổ chức hiệu quả", "Công tác QP-AN được đảm bảo": a result
        // told in the passive after its subject, its first verb right after "được" (not "…
        // cần được …", "Đảm bảo hồ sơ được …", "… sẽ được …").
        let passive = verb.is_some_and(|v| {
            v >= start + 2
                && t[v - 1].is("duoc")
                && t[v - 1].accented
                && !(start..v).any(|k| t[k].is("se") && t[k].accented)
        }) || self.passive_result(start..end, verb);
        let narrated = dated
            || opens_report
            || passive
            || self.states_result(c.range.clone())
            || (c.sentence && event::schedules(&t[c.range.clone()]))
            || before_verb.clone().any(|p| self.name_at(p).is_some())
            // (A speaker, "Đồng chí X nêu …"; not those addressed, "Các đồng chí công chức
            // về tại thôn …", a group given the task.)
            || before_verb
                .clone()
                .any(|p| seq_is(t, p, &["dong", "chi"]) && !(p == start + 1 && t[start].is("cac")));
        // A line in capitals ("ĐÁNH GIÁ SÁT, ĐÚNG TỒN TẠI, HẠN CHẾ"): a news item's
        // subheading.
        let words: Vec<&Token> = t[c.range.clone()]
            .iter()
            .filter(|x| x.kind == Kind::Word)
            .collect();
        let shouted = c.line
            && t.get(end).is_none_or(|x| x.kind == Kind::Break)
            && words.len() >= 4
            && words
                .iter()
                .all(|x| x.acronym || (x.capital && x.fold.chars().count() == 1));
        Reading {
            header: (concludes.is_some() && !assigned) || shouted,
            reported: !assigned
                && (narrated || t[before_verb.clone()].iter().any(|x| self.is_reported(x))),
            // "Hội nghị đánh giá cao …": the verb itself may open the assessment.
            assessed: !assigned
                && (find_seq(t, before_verb.start..verb.map_or(end, |v| v + 1), ASSESSES)
                    .is_some()
                    || (verb != Some(skip_mark(t, start, end).0) && self.falls_short(start..end))),
            acts: verb.is_some(),
            content: start..end,
            lead,
            coordinating,
            assigned,
            marked,
        }
    }

    /// Past the words at `i` that open a clause without belonging to the task ("Đồng thời,
    /// …", and "Cũng" before a circumstance: "Cũng trong tháng 11 này, UBND thị xã …").
    fn after_connectors(&self, mut i: usize, end: usize) -> usize {
        let t = self.t;
        loop {
            if let Some(n) = seq_at(t, i, CONNECTORS) {
                i = skip_punct(t, i + n, end);
            } else if i + 1 < end
                && self.text[t[i].start..t[i].end].to_lowercase() == "cũng"
                && self.lead_in_at(i + 1)
            {
                i += 1;
            } else {
                return i;
            }
        }
    }

    /// Whether the word at `i` opens a purpose ("Để …", not "để" of a name) or a circumstance
    /// ("Trong quá trình …", not "trong đó") said before the subject.
    fn lead_in_at(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|x| {
            let word = self.text[x.start..x.end].to_lowercase();
            (x.is("de") && word == "để")
                || (x.is("trong") && !self.t.get(i + 1).is_some_and(|n| n.is("do")))
        }) || self.time_lead_in(i)
            || self.tasks_lead_in(i)
            || self.deadline_said_first(i).is_some()
    }

    /// The deadline that opens the clause at `i` up to a comma, said by a word that makes it
    /// one ("Trước ngày 20/6, Phòng X …", "Chậm nhất 30/6, …", "Đến hết tháng 7, …", "Ngày
    /// mai, Trung tâm Y tế …", "Thứ Sáu tuần này, …", "Trong ngày, …"); none for a day alone
    /// ("Ngày 24/6, UBND huyện tổ chức …" tells when something happens).
    fn deadline_said_first(&self, i: usize) -> Option<NaiveDate> {
        let t = self.t;
        let word = |k: usize, w: &str| t.get(k).is_some_and(|x| x.is(w));
        let says_due = ["truoc", "cham", "han", "den", "thoi"]
            .iter()
            .any(|w| word(i, w))
            || (word(i, "ngay") && (word(i + 1, "mai") || word(i + 1, "kia")))
            || word(i, "thu")
            || (word(i, "chu") && word(i + 1, "nhat"));
        let comma = (i + 1..(i + 10).min(t.len())).find(|&p| t[p].is_punct(','))?;
        // "Trong ngày, Phòng X gửi báo cáo": by the meeting's day's end (a unit named after it:
        // see `read`).
        if comma == i + 2 && word(i, "trong") && word(i + 1, "ngay") {
            return Some(self.anchor.day);
        }
        if !says_due {
            return None;
        }
        match deadline::parse(&self.text[t[i].start..t[comma - 1].end], self.anchor) {
            Some(deadline::Deadline::On(day)) => Some(day),
            _ => None,
        }
    }

    /// Whether the tasks of a period open the clause up to a comma: "Nhiệm vụ thời gian tới,
    /// các Ban HĐND chủ động …", "Nhiệm vụ trọng tâm tháng 11, …".
    fn tasks_lead_in(&self, i: usize) -> bool {
        let t = self.t;
        let Some(n) = seq_at(t, i, TASK_NOUNS) else {
            return false;
        };
        let Some(comma) = (i + n..(i + n + 8).min(t.len())).find(|&p| t[p].is_punct(',')) else {
            return false;
        };
        const PERIOD: [&str; 13] = [
            "trong", "tam", "thoi", "gian", "toi", "thang", "quy", "nam", "cuoi", "dau", "nay",
            "sau", "ky",
        ];
        comma > i + n
            && t[i + n..comma].iter().all(|x| {
                x.kind == Kind::Number
                    || matches!(x.kind, Kind::Punct('/' | '-'))
                    || PERIOD.iter().any(|w| x.is(w))
            })
    }

    /// Whether a period to come opens the clause up to a comma: "Tháng 6-2020, UBND huyện
    /// tập trung …", "6 tháng cuối năm, cần nỗ lực …".
    fn time_lead_in(&self, i: usize) -> bool {
        let t = self.t;
        let comma = (i..(i + 8).min(t.len())).find(|&p| t[p].is_punct(','));
        // Only the time up to the comma ("tháng 12/2018 thường trực HĐND, …" is not one).
        comma.is_some_and(|k| self.only_a_period(i..k))
    }

    /// Whether the tokens `range` say a period and nothing else: "6 tháng cuối năm 2014",
    /// "tháng 11", "quý IV".
    fn only_a_period(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let opens = t
            .get(range.start)
            .is_some_and(|x| x.is("thang") || x.is("quy") || x.is("nam") || x.kind == Kind::Number);
        let only_time = t[range.clone()].iter().all(|x| {
            x.kind != Kind::Word
                || [
                    "thang", "nam", "quy", "cuoi", "dau", "nay", "toi", "sau", "i", "ii", "iii",
                    "iv",
                ]
                .iter()
                .any(|w| x.is(w))
        });
        opens && only_time && deadline::period(&t[range], self.anchor).is_some()
    }

    /// Whether the words before "đề nghị" are the speaker's ("đồng chí …, Giám đốc Sở"),
    /// not the task's topic ("Đối với dự án …").
    fn is_speaker(&self, range: Range<usize>) -> bool {
        let t = self.t;
        let words = t[range.clone()].iter().filter(|x| x.is_wordlike()).count();
        words <= 3
            || concluding(t, range.clone()).is_some()
            || find_seq(
                t,
                range.clone(),
                &[&["dong", "chi"], &["giam", "doc"], &["chu", "tich"]],
            )
            .is_some()
            || range.clone().any(|p| self.name_at(p).is_some())
    }

    /// The subject unit: named first ("Phòng X tăng cường…", "Văn phòng Sở: …", "Đối với …,
    /// Phòng X …") or named in charge ("Phòng X chủ trì").
    fn subject(&self, start: usize, end: usize) -> Option<UnitRef> {
        let t = self.t;
        // "Về công tác cải cách hành chính: Văn phòng Sở tiếp tục …" too.
        let about = seq_is(t, start, &["ve"]);
        let topic = seq_is(t, start, &["doi", "voi"]) || seq_is(t, start, &["rieng"]) || about;
        let mut places = vec![start];
        // "Đối với X tập trung …" (no comma): X right after the topic words.
        let after_topic = start + if t[start].is("rieng") || about { 1 } else { 2 };
        if topic {
            places.push(after_topic);
            places.extend(
                (start..end)
                    .filter(|&p| t[p].is_punct(',') || t[p].is_punct(':'))
                    .map(|p| p + 1),
            );
        }
        for p in places {
            if let Some(m) = self.addressee(p, end) {
                let next = skip_punct(t, self.units_from(m.end, end).1, end);
                let colon = t.get(m.end).is_some_and(|x| x.is_punct(':'));
                // "Ngành y tế ngoài công tác … cần xây dựng …", "Các phòng theo chức năng
                // nhiệm vụ, rà soát …": a unit that opens the clause is its subject.
                let opens = (p == start || (topic && p == after_topic))
                    && self
                        .first_action(next..(next + SUBJECT_REACH).min(end))
                        .is_some();
                // "Đối với X …": the topic words name the one the task is for.
                if colon
                    || (topic && p == after_topic)
                    || next == end
                    || self.is_action(next)
                    || seq_at(t, next, LEADS).is_some()
                    || opens
                {
                    return Some(m.unit);
                }
            }
        }
        (start..end).find_map(|p| {
            let m = self.mention(p, end)?;
            seq_at(t, skip_punct(t, m.end, end), LEADS).map(|_| m.unit)
        })
    }

    /// The units listed from `p` on ("…, Y và Z"), with where the list ends.
    fn units_from(&self, mut p: usize, end: usize) -> (Vec<UnitRef>, usize) {
        let t = self.t;
        let mut out: Vec<UnitRef> = Vec::new();
        loop {
            let mut q = p;
            while q < end && (t[q].is_punct(',') || t[q].is("va") || t[q].is_punct('&')) {
                q += 1;
            }
            match self.mention(q, end) {
                Some(m) => {
                    if !out.contains(&m.unit) {
                        out.push(m.unit);
                    }
                    p = m.end;
                }
                // "A, B,...", "A, B, …": a list left open ends after its dots.
                None => {
                    let dots = (q..end).take_while(|&k| t[k].is_punct('.')).count();
                    let open = q > p
                        && t[q - 1].is_punct(',')
                        && (t.get(q).is_some_and(|x| x.is_punct('…')) || dots >= 3);
                    return match open {
                        true if dots >= 3 => (out, q + dots),
                        true => (out, q + 1),
                        false => (out, p),
                    };
                }
            }
        }
    }

    /// Units joined to the subject by "cùng" or "với" before the task's verb ("Phòng Nội vụ
    /// cùng Văn phòng Sở rà soát …", "Phòng A với Phòng B kiểm tra …"): they coordinate; also
    /// where the verb is.
    fn joined_to_subject(&self, p: usize, end: usize) -> Option<(Vec<UnitRef>, usize)> {
        let n = seq_at(self.t, p, &[&["cung"], &["voi"]])?;
        let (units, after) = self.units_from(p + n, end);
        let after = skip_punct(self.t, after, end);
        (!units.is_empty() && self.is_action(after)).then_some((units, after))
    }

    /// Units listed right after the addressee ("đề nghị X, Y hỗ trợ …", "Giao X và Y: rà
    /// soát …"): they coordinate.
    fn listed_after(&self, p: usize, end: usize) -> Vec<UnitRef> {
        let (units, mut after) = self.units_from(p, end);
        // ("Giao Văn phòng Sở, Thanh tra Sở (trong quý III):": a note in brackets after them.)
        if self.t.get(after).is_some_and(|x| x.is_punct('('))
            && let Some(close) = (after..end).find(|&k| self.t[k].is_punct(')'))
        {
            after = close + 1;
        }
        let after = after + usize::from(self.t.get(after).is_some_and(|x| x.is_punct(':')));
        // (Or the head of a list they are given: "Giao Văn phòng Sở, Thanh tra Sở:".)
        if self.is_action(after) || after >= end {
            units
        } else {
            Vec::new()
        }
    }

    /// The units named after "phối hợp (với)".
    fn coordinating(&self, start: usize, end: usize) -> Vec<UnitRef> {
        let t = self.t;
        let mut out: Vec<UnitRef> = Vec::new();
        // "X chủ trì, Y và Z phối hợp …": the units between.
        if let Some((units, _)) = self.coordinators_before(start, end) {
            out.extend(units);
        }
        let mut p = start;
        while let Some(at) = find_seq(t, p..end, COORDINATES) {
            let (units, after) = self.units_from(at + seq_at(t, at, COORDINATES).unwrap_or(1), end);
            out.extend(
                units
                    .into_iter()
                    .filter(|u| !out.contains(u))
                    .collect::<Vec<_>>(),
            );
            p = after.max(at + 1);
        }
        out
    }

    /// "X chủ trì, Y và Z phối hợp rà soát …": the units named between "chủ trì" and "phối
    /// hợp", and where the task's words start.
    fn coordinators_before(&self, start: usize, end: usize) -> Option<(Vec<UnitRef>, usize)> {
        let t = self.t;
        let lead_at = find_seq(t, start..end, LEADS)?;
        let from = skip_punct(t, lead_at + seq_at(t, lead_at, LEADS)?, end);
        let (units, after) = self.units_from(from, end);
        let n = seq_at(t, after, COORDINATES)?;
        (!units.is_empty()).then(|| (units, skip_punct(t, after + n, end)))
    }

    /// Where the task's own words start: after "X chủ trì, phối hợp với Y" when a verb follows.
    fn task_start(&self, start: usize, end: usize, lead: Option<&UnitRef>) -> usize {
        let t = self.t;
        let mut p = start;
        if let Some(m) = self.addressee(p, end).filter(|m| Some(&m.unit) == lead) {
            p = skip_punct(t, self.units_from(m.end, end).1, end);
        } else {
            return start;
        }
        if let Some((_, after)) = self.coordinators_before(p, end) {
            return if self.is_action(after) { after } else { start };
        }
        if let Some((_, after)) = self.joined_to_subject(p, end) {
            return after;
        }
        if let Some(n) = seq_at(t, p, LEADS) {
            p = skip_punct(t, p + n, end);
        }
        if let Some(n) = seq_at(t, p, COORDINATES) {
            let (units, after) = self.units_from(p + n, end);
            if !units.is_empty() {
                p = skip_punct(t, after, end);
            }
        }
        if self.is_action(p) { p } else { start }
    }

    /// A person's name at `i`: a family name and one to three more capitalised words.
    fn name_at(&self, i: usize) -> Option<Range<usize>> {
        let t = self.t;
        let first = t.get(i)?;
        let family = first.kind == Kind::Word
            && first.capital
            && !first.acronym
            && SURNAMES.contains(&first.fold.as_str());
        if !family {
            return None;
        }
        let mut end = i + 1;
        while end < t.len()
            && end - i < 4
            && t[end].kind == Kind::Word
            && t[end].capital
            && !t[end].acronym
        {
            end += 1;
        }
        // Two words after the kind of a body name a place: "chính quyền Quân Hà", "xã Quân
        // Hà", "thôn Lê Xá" (a person's full name after one has three: "Chủ tịch UBND tỉnh
        // Nguyễn Duy Hưng").
        let place = i >= 1 && PLACE_KINDS.iter().any(|w| t[i - 1].is(w)) && end - i == 2;
        (end - i >= 2 && !place).then_some(i..end)
    }

    /// The chair: a name in a sentence about concluding or chairing, else the first person
    /// addressed as "đồng chí".
    fn chair(&self, clauses: &[Clause]) -> Option<String> {
        let t = self.t;
        let addressed = |p: usize| p >= 1 && ADDRESSES.iter().any(|w| t[p - 1].is(w));
        let mut best: Option<(u8, Range<usize>)> = None;
        for c in clauses {
            let chairs = find_seq(t, c.range.clone(), CHAIRS).is_some();
            for p in c.range.clone() {
                let Some(name) = self.name_at(p) else {
                    continue;
                };
                // Not one a task is given to ("Giao đồng chí Phó Giám đốc Nguyễn Thị Hoa …").
                let given_to = (p.saturating_sub(6).max(c.range.start)..p).any(|q| {
                    assigns_at(t, q).is_some_and(|n| {
                        self.person_addressed(q + n, c.range.end)
                            .is_some_and(|who| who.contains(&p))
                    })
                });
                if given_to {
                    continue;
                }
                let rank = 2 * u8::from(chairs) + u8::from(addressed(p));
                if rank > 0 && best.as_ref().is_none_or(|(r, _)| rank > *r) {
                    best = Some((rank, name));
                }
            }
        }
        let (_, name) = best?;
        let words: Vec<&str> = t[name].iter().map(|x| &self.text[x.start..x.end]).collect();
        Some(words.join(" "))
    }

    /// The date the text gives the meeting: "Sáng ngày 29/5/2020, …" or a date in a sentence
    /// about the meeting ("… họp ngày 12 tháng 7 năm 2026").
    fn meeting_day(&self, clauses: &[Clause]) -> Option<NaiveDate> {
        let t = self.t;
        let about = [&["hoi", "nghi"][..], &["lam", "viec"], &["giao", "ban"]];
        // "họp", not the "hợp" of "phối hợp", "tổng hợp", "hợp tác", "hợp đồng"…
        let is_meeting = |p: usize| {
            t[p].is("hop")
                && !(p >= 1
                    && ["phoi", "tong", "thich", "phu", "to", "ket"]
                        .iter()
                        .any(|w| t[p - 1].is(w)))
                && !t.get(p + 1).is_some_and(|n| {
                    ["tac", "dong", "le", "nhat", "ly", "phap"]
                        .iter()
                        .any(|w| n.is(w))
                })
        };
        clauses.iter().find_map(|c| {
            // "Thời gian: 08 giờ 00, thứ Hai, ngày 03 tháng 11 năm 2025": a minutes' header.
            let first = skip_mark(t, c.range.start, c.range.end).0;
            let header = c.line
                && starts_with(t, first, &["thoi", "gian"])
                && t.get(first + 2).is_some_and(|x| x.is_punct(':'));
            let meeting = header
                || find_seq(t, c.range.clone(), &about).is_some()
                || c.range.clone().any(is_meeting);
            c.range.clone().find_map(|p| {
                let timed = p >= 1 && TIMES_OF_DAY.iter().any(|w| t[p - 1].is(w));
                let day = if t[p].is("ngay") { p + 1 } else { p };
                // "trước ngày 15/10", "đến ngày …", "hạn ngày …" are deadlines.
                let due = p >= 1 && ["truoc", "den", "han"].iter().any(|w| t[p - 1].is(w));
                let dated = !due
                    && ((t[p].is("ngay") && (timed || meeting))
                        || (timed && t[p].kind == Kind::Number));
                dated
                    .then(|| deadline::stated_date(&t[..c.range.end], day))
                    .flatten()
            })
        })
    }
}

#[cfg(test)]
mod tests;
