//! Deadlines as Vietnamese offices say them, read relative to the meeting date:
//! `30/6`, `trước ngày 30/6/2026`, `tháng 7`, `tháng 6/2020`, `quý III`, `6 tháng cuối năm`,
//! `cuối tháng`, `cuối năm`, `năm 2026`, `không thời hạn`, `hạn cuối 20/6`, times from the
//! meeting: `trong 02 tuần tới`, `trong 5 ngày làm việc` (working days of
//! [`crate::calendar`]), and days named from it: `ngày mai`, `thứ Sáu tuần sau`.
//!
//! A phrase without a year means the next such date on or after the meeting date
//! (`30/6` said on 15/12/2026 is 30/06/2027); a phrase that names its year is taken as said,
//! even when it lies before the meeting (the caller asks the user to confirm).

use chrono::{Datelike, NaiveDate};

use crate::calendar::WorkCalendar;
use crate::token::{Kind, Token, starts_with, tokenize};

/// What a deadline phrase is read against: the meeting's day, and the working days that "N
/// ngày làm việc" counts (an office's calendar with its announced days off; a bare date
/// reads on Vietnam's national calendar).
#[derive(Debug, Clone, Copy)]
pub struct Anchor<'a> {
    /// The day the phrase was said.
    pub day: NaiveDate,
    /// The office's working days, or `None` for the national calendar.
    pub calendar: Option<&'a WorkCalendar>,
    /// The meeting opens the month it is held in ("giao ban tháng 7" on 1/7, "triển khai
    /// nhiệm vụ tháng 7"): "tháng tới" said there is that month.
    pub opens_month: bool,
}

impl From<NaiveDate> for Anchor<'_> {
    fn from(day: NaiveDate) -> Self {
        Anchor {
            day,
            calendar: None,
            opens_month: false,
        }
    }
}

/// What a deadline phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", content = "date", rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Deadline {
    /// Due on this date.
    On(NaiveDate),
    /// Không thời hạn / thường xuyên: deliberately without a deadline.
    Open,
}

/// Words that may stand before the date itself and add nothing to it.
const LEAD_INS: &[&[&str]] = &[
    &["hoan", "thanh", "truoc"],
    &["hoan", "thanh", "trong"],
    &["hoan", "thanh"],
    &["cham", "nhat", "la"],
    &["cham", "nhat"],
    &["thoi", "han"],
    &["han", "chot"],
    &["han", "cuoi"],
    &["han"],
    &["truoc"],
    &["trong"],
    &["den"],
    &["het"],
    &["vao"],
    &["xong"],
];

/// Reads a deadline phrase typed by a user. The whole phrase must be understood; anything
/// else is `None` (the caller shows it as unresolved, never guesses).
pub fn parse<'a>(phrase: &str, meeting: impl Into<Anchor<'a>>) -> Option<Deadline> {
    let meeting = meeting.into();
    let tokens: Vec<Token> = tokenize(phrase)
        .into_iter()
        .filter(|t| !matches!(t.kind, Kind::Punct('.' | ',' | ':') | Kind::Break))
        .collect();
    let mut i = 0;
    while let Some(seq) = LEAD_INS.iter().find(|s| starts_with(&tokens, i, s)) {
        i += seq.len();
    }
    let (deadline, end) = read(&tokens, i, meeting)?;
    (end == tokens.len()).then_some(deadline)
}

/// The first deadline stated inside a sentence: a date expression introduced by a deadline
/// word (`trước`, `trong`, `hạn`, `chậm nhất`, `hoàn thành`, `xong`, `vào`, an opening
/// parenthesis, `Thời hạn:`) and not part of a report (`đã … trong năm 2020`).
pub fn find<'a>(tokens: &[Token], meeting: impl Into<Anchor<'a>>) -> Option<NaiveDate> {
    found(tokens, meeting).map(|f| f.date)
}

/// A deadline stated inside a sentence ([`find`]) and where it is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: NaiveDate,
    /// The first token of the phrase, the words that introduce it included
    /// (`xong trước 30/6`, `thời gian hoàn thành: 30/6`, `(trước 30/6)`).
    pub start: usize,
    /// The token after the date.
    pub end: usize,
}

/// Words that introduce a deadline, taken with it when it is cut from a task's words.
const INTRODUCING: &[&str] = &[
    "truoc", "trong", "han", "xong", "vao", "nhat", "cham", "la", "hoan", "thanh", "thoi", "gian",
    "thuc", "hien", "ngay", "den", "het", "chot",
];

/// Pairs that introduce a deadline whose words alone mean something else ("kết quả").
const INTRODUCING_PAIRS: &[[&str; 2]] = &[["khong", "qua"], ["trong", "vong"], ["han", "cuoi"]];

/// The first deadline stated inside a sentence, with its place ([`Found`]).
pub fn found<'a>(tokens: &[Token], meeting: impl Into<Anchor<'a>>) -> Option<Found> {
    let meeting = meeting.into();
    (0..tokens.len()).find_map(|i| {
        if !introduced(tokens, i) {
            return None;
        }
        let (Deadline::On(mut date), mut end) = read(tokens, i, meeting)? else {
            return None;
        };
        // "trong tháng 4 và quý II năm 2021": two times joined, the task is due by the later.
        if tokens.get(end).is_some_and(|x| x.is("va")) {
            let next = if tokens.get(end + 1).is_some_and(|x| x.is("trong")) {
                end + 2
            } else {
                end + 1
            };
            if let Some((Deadline::On(later), after)) = read(tokens, next, meeting)
                && later > date
            {
                (date, end) = (later, after);
            }
        }
        let mut start = range_start(tokens, i).unwrap_or_else(|| before_time(tokens, i));
        while start > 0 {
            let t = &tokens[start - 1];
            let pair = start >= 2
                && INTRODUCING_PAIRS
                    .iter()
                    .any(|[a, b]| tokens[start - 2].is(a) && t.is(b));
            if pair {
                start -= 2;
            } else if INTRODUCING.iter().any(|w| t.is(w)) || t.is_punct('(') || t.is_punct(':') {
                start -= 1;
            } else {
                break;
            }
        }
        Some(Found { date, start, end })
    })
}

/// Where a range of days that ends at `i` starts: "từ ngày 12-17/6", "ngày 12 - 17/6"
/// (the task runs through them, and is due by the last).
fn range_start(tokens: &[Token], i: usize) -> Option<usize> {
    let dash = i.checked_sub(1)?;
    let first = dash.checked_sub(1)?;
    let opens = first.checked_sub(1)?;
    let is_dash = matches!(tokens[dash].kind, Kind::Punct('-' | '–'));
    let day = tokens[first]
        .number()
        .is_some_and(|d| (1..=31).contains(&d));
    if !(is_dash && day && (tokens[opens].is("ngay") || tokens[opens].is("tu"))) {
        return None;
    }
    let from = opens
        .checked_sub(1)
        .filter(|k| tokens[*k].is("tu") && tokens[opens].is("ngay"));
    Some(from.unwrap_or(opens))
}

