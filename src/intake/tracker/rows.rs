//! A sheet's rows read one by one into the plan: headings, items and continuation lines,
//! dates, deadlines and extensions, states and ticks, and the rows held already.

use super::held::{
    already_held, brought_in, changed_at_once, given, in_the_notice, maybe_held, notice_meeting,
    notice_meeting_day, numbers_besides_dates, same_source, source_cited, was_otherwise, within,
    written_otherwise,
};
use super::*;

/// Whether a row holds only the words that sign a table off ("Người lập biểu", "KT. GIÁM
/// ĐỐC", "Thủ trưởng đơn vị", "Nơi nhận").
pub(super) fn signatures(row: &[Cell]) -> bool {
    pub(super) const SIGN_OFF: &[&str] = &[
        "nguoi lap bieu",
        "nguoi lap",
        "nguoi tong hop",
        "nguoi ky",
        "thu truong don vi",
        "thu truong co quan",
        "giam doc",
        "kt giam doc",
        "tl giam doc",
        "pho giam doc",
        "chanh van phong",
        "lanh dao don vi",
        "noi nhan",
        "ky ghi ro ho ten",
        "ky ten dong dau",
    ];
    let mut texts = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| crate::text::plain(&c.text()))
        .peekable();
    texts.peek().is_some() && texts.all(|t| SIGN_OFF.contains(&t.as_str()))
}

/// Whether a cell says "the same as above": "nt", "-nt-", "Như trên", a ditto mark.
pub(super) fn ditto(text: &str) -> bool {
    let t = text.trim();
    // Longer than any way of writing them (a task's words: no fold needed).
    if t.len() > 64 {
        return false;
    }
    matches!(t, "\"" | "〃" | "''" | "”" | "“")
        || matches!(crate::text::plain(t).as_str(), "nt" | "nhu tren")
}

/// Whether a number cell letters an item ("a", "b)", "đ."), not a task of its own.
pub(super) fn letter_item(number: &str) -> bool {
    let t = number.trim().trim_end_matches([')', '.']);
    let mut chars = t.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase())
}

/// Whether a row's words are the table's totals ("Tổng cộng", "Tổng số: 12", "Cộng").
pub(super) fn totals(content: &str) -> bool {
    let w = crate::text::words(content);
    match w.as_slice() {
        [one] => one == "cong" || one == "tong",
        [a, b, ..] => a == "tong" && (b == "cong" || b == "so"),
        [] => false,
    }
}

/// What the ticks under a state's column say of a row (see [`Tick`]).
pub(super) struct Ticked<'h> {
    /// The column ticked and its state, if one is.
    tick: Option<&'h (usize, Tick)>,
    /// The state, from the tick and the progress's words.
    said: Said,
    /// Words written in the ticked column rather than a mark ("Đã hoàn thành ngày
    /// 22/04/2025 (chậm 2 ngày)", "Đã khảo sát 3/5 xã"), read as a progress's words.
    words: String,
    /// The progress's words say done beside a tick that says not done (told).
    not_done: bool,
    /// Ticked done late, or done and also under a column that says not done ("Hoàn thành"
    /// and "Quá hạn" both ticked).
    late: bool,
}

/// The state a row's ticks say over `said`, what its progress and notes say: a tick says the
/// state (a date in "Đã hoàn thành", when); a report in words beside a tick that says not
/// done keeps its words (the tick says no more than "under way" or "not done").
pub(super) fn ticked<'h>(ticks: &'h [(usize, Tick)], row: &[Cell], said: Said) -> Ticked<'h> {
    let cell_at = |j: usize| row.get(j).unwrap_or(&Cell::Empty);
    let tick = ticks.iter().find(|(j, _)| !cell_at(*j).is_empty());
    let words = tick
        .map(|(j, _)| cell_at(*j).text())
        .filter(|t| crate::text::words(t).len() >= 2)
        .unwrap_or_default();
    let Some((j, state)) = tick else {
        return Ticked {
            tick,
            said,
            words,
            not_done: false,
            late: false,
        };
    };
    let also_open = (ticks.iter()).any(|(k, t)| *t == Tick::Open && !cell_at(*k).is_empty());
    let late = *state == Tick::DoneLate || (*state == Tick::Done && also_open);
    let words_say_done = matches!(said, Said::Done(_) | Said::Reported(_));
    let in_words = (!words.is_empty()).then(|| values::said(&words, ""));
    let said = match (state, said) {
        (Tick::Done | Tick::DoneLate, _) => Said::Done(
            values::date(cell_at(*j))
                .ok()
                .flatten()
                .or_else(|| match in_words {
                    Some(Said::Done(on) | Said::Reported(on)) => on,
                    _ => values::date_in(&words),
                }),
        ),
        (Tick::Under | Tick::Open, s @ Said::InProgress { .. }) => s,
        (Tick::Under, _) => match in_words {
            Some(s @ Said::InProgress { .. }) => s,
            Some(_) => Said::InProgress {
                percent: 0,
                note: Some(words.trim().to_string()),
                on: None,
            },
            None => Said::InProgress {
                percent: 0,
                note: None,
                on: None,
            },
        },
        // "Đang khảo sát", "Đã khảo sát 3/5 xã" under "Chưa hoàn thành": under way, its words
        // kept.
        (Tick::Open, _) => match in_words {
            Some(s @ Said::InProgress { .. }) if values::says_more_than_a_state(&words) => s,
            _ => Said::Open,
        },
    };
    let not_done = words_say_done && !matches!(state, Tick::Done | Tick::DoneLate);
    Ticked {
        tick,
        said,
        words,
        not_done,
        late,
    }
}

/// A heading's words without its numbering ("I.", "2)", "A -") and in small letters (a
/// heading in capitals names a unit as its name does).
pub(super) fn heading_words(text: &str) -> String {
    let t = text.trim();
    let rest = match t.split_once(['.', ')', '-', '–']) {
        Some((mark, rest))
            if !mark.is_empty()
                && mark.len() <= 4
                && mark.trim().chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            rest
        }
        _ => t,
    };
    let rest = rest.trim();
    if rest.chars().any(char::is_lowercase) {
        rest.to_string()
    } else {
        rest.to_lowercase()
    }
}

/// Whether a line of words alone continues the directive above: an item of its list ("- …",
/// "+ …", "• …", "a) …") or a sentence that goes on (a small letter first).
pub(super) fn continues_above(content: &str) -> bool {
    matches!(content.trim_start().chars().next(), Some(c) if "-–—+•*·…".contains(c) || c.is_lowercase())
}

/// One data row's cells as read (ditto marks replaced, dates typed month first swapped), and
/// how its problems are told.
struct RowCells<'a> {
    g: &'a Grid,
    h: &'a Header,
    /// The row's index in the grid.
    i: usize,
    row: &'a [Cell],
    /// The date cells (and progress and notes) rewritten day first, in a month-first sheet.
    swapped: HashMap<Column, Cell>,
    /// Whether numbers under progress are fractions on this sheet (0.8 for 80%).
    fractions: bool,
}

impl RowCells<'_> {
    /// The cell of a field (empty when the sheet has no column for it).
    fn at(&self, c: Column) -> &Cell {
        self.swapped.get(&c).unwrap_or_else(|| {
            (self.h.fields.get(&c))
                .and_then(|j| self.row.get(*j))
                .unwrap_or(&Cell::Empty)
        })
    }

    /// The field and its column, when the sheet has one.
    fn col(&self, c: Column) -> Option<(Column, usize)> {
        self.h.fields.get(&c).map(|j| (c, *j))
    }

    /// A field's text; a number under progress is a share done ("80%" typed as 0.8 in a cell
    /// formatted as a percentage, or as 80).
    fn text(&self, c: Column) -> String {
        match (c, self.at(c)) {
            (Column::Progress, Cell::Number(n)) => share_done(*n, self.fractions).map_or_else(
                || self.at(c).text(),
                |p| {
                    if p == 0 {
                        String::new()
                    } else {
                        format!("{p}%")
                    }
                },
            ),
            (_, cell) => cell.text(),
        }
    }

    /// A caveat told on the row, at the field's column when the sheet has one.
    fn told(&self, issue: Issue, c: Option<Column>) -> RowProblem {
        problem(self.g, self.i, c.and_then(|c| self.col(c)), issue, false)
    }

    /// The row set aside for `issue`, at the field's column; the field is named even when the
    /// sheet has no column for it ("Ngày giao").
    fn set_aside(&self, issue: Issue, c: Option<Column>) -> RowProblem {
        let mut p = problem(self.g, self.i, c.and_then(|c| self.col(c)), issue, true);
        p.field = p.field.or(c);
        p
    }
}

