//! Vietnam's working-day calendar: weekends, the public holidays of the Labour Code 2019
//! (art. 112) with their compensatory days, and days off an office announces itself.
//!
//! Statutory days: Tết Dương lịch (1/1), Tết Nguyên đán (five days: the last day of the
//! lunar year and the first four of the new one), Giỗ Tổ Hùng Vương (10/3 âm lịch), Ngày
//! Chiến thắng (30/4), Quốc tế Lao động (1/5) and Quốc khánh (2/9 with one day beside it,
//! the one that joins it to a weekend). A holiday on a Saturday or Sunday gives the next
//! working day off (nghỉ bù). The Government's yearly notice may move days further (swapped
//! working Saturdays); those are an office's own announced days off.

pub mod lunar;

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Why a day is not worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    /// Saturday or Sunday.
    Weekend,
    /// Tết Dương lịch, 1 January.
    NewYear,
    /// Tết Nguyên đán, the lunar new year.
    Tet,
    /// Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.
    HungKings,
    /// 30 April.
    Reunification,
    /// 1 May.
    Labour,
    /// Quốc khánh, 2 September and the day beside it.
    National,
    /// A compensatory day for a holiday that fell on a weekend.
    Compensatory,
    /// A day the office announced off.
    Announced,
}

/// The public holidays of Gregorian `year`, compensatory days included, in date order.
/// Tết always falls between 21 January and 20 February, so its five days (the eve
/// included) are in the same Gregorian year.
pub fn holidays(year: i32) -> Vec<(NaiveDate, DayOff)> {
    let mut days: Vec<(NaiveDate, DayOff)> = Vec::new();
    let mut add = |m: u32, d: u32, why: DayOff| {
        if let Some(day) = NaiveDate::from_ymd_opt(year, m, d) {
            days.push((day, why));
        }
    };
    add(1, 1, DayOff::NewYear);
    add(4, 30, DayOff::Reunification);
    add(5, 1, DayOff::Labour);
    add(9, 2, DayOff::National);
    if let Some(national) = NaiveDate::from_ymd_opt(year, 9, 2) {
        // The second day joins 2/9 to the nearer weekend: 3/9 after a Monday or a Thursday.
        let beside = match national.weekday() {
            Weekday::Mon | Weekday::Thu => national + Duration::days(1),
            _ => national - Duration::days(1),
        };
        days.push((beside, DayOff::National));
    }
    if let Some(tet) = lunar::new_year(year) {
        for offset in -1..=3 {
            days.push((tet + Duration::days(offset), DayOff::Tet));
        }
    }
    if let Some(hung) = lunar::to_solar(10, 3, year, false) {
        days.push((hung, DayOff::HungKings));
    }
    days.sort_by_key(|(d, _)| *d);
    days.dedup_by_key(|(d, _)| *d);
    let mut compensated = Vec::new();
    for &(day, _) in &days {
        if !is_weekend(day) {
            continue;
        }
        let mut next = day + Duration::days(1);
        while is_weekend(next)
            || days.iter().any(|(d, _)| *d == next)
            || compensated.iter().any(|(d, _)| *d == next)
        {
            next += Duration::days(1);
        }
        compensated.push((next, DayOff::Compensatory));
    }
    days.extend(compensated);
    days.sort_by_key(|(d, _)| *d);
    days
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Vietnam's working days, with the days off an office announced. Each year's holidays are
/// worked out once, when first asked.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    announced: Vec<NaiveDate>,
    years: RefCell<HashMap<i32, Vec<(NaiveDate, DayOff)>>>,
}

impl WorkCalendar {
    /// The national calendar with these days announced off by the office.
    pub fn with_days_off(mut announced: Vec<NaiveDate>) -> Self {
        announced.sort();
        announced.dedup();
        Self {
            announced,
            years: RefCell::default(),
        }
    }

    /// Why `day` is not worked, or `None` for a working day.
    pub fn day_off(&self, day: NaiveDate) -> Option<DayOff> {
        let holiday = self
            .years
            .borrow_mut()
            .entry(day.year())
            .or_insert_with(|| holidays(day.year()))
            .iter()
            .find(|(d, _)| *d == day)
            .map(|&(_, why)| why);
        holiday
            .or_else(|| is_weekend(day).then_some(DayOff::Weekend))
            .or_else(|| {
                self.announced
                    .binary_search(&day)
                    .is_ok()
                    .then_some(DayOff::Announced)
            })
    }