fn introduced(tokens: &[Token], i: usize) -> bool {
    if range_start(tokens, i).is_some() {
        return true;
    }
    let before = |k: usize| i.checked_sub(k).map(|j| &tokens[j]);
    let reported = (1..=4).any(|k| before(k).is_some_and(|t| t.is("da") && t.accented));
    if reported {
        return false;
    }
    // A time of day before the day ("trước 17 giờ ngày 5/11", "trước 16h00 ngày …") is
    // read past: the words before it introduce the day.
    let i = before_time(tokens, i);
    let before = |k: usize| i.checked_sub(k).map(|j| &tokens[j]);
    let Some(prev) = before(1) else { return false };
    // Two words that end `k` tokens before the date.
    let two_at = |k: usize, a: &str, b: &str| {
        before(k + 1).is_some_and(|t| t.is(a)) && before(k).is_some_and(|t| t.is(b))
    };
    if prev.is_punct('(') {
        return true;
    }
    if prev.is_punct(':') {
        return before(2).is_some_and(|t| ["han", "gian", "hien", "thanh"].iter().any(|w| t.is(w)))
            || two_at(2, "han", "cuoi");
    }
    let horizon = tokens.get(i).is_some_and(|t| t.is("nam"));
    let two = |a: &str, b: &str| before(2).is_some_and(|t| t.is(a)) && prev.is(b);
    ["truoc", "trong", "han", "xong", "vao", "nhat", "het"]
        .iter()
        .any(|w| prev.is(w))
        || (prev.is("den") && !horizon)
        || (prev.is("thanh") && before(2).is_some_and(|t| t.is("hoan")))
        || (prev.is("ngay")
            && before(2).is_some_and(|t| ["den", "truoc", "la", "qua", "nhat"].iter().any(|w| t.is(w))))
        // "chậm nhất là 25/11", "không quá 25/11", "trong vòng 7 ngày", "trong thời gian 10 ngày",
        // "hạn chót 20/8"
        || two("nhat", "la")
        || two("han", "chot")
        // "hạn cuối 20/6", "hạn cuối ngày 20/6", "hạn cuối là thứ Sáu"
        || two("han", "cuoi")
        || (prev.is("ngay") && two_at(2, "han", "cuoi"))
        || (prev.is("la") && two_at(2, "han", "cuoi"))
        || two("khong", "qua")
        || two("trong", "vong")
        // "(dự kiến ngày 23/11/2021)", "dự kiến 23/11"
        || two("du", "kien")
        || (prev.is("ngay") && before(2).is_some_and(|t| t.is("kien")))
        // "để đúng ngày 30-7 …": on that day
        || (prev.is("ngay") && before(2).is_some_and(|t| t.is("dung")))
        || (two("thoi", "gian") && before(3).is_some_and(|t| t.is("trong")))
        // "dịp 30/4 và 1/5", "trong dịp Tết Nguyên đán": the occasion the task is for
        || prev.is("dip")
        // "(nhất là) những tháng cuối năm", "các tháng cuối năm 2023": by the year's end
        || (prev.is("thang")
            && before(2).is_some_and(|t| t.is("nhung") || t.is("cac"))
            && tokens.get(i).is_some_and(|t| t.is("cuoi")))
}

/// The token before a time of day that ends at `i` ("17 giờ", "17 giờ 30 phút", "16h00",
/// "16h": tokens `16` `h00`, "15g00"), else `i`.
fn before_time(t: &[Token], i: usize) -> usize {
    let at = |k: usize| i.checked_sub(k).and_then(|j| t.get(j));
    let number = |k: usize| at(k).is_some_and(|x| x.number().is_some());
    // "16h00", "15g00", "15g": hours and minutes.
    let minutes = |x: &Token| {
        x.kind == Kind::Word
            && x.fold
                .strip_prefix(['h', 'g'])
                .is_some_and(|m| m.bytes().all(|b| b.is_ascii_digit()))
    };
    if at(1).is_some_and(minutes) && number(2) {
        return i - 2;
    }
    if at(1).is_some_and(|x| x.is("phut")) && at(3).is_some_and(|x| x.is("gio")) && number(4) {
        return i - 4;
    }
    if at(1).is_some_and(|x| x.is("gio")) && number(2) {
        return i - 2;
    }
    i
}

/// Words before a period that make it the period of a list of tasks: "nhiệm vụ tháng 8",
/// "công tác tháng 7/2018", "trong 06 tháng cuối năm", "trọng tâm quý III", "mục tiêu năm
/// 2026".
const PERIOD_LEADS: &[&str] = &["trong", "tac", "vu", "tam", "viec", "tieu"];

/// The period a list head gives its tasks ("Nhiệm vụ trọng tâm tháng 8:", "các nhiệm vụ
/// cần thực hiện trong tháng 9/2020:", "… trong 06 tháng cuối năm"): the end of the last
/// month, quarter or half-year named after one of its words, or opening the head ("[đề
/// nghị] tháng 12/2018 các ban tập trung …"), if it is not already past. A day ("trước
/// 30/6") is not a period; [`find`] reads it.
pub fn period<'a>(tokens: &[Token], meeting: impl Into<Anchor<'a>>) -> Option<NaiveDate> {
    let meeting = meeting.into();
    periods(tokens, meeting).rfind(|d| *d >= meeting.day)
}

/// The last day of the last period of `tokens` that ended before the meeting ("6 tháng đầu
/// năm 2016" said on 12/7/2016): a period accounted for, not one to work in.
pub fn period_over<'a>(tokens: &[Token], meeting: impl Into<Anchor<'a>>) -> Option<NaiveDate> {
    let meeting = meeting.into();
    periods(tokens, meeting).rfind(|d| *d < meeting.day)
}

/// The last days of the periods named in `tokens`, in order.
fn periods<'a>(
    tokens: &'a [Token],
    meeting: Anchor<'a>,
) -> impl DoubleEndedIterator<Item = NaiveDate> + 'a {
    (0..tokens.len())
        .filter(|&i| i == 0 || PERIOD_LEADS.iter().any(|w| tokens[i - 1].is(w)))
        .filter(|&i| {
            let x = &tokens[i];
            x.is("thang")
                || x.is("quy")
                || x.is("cuoi")
                || (x.is("nam") && tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Number))
                || x.kind == Kind::Number
        })
        .filter_map(move |i| match read(tokens, i, meeting)? {
            (Deadline::On(d), _) => Some(d),
            _ => None,
        })
}

