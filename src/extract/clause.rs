//! Cutting a meeting text into clauses: at sentence ends, `;`, line breaks and colons that
//! open a list, and inside a sentence where a new task starts (", đồng thời …", ", trong
//! đó …", ", yêu cầu Phòng X …", "… và rà soát …" or ", đẩy nhanh …" after a long first task).

use std::ops::Range;

use super::directory::Mention;
use super::lexicon::{
    ASSIGNS, CIRCUMSTANCES, CONCLUDES, COORDINATES, DISCUSSES, HOLDERS, INTRODUCES, LEADS, MANNER,
    OPENS_A_TASK, TASK_NOUNS, WHEREIN, action_at,
};
use crate::token::{Kind, Token, starts_with};

/// Tokens `range` of the text, and where they sit.
#[derive(Debug, Clone)]
pub(super) struct Clause {
    pub range: Range<usize>,
    /// Starts a sentence (not after `;`).
    pub sentence: bool,
    /// Starts a line.
    pub line: bool,
    /// Ends with a colon that opens a list ("cụ thể:"), or before ", trong đó" that opens
    /// the particular tasks of a general one.
    pub intro: bool,
}

/// How a clause ends and the next one starts.
struct Cut {
    next_sentence: bool,
    next_line: bool,
    intro: bool,
    /// The cut token belongs to the next clause (a word, not a mark).
    keep: bool,
}

const fn cut(next_sentence: bool, next_line: bool, intro: bool) -> Option<Cut> {
    Some(Cut {
        next_sentence,
        next_line,
        intro,
        keep: false,
    })
}

/// Cuts the text into clauses; `mentions` are the units named at each token.
pub(super) fn segment(text: &str, t: &[Token], mentions: &[Option<Mention>]) -> Vec<Clause> {
    let mut out = Vec::new();
    let (mut start, mut sentence, mut line) = (0, true, true);
    // Words before each token, so that a task's length is counted in one step.
    let mut words = Vec::with_capacity(t.len() + 1);
    words.push(0);
    for x in t {
        words.push(words.last().copied().unwrap_or(0) + usize::from(x.is_wordlike()));
    }
    // The current clause's first task verb, found once however many commas it holds.
    let mut first = FirstVerb::new(0);
    // The end of the unit name the current token is part of.
    let mut in_name_until = 0;
    // Before the current token, as the text is read (each "và" looks back in one step, not
    // over its clause: a run of thousands of "và" stays linear): the last task verb, the
    // last "về việc" and the last "để".
    let mut last = Behind::default();
    for i in 0..t.len() {
        if i >= 1 {
            last.saw(text, t, i - 1);
        }
        if let Some(m) = &mentions[i] {
            in_name_until = in_name_until.max(m.end);
        }
        let in_name = i < in_name_until && mentions[i].is_none();
        let found = match t[i].kind {
            Kind::Break => cut(true, true, false),
            Kind::Punct(';') => cut(false, false, false),
            Kind::Punct('.' | '!' | '?' | '…') if ends_sentence(t, i) => cut(true, false, false),
            Kind::Punct(':') if opens_list(t, start, i) => cut(true, false, true),
            Kind::Punct(',') if starts_with_any(t, i + 1, WHEREIN) => cut(false, false, true),
            // Not after a condition said first: "Sau khi có kết quả …, yêu cầu X …".
            Kind::Punct(',')
                if new_task_after_comma(t, mentions, i + 1)
                    && !starts_with_any(t, skip_mark(t, start, i).0, CIRCUMSTANCES) =>
            {
                cut(false, false, false)
            }
            Kind::Punct(',')
                if !in_name && task_after_comma(t, mentions, &words, &mut first, i) =>
            {
                cut(false, false, false)
            }
            // "…”, tại cuộc họp …": a quoted conclusion ends, the report goes on (not a
            // quoted term: "thực hiện “mục tiêu kép”, vừa …").
            // "… các ấp rà soát lại các trường hợp …, Công an, Quân sự và Tư pháp cần phối
            // hợp …, Đài Truyền thanh xã tăng cường …": after a task said with its verb,
            // units named as the subject of a verb of their own start a task of theirs.
            Kind::Punct(',')
                if !in_name && units_act_after_comma(t, mentions, &words, &mut first, i) =>
            {
                cut(false, false, false)
            }
            Kind::Punct(',') if i >= 1 && t[i - 1].is_punct('”') && quoted_words(t, i - 1) >= 6 => {
                cut(true, false, false)
            }
            // "… trọng điểm... đẩy mạnh …": an ellipsis before a task's verb ends a task;
            // not one that closes a list ("Văn phòng, Thanh tra,... tăng cường …": and so on).
            Kind::Punct('.' | '…')
                if ellipsis(t, i) && !closes_a_list(t, i) && action_at(t, i + 1) =>
            {
                cut(false, false, false)
            }
            Kind::Word
                if t[i].is("va")
                    && !in_name
                    && ((second_task(t, &words, &last, start, i)
                        && !in_purpose(&words, &last, start, i))
                        || given_to_a_unit(t, mentions, i + 1)) =>
            {
                Some(Cut {
                    next_sentence: false,
                    next_line: false,
                    intro: false,
                    keep: true,
                })
            }
            _ => None,
        };
        let Some(c) = found else {
            continue;
        };
        if t[start..i].iter().any(Token::is_wordlike) {
            out.push(Clause {
                range: start..i,
                sentence,
                line,
                intro: c.intro,
            });
            (sentence, line) = (c.next_sentence, c.next_line);
        } else {
            (sentence, line) = (sentence || c.next_sentence, line || c.next_line);
        }
        start = if c.keep { i } else { i + 1 };
        first = FirstVerb::new(start);
    }
    if t[start..].iter().any(Token::is_wordlike) {
        out.push(Clause {
            range: start..t.len(),
            sentence,
            line,
            intro: false,
        });
    }
    out
}

