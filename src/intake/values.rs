//! A tracker's cells read as values: dates (date cells, Excel serial numbers, `dd/mm/yyyy`,
//! `d/m/yy`, `ngày 10 tháng 3 năm 2025`, deadline phrases), the status its progress and notes
//! say ("đã hoàn thành ngày 28/03/2025", "đang thực hiện", "80%"), its source (a document
//! number or a meeting), and a cell's list of units.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::sheet::Cell;
use crate::deadline::{self, Deadline};
use crate::directive::Priority;
use crate::token::{Kind, Token, tokenize};

/// Excel's day zero (serial 1 is 01/01/1900; the serials used for dates since 1 March 1900
/// count from 30/12/1899, Excel's leap-year slip of 1900 included).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date")
}

/// The years a tracker's date may fall in: another is a slip of the keyboard ("30/6/1925",
/// "31/12/2125"), not a day to take in another year.
const PLAUSIBLE: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A date cell: a date, an Excel serial of the years 1955–2149, or a date as text.
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    let plausible = |d: NaiveDate| PLAUSIBLE.contains(&d.year());
    match cell {
        Cell::Empty => Ok(None),
        // A date cell holding 0 or a negative number shows 1899-12-31: no date anyone typed.
        Cell::Date(d) if !plausible(*d) => Err(crate::date::format(*d)),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) if (20_000.0..91_000.0).contains(n) => Ok(Some(
            excel_epoch() + chrono::Duration::days(n.trunc() as i64),
        )),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        // A serial saved as text ("45838", a CSV from a date column): read as the number.
        Cell::Text(t) if t.trim().len() == 5 && t.trim().bytes().all(|b| b.is_ascii_digit()) => {
            date(&Cell::Number(t.trim().parse().unwrap_or(0.0))).map_err(|_| t.clone())
        }
        Cell::Text(t) => text_date(t)
            .filter(|d| plausible(*d))
            .map(Some)
            .ok_or_else(|| t.clone()),
        other => Err(other.text()),
    }
}

/// A date written in full as text: `15/03/2025`, `15-3-2025`, `15.3.25`, `2025-03-15`,
/// `ngày 15 tháng 3 năm 2025`.
pub fn text_date(text: &str) -> Option<NaiveDate> {
    let bare = without_weekday_and_time(text);
    let s = bare.trim();
    if let Ok(d) = crate::date::parse(s, crate::error::Field::Date) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 2
    {
        let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse::<i32>().ok()?);
        // "1/2/99" is 1999: a two-digit year past the next twenty is of the last century.
        let next = (crate::date::today().year() + 20) % 100;
        let century = if y > next { 1900 } else { 2000 };
        return NaiveDate::from_ymd_opt(century + y, m, d);
    }
    let tokens = tokenize(s);
    let start = tokens.iter().position(|t| t.number().is_some())?;
    let found = deadline::stated_date(&tokens, start)?;
    // The whole text is the date, save a leading "ngày".
    let rest = tokens[..start].iter().all(|t| t.is("ngay"));
    rest.then_some(found)
}

/// A date's words without the weekday before it ("Thứ Hai 26/1/2026", "Chủ nhật, 1/2") or
/// the time after it ("2026-02-11 10:15:33", "30/06/2025 17:00"), as e-office systems and
/// hand-typed sheets write them.
fn without_weekday_and_time(text: &str) -> Cow<'_, str> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let is_time = |w: &str| {
        let parts: Vec<&str> = w.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let before = words.len();
    if words.len() > 1 && words.last().is_some_and(|w| is_time(w)) {
        words.pop();
    }
    let fold = |w: &str| {
        crate::text::fold(w)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let weekday = match words.as_slice() {
        [t, d, ..]
            if fold(t) == "thu"
                && ["hai", "ba", "tu", "nam", "sau", "bay"].contains(&fold(d).as_str()) =>
        {
            2
        }
        [c, n, ..] if fold(c) == "chu" && fold(n) == "nhat" => 2,
        _ => 0,
    };
    if weekday > 0 && words.len() > weekday {
        words.drain(..weekday);
    }
    if words.len() == before {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(words.join(" "))
    }
}

/// The day and month of a date typed as numbers (`25/3/2025`, `3-25-25`), with its
/// separator and year, in the order typed.
fn numeric_date(text: &str) -> Option<(u32, u32, char, &str)> {
    let s = text.trim();
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())
    };
    if !(digits(a, 1..=2) && digits(b, 1..=2) && (y.len() == 2 || y.len() == 4) && digits(y, 2..=4))
    {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, sep, y))
}

/// Whether dates typed as numbers are month first (`03/25/2025`, as a file made on a
/// computer set to US English has them): none can only be read day first (a first number
/// past 12), and many can only be read month first (a second number past 12: about six
/// dates in ten of a month-first sheet are; at least three in ten are asked). One such date
/// among dates that read either way is a date typed wrong, told on its row, not a sheet
/// typed month first.
pub fn month_first<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut all, mut day_first, mut month_first) = (0usize, 0usize, 0usize);
    for (a, b, _, _) in texts.into_iter().filter_map(numeric_date) {
        all += 1;
        day_first += usize::from(a > 12);
        month_first += usize::from(b > 12 && a <= 12);
    }
    day_first == 0 && month_first > 0 && month_first * 10 >= all * 3
}

/// A month-first date typed as numbers, written day first (`03/25/2025` → `25/03/2025`).
pub fn day_first(text: &str) -> Option<String> {
    let (month, day, sep, year) = numeric_date(text)?;
    Some(format!("{day:02}{sep}{month:02}{sep}{year}"))
}

/// A text whose month-first dates written as numbers are written day first ("hoàn thành
/// ngày 03/28/2025" → "hoàn thành ngày 28/03/2025"); other words as they are.
pub fn days_first_in(text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .map(|part| {
            let word = part.trim_end();
            let bare = word.trim_end_matches([',', '.', ';', ')']);
            match day_first(bare) {
                Some(swapped) => part.replacen(bare, &swapped, 1),
                None => part.to_string(),
            }
        })
        .collect()
}

/// The first full date stated anywhere in a text (`… hoàn thành ngày 28/03/2025`).
pub fn date_in(text: &str) -> Option<NaiveDate> {
    let tokens = tokenize(text);
    (0..tokens.len()).find_map(|i| deadline::stated_date(&tokens, i))
}

/// The day a text says a task was done: the date right after its done words ("hoàn thành
/// ngày 10/10/2024", "HT: 10/10/2024"), else the one right before them ("10/10/2024: đã
/// hoàn thành", "Ngày 10/10/2024 đã hoàn thành", "… ban hành ngày 10/10/2024"); none
/// when its dates are other steps'.
pub fn done_day(text: &str) -> Option<NaiveDate> {
    let t = tokenize(text);
    let done_at: Vec<usize> = (0..t.len())
        .filter(|&i| {
            (t[i].is("hoan") && t.get(i + 1).is_some_and(|x| x.is("thanh") || x.is("tat")))
                || (t[i].is("ban") && t.get(i + 1).is_some_and(|x| x.is("hanh")))
                || t[i].is("ht")
                || t[i].is("xong")
        })
        .collect();
    let skip = |x: &Token| {
        x.is("ngay")
            || x.is("vao")
            || x.is("thanh")
            || x.is("tat")
            || x.is("hanh")
            || matches!(x.kind, Kind::Punct(':' | '(' | '-' | '–'))
    };
    // Words of another step between: the date is that step's ("Hoàn thành (giao tại TB 29
    // ngày 2/3/2024)"); not the document done ("ban hành QĐ 55/QĐ-UBND ngày 20/9/2024").
    let another_step = |x: &Token| {
        ["giao", "nhan", "trinh", "tai", "theo", "hop"]
            .iter()
            .any(|w| x.is(w))
    };
    // (A few words of how or what was done may come between: "Hoàn thành muộn ngày 15/9",
    // "Hoàn thành đúng hạn ngày 5/10", "Hoàn thành toàn bộ nhiệm vụ ngày 10/10"; not past
    // the clause.)
    for &i in done_at.iter().rev() {
        let mut j = i + 1;
        let mut words = 0;
        while j < t.len() && deadline::stated_date(&t, j).is_none() {
            // (", ngày 20/9/2024" goes on with the same clause.)
            let dated_next = t.get(j + 1).is_some_and(|x| x.is("ngay"))
                && deadline::stated_date(&t, j + 2).is_some();
            let clause_ends = matches!(t[j].kind, Kind::Punct(';' | '.' | ',' | ')'))
                && !(t[j].is_punct(',') && dated_next);
            // (Words only; a document's number whole, "QĐ 55/QĐ-UBND" one word.)
            let of_a_number =
                matches!(t[j - 1].kind, Kind::Punct('/' | '-')) && t[j - 1].end == t[j].start;
            if clause_ends
                || another_step(&t[j])
                || (t[j].kind == Kind::Word && !skip(&t[j]) && !of_a_number && {
                    words += 1;
                    words > 6
                })
            {
                break;
            }
            j += 1;
        }
        if let Some(d) = deadline::stated_date(&t, j) {
            return Some(d);
        }
    }
    for &i in &done_at {
        // The last date before it in its clause (no full stop or semicolon between).
        let from = t[..i]
            .iter()
            .rposition(|x| matches!(x.kind, Kind::Punct('.' | ';')))
            .map_or(0, |p| p + 1);
        if let Some(d) = (from..i).rev().find_map(|k| deadline::stated_date(&t, k)) {
            return Some(d);
        }
    }
    // None else: a date of another step is no day done ("Đã trình ngày 15/8/2024. Đã hoàn
    // thành", "Hoàn thành (giao tại TB 29 ngày 2/3/2024)"); words of no done word ("Đã xử
    // lý ngày 20/10/2025") are done on their date.
    done_at.is_empty().then(|| date_in(text)).flatten()
}

/// Whether a "chưa" says part of the task not done ("chưa ban hành kế hoạch", "chưa triển
/// khai", "chưa đạt chỉ tiêu"), not what follows it ("chưa báo cáo", "chưa quyết toán",
/// "chưa có vướng mắc", "chưa nhận được ý kiến", "chưa bị chậm"), in `f` (see `padded`).
fn not_yet_of_the_task(f: &str) -> bool {
    const BESIDE: &[&str] = &[
        "bao cao",
        "gui bao cao",
        "nop bao cao",
        "quyet toan",
        "thanh toan",
        "giai ngan",
        "co vuong mac",
        "phat sinh",
        "nhan duoc",
        "co phan hoi",
        "bi cham",
        "co gi",
        "qua han",
        "tre han",
        "cham",
    ];
    f.match_indices(" chua ").any(|(at, w)| {
        let rest = &f[at + w.len()..];
        !BESIDE.iter().any(|b| rest.starts_with(&format!("{b} ")))
    })
}

/// Whether the last part of a text that says a state opens with done words after its date
/// ("Ngày 10/10/2024 hoàn thành", "Trình 15/8/2024; HT 10/10/2024", "- 10/10/2024: hoàn
/// thành"), nothing under way or not yet said anywhere ("Đợt 1 hoàn thành …; đợt 2 đang …").
fn log_says_done(text: &str) -> bool {
    let f = padded(text);
    if [" dang ", " chua ", " se ", " du kien "]
        .iter()
        .any(|w| f.contains(w))
    {
        return false;
    }
    let opens_done = |part: &str| {
        let words = crate::text::words(part);
        let mut k = 0;
        while k < words.len()
            && (words[k] == "ngay"
                || words[k] == "den"
                || words[k].chars().all(|c| c.is_ascii_digit()))
        {
            k += 1;
        }
        let rest = &words[k..];
        matches!(rest, [a, b, ..] if a == "hoan" && b == "thanh")
            || matches!(rest, [a, ..] if a == "ht" || a == "xong")
            || matches!(rest, [d, a, b, ..] if d == "da" && a == "hoan" && b == "thanh")
            || matches!(rest, [d, a, ..] if d == "da" && (a == "ht" || a == "xong"))
    };
    text.split(['\n', ';'])
        .flat_map(|p| p.split(". "))
        .filter(|p| !crate::text::words(p).is_empty())
        .last()
        .is_some_and(opens_done)
}

/// A day and month with no year (`hoàn thành ngày 28/3`), taken in the year of `after` or,
/// when that falls before it, the next.
pub fn day_month_in(text: &str, after: NaiveDate) -> Option<NaiveDate> {
    let t = tokenize(text);
    (0..t.len()).find_map(|i| {
        let (day, month) = (t.get(i)?.number()?, t.get(i + 2)?.number()?);
        let slash = t.get(i + 1)?.is_punct('/');
        let year_follows = t.get(i + 3).is_some_and(|x| x.is_punct('/'));
        // "Đã tập huấn 12/12 xã", "đã ký 2/2 hợp đồng": a count of items, not a day.
        if !slash || year_follows || count_at(&t, i) {
            return None;
        }
        let on = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
        let d = on(after.year())?;
        if d >= after {
            Some(d)
        } else {
            on(after.year() + 1)
        }
    })
}

/// The end of a period the words name ("trong tháng 4/2025", "Quý I/2025"), read as a
/// deadline's period is, from `base`.
pub fn period_end_in(text: &str, base: NaiveDate) -> Option<NaiveDate> {
    let t = tokenize(text);
    let at = t.iter().position(|x| x.is("thang") || x.is("quy"))?;
    deadline::period(&t[at..], base)
}

/// Whether the words say the work was done late ("hoàn thành quá hạn", "chậm 3 ngày",
/// "trễ hạn", "chưa đúng hạn"), for a completion whose day is not written.
pub fn says_late(text: &str) -> bool {
    let f = padded(text);
    const LATE: &[&str] = &[
        "qua han",
        "cham",
        "tre han",
        "tre",
        "chua dung han",
        "khong dung han",
        "chua dung thoi han",
        "khong dung thoi han",
        "vuot thoi han",
        "muon",
        "qua thoi han",
        "sau han",
        "sau thoi han",
        "khong kip",
        "chua kip",
    ];
    // (Not denied by "không" or "chưa" among the four words before it: "Hoàn thành đúng
    // hạn, không chậm", "không quá hạn", "không chậm trễ", "không có gì chậm trễ", "chưa có
    // gì chậm".)
    // (A late phrase that is itself a denial, "chưa đúng hạn", is late as said.)
    LATE.iter()
        .any(|w| match w.starts_with("khong") || w.starts_with("chua") {
            true => f.contains(&format!(" {w} ")),
            false => undenied(&f, w, 4).next().is_some(),
        })
}

/// Whether the words say the work was done in time ("hoàn thành đúng hạn", "đúng thời
/// hạn"), not denied ("không đúng hạn", "chưa đúng hạn").
pub fn says_on_time(text: &str) -> bool {
    let f = padded(text);
    [
        "dung han",
        "dung thoi han",
        "dung tien do",
        "kip thoi",
        "truoc han",
        "truoc thoi han",
    ]
    .iter()
    .any(|w| undenied(&f, w, 1).next().is_some())
}

/// The places of a phrase in `f` (see `padded`) that no "không" or "chưa" among the
/// `window` words before it denies.
fn undenied<'f>(f: &'f str, phrase: &str, window: usize) -> impl Iterator<Item = usize> + 'f {
    let at = f
        .match_indices(&format!(" {phrase} "))
        .map(|(at, _)| at)
        .collect::<Vec<_>>();
    at.into_iter().filter(move |&at| {
        !f[..at]
            .split(' ')
            .rev()
            .take(window)
            .any(|w| w == "khong" || w == "chua")
    })
}

/// What a deadline cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// A date.
    On(NaiveDate),
    /// No deadline (blank, "thường xuyên", "không thời hạn").
    Open,
}

/// A deadline cell: a date, or a phrase read relative to the date given (`tháng 6/2025`,
/// `quý III/2025`, `30/6`, `thường xuyên`).
pub fn due(cell: &Cell, given: Option<NaiveDate>) -> Result<Due, String> {
    // Dates among words, one marked as the deadline ("Ngày 2/3/2026 giao; hạn 30/6/2026",
    // "Hạn 30/6/2026 theo TB ngày 2/3/2026") or the one not the day given: that one; the
    // day given alone is no deadline, told.
    // (Words only: a date alone has none to weigh.)
    if let Cell::Text(t) = cell
        && t.chars().any(char::is_alphabetic)
    {
        if let Some(d) = marked_due(t) {
            return Ok(Due::On(d));
        }
        if only_the_day_given(t) || given.is_some_and(|g| the_day_given_named(t, g)) {
            return Err(t.clone());
        }
    }
    // "Trước 31/12/2025 (theo KH 12)": a note in brackets with no day of its own, after the
    // deadline, is no part of it.
    if let Cell::Text(t) = cell
        && let Some((before, note)) = t
            .trim_end()
            .strip_suffix(')')
            .and_then(|o| o.rsplit_once('('))
        && !before.trim().is_empty()
        && (!looks_like_a_day(note) || says_the_day_given(note))
        && looks_like_a_day(before)
    {
        return due(&Cell::Text(before.trim().to_string()), given);
    }
    // A year no date has ("31/12/20255", "30/6/3025", "31/12/202"): a mistake to correct,
    // not a day and month taken in another year.
    if let Cell::Text(t) = cell
        && impossible_year(t)
    {
        return Err(t.clone());
    }
    // A range of dates ("15/07/2025 - 30/07/2025", "từ 15/7/2025 đến 30/7/2025"): due by
    // its last.
    if let Cell::Text(t) = cell
        && let Some(d) = range_end(t)
    {
        return Ok(Due::On(d));
    }
    // Dates listed for the stages of one task ("30/6/2025; 31/12/2025"): due by the last,
    // told by the caller (see `dates_listed`).
    if let Cell::Text(t) = cell
        && let Some(&last) = dates_listed(t).iter().max()
    {
        return Ok(Due::On(last));
    }
    if let Ok(Some(d)) = date(cell) {
        return Ok(Due::On(d));
    }
    let Cell::Text(t) = cell else {
        return match cell {
            Cell::Empty => Ok(Due::Open),
            other => Err(other.text()),
        };
    };
    let base = given.unwrap_or_else(crate::date::today);
    if let Some(d) = month_year(t) {
        return Ok(Due::On(d));
    }
    // "Không quá 30/6/2026", "Muộn nhất 30/6/2026", "Trước 17h00 ngày 30/6/2026", "Trước
    // 31/12/2026; báo cáo hằng tháng": one date with its year among words; due then.
    if let Some((d, _)) = one_dated_day(t) {
        return Ok(Due::On(d));
    }
    // A task done again and again ("hàng tháng", "trước ngày 20 hằng tháng", "định kỳ") has
    // no one deadline, as "thường xuyên".
    let f = padded(t);
    let recurring = [
        "hang ngay",
        "hang tuan",
        "hang thang",
        "hang quy",
        "hang nam",
        "dinh ky",
    ];
    if recurring.iter().any(|w| crate::text::holds_phrase(&f, w)) {
        return Ok(Due::Open);
    }
    match deadline::parse(t, base) {
        Some(Deadline::On(d)) => Ok(Due::On(d)),
        Some(Deadline::Open) => Ok(Due::Open),
        // A period said whole ("6 tháng đầu năm 2025", "cuối quý III"): by its end.
        None => period_whole(t, base).map(Due::On).ok_or_else(|| t.clone()),
    }
}

/// The one date with its year a deadline's words hold, and the words after it ("Trước
/// 30/6/2026, gửi Sở TC": "gửi Sở TC"; none for a day of the week, "30/6/2026 (thứ Ba)");
/// none when they hold another date, or say after or from it ("Sau 30/6/2026", "Từ
/// 30/6/2026").
pub fn one_dated_day(text: &str) -> Option<(NaiveDate, Option<String>)> {
    let t = tokenize(text);
    let mut found = None;
    for i in 0..t.len() {
        if let Some((d, end)) = deadline::stated_date_to(&t, i) {
            match found {
                Some((other, _, _)) if other != d => return None,
                Some(_) => {}
                None => found = Some((d, i, end)),
            }
        }
    }
    let (d, at, end) = found?;
    let before: Vec<&Token> = t[..at].iter().filter(|x| x.kind == Kind::Word).collect();
    if before.iter().any(|x| x.is("sau") || x.is("tu")) && !before.iter().any(|x| x.is("den")) {
        return None;
    }
    // Not a document's date ("Theo Công văn 456/STTTT-VP ngày 12/4/2026", "KH 12 ngày …"),
    // nor the day it was given or received ("Ngày 2/3/2026 giao", "Đã nhận 5/3/2026").
    // ("giao ban", the briefing, is no giving: "Trước giao ban 9/3/2026".)
    let gives = before
        .iter()
        .enumerate()
        .any(|(n, x)| x.is("giao") && !before.get(n + 1).is_some_and(|y| y.is("ban")));
    let of_a_document = gives
        || before.iter().any(|x| {
            ["theo", "cv", "kh", "tb", "qd", "nhan"]
                .iter()
                .any(|w| x.is(w))
        })
        || before.windows(2).any(|p| {
            [
                ["cong", "van"],
                ["ke", "hoach"],
                ["quyet", "dinh"],
                ["thong", "bao"],
                ["van", "ban"],
            ]
            .iter()
            .any(|[a, b]| p[0].is(a) && p[1].is(b))
        })
        || t[end..]
            .iter()
            .take(3)
            .any(|x| x.is("giao") || x.is("nhan"));
    if of_a_document {
        return None;
    }
    // Words of a task before it ("Trình dự thảo trước 30/4/2025"): the whole text told.
    let task_words = before.iter().any(|x| {
        !DUE_WORDS.contains(&x.fold.as_str())
            && !x.fold.chars().all(|c| c.is_ascii_digit() || c == 'h')
    });
    if task_words {
        return Some((d, Some(text.trim().to_string())));
    }
    let rest = t.get(end).map_or("", |x| &text[x.start..]);
    let rest = rest
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let weekday = {
        let f = crate::text::plain(&rest);
        f.starts_with("thu ") && f.split(' ').count() == 2 || f == "chu nhat"
    };
    Some((d, (!rest.is_empty() && !weekday).then_some(rest)))
}

/// Of two dates or more a deadline's words hold, the one "hạn" or "trước" marks (its words
/// right before it, "ngày" aside): "Giao ngày 2/3/2026; thời hạn 30/6/2026", "Đã nhận
/// 5/3/2026, trước 30/6/2026"; none when no one date alone is so marked.
fn marked_due(text: &str) -> Option<NaiveDate> {
    let t = tokenize(text);
    let mut dates = Vec::new();
    let mut marked = Vec::new();
    // Of those marked, the ones "hạn" marks, and whether each is in brackets.
    let mut by_han = Vec::new();
    let mut bracketed = Vec::new();
    let mut marked_at: Vec<(NaiveDate, bool)> = Vec::new();
    let mut given = Vec::new();
    for i in 0..t.len() {
        let Some((d, end)) = deadline::stated_date_to(&t, i) else {
            continue;
        };
        if i > 0 && t[i - 1].kind == Kind::Number {
            continue;
        }
        if given_at(&t, i, end) {
            given.push(d);
            continue;
        }
        dates.push(d);
        let mut k = i;
        while k > 0 && (t[k - 1].is("ngay") || t[k - 1].kind == Kind::Punct(':')) {
            k -= 1;
        }
        if k > 0 && (t[k - 1].is("han") || t[k - 1].is("truoc") || t[k - 1].is("chot")) {
            marked.push(d);
            if t[k - 1].is("han") {
                by_han.push(d);
            }
            let open = t[..i].iter().filter(|x| x.kind == Kind::Punct('(')).count();
            let closed = t[..i].iter().filter(|x| x.kind == Kind::Punct(')')).count();
            bracketed.push(open > closed);
            marked_at.push((d, open > closed));
        }
    }
    dates.dedup();
    marked.dedup();
    by_han.dedup();
    // "30/6/2026 (báo cáo trước 15/6/2026)": the date the cell opens with is its deadline,
    // a step marked in brackets after it is not; "Trước 30/6/2026 (báo cáo sơ bộ trước
    // 31/5/2026)": the one marked outside brackets.
    if marked.len() == 1 && bracketed.iter().all(|b| *b) && dates.first() != marked.first() {
        return None;
    }
    let outside: Vec<NaiveDate> = (marked_at.iter())
        .filter(|(_, inside)| !inside)
        .map(|(d, _)| *d)
        .collect();
    if marked.len() > 1 && outside.len() == 1 {
        return Some(outside[0]);
    }
    match (dates.len(), marked.len(), given.is_empty()) {
        (2.., 1, _) => Some(marked[0]),
        // "Đã trình trước 15/6/2026; hạn 30/6/2026": "hạn" says the deadline.
        (2.., 2.., _) if by_han.len() == 1 => Some(by_han[0]),
        (1, _, false) => Some(dates[0]),
        _ => None,
    }
}

