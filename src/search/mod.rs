//! Vietnamese search that ignores diacritics: one query over meetings (title, minutes,
//! opinions, conclusions), directives (content, output, progress notes), units and people.
//!
//! The indexes (`search_meeting`, `search_directive`, `search_unit`, `search_person`) hold
//! folded text, written by triggers in the same transaction as every write (a bulk load's
//! built beside it, [`build`]). A query is folded the same way and turned into FTS5 terms that can
//! never be a syntax error; snippets are cut from the original text, with diacritics.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use crate::error::Result;
use crate::store::index::INDEX_TABLES;
pub use crate::store::index::{Query, Term, reindex};
use crate::text::fold;

/// The groups results are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Meetings: title and minutes, opinions, conclusions.
    Meetings,
    /// Directives: content, expected output, progress notes.
    Directives,
    /// Organisation units.
    Units,
    /// People.
    People,
}

/// What a result opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    /// A meeting.
    Meeting(Uuid),
    /// A directive (also for its progress notes).
    Directive(Uuid),
    /// A unit.
    Unit(Uuid),
    /// A person.
    Person(Uuid),
}

/// A piece of a snippet; `hit` pieces match the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Piece {
    /// Original text.
    pub text: String,
    /// Whether this piece matched.
    pub hit: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Hit {
    /// Result group.
    pub group: Group,
    /// What matched: `meeting`, `opinion`, `conclusion`, `directive`, `progress`, `unit`, `person`.
    pub kind: String,
    /// The matching record.
    pub id: Uuid,
    /// What opening the result shows: a meeting (also for its opinions and conclusions), a
    /// directive (also for its progress notes), a unit or a person.
    pub open: Target,
    /// A title for the result (original text).
    pub title: String,
    /// The passage around the first match, original text, matches marked.
    pub snippet: Vec<Piece>,
}

/// Results grouped, best first within each group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Results {
    /// The words searched for, folded (empty when the query had none).
    pub terms: Vec<Term>,
    /// All hits, by group. A group holding a unit, person, meeting or directive whose own
    /// name holds every word of the query comes first (in that order of groups); the
    /// others follow in the order meetings, directives, units, people.
    pub hits: Vec<Hit>,
}

/// How many of the newest matches of a group are ranked.
const CANDIDATES: u32 = 200;

/// Searches everything; at most `per_group` results in each group, taken from its 200 newest
/// matches: those whose own title holds every word first, then the most recent. Groups are
/// ordered as [`Results::hits`] says, so a unit named by the query comes before the
/// meetings that mention it.
pub fn search(conn: &Connection, input: &str, per_group: u32) -> Result<Results> {
    let query = Query::parse(input);
    let Some(fts) = query.fts() else {
        return Ok(Results::default());
    };
    let terms = query.terms();
    // Each group's hits, and whether its best one is named by every word of the query.
    let mut groups: Vec<(bool, Group, Vec<Hit>)> = Vec::new();
    for (group, table) in [
        Group::Meetings,
        Group::Directives,
        Group::Units,
        Group::People,
    ]
    .into_iter()
    .zip(INDEX_TABLES)
    {
        // A long last word is first searched whole; its longer forms are added only when
        // that finds fewer than the candidates wanted (Vietnamese words are syllables, so
        // longer forms are rare).
        let mut found = Vec::new();
        if let Some(whole) = query.fts_whole_word() {
            found = newest_matches(conn, table, &whole)?;
        }
        if found.len() < CANDIDATES as usize {
            found = newest_matches(conn, table, &fts)?;
        }
        // Records named by the query come first: exactly, then by a name that starts with
        // it, then by one that holds every word (a meeting titled "Hội nghị triển khai…"
        // before minutes that mention it); then the most recent by their meeting or
        // directive (the index's own order is by kind after a rebuild).
        let mut ranked = Vec::with_capacity(found.len());
        for (kind, id) in found {
            let (names, when) = names_and_time(conn, &kind, id)?;
            ranked.push((naming(&names, input), std::cmp::Reverse(when), kind, id));
        }
        ranked.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let named = ranked.first().is_some_and(|r| r.0 < Naming::None);
        let found = ranked.into_iter().map(|(_, _, kind, id)| (kind, id));
        let mut hits = Vec::new();
        for (kind, id) in found.take(per_group as usize) {
            if let Some(o) = original(conn, &kind, id)? {
                hits.push(Hit {
                    group,
                    snippet: snippet(&crate::text::markdown_text(&o.body), &terms, 160),
                    kind,
                    id,
                    open: o.open,
                    title: o.title,
                });
            }
        }
        groups.push((named, group, hits));
    }
    // Named groups first, the most specific records (units, people) leading.
    let rank = |named: bool, g: Group| match (named, g) {
        (true, Group::Units) => 0,
        (true, Group::People) => 1,
        (true, Group::Meetings) => 2,
        (true, Group::Directives) => 3,
        (false, Group::Meetings) => 4,
        (false, Group::Directives) => 5,
        (false, Group::Units) => 6,
        (false, Group::People) => 7,
    };
    groups.sort_by_key(|(named, g, _)| rank(*named, *g));
    let hits = groups.into_iter().flat_map(|(_, _, hits)| hits).collect();
    Ok(Results { terms, hits })
}

