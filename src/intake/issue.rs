//! Why a tracker's row is set aside or read with a caveat, in words a secretary reads (in
//! Vietnamese and English).

use chrono::NaiveDate;

use super::Words;
use super::columns::Column;
use super::values;
use crate::error::Error;
use crate::lang::Lang;
use crate::unit;

/// The longest directive a row may give (a few pages of text).
pub(super) const CONTENT_CHARS: usize = 10_000;

/// A key of a directive brought in before, as it was, that a later copy of its row says
/// otherwise.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Was {
    /// Its lead unit's name.
    Lead(String),
    /// The source it cited (empty for none).
    Source(String),
    /// The day it was given.
    Given(NaiveDate),
    /// Its deadline (none when it had none).
    Deadline(Option<NaiveDate>),
    /// Its words (the file now writes them otherwise).
    Words(String),
}

impl Was {
    /// The key and its old value, in Vietnamese and English.
    fn words(&self) -> (String, String) {
        match self {
            Was::Lead(name) => (
                format!("đơn vị chủ trì “{name}”"),
                format!("the lead unit “{name}”"),
            ),
            Was::Source(s) if s.is_empty() => {
                ("văn bản giao để trống".into(), "no source cited".into())
            }
            Was::Source(s) => (format!("văn bản giao “{s}”"), format!("citing “{s}”")),
            Was::Given(on) => {
                let on = crate::date::format(*on);
                (format!("ngày giao {on}"), format!("given on {on}"))
            }
            Was::Deadline(None) => ("không thời hạn".into(), "no deadline".into()),
            Was::Words(w) => (format!("lời “{w}”"), format!("the words “{w}”")),
            Was::Deadline(Some(d)) => {
                let d = crate::date::format(*d);
                (format!("thời hạn {d}"), format!("due {d}"))
            }
        }
    }
}

/// Why a row is set aside or read with a caveat.
/// The day a task done or reported on no day written is recorded on, and so counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayTaken {
    /// Its deadline: done on time.
    Deadline,
    /// The day after its deadline, the words saying late: done late.
    AfterDeadline,
    /// Today (no deadline, or one still to come).
    Today,
}

impl DayTaken {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            DayTaken::Deadline => (
                "thời hạn của nhiệm vụ, nên được tính là đúng hạn; hãy sửa nếu không đúng",
                "the directive's deadline, so it counts as on time; correct it if not",
            ),
            DayTaken::AfterDeadline => (
                "ngày sau thời hạn, vì tiến độ ghi chậm, nên được tính là trễ hạn",
                "the day after the deadline, the words saying late, so it counts as late",
            ),
            DayTaken::Today => ("hôm nay", "today"),
        }
    }
}

