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

    std::fs::write(attachment::blob_path(&dir, &a.sha256), b"altered").unwrap();
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