/// The record kind and id of the newest matches of `fts` in an index table, streamed from
/// the index: no score is computed for every match (FTS5's bm25 reads each word's whole list
/// of documents to weigh it, 80 % of a query on common words at 1M directives).
fn newest_matches(conn: &Connection, table: &str, fts: &str) -> Result<Vec<(String, Uuid)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT d.kind, d.record_id
         FROM {table} JOIN search_doc d ON d.rowid = {table}.rowid
         WHERE {table} MATCH ?1 ORDER BY {table}.rowid DESC LIMIT ?2"
    ))?;
    let found = stmt
        .query_map(rusqlite::params![fts, CANDIDATES], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// A record's name, time, short name and code, as read for ranking.
type NamesRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// How well a record's own names name the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Naming {
    /// A name is the query ("Văn phòng" is the short name of "Văn phòng Sở").
    Exactly,
    /// A name starts with the query's words.
    Starts,
    /// A name holds every word of the query.
    Holds,
    /// The record only mentions the words.
    None,
}

/// How the names of a record name what was typed.
fn naming(names: &[String], input: &str) -> Naming {
    let query = crate::text::words(input);
    if query.is_empty() {
        return Naming::None;
    }
    let mut best = Naming::None;
    for name in names {
        let words = crate::text::words(name);
        let starts = words.len() >= query.len()
            && words.iter().zip(&query).enumerate().all(|(i, (w, q))| {
                if i + 1 == query.len() {
                    w.starts_with(q.as_str())
                } else {
                    w == q
                }
            });
        let here = if words == query {
            Naming::Exactly
        } else if starts {
            Naming::Starts
        } else if crate::text::matches_words(name, input) {
            Naming::Holds
        } else {
            Naming::None
        };
        best = best.min(here);
    }
    best
}

