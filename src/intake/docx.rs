//! A DOCX notice (Thông báo kết luận) or minutes (Biên bản) read to text (paragraphs,
//! numbered lists numbered, tables a row a line) with docx-rs's reader; the meeting's title,
//! date, chair and attendees where the text states them; and its directives proposed by the
//! extractor, for review. Committed, it becomes a closed meeting holding the text as its
//! minutes, with the accepted directives.

use std::collections::HashMap;

use chrono::NaiveDate;
use docx_rs::{
    DocumentChild, InsertChild, MoveToChild, Paragraph, ParagraphChild, Run, RunChild, Table,
    TableCellContent, TableChild, TableRowChild,
};
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::values;
use crate::error::{Error, Field, IntakeProblem, Result};
use crate::extract::{self, Directory, Proposal};
use crate::minutes::{self, Attendance, AttendeeRole, NewItem, Who};
use crate::person;
use crate::store::Tx;

/// What a document says.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DocumentRead {
    /// The meeting's title, from the text ("… tại Hội nghị …") or the file's name.
    pub title: String,
    /// The meeting's date: stated in the text, else the document's date line.
    pub date: Option<NaiveDate>,
    /// The chair's name, when stated.
    pub chair: Option<String>,
    /// The attendees named ("Thành phần: …").
    pub attendees: Vec<String>,
    /// The text, a paragraph a line.
    pub text: String,
    /// The directives proposed, for review.
    pub proposals: Vec<Proposal>,
    /// The conclusion lines read as no directive, shown so that none vanishes: each
    /// paragraph's number and text.
    pub set_aside: Vec<(u32, String)>,
    /// This document was imported before (its meeting exists).
    pub already: bool,
    /// Its number as written under the issuing body's name ("45/TB-STTTT"), if any.
    pub number: Option<String>,
}

/// A document as read: its whole text, and the tasks of its tables of tasks.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// The text, a paragraph a line (see [`text`]).
    pub text: String,
    /// The text without the lines of its tables of tasks: what the extractor reads.
    prose: String,
    /// The rows of its tables of tasks, read cell by cell.
    tasks: Vec<TableTask>,
    /// Text formatted hidden (Word neither shows nor prints it), left out: each paragraph's.
    pub hidden: Vec<String>,
}

/// A row of a table of tasks (Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn).
#[derive(Debug, Clone, Default)]
struct TableTask {
    content: String,
    lead: String,
    coordinating: String,
    deadline: String,
}

/// The document's text: a paragraph a line, list items numbered as Word shows them (`1.`,
/// `a)` deeper), a table's row a line with its cells joined by ` | `.
pub fn text(bytes: &[u8]) -> Result<String> {
    Ok(parts(bytes)?.text)
}

/// The document read: its text (see [`text`]) and its tables of tasks.
pub fn parts(bytes: &[u8]) -> Result<Parts> {
    let damaged = || {
        Error::Intake(IntakeProblem::Damaged {
            kind: "docx".into(),
        })
    };
    // The reader descends element by element: a body nested deeper than any document is
    // (tables inside tables, hundreds deep) is refused before it is read.
    let (deepest, elements) = nesting_of_parts(bytes).ok_or_else(damaged)?;
    if deepest > MAX_NESTING {
        return Err(damaged());
    }
    // Each element costs the reader its own structure: a body of hundreds of thousands (a
    // few MB of empty tables or runs) would take gigabytes before any text is read.
    if elements > MAX_ELEMENTS {
        return Err(Error::Intake(IntakeProblem::Inflates));
    }
    let doc = docx_rs::read_docx(bytes).map_err(|_| damaged())?;
    let mut out = Parts::default();
    let mut counters = Counters::new();
    for child in &doc.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                let mut line = String::new();
                paragraph(p, &mut counters, &mut out, &mut line);
                out.text.push_str(&line);
                // A task written with its parts named, as Giao Ban's own notices write it,
                // is read as a table's row; other lines are the extractor's.
                match labelled_task(&line) {
                    Some(task) => out.tasks.push(task),
                    None => out.prose.push_str(&line),
                }
            }
            DocumentChild::Table(t) => table(t, &mut out),
            _ => {}
        }
    }
    // One reading for the whole document, its table cells as its lines.
    let legacy = legacy_of(&out.text);
    out.text = unicode(&out.text, legacy);
    out.prose = unicode(&out.prose, legacy);
    for t in &mut out.tasks {
        for cell in [
            &mut t.content,
            &mut t.lead,
            &mut t.coordinating,
            &mut t.deadline,
        ] {
            *cell = unicode(cell, legacy).trim().to_string();
        }
    }
    Ok(out)
}

