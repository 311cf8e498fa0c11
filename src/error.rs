//! The core's error type: every failure a caller can meet, typed, with a message
//! in Vietnamese or English. No SQL text is ever part of a user-facing message.

use std::path::PathBuf;

use serde::Serialize;

use crate::lang::Lang;

/// Result alias used throughout the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Kinds of record, used to say what was not found or what a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    /// Organisation unit (đơn vị).
    Unit,
    /// Person (cán bộ).
    Person,
    /// Meeting series.
    Series,
    /// Meeting (cuộc họp).
    Meeting,
    /// Conclusion item (kết luận).
    Conclusion,
    /// Directive (nhiệm vụ).
    Directive,
    /// Attachment (tệp đính kèm).
    Attachment,
    /// Another installation met through an exchange file.
    Peer,
    /// A text kept from a concurrent edit.
    Conflict,
}

impl Entity {
    fn label(self, lang: Lang) -> &'static str {
        crate::labels::of("entity", &self, lang)
    }
}

/// The input field a validation error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A unit's or meeting's name / title.
    Name,
    /// Unit code (viết tắt).
    Code,
    /// Directive content.
    Content,
    /// Lead unit (đơn vị chủ trì).
    LeadUnit,
    /// Coordinating units (đơn vị phối hợp).
    CoordinatingUnits,
    /// Directing leader (lãnh đạo chỉ đạo).
    DirectingLeader,
    /// Deadline (thời hạn).
    Deadline,
    /// Date a directive was given.
    AssignedOn,
    /// Meeting start time.
    StartsAt,
    /// Meeting end time.
    EndsAt,
    /// Status of a meeting or directive.
    Status,
    /// Progress percent.
    Percent,
    /// Date of a report, completion or approval.
    Date,
    /// A reason or note.
    Reason,
    /// Parent unit.
    Parent,
    /// A reporting period.
    Period,
    /// A number given on the command line.
    Number,
    /// The number of an issued document (số văn bản).
    DocumentNumber,
    /// Where a directive came from (meeting or document).
    Source,
    /// The passphrase of an exchange file.
    Passphrase,
    /// An installation met through exchange files.
    Peer,
    /// An attendee's attendance (có mặt, vắng…).
    Attendance,
    /// The days off an office announced (ngày nghỉ do cơ quan thông báo).
    DaysOff,
}

impl Field {
    fn label(self, lang: Lang) -> &'static str {
        crate::labels::of("field", &self, lang)
    }
}

/// Which rule an input broke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "rule", content = "detail", rename_all = "snake_case")]
pub enum Rule {
    /// The field must be given and not blank.
    Required,
    /// The text is not a date in a form we read (dd/mm/yyyy or yyyy-mm-dd).
    BadDate(String),
    /// The text is not a number in the allowed range.
    BadNumber(String),
    /// The unit or person is inactive and cannot receive new directives.
    Inactive,
    /// The same unit is both lead and coordinating.
    LeadAlsoCoordinating,
    /// The end is not after the start.
    EndNotAfterStart,
    /// The deadline is before the date the directive was given, and that was not confirmed.
    DeadlineBeforeAssigned,
    /// A new deadline must be later than the current one.
    NotLater,
    /// The value is already used by another record.
    Duplicate(String),
    /// A date after today where only what already happened can be recorded.
    InFuture,
    /// The record's status does not allow this step.
    Transition {
        /// Current status.
        from: String,
        /// Requested status.
        to: String,
    },
    /// A value outside what is allowed (e.g. percent above 100).
    OutOfRange,
    /// A text longer than can be read: more words and marks than the limit given.
    TooLong(u32),
    /// A name or title longer than the characters given.
    TooManyChars(u32),
    /// A name matches several records.
    Ambiguous {
        /// What the user typed.
        query: String,
        /// Names of the matching records.
        candidates: Vec<String>,
    },
    /// A unit cannot be its own ancestor.
    Cycle,
    /// The meeting is closed and its record locked until reopened.
    Locked,
    /// Other records depend on this one (directives given from a conclusion).
    InUse,
    /// The meeting's chair cannot be absent: the header must name who chaired instead.
    ChairAbsent,
    /// The meeting's secretary cannot be absent: the header must name who took the minutes.
    SecretaryAbsent,
}