pub(super) fn read_rows(
    r: &mut Reading<'_>,
    plan: &mut Plan,
    seen: &mut HashMap<[u8; 32], Seen>,
    s: usize,
    g: &Grid,
    h: &Header,
    by_sheet: SheetGiven,
) -> Result<()> {
    let SheetGiven {
        unit: sheet_unit,
        leader: sheet_leader,
    } = by_sheet;
    let today = crate::date::today();
    // Dates typed month first (a file made on a computer set to US English) are read so,
    // when the sheet's own dates show it; the first row that shows it says so.
    pub(super) const DATES: [Column; 3] =
        [Column::AssignedOn, Column::Deadline, Column::CompletedOn];
    let typed = |i: usize, c: Column| match h.fields.get(&c).and_then(|j| g.rows[i].get(*j)) {
        Some(Cell::Text(t)) => Some(t.as_str()),
        _ => None,
    };
    let data = h.last_row + 1..g.rows.len();
    let month_first = values::month_first(
        data.clone()
            .flat_map(|i| DATES.iter().filter_map(move |c| typed(i, *c))),
    );
    if month_first {
        let shows = data.clone().find(|&i| {
            DATES
                .iter()
                .filter_map(|c| typed(i, *c))
                .any(|t| values::month_first([t]))
        });
        if let Some(i) = shows {
            plan.problems
                .push(problem(g, i, None, Issue::MonthFirst, false));
        }
    }
    // The last directive row read: its index, and how many rows were planned and set aside
    // before it (what it gave is told by the counts since), for the lines continuing it.
    let mut last: Option<(u32, usize, usize)> = None;
    // The content of the directive the last row was found to be already (imported before):
    // the lines continuing it that it lacks are told, not dropped.
    let mut held_above: Option<String> = None;
    // The unit and source of the last directive row, for its items on rows of their own.
    let (mut lead_above, mut source_above): (Option<String>, Option<String>) = (None, None);
    let mut given_above: Option<NaiveDate> = None;
    let mut task_row: Option<u32> = None;
    // The words of the task row above, for its lettered items that name only a part.
    let mut task_above = String::new();
    // The unit a section heading names, lead of the rows under it that name none.
    // The unit of the rows that name none: the sheet's, else the last heading's that names one.
    let mut section_lead: Option<String> = sheet_unit.clone();
    // Rows of earlier sheets whose differences a later sheet's row supersedes.
    let mut superseded: Vec<(String, u32)> = Vec::new();
    let set_aside = |p: &Plan| p.problems.iter().filter(|q| q.skipped).count();
    // How many rows of the sheet say the same words for the same unit, source and day (as
    // typed): such rows are told apart by their deadlines.
    let raw_key = |i: usize| {
        [
            Column::Content,
            Column::Lead,
            Column::Source,
            Column::AssignedOn,
        ]
        .map(|c| {
            let cell = h.fields.get(&c).and_then(|j| g.rows[i].get(*j));
            crate::text::plain(&cell.map(Cell::text).unwrap_or_default())
        })
        .join("\u{1F}")
    };
    // (Each with its count and its first row.)
    let mut repeats: HashMap<String, (u32, u32)> = HashMap::new();
    for i in data.clone() {
        repeats.entry(raw_key(i)).or_insert((0, g.row_number(i))).0 += 1;
    }
    // Whether some number under progress is a fraction (0.8 shown as 80%): then 1 is 100%.
    let fractions = data.clone().any(|i| {
        matches!(h.fields.get(&Column::Progress).and_then(|j| g.rows[i].get(*j)),
            Some(Cell::Number(n)) if *n > 0.0 && *n < 1.0)
    });
    // The cells of the last directive row, for ditto marks under them (borrowed from the
    // sheet; a row of its own only where a ditto mark was replaced).
    let mut cells_above: Cow<'_, [Cell]> = Cow::Borrowed(&[]);
    let own_words = [Column::Number, Column::Content].map(|c| h.fields.get(&c).copied());
    let marked = |j: usize, c: &Cell| {
        !own_words.contains(&Some(j)) && matches!(c, Cell::Text(t) if ditto(t))
    };
    for i in data {
        // "nt", "Như trên", "〃" in a cell (not the task's words): the cell above.
        let row_cells: Cow<'_, [Cell]> = if g.rows[i].iter().enumerate().any(|(j, c)| marked(j, c))
        {
            Cow::Owned(
                g.rows[i]
                    .iter()
                    .enumerate()
                    .map(|(j, c)| match cells_above.get(j) {
                        Some(above) if marked(j, c) => above.clone(),
                        _ => c.clone(),
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(&g.rows[i])
        };
        let row = &*row_cells;
        if row.iter().all(Cell::is_empty) {
            last = None;
            continue;
        }
        if columns::is_numbering_row(row) {
            continue;
        }
        // The signatures under the table ("Người lập biểu", "GIÁM ĐỐC"): the table has
        // ended; what follows is no row of it, told once.
        if signatures(row) {
            plan.problems
                .push(problem(g, i, None, Issue::Signatures, true));
            break;
        }
        // A date cell as typed, or written day first in a month-first sheet.
        // (And the dates inside its progress and notes: "Đã hoàn thành ngày 03/28/2025".)
        let mut swapped: HashMap<Column, Cell> =
            if month_first {
                DATES
                    .iter()
                    .filter_map(|c| Some((*c, Cell::Text(values::day_first(typed(i, *c)?)?))))
                    .chain([Column::Progress, Column::Notes].iter().filter_map(|c| {
                        Some((*c, Cell::Text(values::days_first_in(typed(i, *c)?))))
                    }))
                    .collect()
            } else {
                HashMap::new()
            };
        // Cells struck through whole: the row's (its task withdrawn) when its content or
        // every value is; else each one's value is left out (crossed out, no longer so).
        let sheet_row = g.row_number(i) - 1;
        let from = g.struck.partition_point(|(r, _)| *r < sheet_row);
        let to = g.struck.partition_point(|(r, _)| *r <= sheet_row);
        let struck_here: Vec<u32> = g.struck[from..to].iter().map(|(_, c)| *c).collect();
        let field_at = |col: u32| {
            (h.fields.iter())
                .find(|(_, j)| g.first_col + **j as u32 == col)
                .map(|(c, _)| *c)
        };
        let every_value_struck = (row.iter().enumerate())
            .filter(|(_, c)| !c.is_empty())
            .all(|(j, _)| struck_here.contains(&(g.first_col + j as u32)));
        let row_struck = !struck_here.is_empty()
            && (every_value_struck
                || struck_here
                    .iter()
                    .any(|c| field_at(*c) == Some(Column::Content)));
        let mut struck_cells: Vec<(Column, String)> = Vec::new();
        if !row_struck {
            for col in &struck_here {
                let cell = (col.checked_sub(g.first_col)).and_then(|j| row.get(j as usize));
                let (Some(field), Some(cell)) = (field_at(*col), cell) else {
                    continue;
                };
                struck_cells.push((field, cell.text()));
                swapped.insert(field, Cell::Empty);
            }
        }
        let cells = RowCells {
            g,
            h,
            i,
            row,
            swapped,
            fractions,
        };
        let at = |c: Column| cells.at(c);
        let col = |c: Column| cells.col(c);
        let text = |c: Column| cells.text(c);
        let content = text(Column::Content);
        let lead_text = text(Column::Lead);
        // A section heading ("I. Năm 2024") or a row of only its number is no directive.
        let filled = h
            .fields
            .iter()
            .filter(|(c, _)| **c != Column::Number)
            .filter(|(c, _)| !at(**c).is_empty())
            .count();
        let number = at(Column::Number);
        let numbered = matches!(number, Cell::Number(_))
            || number.text().trim_end_matches('.').parse::<u32>().is_ok();
        // A heading typed in the number's column, often merged across the row ("II. THANH
        // TRA SỞ"), is a heading as it is under the content.
        let number_words = number.text();
        let heading_in_number =
            filled == 0 && number_words.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        if filled == 0 && !heading_in_number {
            continue;
        }
        let content = if heading_in_number {
            number_words
        } else {
            content
        };
        // "Tổng cộng", "TỔNG SỐ: 12 nhiệm vụ": the table's totals, no task.
        if lead_text.is_empty() && totals(&content) {
            plan.problems.push(problem(
                g,
                i,
                h.fields
                    .get(&Column::Content)
                    .map(|j| (Column::Content, *j)),
                Issue::Totals,
                true,
            ));
            continue;
        }
        // Only words, no unit nor date: a line continuing the directive above ("- Rà soát
        // …", "a) …"), added to its content; else a section heading ("I. Năm 2024"), told.
        if heading_in_number
            || (filled == 1 && !content.is_empty() && lead_text.is_empty() && !numbered)
        {
            let Some(issue) = a_line_alone(
                r,
                plan,
                (last, held_above.as_deref()),
                &content,
                (&mut section_lead, &sheet_unit),
            )?
            else {
                continue;
            };
            let skipped = !matches!(issue, Issue::HeadingLeads(_));
            let said_in = if heading_in_number {
                Column::Number
            } else {
                Column::Content
            };
            plan.problems.push(problem(
                g,
                i,
                h.fields.get(&said_in).map(|j| (said_in, *j)),
                issue,
                skipped,
            ));
            continue;
        }
        // The task row above (not one of its items), while rows follow it unbroken.
        let parent = last.and(task_row);
        last = Some((g.row_number(i), plan.rows.len(), set_aside(plan)));
        held_above = None;
        // A sub-item of the task above with a deadline or state of its own ("- Lắp đặt thiết
        // bị …" under task 1, no unit, no number): a task of that unit, told.
        let sub_item = lead_text.is_empty()
            && section_lead.is_none()
            && !numbered
            && continues_above(&content)
            && parent.is_some()
            && lead_above.is_some();
        // An item lettered under the task above ("a", "b)"), a unit of its own: a part of
        // that task, given when and by what it was; one that names only its part ("Huyện
        // Bát Xát") says the task's words before.
        let lettered = parent.is_some() && letter_item(&number.text());
        if !sub_item && !lettered {
            task_row = Some(g.row_number(i));
            task_above = content.clone();
        }
        let content = if lettered && crate::text::words(&content).len() <= 4 {
            format!(
                "{}: {}",
                task_above.trim_end_matches(['.', ':', ';']),
                content.trim()
            )
        } else {
            content
        };
        // Told with the row's other notes, once it is to be made (not when held already).
        let lead_from_above = parent.filter(|_| sub_item);
        let content = if lead_from_above.is_some() {
            content
                .trim_start_matches(|c: char| "-–—+•*·".contains(c) || c.is_whitespace())
                .to_string()
        } else {
            content
        };
        let lead_text = match (&section_lead, lead_text.is_empty()) {
            (_, true) if sub_item => lead_above.clone().unwrap_or_default(),
            (Some(unit), true) => unit.clone(),
            _ => lead_text,
        };
        lead_above = Some(lead_text.clone());
        cells_above = row_cells.clone();
        // A formula in error (#REF!) or saved without its value ("=B5+30" written by a
        // program, never calculated): no value to take, and none guessed.
        // A field a directive can do without is left out, told; any other leaves the row out.
        let optional = |c: Column| {
            matches!(
                c,
                Column::Number
                    | Column::Coordinating
                    | Column::Notes
                    | Column::Output
                    | Column::Priority
            )
        };
        let errors: Vec<Column> = (h.fields.keys().copied())
            .filter(|c| matches!(at(*c), Cell::Error))
            .collect();
        if let Some(&c) = errors.iter().find(|c| !optional(**c)) {
            let mut p = problem(g, i, col(c), Issue::Formula, true);
            p.field = p.field.or(Some(c));
            plan.problems.push(p);
            continue;
        }
        for c in errors.into_iter().filter(|c| *c != Column::Number) {
            plan.problems
                .push(problem(g, i, col(c), Issue::FormulaLeftOut, false));
        }
        // The field is named even when the sheet has no column for it ("Ngày giao").
        let mut skip =
            |issue: Issue, c: Option<Column>| plan.problems.push(cells.set_aside(issue, c));
        // No words ("3" of a summary's count, "-"): no task.
        if !content.chars().any(char::is_alphabetic) {
            skip(Issue::NoContent, Some(Column::Content));
            continue;
        }
        if content.chars().count() > CONTENT_CHARS {
            skip(Issue::TooLong, Some(Column::Content));
            continue;
        }
        if lead_text.is_empty() {
            // (Its lead crossed out, and no other written: said so.)
            let struck = (struck_cells.iter()).find(|(c, _)| *c == Column::Lead);
            let issue = struck.map_or(Issue::NoLead, |(_, w)| Issue::LeadStruck(w.clone()));
            skip(issue, Some(Column::Lead));
            continue;
        }
        let date_of = |c: Column| values::date(at(c)).map_err(Issue::BadDate);
        let assigned = match date_of(Column::AssignedOn) {
            Ok(d) => d,
            Err(e) => {
                skip(e, Some(Column::AssignedOn));
                continue;
            }
        };
        let completed = match date_of(Column::CompletedOn) {
            Ok(d) => d,
            Err(e) => {
                skip(e, Some(Column::CompletedOn));
                continue;
            }
        };
        // A day to come under "Ngày hoàn thành" is the day planned, not a completion: the
        // deadline of a row that gives none, told.
        let planned = completed.filter(|d| *d > today);
        let completed = completed.filter(|d| *d <= today);
        let source_text = match text(Column::Source) {
            t if (sub_item || lettered) && t.is_empty() => source_above.clone().unwrap_or(t),
            t => t,
        };
        source_above = Some(source_text.clone());
        let said_source = values::source(&source_text);
        let source_date = match &said_source {
            SourceSaid::Document { date, .. } | SourceSaid::Meeting { date, .. } => *date,
            SourceSaid::None => None,
        };
        // No day given nor stated: the day of the meeting of the office's notice cited without
        // its date ("TB số 45/TB-STTTT"), when one notice of that number is in the register;
        let notice_day = match (&said_source, assigned.or(source_date)) {
            (SourceSaid::Document { number, .. }, None) => notice_meeting_day(r, number)?,
            _ => None,
        };
        // or the day of the one meeting of the title cited, when it is held.
        let meeting_day = || match &said_source {
            SourceSaid::Meeting { title, .. } => match r.held.get(&meeting_key(title)) {
                Some(one) if one.len() == 1 => Some(one[0].1),
                _ => None,
            },
            _ => None,
        };
        // A sub-item is given when its task was, unless its own source says its day.
        let assigned = assigned.or(given_above.filter(|_| {
            (sub_item || lettered) && (source_date.is_none() || text(Column::Source).is_empty())
        }));
        let Some(given_on) = assigned
            .or(source_date)
            .or_else(meeting_day)
            .or(notice_day)
            .or(r.given_on)
        else {
            skip(Issue::NoDate, Some(Column::AssignedOn));
            continue;
        };
        given_above = Some(given_on);
        // A deadline crossed out beside the one left ("~30/06/2025~ 30/09/2025", "~30/06~
        // gia hạn 31/12"): the first deadline, extended to the one left.
        let struck_due = (h.fields.get(&Column::Deadline))
            .map(|j| g.first_col + *j as u32)
            .and_then(|col| {
                (g.struck_words.iter())
                    .find(|(r, c, _)| *r == sheet_row && *c == col)
                    .and_then(|(_, _, w)| values::date(&Cell::Text(w.clone())).ok().flatten())
            });
        let DueRead {
            deadline,
            extensions,
            told: due_told,
        } = match due_of(&cells, given_on, planned, struck_due) {
            Ok(due) => due,
            Err(p) => {
                plan.problems.push(p);
                continue;
            }
        };
        let (deadline, extensions) = match (deadline, struck_due) {
            (Some(now), Some(first)) if first < now && extensions.is_empty() => (
                Some(first),
                vec![Extension {
                    to: now,
                    grounds: None,
                }],
            ),
            _ => (deadline, extensions),
        };
        let extended = extensions.last().map(|e| e.to);
        // (Told as the first deadline, not as words left out.)
        let struck_first = (struck_due.filter(|_| deadline == struck_due)).zip(extended);
        // The date given as read, not as typed: the same row saved from another program
        // ("1/3/25" in a CSV, a date cell in a workbook) is the same row.
        let given_key = assigned.map_or_else(|| at(Column::AssignedOn).text(), |d| d.to_string());
        let mut key = row_key([&content, &lead_text, &source_text, &given_key]);
        let Units {
            lead,
            coordinating,
            lead_not_units,
            not_units,
            several_leads,
            by_person,
        } = match units_of(r, &cells, &lead_text)? {
            Ok(units) => units,
            // (A row brought in before whose units now read otherwise, a unit made since
            // fitting its words too: the directive held, as it was.)
            Err(_) if let Some(id) = imported_as(r.conn, &key)? => {
                r.found_held.insert(id);
                plan.already += 1;
                continue;
            }
            Err(p) => {
                plan.problems.push(p);
                continue;
            }
        };
        // The same words more than once on the sheet, each row with its deadline (a report
        // due each month, each month a row, in any order, and one more row each month), or
        // other words that read alike without their marks ("bảo vệ", "báo về"): each row a
        // directive of its own, known by its deadline and its words as written.
        let exact = exact_words(&content);
        let repeats_here = repeats.get(&raw_key(i)).filter(|(n, _)| *n > 1);
        let repeated = repeats_here.is_some();
        // (Two such rows, not a task given every month: maybe one task extended, told.)
        let paired_with = repeats_here
            .filter(|(n, _)| *n == 2)
            .map(|(_, first)| *first);
        if repeated {
            key = told_apart(&key, deadline, &exact);
        }
        // The same row again: on its own sheet, a copy left out; on a later sheet (a year's
        // sheet carrying over what the year before left unfinished), its newer state, its
        // lead unit written there another way or not ("Phòng CĐS", "Phòng Chuyển đổi số").
        let by_unit = match lead[0] {
            Pick::Known(u) => {
                let k = row_key([&content, &format!("\u{1}{u}"), &source_text, &given_key]);
                Some(if repeated {
                    told_apart(&k, deadline, &exact)
                } else {
                    k
                })
            }
            Pick::New(_) => None,
        };
        // The same row again on its own sheet, its lead unit written another way ("VP",
        // "Văn phòng Sở"): a copy when its words as written and its deadline are the same too.
        let alias_copy = match lead[0] {
            Pick::Known(u) => Some(told_apart(
                &row_key([&content, &format!("\u{2}{u}"), &source_text, &given_key]),
                deadline,
                &exact,
            )),
            Pick::New(_) => None,
        };
        // A task still open on an earlier sheet, given again on a later one with another day
        // and deadline (a monthly tracker carrying over what the month left undone): the
        // same task; one done there is given anew ("Báo cáo định kỳ hằng tháng").
        let carried = match lead[0] {
            Pick::Known(u) if !repeated => {
                Some(row_key([&content, &format!("\u{1}{u}"), &source_text, ""]))
            }
            _ => None,
        };
        let still_open =
            |first: &[u8; 32]| (plan.rows.iter()).any(|p| p.key == *first && p.said.open());
        let found = seen.get(&key).or_else(|| {
            by_unit
                .and_then(|k| seen.get(&k))
                .or_else(|| {
                    // (Another sheet's first: a plan row's state is looked up only then.)
                    carried
                        .and_then(|k| seen.get(&k))
                        .filter(|s| s.sheet != g.name && still_open(&s.key))
                })
                .filter(|s| s.sheet != g.name)
        });
        let found = found.or_else(|| {
            alias_copy
                .and_then(|k| seen.get(&k))
                .filter(|s| s.sheet == g.name)
        });
        // The same task on an earlier sheet written another way ("Tổng hợp" beside each
        // leader's sheet, a year's sheet carrying a task over: "KH" for "Kế hoạch", a part
        // added): its unit and source the same, its words written otherwise (see
        // `held::written_otherwise`; not a word changed).
        let source_key = values::source_key(&source_text);
        let found = found.or_else(|| {
            let Pick::Known(unit) = lead[0] else {
                return None;
            };
            // (Only when an earlier sheet planned rows: the plan holds them first.)
            if repeated || plan.rows.first().is_none_or(|p| p.sheet == s) {
                return None;
            }
            let numbers = numbers_besides_dates(&content);
            let fits: Vec<&RowPlan> = (r.by_unit_source.get(&(unit, source_key.clone())))
                .into_iter()
                .flatten()
                .map(|&k| &plan.rows[k])
                .filter(|p| p.sheet != s)
                .filter(|p| {
                    let theirs = numbers_besides_dates(&p.content);
                    // (The same words with the source written otherwise, "TB 77" for "TB
                    // 77/TB-STTTT", or words written another way; given the same day, or
                    // still open: a task done is given anew.)
                    (p.assigned_on == assigned || p.said.open())
                        && values::same_document(&p.source_text, &source_text)
                        && (within(&theirs, &numbers) || within(&numbers, &theirs))
                        && (exact_words(&p.content) == exact
                            || written_otherwise(&p.content, &content))
                })
                .collect();
            // (The same words first.)
            let same: Vec<&&RowPlan> = (fits.iter())
                .filter(|p| exact_words(&p.content) == exact)
                .collect();
            let one = match (same.as_slice(), fits.as_slice()) {
                ([one], _) => Some(**one),
                ([], [one]) => Some(*one),
                _ => None,
            };
            // The same words where one of the two sheets cites no source (a unit's sheet
            // without a "Văn bản giao" column, or its cells left empty): the one row of
            // that unit, given that day or still open.
            let one = one.or_else(|| {
                let bare: Vec<&RowPlan> = (r.by_words.get(&exact).into_iter().flatten())
                    .map(|(k, _)| &plan.rows[*k])
                    .filter(|p| {
                        p.sheet != s
                            && p.lead == lead[0]
                            && (p.assigned_on == assigned || p.said.open())
                            && (cites_none(&p.source_text) || cites_none(&source_text))
                    })
                    .collect();
                // (Of a task given again, on two rows of the earlier sheet: the one of this
                // row's day and deadline.)
                let same_days: Vec<&&RowPlan> = (bare.iter())
                    .filter(|p| p.assigned_on == assigned && p.deadline == deadline)
                    .collect();
                match (bare.as_slice(), same_days.as_slice()) {
                    ([one], _) => Some(*one),
                    (_, [one]) => Some(**one),
                    _ => None,
                }
            });
            one.and_then(|one| seen.get(&one.key).filter(|x| x.sheet != g.name))
        });
        let earlier = found.map(|s| (s.sheet.clone(), s.row));
        // A row seen first is noted once it is known to come in (or held already): a copy of
        // a row set aside or refused is not left out for it, and comes in instead.
        let mut first_seen = None;
        match (&earlier, found.map(|s| s.key)) {
            (Some((sheet, first)), _) if *sheet == g.name => {
                let mut differs = Vec::new();
                for (c, theirs) in found.iter().flat_map(|s| {
                    [
                        (Column::Progress, &s.progress),
                        (Column::Coordinating, &s.coordinating),
                    ]
                }) {
                    let ours = text(c);
                    if crate::text::plain(&ours) != crate::text::plain(theirs) {
                        differs.push((c, ours.trim().to_string()));
                    }
                }
                skip(Issue::Duplicate(sheet.clone(), *first, differs), None);
                continue;
            }
            (Some(_), Some(first_key)) => key = first_key,
            _ => {
                let here = Seen {
                    sheet: g.name.clone(),
                    row: g.row_number(i),
                    progress: text(Column::Progress),
                    coordinating: text(Column::Coordinating),
                    key,
                };
                let others = (by_unit.into_iter().chain(carried).chain(alias_copy)).collect();
                first_seen = Some(FirstSeen { others, here });
            }
        }
        let StateRead {
            said,
            tick_words,
            done_fallback,
            told: state_told,
        } = match state_of(
            &cells,
            completed,
            (given_on, planned),
            extended.or(deadline),
            today,
        ) {
            Ok(state) => state,
            Err(p) => {
                plan.problems.push(p);
                continue;
            }
        };
        // "Người giao": the leader who gave it, when the office knows them (else told, below).
        let leader_text = text(Column::Leader);
        let leader_read = match leader_text.trim() {
            "" => Ok(sheet_leader),
            said => r.leader(said)?.map(Some),
        };
        let leader = leader_read.clone().ok().flatten();
        // A row a rule will refuse at its writing (a unit or leader no longer active) is
        // refused again as it was, not matched to a directive held.
        // (Not a task closed: a record of the past names units and leaders as they were.)
        let refused = !said.closed() && inactive_named(r, &lead, &coordinating, leader);
        // (Brought in before with its notes kept in its words, "… (Ghi chú: …)".)
        let forms = stored_forms(&cells, &content);
        let task = RowTask {
            content: &forms,
            given_on,
            source: &said_source,
            repeated,
            origin: plan.origins[s],
        };
        // (But the row brought in before under its key, closed then and written open since,
        // is the directive held, told apart.)
        let held = match refused {
            true => imported_as(r.conn, &key)?,
            false => held_directive(r, &key, lead[0], &task)?,
        };
        if let Some(id) = held {
            r.found_held.insert(id);
            note_seen(seen, first_seen.take());
            plan.held_rows.insert((g.name.clone(), g.row_number(i)));
        }
        // A leader no longer active gives no open task here: a new one comes in without
        // them, told.
        let leader = match leader {
            Some(id) if held.is_none() && !said.closed() && r.no_longer_active.contains(&id) => {
                let name = crate::person::get(r.conn, id)?.full_name;
                let at = (cells.col(Column::Leader).is_some()).then_some(Column::Leader);
                plan.problems
                    .push(cells.told(Issue::LeaderNoLongerActive(name), at));
                None
            }
            leader => leader,
        };
        let held_as = match (held, lead[0]) {
            (None, Pick::Known(unit)) if !refused => {
                let due = (deadline, extended.or(deadline));
                changed_since(r, unit, &task, due, &plan.file_name)?
            }
            // Led by a unit not yet in the directory: the task held that a later copy gave
            // to it (the same words and deadline, given within a month), told; the unit is
            // then not made.
            (None, Pick::New(_)) if !refused && r.brought_in_any && !task.repeated => {
                let due = (deadline, extended.or(deadline));
                let source = (task.source, plan.file_name.as_str());
                match task.origin {
                    Some(origin) => Vec::from_iter(changed_at_once(
                        r,
                        task.content,
                        (None, given_on),
                        due,
                        source,
                        origin,
                    )?),
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        // So is a deadline the sheet gives that Giao Ban does not hold (extended in one of
        // them and not the other).
        if let Some(id) = held {
            // The same row on an earlier sheet (a year's sheet carrying over a task the year
            // before left unfinished): this later one holds the newer state, so what the
            // earlier one told apart from Giao Ban is no difference.
            let earlier_told = earlier.as_ref().is_some_and(|e| r.told_apart.contains(e));
            if earlier_told {
                superseded.extend(earlier.clone());
            }
            let here = directive::get(r.conn, id)?;
            held_above = Some(here.content.clone());
            let told = differences(
                r,
                &cells,
                &here,
                &coordinating,
                completed,
                extended.or(deadline),
            )?;
            let differs = !told.is_empty();
            plan.problems.extend(told);
            if !differs && (earlier.is_none() || earlier_told) {
                plan.already += 1;
            }
            if differs {
                r.told_apart.insert((g.name.clone(), g.row_number(i)));
            }
            continue;
        }
        let source = match said_source {
            SourceSaid::Document { number, date } => SourcePlan::Document {
                number,
                date: date.unwrap_or(given_on),
            },
            SourceSaid::Meeting { title, date } => r.meeting(&title, date.unwrap_or(given_on)),
            SourceSaid::None => SourcePlan::Document {
                number: plan.file_name.clone(),
                date: given_on,
            },
        };
        // A byte that is no character where it stood ("Văn phòng S�ở"): kept as "�", told.
        if row
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if t.contains('\u{FFFD}')))
        {
            plan.problems.push(cells.told(Issue::Unreadable, None));
        }
        if given_on > today {
            plan.problems
                .push(cells.told(Issue::GivenAfterToday(given_on), Some(Column::AssignedOn)));
        }
        if chrono::Datelike::year(&given_on) < 2000 {
            plan.problems
                .push(cells.told(Issue::GivenLongAgo(given_on), Some(Column::AssignedOn)));
        }
        // A row hidden in the workbook (filtered out, or hidden by hand) comes in as any
        // other, told: it may have been hidden as no longer kept.
        if g.hidden.binary_search(&(g.row_number(i) - 1)).is_ok() {
            plan.problems.push(cells.told(Issue::HiddenRow, None));
        }
        // So does a row struck through (as offices mark a task withdrawn).
        if row_struck {
            plan.problems.push(cells.told(Issue::StruckRow, None));
        }
        for (field, words) in struck_cells {
            plan.problems
                .push(cells.told(Issue::StruckWords(words), Some(field)));
        }
        // Words crossed out inside a cell (a unit or deadline, another written beside it):
        // read without them, told at their column.
        for (_, col, words) in (g.struck_words.iter()).filter(|w| w.0 + 1 == g.row_number(i)) {
            let field = (h.fields.iter())
                .find(|(_, j)| g.first_col + **j as u32 == *col)
                .map(|(c, _)| *c);
            let issue = match struck_first {
                Some((first, to)) if field == Some(Column::Deadline) => {
                    Issue::StruckDeadlineFirst(words.clone(), first, to)
                }
                _ => Issue::StruckWords(words.clone()),
            };
            plan.problems.push(cells.told(issue, field));
        }
        if let Some(above) = lead_from_above {
            plan.problems
                .push(cells.told(Issue::LeadFromAbove(above), Some(Column::Lead)));
        }
        for (column, people) in by_person {
            plan.problems
                .push(cells.told(Issue::UnitOfPerson(people), Some(column)));
        }
        if let Some(cell) = several_leads {
            plan.problems
                .push(cells.told(Issue::SeveralLeads(cell), Some(Column::Lead)));
        }
        // "Sản phẩm": what it is to produce; "Mức độ ưu tiên": its priority, a word not read
        // as one told.
        let output = Some(text(Column::Output).trim().to_string()).filter(|o| !o.is_empty());
        let priority_text = text(Column::Priority);
        let priority = match values::priority(&priority_text) {
            Some(p) => p,
            None => {
                plan.problems.push(cells.told(
                    Issue::PriorityUnread(priority_text.trim().to_string()),
                    Some(Column::Priority),
                ));
                Priority::Normal
            }
        };
        match leader_read {
            Err(candidates) => plan.problems.push(cells.told(
                Issue::LeaderUnknown(leader_text.trim().to_string(), candidates),
                Some(Column::Leader),
            )),
            Ok(Some(id)) if people_listed(&leader_text).len() > 1 => {
                let first = crate::person::get(r.conn, id)?.full_name;
                let issue = Issue::SeveralLeaders(leader_text.trim().to_string(), first);
                plan.problems.push(cells.told(issue, Some(Column::Leader)));
            }
            Ok(_) => {}
        }
        plan.problems.extend(state_told);
        plan.problems.extend(due_told);
        if let Some(names) = lead_not_units {
            plan.problems
                .push(cells.told(Issue::NotAUnit(names), Some(Column::Lead)));
        }
        if let Some(names) = not_units {
            plan.problems
                .push(cells.told(Issue::NotAUnit(names), Some(Column::Coordinating)));
        }
        // What the progress and notes say, kept whole with the state read from them ("Đã
        // hoàn thành ngày 28/3, đã ban hành Kế hoạch số 50/KH-STTTT"; a note beside a state).
        let words = [
            text(Column::Progress),
            tick_words.clone(),
            text(Column::Notes),
        ]
        .into_iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
        let (content, declined) = with_notes(&cells, content, &said, &words);
        plan.problems.extend(declined);
        if let Some((sheet, first)) = earlier {
            match plan.rows.iter_mut().find(|p| p.key == key) {
                Some(p) => {
                    // (Its words there, when written otherwise.)
                    let there = (exact_words(&p.content) != exact_words(&content))
                        .then(|| p.content.clone());
                    let later = Newer {
                        deadline,
                        extensions,
                        said,
                        done_fallback,
                        words,
                        content,
                        leader,
                    };
                    let (earlier_dates, kept_done) = p.take_newer(later, &g.name);
                    for to in earlier_dates {
                        let issue = Issue::ExtensionNotLater(to);
                        plan.problems
                            .push(cells.told(issue, Some(Column::Deadline)));
                    }
                    if let Some(day) = kept_done {
                        let issue = Issue::DoneOnAnotherSheet(sheet.clone(), first, day);
                        plan.problems
                            .push(cells.told(issue, Some(Column::Progress)));
                    }
                    plan.problems.push(problem(
                        g,
                        i,
                        None,
                        Issue::Newer(sheet, first, there),
                        false,
                    ));
                }
                None => plan.problems.push(problem(
                    g,
                    i,
                    None,
                    Issue::Duplicate(sheet, first, Vec::new()),
                    true,
                )),
            }
            continue;
        }
        // (Not one a rule will refuse at its writing: a unit or leader no longer active.)
        if !refused {
            note_seen(seen, first_seen.take());
        }
        // The same words given again with another deadline: a task of its own, told.
        if let Some(first) = paired_with.filter(|f| *f != g.row_number(i)) {
            plan.problems
                .push(cells.told(Issue::GivenAgain(first), Some(Column::Deadline)));
        }
        if let Pick::Known(unit) = lead[0] {
            (r.by_unit_source.entry((unit, source_key)))
                .or_default()
                .push(plan.rows.len());
        }
        // An earlier sheet's row of these words (as the row wrote them, its notes aside) and
        // day naming another lead with the same source or none (a unit's sheet listing as its
        // own a task it helps with, or each sheet a task of its own): brought in apart, told.
        let that_day: Vec<(&RowPlan, &String)> = (r.by_words.get(&exact).into_iter().flatten())
            .map(|(k, sheet)| (&plan.rows[*k], sheet))
            .filter(|(p, _)| p.sheet != s && p.assigned_on == assigned)
            .collect();
        let other_lead = that_day.iter().find(|(p, _)| {
            p.lead != lead[0]
                && (values::same_document(&p.source_text, &source_text)
                    || cites_none(&p.source_text)
                    || cites_none(&source_text))
        });
        if let Some((p, sheet)) = other_lead
            && let Pick::Known(theirs) = p.lead
        {
            let lead_name = crate::unit::get(r.conn, theirs)?.name;
            let issue = Issue::OtherLeadOnSheet(sheet.to_string(), p.row, lead_name);
            plan.problems.push(cells.told(issue, Some(Column::Lead)));
        }
        // Or the same lead and day citing another document ("TB 78" for "TB 77"): apart,
        // told.
        let other_source = that_day.iter().find(|(p, _)| {
            p.lead == lead[0]
                && !cites_none(&p.source_text)
                && !cites_none(&source_text)
                && !values::same_document(&p.source_text, &source_text)
        });
        if let Some((p, sheet)) = other_source {
            let issue = Issue::OtherSourceOnSheet(sheet.to_string(), p.row, p.source_text.clone());
            plan.problems.push(cells.told(issue, Some(Column::Source)));
        }
        (r.by_words.entry(exact).or_default()).push((plan.rows.len(), g.name.clone()));
        plan.rows.push(RowPlan {
            sheet: s,
            row: g.row_number(i),
            key,
            content,
            listed_with_lead: lead[1..].to_vec(),
            lead: lead[0],
            coordinating,
            source,
            source_text,
            assigned_on: assigned,
            deadline,
            extensions,
            said,
            done_fallback,
            words,
            held_as,
            leader,
            output,
            priority,
        });
    }
    plan.problems
        .retain(|p| !(p.skipped && superseded.iter().any(|(s, r)| *s == p.sheet && *r == p.row)));
    Ok(())
}

/// Whether a cell's text was meant as a date (digits joined by `/`, `-` or `.`), so one that
/// does not read is a mistake to correct, not words.
/// The percent done a number under progress says, when it can be one: below 1 a fraction
/// (a cell formatted as a percentage), 1 itself 100% beside such fractions, else a percent.
pub(super) fn share_done(n: f64, fractions: bool) -> Option<u8> {
    let percent = if (n > 0.0 && n < 1.0) || (n == 1.0 && fractions) {
        n * 100.0
    } else {
        n
    };
    (0.0..=100.0)
        .contains(&percent)
        .then(|| percent.round() as u8)
}

/// Whether a row's source cell says none (no column, or the cell left empty).
fn cites_none(source: &str) -> bool {
    source.trim().is_empty()
}

/// Whether a cell holds a date no calendar has and nothing else ("31/02/2025", "07/15/2025").
pub(super) fn lone_date(text: &str) -> bool {
    let date = text
        .trim()
        .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
    // At most two words before it ("Trước ngày 31/02/2025"); more are a task's words
    // ("Trình dự thảo trước 30/4/2025").
    let before = text.trim()[..text.trim().len() - date.len()]
        .split_whitespace()
        .count();
    if before > 2 {
        return false;
    }
    // (A day that exists among words, "Ngày giao 2/3/2026", is words.)
    (values::text_date(date).is_none() || values::impossible_year(date))
        && date
            .chars()
            .filter(|c| matches!(c, '/' | '-' | '.'))
            .count()
            == 2
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
}

/// What a row says of a directive held that Giao Ban does not (done there, another state,
/// day done, deadline, coordinating units, notes or progress): each difference told, the row
/// set aside (the sheet is not taken over what is recorded here).
fn differences(
    r: &Reading<'_>,
    cells: &RowCells<'_>,
    here: &directive::Directive,
    coordinating: &[Pick],
    completed: Option<NaiveDate>,
    due_there: Option<NaiveDate>,
) -> Result<Vec<RowProblem>> {
    let closed = matches!(
        here.status,
        DirectiveStatus::Done | DirectiveStatus::AwaitingConfirmation | DirectiveStatus::Cancelled
    );
    let said_there = values::said_with_completion(
        (&cells.text(Column::Progress), &cells.text(Column::Notes)),
        &cells.text(Column::Content),
        completed,
    )
    .0;
    // What a tick says there ("Đã hoàn thành" ticked since), a done tick's day under "Ngày
    // hoàn thành".
    let tick_there = ticked(&cells.h.ticks, cells.row, said_there);
    let said_there = match (tick_there.said, tick_there.tick) {
        (Said::Done(None), Some(_)) => Said::Done(completed),
        (said, _) => said,
    };
    // The state as the sheet writes it: its progress's words, else the state ticked.
    // (With the note that takes a close back: "Hoàn thành; Giao lại, tiếp tục …".)
    let state_words = match (cells.text(Column::Progress), tick_there.tick) {
        (words, Some((_, tick))) if words.trim().is_empty() => tick_label(*tick).to_string(),
        (words, _) => values::state_in_doubt(&words, &cells.text(Column::Notes)).unwrap_or(words),
    };
    let says_done = matches!(said_there, Said::Done(_) | Said::Reported(_));
    // A note kept in the task's words when brought in (see below).
    let notes_in_words = !matches!(said_there, Said::InProgress { note: Some(_), .. });
    // Stopped or cancelled there, not here; confirmed there, waiting here; under way
    // there, not yet started here.
    let stopped_there = match said_there {
        Said::Suspended => here.status != DirectiveStatus::Suspended,
        Said::Cancelled => here.status != DirectiveStatus::Cancelled,
        Said::Declined => here.status != DirectiveStatus::Assigned,
        _ => false,
    } && !closed;
    let moved_on_there = match said_there {
        Said::Done(_) => here.status == DirectiveStatus::AwaitingConfirmation,
        // (A report beside it is told as progress, below.)
        Said::InProgress { note: None, .. } => here.status == DirectiveStatus::Assigned,
        _ => false,
    };
    // Under way there, done here; or done there on another day.
    // Under way there; done, cancelled or paused here.
    // (Or not begun there, a tick moved back to "Chưa thực hiện", done here.)
    let reopened_there = (matches!(said_there, Said::InProgress { .. })
        && matches!(
            here.status,
            DirectiveStatus::Done | DirectiveStatus::Cancelled | DirectiveStatus::Suspended
        ))
        || (said_there == Said::Open
            && tick_there.tick.is_some()
            && matches!(
                here.status,
                DirectiveStatus::Done | DirectiveStatus::AwaitingConfirmation
            ));
    let done_on_there = match (&said_there, here.completed_on, here.reported_done_on) {
        (Said::Done(Some(there)), Some(on), _) | (Said::Reported(Some(there)), None, Some(on))
            if *there != on =>
        {
            Some((*there, on))
        }
        _ => None,
    };
    // Coordinating units the sheet names that Giao Ban does not.
    let more_units: Vec<String> = coordinating
        .iter()
        .filter_map(|p| match p {
            Pick::Known(u)
                if !here.coordinating_unit_ids.contains(u) && *u != here.lead_unit_id =>
            {
                Some(*u)
            }
            _ => None,
        })
        .map(|u| unit::get(r.conn, u).map(|u| u.name))
        .collect::<Result<_>>()?;
    // And those Giao Ban holds that a sheet with a column for them no longer names.
    let named: Vec<Uuid> = (coordinating.iter())
        .filter_map(|p| match p {
            Pick::Known(u) => Some(*u),
            Pick::New(_) => None,
        })
        .collect();
    let fewer_units: Vec<String> = if cells.col(Column::Coordinating).is_some() {
        (here.coordinating_unit_ids.iter())
            .filter(|u| !named.contains(u))
            .map(|u| unit::get(r.conn, *u).map(|u| u.name))
            .collect::<Result<_>>()?
    } else {
        Vec::new()
    };
    // Progress the sheet reports that Giao Ban does not hold (a higher share, or
    // words no report here has): told, not taken over the reports recorded here.
    // The progress as held, with other notes beside it: the notes changed.
    let mut notes_beside_changed = false;
    let progress_there = match said_there {
        Said::InProgress { percent, note, .. } if !closed => {
            let reports = followup::progress_of(r.conn, here.id)?;
            let share_here = reports.last().map_or(0, |p| p.percent);
            // Kept as written, or with the notes beside it (as a row is brought in).
            let with_notes = exact_words(&format!(
                "{} {}",
                cells.text(Column::Progress),
                cells.text(Column::Notes)
            ));
            let note_held = note.as_ref().is_none_or(|n| {
                reports.iter().any(|p| {
                    let held = exact_words(&p.note);
                    held == exact_words(n) || held == with_notes
                })
            });
            let progress = exact_words(&cells.text(Column::Progress));
            notes_beside_changed = !note_held
                && !progress.is_empty()
                && reports
                    .iter()
                    .any(|p| exact_words(&p.note).starts_with(&progress));
            (percent > share_here || (!note_held && !notes_beside_changed)).then_some(share_here)
        }
        _ => None,
    };
    // Every difference is told, each on its own.
    let mut told = Vec::new();
    if says_done && !closed {
        told.push(cells.set_aside(Issue::DoneThereNotHere, Some(Column::Progress)));
    }
    if stopped_there || reopened_there || moved_on_there {
        told.push(cells.set_aside(Issue::StateDiffers(state_words), Some(Column::Progress)));
    }
    if let Some((there, on)) = done_on_there {
        told.push(cells.set_aside(Issue::DoneOnDiffers(there, on), Some(Column::Progress)));
    }
    if !more_units.is_empty() {
        told.push(cells.set_aside(
            Issue::CoordinatingDiffers(more_units.join("; ")),
            Some(Column::Coordinating),
        ));
    }
    if !fewer_units.is_empty() {
        told.push(cells.set_aside(
            Issue::CoordinatingDropped(fewer_units.join("; ")),
            Some(Column::Coordinating),
        ));
    }
    if let (Some(there), false) = (due_there, closed || due_there == here.deadline) {
        told.push(cells.set_aside(
            Issue::DeadlineDiffers(there, here.deadline),
            Some(Column::Deadline),
        ));
    }
    // A deadline cleared in the sheet since (its cell now empty).
    if let (None, Some(held), false) = (due_there, here.deadline, closed)
        && cells.col(Column::Deadline).is_some()
        && cells.at(Column::Deadline).is_empty()
    {
        told.push(cells.set_aside(Issue::DeadlineCleared(held), Some(Column::Deadline)));
    }
    // A note written or changed since beside a task not under way (its note is kept
    // in its words when brought in).
    let notes_there = cells.text(Column::Notes);
    let words_held = format!(" {} ", exact_words(&here.content));
    if notes_beside_changed
        || notes_in_words
            && values::says_more_than_a_state(&notes_there)
            && !words_held.contains(&format!(" {} ", exact_words(&notes_there)))
    {
        told.push(cells.set_aside(
            Issue::NotesDiffer(notes_there.trim().to_string()),
            Some(Column::Notes),
        ));
    }
    if let Some(share_here) = progress_there {
        told.push(cells.set_aside(
            Issue::ProgressDiffers(cells.text(Column::Progress), share_here),
            Some(Column::Progress),
        ));
    }
    Ok(told)
}

/// A row's deadline, and the extensions it records (in its deadline's cell, a column of its
/// own, the progress or the notes), with what was read of them that is told.
struct DueRead {
    /// The first deadline (the day planned under "Ngày hoàn thành" when none is given).
    deadline: Option<NaiveDate>,
    /// The later deadlines granted, in order.
    extensions: Vec<Extension>,
    /// What is told of them: no one deadline ("Hàng tháng"), words beside a date that give no
    /// day, several stages, a day read from words that say no year, a deadline before the
    /// task was given, what the extensions' words said that was not taken.
    told: Vec<RowProblem>,
}

/// The deadline and extensions of a row given on `given_on` (`planned`: a day to come
/// under "Ngày hoàn thành"; `struck`: a deadline struck through in its cell, the one its
/// extensions extend when no other is written); a date alone that does not exist sets the
/// row aside.
fn due_of(
    cells: &RowCells<'_>,
    given_on: NaiveDate,
    planned: Option<NaiveDate>,
    struck: Option<NaiveDate>,
) -> std::result::Result<DueRead, RowProblem> {
    // A deadline in words no date reads ("khi có yêu cầu", "theo tiến độ dự án") leaves
    // the directive without one, and says so; a date that does not exist is set aside.
    let mut deadline_words = None;
    // An extension said in the deadline's cell ("30/6 (gia hạn đến 30/9)") or a column
    // of its own ("Gia hạn đến").
    let (deadline_cell, mut extensions_said) = values::split_extension(cells.at(Column::Deadline));
    let mut deadline_open = None;
    // "30/6/2025; 31/12/2025": due by the last stage, told.
    let deadline_stages =
        (values::dates_listed(&deadline_cell.text()).len() > 1).then(|| deadline_cell.text());
    // A deadline read from words that say no year ("Tuần sau", "Trước Tết", "30/6"):
    // the day taken, told.
    let mut deadline_guessed = None;
    // Words written after the deadline's date ("Trước 30/6/2026, gửi Sở TC"): told.
    let mut deadline_rest = None;
    let deadline = match values::due(&deadline_cell, Some(given_on)) {
        Ok(Due::On(d)) => {
            let words = deadline_cell.text();
            if matches!(deadline_cell, Cell::Text(_))
                && words.chars().any(char::is_alphabetic)
                && let Some((on, Some(rest))) = values::one_dated_day(&words)
                && on == d
            {
                deadline_rest = Some((rest, d));
            }
            // (Not a serial saved as text, "45930": a date with its year.)
            let serial =
                words.trim().len() == 5 && words.trim().bytes().all(|b| b.is_ascii_digit());
            if matches!(deadline_cell, Cell::Text(_)) && !values::says_year(&words) && !serial {
                deadline_guessed = Some((words, d));
            }
            Some(d)
        }
        Ok(Due::Open) => {
            // "Hàng tháng", "Thường xuyên": no one deadline, said so.
            deadline_open = Some(deadline_cell.text()).filter(|w| !w.trim().is_empty());
            None
        }
        // Words beside a date ("Đầu tháng 8/2025", "Tuần 2 tháng 7/2025") leave it
        // without one, told; a date alone that does not exist ("31/02/2025") is a
        // mistake to correct.
        Err(v) if !lone_date(&v) => {
            deadline_words = Some(v);
            None
        }
        Err(v) => return Err(cells.set_aside(Issue::BadDate(v), Some(Column::Deadline))),
    };
    // A column of its own may say them again ("gia hạn lần 2: 31/7/2025"), or hold only
    // the new date.
    let in_column = values::extensions_in(cells.at(Column::Extended));
    if !in_column.is_empty() {
        extensions_said = in_column;
    }
    // The progress or notes may record one granted too ("Đã được gia hạn đến 30/6/2025
    // theo Văn bản số 45/UBND-VX"); words there that read as no date, ask for one, or
    // say a deadline already read are a note, kept as written.
    let from_cells = extensions_said.len();
    for c in [Column::Progress, Column::Notes] {
        extensions_said.extend(values::split_extension(&Cell::Text(cells.text(c))).1);
    }
    // Each read from the deadline it extends ("gia hạn 2 tháng" is two months after it),
    // in the order of their dates; one that does not read, or is only asked for, leaves
    // the deadline before it, and is told. Without a first deadline, the first
    // extension's is the deadline, told; one not later than the first deadline is no
    // extension, and told.
    // ("~30/06~ gia hạn 31/12": the deadline struck is the one extended.)
    let mut deadline = deadline.or(struck.filter(|_| !extensions_said.is_empty()));
    let mut dates: Vec<(NaiveDate, Option<String>, bool)> = Vec::new();
    let (mut extension_unread, mut extension_asked) = (Vec::new(), Vec::new());
    for (k, said) in extensions_said.into_iter().enumerate() {
        let in_words = k >= from_cells;
        if said.asked {
            if !in_words {
                extension_asked.push(said.words.text());
            }
            continue;
        }
        match values::extension_due(&said.words, deadline.unwrap_or(given_on)) {
            Ok(Due::On(to)) => {
                // "Gia hạn từ 24/02 đến 16/03" beside a deadline already moved to 16/03, or
                // alone ("Điều chỉnh từ 30/6 sang 30/9"): the first deadline is the one it
                // started from.
                if let Some(from) = values::extension_from(&said.words)
                    && from < to
                    && (deadline == Some(to) || deadline.is_none())
                {
                    deadline = Some(from);
                }
                dates.push((to, said.grounds, in_words))
            }
            Ok(Due::Open) => {}
            Err(v) if !in_words => extension_unread.push(v),
            Err(_) => {}
        }
    }
    dates.sort_by_key(|(to, _, _)| *to);
    let mut extension_only = None;
    let mut extensions: Vec<Extension> = Vec::with_capacity(dates.len());
    let mut extension_not_later = Vec::new();
    for (to, grounds, in_words) in dates {
        match extensions.last().map(|e| e.to).or(deadline) {
            None => {
                deadline = Some(to);
                extension_only = Some(to);
            }
            Some(c) if to > c => extensions.push(Extension { to, grounds }),
            Some(c) if !(in_words || to == c) => extension_not_later.push(to),
            Some(_) => {}
        }
    }
    let deadline = deadline.or(planned);
    let at_deadline = |issue: Issue| cells.told(issue, Some(Column::Deadline));
    let mut told = Vec::new();
    told.extend(deadline_open.map(|w| at_deadline(Issue::DeadlineOpen(w))));
    if let Some((words, d)) = deadline_guessed {
        told.push(at_deadline(Issue::DeadlineGuessed(words, d)));
    }
    if let (Some(words), Some(d)) = (deadline_stages, deadline) {
        told.push(at_deadline(Issue::DeadlineStages(words, d)));
    }
    told.extend(deadline_words.map(|w| at_deadline(Issue::DeadlineInWords(w))));
    told.extend(deadline_rest.map(|(w, d)| at_deadline(Issue::DeadlineWithWords(w, d))));
    // Brought in as the sheet has it (a record of the past), and told.
    if let Some(d) = deadline.filter(|d| *d < given_on) {
        told.push(at_deadline(Issue::DeadlineBeforeGiven(d, given_on)));
    }
    // What the extensions' words said that was not taken, each told.
    let extensions_told = (extension_unread.into_iter().map(Issue::ExtensionUnread))
        .chain(extension_asked.into_iter().map(Issue::ExtensionAsked))
        .chain(extension_only.map(Issue::ExtensionWithoutDeadline))
        .chain(
            extension_not_later
                .into_iter()
                .map(Issue::ExtensionNotLater),
        );
    let at = cells.col(Column::Extended).or(cells.col(Column::Deadline));
    told.extend(extensions_told.map(|issue| problem(cells.g, cells.i, at, issue, false)));
    Ok(DueRead {
        deadline,
        extensions,
        told,
    })
}

/// The state a row's progress, notes, ticks and completion day say.
struct StateRead {
    /// The state, its day read (done or reported done without one: see `done_fallback`).
    said: Said,
    /// The words of the state ticked, when one is.
    tick_words: String,
    /// The completion day of a task done without one: its deadline, or the day after when
    /// late, else today.
    done_fallback: NaiveDate,
    /// What is told of it: a completion day to come or beside a progress that says not done,
    /// a day read from words that say no year, done without a day, a few words of no state,
    /// a tick or notes that say otherwise than the progress.
    told: Vec<RowProblem>,
}

/// What state a row's cells say of a task given on `given_on`, due `due` (its last deadline),
/// with a day `planned` to come under "Ngày hoàn thành"; a day of completion that cannot be
/// read, or one before the task was given, sets it aside.
fn state_of(
    cells: &RowCells<'_>,
    completed: Option<NaiveDate>,
    (given_on, planned): (NaiveDate, Option<NaiveDate>),
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> std::result::Result<StateRead, RowProblem> {
    let (progress, notes) = (cells.text(Column::Progress), cells.text(Column::Notes));
    let mut said = values::said_of(&progress, &notes, &cells.text(Column::Content));
    // What the ticks say (see `ticked`); words that say done beside a tick that says not
    // done are told.
    let ticked_state = ticked(&cells.h.ticks, cells.row, said);
    let tick_words = ticked_state.words;
    said = ticked_state.said;
    let ticked_not_done = ticked_state.not_done;
    // A day in "Ngày hoàn thành" is the completion's when the progress says done or
    // nothing; a progress that says not done keeps its word, the day told.
    let ticked = !cells.h.ticks.is_empty();
    let mut not_done_on = None;
    // The day under "Ngày hoàn thành" taken over another the progress gives, told.
    let mut two_days = None;
    if let (Some(c), Said::Done(Some(w)) | Said::Reported(Some(w))) = (completed, &said)
        && c != *w
    {
        two_days = Some((c, *w));
    }
    if let Some(c) = completed {
        let (with_day, contradicted) = if ticked {
            match said {
                Said::Done(_) | Said::Open => (Said::Done(Some(c)), None),
                other => (other, Some(c)),
            }
        } else {
            values::said_with_completion((&progress, &notes), &cells.text(Column::Content), Some(c))
        };
        said = with_day;
        not_done_on = contradicted;
    }
    // Reported done, waiting for the leader's word: its day read as a done task's, and
    // brought in waiting for confirmation.
    let awaiting = matches!(said, Said::Reported(_));
    if let Said::Reported(on) = said {
        said = Said::Done(on);
    }
    // Refused or sent back: brought in as given, its words kept and told.
    let declined = said == Said::Declined;
    if declined {
        said = Said::Open;
    }
    // "Hoàn thành ngày 28/3": the day of the year it was given in (or the next). A day
    // written that does not exist ("31/02/2025") is a mistake to correct, not no day.
    let mut done_guessed = None;
    if let Said::Done(None) = said {
        // (Not the day of an extension the words record: "Đã gia hạn đến 30/3/2026".)
        // The notes give the day when they are a day alone or say it done then; not a
        // day they tell of something else ("Đã nhắc nhở ngày 15/5/2025", "Theo KL số
        // 12/TB-STTTT ngày 01/03/2025", "Dự kiến trình 30/6/2025").
        let notes = cells.text(Column::Notes);
        let notes_say_the_day = values::text_date(notes.trim()).is_some()
            || matches!(
                values::said("", &notes),
                Said::Done(Some(_)) | Said::Reported(Some(_))
            );
        let words = if notes_say_the_day {
            format!("{} {tick_words} {notes}", cells.text(Column::Progress))
        } else {
            format!("{} {tick_words}", cells.text(Column::Progress))
        };
        let words = values::split_extension(&Cell::Text(words)).0.text();
        let guessed = values::day_month_in(&words, given_on);
        // "Hoàn thành trong tháng 4/2025", "Hoàn thành Quý I/2025": by the period's end
        // (today, when it has not ended).
        let period = values::period_end_in(&words, given_on).map(|d| d.min(today));
        // (The day its done words name: not another step's, "Đã trình ngày 15/8/2024. Đã
        // hoàn thành".)
        said = Said::Done(values::done_day(&words).or(period).or_else(|| {
            done_guessed = guessed.map(|d| (words.trim().to_string(), d));
            guessed
        }));
        // (A day that reads, of another step, is no mistake: done on no day said.)
        if matches!(said, Said::Done(None))
            && values::looks_like_a_day(&words)
            && values::date_in(&words).is_none()
        {
            return Err(cells.set_aside(
                Issue::BadDate(words.trim().to_string()),
                Some(Column::Progress),
            ));
        }
    }
    if let Said::Done(Some(done)) = said
        && done > today
    {
        return Err(cells.set_aside(Issue::DoneAfterToday(done), Some(Column::Progress)));
    }
    if let Said::Done(Some(done)) = said
        && done < given_on
    {
        // Told where the day is written: its own column, or the words of progress.
        let column = match completed == Some(done) && cells.col(Column::CompletedOn).is_some() {
            true => Column::CompletedOn,
            false => Column::Progress,
        };
        return Err(cells.set_aside(Issue::DoneBeforeGiven(done, given_on), Some(column)));
    }
    // Done without its day: on the deadline, or the day after it when the words say late.
    let late = ticked_state.late
        || values::says_late(&format!(
            "{} {} {tick_words}",
            cells.text(Column::Progress),
            cells.text(Column::Notes)
        ));
    let done_fallback = due
        .map(|d| {
            if late {
                d + chrono::Duration::days(1)
            } else {
                d
            }
        })
        .filter(|d| *d <= today && *d >= given_on)
        .unwrap_or(today);
    let progress = || Some(Column::Progress);
    let mut told = Vec::new();
    // "Hoàn thành muộn ngày 15/9" with a deadline of 30/9: the day is taken, the words told.
    if let (Said::Done(Some(done)), Some(d)) = (&said, due)
        && late
        && *done <= d
    {
        told.push(cells.told(Issue::SaidLateDoneInTime(*done, d), progress()));
    }
    // "Hoàn thành đúng hạn ngày 5/10" with a deadline of 30/9: the same, the other way.
    if let (Said::Done(Some(done)), Some(d)) = (&said, due)
        && !late
        && *done > d
        && values::says_on_time(&cells.text(Column::Progress))
    {
        told.push(cells.told(Issue::SaidInTimeDoneLate(*done, d), progress()));
    }
    if let Some(day) = planned {
        // Done on a day still to come: set aside, as a done day to come in the progress is
        // (not brought in done today, counted on time).
        let done = matches!(said, Said::Done(_) | Said::Reported(_));
        let issue = Issue::CompletionToCome(day, done);
        if done {
            return Err(cells.set_aside(issue, Some(Column::CompletedOn)));
        }
        told.push(cells.told(issue, Some(Column::CompletedOn)));
    }
    if let Some(day) = not_done_on {
        let words = cells.text(Column::Progress);
        told.push(cells.told(
            Issue::CompletedNotDone(day, words),
            Some(Column::CompletedOn),
        ));
    }
    if let Some((words, d)) = done_guessed {
        told.push(cells.told(Issue::DoneOnGuessed(words, d), progress()));
    }
    if let Some((column, words)) = two_days {
        let issue = Issue::DoneOnTwoDays(column, words);
        told.push(cells.told(issue, Some(Column::CompletedOn)));
    }
    if let Said::Done(None) = said {
        let taken = match due {
            Some(d) if d == done_fallback => DayTaken::Deadline,
            Some(d) if done_fallback == d + chrono::Duration::days(1) => DayTaken::AfterDeadline,
            _ => DayTaken::Today,
        };
        let issue = match awaiting {
            true => Issue::ReportedWithoutDate(done_fallback, taken),
            false => Issue::DoneWithoutDate(done_fallback, taken),
        };
        told.push(cells.told(issue, progress()));
    }
    // A few words of progress that say no state read, or a close in doubt: under way, told.
    let progress_words = cells.text(Column::Progress);
    if matches!(said, Said::InProgress { .. })
        && let Some(words) = values::state_in_doubt(&progress_words, &cells.text(Column::Notes))
    {
        told.push(cells.told(Issue::StateUnread(words), progress()));
    }
    if said == Said::Open && values::not_carried_out(&progress_words) {
        let words = progress_words.trim().to_string();
        told.push(cells.told(Issue::NotCarriedOut(words), progress()));
    }
    if said == Said::Open && values::timeliness_only(&progress_words) {
        let words = progress_words.trim().to_string();
        told.push(cells.told(Issue::TimelinessOnly(words), progress()));
    }
    if ticked_not_done {
        told.push(cells.told(Issue::TickSaysNotDone, progress()));
    }
    // A note that says done beside a progress that does not: brought in as the progress
    // column says, told.
    let notes_say_done = matches!(
        values::said("", &cells.text(Column::Notes)),
        Said::Done(_) | Said::Reported(_)
    );
    if notes_say_done && !matches!(said, Said::Done(_) | Said::Reported(_)) {
        told.push(cells.told(Issue::NotesSayDone, Some(Column::Notes)));
    }
    // Notes that say it stopped, cancelled or refused beside a progress or tick that says
    // otherwise ("Đã hủy theo Thông báo 80/TB-STTTT" beside "Đang thực hiện"): told.
    let notes = cells.text(Column::Notes);
    let notes_state = values::said("", &notes);
    if matches!(
        notes_state,
        Said::Cancelled | Said::Suspended | Said::Declined
    ) && std::mem::discriminant(&notes_state) != std::mem::discriminant(&said)
    {
        let words = notes.trim().to_string();
        told.push(cells.told(Issue::NotesSayOtherwise(words), Some(Column::Notes)));
    }
    // Read as done or open above; kept as said.
    let said = match said {
        Said::Done(on) if awaiting => Said::Reported(on),
        Said::Open if declined => Said::Declined,
        said => said,
    };
    Ok(StateRead {
        said,
        tick_words,
        done_fallback,
        told,
    })
}

/// The units a row names.
struct Units {
    /// The lead's cell: the first leads, any others coordinate.
    lead: Vec<Pick>,
    /// The coordinating units (those of the lead's cell after the first, then the column's).
    coordinating: Vec<Pick>,
    /// What the lead's cell names that is no one unit ("các phòng liên quan").
    lead_not_units: Option<String>,
    /// What the coordinating cell names that is no one unit.
    not_units: Option<String>,
    /// The lead's cell, when it names several units and says not who coordinates.
    several_leads: Option<String>,
    /// The people each cell names, read as their units ("Đ/c Nam → Văn phòng Sở"), by the
    /// cell's column.
    by_person: Vec<(Column, String)>,
}

/// A row read first under its keys, to be noted as seen once it is known to come in.
struct FirstSeen {
    /// The keys its copies are found by (its unit's, its carried task's, its aliases').
    others: Vec<[u8; 32]>,
    here: Seen,
}

/// Notes a row first seen, so that its copies after it are known.
fn note_seen(seen: &mut HashMap<[u8; 32], Seen>, first: Option<FirstSeen>) {
    let Some(FirstSeen { others, here }) = first else {
        return;
    };
    for k in others {
        seen.entry(k).or_insert_with(|| here.clone());
    }
    seen.insert(here.key, here);
}

/// Whether a row names a unit or leader no longer active, which a rule refuses at its
/// writing.
fn inactive_named(
    r: &Reading<'_>,
    lead: &[Pick],
    coordinating: &[Pick],
    leader: Option<Uuid>,
) -> bool {
    let units = lead.iter().chain(coordinating).filter_map(|p| match p {
        Pick::Known(u) => Some(u),
        Pick::New(_) => None,
    });
    units
        .chain(&leader)
        .any(|id| r.no_longer_active.contains(id))
}

/// The units of a row whose lead's cell says `lead_text`; a lead that names no unit, or a
/// name that matches several units or is too long for one, sets the row aside.
fn units_of(
    r: &mut Reading<'_>,
    cells: &RowCells<'_>,
    lead_text: &str,
) -> Result<std::result::Result<Units, RowProblem>> {
    let (sheet, row) = (&cells.g.name, cells.g.row_number(cells.i));
    // "Phối hợp: VP; Chủ trì: Thanh tra Sở", "TTr, VP (chủ trì)": the unit marked to lead
    // first, its roles said.
    let marked = values::lead_marked_first(lead_text);
    let roles_said = marked.is_some();
    let lead_text = marked.as_deref().unwrap_or(lead_text);
    let aside = |issue: Issue, c: Column| Ok(Err(cells.set_aside(issue, Some(c))));
    let (lead, lead_not_units) = match r.picks(lead_text, sheet, row)? {
        // Read, with a word on what is not kept as a unit.
        Ok((p, none)) if !p.is_empty() => (p, (!none.is_empty()).then(|| none.join("; "))),
        // No unit at all: the cell as written.
        Ok((_, none)) if !none.is_empty() => {
            return aside(Issue::NotAUnit(lead_text.trim().to_string()), Column::Lead);
        }
        Ok(_) => return aside(Issue::NoLead, Column::Lead),
        Err((name, c)) if c.is_empty() => return aside(unread_name(name), Column::Lead),
        Err((name, c)) => return aside(Issue::Ambiguous(name, c), Column::Lead),
    };
    let (mut coordinating, not_units) =
        match r.picks(&cells.text(Column::Coordinating), sheet, row)? {
            Ok((p, none)) => (p, (!none.is_empty()).then(|| none.join("; "))),
            Err((name, c)) if c.is_empty() => {
                return aside(unread_name(name), Column::Coordinating);
            }
            Err((name, c)) => return aside(Issue::Ambiguous(name, c), Column::Coordinating),
        };
    // Several units in the lead's cell: the first leads, the others coordinate, told.
    let roles_said = roles_said || crate::text::plain(lead_text).contains("phoi hop");
    let several_leads = (lead.len() > 1 && !roles_said).then(|| lead_text.to_string());
    for p in lead[1..].iter().rev() {
        if !coordinating.contains(p) {
            coordinating.insert(0, *p);
        }
    }
    coordinating.retain(|p| *p != lead[0]);
    // People read as their units, told.
    let by_person: Vec<(Column, String)> = [
        (Column::Lead, lead_text.to_string()),
        (Column::Coordinating, cells.text(Column::Coordinating)),
    ]
    .iter()
    .filter_map(|(c, cell)| Some((*c, r.by_person.get(cell)?.join("; "))))
    .collect();
    Ok(Ok(Units {
        lead,
        coordinating,
        lead_not_units,
        not_units,
        several_leads,
        by_person,
    }))
}

/// The words a row's task may have been brought in with: as the sheet writes them, then
/// with its notes kept in them (see [`with_notes`]: the notes cell, or all the words of its
/// Why a unit's name read as none is not one: too long (a note typed in the cell), or of
/// letters of another alphabet.
fn unread_name(name: String) -> Issue {
    match name.chars().count() > crate::unit::NAME_CHARS as usize {
        true => Issue::UnitNameTooLong,
        false => Issue::OtherAlphabet(name),
    }
}

/// progress and notes).
fn stored_forms(cells: &RowCells<'_>, content: &str) -> Vec<String> {
    let notes = cells.text(Column::Notes);
    let all = [cells.text(Column::Progress), notes.clone()]
        .iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    let mut forms = vec![content.to_string()];
    for note in [notes.trim(), all.as_str()] {
        let with = format!("{content} (Ghi chú: {note})");
        if !note.is_empty() && !forms.contains(&with) {
            forms.push(with);
        }
    }
    forms
}

/// What a row says that tells which task Giao Ban holds it is.
struct RowTask<'a> {
    /// Its words, and the forms it may have been brought in with (see [`stored_forms`]).
    content: &'a [String],
    /// The day it was given.
    given_on: NaiveDate,
    /// The document or meeting it cites.
    source: &'a SourceSaid,
    /// Whether rows of the same words are on the sheet (told apart by their keys alone).
    repeated: bool,
    /// Where its sheet's rows come from (its layout and name).
    origin: Option<i64>,
}

/// The task a row is, when Giao Ban holds it: one brought in before under its key, or the
/// same words given to the same unit on the same day (a list exported from Giao Ban, or kept
/// beside it), as the sheet or its source's date gives the day; not the same words another
/// document gave that day, as its number says.
fn held_directive(
    r: &Reading<'_>,
    key: &[u8; 32],
    lead: Pick,
    task: &RowTask<'_>,
) -> Result<Option<Uuid>> {
    if let Some(id) = imported_as(r.conn, key)? {
        return Ok(Some(id));
    }
    let Pick::Known(unit) = lead else {
        return Ok(None);
    };
    if task.repeated {
        return Ok(None);
    }
    let Some(id) = already_held(r.conn, task.content, unit, task.given_on)? else {
        return Ok(None);
    };
    let other_document = match task.source {
        SourceSaid::Document { number, .. } => directive::get(r.conn, id)?
            .document_number
            .is_some_and(|n| !values::same_document(&n, number)),
        _ => false,
    };
    Ok((!other_document).then_some(id))
}

/// The tasks held that a row of `unit` not held may be, changed in the sheet since it was
/// brought in (`due`: its first and last deadlines). Only a task of the same source (the
/// document or meeting cited; for a row citing none, a row of a tracker that cited none) is;
/// and one whose words changed only with the same deadline, or whose day given changed with
/// the same deadline or while it is still open (carried over): another document's task of
/// like words, or a task done given again with another deadline, is a task of its own. A
/// row citing the office's own notice brought in before ("123/TB-STTTT"): the directives of
/// its meeting given to the unit, in these words or nearly, first.
fn changed_since(
    r: &mut Reading<'_>,
    unit: Uuid,
    task: &RowTask<'_>,
    (deadline, due_here): (Option<NaiveDate>, Option<NaiveDate>),
    file_name: &str,
) -> Result<Vec<(Uuid, HeldAs)>> {
    let mut held_as = Vec::new();
    if task.repeated || r.brought_in_any {
        let mut maybe = Vec::new();
        for form in task.content {
            maybe = maybe_held(r, form, unit, task.given_on, task.repeated)?;
            if !maybe.is_empty() {
                break;
            }
        }
        for (id, how) in maybe {
            let d = directive::get(r.conn, id)?;
            let same_due = d.deadline == due_here || d.original_deadline == deadline;
            // (A task still open given again on another day with another deadline is the
            // task carried over, as a monthly tracker carries what the month left undone.)
            let open = !matches!(
                d.status,
                DirectiveStatus::Done
                    | DirectiveStatus::AwaitingConfirmation
                    | DirectiveStatus::Cancelled
            );
            let due_matters = match how {
                // (Words edited and the deadline moved on a task still open: the task
                // edited; done, a task given anew.)
                HeldAs::Words(_) | HeldAs::Lead(_, Some(_), _) | HeldAs::Lead(_, _, Some(_)) => {
                    !open
                }
                HeldAs::Given(_) => !open,
                _ => false,
            };
            if same_source(r.conn, &d, task.source, file_name)? && (same_due || !due_matters) {
                held_as.push((id, how));
            }
        }
        // The same words, unit, day given and deadline under another source (filled in
        // since, reworded or corrected): the task, its source told.
        if held_as.is_empty() && !task.repeated {
            let want = exact_words(&task.content[0]);
            for (id, c) in given(r.conn, unit, task.given_on)? {
                if exact_words(&c) != want || !brought_in(r.conn, id)? {
                    continue;
                }
                let d = directive::get(r.conn, id)?;
                let same_due = d.deadline == due_here || d.original_deadline == deadline;
                if same_due && !same_source(r.conn, &d, task.source, file_name)? {
                    held_as.push((id, HeldAs::Source(source_cited(r.conn, &d)?)));
                }
            }
        }
        // Several keys changed at once (the source with the day, the deadline or the lead).
        if held_as.is_empty() && !task.repeated {
            let at = (Some(unit), task.given_on);
            let due = (deadline, due_here);
            if let Some(origin) = task.origin {
                let source = (task.source, file_name);
                held_as.extend(changed_at_once(r, task.content, at, due, source, origin)?);
            }
        }
    }
    // Each held told with every key the row says otherwise, when more than one (a task of
    // the notice cited, below, is told by its notice).
    for (id, how) in held_as.iter_mut() {
        let words = match how {
            HeldAs::Words(w) | HeldAs::Lead(_, Some(w), _) => Some(w.clone()),
            HeldAs::Changed(_) => continue,
            _ => None,
        };
        let d = directive::get(r.conn, *id)?;
        let same_due = d.deadline == due_here || d.original_deadline == deadline;
        let at = (Some(unit), task.given_on);
        let was = was_otherwise(r.conn, &d, words, at, (same_due, task.source, file_name))?;
        if was.len() > 1 {
            *how = HeldAs::Changed(was);
        }
    }
    if let SourceSaid::Document { number, date } = task.source
        && let Some(meeting) = notice_meeting(r, number, date.unwrap_or(task.given_on))?
    {
        held_as.splice(
            0..0,
            in_the_notice(r.conn, meeting, unit, &task.content[0])?,
        );
    }
    Ok(held_as)
}

/// A task's content with the notes kept in its words, so that they are seen ("… (Ghi chú:
/// Theo đề nghị của UBND tỉnh)"), whatever the state: a note has no report of progress to be
/// kept in but beside words of progress (a report kept with it). Refused or sent back, or not
/// begun for a reason ("Chưa làm được do mưa"), all its words (`words`) are kept, the refusal
/// told; notes too long to keep are told.
fn with_notes(
    cells: &RowCells<'_>,
    content: String,
    said: &Said,
    words: &str,
) -> (String, Option<RowProblem>) {
    let mut declined = None;
    let notes = if *said == Said::Declined {
        let at = cells.col(Column::Progress).or(cells.col(Column::Notes));
        let issue = Issue::Declined(words.to_string());
        declined = Some(problem(cells.g, cells.i, at, issue, false));
        words.to_string()
    } else if *said == Said::Open && values::says_more_than_a_state(&cells.text(Column::Progress)) {
        words.to_string()
    } else {
        cells.text(Column::Notes)
    };
    // (A note of a date alone is the completion's day of a task done.)
    let kept = match said {
        Said::InProgress { note: Some(_), .. } => false,
        Said::Declined => !notes.trim().is_empty(),
        Said::Done(_) | Said::Reported(_) => values::says_more_than_a_state(&notes),
        _ => values::says_more_than_a_state(&notes) || values::text_date(notes.trim()).is_some(),
    };
    let note = format!("(Ghi chú: {})", notes.trim());
    let with = format!("{content} {note}");
    let fits = with.chars().count() <= CONTENT_CHARS;
    let mut told = declined;
    if kept && !content.contains(&note) && !fits {
        // Too long to keep in the task's words: told, not dropped unseen.
        let issue = Issue::NoteTooLong(notes.chars().count());
        told = told.or(Some(cells.told(issue, Some(Column::Notes))));
    }
    let content = if kept && !content.contains(&note) && fits {
        with
    } else {
        content
    };
    (content, told)
}

/// What a later sheet's row says of a task an earlier sheet gave (a year's sheet carrying
/// over what the year before left unfinished).
struct Newer {
    deadline: Option<NaiveDate>,
    extensions: Vec<Extension>,
    said: Said,
    done_fallback: NaiveDate,
    words: String,
    content: String,
    /// The leader it names, or its sheet's.
    leader: Option<Uuid>,
}

impl RowPlan {
    /// The later sheet's (`sheet`) state, words and notes taken, and its leader where the
    /// earlier names none; a later deadline it gives (its own, or an extension) extends the
    /// one the earlier sheet gave. Returns the earlier deadlines it gives, left out (to be
    /// told), and the day done the earlier sheet records when the later one says not closed
    /// (done kept, to be told).
    fn take_newer(&mut self, newer: Newer, sheet: &str) -> (Vec<NaiveDate>, Option<NaiveDate>) {
        let later = newer.deadline.map(|to| Extension {
            to,
            grounds: Some(format!("trang “{sheet}”")),
        });
        let mut earlier = Vec::new();
        for e in later.into_iter().chain(newer.extensions) {
            match self.extended().or(self.deadline) {
                None => self.deadline = Some(e.to),
                Some(c) if e.to > c => self.extensions.push(e),
                // (Not the first deadline, or an extension, said again.)
                Some(c)
                    if e.to < c
                        && self.deadline != Some(e.to)
                        && self.extensions.iter().all(|x| x.to != e.to) =>
                {
                    earlier.push(e.to)
                }
                Some(_) => {}
            }
        }
        // (Done on a day on one sheet, not closed on another: done, as that sheet records;
        // one of them is behind.)
        let kept_done = match (&self.said, &newer.said) {
            (Said::Done(Some(day)), later) if !later.closed() => Some(*day),
            _ => {
                (self.said, self.done_fallback) = (newer.said, newer.done_fallback);
                None
            }
        };
        (self.words, self.content) = (newer.words, newer.content);
        // (A summary sheet read first names no leader; the leader's own sheet does.)
        self.leader = self.leader.or(newer.leader);
        (earlier, kept_done)
    }
}

/// A row of words alone, no unit nor date: a line continuing the task above ("- Rà soát …",
/// "a) …"), joined to its words (`None`); else what is told of it: too long to join, not in
/// the words of the task held that the row above was found to be, under a row set aside, or
/// a section heading ("I. Năm 2024"). A heading that names a unit ("I. VĂN PHÒNG SỞ") leads
/// the rows under it that name none (a tracker kept unit by unit); another heading ends
/// that. `above`: the last task row (its row, the rows planned and set aside before it) and
/// the words of the task held it was found to be; `section`: the section's lead and the
/// sheet's.
fn a_line_alone(
    r: &mut Reading<'_>,
    plan: &mut Plan,
    above: (Option<(u32, usize, usize)>, Option<&str>),
    content: &str,
    (section_lead, sheet_unit): (&mut Option<String>, &Option<String>),
) -> Result<Option<Issue>> {
    let set_aside = plan.problems.iter().filter(|q| q.skipped).count();
    Ok(Some(match above {
        (Some((_, planned, _)), _) if continues_above(content) && plan.rows.len() > planned => {
            let above = plan.rows.last_mut().expect("a row was planned");
            if above.content.chars().count() + content.chars().count() < CONTENT_CHARS {
                above.content = format!("{}\n{}", above.content, content.trim());
                return Ok(None);
            }
            Issue::TooLong
        }
        (Some((row, _, skipped)), held) if continues_above(content) => match held {
            // The row above was imported before: a line its directive holds, or one added
            // since, told.
            Some(held) => {
                if format!(" {} ", exact_words(held))
                    .contains(&format!(" {} ", exact_words(content)))
                {
                    return Ok(None);
                }
                Issue::NotInHeld(row)
            }
            // The row above is a later sheet's.
            None if set_aside == skipped => return Ok(None),
            None => Issue::ContinuesSetAside(row),
        },
        _ => {
            let named = heading_words(content);
            if let Found::Known(id) = r.find_unit(&named)? {
                *section_lead = Some(named);
                Issue::HeadingLeads(unit::get(r.conn, id)?.name)
            } else {
                section_lead.clone_from(sheet_unit);
                Issue::Heading
            }
        }
    }))
}

/// The words of a state ticked, as a sheet's header would write it.
fn tick_label(tick: Tick) -> &'static str {
    match tick {
        Tick::Done => "Đã hoàn thành",
        Tick::DoneLate => "Hoàn thành quá hạn",
        Tick::Under => "Đang thực hiện",
        Tick::Open => "Chưa thực hiện",
    }
}
