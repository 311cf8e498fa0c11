//! Measured speed on databases made by the generator: `giaoban bench search` times search
//! queries and autosave-sized writes, and reports the index's size on disk; `giaoban bench
//! extract` times the directive extractor on the meetings' conclusions; `giaoban bench
//! write` is the writer the crash harness kills; `giaoban bench long-meeting` prepares the
//! editor's typing benchmark (`scripts/bench-editor.mjs`); `giaoban bench dashboard` times
//! the leader's overview against the same counts asked of SQLite directly; `giaoban bench
//! intake` times a tracker workbook's preview and import.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::extract::{self, Directory};
use crate::store::Store;
use crate::{directive, meeting, minutes, search};

/// What users type: whole words, words without accents, abbreviations, phrases, names, and
/// a query typed letter by letter (each prefix is a query, as the search box sends them).
pub const QUERIES: &[&str] = &[
    "thong tin bao chi",
    "giao ban thang 6",
    "chuyen doi so",
    "dich vu cong truc tuyen",
    "ke hoach",
    "an toan thong tin",
    "ttbc",
    "vp",
    "\"giao ban\"",
    "hoi nghi trien khai nhiem vu",
    "phong chong tham nhung",
    "giai ngan von dau tu cong",
    "truyen thanh co so",
    "chu ky so",
    "bao cao ket qua",
    "Nguyễn Văn",
    "đảng ủy",
    "ha tang vien thong",
    "cong thong tin dien tu",
    "xyz khong co",
    "t",
    "tr",
    "tru",
    "truy",
    "truye",
    "truyen",
    "truyen t",
    "truyen th",
    "truyen tha",
    "truyen thanh",
];

