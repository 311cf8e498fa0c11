//! The Vietnamese lunisolar calendar (âm lịch), computed astronomically for Vietnam's time
//! zone (UTC+7), as Vietnamese almanacs are. The Chinese calendar uses UTC+8 and differs in
//! some years (Tết 1985, 2007 and 2030 among them), so a Chinese-calendar crate would not do.
//!
//! New moons follow Jean Meeus's series (Astronomical Algorithms, ch. 49, in the short form
//! used by almanacs); the sun's longitude his low-precision formula (ch. 25). A lunar year
//! runs from the month holding the winter solstice (month 11) to the next; a year with 13
//! months repeats the first month that holds no major solar term (the leap month, tháng nhuận).

use std::f64::consts::PI;

use chrono::NaiveDate;

/// Hours east of UTC of the office clock (the calendar's time zone).
const ZONE_HOURS: f64 = 7.0;
/// Length of a mean synodic month, in days.
const SYNODIC: f64 = 29.530588853;
/// Julian day of the new moon numbered 0 (1 January 1900).
const NEW_MOON_ZERO: f64 = 2415021.076998695;
/// Julian day number of 1 January of year 1 (proleptic Gregorian) minus one.
const JDN_OF_CE: i64 = 1_721_425;

fn jdn(d: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d)) + JDN_OF_CE
}

fn date_of(jdn: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - JDN_OF_CE).ok()?)
}

/// The local day (Julian day number) of the `k`-th new moon after 1 January 1900.
fn new_moon_day(k: i64) -> i64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let sin = |deg: f64| (deg * dr).sin();
    let mut jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd += 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let c = (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2.0 * m) - 0.4068 * sin(mpr)
        + 0.0161 * sin(2.0 * mpr)
        - 0.0004 * sin(3.0 * mpr)
        + 0.0104 * sin(2.0 * f)
        - 0.0051 * sin(m + mpr)
        - 0.0074 * sin(m - mpr)
        + 0.0004 * sin(2.0 * f + m)
        - 0.0004 * sin(2.0 * f - m)
        - 0.0006 * sin(2.0 * f + mpr)
        + 0.0010 * sin(2.0 * f - mpr)
        + 0.0005 * sin(2.0 * mpr + m);
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    (jd + c - delta_t + 0.5 + ZONE_HOURS / 24.0).floor() as i64
}

/// The sun's longitude at the start of local day `day`, as one of twelve 30° sectors
/// (0 = from the March equinox; 9 = from the winter solstice).
fn sun_sector(day: i64) -> i64 {
    let t = (day as f64 - 0.5 - ZONE_HOURS / 24.0 - 2451545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin()
        + (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin()
        + 0.000290 * (dr * 3.0 * m).sin();
    let l = ((l0 + dl) * dr).rem_euclid(2.0 * PI);
    (l / PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 (the month of the winter solstice) of Gregorian `year`.
fn month_11(year: i32) -> Option<i64> {
    let end = jdn(NaiveDate::from_ymd_opt(year, 12, 31)?);
    let k = ((end as f64 - 2415021.0) / SYNODIC).floor() as i64;
    let day = new_moon_day(k);
    Some(if sun_sector(day) >= 9 {
        new_moon_day(k - 1)
    } else {
        day
    })
}

/// In a 13-month year starting at `a11`, how many months after month 11 the leap month is.
fn leap_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - NEW_MOON_ZERO) / SYNODIC + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// The Gregorian date of lunar day `day` of month `month` (1–12) of lunar year `year`;
/// `leap` asks for the leap month of that number. `None` for a day that does not exist
/// (a leap month the year lacks, a day past the month's end, or out of range).
pub fn to_solar(day: u32, month: u32, year: i32, leap: bool) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1000..=9000).contains(&year) {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (month_11(year - 1)?, month_11(year)?)
    } else {
        (month_11(year)?, month_11(year + 1)?)
    };
    let k = (0.5 + (a11 as f64 - NEW_MOON_ZERO) / SYNODIC).floor() as i64;
    let mut off = (i64::from(month) - 11).rem_euclid(12);
    if b11 - a11 > 365 {
        let leap_off = leap_offset(a11);
        let leap_month = (leap_off - 2).rem_euclid(12);
        if leap && i64::from(month) != leap_month {
            return None;
        }
        if leap || off >= leap_off {
            off += 1;
        }
    } else if leap {
        return None;
    }
    let start = new_moon_day(k + off);
    let next = new_moon_day(k + off + 1);
    let day = start + i64::from(day) - 1;
    if day >= next {
        return None;
    }
    date_of(day)
}

/// Tết Nguyên đán: the first day of the first lunar month of lunar year `year`.
pub fn new_year(year: i32) -> Option<NaiveDate> {
    to_solar(1, 1, year, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Tết as published by the Government's holiday notices and Vietnamese almanacs.
    #[test]
    fn tet_matches_published_dates_2020_to_2029() {
        let published = [
            (2020, d(2020, 1, 25)),
            (2021, d(2021, 2, 12)),
            (2022, d(2022, 2, 1)),
            (2023, d(2023, 1, 22)),
            (2024, d(2024, 2, 10)),
            (2025, d(2025, 1, 29)),
            (2026, d(2026, 2, 17)),
            (2027, d(2027, 2, 6)),
            (2028, d(2028, 1, 26)),
            (2029, d(2029, 2, 13)),
        ];
        for (year, want) in published {
            assert_eq!(new_year(year), Some(want), "Tết {year}");
        }
    }

    /// Where Vietnam's calendar (UTC+7) and China's (UTC+8) disagree on the new year: the
    /// new moon falls between 23:00 and midnight in Hà Nội (16:14 UTC on 17/02/2007, 16:07
    /// UTC on 02/02/2030), so Tết is a day before the Chinese new year.
    #[test]
    fn tet_is_reckoned_on_vietnamese_time() {
        assert_eq!(new_year(1985), Some(d(1985, 1, 21)));
        assert_eq!(new_year(2007), Some(d(2007, 2, 17)));
        assert_eq!(new_year(2030), Some(d(2030, 2, 2)));
    }

    /// Giỗ Tổ Hùng Vương (10/3 âm lịch) as published; 2020 and 2023 have a leap month
    /// (4 and 2), the second before the third month.
    #[test]
    fn hung_kings_day_matches_published_dates() {
        let published = [
            (2020, d(2020, 4, 2)),
            (2021, d(2021, 4, 21)),
            (2022, d(2022, 4, 10)),
            (2023, d(2023, 4, 29)),
            (2024, d(2024, 4, 18)),
            (2025, d(2025, 4, 7)),
            (2026, d(2026, 4, 26)),
        ];
        for (year, want) in published {
            assert_eq!(to_solar(10, 3, year, false), Some(want), "Giỗ Tổ {year}");
        }
    }

    #[test]
    fn leap_months_exist_only_where_the_year_has_them() {
        // 2023 repeats the second month (Quý Mão nhuận tháng 2): 22/03/2023.
        assert_eq!(to_solar(1, 2, 2023, true), Some(d(2023, 3, 22)));
        assert_eq!(to_solar(1, 3, 2023, true), None);
        assert_eq!(to_solar(1, 2, 2024, true), None);
        assert_eq!(to_solar(31, 1, 2024, false), None);
        assert_eq!(to_solar(1, 13, 2024, false), None);
    }
}
