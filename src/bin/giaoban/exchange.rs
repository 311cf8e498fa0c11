//! `export bundle`, `import`, `undo-import`, `peers`, `identity`, `conflicts`: the USB
//! exchange between installations, and how it prints.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use clap::Subcommand;
use giaoban::error::{Error, Field, Result, Rule};
use giaoban::exchange::role::{Grant, Role};
use giaoban::exchange::{self, ExportOptions, ImportOptions, Scope, identity};
use giaoban::store::Store;
use giaoban::{date, labels, unit};

use crate::render::Out;

/// What `export bundle` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeArg {
    /// The whole database.
    All,
    /// Meetings that started between --from and --to, with their directives.
    Meetings,
    /// Directives --unit leads or coordinates, with their progress (a response packet).
    Unit,
}

/// `export bundle …`
#[derive(Debug, clap::Args)]
pub struct BundleArgs {
    /// Output file (.gbx), or a folder (a USB stick) where it takes its usual name (default:
    /// the current folder).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Made for this installation (id or name): only what changed since the last bundle for it.
    #[arg(long = "for")]
    pub for_peer: Option<String>,
    /// Only what changed since this day (dd/mm/yyyy).
    #[arg(long)]
    pub since: Option<String>,
    /// What to select.
    #[arg(long, value_enum, default_value = "all")]
    pub scope: ScopeArg,
    /// First day of the meetings (with --scope meetings).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the meetings (with --scope meetings).
    #[arg(long)]
    pub to: Option<String>,
    /// The unit (with --scope unit): code, name or abbreviation.
    #[arg(long)]
    pub unit: Option<String>,
    /// Encrypt with the passphrase in this file (its first line).
    #[arg(long)]
    pub passphrase_file: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// What a trusted installation may change here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    /// Another machine of this office: everything.
    Office,
    /// A unit (with --unit): progress, files, "done" and its own people, on the directives
    /// given to its units.
    Unit,
    /// A superior or other agency: its own directives and meetings, never this office's.
    Superior,
}

/// `--role` and `--unit` of a trust.
#[derive(Debug, Clone, clap::Args)]
pub struct GrantArgs {
    /// The role of the installation trusted.
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// For --role unit: a unit it stands for (code, name or abbreviation); may be repeated.
    #[arg(long = "unit")]
    pub units: Vec<String>,
}

impl GrantArgs {
    /// The grant, its units looked up in the directory.
    fn resolve(&self, store: &Store) -> Result<Grant> {
        let role = match self
            .role
            .ok_or(Error::invalid(Field::Peer, Rule::Required))?
        {
            RoleArg::Office => Role::Office,
            RoleArg::Unit => Role::Unit,
            RoleArg::Superior => Role::Superior,
        };
        let units = self
            .units
            .iter()
            .map(|u| unit::resolve(store.conn(), u, Field::LeadUnit).map(|u| u.id))
            .collect::<Result<_>>()?;
        Ok(Grant { role, units })
    }
}

/// `peers …`
#[derive(Debug, Subcommand)]
pub enum PeersCmd {
    /// The installations met through bundles.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Trust an installation (after comparing its fingerprint with it), with a role.
    Trust {
        /// Its id, fingerprint, or name (when no other has it).
        peer: String,
        /// What it may change here.
        #[command(flatten)]
        grant: GrantArgs,
    },
    /// Stop importing an installation's bundles.
    Distrust {
        /// Its id, fingerprint, or name (when no other has it).
        peer: String,
    },
}

/// `conflicts …`
#[derive(Debug, Subcommand)]
pub enum ConflictsCmd {
    /// Texts kept from concurrent edits, waiting for a choice.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Settle one: keep the record's text, or take the version kept aside.
    Resolve {
        /// The conflict's id.
        id: uuid::Uuid,
        /// Put the version kept aside into the record.
        #[arg(long)]
        take_other: bool,
    },
}

fn passphrase(file: Option<&Path>) -> Result<Option<SecretString>> {
    let Some(file) = file else { return Ok(None) };
    let text = std::fs::read_to_string(file).map_err(Error::io(file))?;
    let line = text.lines().next().unwrap_or_default().to_string();
    if line.is_empty() {
        return Err(Error::invalid(Field::Passphrase, Rule::Required));
    }
    Ok(Some(SecretString::from(line)))
}