/// Timings of one benchmark run.
#[derive(Debug, Clone, Serialize)]
pub struct SearchBench {
    /// Queries timed (each of [`QUERIES`], `rounds` times).
    pub queries: usize,
    /// Median query time, milliseconds.
    pub p50_ms: f64,
    /// 95th percentile query time, milliseconds.
    pub p95_ms: f64,
    /// Slowest query, milliseconds, and which.
    pub max_ms: f64,
    /// The slowest query's text.
    pub slowest: String,
    /// Autosaves timed: one transaction replacing a meeting's minutes (index updated by triggers).
    pub autosaves: usize,
    /// Median autosave, milliseconds.
    pub autosave_p50_ms: f64,
    /// 95th percentile autosave, milliseconds.
    pub autosave_p95_ms: f64,
    /// Size of the search index on disk (FTS tables and the document map), bytes.
    pub index_bytes: u64,
    /// Size of the whole database file, bytes.
    pub database_bytes: u64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Times every query of [`QUERIES`] `rounds` times (10 results per group, snippets
/// included) and `rounds` autosaves of the newest meeting's minutes.
pub fn search(store: &mut Store, rounds: usize) -> Result<SearchBench> {
    let mut times = Vec::new();
    let mut slowest = (0.0, String::new());
    for _ in 0..rounds {
        for q in QUERIES {
            let t = Instant::now();
            search::search(store.conn(), q, 10)?;
            let took = ms(t.elapsed());
            if took > slowest.0 {
                slowest = (took, (*q).to_string());
            }
            times.push(took);
        }
    }
    times.sort_by(f64::total_cmp);

    let mut saves = Vec::new();
    if let Some(m) = newest_under_way(store)? {
        let base = m.minutes.clone();
        for i in 0..rounds.max(20) {
            let text = format!(
                "{base}\nÝ kiến bổ sung số {i}: đề nghị các đơn vị khẩn trương hoàn thành."
            );
            let t = Instant::now();
            store.write(|tx| meeting::set_minutes(tx, m.id, &text))?;
            saves.push(ms(t.elapsed()));
        }
    }
    saves.sort_by(f64::total_cmp);
    let index_bytes: i64 = store.conn().query_row(
        "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search_%' OR name LIKE 'sqlite_autoindex_search_doc%'",
        [],
        |r| r.get(0),
    )?;
    let database_bytes: i64 = store.conn().query_row(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        [],
        |r| r.get(0),
    )?;
    Ok(SearchBench {
        queries: times.len(),
        p50_ms: percentile(&times, 0.5),
        p95_ms: percentile(&times, 0.95),
        max_ms: slowest.0,
        slowest: slowest.1,
        autosaves: saves.len(),
        autosave_p50_ms: saves.first().map_or(0.0, |_| percentile(&saves, 0.5)),
        autosave_p95_ms: saves.first().map_or(0.0, |_| percentile(&saves, 0.95)),
        index_bytes: index_bytes as u64,
        database_bytes: database_bytes as u64,
    })
}

/// Timings of the directive extractor on the generator's conclusions.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractBench {
    /// Meetings whose conclusions were read, one extraction each.
    pub meetings: usize,
    /// Median time to read one meeting's conclusions, milliseconds.
    pub meeting_p50_ms: f64,
    /// 95th percentile, milliseconds.
    pub meeting_p95_ms: f64,
    /// Size of the large text (all conclusions, repeated to at least 1 MiB), bytes.
    pub large_bytes: usize,
    /// Time to read the large text, milliseconds (median of `rounds`).
    pub large_ms: f64,
    /// Directives found in the large text.
    pub large_directives: usize,
}

/// Reads the conclusions of up to 500 of the newest meetings, each as the app does, then all
/// of them as one text of at least 1 MiB, `rounds` times.
pub fn extract(store: &Store, rounds: usize) -> Result<ExtractBench> {
    let conn = store.conn();
    let directory = Directory::from_units(&crate::unit::list(conn, false)?);
    let meetings = meeting::list(
        conn,
        &meeting::MeetingFilter {
            limit: Some(500),
            ..Default::default()
        },
    )?;
    let mut times = Vec::new();
    let mut all = String::new();
    for m in &meetings {
        let conclusions = minutes::conclusions(conn, m.id)?;
        let items: Vec<&str> = conclusions.iter().map(|c| c.content.as_str()).collect();
        let t = Instant::now();
        extract::extract_items(&items, m.local_date(), &directory);
        times.push(ms(t.elapsed()));
        all.push_str(&items.join("\n"));
        all.push('\n');
    }
    times.sort_by(f64::total_cmp);
    let large = if all.is_empty() {
        all
    } else {
        all.repeat((1 << 20) / all.len() + 1)
    };
    let day = crate::date::today();
    let mut large_times = Vec::new();
    let mut found = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        found = extract::extract(&large, day, &directory).directives.len();
        large_times.push(ms(t.elapsed()));
    }
    large_times.sort_by(f64::total_cmp);
    Ok(ExtractBench {
        meetings: times.len(),
        meeting_p50_ms: times.first().map_or(0.0, |_| percentile(&times, 0.5)),
        meeting_p95_ms: times.first().map_or(0.0, |_| percentile(&times, 0.95)),
        large_bytes: large.len(),
        large_ms: percentile(&large_times, 0.5),
        large_directives: found,
    })
}

/// What `bench exchange` measured: medians over its runs, and each run's figure.
#[derive(Debug, Serialize)]
pub struct ExchangeBench {
    /// Meetings in the database.
    pub meetings: u64,
    /// Directives in the database.
    pub directives: u64,
    /// Records in the bundle (all tables).
    pub records: u64,
    /// Size of the bundle file, KB.
    pub bundle_kb: u32,
    /// Runs made.
    pub runs: usize,
    /// Export of the whole database, milliseconds (median).
    pub export_ms: f64,
    /// Import of that bundle into an empty database, milliseconds (median).
    pub import_empty_ms: f64,
    /// Import of a second whole bundle that changes nothing, milliseconds (median).
    pub reimport_ms: f64,
    /// Each run's export, import and re-import, milliseconds.
    pub each_run_ms: Vec<[f64; 3]>,
    /// Records the second imports changed, all runs together (must be 0).
    pub reimport_changed: u64,
}