/// A task line with its parts named after its words ("- Tổ chức hội nghị …; đơn vị chủ trì:
/// X; phối hợp: Y, Z; thời hạn: 30/06/2026.", as Giao Ban's notices and many offices' write
/// it): the task, or `None` when the line names no lead unit or holds other parts.
fn labelled_task(line: &str) -> Option<TableTask> {
    let body = line
        .trim()
        .trim_start_matches(|c: char| "-–—+•*·".contains(c) || c.is_whitespace());
    // A list's number ("1. ", "a) ") before the words.
    let body = match body.split_once(' ') {
        Some((n, rest))
            if n.len() <= 4
                && (n.ends_with('.') || n.ends_with(')'))
                && n[..n.len() - 1].chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            rest
        }
        _ => body,
    };
    let body = body
        .trim()
        .trim_end_matches(['.', '/'])
        .trim_end_matches('.');
    let mut task = TableTask::default();
    let mut words: Vec<&str> = Vec::new();
    for part in body.split(';') {
        let labelled = part.split_once(':').and_then(|(label, value)| {
            let label = crate::text::plain(label);
            let field = match label.as_str() {
                "don vi chu tri" | "chu tri" => &mut task.lead,
                "phoi hop" | "don vi phoi hop" => &mut task.coordinating,
                "thoi han" | "thoi han hoan thanh" => &mut task.deadline,
                _ => return None,
            };
            *field = value.trim().to_string();
            Some(())
        });
        match labelled {
            Some(()) => {}
            // Words after a part named: not a task written this way.
            None if !task.lead.is_empty() || !task.deadline.is_empty() => return None,
            None => words.push(part),
        }
    }
    task.content = words.join(";").trim().to_string();
    (!task.lead.is_empty() && !task.content.is_empty()).then_some(task)
}

/// The legacy encoding a document is typed in as a whole (TCVN3 or VNI fonts, as older
/// notices are), if any.
fn legacy_of(text: &str) -> Option<super::legacy::Encoding> {
    use super::legacy::{self, Encoding};
    legacy::detect(text.lines()).filter(|e| matches!(e, Encoding::Tcvn3 | Encoding::Vni))
}

/// Text of a document typed in `legacy` ([`legacy_of`]) in Unicode: its lines converted,
/// but for lines that are Unicode themselves (a heading added later).
fn unicode(text: &str, legacy: Option<super::legacy::Encoding>) -> String {
    use super::legacy::{self, Encoding};
    let Some(e) = legacy else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if legacy::detect([line]) == Some(Encoding::Unicode) {
            out.push_str(line);
        } else {
            out.push_str(&legacy::convert(line, e));
        }
    }
    out
}

/// Elements within elements a document's body may reach (a real one stays under 40).
const MAX_NESTING: usize = 160;
/// Elements a document's body may hold (a hundred-page notice holds some tens of thousands).
const MAX_ELEMENTS: usize = 300_000;

