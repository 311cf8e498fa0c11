//! The directives Giao Ban already holds that a row (or a document's proposal) may be: the
//! same words, nearly the same, given again, or changed since they were brought in.

use super::*;

/// The directives given to `unit` on `day`: each one's id and content.
pub(super) fn given(conn: &Connection, unit: Uuid, day: NaiveDate) -> Result<Vec<(Uuid, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, content FROM directive WHERE lead_unit_id = ?1 AND assigned_on = ?2",
    )?;
    let found = stmt
        .query_map(params![unit, crate::store::value::date(day)], |r| {
            Ok((crate::store::value::get_uuid(r, 0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<(Uuid, String)>>>()?;
    Ok(found)
}

/// A new row that is a directive brought in before, changed in the sheet since (its lead,
/// its deadline, a word corrected), is that directive, told, never a second one; unless
/// another row of the file was found to be it, or the user said the row is a new directive
/// (`as_new`). Rows whose deadline is the held one's are matched first (of rows of the same
/// words, the one whose deadline moved is told).
pub(super) fn held_as_changed(
    plan: &mut Plan,
    book: &Book,
    found: &HashSet<Uuid>,
    as_new: &[RowAt],
) -> HashSet<Uuid> {
    let mut taken: HashSet<Uuid> = found.clone();
    let mut outcome: Vec<Option<Option<Issue>>> = (0..plan.rows.len()).map(|_| None).collect();
    // A row named without its sheet is of the one sheet read.
    let names = |a: &RowAt, row: &RowPlan| {
        a.row == row.row
            && match &a.sheet {
                Some(s) => *s == book.sheets[row.sheet].name,
                None => plan.sheets.len() == 1,
            }
    };
    let new = |row: &RowPlan| as_new.iter().any(|a| names(a, row));
    // A row named that is no row told so: said, nothing changed.
    for a in as_new {
        let held = plan
            .rows
            .iter()
            .any(|row| names(a, row) && row.held_as.iter().any(|(id, _)| !found.contains(id)));
        if !held {
            plan.problems.push(RowProblem {
                sheet: (a.sheet.clone())
                    .or_else(|| plan.sheets.first().map(|s| s.name.clone()))
                    .unwrap_or_default(),
                row: a.row,
                column: None,
                field: None,
                skipped: false,
                held: false,
                message: match (&a.sheet, plan.sheets.len()) {
                    (None, n) if n > 1 => Issue::AsNewWhichSheet,
                    (Some(name), _) if book.sheets.iter().all(|g| g.name != *name) => {
                        Issue::AsNewNoSheet(name.clone())
                    }
                    // The same directive as brought in before (its deadline or state told
                    // apart): no new one to make.
                    _ if (plan.held_rows.iter()).any(|(sheet, row)| {
                        *row == a.row && a.sheet.as_ref().is_none_or(|s| s == sheet)
                    }) =>
                    {
                        Issue::AsNewHeld
                    }
                    _ if plan.rows.iter().any(|row| names(a, row)) => Issue::AsNewUnused,
                    _ => Issue::AsNewNoRow,
                }
                .words(),
            });
        }
    }
    // The rows whose task held differs the least are matched first: the same deadline, then
    // one key, then more (a row edited more does not take another row's task).
    for pass in 0..=MOST_KEYS {
        for (k, row) in plan.rows.iter().enumerate() {
            if outcome[k].is_some() || new(row) {
                continue;
            }
            let due = row.extended().or(row.deadline);
            let Some((id, how)) = row
                .held_as
                .iter()
                .find(|(id, how)| !taken.contains(id) && keys_differing(how, due) == pass)
            else {
                continue;
            };
            taken.insert(*id);
            outcome[k] = Some(match how {
                HeldAs::Due(d) if *d == due => None,
                HeldAs::Due(d) => Some(match due {
                    Some(there) => Issue::DeadlineDiffers(there, *d),
                    None => Issue::HeldAlike(row.content.clone()),
                }),
                HeldAs::Lead(here, ..) => Some(Issue::LeadDiffers(here.clone())),
                HeldAs::Words(here) => Some(Issue::HeldAlike(here.clone())),
                HeldAs::Given(here) => Some(Issue::GivenDiffers(*here)),
                HeldAs::Source(here) => Some(Issue::SourceDiffers(here.clone())),
                HeldAs::Changed(was) => Some(Issue::HeldChanged(was.clone())),
            });
        }
    }
    let mut k = 0;
    let mut told = Vec::new();
    // The rows found held are not brought in: the caveats told on them as new are no more.
    let mut held_rows: HashSet<(String, u32)> = HashSet::new();
    plan.rows.retain(|row| {
        let o = outcome[k].take();
        k += 1;
        if o.is_some() {
            held_rows.insert((book.sheets[row.sheet].name.clone(), row.row));
        }
        match o {
            None => true,
            Some(None) => {
                plan.already += 1;
                false
            }
            Some(Some(issue)) => {
                // (At the column of what differs.)
                let field = match issue {
                    Issue::LeadDiffers(..) => Column::Lead,
                    Issue::GivenDiffers(_) => Column::AssignedOn,
                    Issue::SourceDiffers(_) => Column::Source,
                    Issue::HeldChanged(ref was) => match was.first() {
                        Some(Was::Lead(_)) => Column::Lead,
                        Some(Was::Given(_)) => Column::AssignedOn,
                        Some(Was::Deadline(_)) => Column::Deadline,
                        _ => Column::Source,
                    },
                    Issue::DeadlineDiffers(..) => Column::Deadline,
                    _ => Column::Content,
                };
                let sheet = &book.sheets[row.sheet].name;
                told.push(RowProblem {
                    sheet: sheet.clone(),
                    row: row.row,
                    column: column_named(&plan.sheets, sheet, field),
                    field: Some(field),
                    skipped: true,
                    held: true,
                    message: issue.words(),
                });
                false
            }
        }
    });
    plan.problems
        .retain(|p| p.skipped || !held_rows.contains(&(p.sheet.clone(), p.row)));
    plan.problems.extend(told);
    taken
}

/// The most keys a held task may differ by (lead, source, day, deadline, words).
const MOST_KEYS: usize = 5;

/// How many keys of the task held differ from the row's (`due`: its deadline): none for the
/// same words, day and deadline.
fn keys_differing(how: &HeldAs, due: Option<NaiveDate>) -> usize {
    match how {
        HeldAs::Due(d) if *d == due => 0,
        HeldAs::Lead(_, words, on) => 1 + usize::from(words.is_some()) + usize::from(on.is_some()),
        HeldAs::Changed(was) => was.len().min(MOST_KEYS),
        _ => 1,
    }
}

/// A directive an earlier copy of the same tracker brought in that this copy no longer holds
/// (its row deleted, or left out above) is told, and kept. A copy is one in which more than
/// half of the directives brought in from its sheet's origin are found again: another
/// office's tracker of the same layout, or the next year's, is not.
pub(super) fn no_longer_in(
    conn: &Connection,
    plan: &mut Plan,
    book: &Book,
    found: &HashSet<Uuid>,
) -> Result<()> {
    // One sheet of several asked for: the others may hold what this one does not.
    if book.left > 0 {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT i.record_id, d.created_at FROM intake_row i
         JOIN directive d ON d.id = i.record_id WHERE i.origin = ?1 ORDER BY d.created_at",
    )?;
    let mut told = HashSet::new();
    for (s, origin) in plan.origins.iter().enumerate() {
        let Some(origin) = origin else {
            continue;
        };
        let ids = stmt
            .query_map([origin], |r| crate::store::value::get_uuid(r, 0))?
            .collect::<rusqlite::Result<Vec<Uuid>>>()?;
        let missing: Vec<Uuid> = ids
            .iter()
            .filter(|id| !found.contains(id))
            .copied()
            .collect();
        if missing.len() * 2 >= ids.len() {
            continue;
        }
        for id in missing {
            if !told.insert(id) {
                continue;
            }
            let d = directive::get(conn, id)?;
            let lead = crate::unit::get(conn, d.lead_unit_id)?.name;
            plan.problems.push(RowProblem {
                sheet: book.sheets[s].name.clone(),
                row: 0,
                column: None,
                field: None,
                skipped: false,
                held: false,
                message: Issue::NoLongerIn(d.content, lead).words(),
            });
        }
    }
    Ok(())
}

/// The directives held that a new row may be, changed in the sheet since it was brought in:
/// the one of its words given that day to another unit (brought in from a file); those of
/// its words given to `unit` that day, for rows of the same words told apart by their
/// deadlines; the one of nearly its words (brought in from a file).
pub(super) fn maybe_held(
    r: &mut Reading<'_>,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
    repeated: bool,
) -> Result<Vec<(Uuid, HeldAs)>> {
    let conn = r.conn;
    let mut out = Vec::new();
    if !repeated && let Some(held) = brought_in_for_another(r, content, unit, day)? {
        out.push(held);
    }
    let want = exact_words(content);
    if repeated {
        for (id, c) in given(conn, unit, day)? {
            if exact_words(&c) == want {
                out.push((id, HeldAs::Due(directive::get(conn, id)?.deadline)));
            }
        }
    }
    if let Some(d) = nearly_held(conn, content, unit, day)?
        && exact_words(&d.content) != want
        && brought_in(conn, d.id)?
    {
        out.push((d.id, HeldAs::Words(d.content)));
    }
    // The same words given to the unit on another day, brought in from a file: the day
    // given was corrected (or filled in) since.
    let mut moved: Vec<(Uuid, NaiveDate)> = (r.brought_words()?.get(&want).into_iter())
        .flatten()
        .filter(|b| b.lead == unit && b.given != day)
        .map(|b| (b.id, b.given))
        .collect();
    let mut seen = HashSet::new();
    moved.retain(|(id, _)| seen.insert(*id));
    out.extend(moved.into_iter().map(|(id, on)| (id, HeldAs::Given(on))));
    // Nearly the same words given to the unit within a month of that day, brought in from a
    // file: the words and the day corrected both.
    if out.is_empty() && !repeated {
        for (id, c, on) in nearly_within_a_month(conn, content, unit, day)? {
            // (Told by its words, which differ too: "tệp nay ghi khác" shows them.)
            if on != day && brought_in(conn, id)? {
                out.push((
                    id,
                    match exact_words(content) == exact_words(&c) {
                        true => HeldAs::Given(on),
                        false => HeldAs::Words(c),
                    },
                ));
            }
        }
    }
    Ok(out)
}

/// The directives given to `unit` within a month of `day` in nearly these words (the same
/// numbers, four words in five or a part added): each one's id, words and day given.
fn nearly_within_a_month(
    conn: &Connection,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
) -> Result<Vec<(Uuid, String, NaiveDate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, content, assigned_on FROM directive WHERE lead_unit_id = ?1 \
         AND assigned_on BETWEEN ?2 AND ?3",
    )?;
    let month = chrono::Duration::days(31);
    let near: Vec<(Uuid, String, NaiveDate)> = stmt
        .query_map(
            params![
                unit,
                crate::store::value::date(day - month),
                crate::store::value::date(day + month),
            ],
            id_text_day,
        )?
        .collect::<rusqlite::Result<_>>()?;
    let numbers = numbers_besides_dates(content);
    Ok((near.into_iter())
        .filter(|(_, c, _)| {
            let theirs = numbers_besides_dates(c);
            (within(&theirs, &numbers) || within(&numbers, &theirs)) && nearly(content, c) >= 0.8
        })
        .collect())
}

/// A row of a directive's id, a text of it and a day of it (the first three columns).
fn id_text_day(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Uuid, String, NaiveDate)> {
    Ok((
        crate::store::value::get_uuid(r, 0)?,
        r.get::<_, String>(1)?,
        crate::store::value::get_date(r, 2)?,
    ))
}

/// Whether directive `d` came from the source a row cites: the same document number, a
/// meeting of the same title, or (a row citing none) a tracker's row that cited none.
pub(super) fn same_source(
    conn: &Connection,
    d: &directive::Directive,
    said: &SourceSaid,
    file_name: &str,
) -> Result<bool> {
    Ok(match said {
        SourceSaid::Document { number, .. } => d
            .document_number
            .as_deref()
            .is_some_and(|n| values::same_document(n, number)),
        SourceSaid::Meeting { title, .. } => match d.meeting_id {
            Some(m) => meeting_key(&meeting::get(conn, m)?.title) == meeting_key(title),
            None => false,
        },
        // A row citing none: a task of a file's row that cited none either (its source is
        // that file's name).
        SourceSaid::None => {
            (d.document_number.as_deref()).is_some_and(|n| n == file_name || a_files_name(n))
        }
    })
}

/// Whether a directive's source is a file's name: the tracker it came from, citing none.
fn a_files_name(source: &str) -> bool {
    [".xlsx", ".xlsm", ".xls", ".ods", ".csv"]
        .iter()
        .any(|ext| source.to_lowercase().ends_with(ext))
}

/// The source a directive brought in from a file cites, as written there: its document's
/// number, its meeting's title, or none (a file's name stands for none).
pub(super) fn source_cited(conn: &Connection, d: &directive::Directive) -> Result<String> {
    if let Some(m) = d.meeting_id {
        return Ok(meeting::get(conn, m)?.title);
    }
    Ok(match d.document_number.as_deref() {
        Some(n) if !a_files_name(n) => n.to_string(),
        _ => String::new(),
    })
}

/// The meeting of the office's own notice or minutes numbered `number` in the year of `day`,
/// when the register holds it (a notice brought in, or made here).
pub(super) fn notice_meeting(
    r: &mut Reading<'_>,
    number: &str,
    day: NaiveDate,
) -> Result<Option<Uuid>> {
    use chrono::Datelike;
    let Some((kind, n)) = r.own_number(number)? else {
        return Ok(None);
    };
    Ok(crate::document::register::holder(r.conn, kind, day.year(), n)?.flatten())
}

/// The day of the meeting of the office's own notice or minutes numbered `number`, cited
/// without its date, when the register holds that number in one year only.
pub(super) fn notice_meeting_day(r: &mut Reading<'_>, number: &str) -> Result<Option<NaiveDate>> {
    let Some((kind, n)) = r.own_number(number)? else {
        return Ok(None);
    };
    let conn = r.conn;
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id FROM document_number WHERE kind = ?1 AND number = ?2 \
         AND meeting_id IS NOT NULL",
    )?;
    let meetings = stmt
        .query_map(params![kind.code(), n], |r| {
            crate::store::value::get_uuid(r, 0)
        })?
        .collect::<rusqlite::Result<Vec<Uuid>>>()?;
    Ok(match meetings.as_slice() {
        [one] => Some(meeting::get(conn, *one)?.local_date()),
        _ => None,
    })
}

/// The directives of `meeting` given to `unit` that a row of these words is: the same words
/// (by their deadline) or nearly (four words in five, or every word of one in the other).
pub(super) fn in_the_notice(
    conn: &Connection,
    meeting: Uuid,
    unit: Uuid,
    content: &str,
) -> Result<Vec<(Uuid, HeldAs)>> {
    let want = exact_words(content);
    let mut stmt = conn.prepare_cached(
        "SELECT id, content FROM directive WHERE meeting_id = ?1 AND lead_unit_id = ?2",
    )?;
    let found: Vec<(Uuid, String)> = stmt
        .query_map(params![meeting, unit], |r| {
            Ok((crate::store::value::get_uuid(r, 0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (id, c) in found {
        let held = exact_words(&c);
        if held == want {
            out.push((id, HeldAs::Due(directive::get(conn, id)?.deadline)));
        } else if nearly(content, &c) >= 0.8 {
            out.push((id, HeldAs::Words(c)));
        }
    }
    Ok(out)
}

/// The directive of `meeting` in these words or nearly given to another unit than `unit`
/// (another copy of its notice names another lead), with its lead's name.
pub(in crate::intake) fn led_by_another(
    conn: &Connection,
    meeting: Uuid,
    unit: Uuid,
    content: &str,
) -> Result<Option<(Uuid, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.content, u.name FROM directive d JOIN unit u ON u.id = d.lead_unit_id \
         WHERE d.meeting_id = ?1 AND d.lead_unit_id <> ?2",
    )?;
    let found = stmt
        .query_map(params![meeting, unit], |r| {
            Ok((
                crate::store::value::get_uuid(r, 0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found
        .into_iter()
        .find(|(_, c, _)| nearly(content, c) >= 0.8)
        .map(|(id, _, lead)| (id, lead)))
}

/// An open directive brought in from a file, given to `unit` with this deadline in nearly
/// these words (a notice repeating last week's unfinished task): its id and the day it was
/// given.
pub(in crate::intake) fn still_open(
    conn: &Connection,
    unit: Uuid,
    content: &str,
    deadline: Option<NaiveDate>,
) -> Result<Option<(Uuid, NaiveDate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, content, assigned_on, meeting_id FROM directive WHERE lead_unit_id = ?1 \
         AND deadline IS ?2 AND completed_on IS NULL AND status NOT IN ('cancelled', 'done')",
    )?;
    let found = stmt
        .query_map(
            params![unit, deadline.map(crate::store::value::date)],
            |r| {
                Ok((
                    crate::store::value::get_uuid(r, 0)?,
                    r.get::<_, String>(1)?,
                    crate::store::value::get_date(r, 2)?,
                    crate::store::value::get_opt_uuid(r, 3)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, c, on, meeting) in found {
        // Brought in from a file: itself (a tracker's row), or its meeting (a notice's).
        let from_a_file = brought_in(conn, id)?
            || meeting.map(|m| brought_in(conn, m)).transpose()? == Some(true);
        if nearly(content, &c) >= 0.8 && from_a_file {
            return Ok(Some((id, on)));
        }
    }
    Ok(None)
}

/// Whether the directive was brought in from a file.
pub(super) fn brought_in(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM intake_row WHERE record_id = ?1")?
        .exists([id])?)
}

/// The directive of these words given on `day` to another unit than `unit` and brought in
/// from a file before (the row's lead changed in the sheet since), held as of its lead; else
/// the one of nearly these words and the same numbers (the words edited too), of its words
/// too; else the one of these words given within a month of `day` (the day corrected too),
/// of that day too; if one only.
pub(super) fn brought_in_for_another(
    r: &mut Reading<'_>,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
) -> Result<Option<(Uuid, HeldAs)>> {
    let conn = r.conn;
    let want = exact_words(content);
    // (The directives of a day read once: a sheet's rows share the days their notices gave.)
    let that_day: Vec<(Uuid, String, String)> = (r.given_on_day(day)?.iter())
        .filter(|(_, lead, _, _)| *lead != unit)
        .map(|(id, _, c, name)| (*id, c.clone(), name.clone()))
        .collect();
    let numbers = numbers_besides_dates(content);
    let near = |c: &str| {
        let theirs = numbers_besides_dates(c);
        (within(&theirs, &numbers) || within(&numbers, &theirs)) && nearly(content, c) >= 0.8
    };
    let same: Vec<_> = (that_day.iter())
        .filter(|(_, c, _)| *plain_words(c).0 == *want)
        .collect();
    let alike = match same.is_empty() {
        false => same,
        true => that_day.iter().filter(|(_, c, _)| near(c)).collect(),
    };
    let mut found = Vec::new();
    for (id, c, lead) in alike {
        if brought_in(conn, *id)? {
            let words = (exact_words(c) != want).then(|| c.clone());
            found.push(((*id, lead.clone(), words), None));
        }
    }
    // None that day: the same words given to another unit within a month of it (the lead
    // and the day both corrected since).
    if found.is_empty() {
        let near = (r.brought_words()?.get(&want).into_iter().flatten())
            .filter(|b| b.lead != unit && b.given != day)
            .filter(|b| (b.given - day).num_days().abs() <= 31)
            .copied()
            .collect::<Vec<Brought>>();
        let mut seen = HashSet::new();
        for b in near.into_iter().filter(|b| seen.insert(b.id)) {
            let lead = crate::unit::get(conn, b.lead)?.name;
            found.push(((b.id, lead, None), Some(b.given)));
        }
    }
    Ok(if found.len() == 1 {
        found
            .pop()
            .map(|((id, lead, words), on)| (id, HeldAs::Lead(lead, words, on)))
    } else {
        None
    })
}

/// The directive brought in from a file that a row is when several of its keys changed at
/// once in a later copy of its sheet: one brought in from a sheet of the same `origin`
/// (layout and name), given within a month of `day`, in the same words (one of `forms`) or
/// nearly (given to `unit`: `None`, a unit not yet in the directory). The same words are the
/// task with the same deadline or day given, or given to the same unit a few days apart with
/// the source corrected in its series (filled in or left out); nearly the same words, with
/// the same deadline, or the same day and the source so corrected. Another document's task
/// of these words is a task of its own unless its deadline is the same, and so is one closed
/// given again on another day with another deadline. Its keys as they were, of those the row
/// says otherwise; one such directive only (two: neither). Another sheet's row (next week's,
/// another office's) is a task of its own.
pub(super) fn changed_at_once(
    r: &mut Reading<'_>,
    forms: &[String],
    (unit, day): (Option<Uuid>, NaiveDate),
    (deadline, due): (Option<NaiveDate>, Option<NaiveDate>),
    (source, file_name): (&SourceSaid, &str),
    origin: i64,
) -> Result<Option<(Uuid, HeldAs)>> {
    let conn = r.conn;
    let words = r.brought_words()?;
    let mut ids: Vec<(Uuid, Option<String>)> = (forms.iter())
        .filter_map(|f| words.get(&exact_words(f)))
        .flatten()
        .filter(|b| b.origin == Some(origin))
        .map(|b| (b.id, None))
        .collect();
    // Nearly the same words given to the unit within a month (a word corrected too).
    if let Some(unit) = unit.filter(|_| ids.is_empty()) {
        for (id, c, _) in nearly_within_a_month(conn, &forms[0], unit, day)? {
            if of_origin(conn, id, origin)? {
                ids.push((id, Some(c)));
            }
        }
    }
    ids.sort();
    ids.dedup();
    let mut found = Vec::new();
    for (id, words) in ids {
        let d = directive::get(conn, id)?;
        let due_kept = d.deadline == due || d.original_deadline == deadline;
        let same_due = due.is_some() && due_kept;
        let apart = (d.assigned_on - day).num_days().abs();
        let same_unit = unit == Some(d.lead_unit_id);
        let cited = source_cited(conn, &d)?;
        // The number corrected in its series, or a source filled in or left out; another
        // document is another series.
        let (corrected, another) = match source {
            SourceSaid::Document { number, .. } if !cited.is_empty() => {
                let same = values::same_document(&cited, number);
                let series = same || values::same_series(&cited, number);
                (series, !series && document_cited(&d))
            }
            _ => (true, false),
        };
        let closed = matches!(
            d.status,
            DirectiveStatus::Done
                | DirectiveStatus::AwaitingConfirmation
                | DirectiveStatus::Cancelled
        );
        let given_anew = closed && !same_due && apart > 0;
        let held = match words {
            None => same_due || apart == 0 || same_unit && corrected && apart <= 3,
            Some(_) => same_due || apart == 0 && corrected,
        };
        if apart > 31 || !held || given_anew || (another && !same_due) {
            continue;
        }
        let was = was_otherwise(conn, &d, words, (unit, day), (due_kept, source, file_name))?;
        found.push((id, HeldAs::Changed(was)));
    }
    Ok(match found.len() {
        1 => found.pop(),
        _ => None,
    })
}

/// Whether a directive cites a document (a number, not a meeting nor a file's name).
fn document_cited(d: &directive::Directive) -> bool {
    d.meeting_id.is_none()
        && d.document_number
            .as_deref()
            .is_some_and(|n| !a_files_name(n))
}

/// The keys of directive `d` as they were, of those a row given to `unit` on `day` says
/// otherwise (`words`: its words, when the row writes them otherwise; `same_due`: whether its
/// deadline is the row's, or both have none).
pub(super) fn was_otherwise(
    conn: &Connection,
    d: &directive::Directive,
    words: Option<String>,
    (unit, day): (Option<Uuid>, NaiveDate),
    (same_due, source, file_name): (bool, &SourceSaid, &str),
) -> Result<Vec<Was>> {
    let mut was = Vec::new();
    if unit != Some(d.lead_unit_id) {
        was.push(Was::Lead(crate::unit::get(conn, d.lead_unit_id)?.name));
    }
    if !same_source(conn, d, source, file_name)? {
        was.push(Was::Source(source_cited(conn, d)?));
    }
    if d.assigned_on != day {
        was.push(Was::Given(d.assigned_on));
    }
    if !same_due {
        was.push(Was::Deadline(d.deadline));
    }
    was.extend(words.map(Was::Words));
    Ok(was)
}

/// Whether the directive was brought in from a sheet of this origin.
fn of_origin(conn: &Connection, id: Uuid, origin: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM intake_row WHERE record_id = ?1 AND origin = ?2")?
        .exists(params![id, origin])?)
}

/// Whether two texts say the same words (spacing, case and punctuation aside).
pub(in crate::intake) fn same_words(a: &str, b: &str) -> bool {
    exact_words(a) == exact_words(b)
}

/// The directive given to `unit` on `day` in one of these words (spacing, case and
/// punctuation aside; the first form that one has), if any: the directives of that unit and
/// day read once.
pub(super) fn already_held(
    conn: &Connection,
    forms: &[String],
    unit: Uuid,
    day: NaiveDate,
) -> Result<Option<Uuid>> {
    let found = given(conn, unit, day)?;
    if found.is_empty() {
        return Ok(None);
    }
    let held: Vec<(Uuid, String)> = (found.into_iter())
        .map(|(id, c)| (id, exact_words(&c)))
        .collect();
    Ok(forms.iter().find_map(|form| {
        let want = exact_words(form);
        held.iter().find(|(_, c)| *c == want).map(|(id, _)| *id)
    }))
}

/// The directive given to `unit` on `day` whose words are nearly these (another copy of a
/// notice with a word corrected: four words in five the same; or a part added or taken away:
/// every word of one in the other, four at least), if any.
pub(in crate::intake) fn nearly_held(
    conn: &Connection,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
) -> Result<Option<directive::Directive>> {
    let numbers = numbers_besides_dates(content);
    let found = given(conn, unit, day)?;
    let best = found
        .into_iter()
        // "Báo cáo tháng 4" is not "Báo cáo tháng 5"; a date moved, or a year added ("quý
        // I" → "quý I năm 2025"), is still the task.
        .filter(|(_, c)| {
            let theirs = numbers_besides_dates(c);
            within(&theirs, &numbers) || within(&numbers, &theirs)
        })
        .map(|(id, c)| (nearly(content, &c), id))
        .filter(|(a, _)| *a >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    best.map(|(_, id)| directive::get(conn, id)).transpose()
}

/// The numbers a text says outside its dates ("tháng 4", "năm 2026"; not "25/4/2025").
pub(super) fn numbers_besides_dates(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| !w.contains(['/', '-', '.']))
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// Whether every number of `a` is one of `b`'s (each as often).
pub(super) fn within(a: &[&str], b: &[&str]) -> bool {
    let mut left: Vec<&str> = b.to_vec();
    a.iter().all(|n| match left.iter().position(|m| m == n) {
        Some(i) => {
            left.swap_remove(i);
            true
        }
        None => false,
    })
}

/// How nearly two texts' words say one task: [`alike`], and at least 0.8 when every word of
/// one is in the other, four at least, the rest a part of its own added after ("… - Đã xong
/// dự thảo", "… (Thông báo số 45/TB-STTTT)") or a frame before ("Đ/c Long chỉ đạo: …"). A
/// short form in one spelled out in the other ("Cổng TTĐT", "Cổng Thông tin điện tử") is the
/// same words.
pub(super) fn nearly(a: &str, b: &str) -> f64 {
    // Texts with no short form, that open and close with other words and share few: not
    // nearly, read without spelling anything out (a later copy's row is weighed against the
    // dozens given that day).
    let (ea, short_a) = plain_words(a);
    let (eb, short_b) = plain_words(b);
    if !short_a && !short_b {
        // (A part added or framed: one the other's first or last words; the same first part:
        // the same four first words at least.)
        let (short, long) = if ea.len() <= eb.len() {
            (&ea, &eb)
        } else {
            (&eb, &ea)
        };
        let part = long.starts_with(&**short) || long.ends_with(&**short);
        let opening = ea.split(' ').take(4).eq(eb.split(' ').take(4));
        if !part && !opening {
            let score = alike(&ea, &eb);
            if score < 0.8 {
                return score;
            }
        }
    }
    let (wa, wb, spelled) = short_forms_alike(a, b);
    let part = in_parts(a, b, &wa, &wb);
    // Names that differ ("… huyện Bắc Hà", "… huyện Bảo Yên") make two tasks (not names in a
    // part added).
    if !part && names_differ(a, b, &spelled) {
        return 0.0;
    }
    let score = alike(&wa, &wb);
    if part { score.max(0.8) } else { score }
}

/// A text's words (see [`exact_words`]) and whether it writes a short form in capitals (two
/// capitals or more in a word), kept for the texts last weighed: a later copy's row is weighed
/// against dozens of tasks, each against thousands of rows.
fn plain_words(t: &str) -> (std::rc::Rc<str>, bool) {
    thread_local! {
        static SEEN: std::cell::RefCell<HashMap<String, (std::rc::Rc<str>, bool)>> =
            std::cell::RefCell::new(HashMap::new());
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(known) = seen.get(t) {
            return known.clone();
        }
        if seen.len() >= 100_000 {
            seen.clear();
        }
        let short =
            (t.split_whitespace()).any(|w| w.chars().filter(|c| c.is_uppercase()).count() >= 2);
        let known = (std::rc::Rc::from(exact_words(t)), short);
        seen.insert(t.to_string(), known.clone());
        known
    })
}

/// Whether two texts are one task's words written another way, word for word: the same
/// words once short forms are spelled out, or the same with a part of its own added, framed
/// or rewritten (see [`nearly`]), or a word or two put in between ("quý II năm 2026"); not a
/// word changed ("tăng" for "giảm").
pub(super) fn written_otherwise(a: &str, b: &str) -> bool {
    let (wa, wb, _) = short_forms_alike(a, b);
    in_parts(a, b, &wa, &wb) || words_inserted(&wa, &wb)
}

/// Whether the longer of two texts' words is the shorter's (four at least) with one or two
/// words put in between them, first and last the same, none denying ("quý II/2026", "quý II
/// năm 2026"; "tổng kết năm 2026", "tổng kết công tác năm 2026"; not "không" put in).
fn words_inserted(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 4 || !(1..=2).contains(&(long.len() - short.len())) {
        return false;
    }
    if short.first() != long.first() || short.last() != long.last() {
        return false;
    }
    let mut put_in = Vec::new();
    let mut k = 0;
    for w in &long {
        match short.get(k) {
            Some(s) if s == w => k += 1,
            _ => put_in.push(crate::text::fold(w)),
        }
    }
    k == short.len()
        && !put_in
            .iter()
            .any(|w| ["khong", "chua", "ngoai", "tru"].contains(&w.as_str()))
}

/// [`nearly`]'s parts: `wa` and `wb` the words of `a` and `b` with their short forms alike.
fn in_parts(a: &str, b: &str, wa: &str, wb: &str) -> bool {
    let (short, long, long_text) = if wa.len() <= wb.len() {
        (wa, wb, b)
    } else {
        (wb, wa, a)
    };
    let n = short.split(' ').count();
    let added_after =
        long == short || (long.starts_with(&format!("{short} ")) && part_after(long_text, n));
    let framed_before =
        long.ends_with(&format!(" {short}")) && part_before(long_text, long.split(' ').count() - n);
    // ("…\nTiến độ: đang xây dựng dự thảo" → "…\nTiến độ: đã trình UBND tỉnh", "… [Đang
    // thực hiện]" → "… [Đã hoàn thành]": the task's words the same, the part after them
    // rewritten.)
    let (first_a, first_b) = (first_part(a), first_part(b));
    let same_first = first_a.split(' ').count() >= 4
        && first_a == first_b
        && (first_a != exact_words(a) || first_b != exact_words(b));
    (n >= 4 && (added_after || framed_before)) || same_first
}

/// The words of `a` and `b` as [`exact_words`] gives them, a short form written in capitals
/// in one ("TTĐT", "TT&TT", "KH") standing for the words of the other whose initials it is
/// ("thông tin điện tử", "Thông tin và Truyền thông", "Kế hoạch") in both; and the words so
/// spelled out, folded.
fn short_forms_alike(a: &str, b: &str) -> (String, String, Vec<String>) {
    let shorts = |t: &str| -> Vec<(String, Vec<String>)> {
        (t.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| {
                let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
            })
            .map(|w| {
                let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
                let words = exact_words(w).split(' ').map(str::to_string).collect();
                (crate::text::fold(&letters), words)
            })
            .collect()
    };
    let mut spelled = Vec::new();
    let mut spell = |words: &mut Vec<String>, forms: &[(String, Vec<String>)]| {
        for (letters, short) in forms {
            let want: Vec<char> = letters.chars().collect();
            'at: for i in 0..words.len() {
                let (mut k, mut j) = (0, i);
                while j < words.len() && k < want.len() {
                    // ("Thông tin và Truyền thông": "và" has no letter of its own.)
                    if words[j] == "và" && j > i {
                        j += 1;
                        continue;
                    }
                    if !crate::text::fold(&words[j]).starts_with(want[k]) {
                        continue 'at;
                    }
                    (k, j) = (k + 1, j + 1);
                }
                if k == want.len() && j - i >= 2 {
                    spelled.extend(words[i..j].iter().map(|w| crate::text::fold(w)));
                    words.splice(i..j, short.iter().cloned());
                    break;
                }
            }
        }
    };
    let (mut wa, mut wb): (Vec<String>, Vec<String>) = (
        exact_words(a).split(' ').map(str::to_string).collect(),
        exact_words(b).split(' ').map(str::to_string).collect(),
    );
    spell(&mut wb, &shorts(a));
    spell(&mut wa, &shorts(b));
    // ("Kế hoạch số 12", "KH 12": "số" before a number says nothing of its own.)
    let without_so = |w: Vec<String>| -> String {
        (0..w.len())
            .filter(|&k| {
                !(w[k] == "số"
                    && w.get(k + 1)
                        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())))
            })
            .map(|k| w[k].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    (without_so(wa), without_so(wb), spelled)
}

/// The words of a text before its first part of its own (a line break, a bracket, a dash
/// or a full stop between words), as [`exact_words`] gives them.
fn first_part(text: &str) -> String {
    let spans = word_spans(text);
    let cut = (1..spans.len())
        .find(|&k| text[spans[k - 1].1..spans[k].0].contains(['\n', '[', '(', '-', '–', '.', ';']))
        .map_or(text.len(), |k| spans[k - 1].1);
    exact_words(&text[..cut])
}

/// The start and end of each word of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Whether the words of `text` after its first `n` start a part of their own: after a mark
/// ("…, báo cáo kết quả về Sở", "…. Báo cáo …", "… (…)", "… [Đã xong]", a line of its own)
/// or a word that opens one ("và",
/// "để", "nhằm", "trình"), not words that narrow the task ("Rà soát hồ sơ đất đai …").
pub(super) fn part_after(text: &str, n: usize) -> bool {
    let spans = word_spans(text);
    let (Some(&(_, end)), Some(&(from, to))) =
        (n.checked_sub(1).and_then(|k| spans.get(k)), spans.get(n))
    else {
        return false;
    };
    text[end..from].contains([',', ';', '(', '[', '-', '–', ':', '.', '\n'])
        || matches!(
            crate::text::fold(&text[from..to]).as_str(),
            "va" | "de" | "nham" | "trinh"
        )
}

/// Whether the first `n` words of `text` are a frame of their own before the rest, ending in
/// a colon or a dash ("Đ/c Long chỉ đạo: …", "Bổ sung - …"), eight words at most.
fn part_before(text: &str, n: usize) -> bool {
    let spans = word_spans(text);
    let (Some(&(_, end)), Some(&(from, _))) =
        (n.checked_sub(1).and_then(|k| spans.get(k)), spans.get(n))
    else {
        return false;
    };
    n <= 8 && text[end..from].contains([':', '-', '–'])
}

/// Whether two texts name different bodies or places: a word in capitals, not opening its
/// text, in one and not the other (nor among the words `spelled` out of a short form).
pub(super) fn names_differ(a: &str, b: &str, spelled: &[String]) -> bool {
    // (Not a word opening a part of its own: "… - Đã xong", "…. Báo cáo …".)
    let names = |t: &str| -> Vec<String> {
        let spans = word_spans(t);
        (1..spans.len())
            .filter(|&k| {
                !t[spans[k - 1].1..spans[k].0].contains(['.', '-', '–', '(', '[', ':', ';', '\n'])
            })
            .map(|k| &t[spans[k].0..spans[k].1])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(crate::text::fold)
            .collect()
    };
    let (x, y) = (names(a), names(b));
    let all = |t: &str| {
        exact_words(t)
            .split(' ')
            .map(crate::text::fold)
            .collect::<Vec<_>>()
    };
    let (ax, by) = (all(a), all(b));
    // (Not the words of a short form the other writes: "Kế hoạch" beside "KH".)
    let other = |w: &String, theirs: &[String]| !theirs.contains(w) && !spelled.contains(w);
    x.iter().any(|w| other(w, &by)) || y.iter().any(|w| other(w, &ax))
}

/// How alike two texts' words are: twice the words they share over the words of both
/// (1 the same words, 0 none in common).
pub(super) fn alike(a: &str, b: &str) -> f64 {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for w in a.split(' ') {
        *left.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b.split(' ') {
        if let Some(n) = left.get_mut(w).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    let all = a.split(' ').count() + b.split(' ').count();
    2.0 * shared as f64 / all as f64
}

/// The meeting titled `title` (case, diacritics and spacing aside) held on `date`, if any.
pub(in crate::intake) fn held(
    conn: &Connection,
    title: &str,
    date: NaiveDate,
) -> Result<Option<Uuid>> {
    let filter = meeting::MeetingFilter {
        from: Some(date),
        to: Some(date),
        ..Default::default()
    };
    let want = meeting_key(title);
    Ok(meeting::list(conn, &filter)?
        .into_iter()
        .find(|m| meeting_key(&m.title) == want)
        .map(|m| m.id))
}

/// A meeting's title as the same meeting is written in several ways: its words (case and
/// diacritics aside) without "cuộc", "buổi", "họp", "phiên", "năm", "ngày", nor the notice
/// of it ("thông báo", "kết luận"), numbers without their leading zeros. "Họp giao ban
/// tháng 03 năm 2025", "Giao ban tháng 3/2025" and "Kết luận giao ban tháng 3/2025" are one.
pub(super) fn meeting_key(title: &str) -> String {
    pub(super) const ASIDE: &[&str] = &[
        "cuoc", "buoi", "hop", "phien", "nam", "ngay", "thong", "bao", "ket", "luan",
    ];
    crate::text::words(title)
        .into_iter()
        .filter(|w| !ASIDE.contains(&w.as_str()))
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                w.trim_start_matches('0').to_string()
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_or_two_put_in_is_the_task_written_otherwise() {
        for (a, b) in [
            (
                "Báo cáo kết quả công tác quý II/2026",
                "Báo cáo kết quả công tác quý II năm 2026",
            ),
            (
                "Tổ chức Hội nghị tổng kết năm 2026",
                "Tổ chức Hội nghị tổng kết công tác năm 2026",
            ),
        ] {
            assert!(written_otherwise(a, b), "{a} / {b}");
        }
        for (a, b) in [
            (
                "Báo cáo kết quả thực hiện quy chế",
                "Báo cáo kết quả không thực hiện quy chế",
            ),
            (
                "Xây dựng phương án tăng biên chế",
                "Xây dựng phương án giảm biên chế",
            ),
            ("Rà soát hạ tầng mạng", "Rà soát hạ tầng mạng xã Bản Mế"),
        ] {
            assert!(!written_otherwise(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_task_worded_again_is_told_from_another() {
        let same = |a: &str, b: &str| {
            numbers_besides_dates(a) == numbers_besides_dates(b)
                && alike(&exact_words(a), &exact_words(b)) >= 0.8
        };
        assert!(same(
            "Tổng hợp báo cáo kết quả tháng 4, trình trước ngày 25/4/2025",
            "Tổng hợp báo cáo kết quả tháng 4, gửi trước ngày 25/4/2025"
        ));
        assert!(same(
            "Tham mưu dự toán năm 2026, xong trước 30/6/2025",
            "Tham mưu dự toán năm 2026, xong trước 15/7/2025"
        ));
        assert!(!same(
            "Tổng hợp báo cáo kết quả tháng 4",
            "Tổng hợp báo cáo kết quả tháng 5"
        ));
        let near = |a: &str, b: &str| {
            let (x, y) = (numbers_besides_dates(a), numbers_besides_dates(b));
            (within(&x, &y) || within(&y, &x)) && alike(&exact_words(a), &exact_words(b)) >= 0.8
        };
        assert!(near(
            "Tổng hợp tình hình hoạt động báo chí quý I",
            "Tổng hợp tình hình hoạt động báo chí quý I năm 2025"
        ));
        assert!(!near(
            "Báo cáo kết quả tháng 4 năm 2025",
            "Báo cáo kết quả tháng 5 năm 2025"
        ));
        assert!(!same("Báo cáo chuyển đổi số", "Kiểm tra an toàn thông tin"));
        assert_eq!(
            numbers_besides_dates("Quý 3 (tháng 7-9), năm 2025."),
            ["3", "2025"]
        );
    }
}