/// Whether a note says the day a task was given, received or met on, or what it follows
/// ("giao 2/3", "ngày giao 2/3", "đã giao tại TB 77 ngày 2/3/2026", "theo KL giao ban ngày
/// 2/3/2026", "họp ngày 2/3/2026"): a note beside a deadline, none of it.
fn says_the_day_given(note: &str) -> bool {
    let t = tokenize(note);
    let words: Vec<&Token> = t.iter().filter(|x| x.kind == Kind::Word).collect();
    let skip = words
        .iter()
        .take_while(|x| x.is("ngay") || x.is("da") || x.is("duoc"))
        .count();
    let briefing = words.windows(2).any(|p| p[0].is("giao") && p[1].is("ban"));
    briefing
        || words
            .get(skip)
            .is_some_and(|x| ["giao", "nhan", "hop", "theo"].iter().any(|w| x.is(w)))
}

/// Whether a deadline cell says only the day a task was given ("02/03/2026 giao", "2/3/2026
/// (ngày giao)"): no deadline.
fn only_the_day_given(text: &str) -> bool {
    let t = tokenize(text);
    let dates: Vec<(usize, usize)> = (dates_alone(&t).into_iter())
        .map(|(i, _, end)| (i, end))
        .collect();
    // (Nor a day and month without its year besides: "30/6 (giao 2/3/2026)".)
    let other_day =
        |i: usize, end: usize| (0..t.len()).any(|m| (m < i || m >= end) && day_month_at(&t, m));
    matches!(dates.as_slice(), [(i, end)] if given_at(&t, *i, *end) && !other_day(*i, *end))
}

/// Whether a deadline cell's one date is the row's day given and its words say so: the task
/// given, received or met on, or a document ("2/3/2026 (giao tại TB 77)", "2/3/2026 (TB
/// 77)"): no deadline.
fn the_day_given_named(text: &str, given: NaiveDate) -> bool {
    let t = tokenize(text);
    let dates: Vec<NaiveDate> = dates_alone(&t).into_iter().map(|(_, d, _)| d).collect();
    const SAY: &[&str] = &["giao", "nhan", "hop", "tb", "kl", "cv", "qd", "kh", "so"];
    // (Not beside a day and month of its own: "30/6 (giao 2/3/2026)".)
    let days = (0..t.len()).filter(|&j| day_month_at(&t, j)).count();
    dates == [given] && days == 1 && t.iter().any(|x| SAY.iter().any(|w| x.is(w)))
}

/// The full dates of tokens `t` (see [`full_dates`]) not after a number (not "12 ngày
/// 2/3/2026"'s).
fn dates_alone(t: &[Token]) -> Vec<(usize, NaiveDate, usize)> {
    (full_dates(t).into_iter())
        .filter(|&(i, _, _)| i == 0 || t[i - 1].kind != Kind::Number)
        .collect()
}

/// Whether a day and month start at token `j` ("2/3", "30/6/2026"'s first two).
fn day_month_at(t: &[Token], j: usize) -> bool {
    t[j].number().is_some()
        && (j == 0 || !matches!(t[j - 1].kind, Kind::Punct('/' | '-' | '.')))
        && t.get(j + 1)
            .is_some_and(|x| matches!(x.kind, Kind::Punct('/' | '-' | '.')) && x.start == t[j].end)
        && t.get(j + 2)
            .is_some_and(|x| x.number().is_some() && x.start == t[j + 1].end)
}

/// Whether the date at tokens `i..end` is the day a task was given, received or met on:
/// "giao", "nhận", "họp" or "giao ban" just before it ("giao ngày 2/3/2026", "Giao: 2/3/2026",
/// "giao ban ngày 2/3/2026"), or just after it with no date of its own in its clause
/// ("2/3/2026 giao", "2/3/2026 (ngày giao)", "2/3/2026 (nhận)"; not "30/6/2026 (giao ngày
/// 2/3/2026)", "30/6/2026 (giao 2/3)" nor "30/6/2026 (theo KL giao ban ngày 2/3/2026)",
/// where the words are the next date's).
fn given_at(t: &[Token], i: usize, end: usize) -> bool {
    // ("họp" alone is a meeting's day, a deadline as well: see `the_day_given_named`.)
    const SAY: &[&str] = &["giao", "nhan"];
    let says = |x: &Token| SAY.iter().any(|w| x.is(w));
    let mut k = i;
    while k > 0 && (t[k - 1].is("ngay") || matches!(t[k - 1].kind, Kind::Punct(':' | '('))) {
        k -= 1;
    }
    // "giao ban ngày 2/3/2026": the briefing that gave it; not one to report at or be done
    // by ("Trước giao ban 9/3", "Báo cáo tại giao ban ngày 9/3", "Tại giao ban ngày 9/3").
    let briefing = k > 1 && t[k - 2].is("giao") && t[k - 1].is("ban") && {
        let by = ["truoc", "bao", "trinh", "den", "toi", "tai", "vao", "trong"];
        !t[k.saturating_sub(5)..k - 2]
            .iter()
            .any(|x| by.iter().any(|w| x.is(w)))
    };
    let before = k > 0 && (says(&t[k - 1]) || briefing);
    // Right after it, "ngày", a bracket, a colon or a dash aside.
    let mut j = end;
    while j < t.len()
        && (t[j].is("ngay")
            || t[j].is("tai")
            || matches!(t[j].kind, Kind::Punct(':' | '(' | '-' | '–')))
    {
        j += 1;
    }
    let after = t.get(j).is_some_and(says) && {
        // (A day and month with no year is a date of its own too.)
        let dated = |j: usize| deadline::stated_date(t, j).is_some() || day_month_at(t, j);
        let clause = t[j + 1..]
            .iter()
            .position(|x| matches!(x.kind, Kind::Punct(';' | ')' | ',')))
            .map_or(t.len(), |p| j + 1 + p);
        // (Words of their own after it say how it was given: "giao tại TB 77".)
        let more = (j + 1..clause).any(|m| {
            t[m].kind == Kind::Word && !["ban", "nhiem", "vu", "viec"].iter().any(|w| t[m].is(w))
        });
        !more && !(j + 1..clause).any(dated)
    };
    before || after
}

/// Words that say when a deadline falls, before its date ("không quá", "muộn nhất",
/// "trước 17h00 ngày", "sáng", "thời hạn").
const DUE_WORDS: &[&str] = &[
    "truoc", "ngay", "han", "chot", "khong", "qua", "cham", "muon", "nhat", "toi", "den", "sang",
    "chieu", "trua", "gio", "phut", "thoi", "trong", "la", "vao", "nay", "tu", "hoan", "thanh",
    "xong", "thu", "chu", "nhat",
];

/// A period a cell says and nothing else ("6 tháng đầu năm 2025"): its last day.
fn period_whole(text: &str, base: NaiveDate) -> Option<NaiveDate> {
    let t: Vec<Token> = tokenize(text)
        .into_iter()
        .filter(|x| !matches!(x.kind, Kind::Punct('.' | ',')))
        .collect();
    let only_period = t.iter().all(|x| {
        x.kind == Kind::Number
            || matches!(x.kind, Kind::Punct('/' | '-'))
            || [
                "thang", "dau", "cuoi", "nam", "quy", "i", "ii", "iii", "iv", "trong", "truoc",
            ]
            .iter()
            .any(|w| x.is(w))
    });
    only_period.then(|| deadline::period(&t, base)).flatten()
}

/// Whether `text` writes a date as numbers whose year no tracker means: neither two digits
/// nor four in [`PLAUSIBLE`].
pub fn impossible_year(text: &str) -> bool {
    let t = tokenize(text);
    (0..t.len()).any(|i| {
        let sep = |k: usize| {
            t.get(k)
                .is_some_and(|x| matches!(x.kind, Kind::Punct('/' | '-' | '.')))
        };
        // Written as one word, one mark between its numbers ("31/12/20255", not "15 - 30/7").
        let joined = (i..i + 4).all(|k| match (t.get(k), t.get(k + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        });
        let date = t[i].number().is_some()
            && sep(i + 1)
            && t.get(i + 2).and_then(Token::number).is_some()
            && sep(i + 3)
            && t.get(i + 4).is_some_and(|y| y.kind == Kind::Number)
            && joined
            && t[i + 1].fold == t[i + 3].fold;
        // Not the middle of a longer run ("1.2.3.4.2025").
        let alone = i == 0 || !sep(i - 1);
        date && alone && {
            let y = &t[i + 4].fold;
            !(y.len() == 2 || (y.len() == 4 && y.parse().is_ok_and(|y| PLAUSIBLE.contains(&y))))
        }
    })
}

/// Whether a deadline's words say its year: a year of four digits, or a date typed as
/// numbers with one ("30/6/25").
pub fn says_year(text: &str) -> bool {
    numeric_date(text).is_some()
        || tokenize(text).iter().any(|t| {
            t.kind == Kind::Number
                && t.fold.len() == 4
                && ("1900".."2200").contains(&t.fold.as_str())
        })
}

/// Full dates stated in `t`: (where each starts, the date, where it ends).
fn full_dates(t: &[Token]) -> Vec<(usize, NaiveDate, usize)> {
    (0..t.len())
        .filter_map(|i| {
            let (d, end) = deadline::stated_date_to(t, i)?;
            Some((i, d, end))
        })
        .collect()
}

/// The last of two dates a cell joins as a range ("15/07/2025 - 30/07/2025", "từ
/// 15/7/2025 đến 30/7/2025", "15/07 - 30/07/2025": the first in the last one's year), when
/// it says nothing else.
fn range_end(text: &str) -> Option<NaiveDate> {
    let t = tokenize(text);
    let dates = full_dates(&t);
    let (first, a, a_end, b, last, b_end) = match dates[..] {
        [(a, first, a_end), (b, last, b_end)] => (first, a, a_end, b, last, b_end),
        // A day alone, then the joiner and a full date ("15 - 30/7/2025"): of its month.
        [(b, last, b_end)]
            if b >= 2
                && t[b - 2].number().is_some()
                && (b < 3 || !matches!(t[b - 3].kind, Kind::Punct('/' | '-' | '.'))) =>
        {
            let first = NaiveDate::from_ymd_opt(last.year(), last.month(), t[b - 2].number()?)?;
            (first, b - 2, b - 1, b, last, b_end)
        }
        // A day and month, then the joiner and a full date.
        [(b, last, b_end)] if b >= 4 => {
            let a = b - 4;
            let (day, month) = (t[a].number()?, t[a + 2].number()?);
            if !t[a + 1].is_punct('/') {
                return None;
            }
            // Across a new year ("30/12 - 15/01/2026"), of the year before.
            let first = NaiveDate::from_ymd_opt(last.year(), month, day)?;
            let first = if first > last {
                NaiveDate::from_ymd_opt(last.year() - 1, month, day)?
            } else {
                first
            };
            (first, a, a + 3, b, last, b_end)
        }
        _ => return None,
    };
    let between = t.get(a_end..b)?;
    let joined = matches!(between, [x] if matches!(x.kind, Kind::Punct('-' | '–' | '—')))
        || matches!(between, [x] if x.is("den") || x.is("toi"));
    let rest_said = t[..a]
        .iter()
        .any(|x| x.is_wordlike() && !x.is("tu") && !x.is("ngay"))
        || t[b_end..].iter().any(Token::is_wordlike);
    (joined && !rest_said && last >= first).then_some(last)
}

/// The full dates of a cell that lists two or more and says nothing else ("30/6/2025;
/// 31/12/2025", "30/6/2025 và 31/12/2025"): the stages of one task. Empty otherwise.
pub fn dates_listed(text: &str) -> Vec<NaiveDate> {
    let t = tokenize(text);
    let dates = full_dates(&t);
    let mut end = 0;
    for (at, _, to) in &dates {
        // Between two dates (and before the first) only separators.
        let gap_ok = t[end..*at].iter().all(|x| {
            matches!(x.kind, Kind::Punct(';' | ',' | '+') | Kind::Break)
                || x.is("va")
                || (end == 0 && x.is("ngay"))
        });
        if !gap_ok {
            return Vec::new();
        }
        end = *to;
    }
    let tail_ok = t[end..]
        .iter()
        .all(|x| matches!(x.kind, Kind::Punct(';' | ',' | '.') | Kind::Break));
    if dates.len() < 2 || !tail_ok {
        return Vec::new();
    }
    dates.into_iter().map(|(_, d, _)| d).collect()
}

/// An extension a cell records: the words of its date, and the grounds it cites ("theo Văn
/// bản số 123/UBND-VX"), when it cites any.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtensionSaid {
    /// The new deadline's words ("đến 30/9/2025", "2 tháng"), or a request's words whole.
    pub words: Cell,
    /// What the extension was granted by.
    pub grounds: Option<String>,
    /// Asked for, not granted ("xin gia hạn đến …", "30/6/2025 (đề xuất)").
    pub asked: bool,
}

/// Words that ask for an extension or say it is not granted: a request, not an extension.
const ASKED: &[&[&str]] = &[
    &["xin"],
    &["de", "nghi"],
    &["de", "xuat"],
    &["kien", "nghi"],
    &["trinh"],
    &["du", "kien"],
    &["khong"],
    &["tu", "choi"],
    &["co", "the"],
    &["se"],
    &["can"],
    &["dinh"],
    &["xem", "xet"],
    &["neu"],
    &["kha", "nang"],
    &["co", "le"],
    &["chac"],
    &["truong", "hop"],
    &["cho", "duyet"],
    &["chua", "duyet"],
    &["chua", "dong", "y"],
    &["khong", "dong", "y"],
    &["chua", "duoc"],
    &["khong", "duoc"],
];

/// What a cell of extensions says when there is none.
const NONE: &[&str] = &["khong", "khong co", "chua", "chua co", "khong gia han"];

/// Whether an extension's words say it was granted ("…, UBND tỉnh đồng ý", "đã được
/// duyệt", "chấp thuận", "cho phép"), not denied ("chưa đồng ý"), nor, its words ending
/// before another mark (`before_a_mark`), approving that one.
fn approved(text: &str, before_a_mark: bool) -> bool {
    let f = padded(text);
    [
        "dong y",
        "chap thuan",
        "chap nhan",
        "cho phep",
        "duoc duyet",
        "da duyet",
        "duoc phe duyet",
        "da phe duyet",
    ]
    .iter()
    .any(|w| {
        // (Not one that approves the next mark: "… chỉ đồng ý ⟨lùi đến 31/8⟩".)
        undenied(&f, w, 2).any(|at| !(before_a_mark && f[at..].trim() == *w))
    })
}

/// Words that open an extension's grounds: "theo", "tại", "do", "vì", "căn cứ", or the
/// document itself ("Công văn", "Văn bản", "VB", "CV", "Quyết định", "QĐ", "Thông báo",
/// "TB").
const GROUNDS: &[&str] = &[
    "theo", "tai", "do", "vi", "can", "cong", "van", "vb", "cv", "quyet", "qd", "thong", "tb",
];

/// Whether `words` (folded) end with, or hold, a request's words.
fn asks(words: &[String], at_end: bool) -> Option<usize> {
    ASKED.iter().find_map(|a| {
        let fits = |i: usize| words[i..].iter().zip(a.iter()).all(|(w, a)| w == a);
        if words.len() < a.len() {
            return None;
        }
        match at_end {
            true => fits(words.len() - a.len()).then_some(a.len()),
            false => (0..=words.len() - a.len()).any(fits).then_some(a.len()),
        }
    })
}

/// Words without the marks around them (spaces, brackets, stops, dashes), a bracket left
/// open inside closed ("30/06/2025 (đề xuất").
fn trim_marks(s: &str) -> String {
    let t = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '-' | '–' | '.')
    });
    match t.matches('(').count() > t.matches(')').count() {
        true => format!("{t})"),
        false => t.to_string(),
    }
}

/// One extension's words after its mark ("gia hạn", "GH"): "lần 2" aside, its date's words,
/// then its grounds.
fn one_extension(text: &str) -> ExtensionSaid {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.first().is_some_and(|w| crate::text::fold(w) == "lan") {
        words.drain(..words.len().min(2));
    }
    let opens_grounds = |w: &&str| {
        let f = crate::text::fold(w.trim_start_matches('('));
        GROUNDS.contains(&f.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let cut = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| opens_grounds(w))
        .map_or(words.len(), |(j, _)| j);
    let date = trim_marks(&words[..cut].join(" "));
    let grounds = trim_marks(&words[cut..].join(" "));
    let asked = asks(&crate::text::words(&date), false).is_some();
    ExtensionSaid {
        words: if date.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(date)
        },
        grounds: (!grounds.is_empty()).then_some(grounds),
        asked,
    }
}

/// A cell of extensions alone (a "Gia hạn" column): each it says after its mark; each full
/// date it lists ("lần 1: 30/06/2025; lần 2: 30/09/2025"); or the whole cell as one
/// ("30/06/2025", "30/06/2025 (đề xuất)", "2 tháng").
pub fn extensions_in(cell: &Cell) -> Vec<ExtensionSaid> {
    match split_extension(cell) {
        (_, said) if !said.is_empty() => said,
        (Cell::Empty, _) => Vec::new(),
        // "Không", "Chưa có": none.
        (Cell::Text(t), _) if NONE.contains(&crate::text::plain(&t).as_str()) => Vec::new(),
        (Cell::Text(t), _) => each_listed(one_extension(&t)),
        (other, _) => vec![ExtensionSaid {
            words: other,
            grounds: None,
            asked: false,
        }],
    }
}

/// An extension's words that list its times ("lần 1: 30/06/2025; lần 2: 30/09/2025"): each
/// date an extension; else the one.
fn each_listed(one: ExtensionSaid) -> Vec<ExtensionSaid> {
    let said = one.words.text();
    let dates = deadline_dates(&said);
    let listed = said.contains(';') || crate::text::words(&said).iter().any(|w| w == "lan");
    if dates.len() < 2 || !listed || one.asked {
        return vec![one];
    }
    (dates.into_iter())
        .map(|d| ExtensionSaid {
            words: Cell::Date(d),
            grounds: one.grounds.clone(),
            asked: false,
        })
        .collect()
}

/// The full dates a text states, save a document's ("Văn bản số 123/UBND-VX ngày 05/5/2025"):
/// each with whether "từ" says it (the deadline an extension starts from).
fn deadline_dates_from(text: &str) -> Vec<(NaiveDate, bool)> {
    let t = tokenize(text);
    full_dates(&t)
        .into_iter()
        .filter(|&(i, _, _)| {
            let of_document = i > 0
                && t[i - 1].is("ngay")
                && t[i.saturating_sub(7)..i - 1]
                    .iter()
                    .any(|x| x.acronym || x.is("so"));
            !of_document
        })
        .map(|(i, d, _)| {
            let from = t[i.saturating_sub(2)..i].iter().any(|x| x.is("tu"));
            (d, from)
        })
        .collect()
}

/// The day an extension starts from ("gia hạn từ 24/02/2026 đến 16/03/2026": 24/02/2026).
pub fn extension_from(words: &Cell) -> Option<NaiveDate> {
    let Cell::Text(t) = words else {
        return None;
    };
    deadline_dates_from(t)
        .into_iter()
        .find(|(_, from)| *from)
        .map(|(d, _)| d)
}

/// The full dates a text states, save a document's ("Văn bản số 123/UBND-VX ngày 05/5/2025").
fn deadline_dates(text: &str) -> Vec<NaiveDate> {
    deadline_dates_from(text)
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

/// The date an extension's words say: the first full date written, not a document's ("2
/// lần, lần cuối đến 30/09/2025", "đến 30/6/2025 (Công văn 88/UBND-TH ngày 02/5/2025)"),
/// else a deadline phrase read from the deadline it extends ("2 tháng", "hết quý III/2025").
pub fn extension_due(words: &Cell, current: NaiveDate) -> Result<Due, String> {
    let Cell::Text(t) = words else {
        return due(words, Some(current));
    };
    // The first date not the one it starts from ("từ 24/02/2026 đến 16/03/2026").
    if let Some(&(first, _)) = deadline_dates_from(t).iter().find(|(_, from)| !from) {
        return Ok(Due::On(first));
    }
    // Only a document's date: no extension's.
    if !full_dates(&tokenize(t)).is_empty() {
        return Err(t.clone());
    }
    // "đến hết quý III/2025", "tới ngày 30/6": the words before the date say nothing more.
    let mut rest: Vec<&str> = t.split_whitespace().collect();
    while rest.first().is_some_and(|w| {
        ["den", "toi", "het", "ngay", "them"].contains(&crate::text::fold(w).as_str())
    }) {
        rest.remove(0);
    }
    due(&Cell::Text(rest.join(" ")), Some(current)).map_err(|_| t.clone())
}

/// A cell that also says its extensions ("30/6/2025 (gia hạn đến 30/9/2025)", "30/6/2025;
/// gia hạn lần 1 đến 30/9/2025; GH lần 2: 31/12/2025 theo VB 45/UBND"): the deadline's
/// part, and each extension in the order written (none when the cell says none).
pub fn split_extension(cell: &Cell) -> (Cell, Vec<ExtensionSaid>) {
    let Cell::Text(t) = cell else {
        return (cell.clone(), Vec::new());
    };
    // "15/5/2025 -> 30/6/2025", "15/5 → 30/6 → 31/7": a deadline moved, each time an
    // extension.
    let days: Vec<&str> = t
        .split(['→', '⇒'])
        .flat_map(|p| p.split("->"))
        .flat_map(|p| p.split("=>"))
        .collect();
    if days.len() > 1
        && !crate::text::fold(t).contains("gia han")
        && days.iter().all(|d| looks_like_a_day(d))
    {
        let moved: Vec<String> = (days[1..].iter())
            .map(|d| format!("gia hạn đến {}", d.trim()))
            .collect();
        let said = format!("{} ({})", days[0].trim(), moved.join("; "));
        return split_extension(&Cell::Text(said));
    }
    // (Words with none of the marks' words say no extension: most progress and notes.)
    // ("hoãn" only before "đến": "hoàn thành" folds alike.)
    const MARKS_WORDS: &[&str] = &[
        "han", "lui", "chinh", "gian", "sua", "doi", "keo", "nay", "chuyen", "dc", "gh", "truoc",
        "thay",
    ];
    let words = crate::text::words(t);
    let may_mark = words.iter().any(|w| MARKS_WORDS.contains(&w.as_str()))
        || words.windows(2).any(|p| p[0] == "hoan" && p[1] == "den");
    if !may_mark {
        return (cell.clone(), Vec::new());
    }
    // "30/9/2026 (hạn cũ 30/6/2026)": the deadline before, extended to the one written.
    if let Some(said) = old_deadline_named(t) {
        return split_extension(&Cell::Text(said));
    }
    // Each mark: where it starts, and where its words start ("gia hạn", or "GH" alone).
    let marks: Vec<(usize, usize)> = t
        .char_indices()
        .filter_map(|(i, _)| {
            let word_start = t[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !word_start {
                return None;
            }
            let rest = &t[i..];
            let seven: String = rest.chars().take(7).collect();
            if crate::text::fold(&seven) == "gia han" {
                return Some((i, i + seven.len()));
            }
            // ("Lùi thời hạn đến 15/8", "Lùi hạn đến …", "Điều chỉnh thời hạn đến …", "30/6
            // (lùi 30/9)", "(chuyển sang 30/9)", "(ĐC 30/9)", "30/6
            // (hạn mới: 30/9)", "…; thời hạn mới 30/9", "…; lùi đến 30/9", "(điều chỉnh 30/9)".)
            for mark in [
                "lui thoi han",
                "lui han",
                "dieu chinh thoi han",
                "thoi han moi",
                "han moi",
                "lui den",
                "lui toi",
                "lui sang",
                "lui lai",
                "da lui",
                "cho lui",
                "gian den",
                "sua thanh",
                "doi den",
                "doi sang",
                "keo dai den",
                "hoan den",
                "doi thanh",
                "nay la",
                "dieu chinh",
                "chuyen thoi han sang",
                "chuyen han sang",
                "chuyen sang",
                "chuyen den",
                "chuyen han",
                "chuyen",
                "lui tiep",
                "lui",
                "dc han",
                "dc",
                "nay",
            ] {
                let said: String = rest.chars().take(mark.chars().count()).collect();
                let after = &rest[said.len()..];
                let whole = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
                // (A short mark, or a year's carry "chuyển sang năm 2025", only before a
                // number: "lùi 30/9", "ĐC 30/9", "chuyển sang 30/9".)
                let next = after.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
                let period = (crate::text::words(next).first())
                    .is_some_and(|w| ["quy", "thang", "tuan", "nam"].contains(&w.as_str()));
                let dated = ![
                    "chuyen sang",
                    "chuyen den",
                    "chuyen han",
                    "chuyen",
                    "lui",
                    "dc",
                    "nay",
                ]
                .contains(&mark)
                    || next.starts_with(|c: char| c.is_ascii_digit())
                    || (mark == "lui"
                        && (period
                            || crate::text::words(next).first().is_some_and(|w| w == "lan")));
                if whole && dated && crate::text::fold(&said) == mark {
                    return Some((i, i + said.len()));
                }
            }
            let two: String = rest.chars().take(2).collect();
            let after = rest[two.len()..].chars().next();
            (crate::text::fold(&two) == "gh" && after.is_none_or(|c| !c.is_alphanumeric()))
                .then_some((i, i + two.len()))
        })
        .collect();
    // (One mark inside another's words is none: "hạn mới" of "thời hạn mới".)
    let mut marks = marks;
    let mut end = 0;
    marks.retain(|&(at, words_at)| {
        let keep = at >= end;
        if keep {
            end = words_at;
        }
        keep
    });
    if marks.is_empty() {
        return (cell.clone(), Vec::new());
    }
    // The words before the first mark, then each mark's words after it.
    let mut pieces: Vec<String> = Vec::with_capacity(marks.len() + 1);
    pieces.push(t[..marks[0].0].to_string());
    for (k, &(_, words_at)) in marks.iter().enumerate() {
        pieces.push(t[words_at..marks.get(k + 1).map_or(t.len(), |m| m.0)].to_string());
    }
    // "xin gia hạn đến …", "đề nghị gia hạn …", "chưa đồng ý gia hạn …": asked, not
    // granted; the asking words are taken from the piece before.
    let mut asked: Vec<Option<String>> = vec![None; pieces.len()];
    for k in 1..pieces.len() {
        let said: Vec<&str> = pieces[k - 1].split_whitespace().collect();
        let folded: Vec<String> = said
            .iter()
            .map(|w| {
                crate::text::fold(w)
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string()
            })
            .collect();
        let (mark, end) = (marks[k - 1].0, marks.get(k).map_or(t.len(), |m| m.0));
        let before_a_mark = k + 1 < pieces.len();
        // (Asked and approved: granted, the asking words taken from the piece before too,
        // unless its clause says it awaited below.)
        let mut before_asking = None;
        if let Some(n) = asks(&folded, true) {
            // (With the words of time before them: "đã xin", "đang đề nghị".)
            let n = n
                + (folded[..folded.len() - n].iter().rev())
                    .take_while(|w| ["da", "dang", "vua", "cung", "co"].contains(&w.as_str()))
                    .count();
            let kept = said[..said.len() - n].join(" ");
            if !approved(&t[mark..end], before_a_mark) {
                asked[k] = Some(format!(
                    "{} {}",
                    said[said.len() - n..].join(" "),
                    &t[mark..end]
                ));
                pieces[k - 1] = kept;
                continue;
            }
            before_asking = Some(kept);
        }
        // Or in the few words of its clause ("(trình UBND tỉnh lùi …)", "chờ UBND tỉnh cho
        // lùi …"; "chờ" read by its marks, not "cho").
        let piece = &pieces[k - 1];
        // (Never before the piece's last date: the deadline's, "30/6/2026⏎xin lùi …".)
        let from =
            (piece.rfind(['(', ';', ',', '\n']).map_or(0, |p| p + 1)).max(after_last_date(piece));
        let clause = &piece[from..];
        let words: Vec<String> = crate::text::words(clause);
        let waits = clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| crate::text::composed(w.to_string()).to_lowercase() == "chờ");
        // ("(lùi 30/9/2026?)", "(lùi 30/9/2026 - chờ ý kiến)", "… - chưa có ý kiến": asked
        // too.)
        let own = &t[mark..end];
        let pending = own
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| crate::text::composed(w.to_string()).to_lowercase() == "chờ")
            || [
                "chua co y kien",
                "chua co van ban",
                "chua duoc",
                "chua phe duyet",
                "chua dong y",
                "chua chap thuan",
                "chua chap nhan",
                "chua cho",
            ]
            .iter()
            .any(|w| crate::text::holds_phrase(&padded(own), w));
        let questioned = own.contains('?') || pending;
        // ("xin lùi 30/9/2026, UBND tỉnh đồng ý": asked and granted.)
        let granted = approved(own, before_a_mark) && !pending;
        if !granted
            && (questioned
                || !words.is_empty()
                    && words.len() <= 8
                    && (asks(&words, false).is_some() || waits))
        {
            asked[k] = Some(format!("{} {}", clause.trim(), &t[mark..end]));
            pieces[k - 1] = piece[..from].to_string();
        } else if let Some(kept) = before_asking {
            pieces[k - 1] = kept;
        }
    }
    // A request is kept in its words whole, to be told.
    let extensions = (1..pieces.len())
        .flat_map(|k| match &asked[k] {
            Some(request) => vec![ExtensionSaid {
                words: Cell::Text(trim_marks(request)),
                grounds: None,
                asked: true,
            }],
            None => each_listed(one_extension(&pieces[k])),
        })
        .collect();
    let deadline = trim_marks(&pieces[0]);
    let deadline = if deadline.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(deadline)
    };
    (deadline, extensions)
}