/// The names a record has of its own (a unit's name, short name and code; opinions,
/// conclusions and progress notes have none) and when it happened: its meeting's start, or
/// the day the directive was given or the progress reported (units and people have none).
/// Compared within a group only.
fn names_and_time(
    conn: &Connection,
    kind: &str,
    id: Uuid,
) -> Result<(Vec<String>, Option<String>)> {
    let sql = match kind {
        "meeting" => "SELECT title, starts_at, NULL, NULL FROM meeting WHERE id = ?1",
        "opinion" => {
            "SELECT NULL, m.starts_at, NULL, NULL FROM opinion o JOIN meeting m ON m.id = o.meeting_id WHERE o.id = ?1"
        }
        "conclusion" => {
            "SELECT NULL, m.starts_at, NULL, NULL FROM conclusion c JOIN meeting m ON m.id = c.meeting_id WHERE c.id = ?1"
        }
        "directive" => "SELECT content, assigned_on, NULL, NULL FROM directive WHERE id = ?1",
        "progress" => "SELECT NULL, reported_on, NULL, NULL FROM progress WHERE id = ?1",
        "unit" => "SELECT name, NULL, short_name, code FROM unit WHERE id = ?1",
        "person" => "SELECT full_name, NULL, NULL, NULL FROM person WHERE id = ?1",
        _ => return Ok((Vec::new(), None)),
    };
    let row: Option<NamesRow> = conn
        .prepare_cached(sql)?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    Ok(match row {
        Some((name, when, short, code)) => {
            ([name, short, code].into_iter().flatten().collect(), when)
        }
        None => (Vec::new(), None),
    })
}

struct Original {
    title: String,
    body: String,
    open: Target,
}