/// How deep the elements of a DOCX's XML parts go, and how many they hold together (the
/// body, and the headers, styles, numbering… the reader parses; any part may be the body,
/// as `_rels/.rels` names it). Their sizes were checked with the archive's.
fn nesting_of_parts(bytes: &[u8]) -> Option<(usize, usize)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    if zip.index_for_name("word/document.xml").is_none()
        && zip.index_for_name("_rels/.rels").is_none()
    {
        return None;
    }
    let (mut deepest, mut count) = (0, 0);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).ok()?;
        if !(entry.name().ends_with(".xml") || entry.name().ends_with(".rels")) {
            continue;
        }
        let mut xml = Vec::new();
        entry.read_to_end(&mut xml).ok()?;
        let (d, n) = nesting(&xml);
        deepest = deepest.max(d);
        count += n;
    }
    Some((deepest, count))
}

/// How deep the elements of `xml` go, and how many there are (a scan of its tags, not a
/// parse).
fn nesting(xml: &[u8]) -> (usize, usize) {
    let (mut depth, mut deepest, mut count) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(at) = xml[i..].iter().position(|b| *b == b'<') {
        let start = i + at + 1;
        let Some(len) = xml[start..].iter().position(|b| *b == b'>') else {
            break;
        };
        let tag = &xml[start..start + len];
        match tag.first() {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'?' | b'!') => {}
            _ if tag.last() == Some(&b'/') => count += 1,
            _ => {
                count += 1;
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = start + len + 1;
    }
    (deepest, count)
}

/// Each list's item counts, by level (a list is a numbering id).
type Counters = HashMap<usize, Vec<usize>>;

/// A paragraph's text as Word shows it (its runs, text inserted or moved there, links) and
/// apart the text formatted hidden.
fn visible_text(p: &Paragraph) -> (String, String) {
    fn run(r: &Run, shown: &mut String, hidden: &mut String) {
        let to = if r.run_property.vanish.is_some() {
            hidden
        } else {
            shown
        };
        for c in &r.children {
            match c {
                RunChild::Text(t) => to.push_str(&t.text),
                RunChild::Tab(_) | RunChild::PTab(_) => to.push('\t'),
                RunChild::Break(_) | RunChild::CarriageReturn(_) => to.push('\n'),
                _ => {}
            }
        }
    }
    fn children(list: &[ParagraphChild], shown: &mut String, hidden: &mut String) {
        for c in list {
            match c {
                ParagraphChild::Run(r) => run(r, shown, hidden),
                ParagraphChild::Insert(i) => {
                    for c in &i.children {
                        if let InsertChild::Run(r) = c {
                            run(r, shown, hidden);
                        }
                    }
                }
                ParagraphChild::MoveTo(m) => {
                    for c in &m.children {
                        if let MoveToChild::Run(r) = c {
                            run(r, shown, hidden);
                        }
                    }
                }
                ParagraphChild::Hyperlink(h) => children(&h.children, shown, hidden),
                _ => {}
            }
        }
    }
    let (mut shown, mut hidden) = (String::new(), String::new());
    children(&p.children, &mut shown, &mut hidden);
    (shown, hidden)
}

fn paragraph(p: &Paragraph, counters: &mut Counters, out: &mut Parts, line: &mut String) {
    let (text, hidden) = visible_text(p);
    if !hidden.trim().is_empty() {
        out.hidden.push(hidden.trim().to_string());
    }
    let out = line;
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if let Some(n) = &p.property.numbering_property
        && let (Some(id), level) = (&n.id, n.level.as_ref().map_or(0, |l| l.val))
    {
        // A new item at one level restarts the levels below it (only this list's: a document
        // of thousands of one-item lists stays linear).
        let levels = counters.entry(id.id).or_default();
        levels.resize(level + 1, 0);
        levels[level] += 1;
        let count = levels[level];
        if level == 0 {
            out.push_str(&format!("{count}. "));
        } else {
            let letter = (b'a' + ((count - 1) % 26) as u8) as char;
            out.push_str(&format!("{letter}) "));
        }
    }
    out.push_str(text);
    out.push('\n');
}

/// A table: a table of tasks, its header recognised as a tracker's ("Nội dung", "Đơn vị chủ
/// trì", "Thời hạn"…, the annex a notice often carries), a task a line in words the
/// extractor reads ("Giao X chủ trì, phối hợp với Y <task>, thời hạn …"); any other table a
/// row a line with its cells joined by ` | `.
fn table(t: &Table, out: &mut Parts) {
    // A cell merged across columns stands in each of them, one merged down the rows below
    // gives them its text (as a spreadsheet's merged cells are read).
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(t.rows.len());
    for TableChild::TableRow(row) in &t.rows {
        let mut cells: Vec<String> = Vec::with_capacity(row.cells.len());
        for TableRowChild::TableCell(c) in &row.cells {
            let text = c
                .children
                .iter()
                .filter_map(|k| match k {
                    TableCellContent::Paragraph(p) => {
                        let (text, hidden) = visible_text(p);
                        if !hidden.trim().is_empty() {
                            out.hidden.push(hidden.trim().to_string());
                        }
                        Some(text.trim().to_string())
                    }
                    _ => None,
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let property = serde_json::to_value(&c.property).unwrap_or_default();
            let span = property["gridSpan"].as_u64().unwrap_or(1).clamp(1, 64) as usize;
            let merged_down = property["verticalMerge"] == "continue";
            let text = match rows.last() {
                Some(above) if merged_down && text.is_empty() => {
                    above.get(cells.len()).cloned().unwrap_or_default()
                }
                _ => text,
            };
            cells.push(text);
            cells.resize(cells.len() + span - 1, String::new());
        }
        rows.push(cells);
    }
    if tasks(&rows, out) {
        return;
    }
    for cells in rows {
        let cells: Vec<String> = cells.into_iter().filter(|s| !s.is_empty()).collect();
        if !cells.is_empty() {
            let line = format!("{}\n", cells.join(" | "));
            out.text.push_str(&line);
            out.prose.push_str(&line);
        }
    }
}

/// Keeps a table of tasks row by row, and writes it in the text as sentences; `false` when
/// its header is none of a tracker's. The extractor does not read it: its cells say what
/// each is.
fn tasks(rows: &[Vec<String>], out: &mut Parts) -> bool {
    use super::columns::Column;
    let grid = super::sheet::Grid::of_texts("", rows);
    let Some(header) = super::columns::find(&grid) else {
        return false;
    };
    fn at<'r>(header: &super::columns::Header, row: &'r [String], c: Column) -> &'r str {
        header
            .fields
            .get(&c)
            .and_then(|&j| row.get(j))
            .map_or("", |s| s.trim())
    }
    let at = |row, c| at(&header, row, c);
    for row in &rows[header.last_row + 1..] {
        let (content, lead) = (at(row, Column::Content), at(row, Column::Lead));
        // A row without a task is none; one without its lead unit is proposed without it
        // (told, to choose when reviewing), not left out.
        if content.is_empty() {
            continue;
        }
        let content = content.trim_end_matches(['.', ';']);
        let text = &mut out.text;
        if !lead.is_empty() {
            text.push_str(&format!("Giao {lead} chủ trì"));
            match at(row, Column::Coordinating) {
                "" => text.push(' '),
                with => text.push_str(&format!(", phối hợp với {with} ")),
            }
        }
        text.push_str(content);
        match at(row, Column::Deadline) {
            "" => {}
            due => text.push_str(&format!(", thời hạn {due}")),
        }
        text.push_str(".\n");
        out.tasks.push(TableTask {
            content: content.to_string(),
            lead: lead.to_string(),
            coordinating: at(row, Column::Coordinating).to_string(),
            deadline: at(row, Column::Deadline).to_string(),
        });
    }
    true
}

/// The document's key: SHA-256 of its text.
pub fn key(text: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"document\0");
    h.update(crate::text::plain(text).as_bytes());
    h.finalize().into()
}

