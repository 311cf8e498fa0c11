//! The editor's unfinished lines: what the secretary has typed in the boxes for the next
//! attendee, agenda item, opinion and conclusion without adding it yet. Stored as she types
//! (a page change, a restart or a power cut loses nothing) and taken into the minutes when
//! the meeting is closed ([`crate::minutes::set_status`]). Kept on this machine only.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::Result;
use crate::meeting;
use crate::store::Tx;
use crate::store::value::{get_opt_uuid, ts};

/// The lines typed and not yet added, one per box; empty text is an empty box.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Draft {
    /// The attendee box: a name as typed.
    pub attendee: String,
    /// The next agenda item.
    pub agenda: String,
    /// The next opinion's speaker, when chosen from the directory.
    pub speaker_id: Option<Uuid>,
    /// The next opinion's speaker as typed (a guest) when none was chosen.
    pub speaker_name: String,
    /// The next opinion.
    pub opinion: String,
    /// The next conclusion.
    pub conclusion: String,
}

impl Draft {
    /// True when every box is empty.
    pub fn is_empty(&self) -> bool {
        self.speaker_id.is_none()
            && [
                &self.attendee,
                &self.agenda,
                &self.speaker_name,
                &self.opinion,
                &self.conclusion,
            ]
            .iter()
            .all(|t| t.is_empty())
    }
}

/// Stores an open meeting's draft as typed (an empty one removes it); refused once closed.
pub fn save(tx: &Tx<'_>, meeting_id: Uuid, draft: &Draft) -> Result<()> {
    meeting::ensure_open(&meeting::get(tx, meeting_id)?)?;
    if draft.is_empty() {
        tx.execute(
            "DELETE FROM meeting_draft WHERE meeting_id = ?1",
            [meeting_id],
        )?;
        return Ok(());
    }
    if let Some(p) = draft.speaker_id {
        crate::person::get(tx, p)?;
    }
    tx.prepare_cached(
        "INSERT INTO meeting_draft (meeting_id, attendee, agenda, speaker_id, speaker_name, opinion, conclusion, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (meeting_id) DO UPDATE SET attendee = ?2, agenda = ?3, speaker_id = ?4,
             speaker_name = ?5, opinion = ?6, conclusion = ?7, updated_at = ?8",
    )?
    .execute(params![
        meeting_id,
        draft.attendee,
        draft.agenda,
        draft.speaker_id,
        draft.speaker_name,
        draft.opinion,
        draft.conclusion,
        ts(tx.now()),
    ])?;
    Ok(())
}

/// A meeting's draft; empty when nothing is pending.
pub fn get(conn: &Connection, meeting_id: Uuid) -> Result<Draft> {
    Ok(conn
        .prepare_cached(
            "SELECT attendee, agenda, speaker_id, speaker_name, opinion, conclusion
             FROM meeting_draft WHERE meeting_id = ?1",
        )?
        .query_row([meeting_id], |r| {
            Ok(Draft {
                attendee: r.get(0)?,
                agenda: r.get(1)?,
                speaker_id: get_opt_uuid(r, 2)?,
                speaker_name: r.get(3)?,
                opinion: r.get(4)?,
                conclusion: r.get(5)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// Removes and returns a meeting's draft.
pub(crate) fn take(tx: &Tx<'_>, meeting_id: Uuid) -> Result<Draft> {
    let draft = get(tx, meeting_id)?;
    tx.execute(
        "DELETE FROM meeting_draft WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    Ok(draft)
}

/// The editor's boxes, one per kind of item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// The attendee box.
    Attendee,
    /// The agenda box.
    Agenda,
    /// The opinion box (its speaker stays for the next opinion).
    Opinion,
    /// The conclusion box.
    Conclusion,
}

/// Empties the box whose item was just added, in the same transaction, so a restart never
/// shows a line both added and still pending.
pub(crate) fn added(tx: &Tx<'_>, meeting_id: Uuid, slot: Slot) -> Result<()> {
    let set = match slot {
        Slot::Attendee => "attendee = ''",
        Slot::Agenda => "agenda = ''",
        Slot::Opinion => "opinion = ''",
        Slot::Conclusion => "conclusion = ''",
    };
    tx.execute(
        &format!("UPDATE meeting_draft SET {set} WHERE meeting_id = ?1"),
        [meeting_id],
    )?;
    Ok(())
}
