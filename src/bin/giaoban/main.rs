//! `giaoban`: the command-line tool over the Giao Ban core, for administrators, scripts
//! and benchmarks. Every listing prints a table, or JSON with `--json`. Errors print one
//! line in Vietnamese (`--lang en` for English) and exit non-zero.

mod args;
mod exchange;
mod intake;
mod render;

use std::process::ExitCode;

use clap::Parser;
use giaoban::date;
use giaoban::demo::{self, DemoOptions};
use giaoban::directive::{self, DirectiveQuery, NewDirective, Source};
use giaoban::error::{Error, Field, Result};
use giaoban::meeting::MeetingFilter;
use giaoban::store::{self, OpenMode, Store};
use giaoban::unit::{self, NewUnit};
use giaoban::{Lang, backup, extract, meeting, minutes, person, search, stats};

use args::{
    BenchCmd, Cli, Command, DirectiveFilter, DirectivesCmd, ExportCmd, MeetingCmd, MeetingsCmd,
    NumberingArgs, PeopleCmd, ReportCmd, StatsCmd, UnitsCmd,
};

fn main() -> ExitCode {
    // Piped into `head` or `grep -m1`, the tool stops quietly when the reader goes away, as
    // other command-line tools do, instead of panicking on the closed pipe.
    sigpipe::reset();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return args::usage_error(e),
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let prefix = if lang == Lang::Vi { "Lỗi" } else { "Error" };
            eprintln!("{prefix}: {}", e.message(lang));
            // Asked for JSON, a script reads the failure as JSON too: what kind, and the
            // words a user reads.
            if std::env::args_os().any(|a| a == "--json") {
                let debug = format!("{e:?}");
                let kind = debug
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
                let error =
                    serde_json::json!({ "error": { "kind": kind, "message": e.message(lang) } });
                println!("{error}");
            }
            if std::env::var_os("GIAOBAN_DEBUG").is_some() {
                eprintln!("{e:?}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let path = cli.db.clone().unwrap_or_else(store::default_path);
    let lang = cli.lang;
    match &cli.command {
        Command::Extract { date, units, json } => {
            let out = render::Out { lang, json: *json };
            return extract(&path, date.as_deref(), units.as_deref(), out);
        }
        Command::Restore {
            file,
            as_that_machine,
            json,
        } => {
            let identity = if *as_that_machine {
                backup::Identity::TakeFromBackup
            } else {
                backup::Identity::KeepThisMachine
            };
            let restored = backup::restore_as(&path, file, &backup::folder(&path), identity)?;
            render::restored(render::Out { lang, json: *json }, &restored, file);
            return Ok(());
        }
        Command::UndoImport { json } => {
            let (undone, restored) = giaoban::exchange::undo_last_import(&path)?;
            let out = render::Out { lang, json: *json };
            render::undone(out, &undone);
            render::restored(out, &restored, &undone.backup);
            return Ok(());
        }
        _ => {}
    }
    let mode = match cli.command {
        Command::Init { .. } | Command::Demo { .. } => OpenMode::Create,
        _ => OpenMode::Existing,
    };
    let mut store = giaoban::app::as_machine_user(Store::open(&path, mode)?);
    let out = render::Out { lang, json: false };
    match cli.command {
        Command::Init {
            office,
            parent_agency,
            symbol,
            place,
            signer_authority,
            signer_over,
            signer_title,
            signer_name,
        } => {
            let given = [
                office,
                parent_agency,
                symbol,
                place,
                signer_authority,
                signer_over,
                signer_title,
                signer_name,
            ];
            // The details given change the office's, through the same checks as the window.
            if given.iter().any(Option::is_some) {
                store.write(|tx| giaoban::office::amend(tx, given).map(|_| ()))?;
            }
            render::initialised(lang, &path);
        }
        Command::Check { json } => {
            let report = store.check()?;
            render::check(out.with(json), &report);
            if !report.ok {
                return Err(Error::Corrupt { path });
            }
        }
        Command::Demo { if_empty: true, .. } if !unit::list(store.conn(), true)?.is_empty() => {
            render::kept(lang, &path);
        }
        Command::Demo {
            meetings,
            directives_per_meeting,
            seed,
            anchor,
            ..
        } => {
            let anchor = anchor
                .map(|a| date::parse(&a, Field::Date))
                .transpose()?
                .unwrap_or_else(date::today);
            let started = std::time::Instant::now();
            let summary = demo::generate(
                &mut store,
                &DemoOptions {
                    meetings,
                    directives_per_meeting,
                    seed,
                    anchor,
                },
            )?;
            render::demo(out, &summary, started.elapsed(), &path);
        }
        Command::Units { cmd } => match cmd {
            UnitsCmd::List { all, json } => {
                render::units(out.with(json), &unit::list(store.conn(), all)?)
            }
            UnitsCmd::Add {
                name,
                code,
                short_name,
                kind,
                parent,
                sort_order,
            } => {
                let parent_id = parent
                    .map(|p| unit::resolve(store.conn(), &p, Field::Parent))
                    .transpose()?
                    .map(|u| u.id);
                let u = store.write(|tx| {
                    unit::create(
                        tx,
                        NewUnit {
                            name,
                            short_name,
                            code,
                            kind,
                            parent_id,
                            sort_order,
                        },
                    )
                })?;
                render::units(out, &[u]);
            }
        },
        Command::People {
            cmd: PeopleCmd::List { unit, all, json },
        } => {
            let unit_id = unit
                .map(|u| unit::resolve(store.conn(), &u, Field::Name))
                .transpose()?
                .map(|u| u.id);
            render::people(
                out.with(json),
                store.conn(),
                &person::list(store.conn(), unit_id, all)?,
            )?;
        }
        Command::Meetings {
            cmd:
                MeetingsCmd::List {
                    from,
                    to,
                    text,
                    limit,
                    json,
                },
        } => {
            let filter = MeetingFilter {
                from: from.map(|d| date::parse(&d, Field::Period)).transpose()?,
                to: to.map(|d| date::parse(&d, Field::Period)).transpose()?,
                kind: None,
                text,
                limit: (limit > 0).then_some(limit),
                offset: None,
            };
            render::meetings(out.with(json), &meeting::list(store.conn(), &filter)?);
        }
        Command::Meeting {
            cmd: MeetingCmd::Show { id, json },
        } => {
            let m = meeting::resolve(store.conn(), &id)?;
            render::meeting(
                out.with(json),
                &minutes::record(store.conn(), m.id, date::today())?,
            );
        }
        Command::Directives { cmd } => directives(&mut store, out, cmd)?,
        Command::Search { query, limit, json } => {
            render::search(
                out.with(json),
                &search::search(store.conn(), &query, limit)?,
            );
        }
        Command::Bench {
            cmd: BenchCmd::Write { count },
        } => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            giaoban::bench::write_loop(&mut store, count, |id| {
                // Printed only after the commit returned: an acknowledged write.
                let _ = writeln!(stdout, "ack {id}").and_then(|_| stdout.flush());
            })?;
        }
        Command::Bench {
            cmd: BenchCmd::LongMeeting { chars, directives },
        } => {
            println!(
                "{}",
                giaoban::bench::long_meeting(&mut store, chars, directives)?
            );
        }
        Command::Bench { cmd } => {
            let figures = match cmd {
                BenchCmd::Write { .. } | BenchCmd::LongMeeting { .. } => {
                    unreachable!("matched above")
                }
                BenchCmd::Search { rounds } => {
                    serde_json::to_value(giaoban::bench::search(&mut store, rounds)?)
                }
                BenchCmd::Extract { rounds } => {
                    serde_json::to_value(giaoban::bench::extract(&store, rounds)?)
                }
                BenchCmd::Intake { rows } => {
                    serde_json::to_value(giaoban::bench::intake(&store, rows)?)
                }
                BenchCmd::Backup => serde_json::to_value(giaoban::bench::backup(&mut store)?),
                BenchCmd::Autosave => {
                    serde_json::to_value(giaoban::bench::autosave_during_export(&mut store)?)
                }
                BenchCmd::Exchange { runs } => {
                    serde_json::to_value(giaoban::bench::exchange(&mut store, runs)?)
                }
                BenchCmd::Dashboard { reporting, rounds } => {
                    use chrono::Datelike;
                    let r = reporting.read()?;
                    let year = |m, d| {
                        chrono::NaiveDate::from_ymd_opt(r.as_of.year(), m, d).expect("a real date")
                    };
                    let (from, to) = (r.from.unwrap_or(year(1, 1)), r.to.unwrap_or(year(12, 31)));
                    serde_json::to_value(giaoban::bench::dashboard(
                        &store, from, to, r.as_of, rounds,
                    )?)
                }
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&figures.expect("figures serialise"))
                    .expect("figures serialise")
            );
        }
        Command::Export {
            cmd: ExportCmd::Bundle(a),
        } => exchange::export(&mut store, out, a)?,
        Command::Import {
            file,
            dry_run,
            sheet,
            create_units,
            given,
            columns,
            as_new,
            json,
            ..
        } if giaoban::intake::kind(&file)? != giaoban::intake::FileKind::Gbx => intake::import(
            &mut store,
            out,
            &file,
            intake::IntakeArgs {
                dry_run,
                sheet,
                create_units,
                given_on: given
                    .map(|d| date::parse(&d, Field::AssignedOn))
                    .transpose()?,
                columns: &columns,
                as_new: &as_new,
                json,
            },
        )?,
        Command::Import {
            file,
            dry_run,
            trust,
            grant,
            passphrase_file,
            receipt,
            json,
            ..
        } => exchange::import(
            &mut store,
            out,
            &file,
            exchange::ImportArgs {
                dry_run,
                trust: trust.then_some(grant),
                passphrase_file: passphrase_file.as_deref(),
                receipt: receipt.as_deref(),
                json,
            },
        )?,
        Command::Receipt { file, json } => exchange::receipt(&store, out, &file, json)?,
        Command::Peers { cmd } => exchange::peers(&mut store, out, cmd)?,
        Command::Identity { name, json } => exchange::identity_cmd(&mut store, out, name, json)?,
        Command::Conflicts { cmd } => exchange::conflicts(&mut store, out, cmd)?,
        Command::Extract { .. } | Command::Restore { .. } | Command::UndoImport { .. } => {
            unreachable!("handled before the database is opened")
        }
        cmd @ (Command::Export { .. } | Command::Report { .. }) => documents(&mut store, out, cmd)?,
        Command::Audit {
            entity,
            id,
            actor,
            from,
            to,
            limit,
            json,
            csv,
        } => {
            let day = |s: Option<String>| s.map(|s| date::parse(&s, Field::Period)).transpose();
            let q = giaoban::audit::AuditQuery {
                entity,
                entity_id: id,
                actor,
                from: day(from)?,
                to: day(to)?,
                limit: Some(limit),
                offset: None,
            };
            let rows = giaoban::audit::list(store.conn(), &q)?;
            if csv {
                print!("{}", giaoban::document::history::to_csv(&rows));
            } else {
                render::audit(out.with(json), &rows);
            }
        }
        Command::Backup {
            list,
            folder,
            default_folder,
            json,
        } => {
            if default_folder {
                backup::set_folder(&path, None)?;
            } else if let Some(dir) = &folder {
                backup::set_folder(&path, Some(dir))?;
            }
            let dir = backup::folder(&path);
            if list {
                render::backups(out.with(json), &backup::list(&dir)?);
            } else {
                let made = backup::make(&path, &dir, backup::Reason::Manual)?;
                render::backed_up(out.with(json), &made);
            }
        }
        Command::Reindex => {
            let n = store.write(search::reindex)?;
            render::reindexed(lang, n);
        }
        Command::Stats {
            cmd: StatsCmd::Units { reporting, json },
        } => {
            let r = reporting.read()?;
            let table = stats::by_unit(store.conn(), r.from, r.to, r.as_of, r.basis)?;
            render::unit_stats(out.with(json), &table);
        }
    }
    Ok(())
}

