//! Dated events a text names, and tasks due by them: "Dự kiến, Đại hội diễn ra trong các
//! ngày 23, 24 và 25/9" makes "… trước khi diễn ra Đại hội" due on 23/9; "Nghị quyết có
//! hiệu lực thi hành từ ngày 1-10-2022" makes "… ngay khi Nghị quyết 569 … có hiệu lực" due
//! on 1/10/2022. The date of a task tied to an event is the event's, as "trước ngày X" is X.

use chrono::{Datelike, NaiveDate};

use crate::deadline;
use crate::token::{Kind, Token, starts_with};

/// The words that name an event or a text that takes effect.
const HEADS: &[&[&str]] = &[
    &["dai", "hoi"],
    &["hoi", "nghi"],
    &["ky", "hop"],
    &["nghi", "quyet"],
    &["nghi", "dinh"],
    &["thong", "tu"],
    &["quyet", "dinh"],
    &["luat"],
    &["hoi", "thi"],
    &["hoi", "cho"],
    &["bau", "cu"],
    &["le", "hoi"],
    &["tuan", "le"],
];

/// The words that say when an event happens or a text takes effect ("dự kiến" alone: "Kỳ
/// họp thứ 8 dự kiến trong 01 ngày, ngày 19/6").
const HAPPENS: &[&[&str]] = &[
    &["dien", "ra"],
    &["khai", "mac"],
    &["to", "chuc"],
    &["co", "hieu", "luc"],
    &["bat", "dau"],
    &["du", "kien"],
];

/// Words between those and the date that add nothing ("có hiệu lực thi hành từ ngày …",
/// "diễn ra trong các ngày …", "tổ chức vào ngày …", "dự kiến sẽ diễn ra trong khoảng từ
/// ngày …").
const BEFORE_DATE: &[&str] = &[
    "thi", "hanh", "tu", "vao", "ngay", "trong", "cac", "chinh", "thuc", "ke", "se", "khoang",
];

/// How far after the event's name the words of its date may start, in tokens.
const REACH: usize = 25;

/// An event as a text names it: its head ("kỳ họp") and its ordinal, if said ("thứ 8").
type Name = (&'static [&'static str], Option<String>);

/// The events a text dates, each once: an event dated twice otherwise is left out.
pub(super) struct Events(Vec<(Name, NaiveDate)>);

impl Events {
    /// The events `t` dates, days without a year read from the meeting's.
    pub fn of(t: &[Token], meeting: NaiveDate) -> Events {
        let mut found: Vec<(Name, Option<NaiveDate>)> = Vec::new();
        for i in 0..t.len() {
            let Some((name, end)) = name_at(t, i) else {
                continue;
            };
            let Some(date) = dated_after(t, end, meeting) else {
                continue;
            };
            match found.iter_mut().find(|(n, _)| *n == name) {
                Some((_, seen)) if *seen != Some(date) => *seen = None,
                Some(_) => {}
                None => found.push((name, Some(date))),
            }
        }
        Events(
            found
                .into_iter()
                .filter_map(|(n, d)| Some((n, d?)))
                .collect(),
        )
    }