/// `runs` times: exports the whole database, imports it into a new empty database in a
/// temporary folder beside it, then exports and imports again (a no-op).
pub fn exchange(store: &mut Store, runs: usize) -> Result<ExchangeBench> {
    use crate::exchange::{self, ExportOptions, ImportOptions};
    let count = |s: &Store, t: &str| -> Result<u64> {
        Ok(s.conn()
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    };
    let dir = std::env::temp_dir().join(format!("giaoban-bench-exchange-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).map_err(Error::io(&dir))?;
    let trust = ImportOptions {
        trust: Some(crate::exchange::role::Grant::office()),
        ..Default::default()
    };
    let mut run = |n: usize| -> Result<([f64; 3], u64, exchange::Exported)> {
        let file = dir.join(format!("all-{n}.gbx"));
        let t = Instant::now();
        let out = exchange::export(store, &file, &ExportOptions::default(), &mut |_, _| {})?;
        let export_ms = ms(t.elapsed());
        let mut empty = Store::open(
            &dir.join(format!("empty-{n}.sqlite3")),
            crate::store::OpenMode::Create,
        )?;
        let t = Instant::now();
        exchange::import(&mut empty, &file, &trust)?;
        let import_empty_ms = ms(t.elapsed());
        let second = dir.join(format!("again-{n}.gbx"));
        exchange::export(store, &second, &ExportOptions::default(), &mut |_, _| {})?;
        let t = Instant::now();
        let again = exchange::import(&mut empty, &second, &trust)?;
        let reimport_ms = ms(t.elapsed());
        drop(empty);
        // Each run starts from a folder as empty as the first one's.
        for f in std::fs::read_dir(&dir).map_err(Error::io(&dir))? {
            let f = f.map_err(Error::io(&dir))?.path();
            let _ = if f.is_dir() {
                std::fs::remove_dir_all(&f)
            } else {
                std::fs::remove_file(&f)
            };
        }
        let changed = again
            .tables
            .values()
            .map(|c| u64::from(c.new + c.updated + c.deleted + c.conflicts))
            .sum();
        Ok(([export_ms, import_empty_ms, reimport_ms], changed, out))
    };
    let ran: Result<Vec<_>> = (0..runs.max(1)).map(&mut run).collect();
    let _ = std::fs::remove_dir_all(&dir);
    let ran = ran?;
    let each_run_ms: Vec<[f64; 3]> = ran.iter().map(|(times, _, _)| *times).collect();
    let reimport_changed = ran.iter().map(|(_, changed, _)| changed).sum();
    let out = &ran.last().expect("at least one run").2;
    let median = |i: usize| {
        let mut v: Vec<f64> = each_run_ms.iter().map(|r| r[i]).collect();
        v.sort_by(f64::total_cmp);
        percentile(&v, 0.5)
    };
    Ok(ExchangeBench {
        meetings: count(store, "meeting")?,
        directives: count(store, "directive")?,
        records: out.counts.values().map(|n| u64::from(*n)).sum(),
        bundle_kb: out.size_kb,
        runs: each_run_ms.len(),
        export_ms: median(0),
        import_empty_ms: median(1),
        reimport_ms: median(2),
        each_run_ms,
        reimport_changed,
    })
}

/// The writer the crash harness kills: `count` transactions on the newest meeting, each
/// adding a directive and replacing the minutes (an autosave), as a secretary's edits do.
/// `acknowledge` is called with the directive's id once its transaction is committed.
pub fn write_loop(
    store: &mut Store,
    count: usize,
    mut acknowledge: impl FnMut(uuid::Uuid),
) -> Result<()> {
    let m = a_meeting_under_way(store)?;
    let lead = crate::unit::list(store.conn(), false)?
        .first()
        .map(|u| u.id)
        .ok_or_else(|| crate::Error::not_found(crate::error::Entity::Unit, "*"))?;
    let base = m.minutes.clone();
    for i in 0..count {
        let minutes = format!(
            "{base}\nÝ kiến bổ sung {i}: đề nghị các phòng, đơn vị khẩn trương hoàn thành nhiệm vụ được giao."
        );
        let id = store.write(|tx| {
            let d = directive::create(
                tx,
                directive::NewDirective {
                    content: format!("Nhiệm vụ kiểm thử độ bền số {i}: rà soát hồ sơ lưu trữ"),
                    expected_output: None,
                    source: directive::Source::Meeting {
                        meeting_id: m.id,
                        conclusion_id: None,
                    },
                    assigned_on: None,
                    directing_leader_id: None,
                    lead_unit_id: lead,
                    coordinating_unit_ids: Vec::new(),
                    deadline: None,
                    priority: directive::Priority::Normal,
                    allow_deadline_before_assigned: false,
                    of_record: false,
                },
            )?;
            meeting::set_minutes(tx, m.id, &minutes)?;
            Ok(d.id)
        })?;
        acknowledge(id);
    }
    Ok(())
}

/// The newest meeting, reopened (in progress) if it was closed; `None` without meetings.
fn newest_under_way(store: &mut Store) -> Result<Option<meeting::Meeting>> {
    let newest = meeting::list(
        store.conn(),
        &meeting::MeetingFilter {
            limit: Some(1),
            ..Default::default()
        },
    )?;
    match newest.into_iter().next() {
        Some(m) if m.status == meeting::MeetingStatus::Closed => store
            .write(|tx| meeting::set_status(tx, m.id, meeting::MeetingStatus::InProgress))
            .map(Some),
        m => Ok(m),
    }
}

/// [`newest_under_way`] for the benchmarks that need a meeting: none is a database not
/// filled by `demo`.
fn a_meeting_under_way(store: &mut Store) -> Result<meeting::Meeting> {
    newest_under_way(store)?.ok_or_else(|| crate::Error::NoDatabase {
        path: store.path().map(Path::to_path_buf).unwrap_or_default(),
    })
}

/// Makes the newest meeting a long one for the editor's typing benchmark: a minutes body
/// of at least `chars` characters (the generated minutes of earlier meetings, as headed
/// paragraphs) and `directives` directives, open in the editor. Returns its id.
pub fn long_meeting(store: &mut Store, chars: usize, directives: usize) -> Result<uuid::Uuid> {
    let m = a_meeting_under_way(store)?;
    let mut body = String::new();
    {
        let mut stmt = store
            .conn()
            .prepare("SELECT title, minutes FROM meeting WHERE id <> ?1 AND minutes <> '' ORDER BY starts_at DESC")?;
        let mut rows = stmt.query([m.id])?;
        while body.chars().count() < chars {
            let Some(row) = rows.next()? else { break };
            let (title, text): (String, String) = (row.get(0)?, row.get(1)?);
            body.push_str(&format!("### {title}\n\n"));
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                body.push_str(line);
                body.push_str("\n\n");
            }
        }
    }
    let have = directive::list(
        store.conn(),
        &directive::DirectiveQuery {
            meeting: Some(m.id),
            limit: Some(0),
            ..directive::DirectiveQuery::as_of(
                chrono::NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date"),
            )
        },
    )?
    .total as usize;
    let samples: Vec<(String, uuid::Uuid)> = {
        let mut stmt = store.conn().prepare(
            "SELECT content, lead_unit_id FROM directive WHERE meeting_id <> ?1 ORDER BY assigned_on DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![m.id, directives.saturating_sub(have) as i64],
            |r| Ok((r.get(0)?, crate::store::value::get_uuid(r, 1)?)),
        )?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    store.write(|tx| {
        meeting::set_minutes(tx, m.id, &body)?;
        for (content, lead) in &samples {
            directive::create(
                tx,
                directive::NewDirective {
                    content: content.clone(),
                    expected_output: None,
                    source: directive::Source::Meeting {
                        meeting_id: m.id,
                        conclusion_id: None,
                    },
                    assigned_on: None,
                    directing_leader_id: None,
                    lead_unit_id: *lead,
                    coordinating_unit_ids: Vec::new(),
                    deadline: None,
                    priority: directive::Priority::Normal,
                    allow_deadline_before_assigned: false,
                    of_record: false,
                },
            )?;
        }
        meeting::remember_open(tx, Some(m.id))
    })?;
    Ok(m.id)
}

/// Timings of the leader's overview for one period.
#[derive(Debug, Clone, Serialize)]
pub struct DashboardBench {
    /// Directives in the database.
    pub directives: i64,
    /// Directives given in the period.
    pub in_period: i64,
    /// Median time of the per-unit table with its totals (the four buckets), milliseconds.
    pub unit_table_p50_ms: f64,
    /// Slowest of the rounds, milliseconds.
    pub unit_table_max_ms: f64,
    /// Median time of the same counts as one GROUP BY statement run directly, milliseconds.
    pub raw_sql_p50_ms: f64,
    /// `unit_table_p50_ms / raw_sql_p50_ms`.
    pub ratio: f64,
    /// Median time of the 12-month trend, milliseconds.
    pub monthly_p50_ms: f64,
    /// Median time of the overdue list (first 10 and the count) and the due within 7/3/1
    /// days counts, milliseconds.
    pub lists_p50_ms: f64,
    /// Median time of everything the page asks for (table, 12 months, the overdue list,
    /// due within 7/3/1 days), milliseconds.
    pub whole_page_p50_ms: f64,
}

/// Times the overview for directives given in `[from, to]`, judged on `as_of`.
pub fn dashboard(
    store: &Store,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    as_of: chrono::NaiveDate,
    rounds: usize,
) -> Result<DashboardBench> {
    use crate::timeliness::DeadlineBasis;
    let conn = store.conn();
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let directives = count("SELECT count(*) FROM directive")?;
    let in_period: i64 = conn.query_row(
        "SELECT count(*) FROM directive WHERE assigned_on BETWEEN ?1 AND ?2",
        [
            crate::store::value::date(from),
            crate::store::value::date(to),
        ],
        |r| r.get(0),
    )?;
    let time = |f: &mut dyn FnMut() -> Result<()>| -> Result<Vec<f64>> {
        let mut t = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let start = Instant::now();
            f()?;
            t.push(ms(start.elapsed()));
        }
        t.sort_by(f64::total_cmp);
        Ok(t)
    };
    let table = time(&mut || {
        crate::stats::by_unit(conn, Some(from), Some(to), as_of, DeadlineBasis::Approved)
            .map(|_| ())
    })?;
    let mut raw_stmt = conn.prepare(
        "SELECT lead_unit_id, count(*),
                sum(done AND (dl IS NULL OR completed_on <= dl)),
                sum(done AND dl IS NOT NULL AND completed_on > dl),
                sum(NOT done AND (dl IS NULL OR ?3 <= dl)),
                sum(NOT done AND dl IS NOT NULL AND ?3 > dl)
         FROM (SELECT lead_unit_id, completed_on, deadline AS dl, coalesce(completed_on <= ?3, 0) AS done
               FROM directive WHERE assigned_on BETWEEN ?1 AND ?2 AND assigned_on <= ?3 AND status <> 'cancelled')
         GROUP BY lead_unit_id",
    )?;
    let args = [from, to, as_of].map(crate::store::value::date);
    let raw = time(&mut || {
        let mut rows = raw_stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while rows.next()?.is_some() {}
        Ok(())
    })?;
    let monthly =
        time(&mut || crate::stats::monthly(conn, 12, as_of, DeadlineBasis::Approved).map(|_| ()))?;
    let lists = || -> Result<()> {
        let q = directive::DirectiveQuery::as_of(as_of);
        directive::list(
            conn,
            &directive::DirectiveQuery {
                overdue: true,
                limit: Some(10),
                ..q.clone()
            },
        )?;
        for days in [7, 3, 1] {
            directive::list(
                conn,
                &directive::DirectiveQuery {
                    due_within: Some(days),
                    limit: Some(0),
                    ..q.clone()
                },
            )?;
        }
        Ok(())
    };
    let listed = time(&mut || lists())?;
    let page = time(&mut || {
        crate::stats::overview(
            conn,
            Some(from),
            Some(to),
            12,
            as_of,
            DeadlineBasis::Approved,
        )?;
        lists()
    })?;
    let (t, r) = (percentile(&table, 0.5), percentile(&raw, 0.5));
    Ok(DashboardBench {
        directives,
        in_period,
        unit_table_p50_ms: t,
        unit_table_max_ms: table[table.len() - 1],
        raw_sql_p50_ms: r,
        ratio: (t / r * 100.0).round() / 100.0,
        monthly_p50_ms: percentile(&monthly, 0.5),
        lists_p50_ms: percentile(&listed, 0.5),
        whole_page_p50_ms: percentile(&page, 0.5),
    })
}

/// How long the editor's autosaves took while an export and a report ran.
#[derive(Debug, Serialize)]
pub struct Latency {
    /// Autosaves made while they ran.
    pub saves: usize,
    /// Median, milliseconds.
    pub p50_ms: f64,
    /// 95th percentile, milliseconds.
    pub p95_ms: f64,
    /// Slowest, milliseconds.
    pub max_ms: f64,
    /// The export and the report, milliseconds.
    pub export_ms: f64,
}

/// What `bench autosave` measured: the editor's autosave (the minutes replaced, every
/// 100 ms as typing goes) while a whole-database export and the per-unit report run, as
/// the window ran them before (on the one connection, under its lock) and runs them now
/// (reading on a read-only connection of their own, then one short write).
#[derive(Debug, Serialize)]
pub struct AutosaveBench {
    /// Directives in the database.
    pub directives: u64,
    /// Export and report under the writer's lock.
    pub one_connection: Latency,
    /// Export and report on a reader, then a short write.
    pub reader: Latency,
}

/// Measures [`AutosaveBench`] on the database of `store` (a scratch copy: the newest
/// meeting's minutes are rewritten).
pub fn autosave_during_export(store: &mut Store) -> Result<AutosaveBench> {
    let path = store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::NoDatabase {
            path: Default::default(),
        })?;
    let meeting = a_meeting_under_way(store)?.id;
    let directives: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM directive", [], |r| r.get(0))?;
    Ok(AutosaveBench {
        directives: directives as u64,
        one_connection: autosaves_beside(&path, meeting, false)?,
        reader: autosaves_beside(&path, meeting, true)?,
    })
}

/// Autosaves every 100 ms (a typist's pace, not a wait for anything) while another thread
/// exports the whole database and makes the per-unit report.
fn autosaves_beside(path: &Path, meeting: uuid::Uuid, on_reader: bool) -> Result<Latency> {
    use crate::exchange::{self, ExportOptions};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Barrier, Mutex};
    let writer = Arc::new(Mutex::new(Store::open(
        path,
        crate::store::OpenMode::Existing,
    )?));
    let done = Arc::new(AtomicBool::new(false));
    let started = Arc::new(Barrier::new(2));
    let out = std::env::temp_dir().join(format!("giaoban-bench-{}.gbx", uuid::Uuid::now_v7()));
    let work = {
        let (writer, done, started, out, path) = (
            Arc::clone(&writer),
            Arc::clone(&done),
            Arc::clone(&started),
            out.clone(),
            path.to_path_buf(),
        );
        std::thread::spawn(move || -> Result<f64> {
            use crate::app::documents::{self, Period, Target};
            let o = ExportOptions::default();
            let period = Period {
                from: None,
                to: None,
                as_of: crate::date::today(),
                basis: crate::timeliness::DeadlineBasis::Approved,
            };
            let report = Target::File(out.with_extension("docx"));
            let t = Instant::now();
            let outcome = if on_reader {
                // As the window does: read on a reader; the export noted and the report
                // numbered in short writes; the report's file built holding nothing.
                let reader = Store::open_reader(&path)?;
                started.wait();
                let w = exchange::write_bundle(&reader, &out, &o, &mut |_, _| {});
                let draft = documents::unit_report_draft(reader.conn(), period, false, &report);
                w.and_then(|w| {
                    let draft = draft?;
                    let number = {
                        let mut s = writer.lock().unwrap_or_else(|p| p.into_inner());
                        s.write(|tx| {
                            exchange::record_export(tx, w)?;
                            draft.number(tx)
                        })?
                    };
                    draft.write(number).map(|_| ())
                })
            } else {
                let mut s = writer.lock().unwrap_or_else(|p| p.into_inner());
                started.wait();
                exchange::export(&mut s, &out, &o, &mut |_, _| {})
                    .and_then(|_| documents::unit_report(&mut s, period, true, false, &report))
                    .map(|_| ())
            };
            let _ = std::fs::remove_file(out.with_extension("docx"));
            done.store(true, Ordering::Release);
            outcome.map(|()| t.elapsed().as_secs_f64() * 1000.0)
        })
    };
    started.wait();
    let mut times = Vec::new();
    let mut i = 0;
    while !done.load(Ordering::Acquire) {
        let t = Instant::now();
        {
            let mut s = writer.lock().unwrap_or_else(|p| p.into_inner());
            let text = format!("Diễn biến cuộc họp, lần lưu {i}.");
            s.write(|tx| meeting::set_minutes(tx, meeting, &text))?;
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        i += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    let export_ms = work
        .join()
        .map_err(|_| Error::Migration("the export thread stopped".into()))??;
    let _ = std::fs::remove_file(&out);
    times.sort_by(f64::total_cmp);
    Ok(Latency {
        saves: times.len(),
        p50_ms: times.first().map_or(0.0, |_| percentile(&times, 0.5)),
        p95_ms: times.first().map_or(0.0, |_| percentile(&times, 0.95)),
        max_ms: times.last().copied().unwrap_or(0.0),
        export_ms,
    })
}

/// Timings of a tracker brought in ([`intake`]).
#[derive(Debug, Clone, Serialize)]
pub struct IntakeBench {
    /// Data rows of the tracker.
    pub rows: usize,
    /// Its size, KiB.
    pub file_kb: u64,
    /// The preview (read, plan, writes rolled back), milliseconds.
    pub preview_ms: f64,
    /// Of which the file read and parsed, holding no store (the window's editor saves on),
    /// milliseconds.
    pub open_ms: f64,
    /// The commit, milliseconds.
    pub commit_ms: f64,
    /// The same file again (creating nothing), milliseconds.
    pub again_ms: f64,
    /// Directives created by the commit.
    pub created: usize,
    /// Directives the second import created (must be 0).
    pub again_created: usize,
}

/// A tracker workbook of `rows` rows naming this database's units, brought into a new
/// database (holding the same units) in a temporary folder: preview, commit, and again.
pub fn intake(store: &Store, rows: usize) -> Result<IntakeBench> {
    use crate::intake::{self, Options};
    use crate::unit::{self, NewUnit};
    let units: Vec<(String, Option<String>)> = unit::list(store.conn(), false)?
        .into_iter()
        .map(|u| (u.name, u.code))
        .collect();
    if units.is_empty() {
        return Err(Error::NotEmpty);
    }
    let dir = std::env::temp_dir().join(format!("giaoban-bench-intake-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).map_err(Error::io(&dir))?;
    let run = || -> Result<IntakeBench> {
        let file = dir.join("theo-doi.xlsx");
        write_tracker(&file, rows, &units)?;
        let file_kb = std::fs::metadata(&file).map_err(Error::io(&file))?.len() / 1024;
        let mut fresh = Store::open(&dir.join("bench.sqlite3"), crate::store::OpenMode::Create)?;
        fresh.write(|tx| {
            for (name, code) in &units {
                unit::create(
                    tx,
                    NewUnit {
                        name: name.clone(),
                        short_name: None,
                        code: code.clone(),
                        kind: unit::UnitKind::Division,
                        parent_id: None,
                        sort_order: 0,
                    },
                )?;
            }
            Ok(())
        })?;
        let o = Options::default();
        let t = Instant::now();
        let opened = intake::open(&file, &o)?;
        let open_ms = ms(t.elapsed());
        opened.preview(&mut fresh, &o)?;
        let preview_ms = ms(t.elapsed());
        let t = Instant::now();
        let made = intake::commit(&mut fresh, &file, &o)?;
        let commit_ms = ms(t.elapsed());
        let t = Instant::now();
        let again = intake::commit(&mut fresh, &file, &o)?;
        let again_ms = ms(t.elapsed());
        Ok(IntakeBench {
            rows,
            file_kb,
            preview_ms,
            open_ms,
            commit_ms,
            again_ms,
            created: made.directives.len(),
            again_created: again.directives.len(),
        })
    };
    let out = run();
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// A tracker as offices keep them: title, header, one directive a row (a tenth done, a
/// tenth under way), dates as Excel dates, sources by document number.
fn write_tracker(path: &Path, rows: usize, units: &[(String, Option<String>)]) -> Result<()> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let bad = |e: rust_xlsxwriter::XlsxError| Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    };
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(0, 0, "BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ")
        .map_err(bad)?;
    for (c, h) in [
        "STT",
        "Nội dung nhiệm vụ",
        "Văn bản giao",
        "Ngày giao",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời hạn",
        "Kết quả thực hiện",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *h).map_err(bad)?;
    }
    for k in 0..rows {
        let r = 3 + k as u32;
        let (month, day) = (1 + (k % 12) as u8, 1 + (k % 28) as u8);
        let lead = &units[k % units.len()].0;
        let coordinating = &units[(k + 1) % units.len()].0;
        ws.write_number(r, 0, (k + 1) as f64).map_err(bad)?;
        ws.write_string(
            r,
            1,
            format!(
                "Nhiệm vụ số {} về chuyển đổi số và cải cách hành chính",
                k + 1
            ),
        )
        .map_err(bad)?;
        ws.write_string(r, 2, format!("Thông báo số {}/TB-STTTT", 1 + k % 300))
            .map_err(bad)?;
        let given = ExcelDateTime::from_ymd(2025, month, day).map_err(bad)?;
        ws.write_datetime_with_format(r, 3, given, &date)
            .map_err(bad)?;
        ws.write_string(r, 4, lead).map_err(bad)?;
        if coordinating != lead {
            ws.write_string(r, 5, coordinating).map_err(bad)?;
        }
        let due = ExcelDateTime::from_ymd(2025, month, 28).map_err(bad)?;
        ws.write_datetime_with_format(r, 6, due, &date)
            .map_err(bad)?;
        let progress = match k % 10 {
            0 => format!("Đã hoàn thành ngày {day}/{month}/2025"),
            1 => "Đang thực hiện".to_string(),
            _ => String::new(),
        };
        if !progress.is_empty() {
            ws.write_string(r, 7, progress).map_err(bad)?;
        }
    }
    wb.save(path).map_err(bad)
}

/// What `bench backup` measured: the backup at start and after ten minutes of typing.
#[derive(Debug, Serialize)]
pub struct BackupBench {
    /// Directives in the database.
    pub directives: u64,
    /// The database file, MB.
    pub database_mb: f64,
    /// The first backup at start: the mirror made whole, milliseconds and MB written.
    pub first_ms: f64,
    /// MB written by it.
    pub first_written_mb: f64,
    /// A start on unchanged data, milliseconds.
    pub unchanged_ms: f64,
    /// MB written by it (none is the goal).
    pub unchanged_written_mb: f64,
    /// Saves made by ten minutes of typing (the minutes rewritten every 0.8 s).
    pub typing_saves: usize,
    /// The periodic backup after them, milliseconds.
    pub after_typing_ms: f64,
    /// MB written by it.
    pub after_typing_written_mb: f64,
}

/// Bytes this process has written so far (Linux `/proc/self/io`), when known.
fn bytes_written() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("wchar:"))
        .and_then(|v| v.trim().parse().ok())
}