/// The meeting a notice is about: the words after "tại" in its "Kết luận … tại …" line, or
/// the line after the document's type (THÔNG BÁO, BIÊN BẢN).
fn title(text: &str, fallback: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for l in &lines {
        let said = crate::text::plain(l);
        if said.starts_with("ket luan")
            && let Some(at) = l.rfind(" tại ")
        {
            let rest = l[at + " tại ".len()..]
                .trim_end_matches(['.', ':', ';'])
                .trim();
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    for (k, l) in lines.iter().enumerate() {
        let f = crate::text::plain(l);
        if (f == "bien ban" || f == "thong bao")
            && let Some(next) = lines[k + 1..].iter().find(|n| !n.is_empty())
        {
            return next.trim_end_matches(['.', ':']).to_string();
        }
    }
    fallback.to_string()
}

/// The attendees a "Thành phần" or "Tham dự" line names (after its colon, or on the dashed
/// lines below it).
fn attendees(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        // "Thành phần: …", "Tham dự có: …", or a heading "I. THÀNH PHẦN THAM DỰ" over a
        // list of "- Đồng chí … – Phó Giám đốc Sở;" lines; the sentence may follow others
        // in its paragraph ("… chủ trì cuộc họp. Tham dự cuộc họp có: …").
        let opening = |l: &str| {
            let words = crate::text::words(l);
            let numbered = words.first().is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_digit()) || w.chars().all(|c| "ivx".contains(c))
            });
            let f = words[usize::from(numbered)..].join(" ");
            ["thanh phan", "tham du", "dai bieu tham du"]
                .iter()
                .any(|w| f.starts_with(w))
        };
        let Some(at) = std::iter::once(0)
            .chain(line.match_indices(". ").map(|(i, _)| i + 2))
            .find(|&i| opening(&line[i..]))
        else {
            continue;
        };
        let l = &line[at..];
        let after = match l.split_once(':') {
            Some((_, after)) => after,
            None if lines
                .get(k + 1)
                .is_some_and(|n| n.starts_with(['-', '+', '•'])) =>
            {
                ""
            }
            None => continue,
        };
        // The list ends with its sentence ("…; Lê Văn C. Sau khi nghe …").
        let after = after.split(". ").next().unwrap_or(after);
        // "A, Phó Giám đốc; B" names A and B: a name's title follows a comma or a dash.
        let sep: &[char] = if after.contains(';') { &[';'] } else { &[','] };
        let mut names: Vec<String> = after.split(sep).map(str::to_string).collect();
        names.extend(
            lines[k + 1..]
                .iter()
                .take_while(|n| n.starts_with(['-', '+', '•']))
                .map(|n| n.to_string()),
        );
        for n in names {
            let n = n.trim().trim_start_matches(['-', '+', '•']).trim();
            let n = n.trim_end_matches(['.', ';', ',']).trim();
            // "Chủ trì: Đồng chí …", "Thư ký: …": the role said before the name.
            let n = match n.split_once(':') {
                Some((role, name)) if role.split_whitespace().count() <= 3 => name.trim(),
                _ => n,
            };
            let n = strip_title(n);
            let dashed = [" - ", " – ", " — "].iter().any(|d| n.contains(d));
            let n = if sep == [';'] || dashed {
                let name = n.split([',']).next().unwrap_or(n);
                [" - ", " – ", " — "]
                    .iter()
                    .fold(name, |m, d| m.split(d).next().unwrap_or(m))
                    .trim()
            } else {
                n
            };
            // "Lãnh đạo các phòng, đơn vị thuộc Sở", "Đại diện các xã": a group, no one person.
            let w = crate::text::words(n);
            let group = w.iter().any(|x| x == "cac")
                || matches!(w.first().map(String::as_str), Some("lanh" | "dai"))
                    && matches!(w.get(1).map(String::as_str), Some("dao" | "dien"));
            if !n.is_empty() && n.chars().count() <= 200 && !group {
                out.push(n.to_string());
            }
        }
        break;
    }
    out
}

