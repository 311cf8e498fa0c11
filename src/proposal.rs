//! "Tách nhiệm vụ từ kết luận": directives proposed for a meeting from its conclusions (or a
//! pasted text), and the ones the secretary accepts created together, linked to the meeting
//! and to the conclusion each came from.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::deadline::{self, Anchor, Deadline};
use crate::directive::{self, Directive, NewDirective, Priority, Source};
use crate::error::Result;
use crate::extract::{self, Directory, Proposal};
use crate::store::Tx;
use crate::{meeting, minutes, person, unit};

/// A proposed directive of a meeting.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Proposed {
    /// What the extractor read.
    #[serde(flatten)]
    pub proposal: Proposal,
    /// The conclusion item it was read from (none for a pasted text).
    pub conclusion_id: Option<Uuid>,
    /// A conclusion line read as no directive ("không phải nhiệm vụ"), shown so that no
    /// line vanishes; the secretary may make it one.
    pub not_a_task: bool,
}

/// Reads the directives of a meeting: from `text` when given, else from its conclusions.
/// Units are the office's active units; deadlines are read relative to the meeting date.
pub fn propose(conn: &Connection, meeting_id: Uuid, text: Option<&str>) -> Result<Vec<Proposed>> {
    let meeting = meeting::get(conn, meeting_id)?;
    let directory = Directory::from_units(&unit::list(conn, false)?);
    let calendar = crate::office::calendar(conn)?;
    let day = Anchor {
        day: meeting.local_date(),
        calendar: Some(&calendar),
        opens_month: false,
    };
    let (found, conclusion_ids) = match text {
        Some(text) => {
            extract::check_length(text)?;
            (extract::extract(text, day, &directory), Vec::new())
        }
        None => {
            let conclusions = minutes::conclusions(conn, meeting_id)?;
            let items: Vec<&str> = conclusions.iter().map(|c| c.content.as_str()).collect();
            let ids = conclusions.iter().map(|c| c.id).collect::<Vec<_>>();
            extract::check_length(&items.join("\n"))?;
            (extract::extract_items(&items, day, &directory), ids)
        }
    };
    let conclusion_of = |item: Option<usize>| item.and_then(|i| conclusion_ids.get(i).copied());
    let mut all: Vec<Proposed> = found
        .directives
        .into_iter()
        .map(|proposal| Proposed {
            conclusion_id: conclusion_of(proposal.item),
            proposal,
            not_a_task: false,
        })
        .collect();
    all.extend(found.set_aside.into_iter().map(|line| Proposed {
        conclusion_id: conclusion_of(line.item),
        proposal: Proposal {
            content: line.content,
            lead_unit: None,
            coordinating_units: Vec::new(),
            deadline: None,
            item: line.item,
            at: line.at,
        },
        not_a_task: true,
    }));
    all.sort_by_key(|p| p.proposal.at);
    Ok(all)
}

/// A proposal as the secretary accepted it, perhaps edited.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Accepted {
    /// What must be done.
    pub content: String,
    /// The conclusion item it came from.
    pub conclusion_id: Option<Uuid>,
    /// Lead unit.
    pub lead_unit_id: Uuid,
    /// Coordinating units.
    pub coordinating_unit_ids: Vec<Uuid>,
    /// Deadline; `None` = không thời hạn.
    pub deadline: Option<NaiveDate>,
    /// The secretary confirmed a deadline before the meeting date.
    pub allow_deadline_before_meeting: bool,
}

/// Creates the accepted directives of a meeting in one transaction: all of them, or, when
/// one breaks a rule, none (the error names the rule). The chair, when still active, is
/// recorded as the leader who gave them.
pub fn accept(tx: &Tx<'_>, meeting_id: Uuid, items: Vec<Accepted>) -> Result<Vec<Directive>> {
    let chair = meeting::get(tx, meeting_id)?.chair_id;
    let leader = match chair {
        Some(id) if person::get(tx, id)?.active => Some(id),
        _ => None,
    };
    items
        .into_iter()
        .map(|a| {
            directive::create(
                tx,
                NewDirective {
                    content: a.content,
                    expected_output: None,
                    source: Source::Meeting {
                        meeting_id,
                        conclusion_id: a.conclusion_id,
                    },
                    assigned_on: None,
                    directing_leader_id: leader,
                    lead_unit_id: a.lead_unit_id,
                    coordinating_unit_ids: a.coordinating_unit_ids,
                    deadline: a.deadline,
                    priority: Priority::Normal,
                    allow_deadline_before_assigned: a.allow_deadline_before_meeting,
                    of_record: false,
                },
            )
        })
        .collect()
}

/// A deadline phrase typed for a meeting's directive (`30/6`, `quý III`, `trong 5 ngày làm
/// việc`) read against the meeting's date and the office's working days; `None` when it is
/// not understood.
pub fn read_deadline(
    conn: &Connection,
    meeting_id: Uuid,
    phrase: &str,
) -> Result<Option<Deadline>> {
    let day = meeting::get(conn, meeting_id)?.local_date();
    let calendar = crate::office::calendar(conn)?;
    Ok(deadline::parse(
        phrase,
        Anchor {
            day,
            calendar: Some(&calendar),
            opens_month: false,
        },
    ))
}