fn directives(store: &mut Store, out: render::Out, cmd: DirectivesCmd) -> Result<()> {
    match cmd {
        DirectivesCmd::List {
            filter,
            limit,
            json,
        } => {
            let q = directive_query(store.conn(), filter, limit)?;
            render::directives(out.with(json), &directive::list(store.conn(), &q)?, q.as_of);
        }
        DirectivesCmd::Progress {
            id,
            percent,
            note,
            on,
            files,
        } => {
            let percent = giaoban::followup::percent(&percent)?;
            let reported_on = match on {
                Some(d) => date::parse(&d, Field::Date)?,
                None => date::today(),
            };
            let mut sent = Vec::new();
            for f in files {
                let content = std::fs::read(&f).map_err(Error::io(&f))?;
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                sent.push(giaoban::followup::NewFile { name, content });
            }
            let new = giaoban::followup::NewProgress {
                reported_on,
                reporter_id: None,
                percent,
                note,
            };
            let dir = store.attachments_dir().unwrap_or_default();
            let p =
                store.write(|tx| giaoban::followup::report_progress(tx, &dir, id, new, &sent))?;
            println!(
                "{}: {}% {}",
                out.t("Đã ghi tiến độ", "Progress recorded"),
                p.percent,
                date::format(p.reported_on)
            );
        }
        DirectivesCmd::Extend { id, to, reason } => {
            let new = giaoban::followup::NewExtension {
                new_deadline: date::parse(&to, Field::Deadline)?,
                reason,
                approver_id: None,
                approved_on: date::today(),
            };
            let e = store.write(|tx| giaoban::followup::extend_deadline(tx, id, new))?;
            println!(
                "{}: {} → {}",
                out.t("Đã gia hạn", "Extended"),
                date::format(e.previous_deadline),
                date::format(e.new_deadline)
            );
        }
        DirectivesCmd::Add {
            content,
            lead,
            coord,
            deadline,
            meeting,
            document,
            document_date,
            assigned,
            leader,
            output,
            allow_past_deadline,
            json,
        } => {
            let conn = store.conn();
            let lead_unit_id = unit::resolve(conn, &lead, Field::LeadUnit)?.id;
            let coordinating_unit_ids = coord
                .iter()
                .map(|c| unit::resolve(conn, c, Field::CoordinatingUnits).map(|u| u.id))
                .collect::<Result<Vec<_>>>()?;
            let source = match (meeting, document) {
                (Some(m), _) => Source::Meeting {
                    meeting_id: meeting::resolve(conn, &m)?.id,
                    conclusion_id: None,
                },
                (None, Some(number)) => Source::Document {
                    number,
                    date: date::parse(document_date.as_deref().unwrap_or(""), Field::Date)?,
                },
                (None, None) => Source::Document {
                    number: String::new(),
                    date: date::today(),
                },
            };
            let new = NewDirective {
                content,
                expected_output: output,
                source,
                assigned_on: assigned
                    .map(|d| date::parse(&d, Field::AssignedOn))
                    .transpose()?,
                directing_leader_id: leader
                    .map(|p| person::resolve(conn, &p, Field::DirectingLeader))
                    .transpose()?
                    .map(|p| p.id),
                lead_unit_id,
                coordinating_unit_ids,
                deadline: deadline
                    .map(|d| date::parse(&d, Field::Deadline))
                    .transpose()?,
                priority: Default::default(),
                allow_deadline_before_assigned: allow_past_deadline,
                of_record: false,
            };
            let d = store.write(|tx| directive::create(tx, new))?;
            render::directive_added(out.with(json), &d);
        }
    }
    Ok(())
}

