//! Dates as Vietnamese offices write them (`dd/mm/yyyy`) and the office clock (UTC+7).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

use crate::error::{Error, Field, Result, Rule};

/// Vietnam's time zone: UTC+7 all year (no daylight saving).
pub fn office_offset() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset")
}

/// Today's date on the office clock.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&office_offset()).date_naive()
}

/// The office-clock date of a UTC instant (a meeting held at 07:30 on 01/07 local
/// time is stored as 00:30 UTC, and its date is 01/07).
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&office_offset()).date_naive()
}

/// The instant a day begins on the office clock (00:00 UTC+7).
pub fn start_of_day(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_local_timezone(office_offset())
        .single()
        .expect("a fixed offset has one midnight")
        .with_timezone(&Utc)
}

/// Reads a date typed by a user: `30/06/2026`, `30/6/2026`, `30-06-2026`, `30.06.2026` or ISO `2026-06-30`,
/// in [`YEARS`].
/// `field` names the input in the error.
pub fn parse(input: &str, field: Field) -> Result<NaiveDate> {
    let s = input.trim();
    let bad = || Error::invalid(field, Rule::BadDate(input.to_string()));
    if s.is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    let read = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| {
        let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
        let [d, m, y] = parts.as_slice() else {
            return None;
        };
        let num = |t: &str| t.parse::<u32>().ok();
        NaiveDate::from_ymd_opt(i32::try_from(num(y)?).ok()?, num(m)?, num(d)?)
    });
    read.filter(|d| YEARS.contains(&d.year())).ok_or_else(bad)
}

/// The years an office's date may fall in: "0000-01-01" or "31/12/9999" is a slip of the
/// keyboard, not a meeting or a deadline.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Formats a date the Vietnamese way: `30/06/2026`.
pub fn format(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vietnamese_and_iso_dates() {
        let want = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        for s in [
            "30/06/2026",
            "30/6/2026",
            "30-06-2026",
            "30.6.2026",
            "2026-06-30",
            " 30/06/2026 ",
        ] {
            assert_eq!(parse(s, Field::Date).unwrap(), want, "{s}");
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        for s in [
            "31/02/2026",
            "30/13/2026",
            "abc",
            "30/06",
            "30/06/26",
            "2026-02-30",
        ] {
            let e = parse(s, Field::Deadline).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::Invalid {
                        field: Field::Deadline,
                        rule: Rule::BadDate(_)
                    }
                ),
                "{s}: {e:?}"
            );
        }
        assert!(matches!(
            parse("  ", Field::Date),
            Err(Error::Invalid {
                rule: Rule::Required,
                ..
            })
        ));
    }

    #[test]
    fn local_date_uses_utc_plus_seven() {
        let at = DateTime::parse_from_rfc3339("2026-06-30T18:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(local_date(at), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(format(local_date(at)), "01/07/2026");
    }
}