/// A name without its leading form of address (đồng chí, ông, bà).
fn strip_title(name: &str) -> &str {
    for t in [
        "Đồng chí ",
        "đồng chí ",
        "Đ/c ",
        "đ/c ",
        "Ông ",
        "ông ",
        "Bà ",
        "bà ",
    ] {
        if let Some(rest) = name.strip_prefix(t) {
            return rest.trim();
        }
    }
    name
}

/// Reads a document: its facts and proposals (units from the directory, deadlines from the
/// meeting's date).
pub fn read(conn: &Connection, parts: &Parts, file_stem: &str) -> Result<DocumentRead> {
    let text = &parts.text;
    if text.trim().is_empty() {
        return Err(Error::Intake(IntakeProblem::Empty));
    }
    extract::check_length(text)?;
    let directory = Directory::from_units(&crate::unit::list(conn, false)?);
    let calendar = crate::office::calendar(conn)?;
    let on = |day| crate::deadline::Anchor {
        day,
        calendar: Some(&calendar),
        opens_month: false,
    };
    let prose = &parts.prose;
    let first = extract::extract(prose, on(crate::date::today()), &directory);
    // Minutes say when they met on a line of their own ("1. Thời gian: 08 giờ 00, ngày
    // 19/01/2026"), before the day they are signed ("Lào Cai, ngày 20 tháng 01 năm 2026").
    let time_line = text.lines().find_map(|l| {
        let w = crate::text::words(l);
        let at = usize::from(
            w.first()
                .is_some_and(|x| x.bytes().all(|b| b.is_ascii_digit())),
        );
        (w.get(at..at + 2) == Some(&["thoi".to_string(), "gian".to_string()][..]))
            .then(|| values::date_in(l))
            .flatten()
    });
    let date = time_line
        .or(first.meeting.date)
        .or_else(|| values::date_in(text));
    let found = match date {
        Some(d) => extract::extract(prose, on(d), &directory),
        None => first,
    };
    // A task a table or a line with its parts named gives is read from its cells; the same
    // task the extractor also read from a paragraph (a notice that states each conclusion,
    // then lists its directives) is that one, not a second.
    let tasks: Vec<Proposal> = parts
        .tasks
        .iter()
        .map(|t| table_task(t, &directory, date))
        .collect();
    let named = |x: &Proposal| format!(" {} ", crate::text::plain(&x.content));
    let mut proposals: Vec<Proposal> = found
        .directives
        .into_iter()
        .filter(|x| {
            let words = named(x);
            !tasks.iter().any(|t| {
                let task = named(t);
                // Three words at least, not a word or two any task may hold.
                let long = |w: &str| w.split_whitespace().count() >= 3;
                (long(&task) && words.contains(&task)) || (long(&words) && task.contains(&words))
            })
        })
        .collect();
    proposals.extend(tasks);
    let attendees = attendees(text);
    // Any document would otherwise become a meeting named after its file: one that gives
    // no task must at least say it is of a meeting ("họp", "giao ban", "hội nghị", "kết
    // luận", "biên bản"…), or name its chair or attendees.
    let folded = format!(" {} ", crate::text::plain(text));
    let of_a_meeting = [
        " hop ",
        " giao ban ",
        " hoi nghi ",
        " ket luan ",
        " bien ban ",
        " phien ",
        " lam viec ",
    ]
    .iter()
    .any(|w| folded.contains(w));
    // A report ("BÁO CÁO Kết quả …", its kind on a line of its own at the top) is no
    // meeting's record, whatever it plans.
    let report = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .any(|l| crate::text::plain(l) == "bao cao");
    if report
        || (proposals.is_empty()
            && !of_a_meeting
            && found.meeting.chair.is_none()
            && attendees.is_empty())
    {
        return Err(Error::Intake(IntakeProblem::NoMeeting));
    }
    Ok(DocumentRead {
        title: title(text, file_stem),
        date,
        chair: found.meeting.chair,
        attendees,
        text: text.to_string(),
        proposals,
        set_aside: found
            .set_aside
            .into_iter()
            .map(|l| (l.line as u32, l.content))
            .collect(),
        already: super::tracker::imported(conn, &key(text))?,
        number: super::numbers::number_of(text)
            .map(|(n, kind, symbol)| format!("{n:02}/{kind}-{symbol}")),
    })
}