    /// The date of the event a task is due by: "trước khi [diễn ra] Đại hội", "trước kỳ
    /// họp [thứ 8]", "trước khi trình Kỳ họp", "trình kỳ họp", "ngay khi Nghị quyết … có
    /// hiệu lực". An event named without its ordinal is the one of its kind the text dates.
    pub fn due_in(&self, t: &[Token]) -> Option<NaiveDate> {
        if self.0.is_empty() {
            return None;
        }
        (0..t.len()).find_map(|i| {
            let after =
                if starts_with(t, i, &["truoc", "khi"]) || starts_with(t, i, &["ngay", "khi"]) {
                    i + 2
                } else if t[i].is("truoc") || t[i].is("trinh") {
                    i + 1
                } else {
                    return None;
                };
            let mut k = after;
            loop {
                if let Some(n) = HAPPENS.iter().find(|w| starts_with(t, k, w)) {
                    k += n.len();
                } else if t
                    .get(k)
                    .is_some_and(|x| x.is("cuoc") || x.is("trinh") || x.is("tai"))
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let ((head, ordinal), _) = name_at(t, k)?;
            let mut dates = self
                .0
                .iter()
                .filter(|((h, o), _)| *h == head && (ordinal.is_none() || *o == ordinal))
                .map(|(_, d)| *d);
            let first = dates.next()?;
            dates.all(|d| d == first).then_some(first)
        })
    }
}

/// Whether the clause `t` opens by naming an event and says when it is planned to be held
/// ("Kỳ họp thứ nhất … dự kiến tổ chức 01 ngày …", "Lễ giao nhận quân dự kiến sẽ được tổ
/// chức …"): a schedule told, no task.
pub(super) fn schedules(t: &[Token]) -> bool {
    let Some(first) = t.iter().position(Token::is_wordlike) else {
        return false;
    };
    let named = name_at(t, first).is_some() || (t[first].capital && t[first].is("le"));
    named
        && (first..t.len()).any(|k| {
            starts_with(t, k, &["du", "kien"])
                || (t[k].is("se")
                    && (starts_with(t, k + 1, &["duoc"])
                        || starts_with(t, k + 1, &["dien", "ra"])
                        || starts_with(t, k + 1, &["khai", "mac"])))
        })
}

/// The event named at `i` ("Kỳ họp thứ 8", "Đại hội") and where its name ends.
fn name_at(t: &[Token], i: usize) -> Option<(Name, usize)> {
    let head = HEADS.iter().copied().find(|h| starts_with(t, i, h))?;
    let end = i + head.len();
    match (t.get(end), t.get(end + 1)) {
        (Some(th), Some(n)) if th.is("thu") && matches!(n.kind, Kind::Word | Kind::Number) => {
            Some(((head, Some(n.fold.clone())), end + 2))
        }
        _ => Some(((head, None), end)),
    }
}

/// Whether tokens from `k` say how long, not when: "01 ngày", "02 ngày" before the days.
fn duration_at(t: &[Token], k: usize) -> bool {
    t.get(k).and_then(Token::number).is_some()
        && t.get(k + 1).is_some_and(|x| x.is("ngay"))
        && t.get(k + 2)
            .is_some_and(|x| x.is_punct(',') || x.number().is_some() || x.is("ngay"))
}

/// Where the sentence from `from` ends; a sentence with no subject of its own that only says
/// when ("Kỳ họp thứ 8, HĐND huyện khóa XIX. Dự kiến sẽ diễn ra …") goes on the one before.
fn sentence_end(t: &[Token], from: usize) -> usize {
    let limit = t.len().min(from + REACH);
    let end = (from..limit)
        .find(|&k| matches!(t[k].kind, Kind::Punct('.' | ';' | '!' | '?') | Kind::Break))
        .unwrap_or(limit);
    if end < limit && t[end].is_punct('.') && HAPPENS.iter().any(|w| starts_with(t, end + 1, w)) {
        sentence_end(t, end + 1).max(end)
    } else {
        end
    }
}

/// The date said for the event named before `from`: a word of [`HAPPENS`] within
/// [`REACH`] tokens of its sentence, then the date ("23/9", "1-10-2022", "các ngày 23, 24
/// và 25/9": the first of them).
fn dated_after(t: &[Token], from: usize, meeting: NaiveDate) -> Option<NaiveDate> {
    let end = sentence_end(t, from);
    (from..end).find_map(|at| {
        let n = HAPPENS.iter().find(|w| starts_with(t, at, w))?.len();
        date_from(t, at + n, meeting)
    })
}

/// The date at `k`, past the words that add nothing before it.
fn date_from(t: &[Token], mut k: usize, meeting: NaiveDate) -> Option<NaiveDate> {
    loop {
        if let Some(n) = HAPPENS.iter().find(|w| starts_with(t, k, w)) {
            k += n.len();
        } else if duration_at(t, k) {
            k += 2;
        } else if t
            .get(k)
            .is_some_and(|x| BEFORE_DATE.iter().any(|w| x.is(w)) || x.is_punct(','))
        {
            k += 1;
        } else {
            break;
        }
    }
    let first = t.get(k)?.number().filter(|d| (1..=31).contains(d))?;
    // "23, 24 và 25/9": the month and year are said once, after the last day.
    let mut last = k;
    while t
        .get(last + 1)
        .is_some_and(|x| x.is_punct(',') || x.is("va"))
        && t.get(last + 2).is_some_and(|x| x.number().is_some())
    {
        last += 2;
    }
    let said = deadline::day_at(t, last, meeting)?.0;
    NaiveDate::from_ymd_opt(said.year(), said.month(), first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn due(text: &str, task: &str, meeting: NaiveDate) -> Option<NaiveDate> {
        Events::of(&tokenize(text), meeting).due_in(&tokenize(task))
    }

    #[test]
    fn a_task_before_a_dated_event_is_due_on_its_day() {
        let m = d(2020, 9, 8);
        let text = "Dự kiến, Đại hội diễn ra trong các ngày 23, 24 và 25/9, tại Trung tâm.";
        assert_eq!(
            due(text, "chuẩn bị vật tư trước khi diễn ra Đại hội", m),
            Some(d(2020, 9, 23))
        );
        assert_eq!(due(text, "chuẩn bị trước Đại hội", m), Some(d(2020, 9, 23)));
        // Serving the event is not being due by it.
        assert_eq!(due(text, "chuẩn bị phục vụ Đại hội", m), None);
        // An event not dated in the text dates nothing.
        assert_eq!(due(text, "trước khi khai mạc Hội nghị", m), None);
    }

    #[test]
    fn a_task_for_when_a_text_takes_effect() {
        let m = d(2022, 8, 18);
        let text = "Nghị quyết có hiệu lực thi hành từ ngày 1-10-2022. Tại cuộc họp …";
        assert_eq!(
            due(
                text,
                "ổn định ngay khi Nghị quyết 569 có hiệu lực thi hành",
                m
            ),
            Some(d(2022, 10, 1))
        );
    }

    #[test]
    fn a_session_dated_in_a_sentence_of_its_own() {
        let m = d(2018, 9, 18);
        let text = "Dự kiến chương trình kỳ họp thứ 8. Tại kỳ họp thứ 7, HĐND đã thông qua 04 \
                    Nghị quyết. Kỳ họp thứ 8, HĐND huyện khóa XIX. Dự kiến sẽ diễn ra trong 02 \
                    ngày 13,14 tháng 12 năm 2018. Kỳ họp sẽ thông qua nhiều báo cáo.";
        let due_on = Some(d(2018, 12, 13));
        assert_eq!(
            due(text, "chuẩn bị dự thảo Nghị quyết trình kỳ họp", m),
            due_on
        );
        assert_eq!(
            due(text, "phối hợp tiếp xúc cử tri trước kỳ họp thứ 8", m),
            due_on
        );
        // Another session is not this one.
        assert_eq!(due(text, "rút kinh nghiệm trước kỳ họp thứ 9", m), None);
        let m = d(2014, 5, 8);
        let text = "Về thời gian tổ chức kỳ họp thứ 8 dự kiến trong 01 ngày, ngày 19/6/2014.";
        assert_eq!(
            due(text, "tổ chức TXCT trước kỳ họp thứ 8", m),
            Some(d(2014, 6, 19))
        );
        let m = d(2021, 6, 7);
        let text = "Kỳ họp thứ nhất, HĐND huyện khóa XX, nhiệm kỳ 2021-2026 dự kiến tổ chức 01 \
                    ngày, trong khoảng từ ngày 28/6 đến 06/7/2021.";
        assert_eq!(
            due(text, "cho ý kiến một số báo cáo trước khi trình Kỳ họp", m),
            Some(d(2021, 6, 28))
        );
        // What is planned is no date ("dự kiến nội dung").
        let text = "Hội nghị dự kiến nội dung kỳ họp thứ 8 ngày 19/6.";
        assert_eq!(due(text, "chuẩn bị trước Hội nghị", m), None);
    }

    #[test]
    fn an_event_planned_is_a_schedule() {
        for text in [
            "Kỳ họp thứ nhất, HĐND huyện khóa XX dự kiến tổ chức 01 ngày, từ ngày 28/6",
            "Lễ giao nhận quân dự kiến sẽ được tổ chức tại sân Ban Chỉ huy vào ngày 20-2",
            "Hội nghị sẽ diễn ra vào ngày 15/3",
        ] {
            assert!(schedules(&tokenize(text)), "{text}");
        }
        for text in [
            "Văn phòng dự kiến chương trình kỳ họp",
            "Kỳ họp cần chuẩn bị chu đáo các báo cáo",
            "lễ hội được tổ chức trang trọng",
        ] {
            assert!(!schedules(&tokenize(text)), "{text}");
        }
    }

    #[test]
    fn an_event_dated_twice_otherwise_dates_nothing() {
        let m = d(2026, 3, 2);
        let text = "Hội nghị tổ chức vào ngày 10/3. Hội nghị khai mạc ngày 12/3.";
        assert_eq!(due(text, "trước Hội nghị", m), None);
        let text = "Hội nghị tổ chức vào ngày 10/3. Hội nghị khai mạc ngày 10/3/2026.";
        assert_eq!(due(text, "trước Hội nghị", m), Some(d(2026, 3, 10)));
    }
}
