//! The office's details printed on its documents (Nghị định 30/2020): the issuing agency and
//! its parent, the document symbol, the place name of the date line, and the signer block of
//! a conclusion notice.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::calendar::WorkCalendar;
use crate::error::{Error, Field, Result, Rule};
use crate::store::Tx;

/// The setting holding the days off the office announced, as `yyyy-mm-dd` separated by commas.
const DAYS_OFF: &str = "office.days_off";

/// At most this many announced days off are kept (a few a year over decades).
pub const MAX_DAYS_OFF: usize = 400;

/// The office's details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Office {
    /// Issuing agency, e.g. "Sở Thông tin và Truyền thông".
    pub name: String,
    /// Parent agency (cơ quan chủ quản), e.g. "UBND tỉnh Lào Cai".
    pub parent_agency: String,
    /// Document symbol, e.g. STTTT.
    pub symbol: String,
    /// Place name of the date line (địa danh), e.g. "Lào Cai".
    #[serde(default)]
    pub place: String,
    /// Authority of the notice's signer: "TL.", "KT.", "TM." or empty (signs in own name).
    #[serde(default)]
    pub signer_authority: String,
    /// The head signed for, e.g. "Giám đốc".
    #[serde(default)]
    pub signer_over: String,
    /// The signer's own title, e.g. "Chánh Văn phòng".
    #[serde(default)]
    pub signer_title: String,
    /// The signer's full name.
    #[serde(default)]
    pub signer_name: String,
}

pub use crate::error::OfficeField;

const KEYS: [&str; 8] = [
    "office_name",
    "parent_agency",
    "document_symbol",
    "place_name",
    "signer_authority",
    "signer_over",
    "signer_title",
    "signer_name",
];

impl Office {
    /// The details in the order of [`KEYS`] (and of [`amend`]'s values).
    fn values_mut(&mut self) -> [&mut String; 8] {
        [
            &mut self.name,
            &mut self.parent_agency,
            &mut self.symbol,
            &mut self.place,
            &mut self.signer_authority,
            &mut self.signer_over,
            &mut self.signer_title,
            &mut self.signer_name,
        ]
    }

    /// What a document of the office needs and is not set; the notice also needs a signer.
    pub fn missing(&self, with_signer: bool) -> Vec<OfficeField> {
        let mut out = Vec::new();
        for (value, field) in [
            (&self.name, OfficeField::Name),
            (&self.parent_agency, OfficeField::ParentAgency),
            (&self.symbol, OfficeField::Symbol),
            (&self.place, OfficeField::Place),
        ] {
            if value.trim().is_empty() {
                out.push(field);
            }
        }
        if with_signer && self.signer_title.trim().is_empty() {
            out.push(OfficeField::SignerTitle);
        }
        out
    }

    /// The heading lines of the signer block: "TL. Giám đốc", then the signer's own title.
    pub fn signer_heads(&self) -> Vec<String> {
        let mut heads = Vec::new();
        if !self.signer_over.trim().is_empty() {
            let over = format!(
                "{} {}",
                self.signer_authority.trim(),
                self.signer_over.trim()
            );
            heads.push(over.trim().to_string());
        }
        heads.push(self.signer_title.clone());
        heads
    }

    /// `Err(Error::OfficeIncomplete)` naming what is missing.
    pub fn ready(&self, with_signer: bool) -> Result<()> {
        let missing = self.missing(with_signer);
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Error::OfficeIncomplete { missing })
        }
    }
}

/// The office's details as stored (`None` before the office was set up).
pub fn load(conn: &Connection) -> Result<Option<Office>> {
    let mut stmt = conn.prepare_cached("SELECT value FROM setting WHERE key = ?1")?;
    let mut get = |key: &str| -> Result<Option<String>> {
        Ok(stmt.query_row([key], |r| r.get(0)).optional()?)
    };
    let Some(name) = get(KEYS[0])? else {
        return Ok(None);
    };
    let mut rest = Vec::new();
    for key in &KEYS[1..] {
        rest.push(get(key)?.unwrap_or_default());
    }
    let [
        parent_agency,
        symbol,
        place,
        signer_authority,
        signer_over,
        signer_title,
        signer_name,
    ] = <[String; 7]>::try_from(rest).expect("seven keys after the name");
    Ok(Some(Office {
        name,
        parent_agency,
        symbol,
        place,
        signer_authority,
        signer_over,
        signer_title,
        signer_name,
    }))
}

/// Stores the office's details; the name is required.
pub fn save(tx: &Tx<'_>, office: &Office) -> Result<Office> {
    if office.name.trim().is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    let mut office = office.clone();
    for (key, value) in KEYS.iter().zip(office.values_mut()) {
        tx.set_setting(key, value.trim())?;
    }
    Ok(load(tx)?.expect("just saved"))
}

/// Changes only the details given, in the order of [`Office`]'s fields (name, parent
/// agency, symbol, place, signer's authority, signed for, signer's title, signer's name),
/// through [`save`]'s checks: `giaoban init --symbol …`.
pub fn amend(tx: &Tx<'_>, given: [Option<String>; 8]) -> Result<Office> {
    let mut office = load(tx)?.unwrap_or_default();
    for (field, value) in office.values_mut().into_iter().zip(given) {
        if let Some(v) = value {
            *field = v;
        }
    }
    save(tx, &office)
}

/// The days off the office announced besides weekends and public holidays (a swapped working
/// day, a local holiday), in order.
pub fn days_off(conn: &Connection) -> Result<Vec<NaiveDate>> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [DAYS_OFF],
            |r| r.get(0),
        )
        .optional()?;
    let mut days = Vec::new();
    for part in stored
        .iter()
        .flat_map(|s| s.split(','))
        .filter(|p| !p.is_empty())
    {
        let day = NaiveDate::parse_from_str(part, "%Y-%m-%d")
            .map_err(|_| Error::invalid(Field::DaysOff, Rule::BadDate(part.to_string())))?;
        days.push(day);
    }
    Ok(days)
}

/// Sets the office's announced days off: each kept once, in order. A day outside 2000–2100,
/// or more than [`MAX_DAYS_OFF`] days, is refused and nothing changes.
pub fn set_days_off(tx: &Tx<'_>, mut days: Vec<NaiveDate>) -> Result<Vec<NaiveDate>> {
    days.sort();
    days.dedup();
    if days.len() > MAX_DAYS_OFF || days.iter().any(|d| !(2000..=2100).contains(&d.year())) {
        return Err(Error::invalid(Field::DaysOff, Rule::OutOfRange));
    }
    let text: Vec<String> = days
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    tx.set_setting(DAYS_OFF, &text.join(","))?;
    days_off(tx)
}

/// The office's working days: Vietnam's national calendar with the office's announced days
/// off, which "N ngày làm việc" deadlines count on.
pub fn calendar(conn: &Connection) -> Result<WorkCalendar> {
    Ok(WorkCalendar::with_days_off(days_off(conn)?))
}