/// A deadline cell that names the deadline before it was moved ("30/9/2026 (hạn cũ
/// 30/6/2026)", "Hạn cũ 30/6/2026, hạn mới 30/9/2026") written as its extension ("30/6/2026
/// (gia hạn đến 30/9/2026)", "30/6/2026, hạn mới 30/9/2026").
fn old_deadline_named(t: &str) -> Option<String> {
    const OLD: &[&str] = &[
        "han cu",
        "han goc",
        "han ban dau",
        "truoc la",
        "thay",
        "da lui tu",
        "lui tu",
    ];
    let (at, n) = t.char_indices().map(|(i, _)| i).find_map(|i| {
        let starts = t[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        OLD.iter().filter(|_| starts).find_map(|w| {
            let said: String = t[i..].chars().take(w.chars().count()).collect();
            let whole = t[i + said.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            (whole && crate::text::fold(&said) == *w).then_some((i, w.chars().count()))
        })
    })?;
    let said: String = t[at..].chars().take(n).collect();
    let after = &t[at + said.len()..];
    let before = t[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '(');
    // Named first: the new one follows, marked ("hạn mới").
    if before
        .trim_matches(|c: char| !c.is_alphanumeric())
        .is_empty()
    {
        let rest = after.trim_start_matches(|c: char| !c.is_alphanumeric());
        let words: Vec<&str> = rest.split_whitespace().collect();
        let to = (1..words.len()).find(|&k| {
            ["den", "sang", "toi"].contains(&crate::text::fold(words[k]).as_str())
                && looks_like_a_day(&words[..k].join(" "))
        });
        return match to {
            Some(k) => Some(format!(
                "{} (gia hạn đến {})",
                words[..k].join(" "),
                words[k + 1..].join(" ")
            )),
            None => looks_like_a_day(rest).then(|| rest.to_string()),
        };
    }
    let end = after.find([')', ';']).unwrap_or(after.len());
    let old = after[..end].trim_matches(|c: char| c.is_whitespace() || c == ':');
    let rest = after[end..].trim_start_matches(')');
    (looks_like_a_day(old) && looks_like_a_day(before)).then(|| {
        format!(
            "{old} (gia hạn đến {}{rest})",
            before.trim_end_matches([',', ';', ' '])
        )
    })
}

/// A month written as `06/2025`, `6-2025` or "cuối năm 2025": the month's (or the year's)
/// last day.
fn month_year(text: &str) -> Option<NaiveDate> {
    let w = crate::text::words(text);
    let last_of = |y: i32, m: u32| {
        NaiveDate::from_ymd_opt(y, m, 1)?
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()
    };
    let year = |y: &str| y.parse().ok().filter(|y: &i32| (1900..2200).contains(y));
    let words: Vec<&str> = w.iter().map(String::as_str).collect();
    match words[..] {
        ["cuoi", "nam", y] => last_of(year(y)?, 12),
        // Years spanned ("Năm 2025-2026", "Giai đoạn 2021 - 2025", "2025 - 2026"): the last.
        ["nam", a, b] | ["giai", "doan", a, b] | [a, b] if matches!((year(a), year(b)), (Some(a), Some(b)) if a <= b) => {
            last_of(year(b)?, 12)
        }
        // Quarters listed in one year ("Quý I, II/2026", "quý III và IV năm 2025"): the end of
        // the last.
        ["quy", ref quarters @ .., y] if quarters.len() > 1 => {
            let quarters = match quarters {
                [rest @ .., "nam"] => rest,
                all => all,
            };
            let mut last = 0;
            for q in quarters.iter().filter(|q| !matches!(**q, "va" | "quy")) {
                let q = match *q {
                    "i" | "1" => 1,
                    "ii" | "2" => 2,
                    "iii" | "3" => 3,
                    "iv" | "4" => 4,
                    _ => return None,
                };
                if q <= last {
                    return None;
                }
                last = q;
            }
            last_of(year(y)?, last * 3)
        }
        // Months listed in one year ("Tháng 7, 8/2025", "tháng 7 và tháng 8 năm 2025"): the
        // last.
        ["thang", ref months @ .., y] if months.len() > 1 => {
            let mut last = 0;
            let months = match months {
                [rest @ .., "nam"] => rest,
                all => all,
            };
            for m in months.iter().filter(|m| !matches!(**m, "va" | "thang")) {
                let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
                if m <= last {
                    return None;
                }
                last = m;
            }
            last_of(year(y)?, last)
        }
        _ => {
            let (m, y) = text.trim().split_once(['/', '-', '.'])?;
            let (m, y): (u32, i32) = (m.trim().parse().ok()?, y.trim().parse().ok()?);
            ((1..=12).contains(&m) && (1900..2200).contains(&y))
                .then(|| last_of(y, m))
                .flatten()
        }
    }
}

/// The status a tracker's progress and notes say.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// Nothing said: still open (giao, chưa thực hiện).
    Open,
    /// Under way; with a progress report when the text says more than the state.
    InProgress {
        /// Percent done, when given.
        percent: u8,
        /// The report's words, when more than a state.
        note: Option<String>,
        /// Its date, when stated.
        on: Option<NaiveDate>,
    },
    /// Done, on the date stated if any.
    Done(Option<NaiveDate>),
    /// Reported done, on the date stated if any, and waiting for the leader to confirm it
    /// ("Chờ xác nhận hoàn thành", "Hoàn thành, chờ duyệt").
    Reported(Option<NaiveDate>),
    /// Refused or sent back by the unit ("Từ chối", "Trả lại"): nobody is at work on it.
    Declined,
    /// Paused.
    Suspended,
    /// Cancelled, or not to be done.
    Cancelled,
}

impl Said {
    /// Whether it says the task is closed (done or cancelled): a record of the past.
    pub fn closed(&self) -> bool {
        matches!(self, Said::Done(_) | Said::Cancelled)
    }

    /// Whether it says the task is still to do: not done, reported done or cancelled.
    pub fn open(&self) -> bool {
        !matches!(self, Said::Done(_) | Said::Reported(_) | Said::Cancelled)
    }
}

/// The status a row says with the day in its "Ngày hoàn thành" column: that day is the
/// completion's when the progress says done without a day or says nothing; a progress that
/// says the task is not done keeps its word, and the day it contradicts is returned to tell.
pub fn said_with_completion(
    (progress, notes): (&str, &str),
    task: &str,
    completed: Option<NaiveDate>,
) -> (Said, Option<NaiveDate>) {
    let said = said_of(progress, notes, task);
    let silent = progress.trim().is_empty() && notes.trim().is_empty();
    match (completed, said) {
        (Some(c), Said::Done(_)) => (Said::Done(Some(c)), None),
        (Some(c), Said::Reported(_)) => (Said::Reported(Some(c)), None),
        (Some(c), Said::Open) if silent => (Said::Done(Some(c)), None),
        (Some(c), said @ (Said::Open | Said::InProgress { .. })) => (said, Some(c)),
        (_, said) => (said, None),
    }
}

/// Reads the status from the progress text, then the notes.
pub fn said(progress: &str, notes: &str) -> Said {
    said_of(progress, notes, "")
}

/// [`said`] of the task in these words: a stage its own words name is the task's whole
/// ("Xây dựng dự thảo Quy chế …": "Đã hoàn thành dự thảo" is done).
pub fn said_of(progress: &str, notes: &str, task: &str) -> Said {
    let from_progress = status_of_task(progress, task);
    match from_progress {
        Said::Open => match status_of_task(notes, task) {
            // A note is a report of progress only when it says one ("đang …", "50%"), not
            // any words ("Theo Kế hoạch 123", "Liên hệ đ/c Hùng").
            Said::InProgress { .. } if !reports_progress(notes) => Said::Open,
            s => s,
        },
        // "Hoàn thành" beside a note that gives the task out again ("Giao lại, tiếp tục
        // thực hiện đến 30/6/2027"): still to do, both kept as the report.
        s if s.closed() && taken_back_by(notes) => {
            in_progress(&format!("{}; {}", progress.trim(), notes.trim()), 0)
        }
        s => s,
    }
}

/// Words a row's state is told in when it is not read for sure: a few words that say no
/// state known, or words that say the task closed and take it back ("Hoàn thành?", "Đã
/// hủy nhưng giao lại", "Hoàn thành" beside a note "Giao lại …"). Brought in as under way.
pub fn state_in_doubt(progress: &str, notes: &str) -> Option<String> {
    let closed_then_given = status_of(progress).closed() && taken_back_by(notes);
    match closed_then_given {
        true => Some(format!("{}; {}", progress.trim(), notes.trim())),
        false => state_unread(progress).then(|| progress.trim().to_string()),
    }
}

/// Whether a note takes back the close its progress says: it gives the task out again, has
/// it done again, or says it is not done ("Hoàn thành" beside "Chưa xong").
fn taken_back_by(notes: &str) -> bool {
    let f = padded(notes);
    given_again(&f) || not_done(&f)
}

/// Plain words between spaces, as phrases are looked for in them.
fn padded(text: &str) -> String {
    format!(" {} ", crate::text::plain(text))
}

/// Whether words give a task out again, carry it on or have it done again ("giao lại",
/// "giao tiếp phần 2", "tiếp tục thực hiện", "phải làm lại", "thực hiện lại", "không đạt
/// yêu cầu"), or say it done for now ("Hoàn thành (tạm)", "Tạm hoàn thành"), in `f` (see
/// `padded`).
fn given_again(f: &str) -> bool {
    [
        "giao lai",
        "giao tiep",
        "tiep tuc thuc hien",
        "tiep tuc trien khai",
        "lam lai",
        "thuc hien lai",
        "trien khai lai",
        "khong dat yeu cau",
        "tam hoan thanh",
        "hoan thanh tam",
    ]
    .iter()
    .any(|w| crate::text::holds_phrase(f, w))
}

/// Whether words say a task under way beside its close, of no part or stage ("Hoàn thành -
/// Đang thực hiện"; not "… phần 1, đang thực hiện phần 2"), in `f` (see `padded`).
fn two_states(f: &str) -> bool {
    let has = |w: &str| crate::text::holds_phrase(f, w);
    (has("dang thuc hien") || has("dang trien khai"))
        && !["phan", "giai doan", "buoc", "dot", "mot so"]
            .iter()
            .any(|w| has(w))
}

/// Whether a note says the task is not done ("Chưa xong", "Chưa hoàn thành"), in `f`.
fn not_done(f: &str) -> bool {
    ["chua xong", "chua hoan thanh"]
        .iter()
        .any(|w| crate::text::holds_phrase(f, w))
}

/// Whether words put what they say in doubt: a question mark after a word ("Hoàn thành?",
/// "Đã xong ?"), not one standing for a letter lost between letters ("Ho?n th?nh").
fn doubted(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    (0..c.len()).any(|i| {
        c[i] == '?'
            && !(i > 0
                && c[i - 1].is_alphabetic()
                && c.get(i + 1).is_some_and(|n| n.is_alphabetic()))
    })
}

/// Whether words say a task closed (done, cancelled or withdrawn), whatever else they say.
fn says_closed(f: &str) -> bool {
    ["hoan thanh", "ht", "xong", "huy", "thu hoi"]
        .iter()
        .any(|w| crate::text::holds_phrase(f, w))
}

/// Whether a note says work is under way: a share done, or "đang …", "tiếp tục …".
fn reports_progress(text: &str) -> bool {
    let f = padded(text);
    percent_in(text).is_some()
        || share_of_items(text).is_some()
        || [" dang ", " tiep tuc ", " chua hoan thanh ", " mot phan "]
            .iter()
            .any(|w| f.contains(w))
}

fn status_of(text: &str) -> Said {
    status_of_task(text, "")
}

/// [`status_of`] of the task in these words (see [`said_of`]).
fn status_of_task(text: &str, task: &str) -> Said {
    let t = text.trim();
    if t.is_empty() {
        return Said::Open;
    }
    let f = padded(t);
    let has = |w: &str| crate::text::holds_phrase(&f, w);
    let percent = percent_in(t).or_else(|| share_of_items(t));
    // "0%" alone (a column of shares done): not started.
    if percent == Some(0) && f.trim() == "0" {
        return Said::Open;
    }
    // "Hoàn thành?", "Đã hủy nhưng giao lại", "Đã hoàn thành phần 1; giao tiếp phần 2": a
    // close in doubt or taken back is no close; the words are kept as the report.
    if says_closed(&f) && (doubted(t) || given_again(&f) || two_states(&f)) {
        return in_progress(t, percent.filter(|p| *p < 100).unwrap_or(0));
    }
    // "Chờ xác nhận hoàn thành", "Hoàn thành, chờ duyệt", "Đã báo cáo kết quả, chờ lãnh đạo
    // xác nhận", "Đã xong, chưa được xác nhận": the unit reports it done; the leader has yet
    // to confirm. "Chờ duyệt" beside a draft, a share or what else it waits for ("chờ duyệt
    // kinh phí") is a stage of the work, not its end.
    let words = crate::text::words(t);
    // "Từ chối", "Bị trả lại": refused or sent back (what it says of the task is below).
    // Not what else is refused or sent back ("Từ chối gia hạn", "Đã trả lại hồ sơ") nor a
    // refusal denied ("Không từ chối").
    let refused = words.windows(2).enumerate().any(|(i, pair)| {
        let said = matches!(
            [pair[0].as_str(), pair[1].as_str()],
            ["tu", "choi"] | ["tra", "lai"]
        );
        let denied = i > 0 && words[i - 1] == "khong";
        let object = words
            .get(i + 2)
            .is_some_and(|w| REFUSED_OTHER.contains(&w.as_str()));
        said && !denied && !object
    });
    // (Not a wait given as the reason of a delay: "chậm 10 ngày do chờ ý kiến".)
    let a_reason = has("do cho") || has("vi cho");
    if let Some(rest) = awaits_confirmation(&words).filter(|_| !a_reason) {
        let finished = has("hoan thanh")
            || has("ht")
            || has("xong")
            || has("da bao cao")
            || has("bao cao ket qua")
            || has("da gui")
            || has("da nop")
            || has("da trinh");
        let whole = finished
            && !has("chua hoan thanh")
            && !has("du thao")
            && !has("mot phan")
            && percent.is_none_or(|p| p == 100);
        // ("Chờ ý kiến" alone waits for opinions on work under way, not on a result.)
        let opinions = has("y kien") && !has("xac nhan") && !has("duyet") && !has("nghiem thu");
        if (whole || (rest.is_empty() && !opinions)) && !refused {
            return Said::Reported(date_in(t));
        }
    }
    // Finished and sent back ("Đã hoàn thành nhưng bị trả lại, yêu cầu bổ sung"): work to be
    // done again.
    if refused && (has("hoan thanh") || has("ht") || has("xong")) {
        return in_progress(t, percent.unwrap_or(0));
    }
    // "Chưa hoàn thành", "hoàn thành một phần", "hoàn thành 50%", "hoàn thành phần lớn",
    // "đã hoàn thành 3/5 nội dung": under way. So is a text that says what is done and what
    // is not ("Đã hoàn thành việc khảo sát; chưa ban hành kế hoạch"), or that only a stage
    // is ("Đã hoàn thành dự thảo", "… giai đoạn 1").
    // ("Hoàn thành dự thảo, trình lãnh đạo Sở", "Đã xong dự thảo", "HT giai đoạn 1" too, and
    // with a few words of the work between: "Đã hoàn thành xây dựng dự thảo", "… việc lập dự
    // thảo".) "Cơ bản hoàn thành", "Hoàn thành cơ bản": not all of it.
    let stage = stage_said(t).is_some_and(|st| !the_whole_task(task, &st)) || partly_done(t);
    // Done words of the work: "đã hoàn thành", "hoàn tất", "đã … xong".
    let said_done = has("da hoan thanh") || has("hoan tat") || done_after_a_verb(&words);
    // "Chưa thực hiện do chưa có kinh phí", "Chưa làm được do mưa", "Chưa triển khai vì …":
    // not begun, with its reason (kept as a note); not "Chưa thực hiện xong" (under way).
    let unfinished = has("chua xong") || has("chua thuc hien xong") || has("chua lam xong");
    let not_begun = [
        "chua thuc hien",
        "chua trien khai",
        "chua lam",
        "chua th ",
        "chua bat dau",
        "chua khoi cong",
        "chua xu ly",
    ]
    .iter()
    .any(|w| f.trim_start().starts_with(w))
        && !unfinished
        && !reports_progress(t);
    if not_begun && percent.is_none_or(|p| p == 0) {
        return Said::Open;
    }
    if has("chua hoan thanh")
        || unfinished
        || (said_done && not_yet_of_the_task(&f))
        // "Đã hoàn thành phần 1, đang thực hiện phần 2", "Đã hoàn tất hồ sơ, đang trình".
        || (said_done && has("dang"))
        // "Đã kiểm tra xong 3 đơn vị, còn 2 đơn vị chưa kiểm tra".
        || (said_done && has("con") && has("chua"))
        || stage
        || has("mot phan")
        || has("1 phan")
        || has("mot nua")
        || has("phan lon")
        || percent.is_some_and(|p| p < 100)
    {
        return in_progress(t, percent.unwrap_or(0));
    }
    // "Sẽ hoàn thành trong tháng 6" is not done: the text says it was, or starts with it.
    let starts = |w: &str| f.trim_start().starts_with(w);
    // "Đang thực hiện, đã ban hành Kế hoạch số 45/KH-STTTT", "Đang triển khai, đã ký 2/2 hợp
    // đồng": under way, whatever step is done.
    if ["dang thuc hien", "dang trien khai", "dang th ", "dang lam"]
        .iter()
        .any(|w| starts(w))
    {
        return in_progress(t, percent.filter(|p| *p < 100).unwrap_or(0));
    }
    // "Đã HT", "HT", "Xong": the short forms offices write.
    let short = ["ht", "da ht", "xong", "da xong", "hoan thanh"].contains(&f.trim());
    // "HT đúng hạn", "HT trễ hạn", "HT quá hạn": the words of the app's own reports.
    let done_in_time = starts("ht dung han") || starts("ht tre han") || starts("ht qua han");
    // "HT 20/02/2025", "HT ngày 20/2".
    let done_on = starts("ht ") && date_in(t).is_some();
    // "Đã HT (20/10)", "Đã HT ngày 20/10/2025".
    let done_short = starts("da ht ");
    // "Đã xử lý", "Xử lý xong", "Đã giải quyết": the words of e-office systems.
    let handled =
        has("da xu ly") || has("xu ly xong") || has("da giai quyet") || has("da ban hanh");
    // "5/5 nội dung": all of them, on no day said.
    let all_items = share_of_items(t) == Some(100);
    if short
        || log_says_done(t)
        || done_in_time
        || done_on
        || done_short
        || handled
        || has("da hoan thanh")
        || starts("hoan thanh")
        // "Đã trình ngày 15/8/2024, hoàn thành ngày 10/10/2024".
        || (has("hoan thanh ngay")
            && !has("du kien")
            && !has("se hoan thanh")
            && !has("dang")
            && !has("chua"))
        || has("da xong")
        || has("thuc hien xong")
        || starts("xong ")
        // "Đã hoàn tất", "Hoàn tất ngày 15/8/2024"; "Đã tổ chức xong hội nghị", "Đã kiểm tra
        // xong 05 đơn vị": a verb of the work, then done.
        || has("da hoan tat")
        || starts("hoan tat")
        || done_after_a_verb(&words)
        || percent == Some(100)
        // "Đã báo cáo kết quả tại Báo cáo số 216/BC ngày 1/9/2026": the result reported.
        || has("da bao cao ket qua")
        || (has("da co bao cao") && !has("so bo"))
        || (has("da bao cao") && has("tai") && has("so"))
    {
        return Said::Done(if all_items { None } else { done_day(t) });
    }
    if has("tam dung") || has("tam hoan") {
        return Said::Suspended;
    }
    // "Thu hồi", "Đã rút nhiệm vụ": the task withdrawn (not "rút kinh nghiệm", a lesson).
    if starts("thu hoi") || has("da thu hoi") || has("rut nhiem vu") || has("rut lai nhiem vu") {
        return Said::Cancelled;
    }
    // Not "phát huy" (to foster). "Không thực hiện nữa", "Không phải thực hiện": no longer
    // to be done; "Không thực hiện" alone is a task not carried out (see `not_carried_out`).
    if starts("huy ")
        || has("da huy")
        || has("khong thuc hien nua")
        || has("khong phai thuc hien")
        || has("dung thuc hien")
        || has("bai bo")
    {
        return Said::Cancelled;
    }
    if not_carried_out(t) {
        return Said::Open;
    }
    // Refused or sent back, or not taken on ("Không thuộc chức năng"), with no work said
    // under way ("Trả lại, đang hoàn thiện" is work returned to be done again).
    let declined = refused
        || has("khong tiep nhan")
        || has("khong thuoc chuc nang")
        || has("khong thuoc tham quyen")
        || has("khong dung chuc nang");
    if declined && !reports_progress(t) {
        return Said::Declined;
    }
    if PLAIN.contains(&f.trim()) {
        return Said::Open;
    }
    in_progress(t, percent.unwrap_or(0))
}

/// Whether progress words say the task was not carried out ("Không thực hiện", "Không thực
/// hiện được", "Không th"): not done, and not cancelled, which would hide it from the overdue.
pub(super) fn not_carried_out(text: &str) -> bool {
    let f = crate::text::plain(text);
    let said = |w: &str| f == w || f.starts_with(&format!("{w} "));
    (said("khong thuc hien") || said("khong th") || said("khong lam"))
        && !f.contains("khong thuc hien nua")
}

/// Whether progress words say only how a task stands against its deadline, not whether it
/// is done ("Đúng hạn", "Trễ hạn").
pub(super) fn timeliness_only(text: &str) -> bool {
    matches!(crate::text::plain(text).as_str(), "dung han" | "tre han")
}

/// Words that only say where a task stands (or a tick), not a report of work.
const PLAIN: &[&str] = &[
    "chua thuc hien",
    "chua trien khai",
    "moi giao",
    "da giao",
    "chua",
    "qua han",
    "x",
    "chua ht",
    "chua xu ly",
    "cho xu ly",
    "chua den han",
    "trong han",
    "con han",
    "chua th",
    "dung han",
    "tre han",
];

/// The first words of what else a refusal or a sending back may be of: an extension ("gia
/// hạn"), a file ("hồ sơ", "văn bản", "công văn"), a report or result ("báo cáo", "kết quả"),
/// an opinion ("ý kiến").
const REFUSED_OTHER: &[&str] = &["gia", "ho", "van", "cong", "bao", "ket", "y"];

/// Words that may stand around a wait for confirmation and say nothing more ("đang chờ lãnh
/// đạo Sở xác nhận").
const AROUND_WAIT: &[&str] = &["dang", "lanh", "dao", "so", "cap", "tren", "ket", "qua"];

/// Whether words say a result waits for a leader's word: "chờ (lãnh đạo …) xác nhận",
/// "chờ duyệt", "chờ phê duyệt", "chờ nghiệm thu", "chờ ý kiến", "chưa (được) xác nhận". Gives the other
/// words (none when the text says only that).
fn awaits_confirmation(words: &[String]) -> Option<Vec<&str>> {
    const WAITED: &[&[&str]] = &[
        &["xac", "nhan"],
        &["duyet"],
        &["phe", "duyet"],
        &["nghiem", "thu"],
        &["y", "kien"],
    ];
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    for i in 0..w.len() {
        // "chờ (Giám đốc, lãnh đạo Sở, GĐ) xác nhận", "trình lãnh đạo xác nhận".
        let within = match w[i] {
            "cho" | "trinh" => 5,
            "chua" => 2,
            _ => continue,
        };
        for j in i + 1..(i + 1 + within).min(w.len()) {
            let Some(p) = WAITED.iter().find(|p| w[j..].starts_with(p)) else {
                continue;
            };
            // "chưa" waits only for a confirmation ("chưa duyệt kinh phí" is not this).
            if w[i] == "chua" && p[0] != "xac" {
                continue;
            }
            let between = &w[i + 1..j];
            if w[i] == "chua" && !between.iter().all(|b| *b == "duoc") {
                continue;
            }
            let rest = w[..i]
                .iter()
                .chain(&w[j + p.len()..])
                .filter(|x| !AROUND_WAIT.contains(x))
                .copied()
                .collect();
            return Some(rest);
        }
    }
    None
}

/// Whether a progress text says a state that is not read (a few words, none a known state
/// nor a report of work: "Không chấp thuận", "Đã báo cáo"): brought in as under way, told.
fn state_unread(text: &str) -> bool {
    let words = crate::text::words(text);
    let f = padded(text);
    if says_closed(&f) && (doubted(text) || given_again(&f) || two_states(&f)) {
        return true;
    }
    !words.is_empty()
        && words.len() <= 4
        && !reports_progress(text)
        && matches!(
            status_of(text),
            Said::InProgress {
                percent: 0,
                note: Some(_),
                ..
            }
        )
}

/// Whether a note says more than a state and its day ("Theo Kế hoạch 123", "Đã ban hành
/// KH 50/KH-STTTT"; not "Đã hoàn thành ngày 20/5/2025", "Đang thực hiện", "Tạm dừng",
/// "Đúng hạn", "20/05/2025"): words left once the words of states and numbers are taken out.
pub fn says_more_than_a_state(notes: &str) -> bool {
    const STATE: &[&str] = &[
        "da", "dang", "chua", "hoan", "thanh", "ht", "xong", "ngay", "thang", "nam", "thuc",
        "hien", "trien", "khai", "tam", "dung", "huy", "cho", "xac", "nhan", "duyet", "han", "tre",
        "qua", "trong", "con", "moi", "giao", "x", "vao", "luc", "xu", "ly", "lam", "duoc", "bat",
        "dau",
    ];
    crate::text::words(notes)
        .iter()
        .any(|w| !STATE.contains(&w.as_str()) && !w.bytes().all(|b| b.is_ascii_digit()))
}

/// Under way; the text is kept as a progress report unless it only names the state.
fn in_progress(text: &str, percent: u8) -> Said {
    let f = crate::text::plain(text);
    let only_state =
        ["dang thuc hien", "dang trien khai", "dang", "dang lam"].contains(&f.as_str());
    Said::InProgress {
        percent,
        note: (!only_state).then(|| text.trim().to_string()),
        on: reported_on(text),
    }
}

/// The day a report of progress is dated, not a day it plans ("dự kiến hoàn thành ngày
/// 30/3/2025", "sẽ xong trước 15/4/2025").
fn reported_on(text: &str) -> Option<NaiveDate> {
    let t = tokenize(text);
    (0..t.len()).find_map(|i| {
        let planned = t[i.saturating_sub(4)..i].iter().any(|x| {
            ["kien", "se", "truoc", "han", "den"]
                .iter()
                .any(|w| x.is(w))
        });
        (!planned).then(|| deadline::stated_date(&t, i)).flatten()
    })
}

/// A percentage in the text (`80%`, `80 %`), at most 100.
/// The share of items done a text counts ("đã hoàn thành 3/5 nội dung": 60): a number of a
/// larger number, then the items' word, not a day ("ngày 3/5").
fn share_of_items(text: &str) -> Option<u8> {
    let t = tokenize(text);
    (0..t.len()).find_map(|i| {
        let (done, all) = (t.get(i)?.number()?, t.get(i + 2)?.number()?);
        let counted = count_at(&t, i) && done <= all && all > 0;
        counted.then(|| (u64::from(done) * 100 / u64::from(all)) as u8)
    })
}

/// Whether `t[i..]` is a count of items, "3/5 xã", "12/12 hợp đồng": two numbers parted by
/// `/` and followed by a word, not after "ngày" ("ngày 12/12 tổ chức" is a day).
fn count_at(t: &[Token], i: usize) -> bool {
    t.get(i).is_some_and(|x| x.number().is_some())
        && t.get(i + 1).is_some_and(|x| x.is_punct('/'))
        && t.get(i + 2).is_some_and(|x| x.number().is_some())
        && (t.get(i + 3).is_some_and(|x| x.kind == Kind::Word)
            // (Or last, when no day and month it can be: "Hoàn thành 13/13", "45/50".)
            // (not "tháng 4/2025".)
            || t.get(i + 3).is_none_or(|x| x.kind != Kind::Punct('/'))
                && matches!((t[i].number(), t[i + 2].number()), (Some(a), Some(b)) if (a > 31 || b > 12) && b < 1000))
        && !(i >= 1 && t[i - 1].is("ngay"))
        // (Not the month and year of a date: "10/10/2024 đã hoàn thành".)
        && !(i >= 1 && matches!(t[i - 1].kind, Kind::Punct('/' | '-' | '.')))
}

/// Whether a text holds what looks like a day ("31/02/2025", "28-3", "5.4"): numbers
/// joined by `/`, `-` or `.`, not a count of items ("12/12 xã").
pub fn looks_like_a_day(text: &str) -> bool {
    let t = tokenize(text);
    // (A day first, or a year with its month and day: not a span of years, "2021-2025".)
    let day_or_iso = |i: usize| {
        t[i].number().is_some_and(|n| n <= 31)
            || (t.get(i + 3)).is_some_and(|x| matches!(x.kind, Kind::Punct('/' | '-' | '.')))
                && t.get(i + 4).is_some_and(|x| x.number().is_some())
    };
    (0..t.len()).any(|i| {
        t[i].number().is_some()
            && day_or_iso(i)
            && t.get(i + 1).is_some_and(|x| {
                matches!(x.kind, Kind::Punct('/' | '-' | '.')) && t[i].end == x.start
            })
            && t.get(i + 2)
                .is_some_and(|x| x.number().is_some() && t[i + 1].end == x.start)
            && !count_at(&t, i)
    })
}

fn percent_in(text: &str) -> Option<u8> {
    let t = tokenize(text);
    let glued = |a: usize| t.get(a + 1).is_some_and(|b| t[a].end == b.start);
    // "45,5%", "45.5%": the whole part is the share (not "5%").
    let fraction = |i: usize| {
        t.get(i + 1)
            .is_some_and(|x| x.is_punct(',') || x.is_punct('.'))
            && t.get(i + 2).is_some_and(|x| x.number().is_some())
            && glued(i)
            && glued(i + 1)
    };
    (0..t.len()).find_map(|i| {
        // (Not the "5" of "45,5%".)
        if i >= 2 && fraction(i - 2) {
            return None;
        }
        let n = t[i].number()?;
        let at = if fraction(i) { i + 3 } else { i + 1 };
        (t.get(at).is_some_and(|x| x.is_punct('%')) && n <= 100).then_some(n as u8)
    })
}

/// What the source column says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceSaid {
    /// Nothing.
    None,
    /// A document by its number (`15/TB-STTTT`) and its date when stated.
    Document {
        /// Number and symbol.
        number: String,
        /// Date of issue, when stated.
        date: Option<NaiveDate>,
    },
    /// A meeting by its title ("Giao ban tháng 3/2025"), and its date when stated.
    Meeting {
        /// The title as written.
        title: String,
        /// Its date, when stated.
        date: Option<NaiveDate>,
    },
}