/// `export bundle`.
pub fn export(store: &mut Store, out: Out, a: BundleArgs) -> Result<()> {
    let day = |s: &Option<String>, f| s.as_deref().map(|s| date::parse(s, f)).transpose();
    let scope = match a.scope {
        ScopeArg::All => Scope::All,
        ScopeArg::Meetings => Scope::Meetings {
            from: day(&a.from, Field::Period)?
                .ok_or(Error::invalid(Field::Period, Rule::Required))?,
            to: day(&a.to, Field::Period)?.ok_or(Error::invalid(Field::Period, Rule::Required))?,
        },
        ScopeArg::Unit => {
            let q = a
                .unit
                .as_deref()
                .ok_or(Error::invalid(Field::LeadUnit, Rule::Required))?;
            Scope::Unit(unit::resolve(store.conn(), q, Field::LeadUnit)?.id)
        }
    };
    let for_peer = a
        .for_peer
        .as_deref()
        .map(|p| identity::find(store.conn(), p).map(|p| p.id))
        .transpose()?;
    let o = ExportOptions {
        scope: Some(scope),
        for_peer,
        since: day(&a.since, Field::Date)?,
        passphrase: passphrase(a.passphrase_file.as_deref())?,
    };
    let tty = !a.json && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let target = giaoban::app::documents::Target::given(a.out);
    let file = giaoban::app::exchange::bundle_path(store.conn(), store.installation(), &target)?;
    let done = exchange::export(store, &file, &o, &mut |n, total| {
        if tty {
            eprint!("\r{n}/{total}");
        }
    })?;
    if tty {
        eprintln!();
    }
    if a.json {
        return crate::render::json(&done);
    }
    println!(
        "{}: {} ({} KB)",
        out.t("Đã xuất", "Exported"),
        done.path.display(),
        done.size_kb
    );
    let mut t = crate::render::table(&[out.t("Loại", "Kind"), out.t("Số bản ghi", "Records")]);
    for (k, n) in &done.counts {
        t.add_row(vec![
            labels::label("record_table", k, out.lang).to_string(),
            n.to_string(),
        ]);
    }
    println!("{t}");
    if !done.missing_files.is_empty() {
        println!(
            "{}: {}",
            out.t(
                "Không mang theo được các tệp đính kèm bị thiếu hoặc đã bị thay đổi trên máy này",
                "Attached files left out, missing or altered on this computer"
            ),
            done.missing_files.join(", ")
        );
    }
    Ok(())
}

/// How `import` was asked.
pub struct ImportArgs<'a> {
    /// Only show what would change.
    pub dry_run: bool,
    /// Trust the sender with this role.
    pub trust: Option<GrantArgs>,
    /// File holding the passphrase.
    pub passphrase_file: Option<&'a Path>,
    /// Where to write a receipt.
    pub receipt: Option<&'a Path>,
    /// Print JSON.
    pub json: bool,
}

/// `import`.
pub fn import(store: &mut Store, out: Out, file: &Path, a: ImportArgs<'_>) -> Result<()> {
    let o = ImportOptions {
        passphrase: passphrase(a.passphrase_file)?,
        dry_run: a.dry_run,
        trust: a.trust.map(|g| g.resolve(store)).transpose()?,
    };
    let got = exchange::import(store, file, &o)?;
    if let Some(r) = a.receipt {
        exchange::receipt::write(store, &got, r)?;
    }
    if a.json {
        return crate::render::json(&got);
    }
    let dry_run = a.dry_run;
    println!(
        "{} “{}” ({}: {})",
        out.t("Tệp của", "File from"),
        got.sender_name,
        out.t("mã khóa", "key"),
        got.fingerprint
    );
    if got.already {
        println!(
            "{}",
            out.t(
                "Tệp này đã được nhập trước đây: không có gì thay đổi.",
                "This file was imported before: nothing changed."
            )
        );
        return Ok(());
    }
    counts_table(out, &got.tables);
    if !got.changes.is_empty() {
        println!(
            "{}",
            out.t(
                "Thay đổi trên bản ghi đã có ở máy này:",
                "Changes to records already on this computer:"
            )
        );
        let mut t = crate::render::table(&[
            out.t("Loại", "Kind"),
            out.t("Bản ghi", "Record"),
            out.t("Trường", "Field"),
            out.t("Trước", "Before"),
            out.t("Sau", "After"),
        ]);
        for c in &got.changes {
            t.add_row(vec![
                labels::label("record_table", &c.table, out.lang).to_string(),
                c.title.clone(),
                labels::label("change_field", &c.field, out.lang).to_string(),
                c.before.clone(),
                c.after.clone(),
            ]);
        }
        println!("{t}");
        if got.changes_left_out > 0 {
            println!(
                "{} {}",
                got.changes_left_out,
                out.t("thay đổi khác không liệt kê.", "more changes not listed.")
            );
        }
    }
    if dry_run {
        println!(
            "{}",
            out.t(
                "Xem trước: chưa ghi gì vào cơ sở dữ liệu.",
                "Preview: nothing was written."
            )
        );
    } else if let Some(b) = &got.backup {
        println!(
            "{}: {}",
            out.t("Đã sao lưu trước khi nhập", "Backed up before the import"),
            b.display()
        );
    }
    Ok(())
}

