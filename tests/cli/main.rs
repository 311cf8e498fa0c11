//! The `giaoban` command line against real database files: listings, JSON output, and
//! one-line Vietnamese (or English) errors for bad input, never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use giaoban::backup;
use serde_json::Value;
use tempfile::TempDir;

struct Cli {
    dir: TempDir,
}

impl Cli {
    fn new() -> Self {
        Cli {
            dir: TempDir::new().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("giaoban.sqlite3")
    }

    fn run_on(&self, db: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_giaoban"))
            .arg("--db")
            .arg(db)
            .args(args)
            .env_remove("GIAOBAN_DB")
            .env_remove("GIAOBAN_LANG")
            .output()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_on(&self.db(), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs with `input` on standard input; returns stdout and stderr.
    fn with_input(&self, args: &[&str], input: &[u8]) -> Output {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_giaoban"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("GIAOBAN_DB")
            .env_remove("GIAOBAN_LANG")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().unwrap();
        // A command that reads only up to its limit closes its input early.
        match writer.join().unwrap() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("{e}"),
            _ => {}
        }
        out
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn with_demo() -> Self {
        let cli = Cli::new();
        cli.ok(&[
            "demo",
            "--meetings",
            "60",
            "--directives-per-meeting",
            "5",
            "--anchor",
            "15/06/2026",
        ]);
        cli
    }
}

/// Asserts a failure with exactly one line on stderr containing `needle`.
fn fails_with(out: Output, needle: &str) -> String {
    assert!(!out.status.success(), "should fail");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "expected “{needle}” in: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    err
}

#[test]
fn stats_buckets_add_up_to_the_totals() {
    let cli = Cli::with_demo();
    let t = cli.json(&["stats", "units", "--as-of", "15/06/2026", "--json"]);
    let rows = t["rows"].as_array().unwrap();
    assert!(rows.len() >= 10);
    let n = |v: &Value, k: &str| v[k].as_u64().unwrap();
    let buckets = [
        "done_on_time",
        "done_late",
        "open_within_deadline",
        "open_overdue",
    ];
    for r in rows {
        assert!(r["unit_id"].is_string() && r["unit"].is_string());
        assert_eq!(
            n(r, "total"),
            buckets.iter().map(|b| n(r, b)).sum::<u64>(),
            "{r}"
        );
    }
    for k in buckets.iter().chain(&["total"]) {
        assert_eq!(
            n(&t["totals"], k),
            rows.iter().map(|r| n(r, k)).sum::<u64>(),
            "{k}"
        );
    }
    assert!(n(&t["totals"], "open_overdue") > 0);
    let rate = t["totals"]["completion_rate"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&rate));
    let text = cli.ok(&["stats", "units", "--as-of", "15/06/2026"]);
    assert!(
        text.contains("HT đúng hạn") && text.contains("Tổng cộng"),
        "{text}"
    );
    let en = cli.ok(&["--lang", "en", "stats", "units"]);
    assert!(en.contains("Done on time"), "{en}");
    // Each count is the list of exactly those directives.
    for r in rows.iter().filter(|r| n(r, "total") > 0).take(4) {
        let unit = r["unit_id"].as_str().unwrap();
        for b in buckets {
            let listed = cli.json(&[
                "directives",
                "list",
                "--unit",
                unit,
                "--role",
                "lead",
                "--bucket",
                b,
                "--as-of",
                "15/06/2026",
                "--limit",
                "1",
                "--json",
            ]);
            assert_eq!(
                listed["total"].as_u64().unwrap(),
                n(r, b),
                "{} {b}",
                r["unit"]
            );
        }
    }
}

#[test]
fn listings_print_json_records_with_ids() {
    let cli = Cli::with_demo();
    for args in [
        &["units", "list", "--json"][..],
        &["people", "list", "--json"],
        &["meetings", "list", "--json"],
    ] {
        let v = cli.json(args);
        let list = v.as_array().unwrap();
        assert!(!list.is_empty(), "{args:?}");
        assert!(list.iter().all(|r| r["id"].is_string()), "{args:?}");
    }
    let page = cli.json(&["directives", "list", "--json", "--limit", "5"]);
    assert_eq!(page["rows"].as_array().unwrap().len(), 5);
    assert_eq!(page["total"].as_u64().unwrap(), 300);
}

#[test]
fn overdue_and_due_soon_lists() {
    let cli = Cli::with_demo();
    let page = cli.json(&[
        "directives",
        "list",
        "--overdue",
        "--as-of",
        "15/06/2026",
        "--limit",
        "0",
        "--json",
    ]);
    let rows = page["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    let stats = cli.json(&["stats", "units", "--as-of", "15/06/2026", "--json"]);
    assert_eq!(
        rows.len() as u64,
        stats["totals"]["open_overdue"].as_u64().unwrap(),
        "list and table agree"
    );
    let days: Vec<i64> = rows
        .iter()
        .map(|r| r["days_overdue"].as_i64().unwrap())
        .collect();
    assert!(days.iter().all(|d| *d >= 1));
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "most overdue first");
    let soon = cli.json(&[
        "directives",
        "list",
        "--due-within",
        "7",
        "--as-of",
        "15/06/2026",
        "--limit",
        "0",
        "--json",
    ]);
    for r in soon["rows"].as_array().unwrap() {
        let dl = r["deadline"].as_str().unwrap();
        assert!(("2026-06-15"..="2026-06-22").contains(&dl), "{dl}");
    }
    let unit = cli.json(&[
        "directives",
        "list",
        "--unit",
        "ttbc",
        "--role",
        "lead",
        "--limit",
        "0",
        "--json",
    ]);
    let rows = unit["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["lead_unit"] == "Phòng Thông tin - Báo chí - Xuất bản")
    );
}

#[test]
fn a_meeting_is_shown_by_its_short_id() {
    let cli = Cli::with_demo();
    let meetings = cli.json(&["meetings", "list", "--limit", "1", "--json"]);
    let id = meetings[0]["id"].as_str().unwrap().to_string();
    let text = cli.ok(&["meeting", "show", &id[..13]]);
    assert!(
        text.contains("KẾT LUẬN") && text.contains("THÀNH PHẦN"),
        "{text}"
    );
    let v = cli.json(&["meeting", "show", &id, "--json"]);
    assert_eq!(v["id"], id.as_str());
    assert!(!v["conclusions"].as_array().unwrap().is_empty());
    assert_eq!(v["directives"].as_array().unwrap().len(), 5);
}

#[test]
fn a_directive_is_added_with_validated_units_and_dates() {
    let cli = Cli::with_demo();
    let d = cli.json(&[
        "directives",
        "add",
        "--content",
        "Rà soát hạ tầng viễn thông",
        "--lead",
        "bcvt",
        "--coord",
        "vp",
        "--document",
        "45/TB-STTTT",
        "--document-date",
        "10/06/2026",
        "--deadline",
        "30/6/2026",
        "--json",
    ]);
    assert_eq!(d["deadline"], "2026-06-30");
    assert_eq!(d["coordinating_unit_ids"].as_array().unwrap().len(), 1);
    let before = cli.json(&["directives", "list", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap();
    let add = |lead: &str, coord: &str, deadline: &str| {
        cli.run(&[
            "directives",
            "add",
            "--content",
            "X",
            "--lead",
            lead,
            "--coord",
            coord,
            "--document",
            "1/TB",
            "--document-date",
            "10/06/2026",
            "--deadline",
            deadline,
        ])
    };
    fails_with(add("vp", "VP", "30/06/2026"), "vừa chủ trì vừa phối hợp");
    fails_with(
        add("khong co don vi nay", "vp", "30/06/2026"),
        "Không tìm thấy đơn vị “khong co don vi nay”",
    );
    fails_with(add("ttthdl", "vp", "30/06/2026"), "đã ngừng hoạt động");
    fails_with(
        add("ttbcxb", "vp", "31/02/2026"),
        "“31/02/2026” không phải là ngày hợp lệ",
    );
    fails_with(
        add("ttbcxb", "vp", "01/06/2026"),
        "Thời hạn sớm hơn ngày giao",
    );
    let after = cli.json(&["directives", "list", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap();
    assert_eq!(before, after, "refused input changed nothing");
}

#[test]
fn bad_input_gets_one_clear_line() {
    let cli = Cli::with_demo();
    fails_with(
        cli.run(&["directives", "list", "--unit", "khong ton tai"]),
        "Lỗi: Không tìm thấy đơn vị",
    );
    fails_with(
        cli.run(&["directives", "list", "--as-of", "32/13/2026"]),
        "không phải là ngày hợp lệ",
    );
    fails_with(
        cli.run(&["--lang", "en", "directives", "list", "--as-of", "someday"]),
        "Error: The date “someday” is not a valid date",
    );
    fails_with(
        cli.run(&[
            "stats",
            "units",
            "--from",
            "01/07/2026",
            "--to",
            "01/06/2026",
        ]),
        "Lỗi:",
    );
    fails_with(
        cli.run(&["meeting", "show", "ffffffff"]),
        "Không tìm thấy cuộc họp",
    );
    fails_with(cli.run(&["demo"]), "đã có dữ liệu");
    let out = cli.run(&["directives", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    fails_with(out, "dòng lệnh không hợp lệ");
    // A missing argument is named.
    let said = fails_with(cli.run(&["directives", "add"]), "dòng lệnh không hợp lệ");
    assert!(said.contains("--content"), "{said}");
    // An argument that is not UTF-8 (a name typed in an old code page) is a usage error,
    // in words, not a panic.
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .arg("--db")
        .arg(cli.db())
        .args(["units", "add", "--name"])
        .arg(std::ffi::OsStr::from_bytes(b"Ph\xf2ng"))
        .env_remove("GIAOBAN_LANG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    fails_with(out, "dòng lệnh không hợp lệ");
}

#[test]
fn damaged_foreign_missing_and_newer_databases_are_refused() {
    let cli = Cli::new();
    let text = cli.dir.path().join("ghichu.txt");
    std::fs::write(&text, "đây là một tệp văn bản\n").unwrap();
    fails_with(
        cli.run_on(&text, &["units", "list"]),
        "không phải là cơ sở dữ liệu Giao Ban",
    );
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "đây là một tệp văn bản\n"
    );

    fails_with(cli.run(&["units", "list"]), "Chưa có cơ sở dữ liệu");
    assert!(!cli.db().exists());

    cli.ok(&[
        "init",
        "--office",
        "Sở TTTT tỉnh Lào Cai",
        "--symbol",
        "STTTT",
    ]);
    let check = cli.json(&["check", "--json"]);
    assert_eq!(check["ok"], true);
    let c = rusqlite::Connection::open(cli.db()).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    fails_with(cli.run(&["check"]), "phiên bản Giao Ban mới hơn");
    fails_with(cli.run(&["--lang", "en", "check"]), "newer Giao Ban");
}

#[test]
fn sample_data_is_made_only_for_a_new_database() {
    let cli = Cli::new();
    cli.ok(&["demo", "--meetings", "5", "--if-empty"]);
    let before = cli.json(&["directives", "list", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap();
    let again = cli.ok(&["demo", "--meetings", "5", "--if-empty"]);
    assert!(again.contains("giữ nguyên"), "{again}");
    let after = cli.json(&["directives", "list", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn search_finds_records_typed_without_diacritics() {
    let cli = Cli::with_demo();
    let r = cli.json(&["search", "thong tin bao chi", "--json"]);
    let hits = r["hits"].as_array().unwrap();
    assert!(
        hits.iter()
            .any(|h| h["group"] == "units" && h["title"] == "Phòng Thông tin - Báo chí - Xuất bản")
    );
    assert!(hits.iter().all(|h| {
        h["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["hit"] == true)
    }));
    let text = cli.ok(&["search", "hoi nghi trien khai"]);
    assert!(
        text.contains("CUỘC HỌP") && text.contains("[Hội] [nghị] [triển] [khai]"),
        "{text}"
    );
    for hostile in [
        "\"",
        "(",
        "NEAR(",
        "a OR",
        "*",
        "-",
        ":",
        "AND AND",
        &"x".repeat(2000),
    ] {
        let out = cli.run(&["search", hostile]);
        assert!(
            out.status.success(),
            "{hostile}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(cli.ok(&["reindex"]).contains("Đã lập lại chỉ mục"));
    let again = cli.json(&["search", "thong tin bao chi", "--json"]);
    assert_eq!(
        again["hits"].as_array().unwrap().len(),
        hits.len(),
        "reindex keeps the answers"
    );
}

const CONCLUSION: &str = "Kết luận cuộc họp, đồng chí Giám đốc Sở đề nghị:\r\n\
    1. Giao Phòng KHTC chủ trì, phối hợp với Văn phòng Sở lập dự toán năm 2027, trình trước ngày 15/7.\r\n\
    2. Thanh tra Sở tăng cường kiểm tra bản quyền trong quý III.\r\n";

fn units_file(cli: &Cli) -> PathBuf {
    let path = cli.dir.path().join("units.txt");
    std::fs::write(
        &path,
        "Văn phòng Sở\nThanh tra Sở\nPhòng Kế hoạch - Tài chính\n",
    )
    .unwrap();
    path
}

#[test]
fn extract_prints_the_contract_json() {
    let cli = Cli::new();
    let units = units_file(&cli);
    let args = [
        "extract",
        "--date",
        "2026-06-05",
        "--units",
        units.to_str().unwrap(),
        "--json",
    ];
    let out = cli.with_input(&args, CONCLUSION.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["meeting"],
        serde_json::json!({"date": null, "chair": null})
    );
    let d = v["directives"].as_array().unwrap();
    assert_eq!(d.len(), 2, "{v:#}");
    assert_eq!(d[0]["lead_unit"], "Phòng Kế hoạch - Tài chính");
    assert_eq!(
        d[0]["coordinating_units"],
        serde_json::json!(["Văn phòng Sở"])
    );
    assert_eq!(d[0]["deadline"], "2026-07-15");
    assert_eq!(d[1]["lead_unit"], "Thanh tra Sở");
    assert_eq!(d[1]["deadline"], "2026-09-30");
    assert!(!cli.db().exists(), "a units file needs no database");

    // Hostile and odd input: each a valid result with exit 0.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(CONCLUSION).collect();
    let repeats = (1 << 20) / CONCLUSION.len();
    let big = CONCLUSION.repeat(repeats);
    let mut invalid = CONCLUSION.as_bytes().to_vec();
    invalid.extend([0xff, 0xfe, 0x00]);
    // Saved by Notepad as "Unicode": read, not given nothing.
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(CONCLUSION.encode_utf16().flat_map(u16::to_le_bytes));
    // 5 MB of binary bytes (a fixed xorshift stream): no text, nothing proposed.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let junk: Vec<u8> = (0..5_000_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    for (what, input) in [
        ("binary", junk),
        ("empty", Vec::new()),
        ("NFD", nfd.into_bytes()),
        ("1 MB", big.into_bytes()),
        ("invalid UTF-8", invalid),
        ("UTF-16", utf16),
        ("English", b"Please review the budget by Friday.".to_vec()),
    ] {
        let out = cli.with_input(&args, &input);
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let n = v["directives"].as_array().unwrap().len();
        match what {
            "empty" | "English" | "binary" => assert_eq!(n, 0, "{what}"),
            "1 MB" => assert_eq!(n, 2 * repeats, "{what}"),
            _ => assert_eq!(n, 2, "{what}"),
        }
    }
    // 5 MB of text that is a token a byte: refused before it is read, in words.
    let out = cli.with_input(&args, "1/1/1".repeat(1_000_000).as_bytes());
    fails_with(out, "quá dài");
}

#[test]
fn extract_reads_units_from_the_database_and_prints_a_table() {
    let cli = Cli::with_demo();
    let out = cli.with_input(&["extract", "--date", "05/06/2026"], CONCLUSION.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Phòng Kế hoạch - Tài chính"), "{table}");
    assert!(
        table.contains("15/07/2026") && table.contains("30/09/2026"),
        "{table}"
    );
    let bad = cli.with_input(&["extract", "--date", "31/02/2026"], b"");
    fails_with(bad, "31/02/2026");
    let figures = cli.json(&["bench", "extract", "--rounds", "1"]);
    assert_eq!(figures["meetings"], 60);
    assert!(figures["large_bytes"].as_u64().unwrap() >= 1 << 20);
    assert!(
        figures["large_directives"].as_u64().unwrap() > 300,
        "{figures}"
    );
}

#[test]
fn bench_exchange_reports_each_run_and_their_medians() {
    let cli = Cli::with_demo();
    let figures = cli.json(&["bench", "exchange", "--runs", "2"]);
    assert_eq!(figures["runs"], 2, "{figures}");
    let runs = figures["each_run_ms"].as_array().unwrap();
    assert_eq!(runs.len(), 2, "{figures}");
    assert!(runs.iter().all(|r| r.as_array().unwrap().len() == 3));
    assert_eq!(figures["reimport_changed"], 0, "{figures}");
    assert!(figures["records"].as_u64().unwrap() > 1000, "{figures}");
    assert!(figures["import_empty_ms"].as_f64().unwrap() > 0.0);
}

#[test]
fn bench_autosave_measures_both_ways_and_leaves_the_export_noted() {
    let cli = Cli::with_demo();
    let figures = cli.json(&["bench", "autosave"]);
    for case in ["one_connection", "reader"] {
        assert!(
            figures[case]["export_ms"].as_f64().unwrap() > 0.0,
            "{figures}"
        );
        assert!(figures[case]["saves"].as_u64().is_some(), "{figures}");
    }
    // Each run's export was noted in the history by its short write.
    let exports = cli
        .json(&["audit", "--entity", "bundle", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["action"] == "export")
        .count();
    assert_eq!(exports, 2);
}

/// The directive extractor against the annotated real reports in `../shared/eval`, when
/// that folder is beside the project (skipped otherwise).
#[test]
fn extract_meets_the_quality_bar_on_the_annotated_reports() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let scorer_path = shared.join("eval/score_extract.py");
    if !scorer_path.exists() {
        eprintln!("skipped: {} not found", scorer_path.display());
        return;
    }
    let mut scorer = Command::new("python3");
    scorer
        .arg(&scorer_path)
        .arg("--cmd")
        .arg(format!("{} extract --json", env!("CARGO_BIN_EXE_giaoban")))
        .arg("--gold")
        .arg(shared.join("eval/dev"))
        .arg("--texts")
        .arg(shared.join("samples"));
    let (report, figure) = scored(scorer);
    assert!(figure("recall") >= 0.9, "{report}");
    assert!(figure("precision") >= 0.85, "{report}");
    assert!(figure("unit") >= 0.9, "{report}");
    assert!(figure("chair") >= 0.9, "{report}");
    assert_eq!(figure("failures"), 0.0, "{report}");
}

/// The extractor on the project's own dev corpus of real meeting texts it was not written
/// on (tests/fixtures/extract-corpus, sources in its SOURCES.md), scored by
/// scripts/score-extract.py: the figures reached on all 164 texts (each batch unseen when
/// first scored): recall 0.902, precision 0.858, lead unit 0.922, deadline 0.903. Each is
/// held at issue 27's target (recall 0.90, precision 0.85, lead unit 0.90, deadline 0.85) or
/// above it.
#[test]
fn extract_keeps_its_figures_on_the_dev_corpus() {
    let (report, figure) = scored(scorer_on("tests/fixtures/extract-corpus"));
    assert!(figure("recall") >= 0.90, "{report}");
    assert!(figure("precision") >= 0.85, "{report}");
    assert!(figure("unit") >= 0.92, "{report}");
    assert!(figure("deadline") >= 0.90, "{report}");
    assert_eq!(figure("failures"), 0.0, "{report}");
}

/// The extractor on the first held-out set (tests/fixtures/extract-heldout, 153–162; its
/// SOURCES.md), first scored 0.760, 0.744, 0.680, 0.714. Its failures were read from the
/// twenty-eighth session on (the blind measure is now the second set, below), and two rules
/// of the language came of them, each seen in two dev texts: "Cũng" before a circumstance
/// ("Cũng trong tháng 11 này, UBND thị xã …"; text 157's seven lead units) and what the
/// meeting was held for ("Hội nghị được diễn ra nhằm …; …"; text 158's six false
/// positives). Its figures (recall 0.760, precision 0.921, lead unit 0.960, deadline 0.785)
/// are held as a floor.
#[test]
fn extract_keeps_its_figures_on_the_held_out_texts() {
    let (report, figure) = scored(scorer_on("tests/fixtures/extract-heldout"));
    assert!(figure("recall") >= 0.76, "{report}");
    assert!(figure("precision") >= 0.92, "{report}");
    assert!(figure("unit") >= 0.96, "{report}");
    assert!(figure("deadline") >= 0.78, "{report}");
    assert_eq!(figure("failures"), 0.0, "{report}");
}

/// The extractor on a second held-out set (tests/fixtures/extract-heldout2, 175–186; its
/// SOURCES.md), scored blind once on 2026-12-07, before any of its texts was read: recall
/// 0.506, precision 0.770, lead unit 0.937, deadline 1.000 (one deadline of nine found with
/// its task). Its failures were read then (docs/benchmarks.md), and a rule of the language
/// came of them ("các nội dung:" before points that open with a task; a unit written word
/// for word before one read through initials; a time between the verb and the unit; "xã"
/// alone for the one commune named before); 0.684, 0.819 and 1.000 after them; 0.698,
/// 0.879, 1.000 after the rules of the fourth set's and third set's texts. Below issue 27's
/// targets; held as a floor.
#[test]
fn extract_keeps_its_figures_on_the_second_held_out_set() {
    let (report, figure) = scored(scorer_on("tests/fixtures/extract-heldout2"));
    assert!(figure("recall") >= 0.69, "{report}");
    assert!(figure("precision") >= 0.87, "{report}");
    assert!(figure("unit") >= 0.99, "{report}");
    assert_eq!(figure("failures"), 0.0, "{report}");
}

/// The extractor on a third held-out set (tests/fixtures/extract-heldout3, 187–198; its
/// SOURCES.md), scored blind once on 2026-12-07, before any of its texts was read: recall
/// 0.666, precision 0.833, lead unit 0.916, deadline 1.000; 0.766, 0.836, 0.921 after the
/// rules written from the fourth set's texts and its own (read then). Below issue 27's
/// targets; held as a floor.
#[test]
fn extract_keeps_its_figures_on_the_third_held_out_set() {
    let (report, figure) = scored(scorer_on("tests/fixtures/extract-heldout3"));
    assert!(figure("recall") >= 0.76, "{report}");
    assert!(figure("precision") >= 0.83, "{report}");
    assert!(figure("unit") >= 0.91, "{report}");
    assert_eq!(figure("failures"), 0.0, "{report}");
}

/// The extractor on a fourth held-out set (tests/fixtures/extract-heldout4, 199–210; its
/// SOURCES.md), scored blind once on 2026-12-07 at 7056e7b, before any of its texts was read:
/// recall 0.671, precision 0.843, lead unit 0.800, deadline 0.600. Its failures read, six
/// rules of the language came of them: 0.765, 0.890, 0.780 (more tasks found, some without
/// the unit the annotator read), 0.666. Below issue 27's targets; held as a floor.
#[test]
fn extract_keeps_its_figures_on_the_fourth_held_out_set() {
    let (report, figure) = scored(scorer_on("tests/fixtures/extract-heldout4"));
    assert!(figure("recall") >= 0.76, "{report}");
    assert!(figure("precision") >= 0.88, "{report}");
    assert!(figure("unit") >= 0.77, "{report}");
    assert_eq!(figure("failures"), 0.0, "{report}");
}

/// The project's scorer of the extractor on a corpus (its folder from the repository's root).
fn scorer_on(corpus: &str) -> Command {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scorer = Command::new("python3");
    scorer
        .arg(root.join("scripts/score-extract.py"))
        .arg(env!("CARGO_BIN_EXE_giaoban"))
        .arg(root.join(corpus));
    scorer
}

/// Runs a scorer; returns its report and a reader of the figures of its last line.
fn scored(mut scorer: Command) -> (String, impl Fn(&str) -> f64) {
    // Each text carries its meeting date, so no figure depends on today; the scorer runs
    // without a fixed clock (libfaketime made Python's pipes fail with EINVAL).
    let out = scorer
        .env_remove("LD_PRELOAD")
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8(out.stdout).unwrap();
    let last = report.lines().last().unwrap_or_default().to_string();
    let figure = move |name: &str| -> f64 {
        let mut words = last.split_whitespace();
        words.find(|w| *w == name);
        words.next().and_then(|v| v.parse().ok()).unwrap_or(-1.0)
    };
    (report, figure)
}

#[test]
fn backup_list_and_restore_round_trip() {
    let cli = Cli::new();
    cli.ok(&["init", "--office", "Sở Thông tin và Truyền thông"]);
    cli.ok(&["units", "add", "--name", "Văn phòng Sở", "--code", "VP"]);
    let made = cli.json(&["backup", "--json"]);
    assert_eq!(made["reason"], "manual");
    let file = made["path"].as_str().unwrap().to_string();
    cli.ok(&["units", "add", "--name", "Phòng Thanh tra", "--code", "TTR"]);
    let listed = cli.json(&["backup", "--list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let restored = cli.json(&["restore", &file, "--json"]);
    let safety = restored["safety_backup"]["path"]
        .as_str()
        .unwrap()
        .to_string();
    let units = cli.json(&["units", "list", "--json"]);
    assert_eq!(
        units.as_array().unwrap().len(),
        1,
        "back to one unit: {units}"
    );
    assert!(cli.ok(&["check"]).contains("tốt"));
    // The state before the restore can itself be restored.
    cli.ok(&["restore", &safety]);
    assert_eq!(
        cli.json(&["units", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A damaged backup is refused with one line, and the database is left as it was.
    let broken = cli.dir.path().join("broken.sqlite3");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&broken, &bytes).unwrap();
    fails_with(cli.run(&["restore", broken.to_str().unwrap()]), "bị hỏng");
    assert_eq!(
        cli.json(&["units", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A chosen folder (a second disk) is used from then on.
    let second = cli.dir.path().join("second-disk");
    let made = cli.json(&["backup", "--folder", second.to_str().unwrap(), "--json"]);
    assert!(
        made["path"]
            .as_str()
            .unwrap()
            .starts_with(second.to_str().unwrap())
    );
    assert_eq!(
        cli.json(&["backup", "--list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// A small tmpfs mounted for one test (needs root, as on the CI machine); `None` where
/// mounting is not allowed, and the test says it skipped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(parent: &Path, size: &str) -> Option<Self> {
        let dir = parent.join(format!("tmpfs-{size}"));
        std::fs::create_dir_all(&dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (not root?)");
        }
        ok.then_some(Tmpfs(dir))
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_refuses_the_write_and_keeps_the_data() {
    let cli = Cli::new();
    let Some(disk) = Tmpfs::mount(cli.dir.path(), "3m") else {
        return;
    };
    let db = disk.0.join("giaoban.sqlite3");
    let run = |args: &[&str]| cli.run_on(&db, args);
    assert!(run(&["init"]).status.success());
    assert!(
        run(&["units", "add", "--name", "Văn phòng Sở"])
            .status
            .success()
    );
    // Fill the disk to the last few KB.
    let filler = disk.0.join("filler");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=4k"])
        .arg(format!("of={}", filler.display()))
        .output();
    let err = fails_with(run(&["units", "add", "--name", "Phòng Thanh tra"]), "đầy");
    assert!(err.contains("Lỗi"), "{err}");
    let backup = run(&["backup"]);
    assert!(!backup.status.success(), "no room for a backup either");
    let leftovers: Vec<_> = std::fs::read_dir(backup::default_folder(&db))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        leftovers.is_empty(),
        "nothing half-written looks like a backup: {leftovers:?}"
    );
    std::fs::remove_file(&filler).unwrap();
    let units: Value = serde_json::from_slice(&run(&["units", "list", "--json"]).stdout).unwrap();
    assert_eq!(
        units.as_array().unwrap().len(),
        1,
        "the refused unit was not half-added"
    );
    assert!(run(&["check"]).status.success());
    assert!(
        run(&["units", "add", "--name", "Phòng Thanh tra"])
            .status
            .success(),
        "space again: the write works"
    );
}

#[test]
fn a_read_only_folder_gets_a_clear_message() {
    let cli = Cli::new();
    let Some(disk) = Tmpfs::mount(cli.dir.path(), "8m") else {
        return;
    };
    let db = disk.0.join("giaoban.sqlite3");
    assert!(cli.run_on(&db, &["init"]).status.success());
    disk.remount_read_only();
    fails_with(
        cli.run_on(&db, &["units", "add", "--name", "Văn phòng Sở"]),
        "chỉ đọc",
    );
}

#[test]
fn a_database_locked_by_another_program_gets_a_clear_message() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let other = rusqlite::Connection::open(cli.db()).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    fails_with(
        cli.run(&["units", "add", "--name", "Văn phòng Sở"]),
        "chương trình khác",
    );
    other.execute_batch("ROLLBACK").unwrap();
    cli.ok(&["units", "add", "--name", "Văn phòng Sở"]);
    assert_eq!(
        cli.json(&["units", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn documents_are_exported_once_the_office_details_are_set() {
    let cli = Cli::with_demo();
    let meeting = cli.json(&["meetings", "list", "--limit", "1", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let file = cli.dir.path().join("bb.docx");
    let f = file.to_str().unwrap();
    assert!(
        cli.ok(&["export", "minutes", &meeting, "--out", f])
            .contains("01/BB-STTTT")
    );
    assert!(
        cli.ok(&["export", "minutes", &meeting, "--out", f])
            .contains("01/BB-STTTT")
    );
    fails_with(
        cli.run(&["export", "notice", &meeting, "--out", f, "--number", "0"]),
        "Số văn bản nằm ngoài",
    );
    let report = cli.dir.path().join("bc.docx");
    assert!(
        cli.ok(&["report", "units", "--out", report.to_str().unwrap()])
            .contains("01/BC-STTTT")
    );
    let csv = cli.dir.path().join("ds.csv");
    cli.ok(&[
        "export",
        "directives",
        "--overdue",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .starts_with("\u{feff}\"TT\"")
    );
    // Given a folder, each document takes its usual name there.
    let folder = cli.dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let f = folder.to_str().unwrap();
    let title = cli.json(&["meetings", "list", "--limit", "1", "--json"])[0]["title"]
        .as_str()
        .unwrap()
        .replace('/', "-");
    cli.ok(&["export", "notice", &meeting, "--out", f, "--preview"]);
    cli.ok(&["export", "directives", "--out", f, "--csv"]);
    cli.ok(&[
        "report",
        "units",
        "--out",
        f,
        "--xlsx",
        "--from",
        "01/01/2020",
        "--to",
        "31/12/2099",
    ]);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names[0].starts_with("Danh sách nhiệm vụ - ") && names[0].ends_with(".csv"),
        "{names:?}"
    );
    assert_eq!(
        names[1],
        "Phụ lục tình hình thực hiện nhiệm vụ - 01-01-2020 đến 31-12-2099.xlsx"
    );
    assert_eq!(
        names[2],
        format!("Thông báo kết luận - {title} (xem trước).docx")
    );
    // Without a place name nothing is issued, and the message names it.
    cli.ok(&["init", "--place", ""]);
    let notice = cli.dir.path().join("tb.docx");
    fails_with(
        cli.run(&[
            "export",
            "notice",
            &meeting,
            "--out",
            notice.to_str().unwrap(),
        ]),
        "địa danh",
    );
    assert!(!notice.exists());
}

#[test]
fn a_pdf_without_libreoffice_says_so_and_keeps_the_docx() {
    let cli = Cli::with_demo();
    let meeting = cli.json(&["meetings", "list", "--limit", "1", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let file = cli.dir.path().join("tb.docx");
    let out = Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .arg("--db")
        .arg(cli.db())
        .args(["export", "notice", &meeting, "--pdf", "--out"])
        .arg(&file)
        .env("PATH", cli.dir.path())
        .env_remove("ProgramFiles")
        .env_remove("GIAOBAN_LANG")
        .output()
        .unwrap();
    fails_with(out, "chưa cài LibreOffice");
    assert!(
        file.exists(),
        "the DOCX was written before the PDF was asked for"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_listing_quietly() {
    use std::io::Read;
    let cli = Cli::with_demo();
    let mut child = Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .arg("--db")
        .arg(cli.db())
        .args(["directives", "list", "--limit", "0", "--json"])
        .env_remove("GIAOBAN_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone (its end of the pipe dropped above).
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn two_offices_exchange_a_file_both_ways_from_the_command_line() {
    let cli = Cli::new();
    let office = cli.db();
    let leader = cli.dir.path().join("leader.sqlite3");
    cli.ok(&["demo", "--meetings", "20", "--anchor", "30/06/2026"]);
    cli.ok(&["identity", "--name", "Văn phòng Sở TTTT Lào Cai"]);
    let file = cli.dir.path().join("vp.gbx");
    let f = file.to_str().unwrap();
    let printed = cli.ok(&["export", "bundle", "--out", f]);
    assert!(printed.contains("Đã xuất"), "{printed}");
    assert!(printed.contains("Nhiệm vụ"), "{printed}");

    // The leader's machine does not know the office yet: the fingerprint is shown, nothing imported.
    let out = cli.run_on(&leader, &["init"]);
    assert!(out.status.success());
    let err = fails_with(
        cli.run_on(&leader, &["import", f]),
        "chưa có trong danh sách tin cậy",
    );
    let id: Value = serde_json::from_str(&cli.ok(&["identity", "--json"])).unwrap();
    assert!(err.contains(id["fingerprint"].as_str().unwrap()), "{err}");
    let before = cli.run_on(&leader, &["directives", "list", "--json"]);
    let before: Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(before["total"], 0);

    // Preview, then the import, then the same file again.
    let preview = cli.run_on(
        &leader,
        &[
            "import",
            f,
            "--trust",
            "--role",
            "office",
            "--dry-run",
            "--json",
        ],
    );
    let preview: Value = serde_json::from_slice(&preview.stdout).unwrap();
    assert_eq!(preview["dry_run"], true);
    let directives = preview["tables"]["directive"]["new"].as_u64().unwrap();
    assert!(directives > 0);
    let done = cli.run_on(
        &leader,
        &["import", f, "--trust", "--role", "office", "--json"],
    );
    let done: Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(
        done["tables"]["directive"]["new"].as_u64(),
        Some(directives)
    );
    let again = cli.run_on(&leader, &["import", f]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("đã được nhập trước đây"));
    let peers = String::from_utf8(cli.run_on(&leader, &["peers", "list"]).stdout).unwrap();
    assert!(peers.contains("Văn phòng Sở TTTT Lào Cai"), "{peers}");

    // The leader gives a directive and sends back, encrypted; the wrong passphrase is refused
    // in one line.
    let out = cli.run_on(
        &leader,
        &[
            "directives",
            "add",
            "--content",
            "Rà soát hạ tầng viễn thông",
            "--lead",
            "vp",
            "--document",
            "45/TB-STTTT",
            "--document-date",
            "10/06/2026",
            "--deadline",
            "30/6/2026",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pass = cli.dir.path().join("pass.txt");
    std::fs::write(&pass, "mật khẩu\n").unwrap();
    let back = cli.dir.path().join("back.gbx");
    let b = back.to_str().unwrap();
    let out = cli.run_on(
        &leader,
        &[
            "export",
            "bundle",
            "--out",
            b,
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wrong = cli.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "sai").unwrap();
    fails_with(
        cli.run(&[
            "import",
            b,
            "--trust",
            "--role",
            "office",
            "--passphrase-file",
            wrong.to_str().unwrap(),
        ]),
        "Mật khẩu không đúng",
    );
    let out = cli.ok(&[
        "import",
        b,
        "--trust",
        "--role",
        "office",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    assert!(out.contains("Đã sao lưu trước khi nhập"), "{out}");

    // A file cut short is refused, in English too.
    let cut = cli.dir.path().join("cut.gbx");
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = fails_with(
        cli.run_on(&leader, &["--lang", "en", "import", cut.to_str().unwrap()]),
        "damaged or incomplete",
    );
    assert!(err.contains("No data was changed"), "{err}");

    // Undo the last import on the office's machine: back to before it.
    let out = cli.ok(&["undo-import"]);
    assert!(out.contains("Đã khôi phục"), "{out}");
    assert!(out.contains("Đã hoàn tác lần nhập “"), "{out}");
    fails_with(cli.run(&["undo-import"]), "Chưa có lần nhập dữ liệu nào");
    assert!(office.exists());
}

#[test]
fn progress_is_reported_with_its_files_and_a_bad_percent_says_why() {
    let cli = Cli::with_demo();
    let d = cli.json(&[
        "directives",
        "add",
        "--content",
        "Rà soát hạ tầng viễn thông",
        "--lead",
        "bcvt",
        "--document",
        "45/TB-STTTT",
        "--document-date",
        "10/06/2026",
        "--deadline",
        "30/6/2026",
        "--json",
    ]);
    let id = d["id"].as_str().unwrap().to_string();
    let scan = cli.dir.path().join("báo cáo tiến độ.pdf");
    std::fs::write(&scan, b"%PDF-1.4 a scanned report").unwrap();
    let out = cli.ok(&[
        "directives",
        "progress",
        &id,
        "--percent",
        "80%",
        "--note",
        "Đã khảo sát 12/15 trạm",
        "--on",
        "20/06/2026",
        "--file",
        scan.to_str().unwrap(),
    ]);
    assert!(out.contains("80%"), "{out}");
    let history = cli.json(&["audit", "--id", &id, "--json"]);
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"progress"), "{history}");
    let progress = history
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["action"] == "progress")
        .unwrap();
    let report = progress["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "progress_id")
        .unwrap()["new"]
        .as_str()
        .unwrap()
        .to_string();
    let attached = cli.json(&["audit", "--id", &report, "--json"]);
    assert!(
        attached
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["action"] == "attach"),
        "the file is attached to the report: {attached}"
    );
    let stem = cli.db().file_stem().unwrap().to_string_lossy().into_owned();
    let blobs = std::fs::read_dir(cli.db().with_file_name(format!("{stem}.attachments")))
        .map(|d| d.count())
        .unwrap_or(0);
    assert!(blobs > 0, "the file is stored beside the database");
    // A percent that does not read, and an empty report, say why and record nothing.
    // The window's rule and words: a whole number from 0 to 100, "80 %" allowed.
    for typed in ["abc", "+80", "80%%", "101", "8.5"] {
        fails_with(
            cli.run(&["directives", "progress", &id, "--percent", typed]),
            &format!("“{typed}” không phải là tỷ lệ; nhập một số từ 0 đến 100, ví dụ 80."),
        );
    }
    fails_with(
        cli.run(&["directives", "progress", &id, "--percent", "0"]),
        "Chưa nhập nội dung",
    );
    let after = cli.json(&["audit", "--id", &id, "--json"]);
    assert_eq!(
        after.as_array().unwrap().len(),
        history.as_array().unwrap().len()
    );
}

/// A tracker as the Văn phòng keeps it: a title, a header, three directives, one for a unit
/// the directory does not hold.
fn tracker_file(cli: &Cli) -> PathBuf {
    let path = cli.dir.path().join("theo-doi.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Năm 2025").unwrap();
    ws.write_string(0, 0, "BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ")
        .unwrap();
    let rows: [[&str; 7]; 4] = [
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Văn bản giao",
            "Ngày giao",
            "Chủ trì",
            "Thời hạn",
            "Tiến độ",
        ],
        [
            "1",
            "Rà soát quy chế làm việc",
            "Thông báo số 15/TB-STTTT",
            "10/03/2025",
            "VP",
            "30/06/2025",
            "Đã hoàn thành ngày 28/03/2025",
        ],
        [
            "2",
            "Kiểm tra công tác văn thư",
            "Thông báo số 15/TB-STTTT",
            "10/03/2025",
            "Phòng Thanh tra",
            "31/12/2025",
            "Đang thực hiện",
        ],
        [
            "3",
            "Hỗ trợ đài truyền thanh",
            "Thông báo số 15/TB-STTTT",
            "10/03/2025",
            "Phòng Văn hóa và Thông tin huyện Bát Xát",
            "tháng 9/2025",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            ws.write_string(r as u32 + 2, c as u16, *t).unwrap();
        }
    }
    wb.save(&path).unwrap();
    path
}

#[test]
fn a_tracker_is_previewed_then_imported_once() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    cli.ok(&["units", "add", "--name", "Văn phòng Sở", "--code", "VP"]);
    cli.ok(&["units", "add", "--name", "Phòng Thanh tra", "--code", "TTR"]);
    let file = tracker_file(&cli);
    let file = file.to_str().unwrap();

    let shown = cli.ok(&["import", file, "--dry-run"]);
    assert!(shown.contains("Năm 2025"), "{shown}");
    assert!(shown.contains("Rà soát quy chế làm việc"));
    assert!(shown.contains("Phòng Văn hóa và Thông tin huyện Bát Xát"));
    assert!(shown.contains("Sẽ tạo 3 nhiệm vụ, 1 đơn vị mới"), "{shown}");
    assert!(shown.contains("Xem trước: chưa ghi gì"));
    let json = cli.json(&["import", file, "--dry-run", "--json"]);
    assert_eq!(json["kind"], "xlsx");
    assert_eq!(json["directives"].as_array().unwrap().len(), 3);
    assert_eq!(json["directives"][0]["status"], "done");
    assert_eq!(json["directives"][0]["completed_on"], "2025-03-28");

    // An unknown unit stops the import, the row named; nothing is written.
    let err = fails_with(cli.run(&["import", file]), "dòng 6");
    assert!(err.contains("--create-units"));
    assert_eq!(cli.json(&["directives", "list", "--json"])["total"], 0);

    let done = cli.ok(&["--lang", "en", "import", file, "--create-units"]);
    assert!(done.contains("Created 3 directives, 1 new units"), "{done}");
    let list = cli.json(&["directives", "list", "--json"]);
    assert_eq!(list["total"], 3);
    let again = cli.ok(&["--lang", "en", "import", file, "--create-units"]);
    assert!(
        again.contains("Created 0 directives, 0 new units, 0 new meetings; 3 imported before"),
        "{again}"
    );
    assert_eq!(cli.json(&["directives", "list", "--json"])["total"], 3);

    // A caveat on a row that another problem leaves out is a note only, not "imported";
    // each row held as changed since is named for --as-new.
    cli.ok(&[
        "units",
        "add",
        "--name",
        "Trung tâm Tích hợp dữ liệu",
        "--code",
        "TTTHDL",
    ]);
    {
        let mut store =
            giaoban::store::Store::open(&cli.db(), giaoban::store::OpenMode::Existing).unwrap();
        let id = giaoban::unit::resolve(store.conn(), "TTTHDL", giaoban::error::Field::LeadUnit)
            .unwrap()
            .id;
        store
            .write(|tx| giaoban::unit::set_active(tx, id, false))
            .unwrap();
    }
    let moved = cli.dir.path().join("doi.csv");
    std::fs::write(
        &moved,
        "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Chủ trì;Thời hạn\n\
         1;Rà soát quy chế làm việc;Thông báo số 15/TB-STTTT;10/03/2025;Phòng Thanh tra;30/06/2025\n\
         2;Kiểm tra công tác văn thư;Thông báo số 15/TB-STTTT;10/03/2025;VP;31/12/2025\n\
         3;Báo cáo số liệu;Thông báo số 15/TB-STTTT;10/03/2025;VP - TTTHDL;31/12/2025\n",
    )
    .unwrap();
    let shown = cli.ok(&["import", moved.to_str().unwrap(), "--dry-run"]);
    let row = |n: &str| -> Vec<&str> {
        (shown.lines())
            .filter(|l| l.contains(&format!("┆ {n} ")))
            .collect()
    };
    let fourth = row("4");
    assert!(
        fourth.iter().any(|l| l.contains("bỏ qua")
            && l.contains("ngừng hoạt động")
            && l.contains("E (Đơn vị chủ trì)")),
        "{shown}"
    );
    assert!(fourth.iter().all(|l| !l.contains("nhập, lưu ý")), "{shown}");
    // (A row held as brought in before with another lead: told at the lead's column.)
    assert!(
        row("2")
            .iter()
            .any(|l| l.contains("bỏ qua") && l.contains("E (Đơn vị chủ trì)")),
        "{shown}"
    );
    assert!(fourth.iter().any(|l| l.contains("┆ lưu ý ")), "{shown}");
    assert!(
        shown.contains("--as-new \"doi:2\" --as-new \"doi:3\""),
        "{shown}"
    );

    // Another kind under a workbook's name is told as such.
    let png = cli.dir.path().join("anh.xlsx");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fails_with(
        cli.run(&["import", png.to_str().unwrap()]),
        "nội dung là tệp ảnh",
    );
    // A column named by its number, not its letters, says how to write it.
    fails_with(
        cli.run(&["import", file, "--column", "content=1"]),
        "“content=1” không đọc được: ghi tên trường = chữ cái của cột, ví dụ content=B",
    );
    // The "Excel" file an online system gives: a web page under an .xls name.
    let page = cli.dir.path().join("bao-cao.xls");
    std::fs::write(
        &page,
        "\u{feff}\n <HTML><body><table><tr><td>STT</td><td>Nội dung nhiệm vụ</td></tr></table></body></HTML>",
    )
    .unwrap();
    let page = page.to_str().unwrap();
    fails_with(cli.run(&["import", page]), "nội dung là trang web (HTML");
    // Asked for JSON, the failure is JSON as well, and nothing was written.
    let out = cli.run(&["import", page, "--json"]);
    assert!(!out.status.success());
    let failure: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(failure["error"]["kind"], "Intake");
    assert!(
        failure["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Dữ liệu không bị thay đổi"),
        "{failure}"
    );
    assert_eq!(cli.json(&["directives", "list", "--json"])["total"], 3);
}