pub(super) enum Issue {
    NoContent,
    NoLead,
    BadDate(String),
    Ambiguous(String, Vec<String>),
    NoDate,
    /// The same row as one before on its sheet (sheet, row); what it writes otherwise than
    /// that row (its progress, its coordinating units), as written.
    Duplicate(String, u32, Vec<(Column, String)>),
    Newer(String, u32, Option<String>),
    /// The same words, source and day as that sheet's row, given to another lead (its name).
    OtherLeadOnSheet(String, u32, String),
    /// The same words, lead and day as that sheet's row, citing another source (its).
    OtherSourceOnSheet(String, u32, String),
    /// Done on this day as the row of that sheet records, not closed on this later one.
    DoneOnAnotherSheet(String, u32, NaiveDate),
    NotAUnit(String),
    DeadlineInWords(String),
    DeadlineOpen(String),
    DoneBeforeGiven(NaiveDate, NaiveDate),
    /// Done on a day the progress or notes give that is still to come (that day).
    DoneAfterToday(NaiveDate),
    /// A day given still to come: brought in, told (the year may be wrong).
    GivenAfterToday(NaiveDate),
    /// A day given before 2000 (a year of two digits read so: "1/1/99").
    GivenLongAgo(NaiveDate),
    /// The day under "Ngày hoàn thành" (first) taken over another the progress gives.
    DoneOnTwoDays(NaiveDate, NaiveDate),
    /// Done on a day (first) not after the deadline (second), the words saying late.
    SaidLateDoneInTime(NaiveDate, NaiveDate),
    /// Done on a day (first) after the deadline (second), the words saying in time.
    SaidInTimeDoneLate(NaiveDate, NaiveDate),
    /// People named where units go, read as their units ("Đ/c Nam → Văn phòng Sở").
    UnitOfPerson(String),
    /// Notes (of this many characters) too long to keep in the task's words.
    NoteTooLong(usize),
    /// Notes that say the task stopped, cancelled or refused, beside a progress or tick that
    /// says otherwise (the notes' words).
    NotesSayOtherwise(String),
    DeadlineBeforeGiven(NaiveDate, NaiveDate),
    ExtensionNotLater(NaiveDate),
    ExtensionUnread(String),
    /// An extension asked for, not granted (its words: asked still, or refused).
    ExtensionAsked(String),
    /// An extension with no first deadline: its day is the deadline.
    ExtensionWithoutDeadline(NaiveDate),
    /// Done on no day written: recorded on this one, taken so.
    DoneWithoutDate(NaiveDate, DayTaken),
    /// Reported done, waiting for confirmation, on no day written: recorded on this one.
    ReportedWithoutDate(NaiveDate, DayTaken),
    /// A few words of progress that say no state read (the words): under way.
    StateUnread(String),
    DoneThereNotHere,
    DeadlineDiffers(NaiveDate, Option<NaiveDate>),
    /// Imported before with this deadline; the sheet's deadline cell is now empty.
    DeadlineCleared(NaiveDate),
    /// Brought in before with the lead unit named (now another; nothing else differs).
    LeadDiffers(String),
    /// Brought in before citing this source (empty for none; now another).
    SourceDiffers(String),
    /// Brought in before in these words, given to the unit (now written otherwise).
    HeldAlike(String),
    /// Brought in before given on this day (the file now says another).
    GivenDiffers(NaiveDate),
    /// Brought in before with these keys (the file now says others for each: several
    /// corrected at once).
    HeldChanged(Vec<Was>),
    /// A row of the table's totals.
    Totals,
    /// A completion day beside a progress that says the task is not done (its words).
    CompletedNotDone(NaiveDate, String),
    /// A completion day still to come: the day planned.
    CompletionToCome(NaiveDate, bool),
    /// The progress says the task was not carried out ("Không thực hiện"): brought in as not
    /// done (overdue once past its deadline), not as cancelled (its words).
    NotCarriedOut(String),
    /// The progress says only how the task stands against its deadline ("Đúng hạn", "Trễ
    /// hạn"), not that it is done: brought in as not done (its words).
    TimelinessOnly(String),
    /// A priority's words not read as one.
    PriorityUnread(String),
    /// The sheet has no lead unit's column and is named after this unit.
    SheetUnit(String),
    /// The sheet is kept for this leader (its name or its title says so): the leader who
    /// gave its rows that name none.
    SheetLeader(String),
    /// The short form written after a new unit's name is a unit's of the directory: the new
    /// unit is made without it; the rows that write it alone are that unit's.
    ShortFormTaken {
        /// The short form as written.
        short: String,
        /// The new unit's name.
        unit: String,
        /// The directory's unit that holds it.
        holder: String,
    },
    /// A sheet holding words where no tracker's header was found, not read; `true` when its
    /// header has no lead unit's column and the sheet's name names no unit.
    SheetNotRead(bool),
    /// Words written after the deadline's date in its cell ("gửi Sở TC"), not kept.
    DeadlineWithWords(String, NaiveDate),
    /// A unit's name holding letters of another alphabet that look like Vietnamese ones
    /// ("Công аn tỉnh", its "а" Cyrillic).
    OtherAlphabet(String),
    /// The sheet's name and title name different leaders: its rows that name no one are
    /// given by no one.
    SheetLeaders(Vec<String>),
    /// The leader who gave a task not closed, no longer active here (their name).
    LeaderNoLongerActive(String),
    /// The "người giao" cell names no one person the office knows (the candidates, if several).
    LeaderUnknown(String, Vec<String>),
    /// The same words, unit, source and day as the row given (its number), with another
    /// deadline: a directive of its own.
    GivenAgain(u32),
    /// A "người giao" cell that lists several people of the office: the first gave it (the
    /// cell, the first's name).
    SeveralLeaders(String, String),
    DeadlineStages(String, NaiveDate),
    ProgressDiffers(String, u8),
    LeadFromAbove(u32),
    HiddenRow,
    /// A row struck through.
    StruckRow,
    /// Words struck through inside a cell, left out of it (the words).
    StruckWords(String),
    /// A deadline struck through beside a later one: read as the first deadline (the words
    /// struck, the first deadline, the one extended to).
    StruckDeadlineFirst(String, NaiveDate, NaiveDate),
    /// The lead's cell struck through whole, no other lead written (its words).
    LeadStruck(String),
    Signatures,
    SeveralLeads(String),
    DeadlineGuessed(String, NaiveDate),
    /// The completion day the words say has no year: read as this day.
    DoneOnGuessed(String, NaiveDate),
    StateDiffers(String),
    /// A directive an earlier copy of the tracker brought in, not in this one (its content,
    /// its lead unit).
    NoLongerIn(String, String),
    /// A row named to come in as new that is not a row told as one held.
    AsNewUnused,
    /// A row asked to come in as new that is the directive brought in before.
    AsNewHeld,
    /// A row asked to come in as new that is no directive's row.
    AsNewNoRow,
    /// A row named to come in as new on a sheet the file does not have (its name).
    AsNewNoSheet(String),
    /// A row named to come in as new without its sheet, in a file of several sheets.
    AsNewWhichSheet,
    /// A note the sheet writes since the task was brought in (its words).
    NotesDiffer(String),
    /// The task refused or sent back (the words): brought in as given.
    Declined(String),
    DoneOnDiffers(NaiveDate, NaiveDate),
    CoordinatingDiffers(String),
    /// Imported before; the sheet no longer names these coordinating units Giao Ban holds.
    CoordinatingDropped(String),
    NotInHeld(u32),
    MonthFirst,
    TooLong,
    Unreadable,
    Formula,
    /// A cell of a field a directive can do without (coordinating units, notes) holds a
    /// formula in error: brought in without it.
    FormulaLeftOut,
    NotesSayDone,
    /// The words of progress say done; the tick is under a state not done.
    TickSaysNotDone,
    Heading,
    HeadingLeads(String),
    UnitNameTooLong,
    ContinuesSetAside(u32),
    /// Refused by a rule of the domain, with the units or person the refusal is about.
    Refused(Box<Error>, Option<String>),
}