/// A full date stated at token `i`: `29/5/2020`, `12 tháng 7 năm 2026`.
pub(crate) fn stated_date(t: &[Token], i: usize) -> Option<NaiveDate> {
    stated_date_to(t, i).map(|(d, _)| d)
}

/// [`stated_date`] and the token after it.
pub(crate) fn stated_date_to(t: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let day = t.get(i)?.number()?;
    let sep = t.get(i + 1)?;
    if !(matches!(sep.kind, Kind::Punct('/' | '-' | '.')) || sep.is("thang")) {
        return None;
    }
    let month = t.get(i + 2)?.number()?;
    let (year, end) = year_after(t, i + 3)?;
    Some((ymd(year, month, day)?, end))
}

/// Reads one date expression at token `i`; returns it and the index after it.
fn read(t: &[Token], i: usize, at: Anchor<'_>) -> Option<(Deadline, usize)> {
    let meeting = at.day;
    let word = |k: usize, w: &str| t.get(k).is_some_and(|x| x.is(w));
    let num = |k: usize| t.get(k).and_then(Token::number);
    if starts_with(t, i, &["khong", "thoi", "han"]) {
        return Some((Deadline::Open, i + 3));
    }
    if starts_with(t, i, &["thuong", "xuyen"]) {
        return Some((Deadline::Open, i + 2));
    }
    // "(trước) Tết Nguyên đán 2023", "Tết": the first day of the lunar year named, or the
    // next one after the meeting.
    // "(trước) Tết Dương lịch [2027]": the first of January named, or the next one.
    if starts_with(t, i, &["tet", "duong", "lich"]) {
        return match t
            .get(i + 3)
            .and_then(Token::number)
            .filter(|n| (1900..2200).contains(n))
        {
            Some(year) => on(ymd(year as i32, 1, 1)?, i + 4),
            None => on(ymd(meeting.year() + 1, 1, 1)?, i + 3),
        };
    }
    if starts_with(t, i, &["tet"]) {
        let at = if starts_with(t, i + 1, &["nguyen", "dan"]) {
            i + 3
        } else {
            i + 1
        };
        let named = t
            .get(at)
            .and_then(Token::number)
            .filter(|n| (1900..2200).contains(n))
            .map(|n| (n as i32, at + 1))
            .or_else(|| year_after(t, at));
        let (tet, end) = match named {
            Some((year, end)) => (crate::calendar::lunar::new_year(year)?, end),
            None => {
                let this = crate::calendar::lunar::new_year(meeting.year())?;
                let tet = if this >= meeting {
                    this
                } else {
                    crate::calendar::lunar::new_year(meeting.year() + 1)?
                };
                (tet, at)
            }
        };
        return on(tet, end);
    }
    if starts_with(t, i, &["cuoi", "nam"]) {
        let (year, end) = year_after(t, i + 2).unwrap_or((meeting.year(), i + 2));
        return on(ymd(year, 12, 31)?, end);
    }
    if starts_with(t, i, &["cuoi", "thang"]) {
        if let Some((month, year, end)) = month_at(t, i + 2, meeting) {
            return on(month_end(year, month)?, end);
        }
        return on(month_end(meeting.year(), meeting.month())?, i + 2);
    }
    if starts_with(t, i, &["cuoi", "quy"]) {
        if let Some((d, end)) = quarter_at(t, i + 2, meeting) {
            return on(d, end);
        }
        let q = (meeting.month() - 1) / 3 + 1;
        return on(month_end(meeting.year(), q * 3)?, i + 2);
    }
    if let Some(found) = duration(t, i, at) {
        return Some(found);
    }
    if let Some(found) = day_named(t, i, at) {
        return Some(found);
    }
    // "(trong) hai tháng còn lại", "3 tháng cuối năm [2026]": the rest of the year.
    let count = num(i).or_else(|| {
        ["mot", "hai", "ba", "bon"]
            .iter()
            .position(|w| word(i, w))
            .map(|k| k as u32 + 1)
    });
    let rest = word(i + 2, "con") && word(i + 3, "lai");
    // ("trong các tháng còn lại năm 2019", "những tháng còn lại của năm": as many as are
    // left; not those of a quarter.)
    let all_left = (word(i, "cac") || word(i, "nhung")) && rest && !word(i + 4, "quy");
    if (all_left || count.is_some_and(|n| (1..=11).contains(&n) && n != 6))
        && word(i + 1, "thang")
        && (rest || (word(i + 2, "cuoi") && word(i + 3, "nam")))
    {
        let end = if rest && word(i + 4, "cua") && word(i + 5, "nam") {
            i + 6
        } else {
            i + 4
        };
        return match year_after(t, end) {
            Some((year, end)) => on(ymd(year, 12, 31)?, end),
            None => on(ymd(meeting.year(), 12, 31)?, end),
        };
    }
    if num(i) == Some(6) && word(i + 1, "thang") && word(i + 3, "nam") {
        let month = if word(i + 2, "dau") {
            6
        } else if word(i + 2, "cuoi") {
            12
        } else {
            return None;
        };
        // "6 tháng đầu năm 2016": its "năm" stands before the year.
        return match year_after(t, i + 3) {
            Some((year, end)) => on(month_end(year, month)?, end),
            None => on(next_on_or_after(meeting, month, None)?, i + 4),
        };
    }
    if let Some(ahead) = relative(t, i + 1) {
        let (year, month) = (meeting.year(), meeting.month());
        if word(i, "thang") {
            let m = month + ahead - u32::from(ahead == 1 && at.opens_month);
            return on(
                month_end(year + ((m - 1) / 12) as i32, (m - 1) % 12 + 1)?,
                i + 2,
            );
        }
        if word(i, "quy") {
            let q = (month - 1) / 3 + ahead;
            return on(month_end(year + (q / 4) as i32, (q % 4) * 3 + 3)?, i + 2);
        }
        if word(i, "nam") {
            return on(ymd(year + ahead as i32, 12, 31)?, i + 2);
        }
        // "trong tuần này", "tuần tới": that week's last working day (its Friday, unless a
        // day off), never before the meeting.
        if word(i, "tuan") {
            let monday = meeting
                - chrono::Duration::days(i64::from(meeting.weekday().num_days_from_monday()));
            let friday = monday + chrono::Duration::days(7 * i64::from(ahead) + 4);
            let national = WorkCalendar::default();
            let calendar = at.calendar.unwrap_or(&national);
            return on(
                calendar.working_day_on_or_before(friday).max(meeting),
                i + 2,
            );
        }
    }
    if word(i, "thang") {
        let (month, year, end) = month_at(t, i + 1, meeting)?;
        return on(month_end(year, month)?, end);
    }
    if word(i, "quy") {
        let (d, end) = quarter_at(t, i + 1, meeting)?;
        return on(d, end);
    }
    // "trong năm" alone: the year of the meeting (not "trong năm qua", "năm học").
    let this_year = i >= 1
        && t[i - 1].is("trong")
        && !t.get(i + 1).is_some_and(|x| {
            x.kind == Kind::Number || ["qua", "hoc", "tai"].iter().any(|w| x.is(w))
        });
    if word(i, "nam") && this_year {
        return on(ymd(meeting.year(), 12, 31)?, i + 1);
    }
    if word(i, "nam") {
        let year = full_year(num(i + 1)?)?;
        return on(ymd(year, 12, 31)?, i + 2);
    }
    let start = if word(i, "ngay") { i + 1 } else { i };
    day_at(t, start, meeting).and_then(|(d, end)| on(d, end))
}