/// Reads the source: a document number is digits, `/`, then a symbol with a letter
/// (`15/TB-STTTT`, `276/STTTT-BCVT`); anything else names a meeting.
pub fn source(text: &str) -> SourceSaid {
    let t = text.trim();
    if t.is_empty() {
        return SourceSaid::None;
    }
    // A document's number: digits (with "." between thousands), then "/" or "-" and its
    // symbol: "45/TB-STTTT", "57-NQ/TW", "1.234/UBND-KT".
    let number = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        .find(|w| {
            let Some(cut) = w.find(['/', '-']) else {
                return false;
            };
            let (n, symbol) = (&w[..cut], &w[cut + 1..]);
            n.chars().next().is_some_and(|c| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                && symbol.chars().any(char::is_alphabetic)
        });
    if let Some(n) = number {
        return SourceSaid::Document {
            number: n.trim_end_matches('.').to_string(),
            date: date_in(t),
        };
    }
    // A meeting is named as one ("Giao ban tháng 3", "Hội nghị …", "phiên họp …"); any other
    // source ("Chỉ đạo trực tiếp", "Email ngày 5/3", "TB 45") is kept as the tracker words it.
    let words = padded(t);
    let meeting = [
        " hop ",
        " giao ban ",
        " hoi nghi ",
        " phien ",
        " lam viec ",
        " hoi thao ",
    ]
    .iter()
    .any(|w| words.contains(w));
    if meeting {
        SourceSaid::Meeting {
            title: t.to_string(),
            date: date_in(t),
        }
    } else {
        SourceSaid::Document {
            number: t.to_string(),
            date: date_in(t),
        }
    }
}

/// A unit's name without the role written beside it in a cell that names several ("Văn
/// phòng Sở chủ trì, phối hợp với Thanh tra Sở": "Văn phòng Sở", "Thanh tra Sở"; the
/// first named leads, the others coordinate). The caller keeps a name the directory holds
/// whole.
pub fn without_role(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words
        .iter()
        .map(|w| crate::text::fold(w.trim_matches([':', ',', '.'])))
        .collect();
    let is = |i: usize, w: &str| folded.get(i).is_some_and(|f| f == w);
    let mut start = 0;
    // "Giao (cho) …", "Đề nghị …", "Yêu cầu …": the words that hand the task over.
    if is(0, "giao") {
        start = if is(1, "cho") { 2 } else { 1 };
    } else if is(0, "de") && is(1, "nghi") || is(0, "yeu") && is(1, "cau") {
        start = 2;
    }
    if is(start, "chu") && is(start + 1, "tri") || is(start, "phoi") && is(start + 1, "hop") {
        start += 2;
        if is(start, "voi") {
            start += 1;
        }
    }
    let mut end = words.len();
    // "… chủ trì", "… phối hợp", "… thực hiện", "… tham mưu", "… theo dõi": its role.
    let roles = [
        ["chu", "tri"],
        ["phoi", "hop"],
        ["thuc", "hien"],
        ["tham", "muu"],
        ["theo", "doi"],
    ];
    while end >= start + 3 && roles.iter().any(|[a, b]| is(end - 2, a) && is(end - 1, b)) {
        end -= 2;
    }
    if start >= end {
        return name.trim().to_string();
    }
    words[start..end]
        .join(" ")
        .trim_matches([':', ',', ' '])
        .to_string()
}

/// A cell of several units in which a later one is marked to lead, written again with that
/// one first (the first named leads): "Phối hợp: VP; Chủ trì: Thanh tra Sở" is "Chủ trì:
/// Thanh tra Sở; Phối hợp: VP", "TTr, VP (chủ trì)" is "VP (chủ trì), TTr". `None` when no
/// unit but the first is so marked.
pub fn lead_marked_first(cell: &str) -> Option<String> {
    // Parts at ";" and line breaks, else at commas (a unit's name may hold a comma).
    let by_lines = cell.contains([';', '\n']);
    let parts: Vec<&str> = if by_lines {
        cell.split([';', '\n']).collect()
    } else {
        cell.split(',').collect()
    };
    let marked = |p: &str| {
        let f = crate::text::fold(p.trim());
        f.contains("(chu tri)") || f.starts_with("chu tri:") || f.starts_with("chu tri :")
    };
    let at = parts.iter().position(|p| marked(p))?;
    if at == 0 || parts.iter().filter(|p| marked(p)).count() > 1 {
        return None;
    }
    let joint = if by_lines { "; " } else { ", " };
    let rest = (parts.iter().enumerate())
        .filter(|(k, p)| *k != at && !p.trim().is_empty())
        .map(|(_, p)| p.trim());
    Some(
        std::iter::once(parts[at].trim())
            .chain(rest)
            .collect::<Vec<_>>()
            .join(joint),
    )
}

/// Whether a name opens with a word for a kind of body ("Phòng …", "Văn phòng …", "Thanh tra
/// …", "UBND …", "Công an …"), as a unit's name in a list of units does.
pub fn opens_with_a_body(name: &str) -> bool {
    const BODIES: &[&str] = &[
        "phong", "van", "trung", "so", "ban", "chi", "cuc", "ubnd", "hdnd", "thanh", "cong", "doi",
        "hoi", "truong", "benh", "kho", "dai", "bao", "vien", "tt", "p", "ttr",
    ];
    // With their marks where written: "Viện" is a body, "Viễn thông" is not.
    const MARKED: &[&str] = &[
        "phòng",
        "văn",
        "trung",
        "sở",
        "ban",
        "chi",
        "cục",
        "ubnd",
        "hđnd",
        "thanh",
        "công",
        "đội",
        "hội",
        "trường",
        "bệnh",
        "kho",
        "đài",
        "báo",
        "viện",
        "tt",
        "p",
        "ttr",
    ];
    let Some(first) = name.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    if first.is_ascii() {
        BODIES.contains(&first.to_ascii_lowercase().as_str())
    } else {
        MARKED.contains(&first.to_lowercase().as_str())
    }
}

/// The kinds of place a unit's name ends with ("UBND xã Sơn Hà", "Phòng Nội vụ huyện Bát
/// Xát"), folded.
const PLACE_KINDS: [&[&str]; 9] = [
    &["xa"],
    &["phuong"],
    &["thi", "tran"],
    &["thi", "xa"],
    &["huyen"],
    &["quan"],
    &["thanh", "pho"],
    &["tp"],
    &["tinh"],
];

/// The place kind `words` (folded) open with, and how many words it takes.
fn place_kind_at(words: &[String]) -> Option<usize> {
    PLACE_KINDS
        .iter()
        .find(|k| {
            words.len() >= k.len() && words[..k.len()].iter().zip(k.iter()).all(|(a, b)| a == b)
        })
        .map(|k| k.len())
}

/// Whether `words` (as written) are a place's proper name: a number ("phường 2"), or two to
/// four capitalised Vietnamese syllables ("Sơn Hà", "Si Ma Cai"); not a body's title-cased
/// name ("Phòng Y Tế", "Báo Lào Cai", "Tổ 1"), a firm's ("Viettel Lào Cai", "VNPT", "FPT").
fn a_places_name(words: &[&str]) -> bool {
    // With their marks: "Đài" is a body, "Đại" a place.
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let f = |i: usize| lower.get(i).map(String::as_str);
    let a_body = matches!(
        (f(0), f(1)),
        (
            Some(
                "phòng"
                    | "sở"
                    | "ban"
                    | "ubnd"
                    | "hđnd"
                    | "cục"
                    | "đội"
                    | "viện"
                    | "đài"
                    | "hội"
                    | "báo"
                    | "tổ"
                    | "đồn"
                    | "bộ"
                    | "quỹ"
                    | "cảng"
                    | "đảng"
                    | "trường"
            ),
            _
        ) | (Some("chi"), Some("cục" | "nhánh"))
            | (Some("bệnh"), Some("viện"))
            | (Some("công"), Some("an" | "ty"))
            | (Some("tổng"), Some("công" | "cục"))
            | (Some("văn"), Some("phòng"))
            | (Some("thanh"), Some("tra"))
            | (Some("trung"), Some("tâm"))
            | (Some("bảo"), Some("hiểm"))
            | (Some("kho"), Some("bạc"))
            | (Some("ngân"), Some("hàng"))
            | (Some("hạt"), Some("kiểm"))
            | (Some("bưu"), Some("điện"))
            | (Some("viễn"), Some("thông"))
            | (Some("điện"), Some("lực"))
            | (Some("nhà"), Some("máy" | "văn"))
            | (Some("hợp"), Some("tác"))
            | (Some("mặt"), Some("trận"))
            | (Some("liên"), Some("đoàn"))
    );
    let number = words.len() == 1 && words[0].chars().all(|c| c.is_ascii_digit());
    let named = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && vietnamese_syllable(&crate::text::fold(w))
        });
    !a_body && (number || named)
}

/// Whether `w` (folded) is spelled as a Vietnamese syllable: an initial consonant, one to
/// three vowels, a final consonant ("nhuan", "khuong", "loong"); not "viettel", "agribank",
/// "vnpt".
fn vietnamese_syllable(w: &str) -> bool {
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    let vowel = |c: char| "aeiouy".contains(c);
    INITIALS.iter().any(|i| {
        w.strip_prefix(i).is_some_and(|rest| {
            let vowels = rest.chars().take_while(|c| vowel(*c)).count();
            (1..=3).contains(&vowels) && FINALS.contains(&&rest[vowels..])
        })
    })
}

/// The level of a place kind: a commune's (xã, phường, thị trấn), a district's (huyện,
/// quận, thị xã, thành phố) or a province's (tỉnh).
fn place_level(kind: &[String]) -> u8 {
    match kind.first().map(String::as_str) {
        Some("xa" | "phuong") => 0,
        Some("thi") if kind.get(1).is_some_and(|w| w == "tran") => 0,
        Some("tinh") => 2,
        _ => 1,
    }
}

/// A list's item written without the words it shares with the item before, those before
/// the place: "Phú Nhuận" after "UBND xã Sơn Hà" is "UBND xã Phú Nhuận", "xã Phú Nhuận"
/// too; `None` when `piece` is not a place's name alone or `before` ends with no place.
pub fn with_the_head_before(before: &str, piece: &str) -> Option<String> {
    let prev: Vec<&str> = before.split_whitespace().collect();
    let folded: Vec<String> = prev
        .iter()
        .map(|w| crate::text::fold(w.trim_end_matches('.')))
        .collect();
    // The last place kind in `before`, after a body's words, with a place's name to the end.
    // ("Xã Bản Cầm, Bản Phiệt": the place kind alone is the head.)
    let (at, kind) = (0..prev.len()).rev().find_map(|at| {
        let kind = place_kind_at(&folded[at..])?;
        a_places_name(&prev[at + kind..]).then_some((at, kind))
    })?;
    let words: Vec<&str> = piece.split_whitespace().collect();
    let piece_folded: Vec<String> = words
        .iter()
        .map(|w| crate::text::fold(w.trim_end_matches('.')))
        .collect();
    // "UBND xã Bản Cầm, huyện Bảo Thắng": a place of another level is where it lies.
    let same_level =
        |own: usize| place_level(&piece_folded[..own]) == place_level(&folded[at..at + kind]);
    let head = match place_kind_at(&piece_folded) {
        Some(own) if a_places_name(&words[own..]) && same_level(own) => &prev[..at],
        Some(_) => return None,
        None if a_places_name(&words) => &prev[..at + kind],
        None => return None,
    };
    Some(format!("{} {}", head.join(" "), words.join(" ")))
}

