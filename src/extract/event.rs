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

/// The words that say when an event happens or a text takes effect.
const HAPPENS: &[&[&str]] = &[
    &["dien", "ra"],
    &["khai", "mac"],
    &["to", "chuc"],
    &["co", "hieu", "luc"],
    &["bat", "dau"],
];

/// Words between those and the date that add nothing ("có hiệu lực thi hành từ ngày …",
/// "diễn ra trong các ngày …", "tổ chức vào ngày …").
const BEFORE_DATE: &[&str] = &[
    "thi", "hanh", "tu", "vao", "ngay", "trong", "cac", "chinh", "thuc", "ke",
];

/// How far after the event's name the words of its date may start, in tokens.
const REACH: usize = 15;

/// The events a text dates, each once: an event dated twice otherwise is left out.
pub(super) struct Events(Vec<(&'static [&'static str], NaiveDate)>);

impl Events {
    /// The events `t` dates, days without a year read from the meeting's.
    pub fn of(t: &[Token], meeting: NaiveDate) -> Events {
        let mut found: Vec<(&'static [&'static str], Option<NaiveDate>)> = Vec::new();
        for i in 0..t.len() {
            let Some(head) = head_at(t, i) else { continue };
            let Some(date) = dated_after(t, i + head.len(), meeting) else {
                continue;
            };
            match found.iter_mut().find(|(h, _)| *h == head) {
                Some((_, seen)) if *seen != Some(date) => *seen = None,
                Some(_) => {}
                None => found.push((head, Some(date))),
            }
        }
        Events(
            found
                .into_iter()
                .filter_map(|(h, d)| Some((h, d?)))
                .collect(),
        )
    }

    /// The date of the event a task is due by: "trước khi [diễn ra] Đại hội", "trước kỳ
    /// họp", "ngay khi Nghị quyết … có hiệu lực".
    pub fn due_in(&self, t: &[Token]) -> Option<NaiveDate> {
        if self.0.is_empty() {
            return None;
        }
        (0..t.len()).find_map(|i| {
            let after =
                if starts_with(t, i, &["truoc", "khi"]) || starts_with(t, i, &["ngay", "khi"]) {
                    i + 2
                } else if t[i].is("truoc") {
                    i + 1
                } else {
                    return None;
                };
            let mut k = after;
            while let Some(n) = HAPPENS.iter().find(|w| starts_with(t, k, w)) {
                k += n.len();
            }
            if t.get(k).is_some_and(|x| x.is("cuoc")) {
                k += 1;
            }
            let head = head_at(t, k)?;
            self.0.iter().find(|(h, _)| *h == head).map(|(_, d)| *d)
        })
    }
}

fn head_at(t: &[Token], i: usize) -> Option<&'static [&'static str]> {
    HEADS.iter().copied().find(|h| starts_with(t, i, h))
}

/// The date said for the event named before `from`: a word of [`HAPPENS`] within
/// [`REACH`] tokens of its sentence, then the date ("23/9", "1-10-2022", "các ngày 23, 24
/// và 25/9": the first of them).
fn dated_after(t: &[Token], from: usize, meeting: NaiveDate) -> Option<NaiveDate> {
    let end = (from..t.len().min(from + REACH))
        .find(|&k| matches!(t[k].kind, Kind::Punct('.' | ';' | '!' | '?') | Kind::Break))
        .unwrap_or(t.len().min(from + REACH));
    let (at, n) = (from..end)
        .find_map(|k| Some((k, HAPPENS.iter().find(|w| starts_with(t, k, w))?.len())))?;
    let mut k = at + n;
    while t
        .get(k)
        .is_some_and(|x| BEFORE_DATE.iter().any(|w| x.is(w)))
    {
        k += 1;
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
    fn an_event_dated_twice_otherwise_dates_nothing() {
        let m = d(2026, 3, 2);
        let text = "Hội nghị tổ chức vào ngày 10/3. Hội nghị khai mạc ngày 12/3.";
        assert_eq!(due(text, "trước Hội nghị", m), None);
        let text = "Hội nghị tổ chức vào ngày 10/3. Hội nghị khai mạc ngày 10/3/2026.";
        assert_eq!(due(text, "trước Hội nghị", m), Some(d(2026, 3, 10)));
    }
}