/// A time from the meeting (after `trong`): `5 ngày`, `5 ngày làm việc` (Vietnam's working
/// days: weekends and public holidays left out), `02 tuần (tới)`, `3 tháng (tới)`. Not `6
/// tháng đầu năm`, a period of the year, nor `9 tháng qua` / `9 tháng của …`, a span lived.
fn duration(t: &[Token], i: usize, at: Anchor<'_>) -> Option<(Deadline, usize)> {
    let meeting = at.day;
    // "5 ngày", or in words before the unit it counts: "năm ngày", "hai tuần" (not "trong
    // năm 2026").
    let n = match t.get(i)?.number() {
        Some(n) => n,
        None => {
            let counted = t
                .get(i + 1)
                .is_some_and(|x| x.is("ngay") || x.is("tuan") || x.is("thang"));
            let k = NUMBER_WORDS
                .iter()
                .position(|w| t[i].is(w))
                .filter(|_| counted)?;
            u32::try_from(k).ok()? + 1
        }
    };
    if n == 0 || n > 366 {
        return None;
    }
    let word = |k: usize, w: &str| t.get(k).is_some_and(|x| x.is(w));
    // A span already lived or one named by what it belongs to ("trong 9 tháng qua",
    // "vừa qua", "trong 9 tháng của cơ quan"): no time from the meeting.
    let unit_len = if word(i + 1, "ngay") && word(i + 2, "lam") && word(i + 3, "viec") {
        3
    } else {
        1
    };
    if ["qua", "vua", "cua"]
        .iter()
        .any(|w| word(i + 1 + unit_len, w))
    {
        return None;
    }
    // `tới`, `sau`, `kể từ ngày họp`… after the unit add nothing.
    let ahead = |k: usize| {
        if word(k, "toi") || word(k, "sau") {
            k + 1
        } else {
            k
        }
    };
    if word(i + 1, "ngay") {
        if word(i + 2, "lam") && word(i + 3, "viec") {
            let national = WorkCalendar::default();
            let calendar = at.calendar.unwrap_or(&national);
            return on(calendar.add_working_days(meeting, n), ahead(i + 4));
        }
        return on(meeting + chrono::Duration::days(i64::from(n)), ahead(i + 2));
    }
    if word(i + 1, "tuan") {
        return on(
            meeting + chrono::Duration::days(7 * i64::from(n)),
            ahead(i + 2),
        );
    }
    // Not a period of the year: "6 tháng đầu năm", "2 tháng cuối năm", "2 tháng còn lại".
    // Nor a date: "trước 30 tháng 9".
    let not_a_span = word(i + 2, "dau")
        || word(i + 2, "cuoi")
        || (word(i + 2, "con") && word(i + 3, "lai"))
        || t.get(i + 2).is_some_and(|x| x.kind == Kind::Number);
    if word(i + 1, "thang") && !not_a_span {
        return on(
            meeting.checked_add_months(chrono::Months::new(n))?,
            ahead(i + 2),
        );
    }
    None
}

/// One to ten in words, folded.
const NUMBER_WORDS: [&str; 10] = [
    "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi",
];

/// The weekdays after "thứ", Monday first ("thứ Hai" … "thứ Bảy"; "thứ 2" … "thứ 7").
const WEEKDAYS: [&str; 6] = ["hai", "ba", "tu", "nam", "sau", "bay"];

/// A day named from the meeting's: `ngày mai` (the next day), `ngày kia` (the one after),
/// `hôm nay` and `trong ngày` (the meeting's own day), and a weekday, `thứ Sáu (tuần
/// này|tuần sau|tuần tới)`, `Chủ nhật tuần này`: of the week named, else the next after the
/// meeting's day.
fn day_named(t: &[Token], i: usize, at: Anchor<'_>) -> Option<(Deadline, usize)> {
    let meeting = at.day;
    let word = |k: usize, w: &str| t.get(k).is_some_and(|x| x.is(w));
    let days = |n: i64| meeting + chrono::Duration::days(n);
    // Not "ngày mai táng" (a burial's day).
    if word(i, "ngay") && word(i + 1, "mai") && !word(i + 2, "tang") {
        return on(days(1), i + 2);
    }
    if word(i, "ngay") && word(i + 1, "kia") {
        return on(days(2), i + 2);
    }
    // Not "(tính) đến hôm nay", "as of today".
    let until = i >= 1 && t[i - 1].is("den");
    if word(i, "hom") && word(i + 1, "nay") && !until {
        return on(meeting, i + 2);
    }
    if word(i, "ngay") && word(i + 1, "hom") && word(i + 2, "nay") && !until {
        return on(meeting, i + 3);
    }
    // "hoàn thành trong ngày.", "xong trong ngày", "ngay trong ngày" at the clause's end:
    // the same day ("Trong ngày, …", "các ca mắc trong ngày" tell what a day saw).
    let ends = |k: usize| {
        t.get(k)
            .is_none_or(|x| matches!(x.kind, Kind::Punct('.' | ';' | ')') | Kind::Break))
    };
    let finished = i >= 2 && ["thanh", "xong", "ngay"].iter().any(|w| t[i - 2].is(w));
    if word(i, "ngay") && i >= 1 && t[i - 1].is("trong") && finished && ends(i + 1) {
        return on(meeting, i + 1);
    }
    let (weekday, mut end) = if word(i, "thu") {
        let x = t.get(i + 1)?;
        // "thu" written without its marks in a text that has them is another word ("thu
        // năm 2025", revenue).
        let marked =
            t[i].accented || (!x.accented && i.checked_sub(1).is_none_or(|k| !t[k].accented));
        let k = WEEKDAYS.iter().position(|w| x.is(w)).or_else(|| {
            x.number()
                .filter(|n| (2..=7).contains(n))
                .map(|n| n as usize - 2)
        })?;
        (marked.then_some(k as i64)?, i + 2)
    } else if word(i, "chu") && word(i + 1, "nhat") {
        (6, i + 2)
    } else {
        return None;
    };
    // Of the meeting's week, of the next ("tuần sau", "của tuần tới") or the one after
    // ("tuần sau nữa"); else the next such day after the meeting's.
    let monday = -i64::from(meeting.weekday().num_days_from_monday());
    let mut day = monday + weekday;
    if day <= 0 {
        day += 7;
    }
    if word(end, "cua") && word(end + 1, "tuan") {
        end += 1;
    }
    if word(end, "tuan") {
        let mut ahead = i64::from(relative(t, end + 1)?);
        end += 2;
        if ahead == 1 && word(end, "nua") {
            (ahead, end) = (2, end + 1);
        }
        day = monday + 7 * ahead + weekday;
    }
    // "thứ Sáu (20/6)", "thứ Sáu, ngày 20/6": the day written wins.
    let mut k = end;
    while t.get(k).is_some_and(|x| x.is_punct(',') || x.is_punct('(')) || word(k, "ngay") {
        k += 1;
    }
    if k > end
        && let Some((written, after)) = day_at(t, k, meeting)
    {
        let after = after + usize::from(t.get(after).is_some_and(|x| x.is_punct(')')));
        return on(written, after);
    }
    // What may follow a weekday: the clause's end, or words that go on to another part.
    // Any other word makes it something else ("thứ tự ưu tiên", "thứ hai mươi", "thứ Sáu
    // cuối tháng", "thứ Hai hằng tuần"): no day is read.
    let free = t.get(end).is_none_or(|x| {
        matches!(x.kind, Kind::Punct(_) | Kind::Break)
            || ["de", "va", "nham", "cho", "theo", "thi"]
                .iter()
                .any(|w| x.is(w))
    });
    free.then(|| (Deadline::On(days(day)), end))
}

