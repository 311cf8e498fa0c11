//! Biên bản cuộc họp (Mẫu 1.9, Nghị định 30/2020): header, "BIÊN BẢN" and the meeting,
//! time, place, attendance, the content in meeting order (agenda, minutes, opinions,
//! conclusions), the closing time, THƯ KÝ and CHỦ TỌA, Nơi nhận. Empty parts are left out.

use docx_rs::Docx;

use super::format::spelled_date;
use super::format::{self, BODY, labelled, plain};
use super::{Sheet, clock};
use crate::minutes::{Attendance, AttendeeRole};

/// The minutes of `sheet`'s meeting.
pub fn build(sheet: &Sheet) -> Docx {
    let r = &sheet.record;
    let m = &r.meeting;
    let mut doc = format::document().add_table(format::header(
        &sheet.office,
        &sheet.number_line("BB"),
        &format::date_line(&sheet.office.place, m.local_date()),
    ));
    for p in format::title("BIÊN BẢN", &[&m.title]) {
        doc = doc.add_paragraph(p);
    }
    let mut body = vec![labelled(
        "Thời gian bắt đầu: ",
        &format!("{}, {}.", clock(m.starts_at), spelled_date(m.local_date())),
    )];
    let place = match (m.location.as_deref(), m.online) {
        (Some(l), true) => Some(format!("{l} (kết nối trực tuyến).")),
        (Some(l), false) => Some(format!("{l}.")),
        (None, true) => Some("trực tuyến.".to_string()),
        (None, false) => None,
    };
    body.extend(place.map(|p| labelled("Địa điểm: ", &p)));
    body.extend(
        r.chair
            .as_ref()
            .map(|c| labelled("Chủ trì: ", &format!("{c}."))),
    );
    body.extend(
        r.secretary
            .as_ref()
            .map(|s| labelled("Thư ký: ", &format!("{s}."))),
    );
    let here: Vec<String> = r
        .attendees
        .iter()
        .filter(|a| !matches!(a.role, AttendeeRole::Chair | AttendeeRole::Secretary))
        .filter(|a| {
            matches!(
                a.attendance,
                Attendance::Present | Attendance::Late | Attendance::Online
            )
        })
        .map(|a| match a.attendance {
            Attendance::Online | Attendance::Late => format!(
                "{} ({})",
                a.name,
                crate::labels::of("attendance", &a.attendance, crate::Lang::Vi)
            ),
            _ => a.name.clone(),
        })
        .collect();
    if !here.is_empty() {
        body.push(labelled(
            "Thành phần tham dự: ",
            &format!("{}.", here.join("; ")),
        ));
    }
    let away: Vec<String> = r
        .attendees
        .iter()
        .filter(|a| matches!(a.attendance, Attendance::Excused | Attendance::Absent))
        .map(|a| match (&a.note, a.attendance) {
            (Some(n), _) => format!("{} ({n})", a.name),
            (None, Attendance::Excused) => format!("{} (có lý do)", a.name),
            (None, _) => format!("{} (không có lý do)", a.name),
        })
        .collect();
    if !away.is_empty() {
        body.push(labelled("Vắng mặt: ", &format!("{}.", away.join("; "))));
    }
    body.push(labelled("Nội dung cuộc họp:", ""));
    if !r.agenda.is_empty() {
        body.push(plain("Chương trình cuộc họp:"));
        body.extend(
            r.agenda
                .iter()
                .map(|a| plain(&format!("{}. {}", a.position, a.title))),
        );
    }
    body.extend(super::markdown::paragraphs(&m.minutes, BODY));
    if !r.opinions.is_empty() {
        body.push(labelled("Ý kiến phát biểu:", ""));
        body.extend(r.opinions.iter().map(|o| {
            plain(&match &o.speaker {
                Some(s) => format!("- {s}: {}", o.content),
                None => format!("- {}", o.content),
            })
        }));
    }
    if !r.conclusions.is_empty() {
        body.push(labelled("Kết luận của chủ trì:", ""));
        body.extend(
            r.conclusions
                .iter()
                .map(|c| plain(&format!("{}. {}", c.position, c.content))),
        );
    }
    if let Some(end) = m.ends_at {
        let day = crate::date::local_date(end);
        let when = if day == m.local_date() {
            "cùng ngày".to_string()
        } else {
            format!("ngày {}", crate::date::format(day))
        };
        body.push(plain(&format!(
            "Cuộc họp kết thúc vào {} {when}, nội dung cuộc họp đã được các thành viên dự họp thông qua./.",
            clock(end)
        )));
    }
    for p in body {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_table(format::closing(
        format::signer(&["Thư ký".into()], r.secretary.as_deref().unwrap_or("")),
        format::signer(&["Chủ tọa".into()], r.chair.as_deref().unwrap_or("")),
    ));
    doc = doc.add_paragraph(docx_rs::Paragraph::new());
    for p in format::recipients(&[
        "Các thành viên dự họp".into(),
        "Lưu: VT, hồ sơ cuộc họp".into(),
    ]) {
        doc = doc.add_paragraph(p);
    }
    doc
}