/// The title, the searchable text (as stored, with diacritics) and the target of a record.
fn original(conn: &Connection, kind: &str, id: Uuid) -> Result<Option<Original>> {
    // Each query returns: title, body, meeting to open (if any), directive to open (if any).
    let sql = match kind {
        "meeting" => "SELECT title, title || ' — ' || minutes, id, NULL FROM meeting WHERE id = ?1",
        "opinion" => {
            "SELECT m.title, coalesce(o.speaker_name || ': ', '') || o.content, m.id, NULL
             FROM opinion o JOIN meeting m ON m.id = o.meeting_id WHERE o.id = ?1"
        }
        "conclusion" => {
            "SELECT m.title, c.content, m.id, NULL FROM conclusion c JOIN meeting m ON m.id = c.meeting_id WHERE c.id = ?1"
        }
        "directive" => {
            "SELECT content, content || coalesce(' — ' || expected_output, '') || coalesce(' — ' || document_number, ''),
                    meeting_id, id FROM directive WHERE id = ?1"
        }
        "progress" => {
            "SELECT d.content, p.note, d.meeting_id, d.id FROM progress p JOIN directive d ON d.id = p.directive_id WHERE p.id = ?1"
        }
        "unit" => "SELECT name, name || coalesce(' (' || code || ')', ''), NULL, NULL FROM unit WHERE id = ?1",
        "person" => "SELECT full_name, full_name || coalesce(', ' || title, ''), NULL, NULL FROM person WHERE id = ?1",
        _ => return Ok(None),
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([id])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let (meeting, directive): (Option<Uuid>, Option<Uuid>) = (r.get(2)?, r.get(3)?);
    let open = match (kind, meeting, directive) {
        ("unit", ..) => Target::Unit(id),
        ("person", ..) => Target::Person(id),
        (_, _, Some(d)) => Target::Directive(d),
        (_, Some(m), _) => Target::Meeting(m),
        _ => Target::Meeting(id),
    };
    Ok(Some(Original {
        title: r.get(0)?,
        body: r.get(1)?,
        open,
    }))
}

/// Cuts about `width` characters of `text` around the first match of `terms` (compared
/// folded) and marks every match in that passage.
pub fn snippet(text: &str, terms: &[Term], width: usize) -> Vec<Piece> {
    let chars: Vec<char> = text.nfc().collect();
    // folded[i] is the fold of chars[i] (one char, or none for a lone combining mark).
    let folded: Vec<String> = chars.iter().map(|c| fold(&c.to_string())).collect();
    let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut marks = vec![false; chars.len()];
    let mut first = None;
    for start in 0..chars.len() {
        if !is_word(start) || (start > 0 && is_word(start - 1)) {
            continue;
        }
        for t in terms {
            match prefix_len(&folded[start..], &t.word) {
                Some(len) if t.prefix || !is_word(start + len) => {
                    marks[start..start + len].iter_mut().for_each(|m| *m = true);
                    first.get_or_insert(start);
                }
                _ => {}
            }
        }
    }
    let centre = first.unwrap_or(0);
    let from = centre.saturating_sub(width / 3);
    let from = (from..centre)
        .find(|&i| i == 0 || !is_word(i - 1))
        .unwrap_or(from);
    let to = (from + width).min(chars.len());
    let mut pieces: Vec<Piece> = Vec::new();
    if from > 0 {
        pieces.push(Piece {
            text: "…".into(),
            hit: false,
        });
    }
    for i in from..to {
        match pieces.last_mut() {
            Some(p) if p.hit == marks[i] && p.text != "…" => p.text.push(chars[i]),
            _ => pieces.push(Piece {
                text: chars[i].to_string(),
                hit: marks[i],
            }),
        }
    }
    if to < chars.len() {
        pieces.push(Piece {
            text: "…".into(),
            hit: false,
        });
    }
    pieces
}

/// A snippet as plain text with the matches in [brackets] (the CLI's rendering).
pub fn bracketed(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| {
            if p.hit {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect()
}

/// How many chars of `folded` (one folded string per original char) spell `term` as a prefix.
fn prefix_len(folded: &[String], term: &str) -> Option<usize> {
    let mut rest = term;
    for (n, f) in folded.iter().enumerate() {
        if rest.is_empty() {
            return Some(n);
        }
        rest = rest.strip_prefix(f.as_str())?;
        if f.is_empty() && n > 0 {
            continue;
        }
    }
    rest.is_empty().then_some(folded.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_long_last_word_is_also_tried_whole() {
        assert_eq!(Query::parse("truyen tha").fts_whole_word(), None);
        assert_eq!(
            Query::parse("Truyền thanh").fts_whole_word().unwrap(),
            "\"truyen\" AND \"thanh\""
        );
        assert_eq!(
            Query::parse("\"giao ban\" thang").fts_whole_word().unwrap(),
            "\"giao ban\" AND \"thang\""
        );
    }

    #[test]
    fn queries_never_carry_operators() {
        let q = Query::parse(r#"giao bản "Đảng ủy" (NEAR) OR -x* a:b ""#);
        assert_eq!(
            q.fts().unwrap(),
            r#""giao" AND "ban" AND "dang uy" AND "near" AND "or" AND "x" AND "a" AND "b""#
        );
        assert_eq!(Query::parse(" - * : () ").fts(), None);
        assert_eq!(
            Query::parse("giao b").fts().unwrap(),
            r#""giao" AND "b""#,
            "one letter is not a prefix"
        );
        assert_eq!(
            Query::parse(&"ả".repeat(2000)).parts[0][0].chars().count(),
            64
        );
    }

    #[test]
    fn snippets_keep_diacritics_and_mark_matches() {
        let text = "Phòng Thông tin - Báo chí - Xuất bản phụ trách nội dung";
        let s = snippet(text, &Query::parse("thong ba").terms(), 200);
        assert_eq!(
            bracketed(&s),
            "Phòng [Thông] tin - [Bá]o chí - Xuất [bả]n phụ trách nội dung",
            "only the last word is a prefix"
        );
        let s = snippet("Đảng ủy Sở", &Query::parse("dang").terms(), 200);
        assert_eq!(bracketed(&s), "[Đảng] ủy Sở");
        let nfd: String = "Giao bản".nfd().collect();
        assert_eq!(
            bracketed(&snippet(&nfd, &Query::parse("bản").terms(), 200)),
            "Giao [bản]"
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!(
            "{} kết luận của Giám đốc {}",
            "mở đầu ".repeat(100),
            "phần sau ".repeat(100)
        );
        let s = snippet(&text, &Query::parse("ket").terms(), 60);
        assert_eq!(s.first().unwrap().text, "…");
        assert_eq!(s.last().unwrap().text, "…");
        assert!(bracketed(&s).contains("[kết] luận"));
    }
}