/// `này` (0) or `tới`/`sau` (1) after tháng, quý or năm.
fn relative(t: &[Token], i: usize) -> Option<u32> {
    let x = t.get(i)?;
    if x.is("nay") {
        Some(0)
    } else if x.is("toi") || x.is("sau") {
        Some(1)
    } else {
        None
    }
}

fn on(d: NaiveDate, end: usize) -> Option<(Deadline, usize)> {
    Some((Deadline::On(d), end))
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(y, m, 1)?.pred_opt()
}

fn full_year(n: u32) -> Option<i32> {
    match n {
        0..=99 => Some(2000 + n as i32),
        1990..=2100 => Some(n as i32),
        _ => None,
    }
}

/// `/2026`, `-2026`, `năm 2026` after a month, quarter or day.
fn year_after(t: &[Token], i: usize) -> Option<(i32, usize)> {
    let sep = t
        .get(i)
        .is_some_and(|x| matches!(x.kind, Kind::Punct('/' | '-' | '.')) || x.is("nam"));
    if !sep {
        return None;
    }
    // "6/25" is 2025; "tháng 7-8" is no year 2008.
    let n = t.get(i + 1)?;
    let short = n.end - n.start <= 2;
    if short && !(t[i].is_punct('/') && n.end - n.start == 2) {
        return None;
    }
    let year = full_year(n.number()?)?;
    Some((year, i + 2))
}

/// The first day on or after `from` with this month (and day, or the month's end);
/// 29/2 waits for a leap year.
fn next_on_or_after(from: NaiveDate, month: u32, day: Option<u32>) -> Option<NaiveDate> {
    let at = |year| match day {
        Some(d) => ymd(year, month, d),
        None => month_end(year, month),
    };
    (from.year()..=from.year() + 8)
        .filter_map(at)
        .find(|d| *d >= from)
}

/// `7`, `7/2026`, `7 năm 2026` after the word tháng; the month's last day.
/// A range of months ("tháng 7-8", "tháng 11-12/2025") ends with its last.
fn month_at(t: &[Token], i: usize, meeting: NaiveDate) -> Option<(u32, i32, usize)> {
    let first = t.get(i)?.number().filter(|m| (1..=12).contains(m))?;
    let (month, i) = match ranged(t, i, |n| (first + 1..=12).contains(&n)) {
        Some(last) => (last, i + 2),
        None => (first, i),
    };
    match year_after(t, i + 1) {
        Some((year, end)) => Some((month, year, end)),
        None => {
            let d = next_on_or_after(meeting, month, None)?;
            Some((month, d.year(), i + 1))
        }
    }
}

/// The end of a range after the value at `i` ("7-8", "III-IV"), when `fits` it.
fn ranged(t: &[Token], i: usize, fits: impl Fn(u32) -> bool) -> Option<u32> {
    let dash = t
        .get(i + 1)
        .is_some_and(|x| matches!(x.kind, Kind::Punct('-' | '–')));
    let next = t.get(i + 2).filter(|_| dash)?;
    roman_or_number(next).filter(|&n| fits(n))
}

/// `I`…`IV`, or digits.
fn roman_or_number(x: &Token) -> Option<u32> {
    match (x.kind, x.fold.as_str()) {
        (Kind::Word, "i") => Some(1),
        (Kind::Word, "ii") => Some(2),
        (Kind::Word, "iii") => Some(3),
        (Kind::Word, "iv") => Some(4),
        (Kind::Number, _) => x.number(),
        _ => None,
    }
}

/// `III`, `3`, `III/2026`, `3 năm 2026` after the word quý; the quarter's last day.
fn quarter_at(t: &[Token], i: usize, meeting: NaiveDate) -> Option<(NaiveDate, usize)> {
    let first = roman_or_number(t.get(i)?).filter(|q| (1..=4).contains(q))?;
    // "quý III-IV": by the end of the last.
    let (q, i) = match ranged(t, i, |n| (first + 1..=4).contains(&n)) {
        Some(last) => (last, i + 2),
        None => (first, i),
    };
    match year_after(t, i + 1) {
        Some((year, end)) => Some((month_end(year, q * 3)?, end)),
        None => Some((next_on_or_after(meeting, q * 3, None)?, i + 1)),
    }
}