/// Every error of the core library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A record that should exist does not.
    #[error("{entity:?} not found: {id}")]
    NotFound {
        /// Kind of record.
        entity: Entity,
        /// The id or name that was looked up.
        id: String,
    },
    /// An input broke a rule; `field` names the offending input.
    #[error("invalid {field:?}: {rule:?}")]
    Invalid {
        /// The field at fault.
        field: Field,
        /// The rule it broke.
        rule: Rule,
    },
    /// The file is not a Giao Ban database, or it is damaged.
    #[error("corrupt or not a database: {path}")]
    Corrupt {
        /// Path of the file.
        path: PathBuf,
    },
    /// A PDF for printing needs LibreOffice, which is not installed.
    #[error("LibreOffice not found")]
    NoLibreOffice,
    /// A document cannot be issued before the office's details are set.
    #[error("office details missing: {missing:?}")]
    OfficeIncomplete {
        /// What is missing.
        missing: Vec<OfficeField>,
    },
    /// The database failed its check at start and was moved aside, unopened for writing.
    #[error("damaged database {path} moved to {moved_to}")]
    Damaged {
        /// Where the database was.
        path: PathBuf,
        /// Where the damaged file now is.
        moved_to: PathBuf,
    },
    /// The database was written by a newer Giao Ban.
    #[error("database schema {found} is newer than supported {supported}")]
    NewerSchema {
        /// Schema version in the file.
        found: i64,
        /// Latest schema this build knows.
        supported: i64,
    },
    /// No database exists at the path (and the command does not create one).
    #[error("no database at {path}")]
    NoDatabase {
        /// The path looked at.
        path: PathBuf,
    },
    /// Another program holds the database locked for longer than the busy timeout.
    #[error("database is busy")]
    Busy,
    /// The disk is full.
    #[error("disk full")]
    DiskFull,
    /// Reading or writing the database file failed (a removed USB stick, a failing disk).
    #[error("disk I/O error")]
    DiskIo,
    /// The database file or folder cannot be written.
    #[error("database is read-only")]
    ReadOnly,
    /// Sample data can only be generated into an empty database.
    #[error("database is not empty")]
    NotEmpty,
    /// A file operation failed.
    #[error("file error on {path}: {source}")]
    Io {
        /// Path involved.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// Anything else SQLite reported; a bug or an unexpected state.
    #[error("storage error: {0}")]
    Storage(rusqlite::Error),
    /// A migration failed to apply.
    #[error("migration failed: {0}")]
    Migration(String),
    /// The last import cannot be undone: there is none, or something was written after it.
    #[error("cannot undo the last import (written after: {written_after})")]
    CannotUndoImport {
        /// Something was written after the import.
        written_after: bool,
    },
    /// An exchange bundle was refused; nothing was imported.
    #[error("bundle refused: {0:?}")]
    Bundle(BundleProblem),
    /// A tracker workbook or a document brought in was refused; nothing was imported.
    #[error("file refused: {0:?}")]
    Intake(IntakeProblem),
}

/// Why a file of an office's existing records (a tracker workbook or CSV, a DOCX notice or
/// minutes) was refused. File kinds are named by their `file_kind` label
/// ([`crate::labels`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "problem", content = "detail", rename_all = "snake_case")]
pub enum IntakeProblem {
    /// Not a kind of file Giao Ban reads; `is` names what it looks like (`png`, `pdf`,
    /// `unknown`…).
    Unsupported {
        /// The `file_kind` it looks like.
        is: String,
    },
    /// Its name says one kind and its content is another.
    Misnamed {
        /// The `file_kind` its name says.
        named: String,
        /// The `file_kind` its content is.
        is: String,
    },
    /// Protected by a password (an encrypted Office file).
    Encrypted,
    /// Damaged: it cannot be read as the kind it is.
    Damaged {
        /// The `file_kind` it is.
        kind: String,
    },
    /// Larger than a file brought in may be.
    TooLarge {
        /// The limit, in MiB.
        limit_mib: u32,
    },
    /// Its archive would inflate far beyond its size (a "zip bomb") or holds too many entries.
    Inflates,
    /// More rows than one import takes (counting stops past the limit).
    TooManyRows {
        /// The limit.
        limit: u32,
    },
    /// The sheet asked for is not in the workbook, or is hidden.
    NoSuchSheet {
        /// Its name.
        name: String,
        /// It is there but hidden.
        hidden: bool,
        /// The sheets there are to choose from (when it is not there).
        sheets: Vec<String>,
    },
    /// No visible sheet has a table with a header Giao Ban recognises (nội dung, chủ trì…).
    NoTable,
    /// No tracker found, and its letters with marks lost as "?" (a file saved in a character
    /// set without them).
    LettersLost,
    /// A document that states no meeting: no date, chair, attendee nor directive.
    NoMeeting,
    /// A column mapping given names no column of the sheet, or leaves out the content or the
    /// lead unit.
    BadMapping,
    /// A column named on the command line is not `field=letters`.
    BadColumn {
        /// What was given.
        given: String,
    },
    /// A row named on the command line is not `ROW` or `SHEET:ROW`.
    BadRow {
        /// What was given.
        given: String,
    },
    /// Units not in the directory: the import stops unless they are created.
    UnknownUnit {
        /// The sheet.
        sheet: String,
        /// The row (as the spreadsheet numbers it).
        row: u32,
        /// The unit's name as written.
        name: String,
        /// How many different unknown units the file names.
        count: u32,
    },
    /// The file holds no text to read directives from.
    Empty,
    /// A CSV's quote opened in a cell and not closed where the cell ends: the rows after it
    /// would be read into that cell.
    QuoteNotClosed {
        /// The row (as a spreadsheet numbers it) where the quote opens.
        row: u32,
    },
}

