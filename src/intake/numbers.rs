//! Document numbers as offices write them ("Số: 45/TB-STTTT", "07 /BB-UBND"): read from a
//! document's header or a tracker's cell, and known as the office's own notice or minutes
//! by its symbol.

use rusqlite::Connection;

use crate::document::register::DocKind;
use crate::error::Result;

/// A document's number as its header writes it ("Số: 45/TB-STTTT", "Số 07 /BB-UBND"), in the
/// first lines: the number, the kind's letters and the issuer's symbol.
pub fn number_of(text: &str) -> Option<(u32, String, String)> {
    text.lines().take(20).find_map(|line| {
        let words: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = words.find("Số")?;
        parse_number(&words[at + "Số".len()..])
    })
}

/// The office's own notice or minutes a number names ("45/TB-STTTT", the office's symbol):
/// its kind and number.
pub fn own_number(conn: &Connection, written: &str) -> Result<Option<(DocKind, u32)>> {
    let Some((n, kind, symbol)) = parse_number(written) else {
        return Ok(None);
    };
    let kind = match kind.as_str() {
        "TB" => DocKind::Notice,
        "BB" => DocKind::Minutes,
        _ => return Ok(None),
    };
    let ours = crate::office::load(conn)?
        .is_some_and(|o| crate::text::fold(&o.symbol) == crate::text::fold(&symbol));
    Ok(ours.then_some((kind, n)))
}

/// A document's number as written ("45/TB-STTTT", ": 07 /BB-UBND", "123/TB-STTTT ngày …"):
/// the number, the kind's letters and the issuer's symbol.
pub fn parse_number(written: &str) -> Option<(u32, String, String)> {
    let rest = written.trim_start_matches([':', ' ']);
    let mut compact = rest.to_string();
    for (spaced, joined) in [(" /", "/"), ("/ ", "/"), (" -", "-"), ("- ", "-")] {
        while compact.contains(spaced) {
            compact = compact.replace(spaced, joined);
        }
    }
    let first = compact.split_whitespace().next()?;
    let (n, rest) = first.split_once('/')?;
    let n: u32 = n.parse().ok().filter(|n| *n > 0)?;
    let (kind, symbol) = rest.split_once('-')?;
    let symbol: String = symbol
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '&'))
        .collect();
    let upper =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    (upper(kind) && !symbol.is_empty()).then(|| (n, kind.to_string(), symbol))
}