fn starts_with_any(t: &[Token], i: usize, lists: &[&[&str]]) -> bool {
    lists.iter().any(|s| starts_with(t, i, s))
}

/// A task verb that hands a task to someone: not "giao ban" (the briefing itself), not the
/// "đề nghị" of a document ("tờ trình đề nghị UBND huyện phê duyệt"). Its length.
pub(super) fn assigns_at(t: &[Token], i: usize) -> Option<usize> {
    let n = ASSIGNS
        .iter()
        .filter(|s| starts_with(t, i, s))
        .map(|s| s.len())
        .max()?;
    // "Phan Công", "Đề Nghị" inside a name: a capital after the first word.
    let named = t[i + 1..i + n].iter().any(|x| x.capital);
    // "giao ban", also in a heading's capitals ("CUỘC HỌP GIAO BAN THÁNG 4").
    let briefing = t[i].is("giao")
        && t.get(i + 1)
            .is_some_and(|x| x.is("ban") && (!x.capital || t[i].acronym));
    // "đã có những chỉ đạo", "sự chỉ đạo", "ghi nhận ý kiến chỉ đạo đồng chí X": the noun,
    // not the verb.
    // ("Trưởng Ban chỉ đạo chủ trì", "công tác chỉ đạo tổ chức đại hội": a body's name and
    // the work of directing, nouns too; not what a delegation asks, "Trưởng đoàn công tác
    // chỉ đạo …".)
    let noun = i >= 1 && ["nhung", "cac", "su", "ban"].iter().any(|w| t[i - 1].is(w))
        || (i >= 2 && t[i - 2].is("y") && t[i - 1].is("kien"))
        || (i >= 2
            && t[i].is("chi")
            && t[i - 2].is("cong")
            && t[i - 1].is("tac")
            && !(i >= 3 && t[i - 3].is("doan")));
    let requested =
        t[i].is("de") && i >= 1 && super::lexicon::DOCUMENTS.iter().any(|w| t[i - 1].is(w));
    // "… các lĩnh vực được giao, …", "nhiệm vụ đã giao.": what was given, said of a noun
    // before it, not a task handed out here.
    let given_before = i >= 1
        && (t[i - 1].is("duoc") || t[i - 1].is("da"))
        && t.get(i + n).is_none_or(|x| !x.is_wordlike());
    (!named && !noun && !briefing && !requested && !given_before).then_some(n)
}