/// `extract`: the directives proposed for a text on standard input. Units come from
/// `units_file` when given (no database needed), else from the database.
fn extract(
    db: &std::path::Path,
    day: Option<&str>,
    units_file: Option<&std::path::Path>,
    out: render::Out,
) -> Result<()> {
    use std::io::Read;
    let meeting_date = match day {
        Some(s) => date::parse(s, Field::Date)?,
        None => date::today(),
    };
    let (directory, calendar) = match units_file {
        Some(f) => {
            let bytes = std::fs::read(f).map_err(Error::io(f))?;
            // A file saved by Notepad starts with a byte-order mark; no name holds one.
            let text = giaoban::text::without_controls(&String::from_utf8_lossy(&bytes));
            let names: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            // Without a database, "N ngày làm việc" counts on the national calendar.
            (extract::Directory::from_names(&names), None)
        }
        None => {
            let store = Store::open(db, OpenMode::Existing)?;
            let units = unit::list(store.conn(), false)?;
            let calendar = giaoban::office::calendar(store.conn())?;
            (extract::Directory::from_units(&units), Some(calendar))
        }
    };
    // Read no more than the extractor reads: an endless pipe stops at its limit.
    let mut input = Vec::new();
    std::io::stdin()
        .take(extract::MAX_BYTES as u64 + 1)
        .read_to_end(&mut input)
        .map_err(Error::io(std::path::Path::new("-")))?;
    let anchor = giaoban::deadline::Anchor {
        day: meeting_date,
        calendar: calendar.as_ref(),
        opens_month: false,
    };
    // Saved by Notepad as "Unicode" (UTF-16) or in Vietnamese Windows' code page: read as
    // a CSV file is.
    let text = giaoban::intake::sheet::decode(&input);
    extract::check_length(&text)?;
    let mut found = extract::extract(&text, anchor, &directory);
    // Without --date, deadlines count from the meeting's day when the text states it.
    if let (None, Some(held)) = (day, found.meeting.date)
        && held != anchor.day
    {
        let anchor = giaoban::deadline::Anchor {
            day: held,
            ..anchor
        };
        found = extract::extract(&text, anchor, &directory);
    }
    // With --date, the table shows that day as the meeting's (deadlines are counted from
    // it); the JSON keeps what the text states, as its contract says.
    if day.is_some() && !out.json {
        found.meeting.date = Some(meeting_date);
    }
    render::extraction(out, &found);
    Ok(())
}

