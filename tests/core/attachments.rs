//! Content-addressed attachments.

use giaoban::attachment::{self, OwnerKind};
use giaoban::error::Error;

use crate::fixture::office;

#[test]
fn the_same_file_is_stored_once_and_read_back_checked() {
    let mut o = office();
    let dir = o.store.attachments_dir().unwrap();
    let id = o.meeting;
    let bytes = "Báo cáo tháng 5".as_bytes().to_vec();
    let (a, b) = o
        .store
        .write(|tx| {
            let a = attachment::attach(tx, &dir, OwnerKind::Meeting, id, "bao-cao.docx", &bytes)?;
            let b = attachment::attach(tx, &dir, OwnerKind::Meeting, id, "ban-sao.docx", &bytes)?;
            Ok((a, b))
        })
        .unwrap();
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(
        attachment::list(o.store.conn(), OwnerKind::Meeting, id)
            .unwrap()
            .len(),
        2
    );
    let files: Vec<_> = walk(&dir);
    assert_eq!(files.len(), 1, "one blob for identical content: {files:?}");
    assert_eq!(attachment::read(&dir, &a).unwrap(), bytes);

    std::fs::write(attachment::blob_path(&dir, &a.sha256).unwrap(), b"altered").unwrap();
    assert!(matches!(
        attachment::read(&dir, &a),
        Err(Error::Corrupt { .. })
    ));
}

#[test]
fn an_attachment_needs_an_existing_owner() {
    let mut o = office();
    let dir = o.store.attachments_dir().unwrap();
    let r = o.store.write(|tx| {
        attachment::attach(
            tx,
            &dir,
            OwnerKind::Directive,
            uuid::Uuid::now_v7(),
            "x.pdf",
            b"x",
        )
    });
    assert!(matches!(r, Err(Error::NotFound { .. })));
    assert_eq!(o.count("attachment"), 0);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

/// A file missing from this computer, or altered since it was attached, is left out of an
/// export and named; the export itself goes on, and carries every other file checked.
#[test]
fn an_export_names_the_files_it_could_not_carry_and_goes_on() {
    let mut o = office();
    let dir = o.store.attachments_dir().unwrap();
    let id = o.meeting;
    let (gone, altered, kept) = o
        .store
        .write(|tx| {
            let add = |name: &str, text: &str| {
                attachment::attach(tx, &dir, OwnerKind::Meeting, id, name, text.as_bytes())
            };
            Ok((
                add("bien-ban.pdf", "Biên bản đã ký")?,
                add("bao-cao.docx", "Báo cáo tháng 5")?,
                add("danh-sach.xlsx", "Danh sách dự họp")?,
            ))
        })
        .unwrap();
    std::fs::remove_file(attachment::blob_path(&dir, &gone.sha256).unwrap()).unwrap();
    std::fs::write(attachment::blob_path(&dir, &altered.sha256).unwrap(), b"x").unwrap();
    let out = dir.with_file_name("out.gbx");
    let done = giaoban::exchange::export(
        &mut o.store,
        &out,
        &giaoban::exchange::ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(done.files, 1);
    let mut missing = done.missing_files.clone();
    missing.sort();
    assert_eq!(missing, ["bao-cao.docx", "bien-ban.pdf"]);
    let opened = giaoban::exchange::bundle::read(&out, None).unwrap();
    assert_eq!(opened.files.keys().collect::<Vec<_>>(), [&kept.sha256]);
}
