//! The words a user reads for each value of the domain's enums, in Vietnamese and English:
//! one table for the CLI, the documents and the window (sent to it at start by the shell's
//! `labels` command; its dictionaries no longer carry them). Groups: `unit_kind`,
//! `meeting_kind`, `meeting_status`, `role`, `attendance`, `directive_status`, `bucket` (the
//! badge; `none` is a cancelled directive), `bucket_column` (the report's column names),
//! `entity` (kinds of record), `field` (the input fields messages and forms name),
//! `backup_reason` (why a backup was made), and
//! `file_kind`, `tracker_column` and `encoding` (what an import of a tracker tells).
//! Values are the enums' serialised names.

use serde::Serialize;

use crate::lang::Lang;

/// One value's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Label {
    /// The enum (`unit_kind`…).
    pub group: &'static str,
    /// The value as serialised (`district`…).
    pub value: &'static str,
    /// In Vietnamese.
    pub vi: &'static str,
    /// In English.
    pub en: &'static str,
}

impl Label {
    const fn new(
        group: &'static str,
        value: &'static str,
        vi: &'static str,
        en: &'static str,
    ) -> Label {
        Label {
            group,
            value,
            vi,
            en,
        }
    }
}

/// Every label.
pub const LABELS: &[Label] = &[
    Label::new("unit_kind", "department", "Sở", "Department"),
    Label::new("unit_kind", "office", "Văn phòng", "Office"),
    Label::new("unit_kind", "division", "Phòng", "Division"),
    Label::new("unit_kind", "center", "Trung tâm", "Centre"),
    Label::new("unit_kind", "inspectorate", "Thanh tra", "Inspectorate"),
    Label::new(
        "unit_kind",
        "district",
        "Huyện / thị xã / thành phố",
        "District",
    ),
    Label::new("unit_kind", "external", "Cơ quan ngoài", "Outside body"),
    Label::new("unit_kind", "other", "Khác", "Other"),
    Label::new(
        "meeting_kind",
        "monthly_briefing",
        "Giao ban tháng",
        "Monthly briefing",
    ),
    Label::new("meeting_kind", "conference", "Hội nghị", "Conference"),
    Label::new(
        "meeting_kind",
        "working_session",
        "Làm việc",
        "Working session",
    ),
    Label::new(
        "meeting_kind",
        "online_briefing",
        "Giao ban trực tuyến",
        "Online briefing",
    ),
    Label::new("meeting_kind", "other", "Khác", "Other"),
    Label::new("meeting_status", "draft", "Dự thảo", "Draft"),
    Label::new("meeting_status", "in_progress", "Đang họp", "In progress"),
    Label::new("meeting_status", "closed", "Đã kết thúc", "Closed"),
    Label::new("role", "chair", "chủ trì", "chair"),
    Label::new("role", "secretary", "thư ký", "secretary"),
    Label::new("role", "member", "thành phần", "member"),
    Label::new("role", "invited", "khách mời", "guest"),
    Label::new("role", "reporter", "báo cáo viên", "reporter"),
    Label::new("attendance", "present", "có mặt", "present"),
    Label::new("attendance", "excused", "vắng có lý do", "excused"),
    Label::new("attendance", "absent", "vắng", "absent"),
    Label::new("attendance", "late", "đến muộn", "late"),
    Label::new("attendance", "online", "trực tuyến", "online"),
    Label::new("directive_status", "assigned", "Chưa thực hiện", "Assigned"),
    Label::new(
        "directive_status",
        "in_progress",
        "Đang thực hiện",
        "In progress",
    ),
    Label::new(
        "directive_status",
        "awaiting_confirmation",
        "Chờ xác nhận",
        "Awaiting confirmation",
    ),
    Label::new("directive_status", "done", "Đã hoàn thành", "Done"),
    Label::new("directive_status", "cancelled", "Hủy", "Cancelled"),
    Label::new("directive_status", "suspended", "Tạm dừng", "Suspended"),
    Label::new("bucket", "done_on_time", "HT đúng hạn", "Done on time"),
    Label::new("bucket", "done_late", "HT trễ hạn", "Done late"),
    Label::new("bucket", "open_within_deadline", "Trong hạn", "In time"),
    Label::new("bucket", "open_overdue", "Quá hạn", "Overdue"),
    Label::new("bucket", "none", "Đã hủy", "Cancelled"),
    Label::new(
        "bucket_column",
        "done_on_time",
        "HT đúng hạn",
        "Done on time",
    ),
    Label::new("bucket_column", "done_late", "HT trễ hạn", "Done late"),
    Label::new(
        "bucket_column",
        "open_within_deadline",
        "Chưa HT trong hạn",
        "Open, within deadline",
    ),
    Label::new(
        "bucket_column",
        "open_overdue",
        "Chưa HT quá hạn",
        "Open, overdue",
    ),
    Label::new("entity", "unit", "đơn vị", "unit"),
    Label::new("entity", "person", "cán bộ", "person"),
    Label::new("entity", "series", "chuỗi cuộc họp", "meeting series"),
    Label::new("entity", "meeting", "cuộc họp", "meeting"),
    Label::new("entity", "conclusion", "mục kết luận", "conclusion item"),
    Label::new("entity", "directive", "nhiệm vụ", "directive"),
    Label::new("entity", "attachment", "tệp đính kèm", "attachment"),
    Label::new("entity", "peer", "máy trao đổi dữ liệu", "exchange partner"),
    Label::new("entity", "conflict", "xung đột dữ liệu", "data conflict"),
    Label::new("field", "name", "tên", "name"),
    Label::new("field", "code", "tên viết tắt", "short code"),
    Label::new("field", "content", "nội dung", "content"),
    Label::new("field", "lead_unit", "đơn vị chủ trì", "lead unit"),
    Label::new(
        "field",
        "coordinating_units",
        "đơn vị phối hợp",
        "coordinating units",
    ),
    Label::new(
        "field",
        "directing_leader",
        "lãnh đạo chỉ đạo",
        "directing leader",
    ),
    Label::new("field", "deadline", "thời hạn", "deadline"),
    Label::new("field", "assigned_on", "ngày giao", "date assigned"),
    Label::new("field", "starts_at", "thời gian bắt đầu", "start time"),
    Label::new("field", "ends_at", "thời gian kết thúc", "end time"),
    Label::new("field", "status", "trạng thái", "status"),
    Label::new("field", "percent", "tỷ lệ hoàn thành", "percent done"),
    Label::new("field", "date", "ngày", "date"),
    Label::new("field", "reason", "lý do", "reason"),
    Label::new("field", "parent", "đơn vị cấp trên", "parent unit"),
    Label::new("field", "period", "kỳ báo cáo", "reporting period"),
    Label::new("field", "number", "số lượng", "number"),
    Label::new("field", "document_number", "số văn bản", "document number"),
    Label::new(
        "field",
        "source",
        "nguồn giao nhiệm vụ (cuộc họp hoặc số văn bản)",
        "source (meeting or document number)",
    ),
    Label::new("field", "passphrase", "mật khẩu", "passphrase"),
    Label::new("field", "peer", "máy trao đổi dữ liệu", "exchange partners"),
    Label::new("field", "attendance", "điểm danh", "attendance"),
    Label::new(
        "field",
        "days_off",
        "ngày nghỉ do cơ quan thông báo",
        "days off the office announced",
    ),
    Label::new(
        "file_kind",
        "gbx",
        "tệp trao đổi Giao Ban (.gbx)",
        "a Giao Ban exchange file (.gbx)",
    ),
    Label::new(
        "file_kind",
        "xlsx",
        "bảng tính Excel (.xlsx)",
        "an Excel workbook (.xlsx)",
    ),
    Label::new(
        "file_kind",
        "xls",
        "bảng tính Excel 97-2003 (.xls)",
        "an Excel 97-2003 workbook (.xls)",
    ),
    Label::new(
        "file_kind",
        "ods",
        "bảng tính OpenDocument (.ods)",
        "an OpenDocument spreadsheet (.ods)",
    ),
    Label::new("file_kind", "csv", "tệp CSV (.csv)", "a CSV file (.csv)"),
    Label::new(
        "file_kind",
        "docx",
        "văn bản Word (.docx)",
        "a Word document (.docx)",
    ),
    Label::new(
        "file_kind",
        "doc",
        "văn bản Word 97-2003 (.doc)",
        "a Word 97-2003 document (.doc)",
    ),
    Label::new("file_kind", "zip", "tệp nén ZIP", "a ZIP archive"),
    Label::new("file_kind", "pdf", "tệp PDF", "a PDF file"),
    Label::new("file_kind", "image", "tệp ảnh", "an image"),
    Label::new(
        "file_kind",
        "unknown",
        "loại không xác định",
        "an unknown kind",
    ),
    Label::new("tracker_column", "number", "STT", "No."),
    Label::new(
        "tracker_column",
        "content",
        "Nội dung nhiệm vụ",
        "Directive",
    ),
    Label::new(
        "tracker_column",
        "source",
        "Văn bản / cuộc họp giao",
        "Source document or meeting",
    ),
    Label::new("tracker_column", "assigned_on", "Ngày giao", "Date given"),
    Label::new("tracker_column", "lead", "Đơn vị chủ trì", "Lead unit"),
    Label::new(
        "tracker_column",
        "coordinating",
        "Đơn vị phối hợp",
        "Coordinating units",
    ),
    Label::new("tracker_column", "deadline", "Thời hạn", "Deadline"),
    Label::new(
        "tracker_column",
        "progress",
        "Tiến độ / kết quả",
        "Progress / result",
    ),
    Label::new(
        "tracker_column",
        "completed_on",
        "Ngày hoàn thành",
        "Date completed",
    ),
    Label::new("tracker_column", "notes", "Ghi chú", "Notes"),
    Label::new("encoding", "unicode", "Unicode", "Unicode"),
    Label::new("encoding", "tcvn3", "TCVN3 (ABC)", "TCVN3 (ABC)"),
    Label::new("encoding", "vni", "VNI-Windows", "VNI-Windows"),
    Label::new("backup_reason", "start", "Khi mở ứng dụng", "At start"),
    Label::new("backup_reason", "periodic", "Định kỳ", "Periodic"),
    Label::new("backup_reason", "manual", "Sao lưu thủ công", "Manual"),
    Label::new(
        "backup_reason",
        "before_import",
        "Trước khi nhập dữ liệu",
        "Before an import",
    ),
    Label::new(
        "backup_reason",
        "before_restore",
        "Trước khi khôi phục",
        "Before a restore",
    ),
];

/// The words for `value` of `group` in `lang`; the value itself when the table has none.
pub fn label<'a>(group: &str, value: &'a str, lang: Lang) -> &'a str {
    LABELS
        .iter()
        .find(|l| l.group == group && l.value == value)
        .map_or(value, |l| match lang {
            Lang::Vi => l.vi,
            Lang::En => l.en,
        })
}

/// The words for an enum value of `group` (named as it serialises) in `lang`.
pub fn of(group: &str, value: &impl Serialize, lang: Lang) -> &'static str {
    let name = serde_json::to_value(value).ok();
    let name = name.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
    LABELS
        .iter()
        .find(|l| l.group == group && l.value == name)
        .map_or("", |l| match lang {
            Lang::Vi => l.vi,
            Lang::En => l.en,
        })
}