/// ", đồng thời …", ", cùng với đó …" or ", yêu cầu Phòng X …": a new task inside the
/// sentence.
fn new_task_after_comma(t: &[Token], mentions: &[Option<Mention>], i: usize) -> bool {
    if starts_with(t, i, &["dong", "thoi"]) || starts_with(t, i, &["cung", "voi", "do"]) {
        return true;
    }
    given_to_a_unit(t, mentions, i)
}

/// "yêu cầu Phòng X …", "chỉ đạo các ngành …" at `i`: a task handed to a unit named next.
fn given_to_a_unit(t: &[Token], mentions: &[Option<Mention>], i: usize) -> bool {
    let Some(n) = assigns_at(t, i) else {
        return false;
    };
    let mut j = i + n;
    if let Some(h) = HOLDERS.iter().find(|h| starts_with(t, j, h)) {
        j += h.len();
    }
    mentions.get(j).is_some_and(Option::is_some)
}

/// "… thực hiện các công việc của tuần này và rà soát lại …": `và` before an action verb,
/// after a first task of several words, starts a second task. The first task is counted from
/// its last verb before `và`, not "chủ trì, phối hợp". Not inside "về việc …": "lấy ý kiến về
/// việc quy hoạch và xây dựng cơ sở giết mổ" names two things, not two tasks.
fn second_task(t: &[Token], words: &[usize], last: &Behind, start: usize, i: usize) -> bool {
    let verb = last.verb.filter(|&v| v >= start);
    verb.is_some_and(|v| last.about.is_none_or(|a| a < v) && next_task(t, words, v, i, 7, 5))
}

/// What the words read so far held last, each at its token.
#[derive(Default)]
struct Behind {
    /// A task verb.
    verb: Option<usize>,
    /// The "việc" of "về việc".
    about: Option<usize>,
    /// "để".
    purpose: Option<usize>,
}

impl Behind {
    /// Takes token `p` into account.
    fn saw(&mut self, text: &str, t: &[Token], p: usize) {
        if action_at(t, p) {
            self.verb = Some(p);
        }
        if p >= 1 && t[p - 1].is("ve") && t[p].is("viec") {
            self.about = Some(p);
        }
        if t[p].is("de") && text.get(t[p].start..t[p].end) == Some("để") {
            self.purpose = Some(p);
        }
    }
}

/// Whether `và` at `i` joins the verbs of a purpose said just before it ("… đôn đốc để
/// người dân nắm được và thực hiện các biện pháp …"): what follows "để" is what the task is
/// for, one task. A purpose of more words may end before `và` ("… hoàn thiện để Thường trực
/// ban hành thông báo về các nội dung … và thực hiện tốt …": a second task).
fn in_purpose(words: &[usize], last: &Behind, start: usize, i: usize) -> bool {
    last.purpose
        .is_some_and(|p| p >= start && words[i] - words[p] <= 6)
}

/// The first task verb of a clause, searched once from its start as the clause is read: not a
/// word of a unit's name ("Trung tâm Giám sát, điều hành …"), nor "chủ trì, phối hợp với"
/// after a unit, that hand it out; after the verb that gives the task when there is one
/// ("Triển khai nhiệm vụ …, UBND huyện chỉ đạo tập trung củng cố, kiện toàn …").
struct FirstVerb {
    /// Where the clause starts.
    start: usize,
    from: usize,
    scanned: usize,
    named_until: usize,
    given: bool,
    verb: Option<usize>,
}

impl FirstVerb {
    fn new(start: usize) -> Self {
        FirstVerb {
            start,
            from: start,
            scanned: start,
            named_until: 0,
            given: false,
            verb: None,
        }
    }

    /// The verb among the tokens before `i`.
    fn before(&mut self, t: &[Token], mentions: &[Option<Mention>], i: usize) -> Option<usize> {
        while self.scanned < i {
            let p = self.scanned;
            self.scanned += 1;
            if !self.given && assigns_at(t, p).is_some() {
                (self.given, self.from, self.named_until, self.verb) = (true, p + 1, 0, None);
                continue;
            }
            if self.verb.is_some() || p < self.from {
                continue;
            }
            if let Some(m) = &mentions[p] {
                self.named_until = self.named_until.max(m.end);
            }
            let hands_out = self.named_until > 0
                && (starts_with_any(t, p, LEADS) || starts_with_any(t, p, COORDINATES));
            if p >= self.named_until && action_at(t, p) && !hands_out {
                self.verb = Some(p);
            }
        }
        self.verb
    }