/// What a merge did (or would do), per kind of record.
fn counts_table(out: Out, tables: &std::collections::BTreeMap<String, exchange::MergeCounts>) {
    let mut t = crate::render::table(&[
        out.t("Loại", "Kind"),
        out.t("Mới", "New"),
        out.t("Cập nhật", "Updated"),
        out.t("Không đổi", "Unchanged"),
        out.t("Xung đột", "Conflicts"),
        out.t("Đã xóa", "Deleted"),
    ]);
    for (k, c) in tables {
        t.add_row(vec![
            labels::label("record_table", k, out.lang).to_string(),
            c.new.to_string(),
            c.updated.to_string(),
            c.unchanged.to_string(),
            c.conflicts.to_string(),
            c.deleted.to_string(),
        ]);
    }
    println!("{t}");
}

/// `receipt FILE`.
pub fn receipt(store: &Store, out: Out, file: &Path, json: bool) -> Result<()> {
    let r = exchange::receipt::check(store, file)?;
    if json {
        return crate::render::json(&r);
    }
    let at = chrono::DateTime::parse_from_rfc3339(&r.received_at)
        .map(|t| t.to_utc())
        .unwrap_or_default();
    println!(
        "{} “{}” {} {} ({})",
        out.t("Biên nhận hợp lệ:", "Valid receipt:"),
        r.receiver_name,
        out.t("đã nhận tệp", "received file"),
        r.bundle_id,
        giaoban::date::format(giaoban::date::local_date(at))
    );
    counts_table(out, &r.tables);
    Ok(())
}

/// `peers …` and `identity`.
pub fn peers(store: &mut Store, out: Out, cmd: PeersCmd) -> Result<()> {
    match cmd {
        PeersCmd::List { json } => {
            let all = identity::peers(store.conn())?;
            if json {
                return crate::render::json(&all);
            }
            let mut t = crate::render::table(&[
                out.t("Tên", "Name"),
                out.t("Mã khóa", "Fingerprint"),
                out.t("Tin cậy", "Trusted"),
                out.t("Vai trò", "Role"),
                "Id",
            ]);
            for p in all {
                let yes = if p.trusted {
                    out.t("có", "yes")
                } else {
                    out.t("không", "no")
                };
                let mut role = p.role.label(out.lang).to_string();
                if !p.units.is_empty() {
                    let names: Vec<&str> = p.units.iter().map(|(_, n)| n.as_str()).collect();
                    role = format!("{role}: {}", names.join(", "));
                }
                t.add_row(vec![
                    p.name,
                    p.fingerprint,
                    yes.into(),
                    role,
                    p.id.to_string(),
                ]);
            }
            println!("{t}");
        }
        PeersCmd::Trust { peer, grant } => {
            let p = identity::find(store.conn(), &peer)?;
            let grant = grant.resolve(store)?;
            store.write(|tx| identity::set_trusted(tx, p.id, Some(&grant)))?;
            println!(
                "{} “{}” ({}), {}: {}",
                out.t("Đã tin cậy", "Trusted"),
                p.name,
                p.fingerprint,
                out.t("vai trò", "role"),
                grant.role.label(out.lang)
            );
        }
        PeersCmd::Distrust { peer } => {
            let p = identity::find(store.conn(), &peer)?;
            store.write(|tx| identity::set_trusted(tx, p.id, None))?;
            println!(
                "{} “{}”",
                out.t("Đã bỏ tin cậy", "No longer trusted"),
                p.name
            );
        }
    }
    Ok(())
}

/// `identity [--name NAME]`.
pub fn identity_cmd(store: &mut Store, out: Out, name: Option<String>, json: bool) -> Result<()> {
    if let Some(n) = name {
        store.write(|tx| identity::rename(tx, &n))?;
    }
    let me = identity::identity(store.conn(), store.installation())?;
    if json {
        return crate::render::json(&me);
    }
    println!("{}: {}", out.t("Tên máy", "Name"), me.name);
    println!(
        "{}: {}",
        out.t("Mã khóa", "Key fingerprint"),
        me.fingerprint
    );
    println!("Id: {}", me.id);
    Ok(())
}

/// `conflicts …`.
pub fn conflicts(store: &mut Store, out: Out, cmd: ConflictsCmd) -> Result<()> {
    match cmd {
        ConflictsCmd::List { json } => {
            let all = exchange::conflicts(store.conn())?;
            if json {
                return crate::render::json(&all);
            }
            let mut t = crate::render::table(&[
                "Id",
                out.t("Bản ghi", "Record"),
                out.t("Nội dung hiện tại", "Current text"),
                out.t("Phiên bản giữ lại", "Version kept aside"),
            ]);
            for c in all {
                t.add_row(vec![
                    c.id.to_string(),
                    format!(
                        "{} ({})",
                        labels::label("record_table", &c.entity, out.lang),
                        labels::label("change_field", &c.field, out.lang)
                    ),
                    crate::render::clip(&c.current, 50),
                    crate::render::clip(&c.other, 50),
                ]);
            }
            println!("{t}");
        }
        ConflictsCmd::Resolve { id, take_other } => {
            exchange::resolve(store, id, take_other)?;
            println!("{}", out.t("Đã xử lý xung đột.", "Conflict settled."));
        }
    }
    Ok(())
}