impl IntakeProblem {
    fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let kind = |k: &str| crate::labels::label("file_kind", k, lang).to_string();
        let tail = pick(vi, " Dữ liệu không bị thay đổi.", " No data was changed.");
        let head = match self {
            IntakeProblem::Unsupported { is } => {
                if vi {
                    format!(
                        "Giao Ban không đọc được loại tệp này ({}). Hãy chọn bảng tính theo dõi nhiệm vụ (.xlsx, .xls, .ods, .csv), văn bản .docx hoặc tệp trao đổi .gbx.",
                        kind(is)
                    )
                } else {
                    format!(
                        "Giao Ban cannot read this kind of file ({}). Choose a directive tracker (.xlsx, .xls, .ods, .csv), a .docx document or a .gbx exchange file.",
                        kind(is)
                    )
                }
            }
            IntakeProblem::Misnamed { named, is } => {
                if vi {
                    format!(
                        "Tệp mang tên {} nhưng nội dung là {}; không nhập được.",
                        kind(named),
                        kind(is)
                    )
                } else {
                    format!(
                        "The file is named as {} but its content is {}; it cannot be imported.",
                        kind(named),
                        kind(is)
                    )
                }
            }
            IntakeProblem::Encrypted => pick(
                vi,
                "Tệp được bảo vệ bằng mật khẩu. Hãy mở bằng Excel hoặc Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ), lưu lại rồi nhập.",
                "The file is protected by a password. Open it in Excel or Word, remove the password (File → Info → Protect), save it, then import it.",
            ),
            IntakeProblem::Damaged { kind: k } => {
                if vi {
                    format!(
                        "Tệp này ({}) bị hỏng hoặc không đầy đủ, không đọc được.",
                        kind(k)
                    )
                } else {
                    format!(
                        "This file ({}) is damaged or incomplete and cannot be read.",
                        kind(k)
                    )
                }
            }
            IntakeProblem::TooLarge { limit_mib } => {
                if vi {
                    format!("Tệp lớn hơn giới hạn {limit_mib} MB cho một lần nhập.")
                } else {
                    format!("The file is larger than the {limit_mib} MB an import takes.")
                }
            }
            IntakeProblem::Inflates => pick(
                vi,
                "Tệp nén có nội dung giải nén lớn bất thường hoặc quá nhiều mục (có thể là tệp độc hại); không mở.",
                "The compressed file would inflate to an abnormal size or holds too many entries (possibly a malicious file); it was not opened.",
            ),
            IntakeProblem::TooManyRows { limit } => {
                if vi {
                    format!(
                        "Bảng có hơn {limit} dòng, vượt giới hạn cho một lần nhập; hãy tách thành nhiều tệp (ví dụ mỗi năm một tệp)."
                    )
                } else {
                    format!(
                        "The table has more than {limit} rows, over what an import takes; split it into several files (one a year, say)."
                    )
                }
            }
            IntakeProblem::NoSuchSheet {
                name, hidden: true, ..
            } => {
                if vi {
                    format!("Trang tính “{name}” đang bị ẩn; hãy bỏ ẩn trong Excel nếu muốn nhập.")
                } else {
                    format!("The sheet “{name}” is hidden; unhide it in Excel to import it.")
                }
            }
            IntakeProblem::NoSuchSheet {
                name,
                hidden: false,
                sheets,
            } => {
                let there = sheets
                    .iter()
                    .map(|s| format!("“{s}”"))
                    .collect::<Vec<_>>()
                    .join(", ");
                if vi {
                    format!("Bảng tính không có trang “{name}”; các trang có: {there}.")
                } else {
                    format!("The workbook has no sheet “{name}”; its sheets: {there}.")
                }
            }
            IntakeProblem::LettersLost => pick(
                vi,
                "Không tìm thấy bảng theo dõi nhiệm vụ: chữ có dấu trong tệp đã thành “?” (tệp được lưu bằng bảng mã không có tiếng Việt). Hãy lưu lại tệp dạng CSV UTF-8 hoặc Excel (.xlsx) rồi nhập lại.",
                "No directive tracker was found: the file's letters with marks became “?” (it was saved in a character set without Vietnamese). Save it again as CSV UTF-8 or Excel (.xlsx) and import it again.",
            ),
            IntakeProblem::NoTable => pick(
                vi,
                "Không tìm thấy bảng theo dõi nhiệm vụ: không trang nào có dòng tiêu đề với cột nội dung và đơn vị chủ trì.",
                "No directive tracker was found: no sheet has a header row with a content column and a lead unit column.",
            ),
            IntakeProblem::BadRow { given } => {
                if vi {
                    format!(
                        "“{given}” không đọc được: ghi số dòng như bảng tính đánh số, hoặc tên trang:số dòng, ví dụ 12 hoặc “Năm 2025:12”."
                    )
                } else {
                    format!(
                        "“{given}” cannot be read: write the row's number as the spreadsheet shows it, or sheet:row, e.g. 12 or “Năm 2025:12”."
                    )
                }
            }
            IntakeProblem::BadColumn { given } => {
                if vi {
                    format!(
                        "“{given}” không đọc được: ghi tên trường = chữ cái của cột, ví dụ content=B (các trường: number, content, source, assigned_on, lead, coordinating, deadline, extended, progress, completed_on, notes, leader, output, priority)."
                    )
                } else {
                    format!(
                        "“{given}” cannot be read: write field=column letters, e.g. content=B (fields: number, content, source, assigned_on, lead, coordinating, deadline, extended, progress, completed_on, notes, leader, output, priority)."
                    )
                }
            }
            IntakeProblem::BadMapping => pick(
                vi,
                "Cách ghép cột không hợp lệ: phải có cột nội dung và cột đơn vị chủ trì, và mỗi cột phải có trong bảng.",
                "The column mapping is not valid: it needs a content column and a lead unit column, each one of the table's.",
            ),
            IntakeProblem::UnknownUnit {
                sheet,
                row,
                name,
                count,
            } => {
                if vi {
                    format!(
                        "Đơn vị “{name}” (trang “{sheet}”, dòng {row}) chưa có trong danh mục; tệp có {count} đơn vị chưa có. Hãy thêm vào danh mục, hoặc nhập với --create-units để tạo mới."
                    )
                } else {
                    format!(
                        "The unit “{name}” (sheet “{sheet}”, row {row}) is not in the directory; the file names {count} unknown units. Add them to the directory, or import with --create-units to create them."
                    )
                }
            }
            IntakeProblem::Empty => pick(
                vi,
                "Tệp không có nội dung để đọc.",
                "The file holds no text to read.",
            ),
            IntakeProblem::NoMeeting => pick(
                vi,
                "Văn bản không nói về một cuộc họp: không thấy ngày họp, người chủ trì, thành phần hay nhiệm vụ nào. Hãy chọn thông báo kết luận hoặc biên bản cuộc họp.",
                "The document does not read as a meeting: no meeting date, chair, attendee or directive found. Choose a conclusion notice or minutes.",
            ),
            IntakeProblem::QuoteNotClosed { row } => {
                if vi {
                    format!(
                        "Tệp CSV có dấu ngoặc kép (\") mở ở dòng {row} mà không đóng đúng chỗ, nên các dòng sau bị gộp vào một ô. Hãy sửa dấu ngoặc kép ở dòng {row} (hoặc lưu lại tệp từ Excel/LibreOffice) rồi nhập lại."
                    )
                } else {
                    format!(
                        "The CSV file has a quote (\") opened on row {row} that is not closed where its cell ends, so the rows after it would run into one cell. Correct the quote on row {row} (or save the file again from Excel or LibreOffice) and import again."
                    )
                }
            }
        };
        head + &tail
    }
}