    /// Where the task a verb gives begins when no task verb says it ("… chỉ đạo nhân dân chăm
    /// sóc lúa …": the words after that verb and the units it names); call after
    /// [`FirstVerb::before`].
    fn given_from(&self) -> Option<usize> {
        self.given.then_some(self.from.max(self.named_until))
    }
}

/// "…, đẩy nhanh tiến độ …": a comma before an action verb starts a second task only after a
/// long first one, counted from its first verb (a comma also lists the verbs and objects of
/// one task: "rà soát, hoàn thành", "tiếp tục triển khai …, kiểm tra …"), and not before
/// "trình" or "báo cáo", nor before how it is to be done ("bảo đảm chất lượng").
fn task_after_comma(
    t: &[Token],
    mentions: &[Option<Mention>],
    words: &[usize],
    first: &mut FirstVerb,
    i: usize,
) -> bool {
    // "…, trình lãnh đạo Sở xem xét", "…, báo cáo UBND tỉnh": handing in its result is part of
    // the task.
    if starts_with_any(t, i + 1, &[&["trinh"], &["bao", "cao"]]) {
        return false;
    }
    // "…, bảo đảm chất lượng và đúng tiến độ": how the task is to be done.
    let ensure = starts_with_any(t, i + 1, &[&["bao", "dam"], &["dam", "bao"]]);
    if ensure && starts_with_any(t, i + 3, MANNER) {
        return false;
    }
    // A verb that opens a task of its own ("…, đẩy mạnh kêu gọi …", "…, tăng cường …")
    // starts one after a shorter first task.
    // It may be short ("…, đẩy mạnh kêu gọi, thu hút …"), unless its first words name
    // whom it serves ("…, tham mưu với Thị ủy, …").
    let opens = OPENS_A_TASK.iter().find(|v| starts_with(t, i + 1, v));
    let (before, after) = match opens {
        Some(v) if starts_with_any(t, i + 1 + v.len(), &[&["cho"], &["voi"]]) => (8, 6),
        Some(_) => (8, 4),
        None => (16, 6),
    };
    // (A verb of its own, "…, chủ động phòng trừ sâu bệnh", also after what a verb that gives
    // the task asks without a task verb: "chỉ đạo nhân dân chăm sóc lúa …".)
    first
        .before(t, mentions, i)
        .or_else(|| opens.and(first.given_from()))
        .is_some_and(|v| next_task(t, words, v, i, before, after))
}

/// ", Công an, Quân sự và Tư pháp cần phối hợp …": after the comma at `i`, units (those
/// who hold them first: "lãnh đạo …"), then what they must do ("cần", "phải") and a verb of
/// their own, after a task of at least four words from its verb: a task of those units.
fn units_act_after_comma(
    t: &[Token],
    mentions: &[Option<Mention>],
    words: &[usize],
    first: &mut FirstVerb,
    i: usize,
) -> bool {
    let mut j = i + 1;
    if let Some(h) = HOLDERS.iter().find(|h| starts_with(t, j, h)) {
        j += h.len();
    }
    let Some(mut j) = units_named_from(t, mentions, j) else {
        return false;
    };
    if let Some(m) = [&["can"][..], &["phai"], &["co", "trach", "nhiem"]]
        .iter()
        .find(|m| starts_with(t, j, m))
    {
        j += m.len();
    }
    if !action_at(t, j) {
        return false;
    }
    // (The task before is one: its verb opens the clause, follows its units, or follows the
    // verb that hands it out; not a verb inside what frames a sentence, "Chiều 26/7, dưới sự
    // chủ trì của …, UBND tỉnh tổ chức …", "Đối với dự án phát triển …, Phòng X …".)
    let Some(v) = first.before(t, mentions, i) else {
        return false;
    };
    let opening = skip_mark(t, first.start, i).0;
    let subject_end = units_named_from(t, mentions, opening).unwrap_or(opening);
    (first.given || v == opening || v == subject_end) && words[i] - words[v] >= 4
}