/// The query a [`DirectiveFilter`] asks for, at most `limit` rows (0 = all).
fn directive_query(
    conn: &rusqlite::Connection,
    f: DirectiveFilter,
    limit: u32,
) -> Result<DirectiveQuery> {
    let r = f.reporting.read()?;
    Ok(DirectiveQuery {
        as_of: r.as_of,
        basis: r.basis,
        unit: f
            .unit
            .map(|u| unit::resolve(conn, &u, Field::Name))
            .transpose()?
            .map(|u| u.id),
        unit_role: f.role,
        overdue: f.overdue,
        due_within: f.due_within,
        meeting: f
            .meeting
            .map(|m| meeting::resolve(conn, &m))
            .transpose()?
            .map(|m| m.id),
        carried_into: None,
        from: r.from,
        to: r.to,
        limit: (limit > 0).then_some(limit),
        leader: f
            .leader
            .map(|p| giaoban::person::resolve(conn, &p, Field::DirectingLeader))
            .transpose()?
            .map(|p| p.id),
        bucket: f.bucket,
        status: f.status,
        text: f.text,
        sort: f.sort,
        offset: 0,
        known_total: None,
    })
}

/// `export …` and `report …`.
fn documents(store: &mut Store, out: render::Out, cmd: Command) -> Result<()> {
    use giaoban::app::documents::{self, Target};
    use giaoban::document::{self, DocKind, Numbering};
    let mut meeting_doc =
        |kind: DocKind, meeting: &str, file: Option<std::path::PathBuf>, n: &NumberingArgs| {
            let numbering = match (n.preview, n.number) {
                (true, _) => Numbering::Preview,
                (false, Some(k)) => Numbering::Number(k),
                (false, None) => Numbering::Issue,
            };
            let id = meeting::resolve(store.conn(), meeting)?.id;
            let w = documents::meeting_document(store, kind, id, numbering, &Target::given(file))?;
            Ok::<_, giaoban::Error>((w, n.pdf))
        };
    let (written, want_pdf) = match cmd {
        Command::Export { cmd } => match cmd {
            ExportCmd::Minutes {
                meeting,
                out: file,
                numbering: n,
            } => meeting_doc(DocKind::Minutes, &meeting, file, &n)?,
            ExportCmd::Notice {
                meeting,
                out: file,
                numbering: n,
            } => meeting_doc(DocKind::Notice, &meeting, file, &n)?,
            ExportCmd::Directives {
                filter,
                out: file,
                csv,
            } => {
                let q = directive_query(store.conn(), filter, 0)?;
                let w = documents::directive_list(store.conn(), q, csv, &Target::given(file))?;
                (w, false)
            }
            ExportCmd::Bundle(_) => unreachable!("exchange files are written by exchange::bundle"),
        },
        Command::Report {
            cmd:
                ReportCmd::Units {
                    reporting,
                    out: file,
                    xlsx,
                    preview,
                    pdf,
                },
        } => {
            let period = reporting.read()?;
            let w = documents::unit_report(store, period, !xlsx, preview, &Target::given(file))?;
            (w, pdf)
        }
        _ => unreachable!("only export and report commands come here"),
    };
    render::written(out, &written);
    if want_pdf {
        let pdf = document::to_pdf(&written.path)?;
        render::written(
            out,
            &document::Written {
                path: pdf,
                number: None,
            },
        );
    }
    Ok(())
}