/// The directive a row of a table of tasks gives, its cells read as a tracker's: the units
/// by name (the first of several in the lead's cell leads, the others coordinate; one the
/// directory lacks is a new unit to confirm), the deadline as the cell says it, from the
/// meeting's day.
fn table_task(t: &TableTask, directory: &Directory, day: Option<NaiveDate>) -> Proposal {
    let mut units = units_of(&t.lead, directory).into_iter();
    let lead = units.next();
    let mut coordinating: Vec<extract::UnitRef> = units.collect();
    for u in units_of(&t.coordinating, directory) {
        if !coordinating.contains(&u) && Some(&u) != lead.as_ref() {
            coordinating.push(u);
        }
    }
    // A deadline the cell says in words no date reads, or a date that does not exist, stays
    // in the task's words, to be seen when reviewing.
    let (deadline, content) = match values::due(&super::sheet::Cell::Text(t.deadline.clone()), day)
    {
        Ok(values::Due::On(d)) => (Some(d), t.content.clone()),
        Ok(values::Due::Open) if t.deadline.is_empty() => (None, t.content.clone()),
        _ => (None, format!("{} (thời hạn: {})", t.content, t.deadline)),
    };
    Proposal {
        content,
        lead_unit: lead,
        coordinating_units: coordinating,
        deadline,
        item: None,
        at: usize::MAX,
    }
}