/// The end of the units named from `j` on, one after another ("Công an, Quân sự và Tư
/// pháp"); none when no unit is named there.
fn units_named_from(t: &[Token], mentions: &[Option<Mention>], mut j: usize) -> Option<usize> {
    let mut named = false;
    while let Some(Some(m)) = mentions.get(j) {
        named = true;
        j = m.end;
        let joined = t.get(j).is_some_and(|x| x.is_punct(',') || x.is("va"));
        if joined && mentions.get(j + 1).is_some_and(Option::is_some) {
            j += 1;
        }
    }
    named.then_some(j)
}

/// An action verb after the joint at `i`, with at least `before` words from the first task's
/// `verb` to the joint and `after` words from the joint to the next mark.
fn next_task(
    t: &[Token],
    words: &[usize],
    verb: usize,
    i: usize,
    before: usize,
    after: usize,
) -> bool {
    if !action_at(t, i + 1) {
        return false;
    }
    let words_before = words[i] - words[verb];
    // Counted only as far as needed: a run of "và" with no mark must not be read to its end
    // at each one.
    let words_after = t[i + 1..]
        .iter()
        .take_while(|x| !matches!(x.kind, Kind::Break | Kind::Punct(';' | '.' | ',')))
        .filter(|x| x.is_wordlike())
        .take(after)
        .count();
    words_before >= before && words_after >= after
}

/// The words between the closing quote at `close` and its opening `“`.
fn quoted_words(t: &[Token], close: usize) -> usize {
    t[..close]
        .iter()
        .rev()
        .take_while(|x| !x.is_punct('“'))
        .filter(|x| x.is_wordlike())
        .count()
}

/// Whether the ellipsis ending at `i` follows a comma: the end of a list ("A, B,...").
fn closes_a_list(t: &[Token], i: usize) -> bool {
    let start = if t[i].is_punct('…') { i } else { i - 2 };
    start >= 1 && t[start - 1].is_punct(',')
}

/// An ellipsis ends at `i`: `…`, or the third of three dots.
fn ellipsis(t: &[Token], i: usize) -> bool {
    t[i].is_punct('…')
        || (i >= 2 && t[i].is_punct('.') && t[i - 1].is_punct('.') && t[i - 2].is_punct('.'))
}

/// Abbreviations written with a period before a name: place kinds (thành phố, thị xã) and
/// titles (tiến sĩ, thạc sĩ, phó giáo sư, giáo sư, bác sĩ).
const ABBREVIATIONS: &[&str] = &["tp", "tx", "ts", "ths", "pgs", "gs", "bs"];

/// Words that open a sentence of the conclusions, not a place's or a person's name.
const OPENERS: &[&str] = &[
    "giao", "de", "yeu", "chu", "giam", "dong", "cac", "trong", "ve", "theo", "tai", "ngay", "sau",
    "thanh", "thu", "truong", "chanh", "pho", "tham", "tiep", "tap", "tang", "thuc", "trien",
];