/// The bodies a group names one by one: by their places, "UBND các xã: Si Ma Cai, Bản Cầm"
/// is "UBND xã Si Ma Cai" and "UBND xã Bản Cầm" ("UBND các xã Si Ma Cai và Bản Cầm" too); by
/// their names, "Các Phòng: Nội vụ, Văn hóa" is "Phòng Nội vụ" and "Phòng Văn hóa" (names
/// parted at commas only, joined again where `known` holds the name joined: "Các Sở: Văn
/// hóa, Thể thao và Du lịch"). `None` for a group of no names ("UBND các xã") or a name of
/// another shape.
pub fn each_of_a_group(name: &str, known: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    // "Phòng: Nội vụ, Tư pháp", "Sở: Tài chính và Nội vụ": a kind of body before a colon (no
    // unit's name holds one) names each of the list after it.
    if let Some((kind, list)) = name.split_once(':')
        && !kind.trim().is_empty()
        && !crate::text::fold(kind).starts_with("cac ")
        && ["phong", "so", "ban", "trung tam", "chi cuc"]
            .contains(&crate::text::fold(kind.trim()).as_str())
        && list.contains([',', ';'])
    {
        return each_of_a_group(&format!("Các {}: {}", kind.trim(), list.trim()), known);
    }
    const BODIES: [&[&str]; 5] = [
        &["phong"],
        &["so"],
        &["ban"],
        &["trung", "tam"],
        &["chi", "cuc"],
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = (words.iter())
        .map(|w| crate::text::fold(w.trim_end_matches([':', ',', '/'])))
        .collect();
    // "các", or a count of places ("UBND hai xã …", "UBND 02 xã: …").
    let counted = |k: usize| {
        folded.get(k).is_some_and(|w| {
            [
                "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi",
            ]
            .contains(&w.as_str())
                || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        }) && k >= 1
            && place_kind_at(&folded[k + 1..]).is_some()
    };
    let all = (0..=4).find(|&k| folded.get(k).is_some_and(|w| w == "cac") || counted(k))?;
    let at_kind = &folded[all + 1..];
    let body = BODIES
        .iter()
        .find(|b| {
            at_kind.len() >= b.len() && at_kind[..b.len()].iter().zip(b.iter()).all(|(a, b)| a == b)
        })
        .filter(|_| all == 0);
    let (kind, places) = match (place_kind_at(at_kind), body) {
        (Some(k), _) if all >= 1 => (k, true),
        (_, Some(b)) => (b.len(), false),
        _ => return None,
    };
    let kind_words = words[all + 1..all + 1 + kind].join(" ");
    let kind_words = kind_words.trim_end_matches([':', ',', '/']);
    // "Các Sở, ngành: …", "UBND các xã, thị trấn: …": more kinds, up to a colon (the first
    // names each body); "Các phòng, ban chuyên môn" names none.
    let mut after = all + 1 + kind;
    if words[after - 1].ends_with([',', '/']) {
        const KINDS: [&str; 16] = [
            "nganh", "ban", "so", "phong", "don", "vi", "co", "quan", "xa", "phuong", "thi",
            "tran", "huyen", "thanh", "pho", "va",
        ];
        loop {
            let w = words.get(after)?;
            if !KINDS.contains(&folded[after].as_str()) {
                return None;
            }
            after += 1;
            if w.ends_with(':') {
                break;
            }
        }
    }
    let head = if places {
        format!("{} {kind_words}", words[..all].join(" "))
    } else {
        // "Các Phòng": "Phòng".
        let mut c = kind_words.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())?
    };
    let rest = words[after..].join(" ");
    let listed = rest.trim_start().starts_with(':')
        || kind_words.len() < words[all + 1..all + 1 + kind].join(" ").len();
    let rest = rest.trim_start_matches(':').trim();
    let parts = rest.split([',', ';']).map(str::trim);
    let items: Vec<&str> = if places {
        parts.flat_map(|p| p.split(" và ")).map(str::trim).collect()
    } else {
        parts.collect()
    };
    let named = |p: &str| {
        let w: Vec<&str> = p.split_whitespace().collect();
        if places {
            a_places_name(&w)
        } else {
            p.chars().next().is_some_and(char::is_uppercase)
        }
    };
    // (One name after a group's kind and no colon, "các Phòng VH&TT huyện", is the group's.)
    if items.is_empty() || !items.iter().all(|p| named(p)) || (items.len() == 1 && !listed) {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    while at < items.len() {
        let end = (at + 2..=items.len())
            .rev()
            .find(|&end| known(&format!("{head} {}", items[at..end].join(", "))))
            .unwrap_or(at + 1);
        out.push(format!("{head} {}", items[at..end].join(", ")));
        at = end;
    }
    Some(out)
}

/// A unit's name whose place is written as a note, with the place in it: "Sở Tài chính
/// (tỉnh Yên Bái)" and "Sở Tài chính - tỉnh Yên Bái" are "Sở Tài chính tỉnh Yên Bái"; `None`
/// for a name of another shape.
pub fn place_noted(name: &str) -> Option<String> {
    let (unit, note) = match name.trim().strip_suffix(')') {
        Some(open) => open.rsplit_once('(')?,
        None => name.rsplit_once(" - ")?,
    };
    let words: Vec<&str> = note.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    let kind = place_kind_at(&folded)?;
    // "UBND xã Bản Cầm (huyện Bát Xát)": a place of a higher level than the unit's own is
    // where it lies, not part of its name.
    let unit_folded: Vec<String> = unit.split_whitespace().map(crate::text::fold).collect();
    let own_level = (0..unit_folded.len())
        .rev()
        .filter_map(|k| {
            place_kind_at(&unit_folded[k..]).map(|n| place_level(&unit_folded[k..k + n]))
        })
        .next();
    if own_level.is_some_and(|own| own < place_level(&folded[..kind])) {
        return None;
    }
    (a_places_name(&words[kind..]) && !unit.trim().is_empty())
        .then(|| format!("{} {}", unit.trim(), words.join(" ")))
}

/// The place a unit's name notes without its kind, "Yên Bái" of "Sở Tài chính (Yên Bái)";
/// `None` for a name of another shape.
pub fn bare_place_noted(name: &str) -> Option<String> {
    let (unit, note) = name.trim().strip_suffix(')')?.rsplit_once('(')?;
    let words: Vec<&str> = note.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    (place_kind_at(&folded).is_none() && a_places_name(&words) && opens_with_a_body(unit))
        .then(|| words.join(" "))
}

/// The short forms written in brackets after the names of a list ("Ban Quản lý các khu công
/// nghiệp (BQL-KCN), Sở Tài chính, Trung tâm Văn hóa tỉnh (TT Văn hóa)"): each name's folded
/// words, and its short form (see [`short_form_noted`]).
pub fn short_forms_listed(list: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut depth = 0usize;
    for (k, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some(short) = short_form_noted(&list[from..=k])
                {
                    let name = list[from..=k].rsplit_once('(').map_or("", |(n, _)| n);
                    out.push((crate::text::words(name), short));
                }
            }
            ',' | ';' if depth == 0 => from = k + 1,
            _ => {}
        }
    }
    out
}

/// Whether two document numbers as written are one document: the same number (leading
/// zeros aside) of the same kind, however the kind is written ("77/TB-STTTT", "TB 77/TB-STTTT",
/// "TB77/TB-STTTT", "TB 077", "Thông báo số 77/TB-STTTT"); a number without a kind is any
/// kind's. Not another number ("KH 12" and "KH 21").
pub fn same_document(a: &str, b: &str) -> bool {
    match (document_key(a), document_key(b)) {
        (Some((x, k)), Some((y, l))) => x == y && (k.is_none() || l.is_none() || k == l),
        _ => crate::text::plain(a) == crate::text::plain(b),
    }
}

/// Whether two document numbers are of one series: the same kind and the same issuer after
/// the number ("77/TB-STTTT" and "TB 78/TB-STTTT"; not "CV 312/UBND-KT"), as a number
/// corrected keeps them.
pub fn same_series(a: &str, b: &str) -> bool {
    let issuer = |s: &str| {
        let start = s.find(|c: char| c.is_ascii_digit())?;
        let rest = s[start..].trim_start_matches(|c: char| c.is_ascii_digit());
        rest.strip_prefix('/').map(crate::text::plain)
    };
    match (document_key(a), document_key(b)) {
        (Some((_, k)), Some((_, l))) => k == l && issuer(a) == issuer(b),
        _ => false,
    }
}

/// Whether words say what was asked was refused ("bị từ chối", "không đồng ý", "không chấp
/// thuận", "không cho lùi", "không gia hạn"), not still awaited.
pub fn says_refused(text: &str) -> bool {
    let f = format!(" {} ", crate::text::words(text).join(" "));
    [
        " tu choi ",
        " khong dong y ",
        " khong chap thuan ",
        " khong chap nhan ",
        " khong phe duyet ",
        " khong cho ",
        " khong gia han ",
        " khong duoc ",
    ]
    .iter()
    .any(|w| f.contains(w))
}

/// Whether a stage done (`stage`, folded: "du thao", "giai doan 1") is the whole of a task
/// in these words: they name it, and no other stage of its kind nor a step after a draft
/// ("Triển khai giai đoạn 1 Dự án …"; not "… giai đoạn 1 và giai đoạn 2", "Xây dựng dự thảo
/// và trình ban hành …").
fn the_whole_task(task: &str, stage: &str) -> bool {
    let f = padded(task);
    let kind = stage.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let kind = kind.strip_suffix(" dau").unwrap_or(kind);
    let named = |w: &str| f.matches(&format!(" {w} ")).count();
    let later = ["trinh", "ban hanh", "phe duyet", "tham dinh", "ky", "gui"]
        .iter()
        .any(|w| crate::text::holds_phrase(&f, w));
    crate::text::holds_phrase(&f, stage)
        && named(kind) <= 1
        && !(stage == "du thao" && later)
        && !["cac", "2", "hai"]
            .iter()
            .any(|n| f.contains(&format!(" {n} {kind} ")))
        && !stages_listed(&f, kind)
}

/// Whether folded words `f` (see `padded`) list stages of a kind after it ("giai đoạn 1-2",
/// "giai đoạn 1 và 2", "giai đoạn I, II"): two numbers within the four words after it.
fn stages_listed(f: &str, kind: &str) -> bool {
    let words: Vec<&str> = f.split_whitespace().collect();
    let k: Vec<&str> = kind.split(' ').collect();
    // (Small numbers: not a year, "đợt 1 năm 2024".)
    let counted = |w: &str| {
        (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            || ["i", "ii", "iii", "iv", "v"].contains(&w)
    };
    (0..words.len()).any(|i| {
        words[i..].starts_with(&k)
            && (words[i + k.len()..].iter().take(4))
                .filter(|w| counted(w))
                .count()
                >= 2
    })
}

/// Where a text's last full date ends (0 for none).
fn after_last_date(text: &str) -> usize {
    let t = tokenize(text);
    (0..t.len())
        .filter_map(|i| deadline::stated_date_to(&t, i))
        .map(|(_, end)| t[end - 1].end)
        .max()
        .unwrap_or(0)
}

/// Whether words (folded) say "đã", a verb of the work, then "xong" ("Đã tổ chức xong hội
/// nghị", "Đã kiểm tra xong 05 đơn vị"), with nothing not yet or under way between.
fn done_after_a_verb(words: &[String]) -> bool {
    (0..words.len()).any(|i| {
        words[i] == "da"
            && (i + 2..(i + 5).min(words.len())).any(|j| {
                words[j] == "xong"
                    && !words[i + 1..j]
                        .iter()
                        .any(|w| ["chua", "dang", "khong", "se"].contains(&w.as_str()))
            })
    })
}

/// The stage of the work a text says done, not the whole, as its words (folded: "du thao",
/// "giai doan 1"): done words ("hoàn thành", "xong", "HT") followed in their clause, within
/// three words, by a stage ("dự thảo", "một số"; "giai đoạn", "GĐ", "bước", "đợt", "hạng
/// mục", "nội dung", "phần", "lần", "kỳ" with its number, "bước" also "đầu" or "chuẩn bị");
/// not the last ("giai đoạn cuối"), all ("cả 2 giai đoạn", "2/2 giai đoạn", "toàn bộ"), a
/// period ("giai đoạn 2021-2025"), "bắt buộc" nor "đột xuất"; none when a clause after it
/// says the task done ("…; UBND tỉnh đã ban hành ngày 20/9/2024", "… Ngày 20/9/2024 đã hoàn
/// thành").
fn stage_said(text: &str) -> Option<String> {
    let clauses: Vec<Vec<String>> = (text.split(['.', ';', ',', '\n']))
        .map(crate::text::words)
        .collect();
    let (k, stage) = (clauses.iter().enumerate())
        .filter_map(|(k, c)| stage_in(c).map(|s| (k, s)))
        .next_back()?;
    let whole_after = clauses[k + 1..].iter().any(|c| says_done_whole(c));
    (!whole_after).then_some(stage)
}

/// Whether a clause's words (folded) say done, of no stage, and nothing under way or not yet.
fn says_done_whole(words: &[String]) -> bool {
    let has = |p: &[&str]| {
        words
            .windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
    };
    let done = has(&["hoan", "thanh"])
        || has(&["xong"])
        || has(&["ket", "thuc"])
        || has(&["da", "ban", "hanh"]);
    done && stage_in(words).is_none() && !has(&["chua"]) && !has(&["dang"])
}

/// The stage [`stage_said`] finds in one clause's words (folded).
fn stage_in(words: &[String]) -> Option<String> {
    const BARE: &[&[&str]] = &[&["du", "thao"], &["mot", "so"]];
    const NUMBERED: &[&[&str]] = &[
        &["giai", "doan"],
        &["gd"],
        &["buoc"],
        &["dot"],
        &["hang", "muc"],
        &["noi", "dung"],
        &["phan"],
        &["lan"],
        &["ky"],
    ];
    const ORDINAL: &[&str] = &["dau", "mot", "hai", "ba", "i", "ii", "iii", "iv", "v"];
    const ALL: &[&str] = &["ca", "cac", "toan", "tat", "moi"];
    let at = |i: usize, w: &[&str]| {
        (words.get(i..i + w.len())).is_some_and(|s| s.iter().zip(w).all(|(a, b)| a == b))
    };
    let small = |n: &str| n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit());
    let stage_at = |j: usize| -> Option<usize> {
        if let Some(w) = BARE.iter().find(|w| at(j, w)) {
            return Some(w.len());
        }
        // "GĐ1", "gd2": the number written on.
        if words[j].strip_prefix("gd").is_some_and(small) {
            return Some(1);
        }
        let w = NUMBERED.iter().find(|w| at(j, w))?;
        let next = words.get(j + w.len())?;
        let counted =
            small(next) || ORDINAL.contains(&next.as_str()) || (w[0] == "buoc" && next == "chuan");
        let bat_buoc = w[0] == "buoc" && j > 0 && words[j - 1] == "bat";
        (counted && !bat_buoc).then_some(w.len() + 1)
    };
    // "(giai đoạn cuối)", "(bước cuối)": the last stage, the whole done.
    let last = (1..words.len()).any(|j| {
        words[j] == "cuoi" && ["doan", "buoc", "dot", "phan", "gd"].contains(&words[j - 1].as_str())
    });
    if last {
        return None;
    }
    (0..words.len()).find_map(|i| {
        let done = match () {
            _ if at(i, &["hoan", "thanh"]) => 2,
            _ if at(i, &["xong"]) || at(i, &["ht"]) => 1,
            _ => return None,
        };
        let from = i + done;
        (from..(from + 4).min(words.len())).find_map(|j| {
            let between = &words[from..j];
            let all = between
                .iter()
                .any(|w| ALL.contains(&w.as_str()) || w.bytes().all(|b| b.is_ascii_digit()));
            let n = stage_at(j).filter(|_| !all)?;
            Some(words[j..j + n].join(" "))
        })
    })
}

/// Whether a text says the work done only in the main ("Cơ bản hoàn thành", "Về cơ bản đã
/// xong", "Hoàn thành căn bản", "Bước đầu đã hoàn thành"): not all of it.
fn partly_done(text: &str) -> bool {
    text.split(['.', ';', ',', '\n']).any(|clause| {
        let f = padded(clause);
        let has = |w: &str| crate::text::holds_phrase(&f, w);
        let done = has("hoan thanh") || has("xong") || has("ht");
        // (Not "xây dựng cơ bản", capital construction.)
        let main = (has("co ban") && !has("xay dung co ban")) || has("can ban");
        done && (main || f.trim_start().starts_with("buoc dau"))
    })
}

/// A source as it is looked up by: its document's number alone when it cites one ("77" of
/// "TB 77/TB-STTTT"), else its words (folded).
pub fn source_key(source: &str) -> String {
    match document_key(source) {
        Some((n, _)) => n.to_string(),
        None => crate::text::plain(source),
    }
}

/// A document number's number (leading zeros aside) and its kind, however written (see
/// [`same_document`]); none for words without a number.
fn document_key(s: &str) -> Option<(u64, Option<String>)> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let digits: String = s[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let n: u64 = digits.trim_start_matches('0').parse().unwrap_or(0);
    let after = &s[start + digits.len()..];
    // A kind of document written whole before the number ("Thông báo số 77", "Công văn
    // 456"): its short form; a công văn's number says its issuer after "/", not its kind.
    let before = crate::text::plain(&s[..start]);
    const KINDS: &[(&str, &str)] = &[
        ("thong bao", "tb"),
        ("ke hoach", "kh"),
        ("quyet dinh", "qd"),
        ("ket luan", "kl"),
        ("nghi quyet", "nq"),
        ("chi thi", "ct"),
        ("to trinh", "tt"),
        ("bao cao", "bc"),
        ("cong van", "cv"),
    ];
    if let Some((_, short)) = KINDS.iter().find(|(whole, _)| before.contains(whole)) {
        return Some((n, (*short != "cv").then(|| short.to_string())));
    }
    if before.split(' ').any(|w| w == "cv") {
        return Some((n, None));
    }
    // The kind after the number ("/TB-…"), else the short form before it ("TB 77").
    let kind = match after.strip_prefix('/') {
        Some(rest) => Some(
            rest.chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>(),
        ),
        None => s[..start]
            .split(|c: char| !c.is_alphabetic())
            .rfind(|w| !w.is_empty() && crate::text::fold(w) != "so")
            .map(str::to_string),
    }
    .map(|k| crate::text::fold(&k))
    .filter(|k| !k.is_empty() && k.len() <= 5);
    Some((n, kind))
}

/// Who a title says gave the tasks below it: the words between "do" and "giao" ("NHIỆM VỤ
/// DO ĐỒNG CHÍ PHẠM MINH LONG, PHÓ GIÁM ĐỐC SỞ GIAO", "… DO PHÓ GIÁM ĐỐC SỞ PHẠM MINH LONG
/// GIAO", "… DO Đ/C PHẠM MINH LONG GIAO"); none for a title that gives no one ("Kính gửi:
/// Đồng chí …").
pub fn giver_in_title(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    let bare = |k: usize| folded[k].trim_matches(|c: char| !c.is_alphanumeric());
    // "KẾT LUẬN CỦA ĐỒNG CHÍ PHẠM MINH LONG - PHÓ GIÁM ĐỐC SỞ": who concluded.
    if let Some(k) = (0..folded.len().saturating_sub(2))
        .find(|&k| bare(k) == "ket" && bare(k + 1) == "luan" && bare(k + 2) == "cua")
    {
        let who: Vec<&str> = words[k + 3..].iter().take(10).copied().collect();
        return (who.len() >= 2).then(|| who.join(" "));
    }
    // ("… GIAO", or "NHIỆM VỤ ĐỒNG CHÍ X CHỈ ĐẠO".)
    let given = (0..folded.len()).find(|&k| bare(k) == "giao").or_else(|| {
        (1..folded.len())
            .find(|&k| bare(k - 1) == "chi" && bare(k) == "dao")
            .map(|k| k - 1)
    })?;
    // ("NHIỆM VỤ ĐỒNG CHÍ PHẠM MINH LONG GIAO": from "đồng chí" on, without "do".)
    let comrade = || {
        (0..given).find(|&k| {
            folded[k] == "d/c"
                || (folded[k] == "dong" && folded.get(k + 1).is_some_and(|w| w == "chi"))
        })
    };
    // ("do" as written: the surname "Đỗ" folds to it too.)
    let from = match words[..given]
        .iter()
        .rposition(|w| w.to_lowercase() == "do")
    {
        Some(by) => by + 1,
        None => comrade()?,
    };
    // ("NGUYÊN PHÓ GIÁM ĐỐC", "(nguyên PGĐ)": the post they held; "nguyên" as written, not
    // the surname "Nguyễn".)
    // ("… DO GIÁM ĐỐC SỞ GIAO (ĐỒNG CHÍ BÙI HỒNG BÌNH)": the name in brackets after it.)
    let named_after = match folded.get(given + 1).map(String::as_str) {
        Some("(d/c") => given + 2,
        Some("(dong") if folded.get(given + 2).is_some_and(|w| w == "chi") => given + 3,
        _ => given + 1,
    };
    let after = (words[named_after.min(words.len())..].iter())
        .position(|w| w.ends_with(')'))
        .filter(|_| named_after > given + 1)
        .map_or(0, |k| k + 1);
    // (Not one named to follow the tasks up: "(ĐỒNG CHÍ X THEO DÕI)", "(… ĐÔN ĐỐC)".)
    let bracket = crate::text::plain(&words[named_after.min(words.len())..][..after].join(" "));
    let after = match ["theo doi", "don doc", "phu trach", "thuc hien", "chu tri"]
        .iter()
        .any(|w| bracket.contains(w))
    {
        true => 0,
        false => after,
    };
    // ("NHIỆM VỤ ĐỒNG CHÍ X ĐƯỢC GIAO": given to X, not by X.)
    if folded[from..given].iter().any(|w| w == "duoc") {
        return None;
    }
    // ("… ĐỒNG CHÍ PHẠM MINH LONG ĐÃ GIAO": the word of time aside.)
    let before = match folded[given - 1].as_str() {
        "da" if given - 1 > from => given - 1,
        _ => given,
    };
    let who: Vec<&str> = (words[from..before].iter())
        .chain(&words[named_after.min(words.len())..][..after])
        .map(|w| w.trim_matches(['(', ')']))
        .filter(|w| w.to_lowercase() != "nguyên" && !w.is_empty())
        .collect();
    (from + 1 < given && given - from <= 11).then(|| who.join(" "))
}

/// The short form written in brackets after a name, "Trung tâm Phục vụ hành chính công
/// (TTPVHCC)", "Ban Quản lý dự án (Ban QLDA)", "Đài Phát thanh - Truyền hình tỉnh (Đài
/// PTTH)": its initials, its kind words and their initials, or up to three words holding
/// letters in capitals; none for a note, a place or another name.
pub fn short_form_noted(name: &str) -> Option<String> {
    let (before, inner) = name.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let (before, inner) = (before.trim(), inner.trim());
    if before.is_empty()
        || inner.is_empty()
        || inner.contains(['(', ')', ',', ';', ':'])
        || inner.split_whitespace().count() > 3
    {
        return None;
    }
    let (b, i) = (crate::text::words(before), crate::text::words(inner));
    let initials =
        i.len() == 1 && i[0].chars().count() >= 2 && crate::text::initials(before) == i[0];
    // ("UBND", "HĐND" alone say a kind of body, not this one.)
    let capitals = inner.split_whitespace().any(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && !["ubnd", "hdnd"].contains(&crate::text::fold(w).as_str())
    });
    (initials
        || capitals
        || crate::text::abbreviates(&i, &b)
        || crate::text::kind_and_initials(before, inner))
    .then(|| inner.to_string())
}

/// A unit's name without the notes a tracker adds to it: a parenthesis ("Phòng CĐS (chủ
/// trì)") and a person after a dash ("Phòng CĐS - đ/c Hùng").
pub fn without_notes(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let lower = out.to_lowercase();
    let person = [
        " - đ/c",
        " – đ/c",
        " - đồng chí",
        " – đồng chí",
        " - ông",
        " - bà",
    ]
    .iter()
    .filter_map(|p| lower.find(p))
    .min();
    let kept = match person {
        Some(at) => &out[..at],
        None => &out[..],
    };
    kept.trim().to_string()
}

/// A unit's name with the short forms trackers write spelled out: "P.", "TTr" and "TT" (before
/// a word) for "Phòng", "Thanh tra" and "Trung tâm" at its start, capitals joined by a dash or "&" ("KH-TC",
/// "TTBC&XB") written as one, a place's "TP." or "Tx." as "TP", "TX"; `None` when it has none.
pub fn spelled_out(name: &str) -> Option<String> {
    // "P.KHTC", "TTr.Sở": the short form glued to the name.
    let glued = ["P.", "TTr."].iter().find_map(|k| {
        let rest = name.trim_start().strip_prefix(k)?;
        rest.starts_with(char::is_uppercase)
            .then(|| format!("{k} {rest}"))
    });
    let name = glued.as_deref().unwrap_or(name);
    let mut words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
    let first = words.first()?.clone();
    // ("TT" before a word, not capitals: "TT Tích hợp dữ liệu", not "TT CNTT".)
    let a_word_next = words.get(1).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    let kind = match first.as_str() {
        "P." | "P" => Some("Phòng"),
        "TTr" | "TTr." => Some("Thanh tra"),
        "TT" | "TT." if a_word_next => Some("Trung tâm"),
        _ => None,
    };
    let mut changed = false;
    if let Some(kind) = kind
        && words.len() > 1
    {
        words[0] = kind.to_string();
        changed = true;
    }
    for w in &mut words {
        let joined = w.contains(['-', '&'])
            && w.split(['-', '&'])
                .all(|p| p.len() >= 2 && p.chars().all(|c| c.is_uppercase()));
        if joined {
            *w = w.replace(['-', '&'], "");
            changed = true;
        }
        // A place's short form: "TP." and "Tp." as "TP", "TX." as "TX".
        let place = match w.as_str() {
            "TP." | "Tp." | "Tp" => Some("TP"),
            "TX." | "Tx." | "Tx" => Some("TX"),
            _ => None,
        };
        if let Some(place) = place {
            *w = place.to_string();
            changed = true;
        }
    }
    changed.then(|| words.join(" "))
}

