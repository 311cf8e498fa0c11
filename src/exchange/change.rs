//! What an import changes in records this office already holds, field by field: shown in
//! the preview, and written in the audit history with the sending office as the actor.

use serde::Serialize;
use uuid::Uuid;

use super::bundle::Val;
use super::schema::{Group, Table};
use crate::error::Result;
use crate::store::Tx;

/// Changes a preview lists at most (the counts still cover every record).
pub const LISTED: usize = 200;

/// One field group of a record held here that an import changes (or deletes the record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    /// The table (`directive`, `meeting`, `unit`…).
    pub table: String,
    /// The record's id.
    pub id: Uuid,
    /// The record as people know it (a directive's content, a meeting's title), cut short.
    pub title: String,
    /// The field group (`content`, `deadline`, `units`, `status`…), or `deleted`.
    pub field: String,
    /// The field in words, Vietnamese and English.
    pub field_words: [String; 2],
    /// Its value here.
    pub before: String,
    /// Its value after the import (empty for a deletion).
    pub after: String,
}

/// What a merge records of the changes it makes: the sender (the audit's actor) when the
/// audit is written record by record, and the changes listed for the preview.
pub(crate) struct Changes {
    sender: Option<(String, Uuid)>,
    /// The listed changes, at most [`LISTED`].
    pub(crate) listed: Vec<Change>,
    /// Changes beyond [`LISTED`].
    pub(crate) left_out: u32,
}

/// Characters a value may show at most in a preview or the audit.
const SHOWN: usize = 200;

/// Text from a file as it may be shown: control characters (escapes, bells, line breaks)
/// and direction overrides as spaces or nothing, cut to [`SHOWN`] characters.
fn clean(text: &str) -> String {
    let mut out: String = crate::text::without_controls(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .take(SHOWN + 1)
        .collect();
    if out.chars().count() > SHOWN {
        out = out.chars().take(SHOWN).collect();
        out.push('…');
    }
    out
}

/// A value as a person reads it: a unit or person by name, a date or text as it is.
fn shown(tx: &Tx<'_>, t: &Table, col: &str, v: Option<&Val>) -> Result<String> {
    Ok(clean(&shown_whole(tx, t, col, v)?))
}

fn shown_whole(tx: &Tx<'_>, t: &Table, col: &str, v: Option<&Val>) -> Result<String> {
    Ok(match v {
        None | Some(Val::Null) => String::new(),
        Some(Val::Int(i)) => i.to_string(),
        Some(Val::Real(r)) => r.to_string(),
        Some(Val::Text(s)) => s.to_string(),
        Some(Val::Blob(b)) => {
            let name = match t.refs.iter().find(|r| r.col == col).map(|r| r.to) {
                Some("unit") => Some("SELECT name FROM unit WHERE id = ?1"),
                Some("person") => Some("SELECT full_name FROM person WHERE id = ?1"),
                Some("meeting") => Some("SELECT title FROM meeting WHERE id = ?1"),
                _ => None,
            };
            let found: Option<String> = match name {
                Some(sql) => rusqlite::OptionalExtension::optional(
                    tx.prepare_cached(sql)?.query_row([&b[..]], |r| r.get(0)),
                )?,
                None => None,
            };
            found.unwrap_or_else(|| hex::encode(&b[..b.len().min(6)]))
        }
    })
}

/// The words a record is known by: a directive's content, a meeting's title, a name.
fn title_of(row: &super::bundle::Row) -> String {
    let text = ["content", "title", "name", "full_name", "note"]
        .iter()
        .find_map(|c| match row.get(c) {
            Some(Val::Text(s)) => Some(s.as_str()),
            _ => None,
        })
        .unwrap_or_default();
    let cut: String = text.chars().take(80).collect();
    clean(&if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    })
}

fn words(group: &str) -> [String; 2] {
    [crate::Lang::Vi, crate::Lang::En]
        .map(|l| crate::labels::label("change_field", group, l).to_string())
}