fn ends_sentence(t: &[Token], i: usize) -> bool {
    let Some(next) = t.get(i + 1) else {
        return true;
    };
    // "1. Đối với …", "II. Nhiệm vụ …": the period of a list mark that opens a line.
    let line_start = i == 1 || (i >= 2 && t[i - 2].kind == Kind::Break);
    if line_start && skip_mark(t, i - 1, t.len()).0 == i + 1 {
        return false;
    }
    let spaced = next.start > t[i].end;
    // "TP. Vũng Tàu", "TS. Nguyễn Đức …": the period of an abbreviated place kind or title
    // before the name it goes with (two capitalised words: "… UBND TP. Trong tháng …" is
    // a sentence's end).
    let abbreviated = i >= 1
        && t[i].is_punct('.')
        && t[i - 1].capital
        && t[i - 1].end == t[i].start
        && ABBREVIATIONS.iter().any(|w| t[i - 1].is(w));
    // Not when the next sentence opens with a unit ("… UBND TP. Sở Y tế chủ trì …", "TX. Phòng
    // Y tế …") or with the words that open a task or an account ("TP. Giao …").
    // (Looked at only after an abbreviation: this runs at every mark of the text.)
    let opens_sentence = || {
        starts_with_any(t, i + 1, super::lexicon::KINDS)
            || next.acronym
            || OPENERS.iter().any(|w| next.is(w))
    };
    if abbreviated
        && next.capital
        && t.get(i + 2)
            .is_some_and(|n| n.capital && n.kind == Kind::Word)
        && !opens_sentence()
    {
        return false;
    }
    let glued_number = next.kind == Kind::Number
        && i >= 1
        && t[i - 1].kind == Kind::Word
        && t.get(i + 2)
            .is_some_and(|n| n.is_punct('.') || n.is_punct(')'));
    if glued_number {
        return true;
    }
    match next.kind {
        Kind::Break | Kind::Punct('/') => true,
        Kind::Punct('.') => false,
        Kind::Punct('-' | '+' | '•' | '*') => spaced,
        // "…thư viện…Yêu cầu": an ellipsis glued to the next sentence.
        Kind::Word if t[i].is_punct('…') => next.capital && !next.acronym,
        Kind::Word | Kind::Number => spaced && (next.capital || next.kind == Kind::Number),
        _ => t[i].is_punct('.') && spaced,
    }
}

/// A colon opens a list at a line's end, after "cụ thể", "như sau"… or a verb that asks
/// ("… đề nghị:", "… kết luận:"), before a numbered item ("…: (1) Tăng cường …"), after a
/// head of tasks ("các nhiệm vụ trong tháng 9:"), of what was discussed ("thảo luận, cho
/// ý kiến vào các nội dung:"), or of points whose first is a task ("quán triệt các nội dung:
/// nghiêm túc thực hiện …; kích hoạt …").
fn opens_list(t: &[Token], start: usize, colon: usize) -> bool {
    let at_line_end = t.get(colon + 1).is_none_or(|n| n.kind == Kind::Break);
    let numbered = skip_mark(t, colon + 1, t.len()).1;
    let points = || {
        (start..colon).any(|p| starts_with(t, p, &["noi", "dung"]))
            && (colon + 1..(colon + 3).min(t.len())).any(|p| action_at(t, p))
    };
    let tasks = (start..colon)
        .any(|p| starts_with_any(t, p, TASK_NOUNS) || starts_with_any(t, p, DISCUSSES))
        || points();
    at_line_end
        || numbered
        || tasks
        || INTRODUCES
            .iter()
            .chain(ASSIGNS)
            .chain(CONCLUDES)
            .any(|s| colon >= start + s.len() && starts_with(t, colon - s.len(), s))
}

/// Skips a list mark at the start of a clause: `1.`, `2)`, `(3)`, `a)`, `-`, `+`, `•`, `II.`.
pub(super) fn skip_mark(t: &[Token], i: usize, end: usize) -> (usize, bool) {
    let Some(first) = t.get(i).filter(|_| i < end) else {
        return (i, false);
    };
    if matches!(first.kind, Kind::Punct('-' | '+' | '•' | '*' | '–' | '—')) {
        return (i + 1, true);
    }
    let is_number = |x: &Token| {
        x.kind == Kind::Number
            || (x.kind == Kind::Word
                && (x.fold.len() == 1 || x.fold.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))))
    };
    if first.is_punct('(')
        && t.get(i + 1).is_some_and(|x| x.kind == Kind::Number)
        && t.get(i + 2).is_some_and(|x| x.is_punct(')'))
        && i + 3 < end
    {
        return (i + 3, true);
    }
    let closed = t
        .get(i + 1)
        .is_some_and(|n| n.is_punct('.') || n.is_punct(')'));
    if is_number(first) && closed && i + 2 < end {
        (i + 2, true)
    } else {
        (i, false)
    }
}

/// Whether the clause starts with a mark written in parentheses, `(2)`: items run
/// together in one paragraph, each one task however many `;` it holds.
pub(super) fn paren_mark(t: &[Token], i: usize) -> bool {
    t.get(i).is_some_and(|x| x.is_punct('('))
        && t.get(i + 1).is_some_and(|x| x.kind == Kind::Number)
        && t.get(i + 2).is_some_and(|x| x.is_punct(')'))
}