/// Why an exchange bundle was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "problem", content = "detail", rename_all = "snake_case")]
pub enum BundleProblem {
    /// Not a bundle, cut short, or damaged on the way.
    Damaged,
    /// Encrypted, and no passphrase was given.
    NeedsPassphrase,
    /// The passphrase does not open it.
    WrongPassphrase,
    /// Over a size or count limit.
    TooLarge,
    /// An entry name that a bundle never has (a path, `..`, a link, a folder).
    UnsafeEntry(String),
    /// The same entry twice.
    DuplicateEntry,
    /// A required entry is missing.
    Missing(String),
    /// The signature does not match the content.
    BadSignature,
    /// Made by a newer Giao Ban.
    NewerFormat,
    /// The manifest or a record is not what a bundle holds.
    Malformed(String),
    /// An entry's content differs from its hash in the manifest.
    HashMismatch(String),
    /// The sender is not (yet) trusted.
    UnknownSender {
        /// The sender's display name.
        name: String,
        /// The key's fingerprint to compare with the sender.
        fingerprint: String,
    },
    /// A known sender now signs with another key.
    KeyChanged {
        /// The sender's display name.
        name: String,
    },
    /// A clock from the future (more than a day ahead of this machine).
    FutureClock,
    /// This installation made the bundle.
    OwnBundle,
    /// A record refers to one that neither the bundle nor this database holds.
    MissingReference(Box<MissingReference>),
    /// A value that a local write would refuse (a date that does not exist, an unknown
    /// state, an id of the wrong size, a unit that would be its own parent…).
    BadValue(Box<BadValue>),
    /// A change the sender's role does not allow here.
    OutOfRole(Box<OutOfRole>),
}

impl BadValue {
    /// The refusal of `value` in column `column` of record `id` (hex) of `table`.
    pub fn error(table: &str, id: String, column: &str, value: String) -> Error {
        Error::Bundle(BundleProblem::BadValue(Box::new(BadValue {
            table: table.to_string(),
            id,
            column: column.to_string(),
            value,
        })))
    }
}

/// A record of an exchange file that refers to one neither the file nor this database holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MissingReference {
    /// The table of the record that refers (`directive`…).
    pub table: String,
    /// The table of the record it refers to (`person`…).
    pub refers_to: String,
    /// What the two are called, Vietnamese and English: `[referring, referred]` each.
    pub words: [[String; 2]; 2],
}

/// A change in an exchange file that its sender's role does not allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OutOfRole {
    /// The sender's display name.
    pub sender: String,
    /// Its role here (`office`, `unit`, `superior`).
    pub role: String,
    /// The role in words, Vietnamese and English.
    pub role_words: [String; 2],
    /// The table (`directive`, `meeting`…).
    pub table: String,
    /// What its records are called, Vietnamese and English.
    pub table_words: [String; 2],
    /// The record's id (hex).
    pub id: String,
    /// `new`, `deleted`, or the field group it would change (`deadline`, `status`…).
    pub change: String,
    /// The field group in words, Vietnamese and English.
    pub change_words: [String; 2],
}

/// Where an exchange file holds a value that a local write would refuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BadValue {
    /// The table (`directive`, `unit`…).
    pub table: String,
    /// The record's id (hex).
    pub id: String,
    /// The column.
    pub column: String,
    /// The value as found (cut short).
    pub value: String,
}

