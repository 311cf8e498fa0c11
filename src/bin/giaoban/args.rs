//! Command-line arguments. Dates are taken as text and read by the core, so a bad date
//! gets the core's message in the user's language.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use giaoban::app::documents::Period;
use giaoban::directive::{DirectiveSort, DirectiveStatus, UnitRole};
use giaoban::error::{Field, Rule};
use giaoban::timeliness::{Bucket, DeadlineBasis};
use giaoban::unit::UnitKind;
use giaoban::{Lang, date};

/// Giao Ban: biên bản cuộc họp và theo dõi nhiệm vụ.
#[derive(Debug, Parser)]
#[command(name = "giaoban", version, about)]
pub struct Cli {
    /// Database file (default: the desktop app's database in the app-data folder).
    #[arg(long, global = true, env = "GIAOBAN_DB")]
    pub db: Option<PathBuf>,
    /// Language of messages: vi (default) or en.
    #[arg(long, global = true, default_value = "vi", env = "GIAOBAN_LANG")]
    pub lang: Lang,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (if missing) and set the office's details.
    Init {
        /// Office name, e.g. "Sở Thông tin và Truyền thông tỉnh Lào Cai".
        #[arg(long)]
        office: Option<String>,
        /// Parent agency (cơ quan chủ quản), e.g. "UBND tỉnh Lào Cai".
        #[arg(long)]
        parent_agency: Option<String>,
        /// Document symbol, e.g. STTTT.
        #[arg(long)]
        symbol: Option<String>,
        /// Place name of the date line (địa danh), e.g. "Lào Cai".
        #[arg(long)]
        place: Option<String>,
        /// Notice signer's authority: "TL.", "KT.", "TM." or "" (own name).
        #[arg(long)]
        signer_authority: Option<String>,
        /// The head the signer signs for, e.g. "Giám đốc".
        #[arg(long)]
        signer_over: Option<String>,
        /// The signer's title, e.g. "Chánh Văn phòng".
        #[arg(long)]
        signer_title: Option<String>,
        /// The signer's full name.
        #[arg(long)]
        signer_name: Option<String>,
    },
    /// Check integrity and schema version.
    Check {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fill an empty database with realistic sample data.
    Demo {
        /// Number of meetings.
        #[arg(long, default_value_t = giaoban::demo::MEETINGS)]
        meetings: usize,
        /// Directives given per meeting.
        #[arg(long, default_value_t = giaoban::demo::DIRECTIVES_PER_MEETING)]
        directives_per_meeting: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// "Today" of the sample data (dd/mm/yyyy); default today.
        #[arg(long)]
        anchor: Option<String>,
        /// Leave a database that already holds data as it is, without an error.
        #[arg(long)]
        if_empty: bool,
    },
    /// Organisation units.
    Units {
        /// Subcommand.
        #[command(subcommand)]
        cmd: UnitsCmd,
    },
    /// People.
    People {
        /// Subcommand.
        #[command(subcommand)]
        cmd: PeopleCmd,
    },
    /// Meetings.
    Meetings {
        /// Subcommand.
        #[command(subcommand)]
        cmd: MeetingsCmd,
    },
    /// One meeting.
    Meeting {
        /// Subcommand.
        #[command(subcommand)]
        cmd: MeetingCmd,
    },
    /// Directives.
    Directives {
        /// Subcommand.
        #[command(subcommand)]
        cmd: DirectivesCmd,
    },
    /// Search everything, typed with or without diacritics.
    Search {
        /// Words to find; "quoted words" match as a phrase.
        query: String,
        /// At most this many results per group.
        #[arg(long, default_value_t = 10)]
        limit: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the search index from the records.
    Reindex,
    /// Official documents: minutes and conclusion notices (DOCX), directive lists (XLSX, CSV).
    Export {
        /// What to export.
        #[command(subcommand)]
        cmd: ExportCmd,
    },
    /// Periodic reports.
    Report {
        /// Which report.
        #[command(subcommand)]
        cmd: ReportCmd,
    },
    /// The audit history: who changed what and when, with old and new values.
    Audit {
        /// Kind of record: meeting, directive, unit, person.
        #[arg(long)]
        entity: Option<String>,
        /// One record's id.
        #[arg(long)]
        id: Option<uuid::Uuid>,
        /// Who made the changes (user name).
        #[arg(long)]
        actor: Option<String>,
        /// First day (dd/mm/yyyy).
        #[arg(long)]
        from: Option<String>,
        /// Last day (dd/mm/yyyy).
        #[arg(long)]
        to: Option<String>,
        /// At most this many entries.
        #[arg(long, default_value_t = 200)]
        limit: u32,
        /// Print JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV for Excel (UTF-8 with BOM).
        #[arg(long)]
        csv: bool,
    },
    /// Make a verified backup now (or list them, or choose their folder).
    Backup {
        /// List the backups, newest first, instead of making one.
        #[arg(long)]
        list: bool,
        /// Keep backups in this folder from now on (e.g. a second disk).
        #[arg(long, conflicts_with = "default_folder")]
        folder: Option<PathBuf>,
        /// Keep backups in the folder beside the database again.
        #[arg(long)]
        default_folder: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a backup; the current state is backed up first.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// Take the identity of the machine the backup came from (its installation id,
        /// signing key and trusted peers): for a new PC replacing that machine, which must
        /// then no longer exchange. By default this machine keeps its own.
        #[arg(long)]
        as_that_machine: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Propose the directives of a meeting text read on standard input (UTF-8).
    Extract {
        /// Meeting date (dd/mm/yyyy or yyyy-mm-dd); deadlines are read relative to it.
        /// Default: the day the text says the meeting was held, else today.
        #[arg(long)]
        date: Option<String>,
        /// File of unit names, one a line. Default: the units of the database.
        #[arg(long)]
        units: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure speed on this database (fill it first with `demo`).
    Bench {
        /// What to measure.
        #[command(subcommand)]
        cmd: BenchCmd,
    },
    /// Import a file, told by its content: an exchange file (.gbx) from another
    /// installation (merged), a directive tracker (.xlsx, .xls, .ods, .csv) or a DOCX notice
    /// or minutes.
    Import {
        /// The file.
        file: PathBuf,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
        /// A tracker: only this sheet (default: every visible sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// A tracker or document: add the units the directory does not hold.
        #[arg(long)]
        create_units: bool,
        /// A tracker: the date given (dd/mm/yyyy) to rows that state none, nor their
        /// source's date (a sheet without a "Ngày giao" column).
        #[arg(long)]
        given: Option<String>,
        /// A tracker: the column of a field, as FIELD=LETTERS (content=C, lead=E; fields:
        /// number, content, source, assigned_on, lead, coordinating, deadline, extended,
        /// progress, completed_on, notes, leader, output, priority); repeat for each. Kept for
        /// the next file of the same layout.
        #[arg(long = "column")]
        columns: Vec<String>,
        /// A tracker: a row told as a directive brought in before and changed since that is
        /// a new directive instead, as ROW or SHEET:ROW; repeat for each.
        #[arg(long = "as-new")]
        as_new: Vec<String>,
        /// Trust the sender (compare the fingerprint with it first), with --role.
        #[arg(long, requires = "role")]
        trust: bool,
        /// What the sender trusted now may change here.
        #[command(flatten)]
        grant: crate::exchange::GrantArgs,
        /// The passphrase of an encrypted file, in this file (its first line).
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// Write a signed receipt for the sender to this file (after a real import).
        #[arg(long, conflicts_with = "dry_run")]
        receipt: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a receipt sent back by the office that imported a file made here.
    Receipt {
        /// The receipt file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Undo the last import by restoring the backup made just before it.
    UndoImport {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Installations met through exchange files, and trust in them.
    Peers {
        /// Subcommand.
        #[command(subcommand)]
        cmd: crate::exchange::PeersCmd,
    },
    /// This installation's name and key fingerprint (as others see them).
    Identity {
        /// Set the name, e.g. "Văn phòng Sở TTTT Lào Cai".
        #[arg(long)]
        name: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Texts kept from concurrent edits on two installations.
    Conflicts {
        /// Subcommand.
        #[command(subcommand)]
        cmd: crate::exchange::ConflictsCmd,
    },
    /// Statistics.
    Stats {
        /// Subcommand.
        #[command(subcommand)]
        cmd: StatsCmd,
    },
}

/// `units …`
#[derive(Debug, Subcommand)]
pub enum UnitsCmd {
    /// List units in report order.
    List {
        /// Include inactive units.
        #[arg(long)]
        all: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a unit.
    Add {
        /// Full name.
        #[arg(long)]
        name: String,
        /// Abbreviation (unique).
        #[arg(long)]
        code: Option<String>,
        /// Short name.
        #[arg(long)]
        short_name: Option<String>,
        /// Kind of body: department, office, division, center, inspectorate, district, external, other.
        #[arg(long, default_value = "division", value_parser = snake_case::<UnitKind>)]
        kind: UnitKind,
        /// Parent unit (name, code or id).
        #[arg(long)]
        parent: Option<String>,
        /// Position in lists.
        #[arg(long, default_value_t = 500)]
        sort_order: i32,
    },
}

/// `people …`
#[derive(Debug, Subcommand)]
pub enum PeopleCmd {
    /// List people.
    List {
        /// Only people of this unit (name, code or id).
        #[arg(long)]
        unit: Option<String>,
        /// Include inactive people.
        #[arg(long)]
        all: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `meetings …`
#[derive(Debug, Subcommand)]
pub enum MeetingsCmd {
    /// List meetings, newest first.
    List {
        /// From this date (dd/mm/yyyy).
        #[arg(long)]
        from: Option<String>,
        /// Up to this date (dd/mm/yyyy).
        #[arg(long)]
        to: Option<String>,
        /// Words of the title, with or without diacritics.
        #[arg(long)]
        text: Option<String>,
        /// At most this many (0 = all).
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `meeting …`
#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Show one meeting with attendees, opinions, conclusions and directives.
    Show {
        /// Meeting id, or its first characters.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `directives …`
#[derive(Debug, Subcommand)]
pub enum DirectivesCmd {
    /// List directives (newest first; overdue and due-soon lists by deadline).
    List {
        /// Which directives.
        #[command(flatten)]
        filter: DirectiveFilter,
        /// At most this many rows (0 = all).
        #[arg(long, default_value_t = 100)]
        limit: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record a new directive.
    Add {
        /// What must be done.
        #[arg(long)]
        content: String,
        /// Lead unit (name, code, abbreviation or id).
        #[arg(long)]
        lead: String,
        /// Coordinating unit; repeat for several.
        #[arg(long)]
        coord: Vec<String>,
        /// Deadline (dd/mm/yyyy); none = không thời hạn.
        #[arg(long)]
        deadline: Option<String>,
        /// Source meeting id.
        #[arg(long, conflicts_with = "document")]
        meeting: Option<String>,
        /// Source document number, e.g. 45/TB-STTTT.
        #[arg(long, requires = "document_date")]
        document: Option<String>,
        /// Source document date.
        #[arg(long)]
        document_date: Option<String>,
        /// Date given (default: the source's date).
        #[arg(long)]
        assigned: Option<String>,
        /// Directing leader (name or id).
        #[arg(long)]
        leader: Option<String>,
        /// Expected output.
        #[arg(long)]
        output: Option<String>,
        /// Accept a deadline earlier than the date given.
        #[arg(long)]
        allow_past_deadline: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Report a directive's progress (ghi tiến độ): the percent done, what was done, and the
    /// files sent with it, dated today unless `--on` says otherwise.
    Progress {
        /// The directive's id.
        id: uuid::Uuid,
        /// Percent done, 0–100.
        #[arg(long)]
        percent: String,
        /// What was done.
        #[arg(long, default_value = "")]
        note: String,
        /// The day of the report (dd/mm/yyyy, default today).
        #[arg(long)]
        on: Option<String>,
        /// A file sent with it (repeat for several).
        #[arg(long = "file")]
        files: Vec<std::path::PathBuf>,
    },
    /// Extend a directive's deadline (gia hạn), approved today; made on a unit's machine,
    /// it reaches the giving office as a request for its leader.
    Extend {
        /// The directive's id.
        id: uuid::Uuid,
        /// The new deadline (dd/mm/yyyy).
        #[arg(long)]
        to: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
}

/// The period, reporting date and deadline basis of a listing or report.
#[derive(Debug, clap::Args)]
pub struct Reporting {
    /// Directives given on or after this date.
    #[arg(long)]
    from: Option<String>,
    /// Directives given on or before this date.
    #[arg(long)]
    to: Option<String>,
    /// Reporting date (default today).
    #[arg(long)]
    as_of: Option<String>,
    /// Judge against the original deadline instead of the approved one.
    #[arg(long)]
    original_deadline: bool,
}

impl Reporting {
    /// Reads the dates (today when no reporting date is given); a period that ends before
    /// it starts is refused.
    pub fn read(self) -> giaoban::Result<Period> {
        let as_of = self
            .as_of
            .map(|d| date::parse(&d, Field::Date))
            .transpose()?
            .unwrap_or_else(date::today);
        let from = self
            .from
            .map(|d| date::parse(&d, Field::Period))
            .transpose()?;
        let to = self
            .to
            .map(|d| date::parse(&d, Field::Period))
            .transpose()?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(giaoban::Error::invalid(
                Field::Period,
                Rule::EndNotAfterStart,
            ));
        }
        let basis = if self.original_deadline {
            DeadlineBasis::Original
        } else {
            DeadlineBasis::Approved
        };
        Ok(Period {
            from,
            to,
            as_of,
            basis,
        })
    }
}

/// `bench …`
#[derive(Debug, Subcommand)]
pub enum BenchCmd {
    /// Search queries (p50/p95) and autosave index updates; index size on disk.
    Search {
        /// Times each query is repeated.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// The crash harness's writer: COUNT transactions on the newest meeting (a directive
    /// added and the minutes replaced in each), printing `ack <directive id>` after each
    /// commit.
    Write {
        /// Transactions to commit.
        #[arg(long, default_value_t = 1000)]
        count: usize,
    },
    /// Makes the newest meeting a long one (minutes of CHARS characters, DIRECTIVES
    /// directives) and opens it in the editor, for `scripts/bench-editor.mjs`; prints its id.
    LongMeeting {
        /// Characters of minutes body, at least.
        #[arg(long, default_value_t = 50_000)]
        chars: usize,
        /// Directives given in the meeting.
        #[arg(long, default_value_t = 200)]
        directives: usize,
    },
    /// The leader's overview for a period: the per-unit table against the same counts
    /// asked of SQLite directly, and everything the page asks for.
    Dashboard {
        /// Period (default: the reporting date's year) and reporting date.
        #[command(flatten)]
        reporting: Reporting,
        /// Times each is run.
        #[arg(long, default_value_t = 10)]
        rounds: usize,
    },
    /// Exchange: the whole database exported, imported into an empty database, and a second
    /// whole bundle imported again (changing nothing), in a temporary folder; medians of the
    /// runs.
    Exchange {
        /// Times the three steps are run.
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// The editor's autosave (every 100 ms) while the whole database is exported and the
    /// per-unit report made: on the one connection, as the window did, and on a reader of
    /// their own, as it does now (p50/p95/max). Rewrites the newest meeting's minutes.
    Autosave,
    /// The backup at start (the first, whole; then on unchanged data) and after ten minutes
    /// of typing, into a new folder beside the database: time and MB written. Rewrites the
    /// newest meeting's minutes.
    Backup,
    /// A tracker workbook of ROWS rows naming this database's units, brought into a new
    /// database in a temporary folder: preview, commit, and the same file again.
    Intake {
        /// Rows of the tracker.
        #[arg(long, default_value_t = 20_000)]
        rows: usize,
    },
    /// Directive extraction: each meeting's conclusions, and 1 MiB of them at once.
    Extract {
        /// Times the 1 MiB text is read.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
}

/// Which directives a listing or an export takes.
#[derive(Debug, clap::Args)]
pub struct DirectiveFilter {
    /// Only open directives past their deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Only open directives due within this many days.
    #[arg(long, conflicts_with = "overdue")]
    pub due_within: Option<u32>,
    /// Only directives of this unit (name, code, abbreviation or id).
    #[arg(long)]
    pub unit: Option<String>,
    /// The unit's role: any, lead or coordinating.
    #[arg(long, default_value = "any", value_parser = snake_case::<UnitRole>)]
    pub role: UnitRole,
    /// Only directives of this meeting.
    #[arg(long)]
    pub meeting: Option<String>,
    /// Only directives given by this leader (name typed with or without diacritics, or id).
    #[arg(long)]
    pub leader: Option<String>,
    /// Only this bucket: done_on_time, done_late, open_within_deadline, open_overdue.
    #[arg(long, value_parser = snake_case::<Bucket>)]
    pub bucket: Option<Bucket>,
    /// Only this status: assigned, in_progress, awaiting_confirmation, done, cancelled, suspended.
    #[arg(long, value_parser = snake_case::<DirectiveStatus>)]
    pub status: Option<DirectiveStatus>,
    /// Only directives whose content, output or number hold these words.
    #[arg(long)]
    pub text: Option<String>,
    /// Order: newest, deadline or unit.
    #[arg(long, default_value = "newest", value_parser = snake_case::<DirectiveSort>)]
    pub sort: DirectiveSort,
    /// Period, reporting date and deadline basis.
    #[command(flatten)]
    pub reporting: Reporting,
}

/// `export …`
#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// The minutes (Biên bản, Mẫu 1.9) of a meeting as DOCX.
    Minutes {
        /// The meeting (id or its first characters).
        meeting: String,
        /// Output file (.docx), or a folder where it takes its usual name (default: the
        /// current folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Numbering: a preview (no number given), or this number instead of the next.
        #[command(flatten)]
        numbering: NumberingArgs,
    },
    /// The conclusion notice (Thông báo kết luận, Mẫu 1.4) of a meeting as DOCX.
    Notice {
        /// The meeting (id or its first characters).
        meeting: String,
        /// Output file (.docx), or a folder where it takes its usual name (default: the
        /// current folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Numbering: a preview (no number given), or this number instead of the next.
        #[command(flatten)]
        numbering: NumberingArgs,
    },
    /// An exchange file (.gbx) for another installation, signed, optionally encrypted.
    Bundle(crate::exchange::BundleArgs),
    /// The directive list as XLSX, or CSV when the file ends in .csv.
    Directives {
        /// Which directives.
        #[command(flatten)]
        filter: DirectiveFilter,
        /// Output file (.xlsx, or .csv), or a folder where it takes its usual name
        /// (default: the current folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// In a folder: CSV instead of XLSX.
        #[arg(long)]
        csv: bool,
    },
}

/// How an exported document is numbered.
#[derive(Debug, clap::Args)]
pub struct NumberingArgs {
    /// A preview: "Số:   /BB-…", no number given.
    #[arg(long)]
    pub preview: bool,
    /// Give this number (corrects the register; refused when taken).
    #[arg(long, conflicts_with = "preview")]
    pub number: Option<u32>,
    /// Also write a PDF beside it for printing (needs LibreOffice).
    #[arg(long)]
    pub pdf: bool,
}

/// `report …`
#[derive(Debug, Subcommand)]
pub enum ReportCmd {
    /// The report on directives: DOCX (summary and the per-unit annex, numbered …/BC-…),
    /// or the annex alone as XLSX with formulas for totals and rates.
    Units {
        /// Period, reporting date and deadline basis.
        #[command(flatten)]
        reporting: Reporting,
        /// Output file (.docx, or .xlsx for the annex alone), or a folder where it takes its
        /// usual name (default: the current folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// In a folder: the annex alone as XLSX instead of the DOCX report.
        #[arg(long)]
        xlsx: bool,
        /// DOCX only: a preview, no number given.
        #[arg(long)]
        preview: bool,
        /// Also write a PDF beside it for printing (needs LibreOffice).
        #[arg(long)]
        pdf: bool,
    },
}

/// `stats …`
#[derive(Debug, Subcommand)]
pub enum StatsCmd {
    /// Per-unit table: total, the four buckets, completion and on-time rates.
    Units {
        /// Period, reporting date and deadline basis.
        #[command(flatten)]
        reporting: Reporting,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Reads a core enum from its snake_case name (`division`, `lead`…), as stored and in JSON.
fn snake_case<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| format!("“{s}” is not one of the allowed values"))
}

/// Prints a command-line mistake as one line in the user's language (help and version
/// are printed as clap writes them) and returns the exit code.
pub fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    // Read as the OS gave them: an argument that is not UTF-8 is what clap refused.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let english = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en")
        || std::env::var("GIAOBAN_LANG").is_ok_and(|l| l == "en");
    // clap's message, up to its usage line, on one line (the missing arguments it names
    // are on lines of their own).
    let detail = e.to_string();
    let first = detail
        .lines()
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let first = first.trim_start_matches("error: ");
    if english {
        eprintln!("Error: invalid command line: {first} (see `giaoban --help`).");
    } else {
        eprintln!("Lỗi: dòng lệnh không hợp lệ: {first} (xem `giaoban --help`).");
    }
    ExitCode::from(2)
}