/// `30/6`, `30/6/2026`, `30-06-2026`, `30 tháng 6 năm 2026`, `28 tháng này`, `15 tháng sau`.
pub(crate) fn day_at(t: &[Token], i: usize, meeting: NaiveDate) -> Option<(NaiveDate, usize)> {
    let day = t.get(i)?.number().filter(|d| (1..=31).contains(d))?;
    let sep = t.get(i + 1)?;
    // "28 tháng này", "15 tháng sau", "10 tháng tới": a day of this month or the next.
    if sep.is("thang")
        && let Some(ahead) = relative(t, i + 2)
    {
        let first = meeting.with_day(1)? + chrono::Months::new(ahead);
        return Some((ymd(first.year(), first.month(), day)?, i + 3));
    }
    let month_index = if matches!(sep.kind, Kind::Punct('/' | '-' | '.')) || sep.is("thang") {
        i + 2
    } else {
        return None;
    };
    let month = t
        .get(month_index)?
        .number()
        .filter(|m| (1..=12).contains(m))?;
    match year_after(t, month_index + 1) {
        Some((year, end)) => Some((ymd(year, month, day)?, end)),
        None => Some((
            next_on_or_after(meeting, month, Some(day))?,
            month_index + 1,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(phrase: &str, meeting: NaiveDate) -> Option<NaiveDate> {
        match parse(phrase, meeting)? {
            Deadline::On(d) => Some(d),
            Deadline::Open => None,
        }
    }

    #[test]
    fn phrases_of_the_editor() {
        let m = d(2026, 5, 12);
        assert_eq!(at("30/6", m), Some(d(2026, 6, 30)));
        assert_eq!(at("30/6/2026", m), Some(d(2026, 6, 30)));
        assert_eq!(at("trước ngày 30-06-2026", m), Some(d(2026, 6, 30)));
        assert_eq!(at("cuối tháng", m), Some(d(2026, 5, 31)));
        assert_eq!(at("tháng 7", m), Some(d(2026, 7, 31)));
        assert_eq!(at("Tháng 2", m), Some(d(2027, 2, 28)));
        assert_eq!(at("quý III", m), Some(d(2026, 9, 30)));
        assert_eq!(at("quy 1", m), Some(d(2027, 3, 31)));
        assert_eq!(at("6 tháng cuối năm", m), Some(d(2026, 12, 31)));
        assert_eq!(at("6 tháng đầu năm", m), Some(d(2026, 6, 30)));
        assert_eq!(at("6 tháng đầu năm 2025", m), Some(d(2025, 6, 30)));
        // A day of this month or the next, not a count of months.
        assert_eq!(at("trước ngày 28 tháng này", m), Some(d(2026, 5, 28)));
        assert_eq!(at("ngày 15 tháng sau", m), Some(d(2026, 6, 15)));
        assert_eq!(at("trước ngày 10 tháng tới", m), Some(d(2026, 6, 10)));
        assert_eq!(at("6 tháng cuối năm 2027", m), Some(d(2027, 12, 31)));
        assert_eq!(at("cuối năm", m), Some(d(2026, 12, 31)));
        assert_eq!(at("trong năm 2027", m), Some(d(2027, 12, 31)));
        assert_eq!(at("tháng 6/2020", m), Some(d(2020, 6, 30)));
        assert_eq!(at("quý II năm 2026", m), Some(d(2026, 6, 30)));
        // The older spelling.
        assert_eq!(at("trong quí IV", m), Some(d(2026, 12, 31)));
        assert_eq!(at("ngày 5 tháng 8 năm 2026", m), Some(d(2026, 8, 5)));
        assert_eq!(at("trong tháng này", m), Some(d(2026, 5, 31)));
        assert_eq!(at("tháng tới", d(2026, 12, 3)), Some(d(2027, 1, 31)));
        assert_eq!(at("quý này", m), Some(d(2026, 6, 30)));
        assert_eq!(at("quý sau", d(2026, 11, 3)), Some(d(2027, 3, 31)));
        assert_eq!(at("trong năm nay", m), Some(d(2026, 12, 31)));
        assert_eq!(at("năm sau", m), Some(d(2027, 12, 31)));
        assert_eq!(at("đến hết tháng 7", m), Some(d(2026, 7, 31)));
        assert_eq!(at("hết ngày 30/6", m), Some(d(2026, 6, 30)));
        assert_eq!(parse("không thời hạn", m), Some(Deadline::Open));
        assert_eq!(parse("Thường xuyên", m), Some(Deadline::Open));
    }

    #[test]
    fn days_in_words_times_of_day_and_last_days() {
        let m = d(2024, 8, 6);
        // "30 tháng 9" is a day, not thirty months.
        assert_eq!(at("trước 30 tháng 9", m), Some(d(2024, 9, 30)));
        assert_eq!(at("trong 3 tháng", m), Some(d(2024, 11, 6)));
        // A time of day before the day, in hours and "g".
        let tokens = tokenize("Văn phòng gửi báo cáo trước 15g00 ngày 15/8/2024.");
        assert_eq!(find(&tokens, m), Some(d(2024, 8, 15)));
        let tokens = tokenize("Văn phòng gửi báo cáo trước 9g ngày 20/8.");
        assert_eq!(find(&tokens, m), Some(d(2024, 8, 20)));
        // "hạn chót": the last day.
        let tokens = tokenize("Phòng Nội vụ tổng hợp danh sách, hạn chót 20/8/2024.");
        let f = found(&tokens, m).unwrap();
        assert_eq!(f.date, d(2024, 8, 20));
        assert!(tokens[f.start].is("han"), "{:?}", tokens[f.start]);
        assert_eq!(at("hạn chót 20/8", m), Some(d(2024, 8, 20)));
        // A range of days: due by the last, the range cut whole from the task's words.
        for text in [
            "Từ ngày 12- 17/8 tiến hành tiếp xúc cử tri.",
            "Tiếp xúc cử tri từ ngày 12-17/8.",
            "Tiếp xúc cử tri ngày 12 - 17/8.",
            "Tiếp xúc cử tri từ 12-17/8.",
        ] {
            let tokens = tokenize(text);
            let f = found(&tokens, m).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.date, d(2024, 8, 17), "{text}");
            assert!(
                tokens[f.start].is("tu") || tokens[f.start].is("ngay"),
                "{text}"
            );
        }
        // A figure is no range.
        assert_eq!(find(&tokenize("Tỷ lệ đạt 12-17/8 chỉ tiêu."), m), None);
    }

    #[test]
    fn days_named_from_the_meeting() {
        // Friday 04/12/2026.
        let m = d(2026, 12, 4);
        assert_eq!(at("trong ngày mai", m), Some(d(2026, 12, 5)));
        assert_eq!(at("ngày kia", m), Some(d(2026, 12, 6)));
        assert_eq!(at("trong ngày hôm nay", m), Some(m));
        assert_eq!(at("trước thứ Sáu tuần sau", m), Some(d(2026, 12, 11)));
        assert_eq!(at("thứ 2 tuần tới", m), Some(d(2026, 12, 7)));
        assert_eq!(at("thứ Năm tuần này", m), Some(d(2026, 12, 3)));
        assert_eq!(at("Chủ nhật tuần này", m), Some(d(2026, 12, 6)));
        // A weekday alone is the next one after the meeting's day, never the day itself.
        assert_eq!(at("trước thứ Sáu", m), Some(d(2026, 12, 11)));
        assert_eq!(at("vào thứ Hai", m), Some(d(2026, 12, 7)));
        assert_eq!(at("hạn cuối 20/12", m), Some(d(2026, 12, 20)));
        assert_eq!(
            find(&tokenize("Văn phòng gửi danh sách, hạn cuối: ngày mai."), m),
            Some(d(2026, 12, 5))
        );
        // Inside a sentence, cut whole from the task's words.
        for (text, want, first) in [
            (
                "Phòng Nội vụ hoàn thành hồ sơ, hạn cuối ngày 20/12.",
                d(2026, 12, 20),
                "han",
            ),
            (
                "Văn phòng gửi kế hoạch trong ngày mai.",
                d(2026, 12, 5),
                "trong",
            ),
            (
                "Phòng Tài chính nộp báo cáo trước thứ Sáu tuần sau.",
                d(2026, 12, 11),
                "truoc",
            ),
            ("Văn phòng gửi giấy mời ngay trong ngày.", m, "ngay"),
        ] {
            let tokens = tokenize(text);
            let f = found(&tokens, m).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.date, want, "{text}");
            assert!(tokens[f.start].is(first), "{text}: {:?}", tokens[f.start]);
        }
        // The day written beside the weekday wins; the week after next is read.
        assert_eq!(at("trước thứ Sáu (18/12)", m), Some(d(2026, 12, 18)));
        assert_eq!(
            at("hạn cuối thứ Sáu, ngày 18/12/2026", m),
            Some(d(2026, 12, 18))
        );
        assert_eq!(at("thứ Sáu tuần sau nữa", m), Some(d(2026, 12, 18)));
        assert_eq!(at("thứ Sáu của tuần sau", m), Some(d(2026, 12, 11)));
        // An ordinal is no weekday, nor is a weekday that more words make another day, nor
        // "thu" (revenue) in a text written with its marks.
        for none in [
            "Phòng Kinh tế gửi báo cáo trước thứ Sáu cuối tháng.",
            "Phòng Kinh tế trực vào thứ Hai hằng tuần.",
            "Phòng Kinh tế hoàn thiện hồ sơ trước thứ tự ưu tiên.",
            "Phòng Kinh tế xếp hạng trước thứ hai mươi.",
            "Phòng Tài chính đôn đốc hoàn thành thu năm 2025 vượt dự toán.",
            "Phòng Tài chính hoàn thành thu hai khoản nợ đọng.",
            "Phòng Lao động hỗ trợ chi phí trước ngày mai táng.",
            "Phòng Kinh tế rà soát các hồ sơ tồn đọng đến hôm nay.",
            "Trung tâm Y tế theo dõi số ca mắc trong ngày.",
            "Chuẩn bị tổ chức kỳ họp thứ năm của HĐND huyện.",
            "Tổ chức lần thứ hai hội thi tin học trẻ.",
            "Trong kỳ họp thứ Sáu, các đại biểu thống nhất.",
            "Trong ngày, lực lượng chức năng kiểm tra 20 cơ sở.",
        ] {
            assert_eq!(find(&tokenize(none), m), None, "{none}");
        }
    }

    #[test]
    fn ranges_end_with_their_last_month_or_quarter() {
        let m = d(2025, 7, 1);
        assert_eq!(at("trong tháng 7-8", m), Some(d(2025, 8, 31)));
        assert_eq!(at("tháng 11-12/2025", m), Some(d(2025, 12, 31)));
        assert_eq!(at("quý III-IV", m), Some(d(2025, 12, 31)));
        assert_eq!(at("quý III-IV/2026", m), Some(d(2026, 12, 31)));
        // A two-digit year only after "/": "6/25" is June 2025.
        assert_eq!(at("tháng 6/26", m), Some(d(2026, 6, 30)));
    }

    #[test]
    fn times_from_the_meeting() {
        // Friday 04/12/2026.
        let m = d(2026, 12, 4);
        assert_eq!(at("trong 10 ngày", m), Some(d(2026, 12, 14)));
        assert_eq!(at("trong 02 tuần tới", m), Some(d(2026, 12, 18)));
        assert_eq!(at("trong 3 tháng", m), Some(d(2027, 3, 4)));
        // Working days leave out weekends: Mon 7 … Fri 11.
        assert_eq!(at("trong 5 ngày làm việc", m), Some(d(2026, 12, 11)));
        // Friday 04/12/2026 is the last working day of the meeting's week.
        assert_eq!(at("trong tuần này", m), Some(d(2026, 12, 4)));
        assert_eq!(at("tuần tới", m), Some(d(2026, 12, 11)));
        assert_eq!(at("trước Tết Dương lịch", m), Some(d(2027, 1, 1)));
        assert_eq!(at("trước Tết Dương lịch 2028", m), Some(d(2028, 1, 1)));
        // And public holidays: from 29/12/2026, 01/01/2027 is off.
        assert_eq!(
            at("trong 3 ngày làm việc", d(2026, 12, 29)),
            Some(d(2027, 1, 4))
        );
        // Inside a sentence, after `trong`.
        let tokens = tokenize("Phòng Chuyển đổi số hoàn thành trong 02 tuần tới.");
        assert_eq!(find(&tokens, m), Some(d(2026, 12, 18)));
        // A period of the year is not a time from the meeting.
        assert_eq!(at("6 tháng đầu năm", m), Some(d(2027, 6, 30)));
        // Counted in words.
        assert_eq!(at("trong năm ngày làm việc", m), Some(d(2026, 12, 11)));
        assert_eq!(at("trong hai tuần", m), Some(d(2026, 12, 18)));
        assert_eq!(at("trong năm 2027", m), Some(d(2027, 12, 31)));
        // Nor is a span already lived, or one named by what it belongs to.
        for lived in [
            "Rà soát tình hình thực hiện nhiệm vụ trong 9 tháng của cơ quan, địa phương.",
            "Đánh giá kết quả trong 10 ngày qua.",
            "Tổng kết các việc làm trong 2 tuần vừa qua.",
        ] {
            assert_eq!(find(&tokenize(lived), m), None, "{lived}");
        }
    }

    #[test]
    fn deadlines_introduced_as_offices_write_them() {
        let m = d(2025, 11, 10);
        let found = |s: &str| find(&tokenize(s), m);
        // The occasion a task is for, and the last months of the year.
        let spring = d(2024, 4, 20);
        let at_spring = |s: &str| find(&tokenize(s), spring);
        assert_eq!(
            at_spring("Tăng cường đảm bảo an ninh trật tự dịp 30/4 và 1/5."),
            Some(d(2024, 5, 1))
        );
        assert_eq!(
            at_spring("Bảo vệ rừng, nhất là những tháng cuối năm."),
            Some(d(2024, 12, 31))
        );
        assert_eq!(
            at_spring("Rà soát các nguồn thu trong các tháng cuối năm 2024."),
            Some(d(2024, 12, 31))
        );
        assert_eq!(
            found("báo cáo chậm nhất là ngày 25/11/2025"),
            Some(d(2025, 11, 25))
        );
        assert_eq!(
            found("gửi về Sở không quá ngày 25/11/2025"),
            Some(d(2025, 11, 25))
        );
        assert_eq!(
            found("nộp trước 17 giờ ngày 05/12/2025"),
            Some(d(2025, 12, 5))
        );
        assert_eq!(
            found("nộp trước 17 giờ 30 phút ngày 05/12/2025"),
            Some(d(2025, 12, 5))
        );
        assert_eq!(
            found("nộp trước 16h00 ngày 05/12/2025"),
            Some(d(2025, 12, 5))
        );
        assert_eq!(
            found("hoàn thành trong vòng 07 ngày"),
            Some(d(2025, 11, 17))
        );
        assert_eq!(
            found("trả lời trong thời gian 10 ngày kể từ ngày họp"),
            Some(d(2025, 11, 20))
        );
        assert_eq!(found("hoàn thành trong tuần này"), Some(d(2025, 11, 14)));
        assert_eq!(
            found("để hoàn thành trong hai tháng còn lại"),
            Some(d(2025, 12, 31))
        );
        assert_eq!(
            found("tăng thu ngân sách trong các tháng còn lại năm 2025"),
            Some(d(2025, 12, 31))
        );
        assert_eq!(
            found("thu ngân sách trong những tháng còn lại của năm"),
            Some(d(2025, 12, 31))
        );
        assert_eq!(found("trong các tháng còn lại quý IV"), None);
        assert_eq!(
            found("hoàn tất để đúng ngày 30-7 chuyển về"),
            Some(d(2026, 7, 30))
        );
        assert_eq!(
            found("thực hiện trong tháng 12 và quý I năm 2026"),
            Some(d(2026, 3, 31))
        );
        assert_eq!(
            found("phấn đấu trong 2 tháng cuối năm"),
            Some(d(2025, 12, 31))
        );
        assert_eq!(
            found("tổ chức hội nghị (dự kiến ngày 23/11/2025)"),
            Some(d(2025, 11, 23))
        );
        // A day of every month is no one deadline.
        assert_eq!(found("báo cáo chậm nhất ngày 15 hằng tháng"), None);
    }

    #[test]
    fn a_deadline_is_found_with_the_words_that_introduce_it() {
        let m = d(2026, 6, 2);
        let t = tokenize("Hoàn thiện hồ sơ dự án, xong trước 30/6.");
        let f = found(&t, m).unwrap();
        assert_eq!(f.date, d(2026, 6, 30));
        assert!(t[f.start].is("xong"), "from `xong`: {:?}", t[f.start]);
        assert!(t[f.end..].iter().all(|x| !x.is_wordlike()));
        let t = tokenize("Báo cáo kết quả (thời gian hoàn thành: 15/7).");
        let f = found(&t, m).unwrap();
        assert!(t[f.start].is_punct('('));
    }

    #[test]
    fn unknown_phrases_stay_unresolved() {
        let m = d(2026, 5, 12);
        for p in [
            "",
            "sớm",
            "31/2",
            "tháng 13",
            "quý V",
            "30/6 hoặc sau",
            "đầu tháng 7",
            "abc",
        ] {
            assert_eq!(parse(p, m), None, "{p}");
        }
    }

    #[test]
    fn deadlines_inside_sentences_need_a_deadline_word() {
        let m = d(2020, 5, 29);
        let found = |s: &str| find(&tokenize(s), m);
        assert_eq!(
            found("Hoàn thành dự thảo trước ngày 30/6/2020."),
            Some(d(2020, 6, 30))
        );
        assert_eq!(
            found("Tổ chức hội nghị trong quý III"),
            Some(d(2020, 9, 30))
        );
        assert_eq!(
            found("Báo cáo UBND tỉnh (tháng 7/2020)"),
            Some(d(2020, 7, 31))
        );
        assert_eq!(found("Thời hạn: 15/8/2020"), Some(d(2020, 8, 15)));
        assert_eq!(
            found("Thời gian hoàn thành: quý IV/2020"),
            Some(d(2020, 12, 31))
        );
        assert_eq!(found("thực hiện đến hết tháng 9"), Some(d(2020, 9, 30)));
        assert_eq!(found("từ nay đến cuối năm"), Some(d(2020, 12, 31)));
        assert_eq!(found("Đề án chuyển đổi số đến năm 2025"), None);
        assert_eq!(found("trước ngày 25 hàng tháng"), None);
        assert_eq!(
            found("Xây dựng kế hoạch thông tin đối ngoại năm 2020"),
            None
        );
        assert_eq!(found("nhiệm vụ đã đề ra trong năm 2020"), None);
        assert_eq!(found("Ngày sách Việt Nam năm 2021"), None);
    }

    #[test]
    fn the_period_a_list_head_gives() {
        let m = d(2026, 7, 30);
        let period_of = |s: &str| period(&tokenize(s), m);
        assert_eq!(
            period_of("Nhiệm vụ trọng tâm tháng 8:"),
            Some(d(2026, 8, 31))
        );
        assert_eq!(
            period_of("các việc cần làm trong 06 tháng cuối năm"),
            Some(d(2026, 12, 31))
        );
        assert_eq!(
            period_of("đánh giá công tác tháng 7 và nhiệm vụ tháng 8/2026"),
            Some(d(2026, 8, 31))
        );
        // A month that opens the head ("[đề nghị] tháng 9 các phòng tập trung …").
        assert_eq!(
            period_of("tháng 9/2026 các phòng tập trung thực hiện tốt các nội dung sau"),
            Some(d(2026, 9, 30))
        );
        assert_eq!(period_of("5 nhiệm vụ trọng tâm sau"), None);
        // A month already past is not the period of the tasks.
        assert_eq!(period_of("kết quả công tác tháng 6/2026"), None);
        assert_eq!(period_of("tổng kết chuyên đề"), None);
        // "trong năm" alone is the meeting's year; "trong năm qua" is past.
        assert_eq!(
            find(&tokenize("giải ngân hết vốn trong năm"), m),
            Some(d(2026, 12, 31))
        );
        assert_eq!(find(&tokenize("kết quả trong năm qua"), m), None);
    }

    proptest! {
        /// A phrase without a year never lands before the meeting.
        #[test]
        fn yearless_phrases_are_on_or_after_the_meeting(
            days in 0i64..3650,
            phrase in prop::sample::select(vec![
                "30/6", "1/1", "31/12", "29/2", "tháng 1", "tháng 7", "tháng 12", "quý I",
                "quý IV", "6 tháng đầu năm", "6 tháng cuối năm", "cuối tháng", "cuối năm",
                "cuối quý", "ngày 15 tháng 3", "tháng này", "tháng tới", "quý này", "quý sau",
                "năm nay",
            ]),
        ) {
            let meeting = d(2020, 1, 1) + chrono::Duration::days(days);
            let found = at(phrase, meeting);
            prop_assert!(found.is_some_and(|f| f >= meeting), "{phrase} on {meeting} gave {found:?}");
        }
    }
}