impl BundleProblem {
    fn message(&self, vi: bool) -> String {
        let tail = if vi {
            " Dữ liệu không bị thay đổi."
        } else {
            " No data was changed."
        };
        let head = match self {
            BundleProblem::Damaged => pick(
                vi,
                "Tệp trao đổi bị hỏng hoặc không đầy đủ (có thể USB bị rút khi đang ghi).",
                "The exchange file is damaged or incomplete (perhaps the USB stick was pulled out while writing).",
            ),
            BundleProblem::NeedsPassphrase => pick(
                vi,
                "Tệp trao đổi được mã hóa: hãy nhập mật khẩu.",
                "The exchange file is encrypted: enter its passphrase.",
            ),
            BundleProblem::WrongPassphrase => pick(
                vi,
                "Mật khẩu không đúng, không mở được tệp trao đổi.",
                "Wrong passphrase: the exchange file could not be opened.",
            ),
            BundleProblem::TooLarge => pick(
                vi,
                "Tệp trao đổi vượt quá giới hạn cho phép (kích thước hoặc số bản ghi).",
                "The exchange file is over the allowed limits (size or number of records).",
            ),
            BundleProblem::UnsafeEntry(name) => {
                if vi {
                    format!("Tệp trao đổi chứa mục không hợp lệ “{name}”.")
                } else {
                    format!("The exchange file holds an entry that is not allowed: “{name}”.")
                }
            }
            BundleProblem::DuplicateEntry => pick(
                vi,
                "Tệp trao đổi chứa một mục hai lần.",
                "The exchange file holds an entry twice.",
            ),
            BundleProblem::Missing(name) => {
                if vi {
                    format!("Tệp trao đổi thiếu mục “{name}”.")
                } else {
                    format!("The exchange file lacks “{name}”.")
                }
            }
            BundleProblem::BadSignature => pick(
                vi,
                "Chữ ký số của tệp trao đổi không hợp lệ: tệp đã bị sửa đổi sau khi xuất.",
                "The exchange file's signature is not valid: it was altered after it was exported.",
            ),
            BundleProblem::NewerFormat => pick(
                vi,
                "Tệp trao đổi được tạo bởi phiên bản Giao Ban mới hơn; hãy cập nhật phần mềm.",
                "The exchange file was made by a newer Giao Ban; update the software.",
            ),
            BundleProblem::Malformed(what) => {
                if vi {
                    format!("Nội dung tệp trao đổi không đúng định dạng ({what}).")
                } else {
                    format!("The exchange file's content is not in the expected form ({what}).")
                }
            }
            BundleProblem::HashMismatch(name) => {
                if vi {
                    format!("Nội dung “{name}” trong tệp trao đổi đã bị thay đổi (sai mã băm).")
                } else {
                    format!("“{name}” in the exchange file was altered (hash mismatch).")
                }
            }
            BundleProblem::UnknownSender { name, fingerprint } if name.is_empty() => {
                if vi {
                    format!(
                        "Tệp được mã hóa, gửi từ một máy chưa có trong danh sách tin cậy. Mã nhận dạng khóa: {fingerprint}. Hãy đối chiếu với nơi gửi rồi chọn “Tin cậy” để nhập."
                    )
                } else {
                    format!(
                        "The encrypted file comes from a machine that is not trusted yet. Key fingerprint: {fingerprint}. Compare it with the sender, then choose “Trust” to import."
                    )
                }
            }
            BundleProblem::UnknownSender { name, fingerprint } => {
                if vi {
                    format!(
                        "Tệp được gửi từ “{name}”, chưa có trong danh sách tin cậy. Mã nhận dạng khóa: {fingerprint}. Hãy đối chiếu với nơi gửi rồi chọn “Tin cậy” để nhập."
                    )
                } else {
                    format!(
                        "The file comes from “{name}”, which is not trusted yet. Key fingerprint: {fingerprint}. Compare it with the sender, then choose “Trust” to import."
                    )
                }
            }
            BundleProblem::KeyChanged { name } => {
                if vi {
                    format!(
                        "“{name}” đã ký tệp bằng một khóa khác với khóa đã tin cậy; tệp không được nhập."
                    )
                } else {
                    format!(
                        "“{name}” signed the file with a key other than the trusted one; it was not imported."
                    )
                }
            }
            BundleProblem::FutureClock => pick(
                vi,
                "Tệp trao đổi ghi thời điểm ở tương lai (đồng hồ máy gửi sai quá một ngày).",
                "The exchange file has times in the future (the sender's clock is off by more than a day).",
            ),
            BundleProblem::OwnBundle => pick(
                vi,
                "Đây là tệp do chính máy này xuất ra.",
                "This file was exported by this installation.",
            ),
            BundleProblem::MissingReference(m) => {
                let at = usize::from(!vi);
                let (from, to) = (&m.words[0][at], &m.words[1][at]);
                if vi {
                    format!(
                        "Tệp trao đổi có bản ghi thuộc “{from}” tham chiếu tới một bản ghi thuộc “{to}” không có trong tệp cũng như trên máy này."
                    )
                } else {
                    format!(
                        "The exchange file has a record of “{from}” that refers to one of “{to}” that neither the file nor this installation holds."
                    )
                }
            }
            BundleProblem::BadValue(bad) => {
                let BadValue {
                    table,
                    id,
                    column,
                    value,
                } = &**bad;
                let id = id.get(..12).unwrap_or(id);
                if vi {
                    format!(
                        "Tệp trao đổi có giá trị không hợp lệ ở bản ghi {table} {id}…, trường {column}: “{value}”."
                    )
                } else {
                    format!(
                        "The exchange file has a value that is not allowed in record {table} {id}…, field {column}: “{value}”."
                    )
                }
            }
            BundleProblem::OutOfRole(o) => {
                let OutOfRole {
                    sender,
                    role_words,
                    table_words,
                    id,
                    change,
                    change_words,
                    ..
                } = &**o;
                let field = &change_words[usize::from(!vi)];
                let id = id.get(..12).unwrap_or(id);
                let at = usize::from(!vi);
                let (thing, role) = (&table_words[at], &role_words[at]);
                match (change.as_str(), vi) {
                    ("new", true) => format!(
                        "Tệp từ “{sender}” (vai trò: {role}) thêm một bản ghi mà vai trò này không được thêm: {thing} {id}…. Tệp không được nhập."
                    ),
                    ("new", false) => format!(
                        "The file from “{sender}” (role: {role}) adds a record that role may not add: {thing} {id}…. It was not imported."
                    ),
                    ("deleted", true) => format!(
                        "Tệp từ “{sender}” (vai trò: {role}) xóa một bản ghi mà vai trò này không được xóa: {thing} {id}…. Tệp không được nhập."
                    ),
                    ("deleted", false) => format!(
                        "The file from “{sender}” (role: {role}) deletes a record that role may not delete: {thing} {id}…. It was not imported."
                    ),
                    (_, true) => format!(
                        "Tệp từ “{sender}” (vai trò: {role}) sửa “{field}” của {thing} {id}…, việc mà vai trò này không được làm. Tệp không được nhập."
                    ),
                    (_, false) => format!(
                        "The file from “{sender}” (role: {role}) changes “{field}” of {thing} {id}…, which that role may not do. It was not imported."
                    ),
                }
            }
        };
        head + tail
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        /// SQLITE_IOERR_SHMSIZE: the WAL index could not grow, which is a full disk.
        const IOERR_SHMSIZE: i32 = 10 | (19 << 8);
        let extended = match &e {
            rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
            _ => 0,
        };
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::Busy,
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::SystemIoFailure) if extended == IOERR_SHMSIZE => Error::DiskFull,
            Some(C::SystemIoFailure) => Error::DiskIo,
            Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => Error::ReadOnly,
            _ => Error::Storage(e),
        }
    }
}

