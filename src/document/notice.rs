//! Thông báo kết luận (Mẫu 1.4, Nghị định 30/2020): header, "THÔNG BÁO — Kết luận của … tại
//! …", the opening paragraph, the numbered conclusions each with its directives (lead unit,
//! coordinating units, deadline), the closing sentence, the signer block with its authority
//! (TL., KT., TM.), Nơi nhận.

use docx_rs::Docx;

use super::Sheet;
use super::format::spelled_date;
use super::format::{self, plain};
use crate::directive::Directive;

/// The conclusion notice of `sheet`'s meeting, issued on `sheet.issued_on`.
pub fn build(sheet: &Sheet, directives: &[(Directive, String, Vec<String>)]) -> Docx {
    let r = &sheet.record;
    let m = &r.meeting;
    let chair = sheet.chair_with_title();
    let meeting = lower_first(&m.title);
    let mut doc = format::document().add_table(format::header(
        &sheet.office,
        &sheet.number_line("TB"),
        &format::date_line(&sheet.office.place, sheet.issued_on),
    ));
    let subject = match &chair {
        Some(c) => format!("Kết luận của {c} tại {meeting}"),
        None => format!("Kết luận tại {meeting}"),
    };
    for p in format::title("THÔNG BÁO", &[&subject]) {
        doc = doc.add_paragraph(p);
    }
    let mut opening = format!("{}, ", capitalise(&spelled_date(m.local_date())));
    if let Some(place) = &m.location {
        opening.push_str(&format!("tại {place}, "));
    }
    match &chair {
        Some(c) => opening.push_str(&format!("{c} đã chủ trì {meeting}.")),
        None => opening.push_str(&format!("{} đã tổ chức {meeting}.", sheet.office.name)),
    }
    let present: Vec<&str> = r
        .attendees
        .iter()
        .filter(|a| a.person_id != m.chair_id || a.person_id.is_none())
        .filter(|a| {
            !matches!(
                a.attendance,
                crate::minutes::Attendance::Excused | crate::minutes::Attendance::Absent
            )
        })
        .map(|a| a.name.as_str())
        .collect();
    if !present.is_empty() {
        opening.push_str(&format!(" Tham dự cuộc họp có: {}.", present.join(", ")));
    }
    doc = doc.add_paragraph(plain(&opening));
    doc = doc.add_paragraph(plain(&format!(
        "Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, {} kết luận như sau:",
        chair.as_deref().unwrap_or("chủ trì cuộc họp")
    )));
    let mut given: Vec<bool> = vec![false; directives.len()];
    for c in &r.conclusions {
        doc = doc.add_paragraph(plain(&format!("{}. {}", c.position, c.content)));
        for (i, (d, lead, coordinating)) in directives.iter().enumerate() {
            if d.conclusion_id == Some(c.id) {
                given[i] = true;
                doc = doc.add_paragraph(plain(&directive_line(d, lead, coordinating)));
            }
        }
    }
    let rest: Vec<_> = directives
        .iter()
        .zip(&given)
        .filter(|(_, g)| !**g)
        .collect();
    if !rest.is_empty() {
        doc = doc.add_paragraph(plain(&format!(
            "{}. Giao nhiệm vụ cụ thể:",
            r.conclusions.len() + 1
        )));
        for ((d, lead, coordinating), _) in rest {
            doc = doc.add_paragraph(plain(&directive_line(d, lead, coordinating)));
        }
    }
    doc = doc.add_paragraph(plain(&format!(
        "{} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.",
        sheet.office.name
    )));
    let o = &sheet.office;
    let mut to = vec!["Các đơn vị dự họp".to_string()];
    to.extend(
        directives
            .iter()
            .map(|(_, lead, _)| lead.clone())
            .collect::<std::collections::BTreeSet<_>>(),
    );
    to.push("Lưu: VT".to_string());
    doc = doc.add_table(format::closing(
        format::recipients(&to),
        format::signer(&o.signer_heads(), &o.signer_name),
    ));
    doc
}

/// "- Tổ chức hội nghị …; đơn vị chủ trì: X; phối hợp: Y, Z; thời hạn: 30/06/2026."
fn directive_line(d: &Directive, lead: &str, coordinating: &[String]) -> String {
    let mut s = format!("- {}", d.content.trim().trim_end_matches('.'));
    s.push_str(&format!("; đơn vị chủ trì: {lead}"));
    if !coordinating.is_empty() {
        s.push_str(&format!("; phối hợp: {}", coordinating.join(", ")));
    }
    match d.deadline {
        Some(day) => s.push_str(&format!("; thời hạn: {}.", crate::date::format(day))),
        None => s.push('.'),
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}