impl Issue {
    /// What a user reads of it, in Vietnamese and English.
    pub(super) fn words(&self) -> Words {
        let both = |vi: String, en: String| Words { vi, en };
        match self {
            Issue::NoContent => both(
                "Dòng có dữ liệu nhưng không có nội dung nhiệm vụ.".into(),
                "The row has data but no directive content.".into(),
            ),
            Issue::DeadlineInWords(words) => both(
                format!("Thời hạn “{words}” không phải một ngày: nhiệm vụ được nhập không thời hạn; hãy sửa nếu cần."),
                format!("The deadline “{words}” is not a date: the directive comes in without one; correct it if needed."),
            ),
            Issue::ProgressDiffers(there, here) => both(
                format!(
                    "Nhiệm vụ đã nhập trước đây; bảng ghi tiến độ “{there}”, Giao Ban đang ghi {here}%: chưa cập nhật; hãy báo cáo tiến độ trong Giao Ban nếu cần."
                ),
                format!(
                    "Imported before; the sheet reports “{there}”, Giao Ban holds {here}%: not updated; report the progress in Giao Ban if needed."
                ),
            ),
            Issue::DoneOnGuessed(words, d) => both(
                format!(
                    "Ngày hoàn thành trong “{words}” không ghi năm: được hiểu là {}; hãy kiểm tra.",
                    crate::date::format(*d)
                ),
                format!(
                    "The completion day in “{words}” says no year: read as {}; check it.",
                    crate::date::format(*d)
                ),
            ),
            Issue::DeadlineGuessed(words, d) => both(
                format!(
                    "Thời hạn “{words}” không ghi năm: được hiểu là {}; hãy kiểm tra.",
                    crate::date::format(*d)
                ),
                format!(
                    "The deadline “{words}” says no year: read as {}; check it.",
                    crate::date::format(*d)
                ),
            ),
            Issue::SeveralLeads(cell) => both(
                format!(
                    "Ô chủ trì ghi nhiều đơn vị (“{cell}”): đơn vị đầu tiên chủ trì, các đơn vị sau phối hợp; hãy kiểm tra."
                ),
                format!(
                    "The lead cell names several units (“{cell}”): the first leads, the others coordinate; check it."
                ),
            ),
            Issue::Signatures => both(
                "Phần ký tên dưới bảng bắt đầu từ dòng này: các dòng từ đây trở xuống không được đọc.".into(),
                "The signatures under the table start on this row: the rows from here down are not read.".into(),
            ),
            Issue::HiddenRow => both(
                "Dòng đang ẩn trong bảng tính (lọc bớt hoặc ẩn bằng tay): vẫn được nhập; hãy kiểm tra.".into(),
                "The row is hidden in the workbook (filtered out or hidden by hand): it comes in all the same; check it.".into(),
            ),
            Issue::StruckRow => both(
                "Dòng bị gạch ngang (thường là nhiệm vụ đã bỏ hoặc thu hồi): vẫn được nhập với trạng thái như bảng ghi; nếu đã hủy, hãy hủy trong Giao Ban.".into(),
                "The row is struck through (often a task withdrawn): it comes in as the sheet says all the same; if it was cancelled, cancel it in Giao Ban.".into(),
            ),
            Issue::LeadStruck(words) => both(
                format!("Đơn vị chủ trì “{words}” bị gạch ngang và không ghi đơn vị nào khác: dòng bỏ qua; hãy ghi đơn vị chủ trì rồi nhập lại."),
                format!("The lead unit “{words}” is struck through and no other is written: the row is left out; write its lead unit and import again."),
            ),
            Issue::StruckWords(words) => both(
                format!("Trong ô có chữ bị gạch ngang (“{words}”): không đọc phần gạch, chỉ đọc phần còn lại; hãy kiểm tra."),
                format!("Words in the cell are struck through (“{words}”): read without them, from what is left; check it."),
            ),
            Issue::StruckDeadlineFirst(words, first, to) => both(
                format!(
                    "Thời hạn “{words}” bị gạch ngang: nhập là thời hạn ban đầu {}, đã gia hạn đến {}; hãy kiểm tra.",
                    crate::date::format(*first),
                    crate::date::format(*to)
                ),
                format!(
                    "The deadline “{words}” is struck through: brought in as the first deadline, {}, extended to {}; check it.",
                    crate::date::format(*first),
                    crate::date::format(*to)
                ),
            ),
            Issue::LeadFromAbove(above) => both(
                format!(
                    "Dòng là một việc của nhiệm vụ dòng {above}, không ghi đơn vị: nhập thành nhiệm vụ của đơn vị chủ trì dòng {above}; hãy kiểm tra."
                ),
                format!(
                    "The row is an item of the directive of row {above} and names no unit: it comes in as a directive of row {above}'s lead unit; check it."
                ),
            ),
            Issue::DoneOnDiffers(there, here) => both(
                format!(
                    "Nhiệm vụ đã nhập trước đây; bảng ghi hoàn thành ngày {}, Giao Ban ghi ngày {}: chưa cập nhật; hãy sửa trong Giao Ban nếu cần.",
                    crate::date::format(*there),
                    crate::date::format(*here)
                ),
                format!(
                    "Imported before; the sheet says done on {}, Giao Ban on {}: not updated; correct it in Giao Ban if needed.",
                    crate::date::format(*there),
                    crate::date::format(*here)
                ),
            ),
            Issue::CoordinatingDiffers(names) => both(
                format!(
                    "Nhiệm vụ đã nhập trước đây; bảng ghi thêm đơn vị phối hợp “{names}” mà Giao Ban chưa có: chưa cập nhật; hãy thêm trong Giao Ban nếu cần."
                ),
                format!(
                    "Imported before; the sheet adds the coordinating units “{names}” Giao Ban does not hold: not updated; add them in Giao Ban if needed."
                ),
            ),
            Issue::CoordinatingDropped(names) => both(
                format!(
                    "Nhiệm vụ đã nhập trước đây; bảng không còn ghi đơn vị phối hợp “{names}” mà Giao Ban có: chưa cập nhật; hãy bỏ trong Giao Ban nếu cần."
                ),
                format!(
                    "Imported before; the sheet no longer names the coordinating units “{names}” Giao Ban holds: not updated; remove them in Giao Ban if needed."
                ),
            ),
            Issue::StateDiffers(there) => both(
                format!(
                    "Nhiệm vụ đã nhập trước đây; bảng ghi “{there}”, Giao Ban chưa ghi như vậy: chưa cập nhật; hãy đổi trạng thái trong Giao Ban nếu cần."
                ),
                format!(
                    "Imported before; the sheet says “{there}”, Giao Ban does not: not updated; change the state in Giao Ban if needed."
                ),
            ),
            Issue::NotInHeld(above) => both(
                format!(
                    "Dòng này tiếp nội dung dòng {above} (đã nhập trước đây) nhưng nhiệm vụ đã nhập không có nó: chưa được thêm; hãy bổ sung trong Giao Ban nếu cần."
                ),
                format!(
                    "This line continues row {above} (imported before), whose directive lacks it: not added; add it in Giao Ban if needed."
                ),
            ),
            Issue::DeadlineStages(words, last) => both(
                format!(
                    "Ô thời hạn ghi nhiều ngày (“{words}”): nhiệm vụ lấy ngày cuối {}; hãy kiểm tra.",
                    crate::date::format(*last)
                ),
                format!(
                    "The deadline cell lists several dates (“{words}”): the directive is due on the last, {}; check it.",
                    crate::date::format(*last)
                ),
            ),
            Issue::DeadlineOpen(words) => both(
                format!("Thời hạn “{words}”: việc thường xuyên hoặc định kỳ, không có một thời hạn; nhiệm vụ được nhập không thời hạn."),
                format!("The deadline “{words}”: recurring or ongoing work with no one deadline; the directive comes in without one."),
            ),
            Issue::DeadlineBeforeGiven(due, given) => both(
                format!(
                    "Thời hạn {} trước ngày giao {}: nhập như bảng ghi; hãy kiểm tra lại.",
                    crate::date::format(*due),
                    crate::date::format(*given)
                ),
                format!(
                    "Due on {}, before it was given on {}: brought in as the sheet says; check it.",
                    crate::date::format(*due),
                    crate::date::format(*given)
                ),
            ),
            Issue::DoneBeforeGiven(done, given) => both(
                format!(
                    "Ngày hoàn thành {} trước ngày giao {}; hãy sửa một trong hai ngày.",
                    crate::date::format(*done),
                    crate::date::format(*given)
                ),
                format!(
                    "Done on {}, before it was given on {}; correct one of the two dates.",
                    crate::date::format(*done),
                    crate::date::format(*given)
                ),
            ),
            Issue::SaidLateDoneInTime(done, due) => both(
                format!(
                    "Tiến độ ghi hoàn thành chậm, nhưng ngày hoàn thành {} không sau thời hạn {}: nhập theo ngày ghi (đúng hạn); hãy kiểm tra.",
                    crate::date::format(*done),
                    crate::date::format(*due)
                ),
                format!(
                    "The progress says done late, but the day done, {}, is not after the deadline, {}: brought in by the day written (on time); check it.",
                    crate::date::format(*done),
                    crate::date::format(*due)
                ),
            ),
            Issue::SaidInTimeDoneLate(done, due) => both(
                format!(
                    "Tiến độ ghi hoàn thành đúng hạn, nhưng ngày hoàn thành {} sau thời hạn {}: nhập theo ngày ghi (trễ hạn); hãy kiểm tra.",
                    crate::date::format(*done),
                    crate::date::format(*due)
                ),
                format!(
                    "The progress says done in time, but the day done, {}, is after the deadline, {}: brought in by the day written (late); check it.",
                    crate::date::format(*done),
                    crate::date::format(*due)
                ),
            ),
            Issue::DoneOnTwoDays(column, words) => both(
                format!(
                    "Cột ngày hoàn thành ghi {}, tiến độ ghi hoàn thành ngày {}: nhập theo cột ngày hoàn thành; hãy kiểm tra.",
                    crate::date::format(*column),
                    crate::date::format(*words)
                ),
                format!(
                    "The completion column says {}, the progress says done on {}: brought in as the column says; check it.",
                    crate::date::format(*column),
                    crate::date::format(*words)
                ),
            ),
            Issue::NotesSayOtherwise(words) => both(
                format!(
                    "Ghi chú ghi “{}” nhưng tiến độ (hoặc cột đánh dấu) ghi khác: nhập theo tiến độ; hãy kiểm tra trạng thái.",
                    words.trim()
                ),
                format!(
                    "The notes say “{}” but the progress (or the ticked column) says otherwise: brought in as the progress says; check the status.",
                    words.trim()
                ),
            ),
            Issue::UnitOfPerson(people) => both(
                format!(
                    "Ô đơn vị ghi tên người; đọc là đơn vị của người đó: {people}. Hãy kiểm tra."
                ),
                format!("The unit cell names people; read as their units: {people}. Check it."),
            ),
            Issue::NoteTooLong(chars) => both(
                format!(
                    "Ghi chú dài {chars} ký tự, quá dài để giữ cùng nội dung nhiệm vụ: nhiệm vụ được nhập không kèm ghi chú; hãy rút gọn nếu cần giữ."
                ),
                format!(
                    "The notes are {chars} characters long, too long to keep with the task's words: brought in without them; shorten them to keep them."
                ),
            ),
            Issue::DeadlineCleared(held) => both(
                format!(
                    "Nhiệm vụ đã nhập trước đây với thời hạn {}; ô thời hạn trong bảng nay để trống: không đổi. Hãy sửa trong Giao Ban nếu nhiệm vụ không còn thời hạn.",
                    crate::date::format(*held)
                ),
                format!(
                    "Imported before with the deadline {}; the sheet's deadline cell is now empty: not changed. Correct it in Giao Ban if the task has no deadline now.",
                    crate::date::format(*held)
                ),
            ),
            Issue::GivenAfterToday(given) => both(
                format!(
                    "Ngày giao {} ở sau ngày hôm nay: vẫn được nhập, nhưng chưa tính vào các danh sách và thống kê đến ngày đó; hãy kiểm tra lại (có thể nhầm năm).",
                    crate::date::format(*given)
                ),
                format!(
                    "Given on {}, after today: brought in, but left out of lists and figures until that day; check it (the year may be wrong).",
                    crate::date::format(*given)
                ),
            ),
            Issue::GivenLongAgo(given) => both(
                format!(
                    "Ngày giao {} trước năm 2000: vẫn được nhập; hãy kiểm tra lại (có thể nhầm năm, như năm viết hai chữ số).",
                    crate::date::format(*given)
                ),
                format!(
                    "Given on {}, before 2000: brought in; check it (the year may be wrong, as a year of two digits).",
                    crate::date::format(*given)
                ),
            ),
            Issue::DoneAfterToday(done) => both(
                format!(
                    "Tiến độ ghi hoàn thành ngày {}, sau ngày hôm nay; hãy sửa lại ngày (có thể nhầm năm).",
                    crate::date::format(*done)
                ),
                format!(
                    "The progress says done on {}, after today; correct the day (the year may be wrong).",
                    crate::date::format(*done)
                ),
            ),
            Issue::NotAUnit(names) => both(
                format!(
                    "“{names}” không phải một đơn vị trong danh mục (một nhóm, một địa bàn, một người hay một câu); hãy ghi tên đơn vị."
                ),
                format!(
                    "“{names}” is not one unit of the directory (a group, a place, a person or a sentence); write the unit's name."
                ),
            ),
            Issue::NoLead => both(
                "Chưa ghi đơn vị chủ trì.".into(),
                "No lead unit is given.".into(),
            ),
            // A date that reads only month first, in a sheet typed day first: the day it
            // may be, for the user to correct.
            Issue::BadDate(v) => match values::day_first(v)
                .and_then(|d| values::text_date(&d).map(|_| d))
            {
                Some(d) => both(
                    format!("“{v}” không phải là ngày đọc được (dd/mm/yyyy); nếu là ngày {d} (tháng viết trước ngày), hãy sửa trong tệp."),
                    format!("“{v}” is not a date that can be read (dd/mm/yyyy); if it is {d} (the month written first), correct it in the file."),
                ),
                None => both(
                    format!("“{v}” không phải là ngày đọc được (dd/mm/yyyy)."),
                    format!("“{v}” is not a date that can be read (dd/mm/yyyy)."),
                ),
            },
            Issue::OtherAlphabet(name) => both(
                format!("“{name}” có chữ của bảng chữ cái khác trông giống chữ Việt: không phải tên một đơn vị; hãy gõ lại tên trong tệp."),
                format!("“{name}” holds letters of another alphabet that look like Vietnamese ones: no unit's name; type the name again in the file."),
            ),
            Issue::Ambiguous(name, c) => both(
                format!("“{name}” khớp với nhiều đơn vị: {}.", c.join("; ")),
                format!("“{name}” matches several units: {}.", c.join("; ")),
            ),
            Issue::ExtensionNotLater(e) => both(
                format!(
                    "Gia hạn đến {} không sau thời hạn: nhập với thời hạn ban đầu.",
                    crate::date::format(*e)
                ),
                format!(
                    "The extension to {} is not after the deadline: brought in with the first deadline.",
                    crate::date::format(*e)
                ),
            ),
            Issue::ExtensionAsked(words) if values::says_refused(words) => both(
                format!("Gia hạn “{words}” không được chấp thuận: nhập với thời hạn trước đó."),
                format!("The extension “{words}” was refused: brought in with the deadline before it."),
            ),
            Issue::ExtensionAsked(words) => both(
                format!("Gia hạn “{words}” mới là đề nghị, chưa được duyệt: nhập với thời hạn trước đó."),
                format!("The extension “{words}” is only asked for, not granted: brought in with the deadline before it."),
            ),
            Issue::ExtensionWithoutDeadline(to) => both(
                format!("Không ghi thời hạn ban đầu: ngày gia hạn {} được nhập làm thời hạn.", crate::date::format(*to)),
                format!("No first deadline is written: the extension's day {} is brought in as the deadline.", crate::date::format(*to)),
            ),
            Issue::ExtensionUnread(words) => both(
                format!("Gia hạn “{words}” không đọc được thành một ngày: nhập với thời hạn ban đầu."),
                format!("The extension “{words}” does not read as a date: brought in with the first deadline."),
            ),
            Issue::NoDate => both(
                "Không rõ ngày giao: hãy ghi ngày giao hoặc ngày của văn bản/cuộc họp giao, hoặc chọn một ngày giao chung cho các dòng không ghi ngày.".into(),
                "The date given is unknown: fill the date given, or the source document's or meeting's date, or choose one date given for the rows that state none.".into(),
            ),
            Issue::OtherSourceOnSheet(sheet, first, source) => both(
                format!("Dòng {first} của trang “{sheet}” ghi cùng nội dung, đơn vị chủ trì và ngày giao nhưng văn bản giao “{source}”: nhập thành hai nhiệm vụ. Nếu là một nhiệm vụ, hãy sửa nguồn trong tệp."),
                format!("Row {first} of sheet “{sheet}” has the same content, lead unit and day given but cites “{source}”: brought in as two directives. If it is one, correct the source in the file."),
            ),
            Issue::OtherLeadOnSheet(sheet, first, lead) => both(
                format!("Dòng {first} của trang “{sheet}” ghi cùng nội dung, nguồn và ngày giao với đơn vị chủ trì “{lead}”: nhập thành hai nhiệm vụ của hai đơn vị. Nếu là một nhiệm vụ (đơn vị này phối hợp), hãy sửa trong tệp."),
                format!("Row {first} of sheet “{sheet}” has the same content, source and day given with the lead unit “{lead}”: brought in as two directives of two units. If it is one (this unit coordinating), correct the file."),
            ),
            Issue::DoneOnAnotherSheet(sheet, first, day) => both(
                format!("Dòng {first} của trang “{sheet}” ghi đã hoàn thành ngày {}, dòng này ghi chưa: nhập là đã hoàn thành theo trang đó; hãy kiểm tra trang nào ghi đúng.", crate::date::format(*day)),
                format!("Row {first} of sheet “{sheet}” records it done on {}, this row does not: brought in as done, as that sheet says; check which sheet is right.", crate::date::format(*day)),
            ),
            Issue::Newer(sheet, first, None) => both(
                format!("Cùng nhiệm vụ với dòng {first} của trang “{sheet}”: nhập một lần, theo tình trạng ghi ở dòng này (trang sau); thời hạn muộn hơn ghi ở đây là gia hạn."),
                format!("The same directive as row {first} of sheet “{sheet}”: brought in once, with the state of this row (the later sheet); a later deadline written here is an extension."),
            ),
            Issue::Newer(sheet, first, Some(words)) => both(
                format!("Cùng nhiệm vụ với dòng {first} của trang “{sheet}”, ghi ở đó là “{words}”: nhập một lần, theo lời và tình trạng ghi ở dòng này (trang sau); thời hạn muộn hơn ghi ở đây là gia hạn. Nếu là hai nhiệm vụ khác nhau, hãy sửa lời cho khác trong tệp."),
                format!("The same directive as row {first} of sheet “{sheet}”, written there as “{words}”: brought in once, with the words and state of this row (the later sheet); a later deadline written here is an extension. If they are two tasks, make their words differ in the file."),
            ),
            Issue::Duplicate(sheet, first, differs) if differs.is_empty() => both(
                format!("Trùng với dòng {first} của trang “{sheet}” (cùng nội dung, đơn vị chủ trì và nguồn); bỏ qua: hãy cập nhật tình trạng mới nhất trong Giao Ban nếu cần."),
                format!("Same as row {first} of sheet “{sheet}” (same content, lead unit and source); left out: update its latest state in Giao Ban if needed."),
            ),
            Issue::Duplicate(sheet, first, differs) => {
                let said = |lang: Lang| {
                    (differs.iter())
                        .map(|(c, words)| {
                            format!("{} “{words}”", crate::labels::of("tracker_column", c, lang))
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                both(
                    format!("Trùng với dòng {first} của trang “{sheet}” (cùng nội dung, đơn vị chủ trì và nguồn) nhưng ghi khác: {}; bỏ qua, nhập theo dòng {first}: nếu dòng này đúng hơn, hãy sửa trong Giao Ban.", said(Lang::Vi)),
                    format!("Same as row {first} of sheet “{sheet}” (same content, lead unit and source) but it writes otherwise: {}; left out, brought in as row {first} says: if this row is the right one, correct it in Giao Ban.", said(Lang::En)),
                )
            }
            Issue::DoneThereNotHere => both(
                "Nhiệm vụ đã có trong Giao Ban; tệp ghi đã hoàn thành nhưng Giao Ban chưa ghi nhận: hãy báo cáo hoàn thành trong Giao Ban nếu đúng.".into(),
                "This directive is already in Giao Ban; the file says it is done but Giao Ban does not: report it done in Giao Ban if so.".into(),
            ),
            Issue::GivenAgain(first) => both(
                format!("Cùng nội dung, đơn vị chủ trì, nguồn và ngày giao với dòng {first} nhưng thời hạn khác: nhập thành nhiệm vụ riêng (như việc giao mỗi tháng). Nếu chỉ là một nhiệm vụ được gia hạn, hãy xóa dòng thừa và ghi “Gia hạn đến …”."),
                format!("The same words, lead unit, source and day given as row {first}, with another deadline: brought in as a directive of its own (as a task given each month). If it is one directive extended, delete the extra row and write “Gia hạn đến …”."),
            ),
            Issue::SeveralLeaders(cell, first) => both(
                format!("Ô người giao ghi nhiều người (“{cell}”): ghi nhận người giao là {first}; hãy kiểm tra."),
                format!("The “given by” cell names several people (“{cell}”): recorded as given by {first}; check it."),
            ),
            Issue::LeaderUnknown(name, candidates) if candidates.is_empty() => both(
                format!("Người giao “{name}” không có trong danh sách cán bộ: nhập không ghi người giao. Hãy thêm người này rồi nhập lại nếu cần."),
                format!("The leader “{name}” who gave it is not among the office's people: brought in without one. Add them and import again if needed."),
            ),
            Issue::LeaderUnknown(name, candidates) => both(
                format!("Người giao “{name}” có thể là {}: nhập không ghi người giao.", candidates.join(", ")),
                format!("The leader “{name}” who gave it may be {}: brought in without one.", candidates.join(", ")),
            ),
            Issue::SheetUnit(unit) => both(
                format!("Trang không có cột đơn vị chủ trì; tên trang là đơn vị “{unit}”: đơn vị chủ trì của các dòng trong trang."),
                format!("The sheet has no lead unit's column; its name is the unit “{unit}”: the lead unit of its rows."),
            ),
            Issue::SheetLeader(name) => both(
                format!("Trang là của lãnh đạo “{name}” (theo tên trang hoặc tiêu đề): người giao các dòng không ghi người giao."),
                format!("The sheet is kept for the leader “{name}” (by its name or title): who gave the rows that name no one."),
            ),
            Issue::ShortFormTaken { short, unit, holder } => both(
                format!("Tên viết tắt “{short}” ghi sau đơn vị mới “{unit}” đã là của đơn vị “{holder}”: đơn vị mới không lấy tên viết tắt này; dòng nào chỉ ghi “{short}” là của “{holder}”."),
                format!("The short form “{short}” written after the new unit “{unit}” is already that of “{holder}”: the new unit does not take it; rows that write only “{short}” are for “{holder}”."),
            ),
            Issue::SheetNotRead(true) => both(
                "Trang không được đọc: bảng không có cột đơn vị chủ trì, và tên trang không phải tên một đơn vị trong danh mục; hãy thêm cột “Đơn vị chủ trì”, hoặc đặt tên trang là tên đơn vị, rồi nhập lại.".to_string(),
                "Sheet not read: its table has no lead unit column and the sheet's name is not a unit of the directory; add a “Đơn vị chủ trì” column, or name the sheet after the unit, and import again.".to_string(),
            ),
            Issue::SheetNotRead(false) => both(
                "Trang không được đọc: không tìm thấy dòng tiêu đề của bảng theo dõi (cột nội dung nhiệm vụ và đơn vị chủ trì).".to_string(),
                "Sheet not read: no tracker header was found (task content and lead unit columns).".to_string(),
            ),
            Issue::DeadlineWithWords(words, d) => both(
                format!("Ô thời hạn ghi thêm “{words}” sau ngày {}: nhập thời hạn là ngày đó; lời ghi thêm không được lưu, hãy ghi vào nội dung nếu cần.", crate::date::format(*d)),
                format!("The deadline cell adds “{words}” after {}: the deadline is that day; the added words are not kept, put them in the content if needed.", crate::date::format(*d)),
            ),
            Issue::LeaderNoLongerActive(name) => both(
                format!("Lãnh đạo “{name}” đã ngừng hoạt động: nhiệm vụ chưa xong được nhập không ghi người giao; hãy ghi người giao trong Giao Ban nếu cần."),
                format!("The leader “{name}” is no longer active: the task not yet done comes in without who gave it; set it in Giao Ban if needed."),
            ),
            Issue::SheetLeaders(names) => both(
                format!("Tên trang và tiêu đề ghi các lãnh đạo khác nhau ({}): không rõ ai giao, các dòng không ghi người giao được nhập không có người giao.", names.join(", ")),
                format!("The sheet's name and title name different leaders ({}): who gave them is unclear, so the rows that name no one come in without a leader.", names.join(", ")),
            ),
            Issue::PriorityUnread(words) => both(
                format!("Mức độ ưu tiên “{words}” không rõ: nhập là bình thường."),
                format!("The priority “{words}” is not one known: brought in as normal."),
            ),
            // The progress says done: the day is a mistake, not a plan.
            Issue::CompletionToCome(day, true) => both(
                format!(
                    "Ngày hoàn thành {} chưa đến, mà tiến độ ghi đã hoàn thành: dòng bỏ qua; hãy sửa ngày trong tệp rồi nhập lại.",
                    crate::date::format(*day)
                ),
                format!(
                    "The completion day {} is still to come, yet the progress says done: the row is left out; correct the day in the file and import it again.",
                    crate::date::format(*day)
                ),
            ),
            Issue::CompletionToCome(day, false) => both(
                format!(
                    "Ngày hoàn thành {} chưa đến: đọc là ngày dự kiến (thời hạn nếu dòng không ghi), chưa hoàn thành.",
                    crate::date::format(*day)
                ),
                format!(
                    "The completion day {} is still to come: read as the day planned (the deadline when the row gives none), not done.",
                    crate::date::format(*day)
                ),
            ),
            Issue::CompletedNotDone(day, words) => both(
                format!(
                    "Ngày hoàn thành {} nhưng tiến độ ghi “{}”: nhập theo tiến độ, chưa hoàn thành; hãy kiểm tra.",
                    crate::date::format(*day),
                    words.trim()
                ),
                format!(
                    "Completed on {} but the progress says “{}”: brought in as the progress says, not done; check it.",
                    crate::date::format(*day),
                    words.trim()
                ),
            ),
            Issue::NotCarriedOut(words) => both(
                format!(
                    "Tiến độ ghi “{}”: nhập là chưa hoàn thành (quá hạn khi đã qua thời hạn). Nếu nhiệm vụ đã được dừng hoặc hủy, hãy chuyển sang “Đã hủy” sau khi nhập.",
                    words.trim()
                ),
                format!(
                    "The progress says “{}”: brought in as not done (overdue once past its deadline). If the task was stopped or cancelled, mark it cancelled after the import.",
                    words.trim()
                ),
            ),
            Issue::TimelinessOnly(words) => both(
                format!(
                    "Tiến độ chỉ ghi “{}”, không ghi đã hoàn thành: nhập là chưa hoàn thành. Nếu nhiệm vụ đã hoàn thành, hãy ghi “Đã hoàn thành ngày …” trong tệp rồi nhập lại.",
                    words.trim()
                ),
                format!(
                    "The progress says only “{}”, not that it is done: brought in as not done. If it is done, write “Đã hoàn thành ngày …” in the file and import again.",
                    words.trim()
                ),
            ),
            Issue::Totals => both(
                "Dòng tổng cộng của bảng, không phải một nhiệm vụ: không nhập.".into(),
                "The table's totals row, not a directive: not brought in.".into(),
            ),
            Issue::GivenDiffers(here) => both(
                format!("Nhiệm vụ đã nhập trước đây với ngày giao {}; tệp nay ghi ngày khác: không tạo nhiệm vụ thứ hai. Nếu ngày giao đã sửa, hãy sửa trong Giao Ban; nếu là việc giao lại cho tuần, tháng mới, hãy nhập như nhiệm vụ mới.", crate::date::format(*here)),
                format!("The directive was brought in before as given on {}; the file now says another day: no second directive is made. If the day was corrected, edit it in Giao Ban; if it is the task given again for a new week or month, bring it in as new.", crate::date::format(*here)),
            ),
            Issue::SourceDiffers(here) if here.is_empty() => both(
                "Nhiệm vụ đã nhập trước đây (cùng nội dung, đơn vị chủ trì, ngày giao và thời hạn) khi chưa ghi văn bản giao; tệp nay ghi văn bản giao: không tạo nhiệm vụ thứ hai. Hãy ghi nguồn trong Giao Ban nếu cần; nếu là nhiệm vụ khác, hãy nhập như nhiệm vụ mới.".into(),
                "The directive was brought in before (same content, lead unit, day given and deadline) with no source; the file now names one: no second directive is made. Add the source in Giao Ban if needed; if it is another task, bring it in as new.".into(),
            ),
            Issue::SourceDiffers(here) => both(
                format!("Nhiệm vụ đã nhập trước đây (cùng nội dung, đơn vị chủ trì, ngày giao và thời hạn) với văn bản giao “{here}”; tệp nay ghi khác: không tạo nhiệm vụ thứ hai. Nếu đã sửa nguồn, hãy sửa trong Giao Ban; nếu là nhiệm vụ khác, hãy nhập như nhiệm vụ mới."),
                format!("The directive was brought in before (same content, lead unit, day given and deadline) citing “{here}”; the file now cites another: no second directive is made. If the source was corrected, edit it in Giao Ban; if it is another task, bring it in as new."),
            ),
            Issue::HeldChanged(was) => {
                let (vi, en): (Vec<String>, Vec<String>) = was.iter().map(Was::words).unzip();
                both(
                    format!("Nhiệm vụ đã nhập trước đây với {}; tệp nay ghi khác: không tạo nhiệm vụ thứ hai. Nếu đã sửa, hãy sửa trong Giao Ban; nếu là nhiệm vụ khác, hãy nhập như nhiệm vụ mới.", vi.join(", ")),
                    format!("The directive was brought in before with {}; the file now says otherwise: no second directive is made. If they were corrected, edit it in Giao Ban; if it is another task, bring it in as new.", en.join(", ")),
                )
            }
            Issue::HeldAlike(here) => both(
                format!("Nhiệm vụ đã nhập trước đây, giao cùng đơn vị, với lời “{here}”; tệp nay ghi khác: không tạo nhiệm vụ thứ hai. Nếu đã sửa, hãy sửa trong Giao Ban."),
                format!("The directive was brought in before, given to the same unit, in the words “{here}”; the file now writes it otherwise: no second directive is made. If it was corrected, edit it in Giao Ban."),
            ),
            Issue::LeadDiffers(here) => both(
                format!("Nhiệm vụ đã nhập trước đây với đơn vị chủ trì “{here}”; tệp nay ghi đơn vị khác: không tạo nhiệm vụ thứ hai. Nếu đã đổi đơn vị chủ trì, hãy sửa trong Giao Ban."),
                format!("The directive was brought in before with the lead unit “{here}”; the file now names another: no second directive is made. If the lead unit changed, edit it in Giao Ban."),
            ),
            // Giao Ban already later (extended here since): nothing to do.
            Issue::DeadlineDiffers(there, Some(here)) if here > there => both(
                format!(
                    "Nhiệm vụ đã có trong Giao Ban, đã gia hạn đến {}; tệp còn ghi {}: không đổi.",
                    crate::date::format(*here),
                    crate::date::format(*there)
                ),
                format!(
                    "This directive is already in Giao Ban, extended to {}; the file still says {}: not changed.",
                    crate::date::format(*here),
                    crate::date::format(*there)
                ),
            ),
            Issue::DeadlineDiffers(there, here) => {
                let here = here.map(crate::date::format);
                both(
                    format!(
                        "Nhiệm vụ đã có trong Giao Ban với thời hạn {}; tệp ghi {}: không đổi. Hãy gia hạn trong Giao Ban nếu đúng.",
                        here.as_deref().unwrap_or("không thời hạn"),
                        crate::date::format(*there)
                    ),
                    format!(
                        "This directive is already in Giao Ban, due {}; the file says {}: not changed. Extend it in Giao Ban if so.",
                        here.as_deref().unwrap_or("without a deadline"),
                        crate::date::format(*there)
                    ),
                )
            }
            Issue::Unreadable => both(
                "Dòng có ký tự không đọc được (hiện là “�”): tệp có chỗ không phải UTF-8; hãy sửa ô đó trong Giao Ban hoặc trong tệp.".into(),
                "The row holds characters that cannot be read (shown as “�”): part of the file is not UTF-8; correct the cell here or in the file.".into(),
            ),
            Issue::NoLongerIn(content, lead) => both(
                format!("Nhiệm vụ “{content}” ({lead}) đã nhập từ bản trước của bảng này nhưng không còn trong tệp (dòng đã xóa, hoặc bị bỏ qua ở trên): Giao Ban vẫn giữ nhiệm vụ; nếu đã hủy, hãy cập nhật trong Giao Ban."),
                format!("The directive “{content}” ({lead}) was brought in from an earlier copy of this tracker but is no longer in the file (its row deleted, or left out above): Giao Ban keeps it; if it was cancelled, update it in Giao Ban."),
            ),
            Issue::AsNewUnused => both(
                "Dòng này không bị bỏ qua vì giống nhiệm vụ đã nhập, nên “nhập như nhiệm vụ mới” không đổi gì.".into(),
                "This row is not one left out as like a directive brought in before, so bringing it in as new changes nothing.".into(),
            ),
            Issue::AsNewHeld => both(
                "Dòng này là chính nhiệm vụ đã nhập trước đây (cùng nội dung, đơn vị chủ trì, nguồn và ngày giao), nên không nhập như nhiệm vụ mới; thời hạn hay tình trạng khác, hãy sửa trong Giao Ban.".into(),
                "This row is the directive brought in before (the same words, lead unit, source and day given), so it is not brought in as new; a deadline or state that differs is corrected in Giao Ban.".into(),
            ),
            Issue::AsNewNoRow => both(
                "Dòng này không phải dòng nhiệm vụ của trang (không có, hoặc đã bỏ qua vì lý do khác): “nhập như nhiệm vụ mới” không đổi gì; hãy kiểm tra số dòng.".into(),
                "This is no directive's row of the sheet (there is none, or it is left out for another reason): bringing it in as new changes nothing; check the row's number.".into(),
            ),
            Issue::AsNewNoSheet(name) => both(
                format!("Tệp không có trang “{name}”: hãy ghi đúng tên trang (TRANG:DÒNG); chưa đổi gì."),
                format!("The file has no sheet “{name}”: write the sheet's name as it is (SHEET:ROW); nothing changed."),
            ),
            Issue::AsNewWhichSheet => both(
                "Tệp có nhiều trang: hãy ghi cả tên trang (TRANG:DÒNG) để nhập dòng này như nhiệm vụ mới; chưa đổi gì.".into(),
                "The file has several sheets: name the sheet too (SHEET:ROW) to bring this row in as new; nothing changed.".into(),
            ),
            Issue::NotesDiffer(words) => both(
                format!("Nhiệm vụ đã nhập trước đây; ghi chú trong tệp nay là “{words}”, khác với lúc nhập: không đổi. Hãy ghi vào Giao Ban nếu cần."),
                format!("The directive was brought in before; the file's note now says “{words}”, not as brought in: not changed. Record it in Giao Ban if needed."),
            ),
            Issue::Declined(words) => both(
                format!("“{words}”: nhiệm vụ bị từ chối hoặc trả lại; nhập ở trạng thái đã giao, chưa thực hiện, lời ghi giữ trong nội dung: hãy xem lại đơn vị chủ trì và tiến độ."),
                format!("“{words}”: the task was refused or sent back; brought in as assigned, not started, with the words kept in its content: check its lead unit and progress."),
            ),
            Issue::TickSaysNotDone => both(
                "Lời ghi tiến độ nói đã hoàn thành nhưng dấu đánh ở cột chưa hoàn thành: nhập theo dấu đánh; hãy kiểm tra.".into(),
                "The progress words say done but the tick is under a column not done: brought in as the tick says; check it.".into(),
            ),
            Issue::NotesSayDone => both(
                "Ghi chú nói đã hoàn thành nhưng cột tiến độ thì không: nhập theo cột tiến độ; hãy kiểm tra lại.".into(),
                "The notes say done but the progress column does not: brought in as the progress column says; check it.".into(),
            ),
            Issue::Formula => both(
                "Ô có công thức bị lỗi hoặc chưa được tính nên không có giá trị; dòng được bỏ qua: hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại.".into(),
                "The cell holds a formula in error, or one never calculated, so it has no value; the row is left out: open the file in Excel or LibreOffice, save it and import again.".into(),
            ),
            Issue::FormulaLeftOut => both(
                "Ô có công thức bị lỗi (như #N/A) nên không có giá trị; nhiệm vụ vẫn được nhập, không có ô này: hãy kiểm tra lại.".into(),
                "The cell holds a formula in error (such as #N/A), so it has no value; the directive is brought in without it: check it.".into(),
            ),
            Issue::TooLong => both(
                format!("Nội dung dài quá {CONTENT_CHARS} ký tự: không phải một nhiệm vụ; hãy kiểm tra ô này."),
                format!("The content is longer than {CONTENT_CHARS} characters: no directive; check this cell."),
            ),
            Issue::MonthFirst => both(
                "Ngày trong bảng được ghi theo kiểu tháng/ngày/năm (máy đặt tiếng Anh Mỹ): đã đọc theo kiểu đó, hãy kiểm tra lại.".into(),
                "The sheet's dates are written month/day/year (a computer set to US English): read so; check them.".into(),
            ),
            Issue::ReportedWithoutDate(d, taken) => both(
                format!(
                    "Báo đã hoàn thành, chờ xác nhận, nhưng không ghi ngày; ghi nhận ngày báo là {} ({}).",
                    crate::date::format(*d),
                    taken.words().0
                ),
                format!(
                    "Reported done, waiting for confirmation, on no day written; recorded as reported on {} ({}).",
                    crate::date::format(*d),
                    taken.words().1
                ),
            ),
            Issue::StateUnread(words) => both(
                format!("Không rõ trạng thái “{words}”: nhập là đang thực hiện, lời ghi giữ làm báo cáo tiến độ; hãy kiểm tra."),
                format!("The state “{words}” is not understood: brought in as under way, the words kept as a progress report; check it."),
            ),
            Issue::DoneWithoutDate(d, taken) => both(
                format!(
                    "Đã hoàn thành nhưng không ghi ngày hoàn thành; ghi nhận ngày {} ({}).",
                    crate::date::format(*d),
                    taken.words().0
                ),
                format!(
                    "Done, but no completion date is written; recorded as {} ({}).",
                    crate::date::format(*d),
                    taken.words().1
                ),
            ),
            Issue::Heading => both(
                "Dòng chỉ có nội dung, không có đơn vị hay ngày: đọc là tiêu đề mục, không nhập thành nhiệm vụ. Nếu là một nhiệm vụ, hãy ghi đơn vị chủ trì.".into(),
                "The row has only words, no unit nor date: read as a section heading, not as a directive. If it is one, write its lead unit.".into(),
            ),
            Issue::UnitNameTooLong => both(
                format!("Tên đơn vị dài quá {} ký tự: không phải tên một đơn vị; hãy ghi tên đơn vị vào ô này.", unit::NAME_CHARS),
                format!("The unit's name is longer than {} characters: no unit's name; write the unit's name in this cell.", unit::NAME_CHARS),
            ),
            Issue::HeadingLeads(unit) => both(
                format!("Tiêu đề mục là đơn vị “{unit}”: đơn vị chủ trì của các dòng dưới không ghi đơn vị."),
                format!("The section heading is the unit “{unit}”: the lead unit of the rows under it that name none."),
            ),
            Issue::ContinuesSetAside(above) => both(
                format!("Dòng tiếp nội dung của dòng {above}, là dòng không nhập được: sửa dòng {above} rồi nhập lại."),
                format!("The row continues row {above}, which cannot be brought in: correct row {above} and import again."),
            ),
            Issue::Refused(e, None) => both(e.message(Lang::Vi), e.message(Lang::En)),
            Issue::Refused(e, Some(names)) => both(
                format!("{}: {names}.", e.message(Lang::Vi).trim_end_matches('.')),
                format!("{}: {names}.", e.message(Lang::En).trim_end_matches('.')),
            ),
        }
    }
}