impl Error {
    /// Turns an I/O failure on `path` into [`Error::Io`]: `.map_err(Error::io(&path))`.
    pub fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    }

    /// Shorthand for a validation error.
    pub fn invalid(field: Field, rule: Rule) -> Self {
        Error::Invalid { field, rule }
    }

    /// Shorthand for a missing record.
    pub fn not_found(entity: Entity, id: impl ToString) -> Self {
        Error::NotFound {
            entity,
            id: id.to_string(),
        }
    }

    /// Whether the database refused a commit because a record refers to one that does not
    /// exist (a deferred foreign key).
    pub fn is_dangling_reference(&self) -> bool {
        matches!(self, Error::Storage(rusqlite::Error::SqliteFailure(e, _))
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY)
    }

    /// One sentence for the user, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Error::NotFound { entity, id } => {
                if vi {
                    format!("Không tìm thấy {} “{id}”.", entity.label(lang))
                } else {
                    format!("No {} “{id}” was found.", entity.label(lang))
                }
            }
            // A percent is told as the window tells it, in the same words.
            Error::Invalid {
                field: Field::Percent,
                rule: Rule::BadNumber(s),
            } => pick(
                vi,
                &format!("“{s}” không phải là tỷ lệ; nhập một số từ 0 đến 100, ví dụ 80."),
                &format!("“{s}” is not a percentage; type a number from 0 to 100, e.g. 80."),
            ),
            Error::Invalid { field, rule } => {
                let f = field.label(lang);
                rule_message(f, rule, lang)
            }
            Error::Corrupt { path } => {
                if vi {
                    format!(
                        "Tệp {} không phải là cơ sở dữ liệu Giao Ban hoặc đã bị hỏng; dữ liệu trong tệp không bị thay đổi.",
                        path.display()
                    )
                } else {
                    format!(
                        "{} is not a Giao Ban database or is damaged; the file was left unchanged.",
                        path.display()
                    )
                }
            }
            Error::NoLibreOffice => pick(
                vi,
                "Máy chưa cài LibreOffice nên chưa tạo được bản PDF để in; tệp DOCX đã xuất vẫn mở và in được bằng Word.",
                "LibreOffice is not installed, so no PDF for printing was made; the exported DOCX file opens and prints in Word.",
            ),
            Error::OfficeIncomplete { missing } => {
                let names: Vec<&str> = missing.iter().map(|f| f.label(lang)).collect();
                if vi {
                    format!(
                        "Chưa khai báo thông tin cơ quan để in văn bản: {}. Vào Cài đặt → Thông tin cơ quan để bổ sung.",
                        names.join(", ")
                    )
                } else {
                    format!(
                        "The office details needed on documents are missing: {}. Add them in Settings → Office details.",
                        names.join(", ")
                    )
                }
            }
            Error::Damaged { path, moved_to } => {
                if vi {
                    format!(
                        "Cơ sở dữ liệu {} bị hỏng nên chưa được mở; tệp đã được chuyển sang {} (không xóa gì). Hãy khôi phục từ bản sao lưu gần nhất.",
                        path.display(),
                        moved_to.display()
                    )
                } else {
                    format!(
                        "The database {} is damaged and was not opened; the file was moved to {} (nothing deleted). Restore the newest backup.",
                        path.display(),
                        moved_to.display()
                    )
                }
            }
            Error::NewerSchema { found, supported } => {
                if vi {
                    format!(
                        "Cơ sở dữ liệu được tạo bởi phiên bản Giao Ban mới hơn (lược đồ {found}, phiên bản này hỗ trợ đến {supported}); hãy cập nhật Giao Ban."
                    )
                } else {
                    format!(
                        "The database was made by a newer Giao Ban (schema {found}, this version supports up to {supported}); please update Giao Ban."
                    )
                }
            }
            Error::NoDatabase { path } => {
                if vi {
                    format!(
                        "Chưa có cơ sở dữ liệu tại {}; hãy chạy `giaoban init` hoặc `giaoban demo`.",
                        path.display()
                    )
                } else {
                    format!(
                        "There is no database at {}; run `giaoban init` or `giaoban demo` first.",
                        path.display()
                    )
                }
            }
            Error::Busy => pick(
                vi,
                "Cơ sở dữ liệu đang bị một chương trình khác sử dụng; hãy thử lại sau giây lát.",
                "The database is in use by another program; try again in a moment.",
            ),
            Error::DiskFull => pick(
                vi,
                "Ổ đĩa đã đầy; chưa lưu được thay đổi, dữ liệu cũ vẫn nguyên vẹn.",
                "The disk is full; the change was not saved and existing data is intact.",
            ),
            Error::DiskIo => pick(
                vi,
                "Không đọc hoặc ghi được tệp cơ sở dữ liệu (ổ đĩa hoặc USB bị rút ra, hoặc đĩa bị lỗi); thay đổi chưa được lưu, dữ liệu đã lưu vẫn nguyên vẹn.",
                "The database file could not be read or written (the disk or USB stick was removed, or the disk is failing); the change was not saved and saved data is intact.",
            ),
            Error::ReadOnly => pick(
                vi,
                "Không ghi được vào cơ sở dữ liệu (thư mục chỉ đọc hoặc không có quyền).",
                "The database cannot be written (read-only folder or no permission).",
            ),
            Error::NotEmpty => pick(
                vi,
                "Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ được tạo trong một tệp mới.",
                "The database already holds data; sample data can only go into a new file.",
            ),
            Error::Io { path, source } => {
                use std::io::ErrorKind as K;
                // The usual causes in words; the system's own (in English) for the rest.
                let why = match source.kind() {
                    K::NotFound => pick(
                        vi,
                        "không tìm thấy tệp hoặc thư mục",
                        "no such file or folder",
                    )
                    .to_string(),
                    K::PermissionDenied => {
                        pick(vi, "không có quyền đọc/ghi", "permission denied").to_string()
                    }
                    K::AlreadyExists => {
                        pick(vi, "tệp đã có", "the file already exists").to_string()
                    }
                    K::StorageFull => pick(vi, "ổ đĩa đã đầy", "the disk is full").to_string(),
                    K::ReadOnlyFilesystem => {
                        pick(vi, "ổ đĩa chỉ cho đọc", "the disk is read-only").to_string()
                    }
                    _ => source.to_string(),
                };
                if vi {
                    format!("Lỗi đọc/ghi tệp {}: {why}.", path.display())
                } else {
                    format!("Could not read or write {}: {why}.", path.display())
                }
            }
            Error::Bundle(p) => p.message(vi),
            Error::Intake(p) => p.message(lang),
            Error::CannotUndoImport {
                written_after: false,
            } => pick(
                vi,
                "Chưa có lần nhập dữ liệu nào để hoàn tác.",
                "There is no import to undo.",
            ),
            Error::CannotUndoImport {
                written_after: true,
            } => pick(
                vi,
                "Không hoàn tác được lần nhập gần nhất vì sau đó đã có thay đổi khác; hãy khôi phục từ bản sao lưu nếu thật sự cần.",
                "The last import cannot be undone because other changes were made after it; restore a backup if you really need to.",
            ),
            Error::Storage(_) | Error::Migration(_) => pick(
                vi,
                "Lỗi nội bộ khi truy cập cơ sở dữ liệu; dữ liệu không bị thay đổi. Hãy báo cho bộ phận kỹ thuật.",
                "Internal storage error; no data was changed. Please report it to technical support.",
            ),
        }
    }
}