/// Measures [`BackupBench`] on the database of `store` (a scratch copy: the newest
/// meeting's minutes are rewritten), into a new backup folder beside it, removed after.
pub fn backup(store: &mut Store) -> Result<BackupBench> {
    use crate::backup::{self, Reason};
    let db = store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::NoDatabase {
            path: "(memory)".into(),
        })?;
    let dir = db.with_file_name(format!("bench-backups-{}", uuid::Uuid::now_v7()));
    let mb = |b: u64| (b as f64 / 1e6 * 10.0).round() / 10.0;
    let timed = |reason: Reason| -> Result<(f64, f64)> {
        let (before, t) = (bytes_written(), Instant::now());
        backup::make(&db, &dir, reason)?;
        let took = ms(t.elapsed());
        Ok((
            took,
            mb(bytes_written().zip(before).map_or(0, |(a, b)| a - b)),
        ))
    };
    let run = |store: &mut Store| -> Result<BackupBench> {
        let directives: i64 =
            store
                .conn()
                .query_row("SELECT count(*) FROM directive", [], |r| r.get(0))?;
        let directives = directives as u64;
        let database_mb = mb(std::fs::metadata(&db).map_err(Error::io(&db))?.len());
        let (first_ms, first_written_mb) = timed(Reason::Start)?;
        let (unchanged_ms, unchanged_written_mb) = timed(Reason::Start)?;
        let meeting = a_meeting_under_way(store)?.id;
        let typing_saves = 750;
        let mut text = String::from("Biên bản cuộc họp.\n");
        for i in 0..typing_saves {
            text.push_str(&format!(
                "Ý kiến {i}: đề nghị các đơn vị khẩn trương hoàn thành. "
            ));
            store.write(|tx| meeting::set_minutes(tx, meeting, &text))?;
        }
        let (after_typing_ms, after_typing_written_mb) = timed(Reason::Periodic)?;
        Ok(BackupBench {
            directives,
            database_mb,
            first_ms,
            first_written_mb,
            unchanged_ms,
            unchanged_written_mb,
            typing_saves,
            after_typing_ms,
            after_typing_written_mb,
        })
    };
    let out = run(store);
    let _ = std::fs::remove_dir_all(&dir);
    out
}
