//! The words of a cell written partly struck through (a unit or a deadline crossed out,
//! another written beside it): those kept are read as the cell's, those struck are told.

use std::ops::Range;

/// A cell's text parted by whether it is struck through.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Parted {
    /// The words kept; where words were struck out between two of them, one space stands.
    pub kept: String,
    /// The words struck; one space between pieces struck apart.
    pub struck: String,
    /// Whether the last text added was struck.
    last_struck: bool,
}

impl Parted {
    /// Adds the next piece of the cell's text, struck through or not.
    pub fn push(&mut self, text: &str, struck: bool) {
        if text.is_empty() {
            return;
        }
        let (to, apart) = match struck {
            true => (&mut self.struck, !self.last_struck),
            false => (&mut self.kept, self.last_struck),
        };
        match (apart && !to.is_empty(), to.ends_with(char::is_whitespace)) {
            (false, _) => to.push_str(text),
            (true, true) => to.push_str(text.trim_start_matches(' ')),
            (true, false) if text.starts_with(char::is_whitespace) => to.push_str(text),
            (true, false) => {
                to.push(' ');
                to.push_str(text);
            }
        }
        self.last_struck = struck;
    }

    /// `text` parted where `spans` (in UTF-16 units from its start, as .xls counts
    /// characters) are struck through.
    pub fn of_spans(text: &str, spans: &[Range<usize>]) -> Parted {
        let mut parted = Parted::default();
        let (mut at, mut from, mut piece_struck) = (0usize, 0usize, None::<bool>);
        for (i, c) in text.char_indices() {
            let struck = spans.iter().any(|s| s.contains(&at));
            if piece_struck.is_some_and(|p| p != struck) {
                parted.push(&text[from..i], !struck);
                from = i;
            }
            piece_struck = Some(struck);
            at += c.len_utf16();
        }
        parted.push(&text[from..], piece_struck.unwrap_or(false));
        parted
    }

    /// Whether any words are struck through.
    pub fn any_struck(&self) -> bool {
        !self.struck.trim().is_empty()
    }

    /// Whether every word is struck through (the cell struck whole).
    pub fn all_struck(&self) -> bool {
        self.kept.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_struck_out_leave_one_space_between_those_kept() {
        let mut p = Parted::default();
        for (t, s) in [
            ("Văn phòng Sở", false),
            (", ", true),
            ("Thanh tra Sở", false),
        ] {
            p.push(t, s);
        }
        assert_eq!(
            (p.kept.as_str(), p.struck.as_str()),
            ("Văn phòng Sở Thanh tra Sở", ", ")
        );
        let mut p = Parted::default();
        for (t, s) in [
            ("kế hoạch ", false),
            ("quý IV", true),
            (" năm 2027", false),
            ("x", true),
        ] {
            p.push(t, s);
        }
        assert_eq!(
            (p.kept.as_str(), p.struck.as_str()),
            ("kế hoạch năm 2027", "quý IV x")
        );
    }

    #[test]
    fn spans_are_counted_in_utf16_units() {
        // "𝐀" is two UTF-16 units.
        let p = Parted::of_spans("𝐀 30/06/2025 30/09/2025", &[0..0, 3..13]);
        assert_eq!(
            (p.kept.as_str(), p.struck.as_str()),
            ("𝐀 30/09/2025", "30/06/2025")
        );
        assert!(p.any_struck() && !p.all_struck());
        let whole = Parted::of_spans("TTTHDL", &[0..3, 3..6]);
        assert!(whole.all_struck());
    }
}