fn pick(vi: bool, v: &str, e: &str) -> String {
    (if vi { v } else { e }).to_string()
}

fn rule_message(f: &str, rule: &Rule, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match rule {
        Rule::Required => pick(
            vi,
            &format!("Chưa nhập {f}."),
            &format!("The {f} is required."),
        ),
        Rule::BadDate(s) => pick(
            vi,
            &format!(
                "{} “{s}” không phải là ngày hợp lệ (dạng dd/mm/yyyy).",
                cap(f)
            ),
            &format!("The {f} “{s}” is not a valid date (use dd/mm/yyyy)."),
        ),
        Rule::BadNumber(s) => pick(
            vi,
            &format!("{} “{s}” không phải là số hợp lệ.", cap(f)),
            &format!("The {f} “{s}” is not a valid number."),
        ),
        Rule::Inactive => pick(
            vi,
            &format!(
                "{} đã ngừng hoạt động, không thể giao nhiệm vụ mới.",
                cap(f)
            ),
            &format!("The {f} is inactive and cannot receive new directives."),
        ),
        Rule::LeadAlsoCoordinating => pick(
            vi,
            "Một đơn vị không thể vừa chủ trì vừa phối hợp trong cùng nhiệm vụ.",
            "A unit cannot be both lead and coordinating on the same directive.",
        ),
        Rule::EndNotAfterStart => pick(
            vi,
            "Thời gian kết thúc phải sau thời gian bắt đầu.",
            "The end time must be after the start time.",
        ),
        Rule::DeadlineBeforeAssigned => pick(
            vi,
            "Thời hạn sớm hơn ngày giao nhiệm vụ; hãy xác nhận nếu đúng là như vậy.",
            "The deadline is before the date the directive was given; confirm it if intended.",
        ),
        Rule::NotLater => pick(
            vi,
            &format!("{} mới phải sau thời hạn hiện tại.", cap(f)),
            &format!("The new {f} must be later than the current one."),
        ),
        Rule::Duplicate(v) => pick(
            vi,
            &format!("{} “{v}” đã được dùng cho bản ghi khác.", cap(f)),
            &format!("The {f} “{v}” is already used by another record."),
        ),
        Rule::Transition { from, to } => pick(
            vi,
            &format!("Không thể chuyển {f} từ “{from}” sang “{to}”."),
            &format!("The {f} cannot change from “{from}” to “{to}”."),
        ),
        Rule::InFuture => pick(
            vi,
            &format!("{} không được sau ngày hôm nay.", cap(f)),
            &format!("The {f} cannot be after today."),
        ),
        Rule::OutOfRange => pick(
            vi,
            &format!("{} nằm ngoài giới hạn cho phép.", cap(f)),
            &format!("The {f} is out of the allowed range."),
        ),
        Rule::TooLong(limit) => pick(
            vi,
            &format!(
                "{} quá dài: tối đa {} từ và dấu câu, 4 MB. Hãy chia thành nhiều phần.",
                cap(f),
                grouped(*limit, '.')
            ),
            &format!(
                "The {f} is too long: at most {} words and marks, 4 MB. Split it into parts.",
                grouped(*limit, ',')
            ),
        ),
        Rule::TooManyChars(limit) => pick(
            vi,
            &format!("{} quá dài: tối đa {limit} ký tự.", cap(f)),
            &format!("The {f} is too long: at most {limit} characters."),
        ),
        Rule::Ambiguous { query, candidates } => pick(
            vi,
            &format!("“{query}” khớp với nhiều {f}: {}.", candidates.join("; ")),
            &format!(
                "“{query}” matches several of {f}: {}.",
                candidates.join("; ")
            ),
        ),
        Rule::Cycle => pick(
            vi,
            "Một đơn vị không thể là cấp trên của chính nó.",
            "A unit cannot be its own parent.",
        ),
        Rule::Locked => pick(
            vi,
            "Cuộc họp đã kết thúc nên biên bản đã khóa; hãy mở lại cuộc họp để sửa.",
            "The meeting is closed and its minutes are locked; reopen it to edit.",
        ),
        Rule::InUse => pick(
            vi,
            &format!("Không thể xóa: {f} này đã có nhiệm vụ được giao."),
            &format!("Cannot delete: directives were given from this {f}."),
        ),
        Rule::ChairAbsent => pick(
            vi,
            "Người chủ trì không thể vắng mặt; nếu người khác chủ trì thay, hãy chọn người đó ở mục Chủ trì trước.",
            "The chair cannot be absent; if someone else chaired instead, choose them as Chair first.",
        ),
        Rule::SecretaryAbsent => pick(
            vi,
            "Thư ký không thể vắng mặt; nếu người khác ghi biên bản thay, hãy chọn người đó ở mục Thư ký trước.",
            "The secretary cannot be absent; if someone else took the minutes, choose them as Secretary first.",
        ),
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What documents cannot be issued without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum OfficeField {
    /// Issuing agency.
    Name,
    /// Parent agency.
    ParentAgency,
    /// Document symbol.
    Symbol,
    /// Place name.
    Place,
    /// Signer's title.
    SignerTitle,
}

impl OfficeField {
    /// The field's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let vi = lang == Lang::Vi;
        match self {
            OfficeField::Name => {
                if vi {
                    "tên cơ quan"
                } else {
                    "agency name"
                }
            }
            OfficeField::ParentAgency => {
                if vi {
                    "cơ quan chủ quản"
                } else {
                    "parent agency"
                }
            }
            OfficeField::Symbol => {
                if vi {
                    "ký hiệu văn bản"
                } else {
                    "document symbol"
                }
            }
            OfficeField::Place => {
                if vi {
                    "địa danh"
                } else {
                    "place name"
                }
            }
            OfficeField::SignerTitle => {
                if vi {
                    "chức vụ người ký"
                } else {
                    "signer's title"
                }
            }
        }
    }
}

/// `n` with its thousands grouped by `sep`: 500.000 in Vietnamese, 500,000 in English.
fn grouped(n: u32, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}