    /// Whether `day` is worked.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.day_off(day).is_none()
    }

    /// The working day `n` working days after `day` (`day` itself not counted): "trong 5 ngày
    /// làm việc" from a Friday ends on the next Friday. `n = 0` gives `day` when worked,
    /// else the next working day.
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut at = day;
        if n == 0 {
            while !self.is_working_day(at) {
                at += Duration::days(1);
            }
            return at;
        }
        let mut left = n;
        while left > 0 {
            at += Duration::days(1);
            if self.is_working_day(at) {
                left -= 1;
            }
        }
        at
    }

    /// The last working day on or before `day`.
    pub fn working_day_on_or_before(&self, day: NaiveDate) -> NaiveDate {
        let mut at = day;
        while !self.is_working_day(at) {
            at -= Duration::days(1);
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn statutory_holidays_of_2026() {
        let cal = WorkCalendar::default();
        assert_eq!(cal.day_off(d(2026, 1, 1)), Some(DayOff::NewYear));
        // Tết Bính Ngọ: 17/02/2026; the last day of Ất Tỵ is 16/02.
        for day in 16..=20 {
            assert_eq!(cal.day_off(d(2026, 2, day)), Some(DayOff::Tet), "{day}/2");
        }
        assert_eq!(cal.day_off(d(2026, 4, 26)), Some(DayOff::HungKings));
        // Giỗ Tổ 2026 is a Sunday: Monday 27/04 is off in its place.
        assert_eq!(cal.day_off(d(2026, 4, 27)), Some(DayOff::Compensatory));
        assert_eq!(cal.day_off(d(2026, 4, 30)), Some(DayOff::Reunification));
        assert_eq!(cal.day_off(d(2026, 5, 1)), Some(DayOff::Labour));
        assert_eq!(cal.day_off(d(2026, 9, 2)), Some(DayOff::National));
        assert_eq!(cal.day_off(d(2026, 9, 1)), Some(DayOff::National));
        assert_eq!(cal.day_off(d(2026, 12, 5)), Some(DayOff::Weekend));
        assert!(cal.is_working_day(d(2026, 12, 7)));
        assert!(cal.is_working_day(d(2026, 2, 23)));
    }

    #[test]
    fn a_holiday_on_a_weekend_gives_the_next_working_day() {
        // 2/9/2023 was a Saturday: 1/9 beside it, Monday 4/9 in its place.
        let cal = WorkCalendar::default();
        assert_eq!(cal.day_off(d(2023, 9, 1)), Some(DayOff::National));
        assert_eq!(cal.day_off(d(2023, 9, 4)), Some(DayOff::Compensatory));
        // 1/1/2028 is a Saturday: Monday 3/1/2028 is off.
        assert_eq!(cal.day_off(d(2028, 1, 3)), Some(DayOff::Compensatory));
        // 30/4 and 1/5/2022 were Saturday and Sunday: Monday 2/5 and Tuesday 3/5.
        assert_eq!(cal.day_off(d(2022, 5, 2)), Some(DayOff::Compensatory));
        assert_eq!(cal.day_off(d(2022, 5, 3)), Some(DayOff::Compensatory));
    }

    #[test]
    fn tet_begins_on_the_eve_of_the_lunar_new_year() {
        // Tết Canh Tý: 25/01/2020 (a Saturday), its eve 24/01.
        let cal = WorkCalendar::default();
        assert_eq!(cal.day_off(d(2020, 1, 24)), Some(DayOff::Tet));
        assert_eq!(cal.day_off(d(2020, 1, 28)), Some(DayOff::Tet));
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_announced_days() {
        let cal = WorkCalendar::default();
        // Friday 04/12/2026 + 5 working days = Friday 11/12/2026.
        assert_eq!(cal.add_working_days(d(2026, 12, 4), 5), d(2026, 12, 11));
        // Across 30/4 and 1/5/2026 (Thursday, Friday).
        assert_eq!(cal.add_working_days(d(2026, 4, 29), 1), d(2026, 5, 4));
        assert_eq!(cal.add_working_days(d(2026, 12, 5), 0), d(2026, 12, 7));
        let office = WorkCalendar::with_days_off(vec![d(2026, 12, 7)]);
        assert_eq!(office.day_off(d(2026, 12, 7)), Some(DayOff::Announced));
        assert_eq!(office.add_working_days(d(2026, 12, 4), 1), d(2026, 12, 8));
        assert_eq!(cal.working_day_on_or_before(d(2027, 1, 1)), d(2026, 12, 31));
        assert_eq!(cal.working_day_on_or_before(d(2026, 12, 6)), d(2026, 12, 4));
    }
}