/// The units a table's cell names, as a tracker's cell is read: split at ";", line breaks
/// and (for names the directory does not hold whole) commas, without notes in brackets
/// ("Văn phòng Sở (chủ trì), Thanh tra Sở (phối hợp)") or the role written beside them;
/// each the directory's unit, else a new one.
fn units_of(cell: &str, directory: &Directory) -> Vec<extract::UnitRef> {
    let mut out: Vec<extract::UnitRef> = Vec::new();
    for part in values::unit_names(cell) {
        let part = values::without_notes(&part);
        // Split at its commas only into names that each open with a kind of body ("Văn
        // phòng Sở, Thanh tra Sở"); "Phòng Bưu chính, Viễn thông và CNTT" is one name.
        // "UBND xã Sơn Hà, Phú Nhuận": the next place's body, named before.
        let mut pieces: Vec<String> = Vec::new();
        for piece in part.split(',').map(values::without_role) {
            let shared = (pieces.last())
                .and_then(|prev| values::with_the_head_before(prev, &piece))
                .filter(|_| directory.named(&piece).is_none());
            pieces.push(shared.unwrap_or(piece));
        }
        let names: Vec<String> = if directory.named(&part).is_some()
            || !pieces.iter().all(|p| values::opens_with_a_body(p))
        {
            vec![values::without_role(&part)]
        } else {
            pieces
        };
        for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
            let u = directory
                .named(&name)
                .or_else(|| {
                    values::other_forms(&name)
                        .iter()
                        .find_map(|f| directory.named(f))
                })
                .unwrap_or(extract::UnitRef { name, id: None });
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
    out
}

/// Creates the document's meeting (closed, its text as the minutes, the chair and attendees
/// found in the directory or as guests) and returns its id.
pub fn meeting(tx: &Tx<'_>, doc: &DocumentRead) -> Result<Uuid> {
    let date = doc
        .date
        .unwrap_or_else(|| crate::date::local_date(tx.now()));
    let chair = doc
        .chair
        .as_deref()
        .and_then(|c| person::resolve(tx, c, Field::Name).ok());
    let id = super::tracker::past_meeting(tx, &doc.title, date, chair.as_ref().map(|c| c.id))?;
    if let Some(c) = &chair {
        minutes::add(
            tx,
            id,
            NewItem::Attendee {
                who: Who::Person { id: c.id },
                role: AttendeeRole::Chair,
                attendance: Attendance::Present,
                note: None,
            },
        )?;
    }
    for name in &doc.attendees {
        let who = match person::resolve(tx, name, Field::Name) {
            Ok(p) if chair.as_ref().is_none_or(|c| c.id != p.id) => Who::Person { id: p.id },
            Ok(_) => continue,
            Err(_) => Who::Guest { name: name.clone() },
        };
        minutes::add(
            tx,
            id,
            NewItem::Attendee {
                who,
                role: AttendeeRole::Member,
                attendance: Attendance::Present,
                note: None,
            },
        )?;
    }
    crate::meeting::set_minutes(tx, id, &doc.text)?;
    super::tracker::remember(tx, &key(&doc.text), id, None)?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_attendees_as_notices_state_them() {
        let text = "THÔNG BÁO\nKết luận của Giám đốc Sở Nguyễn Văn A tại Hội nghị giao ban tháng 3/2025.\nThành phần: Đồng chí Trần Thị B, Phó Giám đốc; Lê Văn C.\n- Ông Phạm D\n";
        assert_eq!(title(text, "x"), "Hội nghị giao ban tháng 3/2025");
        assert_eq!(attendees(text), ["Trần Thị B", "Lê Văn C", "Phạm D"]);
        // In the paragraph that says who chaired, and before what was said.
        let text = "Ngày 07/4/2025, đồng chí Hà Văn Thắng, Giám đốc Sở chủ trì cuộc họp. Tham dự cuộc họp có: Hà Quốc Hòa, Phạm Minh Long, Trần Thị Bình. Sau khi nghe báo cáo, Giám đốc Sở kết luận.\n";
        assert_eq!(
            attendees(text),
            ["Hà Quốc Hòa", "Phạm Minh Long", "Trần Thị Bình"]
        );
        // Groups are no one person.
        let text = "Thành phần: Đồng chí Trần Thị B, Phó Giám đốc; Lãnh đạo các phòng, đơn vị thuộc Sở; Đại diện UBND các xã.\n";
        assert_eq!(attendees(text), ["Trần Thị B"]);
        // Minutes: a numbered heading over a list, roles before the names, titles after a dash.
        let text = "BIÊN BẢN\nI. THÀNH PHẦN THAM DỰ\n- Chủ trì: Đồng chí Nguyễn Văn H – Giám đốc Sở.\n\
                    - Thư ký: Đồng chí Lê Thị M – Chuyên viên.\n- Đồng chí Trần Thị L – Phó Giám đốc Sở;\n\
                    II. NỘI DUNG\n- Văn phòng báo cáo.\n";
        assert_eq!(attendees(text), ["Nguyễn Văn H", "Lê Thị M", "Trần Thị L"]);
        assert_eq!(
            title("BIÊN BẢN\n\nGiao ban tháng 5\n", "x"),
            "Giao ban tháng 5"
        );
        assert_ne!(key("a b"), key("a c"));
    }

    #[test]
    fn units_of_a_table_s_cell_as_lists_write_them() {
        let dir = Directory::from_names(&["UBND xã Si Ma Cai", "Văn phòng Sở", "Thanh tra Sở"]);
        let names = |cell: &str| -> Vec<String> {
            units_of(cell, &dir).into_iter().map(|u| u.name).collect()
        };
        assert_eq!(
            names("UBND xã Si Ma Cai, Nậm Mòn"),
            ["UBND xã Si Ma Cai", "UBND xã Nậm Mòn"]
        );
        assert_eq!(
            names("1. Văn phòng Sở 2. Thanh tra Sở"),
            ["Văn phòng Sở", "Thanh tra Sở"]
        );
        assert_eq!(
            names("Phòng Bưu chính, Viễn thông"),
            ["Phòng Bưu chính, Viễn thông"]
        );
    }
}