/// A unit's name without the place added after it, for a name the directory does not hold
/// as written: the name before the place's kind word, then the name with that word ("Công
/// an tỉnh Lào Cai": "Công an", "Công an tỉnh"). The place is a kind word ("tỉnh", "thành
/// phố", "TP.", "huyện", "H.", "thị xã", "TX.", "quận") and one to four words in capitals,
/// or that word alone at the end ("Sở Nội vụ tỉnh").
pub fn without_place(name: &str) -> Option<[String; 2]> {
    const PLACES: [&[&str]; 10] = [
        &["tỉnh"],
        &["thành", "phố"],
        &["tp"],
        &["tp."],
        &["huyện"],
        &["h."],
        &["thị", "xã"],
        &["tx"],
        &["tx."],
        &["quận"],
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    for at in (2..words.len()).rev() {
        let lower = |w: &str| w.to_lowercase();
        let Some(kind) = PLACES.iter().find(|p| {
            words[at..]
                .iter()
                .map(|w| lower(w))
                .take(p.len())
                .eq(p.iter().map(|w| w.to_string()))
        }) else {
            continue;
        };
        // "Văn phòng Sở, TP Lào Cai": a list, not a unit's place.
        if words[at - 1].ends_with([',', ';']) {
            continue;
        }
        let place = &words[at + kind.len()..];
        let capitals = place
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        // "Sở Nội vụ tỉnh": the level alone at the end.
        if place.is_empty() || ((1..=4).contains(&place.len()) && capitals) {
            return Some([words[..at].join(" "), words[..at + kind.len()].join(" ")]);
        }
    }
    None
}

/// The place a unit's name ends with, as [`without_place`] reads it: its proper name ("Bát
/// Xát" of "Phòng Nội vụ huyện Bát Xát"); none for a name with no place or the level alone
/// ("Sở Nội vụ tỉnh").
pub fn place_of(name: &str) -> Option<String> {
    let [_, with_kind] = without_place(name)?;
    let place: Vec<&str> = (name.split_whitespace())
        .skip(with_kind.split_whitespace().count())
        .collect();
    (!place.is_empty()).then(|| place.join(" "))
}

/// The other ways to read a unit's name as written, to look up when the name itself is not
/// the directory's: its short forms spelled out ([`spelled_out`]), then without the place
/// added ([`without_place`]), then the unit a head's post names ([`unit_of_post`]), last
/// "TP X" read as the Trưởng phòng of "Phòng X" (else a city, "TP Lào Cai": only a form to
/// look up, never a unit to propose), a place named alone as its People's Committee.
pub fn other_forms(name: &str) -> Vec<String> {
    let spelled = spelled_out(name);
    let written = spelled.as_deref().unwrap_or(name);
    let headed = unit_of_post(written);
    // "TP Nội vụ", "TP.Nội vụ", "T.P Nội vụ", "Phó TP Nội vụ" (the deputy's).
    let head = written.strip_prefix("Phó ").unwrap_or(written).trim_start();
    let after_tp = ["TP.", "T.P.", "T.P", "TP "]
        .iter()
        .find_map(|tp| head.strip_prefix(tp))
        .map(str::trim)
        .filter(|rest| rest.chars().next().is_some_and(char::is_uppercase));
    let head_of_a_phong = after_tp.map(|rest| format!("Phòng {rest}"));
    // "Chánh Văn phòng", "Chánh VP Sở", "Chánh Thanh tra": the office's own, as its directory
    // names it.
    // ("Phó Chánh Văn phòng": the deputy's, the same office.)
    let w: Vec<&str> = head.split_whitespace().collect();
    let folded: Vec<String> = w.iter().map(|x| crate::text::fold(x)).collect();
    let chief = match folded.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["chanh", "van", "phong", ..] => Some(("Văn phòng", 3)),
        ["chanh", "vp", ..] => Some(("Văn phòng", 2)),
        ["chanh", "thanh", "tra", ..] => Some(("Thanh tra", 3)),
        _ => None,
    };
    // "Xã Si Ma Cai", "Huyện Bát Xát": a place named alone, its People's Committee.
    let committee = place_kind_at(&folded)
        .filter(|k| *k < w.len() && a_places_name(&w[*k..]))
        .map(|k| {
            format!(
                "UBND {} {}",
                w[..k].join(" ").to_lowercase(),
                w[k..].join(" ")
            )
        });
    let chiefs: Vec<String> = match chief {
        Some((kind, n)) if w.len() > n => vec![format!("{kind} {}", w[n..].join(" "))],
        Some((kind, _)) => ["", " Sở", " UBND", " huyện"]
            .iter()
            .map(|of| format!("{kind}{of}"))
            .collect(),
        None => Vec::new(),
    };
    spelled
        .iter()
        .cloned()
        .chain(without_place(written).into_iter().flatten())
        .chain(headed.iter().cloned())
        .chain(
            headed
                .iter()
                .flat_map(|u| without_place(u).into_iter().flatten()),
        )
        .chain(head_of_a_phong)
        .chain(chiefs)
        .chain(committee)
        .collect()
}

/// The unit whose head a post names, as trackers write the lead of a task given to a head:
/// "Chủ tịch UBND xã Sơn Hà" (UBND xã Sơn Hà), "Giám đốc Sở Tài chính", "Trưởng phòng Nội
/// vụ" (Phòng Nội vụ), "Chánh Văn phòng Sở" (Văn phòng Sở), "Chánh Thanh tra Sở".
pub fn unit_of_post(name: &str) -> Option<String> {
    // "Đ/c Nguyễn Văn A - Chủ tịch UBND xã Sơn Hà", "Chủ tịch UBND xã Sơn Hà - Nguyễn Văn A",
    // "Nguyễn Văn A (Chủ tịch UBND xã Sơn Hà)": the part that holds the post.
    // (Commas list units: "Chủ tịch UBND xã A, B" is two, split by the caller.)
    let parts = name.split(['(', ')']).flat_map(|p| p.split(" - "));
    let mut found = parts.filter_map(post_and_unit);
    let first = found.next()?;
    // Two different posts ("… - Chủ tịch UBND xã A - Giám đốc Sở B") name no one unit here.
    found.all(|other| other == first).then_some(first)
}

/// [`unit_of_post`] of one part: the post first, after a form of address ("Đ/c", "Đồng
/// chí", "Ông", "Bà") and "Quyền" or "Phó"; "CT", "PCT", "GĐ", "PGĐ" stand for the posts.
fn post_and_unit(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let folded: Vec<String> = words
        .iter()
        .map(|w| crate::text::fold(w.trim_end_matches([':', '.'])))
        .collect();
    let at = |i: usize, seq: &[&str]| {
        seq.iter()
            .enumerate()
            .all(|(k, w)| folded.get(i + k).is_some_and(|f| f == w))
    };
    let mut start = 0;
    for lead in [
        &["dong", "chi"][..],
        &["d/c"],
        &["ong"],
        &["ba"],
        &["quyen"],
        &["q"],
        &["pho"],
    ] {
        if at(start, lead) {
            start += lead.len();
        }
    }
    // The post's words, then the word of the unit's kind they hold ("Trưởng phòng X":
    // "Phòng X").
    const POSTS: &[(&[&str], Option<&str>)] = &[
        (&["chu", "tich"], None),
        (&["giam", "doc"], None),
        (&["thu", "truong"], None),
        (&["bi", "thu"], None),
        (&["ct"], None),
        (&["pct"], None),
        (&["gd"], None),
        (&["pgd"], None),
        (&["truong", "phong"], Some("Phòng")),
        (&["truong", "ban"], Some("Ban")),
        (&["chanh", "van", "phong"], Some("Văn phòng")),
        (&["chanh", "thanh", "tra"], Some("Thanh tra")),
    ];
    let (post, kind) = POSTS.iter().find(|(p, _)| at(start, p))?;
    let rest = &words[start + post.len()..];
    if rest.is_empty() {
        return None;
    }
    Some(match kind {
        Some(kind) => format!("{kind} {}", rest.join(" ")),
        None => rest.join(" "),
    })
}

/// The priority a cell says ("Khẩn", "Hỏa tốc", "Cao", "Bình thường"; empty: normal), or
/// `None` when its words say none known.
pub fn priority(text: &str) -> Option<Priority> {
    let w = crate::text::plain(text);
    let spaced = format!(" {w} ");
    let has = |p: &str| crate::text::holds_phrase(&spaced, p);
    Some(
        if w.is_empty() || has("binh thuong") || w == "thuong" || w == "thap" {
            Priority::Normal
        } else if has("khan") || has("hoa toc") || has("gap") {
            Priority::Urgent
        } else if has("cao") || has("quan trong") || has("uu tien") || w == "x" {
            Priority::High
        } else {
            return None;
        },
    )
}

/// The units a cell names, split at `;`, line breaks and the numbers of a list ("1. Văn
/// phòng 2. Thanh tra", "a) …", "(1) …"), without those numbers (the caller splits a part at
/// its commas when the directory does not hold it whole).
pub fn unit_names(text: &str) -> Vec<String> {
    text.split([';', '\n', '\r', '•', '➢', '►', '◦', '▪'])
        .flat_map(numbered_items)
        .map(|s| s.trim().trim_start_matches(['-', '+', '•']).trim())
        .map(without_a_full_stop)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A name without the full stop that ends a cell's sentence ("… Bản Cầm."); not the stop of
/// a short form ("TP.", "v.v.").
fn without_a_full_stop(name: &str) -> &str {
    match name.strip_suffix('.') {
        Some(rest)
            if rest
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().count() >= 3 && !w.contains('.')) =>
        {
            rest.trim_end()
        }
        _ => name,
    }
}

/// The number of a list's item a word opens with ("1.", "2)", "3/", "4-", "(5)", "a)", "b.",
/// "II."; glued to the next word too: "1.Văn"), in order from 1 (letters from "a"), and the
/// marker's length in bytes; none for other words ("P.", "TP.", "2025", "03/2025").
fn item_number(word: &str) -> Option<(u32, usize)> {
    let (inner, len) = match word.strip_prefix('(') {
        Some(rest) => {
            let close = rest.find(')')?;
            (&rest[..close], close + 2)
        }
        None => {
            let close = word.find(['.', ')', '/', '-'])?;
            (&word[..close], close + 1)
        }
    };
    let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let n = match inner.as_bytes() {
        [c @ b'a'..=b'h'] => u32::from(c - b'a') + 1,
        digits if (1..=2).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit) => {
            inner.parse().ok().filter(|n| *n > 0)?
        }
        _ => roman.iter().position(|r| *r == inner)? as u32 + 1,
    };
    // "03/2025", "2-3 ngày", "1.000": a number goes on after the mark.
    let rest = &word[len..];
    (!rest.starts_with(|c: char| c.is_ascii_digit())).then_some((n, len))
}