fn id_of(k: &[u8]) -> Uuid {
    Uuid::from_slice(&k[..16.min(k.len())]).unwrap_or_default()
}

impl Changes {
    /// Changes from `sender` (named `name`), written to the audit record by record when
    /// `audit`.
    pub(crate) fn new(name: &str, sender: Uuid, audit: bool) -> Changes {
        Changes {
            sender: audit.then(|| (name.to_string(), sender)),
            listed: Vec::new(),
            left_out: 0,
        }
    }

    fn list(&mut self, c: Change) {
        if self.listed.len() < LISTED {
            self.listed.push(c);
        } else {
            self.left_out += 1;
        }
    }

    /// A new record `k` of `t` arrived.
    pub(crate) fn created(&self, tx: &Tx<'_>, t: &Table, k: &[u8]) -> Result<()> {
        match &self.sender {
            Some((name, id)) if t.name != "conflict" => tx.audit_as(
                name,
                *id,
                t.name,
                id_of(k),
                "import_create",
                serde_json::json!({}),
            ),
            _ => Ok(()),
        }
    }

    /// The groups `taken` of the record `k` of `t` change from `mine` to `theirs` (for a
    /// directive, its coordinating units from `units.0` to `units.1`, hex ids).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn updated(
        &mut self,
        tx: &Tx<'_>,
        t: &Table,
        k: &[u8],
        taken: &[&Group],
        mine: &super::bundle::Row,
        theirs: &super::bundle::Row,
        units: (&[String], &[String]),
    ) -> Result<()> {
        if t.name == "conflict" {
            return Ok(());
        }
        let mut fields = serde_json::Map::new();
        for g in taken {
            let mut before = Vec::new();
            let mut after = Vec::new();
            for c in g.cols {
                let (b, a) = (
                    shown(tx, t, c, mine.get(c))?,
                    shown(tx, t, c, theirs.get(c))?,
                );
                if b != a {
                    fields.insert((*c).to_string(), serde_json::json!([b, a]));
                }
                before.push(b);
                after.push(a);
            }
            if g.name == "units" {
                // The coordinating units, by name.
                let unit = t
                    .refs
                    .iter()
                    .find(|r| r.col == "lead_unit_id")
                    .expect("a lead unit");
                let names = |ids: &[String]| -> Result<String> {
                    let mut out = Vec::new();
                    for id in ids {
                        let blob = Val::Blob(hex::decode(id).unwrap_or_default().into());
                        out.push(shown(tx, t, unit.col, Some(&blob))?);
                    }
                    Ok(out.join(", "))
                };
                let (b, a) = (names(units.0)?, names(units.1)?);
                if b != a {
                    fields.insert("coordinating_units".into(), serde_json::json!([b, a]));
                }
                before.push(b);
                after.push(a);
            }
            let join = |v: Vec<String>| {
                v.into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            self.list(Change {
                table: t.name.to_string(),
                id: id_of(k),
                title: title_of(mine),
                field: g.name.to_string(),
                field_words: words(g.name),
                before: join(before),
                after: join(after),
            });
        }
        match &self.sender {
            Some((name, id)) => tx.audit_as(
                name,
                *id,
                t.name,
                id_of(k),
                "import_update",
                serde_json::Value::Object(fields),
            ),
            None => Ok(()),
        }
    }

    /// The record `k` of `t`, held here as `mine`, is deleted.
    pub(crate) fn deleted(
        &mut self,
        tx: &Tx<'_>,
        t: &Table,
        k: &[u8],
        mine: &super::bundle::Row,
    ) -> Result<()> {
        if t.name == "conflict" {
            return Ok(());
        }
        self.list(Change {
            table: t.name.to_string(),
            id: id_of(k),
            title: title_of(mine),
            field: "deleted".into(),
            field_words: words("deleted"),
            before: title_of(mine),
            after: String::new(),
        });
        match &self.sender {
            Some((name, id)) => tx.audit_as(
                name,
                *id,
                t.name,
                id_of(k),
                "import_delete",
                serde_json::json!({}),
            ),
            None => Ok(()),
        }
    }
}