/// A part of a cell cut into the items of a list numbered in it: the first word's number,
/// then each next number in turn ("1. Phòng A 2. Phòng B" is two); the part itself when it
/// opens with no number.
fn numbered_items(part: &str) -> Vec<&str> {
    let mut words = part.split_whitespace().map(|w| {
        let start = w.as_ptr() as usize - part.as_ptr() as usize;
        (start, item_number(w))
    });
    let Some((first_at, Some((mut number, len)))) = words.next() else {
        return vec![part];
    };
    let mut items = Vec::new();
    let mut from = first_at + len;
    for (start, n) in words {
        if let Some((k, len)) = n
            && k == number + 1
        {
            items.push(&part[from..start]);
            from = start + len;
            number += 1;
        }
    }
    items.push(&part[from..]);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_stage_done_is_not_the_task_done() {
        let stage = |t: &str| stage_said(t).is_some();
        for t in [
            "Đã hoàn thành dự thảo",
            "Đã hoàn thành xây dựng dự thảo",
            "Đã hoàn thành việc lập dự thảo, đang lấy ý kiến",
            "HT giai đoạn 1",
            "Xong bước 2",
            "Đã hoàn thành đợt đầu",
            "HT GĐ1",
            "Đã hoàn thành bước chuẩn bị",
            "Đã hoàn thành hạng mục 1",
        ] {
            assert!(stage(t), "{t}");
        }
        for t in [
            "Đã hoàn thành",
            "Đã hoàn thành nhiệm vụ đột xuất",
            "Hoàn thành các nội dung bắt buộc",
            "Dự thảo đã trình; hoàn thành",
            "Đã hoàn thành. Đã gửi dự thảo ngày 15/8/2024",
            "Đã hoàn thành nhiệm vụ giai đoạn 2021-2025",
            "Đã hoàn thành cả 2 giai đoạn",
            "Đã hoàn thành 2/2 giai đoạn",
            "Hoàn thành bước 3 (bước cuối)",
            "Đã hoàn thành giai đoạn 2 (giai đoạn cuối)",
            "Đã hoàn thành giai đoạn cuối, kết thúc nhiệm vụ",
            "Đã hoàn thành dự thảo. Ngày 20/9/2024 đã hoàn thành",
            "Đã hoàn thành xây dựng dự thảo; UBND tỉnh đã ban hành ngày 20/9/2024",
        ] {
            assert!(!stage(t), "{t}");
        }
    }

    #[test]
    fn the_day_done_is_the_one_its_done_words_name() {
        for (t, day) in [
            (
                "Hoàn thành toàn bộ nhiệm vụ ngày 10/10/2024",
                Some(d(2024, 10, 10)),
            ),
            (
                "Đã hoàn thành, UBND tỉnh đã ban hành QĐ 55/QĐ-UBND ngày 20/9/2024",
                Some(d(2024, 9, 20)),
            ),
            (
                "Đã ban hành Kế hoạch số 12/KH-STTTT ngày 15/9/2024",
                Some(d(2024, 9, 15)),
            ),
            (
                "Đã hoàn tất việc tổ chức hội nghị ngày 10/10/2024",
                Some(d(2024, 10, 10)),
            ),
            (
                "Đã ban hành QĐ 55/QĐ-UBND, ngày 20/9/2024",
                Some(d(2024, 9, 20)),
            ),
            ("Hoàn thành (giao tại TB 29 ngày 2/3/2024)", None),
            ("Đã trình ngày 15/8/2024. Đã hoàn thành", None),
        ] {
            assert_eq!(done_day(t), day, "{t}");
        }
    }

    #[test]
    fn a_refusal_is_told_from_a_request() {
        for t in [
            "xin lùi 30/9/2026, bị từ chối",
            "xin lùi 30/9/2026, UBND tỉnh không đồng ý",
            "không cho lùi 30/9/2026",
        ] {
            assert!(says_refused(t), "{t}");
        }
        for t in [
            "xin lùi 30/9/2026",
            "lùi 30/9/2026 - chờ ý kiến",
            "chưa được duyệt",
        ] {
            assert!(!says_refused(t), "{t}");
        }
    }

    #[test]
    fn done_in_other_words() {
        for (t, day) in [
            (
                "Đã tổ chức xong hội nghị ngày 15/8/2024",
                Some(d(2024, 8, 15)),
            ),
            ("Đã kiểm tra xong 05 đơn vị", None),
            ("Đã hoàn tất ngày 15/8/2024", Some(d(2024, 8, 15))),
            ("Hoàn tất", None),
        ] {
            assert_eq!(status_of(t), Said::Done(day), "{t}");
        }
        for t in [
            "Đã tổ chức nhưng chưa xong",
            "Đã làm, đang hoàn thiện, chưa xong",
            "Đã kiểm tra xong 3 đơn vị, còn 2 đơn vị chưa kiểm tra",
            "Đã hoàn tất hồ sơ, đang trình UBND tỉnh",
        ] {
            assert!(!matches!(status_of(t), Said::Done(_)), "{t}");
        }
    }

    #[test]
    fn an_extension_awaited_keeps_the_deadline_before_it() {
        for t in [
            "30/6/2026 (xin lùi 30/9/2026, chưa có ý kiến đồng ý)",
            "30/6/2026 (xin lùi 30/9/2026, chờ chấp thuận)",
            "30/6/2026 (xin lùi 30/9/2026, chưa có văn bản chấp thuận)",
            "30/6/2026\nxin lùi 30/9/2026, chưa có ý kiến đồng ý",
            "30/6/2026 - xin lùi 30/9/2026, chờ chấp thuận",
            "30/6/2026 xin lùi 30/9/2026, chưa có văn bản chấp thuận",
        ] {
            let (first, moved) = split_extension(&Cell::Text(t.into()));
            assert!(moved.len() == 1 && moved[0].asked, "{t}: {moved:?}");
            assert_eq!(
                first.text().trim_end_matches([' ', '(']),
                "30/6/2026",
                "{t}"
            );
        }
    }

    #[test]
    fn a_stage_is_the_task_only_when_its_words_name_it_alone() {
        assert!(the_whole_task(
            "Triển khai giai đoạn 1 Dự án X",
            "giai doan 1"
        ));
        assert!(the_whole_task(
            "Xây dựng dự thảo Quy chế làm việc",
            "du thao"
        ));
        assert!(!the_whole_task(
            "Triển khai giai đoạn 1 và giai đoạn 2 Dự án X",
            "giai doan 1"
        ));
        assert!(!the_whole_task(
            "Xây dựng dự thảo và trình ban hành Quy chế",
            "du thao"
        ));
        assert!(!the_whole_task("Triển khai Dự án X", "giai doan 1"));
        assert!(the_whole_task(
            "Hoàn thành bước 1 của quy trình số hóa",
            "buoc 1"
        ));
        assert!(the_whole_task(
            "Tập huấn cho cấp xã đợt 1 năm 2024",
            "dot 1"
        ));
        assert!(!the_whole_task(
            "Triển khai giai đoạn 1-2 Dự án X",
            "giai doan 1"
        ));
        assert!(!the_whole_task(
            "Triển khai giai đoạn 1 và 2 Dự án X",
            "giai doan 1"
        ));
        assert!(!the_whole_task(
            "Xây dựng dự thảo Quy chế, gửi Sở Nội vụ",
            "du thao"
        ));
    }

    #[test]
    fn numbers_of_one_series() {
        assert!(same_series("77/TB-STTTT", "TB 78/TB-STTTT"));
        assert!(same_series("Thông báo số 80/TB-STTTT", "77/TB-STTTT"));
        assert!(!same_series("TB 45/TB-STTTT", "CV 312/UBND-KT"));
        assert!(!same_series("45/TB-STTTT", "45/TB-UBND"));
        assert!(!same_series("Giám đốc Sở giao", "77/TB-STTTT"));
    }

    #[test]
    fn short_forms_in_a_list() {
        let listed = short_forms_listed(
            "Ban Quản lý các khu công nghiệp (BQL-KCN), Sở Tài chính, Trung tâm Văn hóa tỉnh (TT Văn hóa)",
        );
        let got: Vec<(String, &str)> = listed
            .iter()
            .map(|(w, s)| (w.join(" "), s.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("ban quan ly cac khu cong nghiep".to_string(), "BQL-KCN"),
                ("trung tam van hoa tinh".to_string(), "TT Văn hóa")
            ]
        );
    }

    #[test]
    fn one_date_among_words_is_the_deadline() {
        let on = |t: &str| due(&Cell::Text(t.into()), Some(d(2026, 3, 2)));
        for t in [
            "Không quá 30/6/2026",
            "Muộn nhất 30/6/2026",
            "Tới 30/6/2026",
            "Sáng 30/6/2026",
            "Trước 17h00 ngày 30/6/2026",
            "Trình trước 30/6/2026",
            "Trước 30/6/2026, gửi Sở TC",
            "Trước 30/6/2026; báo cáo định kỳ hằng tháng",
        ] {
            assert_eq!(on(t), Ok(Due::On(d(2026, 6, 30))), "{t}");
        }
        assert_eq!(
            one_dated_day("Trước 30/6/2026, gửi Sở TC"),
            Some((d(2026, 6, 30), Some("gửi Sở TC".into())))
        );
        assert_eq!(
            one_dated_day("30/6/2026 (thứ Ba)"),
            Some((d(2026, 6, 30), None))
        );
        // Not a day it starts from or comes after; not one of two.
        assert_eq!(one_dated_day("Thực hiện từ 1/3/2026"), None);
        assert_eq!(one_dated_day("Sau 30/6/2026"), None);
        assert_eq!(one_dated_day("30/6/2026 hoặc 31/7/2026"), None);
        // Of several dates, the one "hạn" or "trước" marks; not a document's date nor the
        // day given; an extension said as "hạn mới", "lùi đến", "điều chỉnh".
        for t in [
            "Ngày 2/3/2026 giao; hạn 30/6/2026",
            "Giao ngày 2/3/2026; thời hạn 30/6/2026",
            "Đã nhận 5/3/2026, trước 30/6/2026",
            "Hạn 30/6/2026 theo TB ngày 2/3/2026",
            "Trước 30/6/2026 (Theo TB 77/TB-STTTT ngày 2/3/2026)",
        ] {
            assert_eq!(on(t), Ok(Due::On(d(2026, 6, 30))), "{t}");
        }
        for t in [
            "Theo Công văn 456/STTTT-VP ngày 12/4/2026",
            "Theo KH 12/KH-UBND ngày 5/1/2026",
        ] {
            assert_eq!(one_dated_day(t), None, "{t}");
        }
        // The day given beside the deadline, or alone.
        assert_eq!(
            on("2/3/2026 (ngày giao); 30/6/2026"),
            Ok(Due::On(d(2026, 6, 30)))
        );
        assert!(on("02/03/2026 giao").is_err());
        assert!(on("2/3/2026 (ngày giao)").is_err());
        let (first, moved) = split_extension(&Cell::Text("30/6/2026 (đã lùi 30/9/2026)".into()));
        assert_eq!((first.text().as_str(), moved.len()), ("30/6/2026", 1));
        for t in [
            "30/6/2026 (giao ngày 2/3/2026)",
            "Hạn 30/6/2026; giao 2/3/2026",
            "30/6/2026\nGiao: 2/3/2026",
        ] {
            assert_eq!(on(t), Ok(Due::On(d(2026, 6, 30))), "{t}");
        }
        for t in [
            "30/6/2026 (hạn mới: 30/9/2026)",
            "30/6/2026; thời hạn mới 30/9/2026",
            "30/6/2026; lùi đến 30/9/2026",
            "30/6/2026 (điều chỉnh 30/9/2026)",
            "30/6/2026 (lùi 30/9/2026)",
            "30/6/2026 (chuyển sang 30/9/2026)",
            "30/6/2026 (ĐC 30/9/2026)",
            "30/9/2026 (hạn cũ 30/6/2026)",
            "Hạn cũ 30/6/2026, hạn mới 30/9/2026",
            "30/6/2026 (chuyển 30/9/2026)",
            "30/6/2026 (chuyển hạn sang 30/9/2026)",
            "30/6/2026 (chuyển hạn 30/9/2026)",
            "30/6/2026 (chuyển thời hạn sang 30/9/2026)",
            "30/6/2026 (ĐC hạn 30/9/2026)",
            "30/6/2026 (nay 30/9/2026)",
            "30/9/2026 (hạn ban đầu 30/6/2026)",
            "30/9/2026 (trước là 30/6/2026)",
            "30/9/2026 (lùi từ 30/6/2026)",
            "Lùi từ 30/6/2026 đến 30/9/2026",
        ] {
            let (first, moved) = split_extension(&Cell::Text(t.into()));
            assert_eq!(first.text(), "30/6/2026", "{t}");
            assert_eq!(moved.len(), 1, "{t}");
            assert_eq!(
                extension_due(&moved[0].words, d(2026, 6, 30)),
                Ok(Due::On(d(2026, 9, 30))),
                "{t}"
            );
        }
        // Each of extensions chained; one "thêm" days.
        for t in [
            "30/6/2026 (lùi 31/7/2026, lùi tiếp 30/9/2026)",
            "30/6/2026 (gia hạn lần 1: 31/7/2026; lần 2: 30/9/2026)",
            "30/6/2026 (lùi lần 1: 31/7/2026; lần 2: 30/9/2026)",
        ] {
            let moved = split_extension(&Cell::Text(t.into())).1;
            let to: Vec<_> = (moved.iter())
                .map(|m| extension_due(&m.words, d(2026, 6, 30)))
                .collect();
            assert_eq!(
                to,
                [Ok(Due::On(d(2026, 7, 31))), Ok(Due::On(d(2026, 9, 30)))],
                "{t}"
            );
        }
        let moved = split_extension(&Cell::Text("30/6/2026 (gia hạn thêm 30 ngày)".into())).1;
        assert_eq!(
            extension_due(&moved[0].words, d(2026, 6, 30)),
            Ok(Due::On(d(2026, 7, 30)))
        );
        // Asked, awaited, hoped for or refused, not granted.
        for t in [
            "30/6/2026 (không lùi 30/9/2026)",
            "30/6/2026 (UBND tỉnh không cho lùi 30/9/2026)",
            "30/6/2026 (từ chối gia hạn 30/9/2026)",
            "30/6/2026 (có thể lùi 30/9/2026)",
            "30/6/2026 (nếu chưa xong thì lùi 30/9/2026)",
            "30/6/2026 (lùi 30/9/2026?)",
            "30/6/2026 (có khả năng lùi 30/9/2026)",
            "30/6/2026 (chờ ý kiến UBND tỉnh về việc lùi 30/9/2026)",
            "30/6/2026 (lùi 30/9/2026 - chờ ý kiến)",
            "30/6/2026 (lùi 30/9/2026 - chưa có ý kiến)",
            "30/6/2026 (có lẽ lùi 30/9/2026)",
            "30/6/2026 (dự kiến lùi 30/9/2026)",
            "30/6/2026 (chờ gia hạn 30/9/2026)",
            "30/6/2026 (trình UBND tỉnh lùi 30/9/2026)",
            "Đang thực hiện, chờ UBND tỉnh cho lùi đến 30/9/2026",
        ] {
            let moved = split_extension(&Cell::Text(t.into())).1;
            assert!(moved.len() == 1 && moved[0].asked, "{t}: {moved:?}");
        }
        // Granted less than asked: the one granted.
        let moved = split_extension(&Cell::Text(
            "30/6/2026 (xin lùi 30/9/2026, UBND tỉnh chỉ đồng ý lùi đến 31/8/2026)".into(),
        ))
        .1;
        assert!(
            moved.len() == 2 && moved[0].asked && !moved[1].asked,
            "{moved:?}"
        );
        assert_eq!(
            extension_due(&moved[1].words, d(2026, 6, 30)),
            Ok(Due::On(d(2026, 8, 31)))
        );
        // Granted: "UBND tỉnh cho lùi", asked and granted.
        for t in [
            "30/6/2026 (xin lùi 30/9/2026, đã được đồng ý)",
            "30/6/2026 (đã xin lùi 30/9/2026, UBND tỉnh đồng ý)",
            "30/6/2026 (xin lùi 30/9/2026, được phê duyệt)",
            "30/6/2026 (xin lùi 30/9/2026, Chủ tịch UBND tỉnh đã cho phép)",
        ] {
            let (first, moved) = split_extension(&Cell::Text(t.into()));
            assert!(moved.len() == 1 && !moved[0].asked, "{t}: {moved:?}");
            // (The asking words go with the extension, not with the first deadline.)
            assert_eq!(
                first.text().trim_end_matches([' ', '(']),
                "30/6/2026",
                "{t}"
            );
        }
        let moved = split_extension(&Cell::Text(
            "30/6/2026 (UBND tỉnh cho lùi 30/9/2026)".into(),
        ))
        .1;
        assert!(moved.len() == 1 && !moved[0].asked, "{moved:?}");
        // A year carried over is no extension to a date.
        assert!(
            split_extension(&Cell::Text("Chưa hoàn thành, chuyển sang năm 2025".into()))
                .1
                .is_empty()
        );
        // A mark is a whole word: "này làm" is not "nay là", "lùn" not "lùi".
        for t in ["30/6/2026 (này làm 30/9/2026)", "30/6/2026 (Lùn 30/9/2026)"] {
            assert!(split_extension(&Cell::Text(t.into())).1.is_empty(), "{t}");
        }
        // The day given without its year beside the deadline; "hạn" over a step done
        // "trước"; a step marked in brackets after the deadline is no deadline.
        for t in [
            "30/6/2026 (giao 2/3)",
            "Đã trình trước 15/6/2026; hạn 30/6/2026",
        ] {
            assert_eq!(on(t), Ok(Due::On(d(2026, 6, 30))), "{t}");
        }
        assert_eq!(
            on("30/6/2026 (báo cáo trước 15/6/2026)"),
            Ok(Due::On(d(2026, 6, 30)))
        );
        // The day a briefing, a notice or a meeting gave it, beside the deadline.
        for t in [
            "30/6/2026 (theo KL giao ban ngày 2/3/2026)",
            "30/6/2026 (giao ban 2/3/2026)",
            "30/6/2026 - Giao ban tuần ngày 2/3/2026",
            "30/6/2026 (giao tại TB 77 ngày 2/3/2026)",
            "30/6/2026 (giao tại TB 77, ngày 2/3/2026)",
            "30/6/2026 (giao lại ngày 2/3/2026)",
            "30/6/2026 (giao theo Kế hoạch 12/KH-UBND ngày 5/1/2026)",
            "Trước 30/6/2026 (báo cáo sơ bộ trước 31/5/2026)",
            "30/6 (giao 2/3/2026)",
        ] {
            assert_eq!(on(t), Ok(Due::On(d(2026, 6, 30))), "{t}");
        }
        // A briefing or meeting to report at, or be done by, is a deadline.
        for (t, day) in [
            ("Trước giao ban 9/3/2026", d(2026, 3, 9)),
            ("Báo cáo tại giao ban ngày 9/3/2026", d(2026, 3, 9)),
            ("Tại giao ban ngày 9/3/2026", d(2026, 3, 9)),
            ("3/3/2026 (họp)", d(2026, 3, 3)),
        ] {
            assert_eq!(on(t), Ok(Due::On(day)), "{t}");
        }
        // The day given, received or met on, alone, or named as the row's day given.
        for t in [
            "2/3/2026 (nhận)",
            "2/3/2026 (họp)",
            "2/3/2026 (tại giao ban)",
            "2/3/2026 (giao tại TB 77)",
            "2/3/2026 (TB 77)",
        ] {
            assert!(on(t).is_err(), "{t}");
        }
        // A task's words before it: told whole.
        assert_eq!(
            one_dated_day("Trình dự thảo trước 30/4/2025"),
            Some((d(2025, 4, 30), Some("Trình dự thảo trước 30/4/2025".into())))
        );
        for t in [
            "Trước 17h00 ngày 30/6/2026",
            "Muộn nhất 30/6/2026",
            "Không quá 30/6/2026",
        ] {
            assert_eq!(one_dated_day(t), Some((d(2026, 6, 30), None)), "{t}");
        }
    }

    #[test]
    fn one_document_however_its_number_is_written() {
        for b in [
            "TB 77/TB-STTTT",
            "TB77/TB-STTTT",
            "TB 077/TB-STTTT",
            "TB 77",
            "Thông báo số 77/TB-STTTT",
            "77",
        ] {
            assert!(same_document("77/TB-STTTT", b), "{b}");
        }
        assert!(same_document("Kế hoạch số 12/KH-UBND", "KH 12/KH-UBND"));
        assert!(same_document("Thông báo số 77", "77/TB-STTTT"));
        assert!(same_document("Công văn 456", "456/STTTT-VP"));
        assert!(same_document("CV số 456", "456/STTTT-VP"));
        assert!(!same_document("Quyết định 77", "77/TB-STTTT"));
        for b in ["KH 21/KH-UBND", "77/QĐ-UBND", "78/TB-STTTT"] {
            assert!(!same_document("77/TB-STTTT", b), "{b}");
        }
        assert!(!same_document("CV 1234/UBND-KSTT", "CV 1243/UBND-KSTT"));
        assert!(!same_document("KH 12/KH-UBND", "KH 21/KH-UBND"));
    }

    #[test]
    fn who_a_title_says_gave_the_tasks() {
        for (title, who) in [
            (
                "NHIỆM VỤ DO ĐỒNG CHÍ PHẠM MINH LONG - PHÓ GIÁM ĐỐC SỞ GIAO",
                Some("ĐỒNG CHÍ PHẠM MINH LONG - PHÓ GIÁM ĐỐC SỞ"),
            ),
            (
                "NHIỆM VỤ DO ĐỒNG CHÍ PHẠM MINH LONG, PHÓ GIÁM ĐỐC SỞ GIAO",
                Some("ĐỒNG CHÍ PHẠM MINH LONG, PHÓ GIÁM ĐỐC SỞ"),
            ),
            (
                "CÁC NHIỆM VỤ DO Đ/C PHẠM MINH LONG GIAO",
                Some("Đ/C PHẠM MINH LONG"),
            ),
            (
                "NHIỆM VỤ ĐỒNG CHÍ PHẠM MINH LONG GIAO",
                Some("ĐỒNG CHÍ PHẠM MINH LONG"),
            ),
            (
                "NHIỆM VỤ DO ĐỒNG CHÍ ĐỖ THU HÙNG GIAO (2024)",
                Some("ĐỒNG CHÍ ĐỖ THU HÙNG"),
            ),
            (
                "NHIỆM VỤ DO ĐỒNG CHÍ ĐỖ THU HÙNG (NGUYÊN PGĐ) GIAO",
                Some("ĐỒNG CHÍ ĐỖ THU HÙNG PGĐ"),
            ),
            (
                "NHIỆM VỤ DO GIÁM ĐỐC SỞ GIAO (ĐỒNG CHÍ BÙI HỒNG BÌNH)",
                Some("GIÁM ĐỐC SỞ BÙI HỒNG BÌNH"),
            ),
            (
                "NHIỆM VỤ ĐỒNG CHÍ PHẠM MINH LONG ĐÃ GIAO",
                Some("ĐỒNG CHÍ PHẠM MINH LONG"),
            ),
            ("NHIỆM VỤ DO SỞ GIAO (NĂM 2025)", None),
            ("NHIỆM VỤ ĐỒNG CHÍ HỒ HỒNG DŨNG ĐƯỢC GIAO", None),
            (
                "KẾT LUẬN CỦA ĐỒNG CHÍ PHẠM MINH LONG - PHÓ GIÁM ĐỐC SỞ",
                Some("ĐỒNG CHÍ PHẠM MINH LONG - PHÓ GIÁM ĐỐC SỞ"),
            ),
            (
                "NHIỆM VỤ ĐỒNG CHÍ PHẠM MINH LONG CHỈ ĐẠO",
                Some("ĐỒNG CHÍ PHẠM MINH LONG"),
            ),
            (
                "NHIỆM VỤ DO GIÁM ĐỐC SỞ GIAO (ĐỒNG CHÍ HỒ HỒNG DŨNG THEO DÕI)",
                Some("GIÁM ĐỐC SỞ"),
            ),
            (
                "NHIỆM VỤ DO PGĐ SỞ GIAO (ĐỒNG CHÍ PHẠM MINH LONG, ĐỒNG CHÍ HỒ HỒNG DŨNG)",
                Some("PGĐ SỞ PHẠM MINH LONG, ĐỒNG CHÍ HỒ HỒNG DŨNG"),
            ),
            ("Kính gửi: Đồng chí Bùi Hồng Bình, Giám đốc Sở", None),
            ("BẢNG THEO DÕI NHIỆM VỤ NĂM 2025", None),
        ] {
            assert_eq!(giver_in_title(title).as_deref(), who, "{title}");
        }
    }

    #[test]
    fn a_short_form_in_brackets_after_a_name() {
        for (name, short) in [
            (
                "Trung tâm Phục vụ hành chính công (TTPVHCC)",
                Some("TTPVHCC"),
            ),
            ("Ban Quản lý dự án (Ban QLDA)", Some("Ban QLDA")),
            ("Phòng An ninh mạng (Phòng ANM)", Some("Phòng ANM")),
            ("Sở Tài chính (Yên Bái)", None),
            ("Văn phòng Sở (chủ trì)", None),
            ("Sở Tài chính (Sở Y tế)", None),
            ("Trung tâm Phục vụ hành chính công", None),
            (
                "Ban Quản lý dự án đầu tư xây dựng (Ban QLDA)",
                Some("Ban QLDA"),
            ),
            (
                "Đài Phát thanh - Truyền hình tỉnh (Đài PTTH)",
                Some("Đài PTTH"),
            ),
            (
                "Trung tâm Kiểm soát bệnh tật tỉnh Lào Cai (CDC Lào Cai)",
                Some("CDC Lào Cai"),
            ),
            ("Ban Quản lý các khu công nghiệp (BQL-KCN)", Some("BQL-KCN")),
            ("Ban Tiếp công dân (UBND)", None),
            ("Văn phòng (phối hợp: Sở Y tế)", None),
        ] {
            assert_eq!(short_form_noted(name).as_deref(), short, "{name}");
        }
    }

    #[test]
    fn dates_inside_words_written_day_first() {
        assert_eq!(
            days_first_in("Đã hoàn thành ngày 03/28/2025, đúng hạn."),
            "Đã hoàn thành ngày 28/03/2025, đúng hạn."
        );
        assert_eq!(days_first_in("Đang thực hiện 80%"), "Đang thực hiện 80%");
    }

    #[test]
    fn the_unit_a_heads_post_names() {
        for (cell, unit) in [
            ("Chủ tịch UBND xã Sơn Hà", "UBND xã Sơn Hà"),
            ("Phó Chủ tịch UBND huyện", "UBND huyện"),
            ("Giám đốc Sở Tài chính", "Sở Tài chính"),
            ("Trưởng phòng Nội vụ", "Phòng Nội vụ"),
            ("Chánh Văn phòng Sở", "Văn phòng Sở"),
            ("Chánh Thanh tra Sở", "Thanh tra Sở"),
            (
                "Đ/c Nguyễn Văn A - Chủ tịch UBND xã Sơn Hà",
                "UBND xã Sơn Hà",
            ),
            ("Chủ tịch UBND xã Sơn Hà - Nguyễn Văn A", "UBND xã Sơn Hà"),
            ("Nguyễn Văn A (Chủ tịch UBND xã Sơn Hà)", "UBND xã Sơn Hà"),
            ("Đồng chí Chủ tịch UBND xã Sơn Hà", "UBND xã Sơn Hà"),
            ("Q. Trưởng phòng Nội vụ", "Phòng Nội vụ"),
            ("Quyền Trưởng phòng Nội vụ", "Phòng Nội vụ"),
            ("PCT UBND xã Sơn Hà", "UBND xã Sơn Hà"),
            ("GĐ Sở Tài chính", "Sở Tài chính"),
        ] {
            assert_eq!(unit_of_post(cell).as_deref(), Some(unit), "{cell}");
            assert!(other_forms(cell).iter().any(|f| f == unit), "{cell}");
        }
        for none in [
            "Phòng Nội vụ",
            "Giám đốc",
            "Nguyễn Văn Hùng",
            "Ban Chỉ đạo 389",
            "Phòng Kinh tế - Hạ tầng",
            "Chủ tịch UBND xã A - Giám đốc Sở B",
        ] {
            assert_eq!(unit_of_post(none), None, "{none}");
        }
    }

    #[test]
    fn roles_written_beside_units() {
        assert_eq!(
            lead_marked_first("Phối hợp: VP; Chủ trì: Thanh tra Sở").as_deref(),
            Some("Chủ trì: Thanh tra Sở; Phối hợp: VP")
        );
        assert_eq!(
            lead_marked_first("TTr, VP (chủ trì)").as_deref(),
            Some("VP (chủ trì), TTr")
        );
        assert_eq!(lead_marked_first("VP (chủ trì), TTr"), None);
        assert_eq!(lead_marked_first("VP, TTr"), None);
        assert_eq!(without_role("Văn phòng Sở chủ trì"), "Văn phòng Sở");
        assert_eq!(without_role("phối hợp với Thanh tra Sở"), "Thanh tra Sở");
        assert_eq!(without_role("Phối hợp: Phòng KHTC"), "Phòng KHTC");
        assert_eq!(without_role("Chủ trì: Văn phòng Sở"), "Văn phòng Sở");
        assert_eq!(without_role("VP chủ trì"), "VP");
        assert_eq!(without_role("Thanh tra Sở"), "Thanh tra Sở");
        assert_eq!(without_role("chủ trì"), "chủ trì");
        assert_eq!(without_role("Giao Văn phòng Sở chủ trì"), "Văn phòng Sở");
        assert_eq!(without_role("Giao cho Thanh tra Sở"), "Thanh tra Sở");
        assert_eq!(without_role("Đề nghị VP"), "VP");
        assert_eq!(without_role("Văn phòng Sở thực hiện"), "Văn phòng Sở");
        assert_eq!(without_role("Phòng KHTC tham mưu"), "Phòng KHTC");
        assert_eq!(without_role("Phòng KHTC chủ trì thực hiện"), "Phòng KHTC");
    }

    #[test]
    fn dates_as_offices_type_them() {
        let t = |s: &str| date(&Cell::Text(s.into())).unwrap();
        assert_eq!(t("15/03/2025"), Some(d(2025, 3, 15)));
        assert_eq!(t("5/3/25"), Some(d(2025, 3, 5)));
        assert_eq!(t("ngày 10 tháng 3 năm 2025"), Some(d(2025, 3, 10)));
        assert_eq!(t(""), None);
        assert_eq!(date(&Cell::Number(45747.0)).unwrap(), Some(d(2025, 3, 31)));
        assert!(date(&Cell::Text("sắp tới".into())).is_err());
        assert!(date(&Cell::Date(d(1899, 12, 31))).is_err());
        let base = Some(d(2025, 1, 10));
        assert_eq!(
            due(&Cell::Text("tháng 6/2025".into()), base),
            Ok(Due::On(d(2025, 6, 30)))
        );
        assert_eq!(due(&Cell::Text("Thường xuyên".into()), base), Ok(Due::Open));
        let due_of = |s: &str| due(&Cell::Text(s.into()), base);
        assert_eq!(due_of("06/2025"), Ok(Due::On(d(2025, 6, 30))));
        assert_eq!(due_of("2-2024"), Ok(Due::On(d(2024, 2, 29))));
        assert_eq!(due_of("Cuối năm 2025"), Ok(Due::On(d(2025, 12, 31))));
        for recurring in [
            "Hàng tháng",
            "Hàng quý",
            "Trước ngày 20 hằng tháng",
            "Định kỳ",
        ] {
            assert_eq!(due_of(recurring), Ok(Due::Open), "{recurring}");
        }
        assert!(due_of("13/2025").is_err());
        // Ranges, spans and lists: due by their end.
        assert_eq!(due_of("15/07 - 30/07/2025"), Ok(Due::On(d(2025, 7, 30))));
        assert_eq!(due_of("Từ 15/7 đến 30/7/2025"), Ok(Due::On(d(2025, 7, 30))));
        assert_eq!(due_of("30/12 - 15/01/2026"), Ok(Due::On(d(2026, 1, 15))));
        assert_eq!(due_of("Tháng 7, 8/2025"), Ok(Due::On(d(2025, 8, 31))));
        assert_eq!(due_of("tháng 7 và 8/2025"), Ok(Due::On(d(2025, 8, 31))));
        assert_eq!(
            due_of("tháng 7 và tháng 8 năm 2025"),
            Ok(Due::On(d(2025, 8, 31)))
        );
        assert_eq!(due_of("15 - 30/7/2025"), Ok(Due::On(d(2025, 7, 30))));
        assert_eq!(due_of("Quý I, II/2026"), Ok(Due::On(d(2026, 6, 30))));
        assert_eq!(
            due_of("quý III và IV năm 2025"),
            Ok(Due::On(d(2025, 12, 31)))
        );
        assert_eq!(due_of("từ 15 đến 30/7/2025"), Ok(Due::On(d(2025, 7, 30))));
        assert_eq!(due_of("Năm 2025-2026"), Ok(Due::On(d(2026, 12, 31))));
        assert_eq!(
            due_of("Giai đoạn 2021 - 2025"),
            Ok(Due::On(d(2025, 12, 31)))
        );
        assert_eq!(
            due_of("30/6/2025; 31/12/2025"),
            Ok(Due::On(d(2025, 12, 31)))
        );
        assert_eq!(
            due_of("30/6/2025 và 31/12/2025"),
            Ok(Due::On(d(2025, 12, 31)))
        );
        assert_eq!(dates_listed("30/6/2025;\n31/12/2025").len(), 2);
        assert!(dates_listed("30/6/2025").is_empty());
        assert!(dates_listed("Báo cáo 30/6/2025; trình 31/12/2025").is_empty());
        // A year no date has: a mistake, not another year.
        for typo in [
            "31/12/20255",
            "30/6/3025",
            "31/12/1899",
            "31/12/202",
            "31/12/0025",
            "30/6/1925",
            "31/12/2125",
        ] {
            assert!(due_of(typo).is_err(), "{typo}");
        }
        assert_eq!(due_of("31/12/25"), Ok(Due::On(d(2025, 12, 31))));
        assert_eq!(due(&Cell::Empty, base), Ok(Due::Open));
    }

    #[test]
    fn statuses_from_progress_and_notes() {
        assert_eq!(
            said("Đã hoàn thành ngày 28/03/2025", ""),
            Said::Done(Some(d(2025, 3, 28)))
        );
        assert_eq!(said("", "Hoàn thành"), Said::Done(None));
        // The short forms and e-office words for done; done in part and under way.
        assert_eq!(
            said("Đã HT (20/10/2025)", ""),
            Said::Done(Some(d(2025, 10, 20)))
        );
        assert_eq!(
            said("Đã HT ngày 20/10/2025", ""),
            Said::Done(Some(d(2025, 10, 20)))
        );
        assert_eq!(said("Đã xử lý", ""), Said::Done(None));
        assert!(matches!(
            said("Đã hoàn thành phần 1, đang thực hiện phần 2", ""),
            Said::InProgress { .. }
        ));
        // The day done: the one its words name, before or after them, or a log's last; a
        // date's month and year no count of items.
        let oct = Some(d(2024, 10, 10));
        for t in [
            "Ngày 10/10/2024 đã hoàn thành",
            "Ngày 15/8/2024 trình dự thảo; ngày 10/10/2024 đã hoàn thành",
            "Đã trình ngày 15/8/2024, hoàn thành ngày 10/10/2024",
            "Đã hoàn thành ngày 10/10/2024 theo yêu cầu tại CV 99 ngày 15/8/2024",
            "15/8/2024: gửi dự thảo xin ý kiến\n10/10/2024: đã hoàn thành",
            "Đã hoàn thành. Đã gửi dự thảo ngày 15/8/2024, ban hành ngày 10/10/2024",
            "Đã hoàn thành ngày 10/10/2024 - chậm 10 ngày do chờ ý kiến ngày 5/10/2024",
            "Ngày 10/10/2024 hoàn thành",
            "Ngày 10/10/2024: HT",
            "Trình 15/8/2024; HT 10/10/2024",
            "- 15/8/2024: trình dự thảo\n- 10/10/2024: hoàn thành",
        ] {
            assert_eq!(said(t, ""), Said::Done(oct), "{t}");
        }
        // No day of its own: not another step's.
        for t in [
            "Đã trình ngày 15/8/2024. Đã hoàn thành",
            "Hoàn thành (giao tại TB 29 ngày 2/3/2024)",
            "Đã hoàn thành. Ngày 5/10/2024 UBND tỉnh có ý kiến chỉ đạo tiếp",
        ] {
            assert_eq!(said(t, ""), Said::Done(None), "{t}");
        }
        // A count of items no date can be.
        assert_eq!(said("Hoàn thành 13/13", ""), Said::Done(None));
        assert!(matches!(
            said("Hoàn thành 45/50", ""),
            Said::InProgress { percent: 90, .. }
        ));
        // A stage done, another under way.
        assert!(matches!(
            said("Đợt 1 hoàn thành ngày 15/8/2024; đợt 2 đang triển khai", ""),
            Said::InProgress { .. }
        ));
        // Done whole, something else not yet; a part done, the rest not.
        for t in [
            "Đã hoàn thành, chưa có vướng mắc",
            "Đã hoàn thành 100%, chưa quyết toán",
        ] {
            assert_eq!(said(t, ""), Said::Done(None), "{t}");
        }
        for t in [
            "Đã hoàn thành việc khảo sát; chưa ban hành kế hoạch",
            "Đã hoàn thành, chưa triển khai",
            "Đã hoàn thành, chưa thực hiện được nội dung 2",
        ] {
            assert!(matches!(said(t, ""), Said::InProgress { .. }), "{t}");
        }
        // A completion day: done when the progress says so or nothing; told when it says
        // not done.
        let day = Some(d(2025, 10, 20));
        assert_eq!(
            said_with_completion(("", ""), "", day),
            (Said::Done(day), None)
        );
        assert_eq!(
            said_with_completion(("Đã xử lý", ""), "", day),
            (Said::Done(day), None)
        );
        assert_eq!(
            said_with_completion(("Chưa thực hiện", ""), "", day),
            (Said::Open, day)
        );
        // Notes that say no state leave it open; ones that do say it.
        assert_eq!(said("", "Theo Kế hoạch 123/KH-STTTT"), Said::Open);
        assert!(matches!(
            said("", "Đang lấy ý kiến"),
            Said::InProgress { .. }
        ));
        // Part of it done, or done and not done said together: under way.
        let under = |t: &str| matches!(said(t, ""), Said::InProgress { .. });
        for t in [
            "Chưa hoàn thành (đã hoàn thành 3/5 nội dung)",
            "Chưa hoàn thành. Đã hoàn thành dự thảo",
            "Đã hoàn thành dự thảo, đang xin ý kiến",
            "Đã hoàn thành giai đoạn 1",
            "Đã hoàn thành việc khảo sát; chưa ban hành kế hoạch",
            "Đã hoàn thành 3/5 nội dung",
        ] {
            assert!(under(t), "{t}: {:?}", said(t, ""));
        }
        assert!(matches!(
            said("Đã hoàn thành 3/5 nội dung", ""),
            Said::InProgress { percent: 60, .. }
        ));
        assert_eq!(said("Đã hoàn thành 5/5 nội dung", ""), Said::Done(None));
        assert_eq!(
            said("Đã hoàn thành ngày 3/5/2025", ""),
            Said::Done(Some(d(2025, 5, 3)))
        );
        assert_eq!(
            said("Đang thực hiện", ""),
            Said::InProgress {
                percent: 0,
                note: None,
                on: None
            }
        );
        assert_eq!(said("Chưa thực hiện", ""), Said::Open);
        assert_eq!(said("Đã giao", ""), Said::Open);
        // Not begun, with its reason; not yet finished is under way.
        for t in [
            "Chưa làm được do mưa",
            "Chưa thực hiện do chưa có kinh phí",
            "Chưa triển khai vì chờ hướng dẫn",
        ] {
            assert_eq!(said(t, ""), Said::Open, "{t}");
        }
        for t in ["Chưa thực hiện xong", "Chưa xong, còn 2 xã"] {
            assert!(under(t), "{t}: {:?}", said(t, ""));
        }
        // "Xong" and "thực hiện xong" with their day, as offices write them.
        assert_eq!(
            said("Đã thực hiện xong ngày 20/3/2025", ""),
            Said::Done(Some(d(2025, 3, 20)))
        );
        assert_eq!(
            said("Xong ngày 20/7/2025", ""),
            Said::Done(Some(d(2025, 7, 20)))
        );
        assert_eq!(
            day_month_in("Hoàn thành ngày 28/3", d(2025, 1, 10)),
            Some(d(2025, 3, 28))
        );
        assert_eq!(
            day_month_in("xong 5/1", d(2025, 3, 10)),
            Some(d(2026, 1, 5))
        );
        assert_eq!(day_month_in("ngày 28/3/2025", d(2025, 1, 10)), None);
        assert!(matches!(
            said("Hoàn thành một phần", ""),
            Said::InProgress { .. }
        ));
        assert!(
            says_late("Hoàn thành (chậm 3 ngày)")
                && says_late("Đã hoàn thành nhưng quá hạn 5 ngày")
        );
        assert!(!says_late("Đã hoàn thành ngày 28/3"));
        assert!(says_late("HT trễ hạn") && !says_late("HT đúng hạn"));
        for done in ["HT", "Đã HT", "Xong", "HT đúng hạn", "HT trễ hạn"] {
            assert_eq!(said(done, ""), Said::Done(None), "{done}");
        }
        for open in ["Quá hạn", "x"] {
            assert_eq!(said(open, ""), Said::Open, "{open}");
        }
        assert_eq!(said("", ""), Said::Open);
        assert_eq!(
            said("Đạt 80%, đã trình UBND tỉnh", ""),
            Said::InProgress {
                percent: 80,
                note: Some("Đạt 80%, đã trình UBND tỉnh".into()),
                on: None
            }
        );
        assert_eq!(
            said("Chưa hoàn thành, đạt 50%", "").clone(),
            Said::InProgress {
                percent: 50,
                note: Some("Chưa hoàn thành, đạt 50%".into()),
                on: None
            }
        );
        assert_eq!(said("100%", ""), Said::Done(None));
        assert_eq!(said("Tạm dừng", ""), Said::Suspended);
        assert_eq!(said("Hủy", ""), Said::Cancelled);
        assert_eq!(
            said("Không thuộc thẩm quyền, đã chuyển Sở Nội vụ", ""),
            Said::Declined
        );
        assert!(matches!(
            said("Đã báo cáo, chờ ý kiến Lãnh đạo Sở", ""),
            Said::Reported(None)
        ));
        assert!(matches!(
            said("Đã hoàn thành dự thảo, chờ ý kiến các sở", ""),
            Said::InProgress { .. }
        ));
        assert!(matches!(
            said("Đã có báo cáo sơ bộ", ""),
            Said::InProgress { .. }
        ));
        // A stage done is work under way.
        for stage in [
            "Hoàn thành dự thảo, trình lãnh đạo Sở",
            "Đã xong dự thảo",
            "HT giai đoạn 1",
        ] {
            assert!(
                matches!(said(stage, ""), Said::InProgress { .. }),
                "{stage}"
            );
        }
        // Not carried out is not done (overdue once late); no longer to be done is cancelled.
        assert_eq!(said("Không thực hiện", ""), Said::Open);
        assert_eq!(
            said("Không thực hiện được do thiếu kinh phí", ""),
            Said::Open
        );
        assert!(not_carried_out("Không thực hiện"));
        assert!(!not_carried_out("Không thực hiện nữa"));
        assert!(!not_carried_out("Đang thực hiện, không thực hiện phần 2"));
        assert_eq!(said("Không thực hiện nữa", ""), Said::Cancelled);
        assert_eq!(said("Không phải thực hiện", ""), Said::Cancelled);
        assert_eq!(said("Dừng thực hiện theo chỉ đạo", ""), Said::Cancelled);
        // Reported done, not yet confirmed; a draft waiting for approval is work under way.
        for t in [
            "Chờ xác nhận hoàn thành",
            "Chờ xác nhận",
            "Hoàn thành, chờ duyệt",
            "Đã HT, chưa được xác nhận",
        ] {
            assert_eq!(said(t, ""), Said::Reported(None), "{t}");
        }
        assert_eq!(
            said("Đã hoàn thành ngày 20/3/2025, chờ xác nhận", ""),
            Said::Reported(Some(d(2025, 3, 20)))
        );
        assert_eq!(
            said_with_completion(("Chờ xác nhận", ""), "", Some(d(2025, 3, 20))),
            (Said::Reported(Some(d(2025, 3, 20))), None)
        );
        for t in [
            "Đã trình dự thảo, chờ duyệt",
            "Hoàn thành 60%, chờ xác nhận",
        ] {
            assert!(matches!(said(t, ""), Said::InProgress { .. }), "{t}");
        }
        // Refused or sent back, with no work said under way.
        for t in [
            "Từ chối",
            "Trả lại",
            "Đơn vị đã trả lại do không thuộc chức năng",
        ] {
            assert_eq!(said(t, ""), Said::Declined, "{t}");
        }
        assert!(matches!(
            said("Trả lại để bổ sung, đang hoàn thiện", ""),
            Said::InProgress { .. }
        ));
        assert_eq!(
            said("Đã hoàn thành, trả lại hồ sơ cho UBND", ""),
            Said::Done(None)
        );
        // As offices write them.
        let reported = [
            "Đã hoàn thành (chờ xác nhận)",
            "Chưa được xác nhận hoàn thành",
            "Hoàn thành 100%, chờ duyệt",
            "Chờ duyệt",
            "Đang chờ xác nhận",
            "Chờ lãnh đạo xác nhận hoàn thành",
            "Đã báo cáo kết quả, chờ lãnh đạo xác nhận",
            "Hoàn thành, chưa được xác nhận",
            "Đã xong, chờ nghiệm thu",
            "Đã hoàn thành, chờ Giám đốc xác nhận",
            "Đã hoàn thành, trình lãnh đạo xác nhận",
            "Đã gửi báo cáo, chờ xác nhận",
            "Chờ GĐ xác nhận",
        ];
        for t in reported {
            assert_eq!(said(t, ""), Said::Reported(None), "{t}");
        }
        for t in [
            "Bị trả lại",
            "Đơn vị từ chối vì không đúng chức năng",
            "Không tiếp nhận",
        ] {
            assert_eq!(said(t, ""), Said::Declined, "{t}");
        }
        for t in [
            "Đã trả lại hồ sơ cho đơn vị",
            "Từ chối gia hạn, yêu cầu hoàn thành đúng hạn",
            "Không từ chối",
            "Đang triển khai, chờ duyệt kinh phí",
            "Đã hoàn thành dự thảo, chờ lãnh đạo Sở duyệt",
            "Trả lại, đơn vị đang thực hiện lại",
        ] {
            assert!(
                !matches!(said(t, ""), Said::Declined | Said::Reported(_)),
                "{t}: {:?}",
                said(t, "")
            );
        }
        assert_eq!(said("Đã HT, đã được xác nhận", ""), Said::Done(None));
        // Finished and sent back: to be done again.
        for t in [
            "Đã hoàn thành nhưng bị trả lại, yêu cầu bổ sung",
            "Hoàn thành nhưng bị trả lại",
        ] {
            assert!(matches!(said(t, ""), Said::InProgress { .. }), "{t}");
        }
        assert_eq!(said("Chưa TH", ""), Said::Open);
        assert_eq!(said("Chờ xử lý", ""), Said::Open);
        assert_eq!(
            said("Đã báo cáo kết quả tại Báo cáo số 216/BC ngày 1/9/2026", ""),
            Said::Done(Some(d(2026, 9, 1)))
        );
        // Dates as e-office systems and hand-typed sheets write them.
        assert_eq!(text_date("2026-02-11 10:15:33"), Some(d(2026, 2, 11)));
        assert_eq!(text_date("30/06/2025 17:00"), Some(d(2025, 6, 30)));
        assert_eq!(text_date("Thứ Hai 26/1/2026"), Some(d(2026, 1, 26)));
        assert_eq!(text_date("Chủ nhật, 1/2/2026"), Some(d(2026, 2, 1)));
        // A few words that say no state read: told; a report of work is not.
        for t in [
            "Không chấp thuận",
            "Không đồng ý",
            "Đề nghị điều chỉnh",
            "Đã báo cáo",
        ] {
            assert!(state_unread(t), "{t}");
        }
        assert_eq!(said("Đã rút nhiệm vụ", ""), Said::Cancelled);
        // Words that say the task closed and take it back, or doubt it: under way, told.
        for t in [
            "Đã hoàn thành nhưng phải làm lại",
            "Hoàn thành (không đạt yêu cầu, yêu cầu làm lại)",
            "Hoàn thành - Đang thực hiện",
            "Hoàn thành (tạm)",
            "Tạm hoàn thành",
            "Đã hủy bỏ - thực hiện lại",
            "Hoàn thành?",
            "Đã xong ?",
            "Đã hủy nhưng giao lại",
            "Đã hoàn thành phần 1; giao tiếp phần 2",
            "Hoàn thành, tiếp tục triển khai năm 2027",
        ] {
            assert!(matches!(said(t, ""), Said::InProgress { .. }), "{t}");
            assert_eq!(state_in_doubt(t, "").as_deref(), Some(t), "{t}");
        }
        for (done, again) in [
            ("Hoàn thành", "Giao lại, tiếp tục thực hiện đến 30/6/2027"),
            ("Hoàn thành", "Chưa xong"),
        ] {
            assert!(matches!(said(done, again), Said::InProgress { .. }));
            assert!(state_in_doubt(done, again).is_some());
        }
        assert!(matches!(
            said("Hoàn thành một nửa", ""),
            Said::InProgress { .. }
        ));
        for t in [
            "Hoàn thành chưa đúng hạn",
            "Hoàn thành không đúng thời hạn",
            "Hoàn thành vượt thời hạn",
            "Hoàn thành nhưng không đúng hạn",
            "Hoàn thành muộn",
            "Hoàn thành quá thời hạn",
            "Hoàn thành sau thời hạn",
            "Hoàn thành không kịp thời hạn",
        ] {
            assert!(says_late(t), "{t}");
        }
        for t in [
            "Hoàn thành đúng hạn, không chậm",
            "Không quá hạn",
            "Hoàn thành, không muộn",
            "Hoàn thành; không chậm trễ",
            "Hoàn thành, không bị chậm",
            "Hoàn thành, không có gì chậm",
            "Hoàn thành, chưa bị chậm",
            "Hoàn thành, không có gì chậm trễ",
            "Hoàn thành, chưa có gì chậm",
        ] {
            assert!(!says_late(t), "{t}");
        }
        // A part done and the next under way is read, not doubted.
        assert_eq!(
            state_in_doubt("Đã hoàn thành phần 1, đang thực hiện phần 2", ""),
            None
        );
        // Not a letter lost ("Ho?n th?nh" is TCVN3 read wrong, told elsewhere), nor a
        // note beside a task still open.
        assert_eq!(
            said("Đã hoàn thành ngày 20/3/2026", "Tiếp tục theo dõi"),
            Said::Done(Some(d(2026, 3, 20)))
        );
        assert!(!doubted("Ho?n th?nh"));
        assert_eq!(
            state_in_doubt("Đang thực hiện", "Giao lại cho Phòng CĐS"),
            None
        );
        for t in [
            "Đang thực hiện",
            "Chưa hoàn thành",
            "Đã tổ chức 3 hội nghị tập huấn cho cán bộ cấp xã",
            "Hoàn thành",
        ] {
            assert!(!state_unread(t), "{t}");
        }
    }

    #[test]
    fn extensions_listed_with_their_grounds_or_asked() {
        let text = |s: &str| Cell::Text(s.into());
        let (deadline, e) = split_extension(&text(
            "30/4/2025; gia hạn lần 1 đến 30/6/2025 theo VB 12/UBND; gia hạn lần 2: 30/9/2025",
        ));
        assert_eq!(deadline, text("30/4/2025"));
        let got: Vec<_> = e
            .iter()
            .map(|e| (e.words.text(), e.grounds.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "đến 30/6/2025".to_string(),
                    Some("theo VB 12/UBND".to_string())
                ),
                ("30/9/2025".to_string(), None)
            ]
        );
        // Asked, not granted: the request whole, its asking words out of the deadline.
        let (_, e) = split_extension(&text("30/6/2026; lùi thời hạn đến 15/8/2026"));
        assert!(
            e.len() == 1 && !e[0].asked && e[0].words == text("đến 15/8/2026"),
            "{e:?}"
        );
        let (deadline, e) = split_extension(&text("30/6/2025, đề xuất gia hạn đến 30/9/2025"));
        assert_eq!(deadline, text("30/6/2025"));
        assert!(
            e[0].asked && e[0].words == text("đề xuất gia hạn đến 30/9/2025"),
            "{e:?}"
        );
        // "GH" for "gia hạn"; a request said after the date, in a column of its own.
        let (deadline, e) = split_extension(&text("30/04/2025; GH đến 30/06/2025"));
        assert_eq!(
            (deadline, e[0].words.text()),
            (text("30/04/2025"), "đến 30/06/2025".into())
        );
        assert!(extensions_in(&text("30/06/2025 (đề xuất)"))[0].asked);
        assert!(!extensions_in(&text("30/06/2025"))[0].asked);
        let last = extension_due(&text("2 lần, lần cuối đến 30/09/2025"), d(2025, 4, 30));
        assert_eq!(last, Ok(Due::On(d(2025, 9, 30))));
        // "(căn cứ …)": grounds in brackets; "2 tháng (đến 31/8)" is the date's own words.
        let (_, e) = split_extension(&text("gia hạn đến 31/8/2025 (căn cứ Công văn 45/STTTT)"));
        assert_eq!(e[0].grounds.as_deref(), Some("căn cứ Công văn 45/STTTT"));
        let (_, e) = split_extension(&text("gia hạn 2 tháng (đến 31/8/2025)"));
        assert_eq!(e[0].grounds, None);
        assert_eq!(split_extension(&text("31/3/2025")).1, []);
    }

    #[test]
    fn sources_by_number_or_meeting() {
        assert_eq!(
            source("Thông báo số 15/TB-STTTT ngày 10/3/2025"),
            SourceSaid::Document {
                number: "15/TB-STTTT".into(),
                date: Some(d(2025, 3, 10))
            }
        );
        assert_eq!(
            source("Giao ban tháng 3/2025"),
            SourceSaid::Meeting {
                title: "Giao ban tháng 3/2025".into(),
                date: None
            }
        );
        assert_eq!(spelled_out("P. KH-TC").as_deref(), Some("Phòng KHTC"));
        assert_eq!(spelled_out("P.KHTC").as_deref(), Some("Phòng KHTC"));
        assert_eq!(spelled_out("TTr.Sở").as_deref(), Some("Thanh tra Sở"));
        assert_eq!(spelled_out("TTr Sở").as_deref(), Some("Thanh tra Sở"));
        assert_eq!(
            spelled_out("TT Tích hợp dữ liệu").as_deref(),
            Some("Trung tâm Tích hợp dữ liệu")
        );
        assert_eq!(spelled_out("TT CNTT"), None);
        assert_eq!(
            spelled_out("Phòng TTBC&XB").as_deref(),
            Some("Phòng TTBCXB")
        );
        assert_eq!(
            spelled_out("Phòng VHTT Tp. Lào Cai").as_deref(),
            Some("Phòng VHTT TP Lào Cai")
        );
        assert_eq!(
            without_place("Công an tỉnh Lào Cai"),
            Some(["Công an".to_string(), "Công an tỉnh".to_string()])
        );
        assert_eq!(
            without_place("Phòng VHTT TP. Lào Cai"),
            Some(["Phòng VHTT".to_string(), "Phòng VHTT TP.".to_string()])
        );
        // Words after the kind word in small letters: no place.
        assert_eq!(without_place("Sở Tài chính tỉnh có ý kiến"), None);
        assert_eq!(without_place("Văn phòng"), None);
        assert_eq!(
            without_place("Sở Nội vụ tỉnh")
                .map(|f| f[0].clone())
                .as_deref(),
            Some("Sở Nội vụ")
        );
        assert_eq!(spelled_out("Phòng Văn hóa - Xã hội"), None);
        assert_eq!(without_notes("Phòng CĐS (chủ trì)"), "Phòng CĐS");
        assert_eq!(without_notes("Phòng CĐS - đ/c Hùng"), "Phòng CĐS");
        assert_eq!(
            without_notes("Phòng Văn hóa - Xã hội"),
            "Phòng Văn hóa - Xã hội"
        );
        let number = |s: &str| match source(s) {
            SourceSaid::Document { number, .. } => number,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(number("Nghị quyết 57-NQ/TW"), "57-NQ/TW");
        assert_eq!(number("Kết luận 123-KL/TU"), "123-KL/TU");
        assert_eq!(number("Văn bản số 1.234/UBND-KT"), "1.234/UBND-KT");
        // Not a meeting: kept as the tracker words it.
        assert_eq!(number("Chỉ đạo trực tiếp"), "Chỉ đạo trực tiếp");
        assert_eq!(number("Email ngày 5/3"), "Email ngày 5/3");
        assert!(matches!(
            source("Phiên họp thường kỳ tháng 4"),
            SourceSaid::Meeting { .. }
        ));
        assert_eq!(
            unit_names("Văn phòng; Phòng KHTC,\nThanh tra"),
            ["Văn phòng", "Phòng KHTC,", "Thanh tra"]
        );
    }

    #[test]
    fn items_of_a_list_share_the_words_before_the_place() {
        let h = |a: &str, b: &str| with_the_head_before(a, b);
        assert_eq!(
            h("UBND xã Sơn Hà", "Phú Nhuận").as_deref(),
            Some("UBND xã Phú Nhuận")
        );
        assert_eq!(
            h("UBND xã Sơn Hà", " xã Phú Nhuận").as_deref(),
            Some("UBND xã Phú Nhuận")
        );
        assert_eq!(h("UBND phường 1", "2").as_deref(), Some("UBND phường 2"));
        assert_eq!(
            h("UBND huyện Văn Bàn", "Đại Lải").as_deref(),
            Some("UBND huyện Đại Lải")
        );
        // A place named with its kind alone: the kind is the head.
        assert_eq!(h("xã Sơn Hà", "Phú Nhuận").as_deref(), Some("xã Phú Nhuận"));
        assert_eq!(
            h("UBND thị trấn Phố Lu", "Tằng Loỏng").as_deref(),
            Some("UBND thị trấn Tằng Loỏng")
        );
        assert_eq!(
            h("Phòng Nội vụ huyện Bát Xát", "Sa Pa").as_deref(),
            Some("Phòng Nội vụ huyện Sa Pa")
        );
        assert_eq!(
            h("UBND huyện Bảo Thắng", "thị xã Sa Pa").as_deref(),
            Some("UBND thị xã Sa Pa")
        );
        for (before, piece) in [
            // Not a place's name alone: a body's.
            ("UBND xã Sơn Hà", "Phòng Y Tế"),
            ("UBND xã Sơn Hà", "Trung tâm Y tế"),
            ("UBND huyện Bát Xát", "Văn Phòng HĐND"),
            ("UBND huyện Bát Xát", "Công an huyện"),
            ("UBND huyện Bát Xát", "Đài Truyền Thanh"),
            ("UBND huyện Bát Xát", "Kho Bạc Nhà Nước"),
            // Firms, the papers, a team: no places.
            ("UBND xã Si Ma Cai", "Viettel Lào Cai"),
            ("UBND xã Si Ma Cai", "VNPT Lào Cai"),
            ("UBND xã Si Ma Cai", "Agribank"),
            ("UBND xã Si Ma Cai", "FPT"),
            ("UBND xã Si Ma Cai", "Báo Lào Cai"),
            ("UBND xã Si Ma Cai", "Tổ 1"),
            ("UBND xã Si Ma Cai", "Mobifone"),
            ("UBND xã Si Ma Cai", "Điện lực Lào Cai"),
            // Where the commune lies, not another commune.
            ("UBND xã Bản Cầm", "huyện Bảo Thắng"),
            // Nothing before names a place.
            ("Sở Văn hóa", "Thể thao và Du lịch"),
            ("Sở Văn hóa", "Thể Thao"),
            ("Văn phòng Sở", "Thanh tra Sở"),
        ] {
            assert_eq!(h(before, piece), None, "{before} / {piece}");
        }
    }

    #[test]
    fn the_place_a_unit_s_name_ends_with() {
        assert_eq!(
            place_of("Phòng Nội vụ huyện Bát Xát").as_deref(),
            Some("Bát Xát")
        );
        assert_eq!(
            place_of("Sở Tài chính tỉnh Lào Cai").as_deref(),
            Some("Lào Cai")
        );
        assert_eq!(place_of("Sở Nội vụ tỉnh"), None);
        assert_eq!(without_place("Văn phòng Sở, TP Lào Cai"), None);
        assert_eq!(place_of("Phòng Nội vụ"), None);
    }

    #[test]
    fn a_group_s_places_named_one_by_one() {
        let each_of_a_group =
            |name: &str| super::each_of_a_group(name, |n| n == "Sở Văn hóa, Thể thao và Du lịch");
        assert_eq!(
            each_of_a_group("Các Phòng: Nội vụ, Văn hóa").unwrap(),
            ["Phòng Nội vụ", "Phòng Văn hóa"]
        );
        assert_eq!(
            each_of_a_group("Các Sở: Văn hóa, Thể thao và Du lịch, Kế hoạch và Đầu tư").unwrap(),
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư"]
        );
        assert_eq!(each_of_a_group("Các phòng, ban chuyên môn"), None);
        for counted in [
            "UBND hai xã Si Ma Cai, Bản Cầm",
            "UBND 02 xã: Si Ma Cai, Bản Cầm",
        ] {
            assert_eq!(
                each_of_a_group(counted).unwrap(),
                ["UBND xã Si Ma Cai", "UBND xã Bản Cầm"],
                "{counted}"
            );
        }
        assert_eq!(
            each_of_a_group("Các Sở, ngành: Tài chính, Y tế").unwrap(),
            ["Sở Tài chính", "Sở Y tế"]
        );
        assert_eq!(
            each_of_a_group("UBND các xã, thị trấn: Si Ma Cai, Bản Cầm").unwrap(),
            ["UBND xã Si Ma Cai", "UBND xã Bản Cầm"]
        );
        let two = ["UBND xã Si Ma Cai", "UBND xã Bản Cầm"];
        assert_eq!(
            each_of_a_group("UBND các xã: Si Ma Cai, Bản Cầm").unwrap(),
            two
        );
        assert_eq!(
            each_of_a_group("UBND các xã Si Ma Cai và Bản Cầm").unwrap(),
            two
        );
        assert_eq!(
            each_of_a_group("Trạm Y tế các xã Si Ma Cai, Bản Cầm").unwrap(),
            ["Trạm Y tế xã Si Ma Cai", "Trạm Y tế xã Bản Cầm"]
        );
        for none in [
            "UBND các xã",
            "UBND các xã, thị trấn",
            "Các phòng, ban chuyên môn",
            "UBND các xã trên địa bàn",
            "UBND xã Si Ma Cai",
        ] {
            assert_eq!(each_of_a_group(none), None, "{none}");
        }
    }

    #[test]
    fn a_place_written_as_a_note() {
        for written in ["Sở Tài chính (tỉnh Yên Bái)", "Sở Tài chính - tỉnh Yên Bái"]
        {
            assert_eq!(
                place_noted(written).as_deref(),
                Some("Sở Tài chính tỉnh Yên Bái")
            );
        }
        assert_eq!(place_noted("Văn phòng Sở (chủ trì)"), None);
        // Where a commune lies is no part of its name.
        assert_eq!(place_noted("UBND xã Bản Cầm (huyện Bát Xát)"), None);
        assert_eq!(place_noted("Phòng Kế hoạch - Tài chính"), None);
    }

    #[test]
    fn shares_with_a_decimal_part() {
        assert_eq!(percent_in("Giải ngân 45,5%"), Some(45));
        assert_eq!(percent_in("Đạt 80%"), Some(80));
        assert_eq!(percent_in("Đã chi 1,5 tỷ, đạt 30%"), Some(30));
        assert_eq!(percent_in("Đã chi 1,5 tỷ"), None);
    }

    #[test]
    fn units_listed_by_number_in_a_cell() {
        for (cell, names) in [
            (
                "1. Văn phòng Sở 2. Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"][..],
            ),
            (
                "1) Văn phòng Sở\n2) Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            ("a) Phòng KHTC; b) Văn phòng", &["Phòng KHTC", "Văn phòng"]),
            ("(1) Phòng A, (2) Phòng B", &["Phòng A,", "Phòng B"]),
            ("2. Sở Y tế", &["Sở Y tế"]),
            // Not numbers of a list: a short form, a number in a name.
            ("P. KHTC", &["P. KHTC"]),
            ("Đội 2. Phòng Cảnh sát", &["Đội 2. Phòng Cảnh sát"]),
            ("1. Ban Chỉ đạo 389 tỉnh", &["Ban Chỉ đạo 389 tỉnh"]),
            ("1. Tổ 3. Phòng B", &["Tổ 3. Phòng B"]),
            // As typed in a hurry.
            (
                "1.Văn phòng Sở 2.Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            (
                "1/ Văn phòng Sở 2/ Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            (
                "1- Văn phòng Sở; 2- Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            (
                "• Văn phòng Sở • Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            (
                "➢ Văn phòng Sở ➢ Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            (
                "I. Văn phòng Sở II. Thanh tra Sở",
                &["Văn phòng Sở", "Thanh tra Sở"],
            ),
            ("Văn phòng Sở 2025", &["Văn phòng Sở 2025"]),
        ] {
            assert_eq!(unit_names(cell), names, "{cell}");
        }
    }
}
