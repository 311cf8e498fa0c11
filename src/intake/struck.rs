//! The words of a cell written partly struck through (a unit or a deadline crossed out,
//! another written beside it): those kept are read as the cell's, those struck are told.

use std::ops::Range;

/// A cell's text parted by whether it is struck through.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Parted {
    /// The words kept; where words struck out stood between two of them, one space ("Văn
    /// phòng Sở~, ~Thanh tra Sở"); none where letters or digits were struck inside a word or
    /// a number ("2~3~4", "s~ố~ổ").
    pub kept: String,
    /// The words struck; one space between pieces struck apart.
    pub struck: String,
    /// The text struck since the last kept, if any.
    cut: Option<String>,
}

impl Parted {
    /// Adds the next piece of the cell's text, struck through or not.
    pub fn push(&mut self, text: &str, struck: bool) {
        if text.is_empty() {
            return;
        }
        if struck {
            match &mut self.cut {
                Some(cut) => cut.push_str(text),
                None => {
                    if !self.struck.is_empty() && !self.struck.ends_with(' ') {
                        self.struck.push(' ');
                    }
                    self.cut = Some(text.to_string());
                }
            }
            self.struck.push_str(text);
            return;
        }
        let Some(cut) = self.take_cut() else {
            self.kept.push_str(text);
            return;
        };
        // Struck inside a word or a number: the two sides join.
        let inside = cut.chars().all(char::is_alphanumeric);
        let spaced_before = self.kept.is_empty() || self.kept.ends_with(char::is_whitespace);
        let spaced_after = text.starts_with(char::is_whitespace);
        // "(~bản nháp~)": the brackets left empty go too.
        if self.kept.ends_with('(') && text.starts_with(')') {
            self.kept.pop();
            let rest = &text[1..];
            let rest = match self.kept.ends_with(char::is_whitespace) {
                true => rest.trim_start_matches(' '),
                false => rest,
            };
            self.kept.push_str(rest);
            return;
        }
        match (spaced_before, spaced_after) {
            (true, true) if !self.kept.is_empty() => {
                let kept = self.kept.trim_end_matches(' ').len();
                self.kept.truncate(kept);
                if !self.kept.ends_with(char::is_whitespace) {
                    self.kept.push(' ');
                }
                self.kept.push_str(text.trim_start_matches(' '));
            }
            (true, true) => self.kept.push_str(text.trim_start_matches(' ')),
            (false, false) if !inside && !self.kept.ends_with('(') && !text.starts_with(')') => {
                self.kept.push(' ');
                self.kept.push_str(text);
            }
            _ => self.kept.push_str(text),
        }
    }

    /// The words struck since the last kept, taken. Marks or spaces struck alone ("Sở Tài
    /// chính~,~Công an tỉnh", "1~,~5 tỷ") are no words crossed out: they stay kept as
    /// written, and none is taken.
    fn take_cut(&mut self) -> Option<String> {
        let cut = self.cut.take()?;
        if cut.chars().any(char::is_alphanumeric) {
            return Some(cut);
        }
        let struck = self.struck.len() - cut.len();
        self.struck.truncate(struck);
        self.struck.truncate(self.struck.trim_end().len());
        self.kept.push_str(&cut);
        None
    }

    /// The cell's text once every piece is added (marks struck last are kept).
    pub fn finished(mut self) -> Parted {
        self.take_cut();
        self
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
        parted.finished()
    }

    /// Whether any words are struck through.
    pub fn any_struck(&self) -> bool {
        !self.struck.trim().is_empty()
    }

    /// Whether every word is struck through (the cell struck whole; a mark left, "~Toàn bộ
    /// nội dung~ .", is no word).
    pub fn all_struck(&self) -> bool {
        !self.kept.chars().any(char::is_alphanumeric)
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
        let p = p.finished();
        assert_eq!(
            (p.kept.as_str(), p.struck.as_str()),
            ("Văn phòng Sở, Thanh tra Sở", "")
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
    fn letters_or_digits_struck_inside_a_word_join_its_sides() {
        let parted = |pieces: &[(&str, bool)]| {
            let mut p = Parted::default();
            for (t, s) in pieces {
                p.push(t, *s);
            }
            let p = p.finished();
            (p.kept.trim().to_string(), p.struck)
        };
        assert_eq!(
            parted(&[("TB 2", false), ("3", true), ("4/TB-STTTT", false)]).0,
            "TB 24/TB-STTTT"
        );
        assert_eq!(
            parted(&[("s", false), ("ố", true), ("ổ hóa", false)]).0,
            "sổ hóa"
        );
        assert_eq!(
            parted(&[("Kế hoạch (", false), ("bản nháp", true), (")", false)]).0,
            "Kế hoạch"
        );
        assert_eq!(
            parted(&[("Kế hoạch (", false), ("bản nháp", true), (") năm", false)]).0,
            "Kế hoạch năm"
        );
        assert_eq!(
            parted(&[("VP", false), (",", true), ("TTr", false)]).0,
            "VP,TTr"
        );
        assert_eq!(
            parted(&[("1", false), (",", true), ("5 tỷ", false)]).0,
            "1,5 tỷ"
        );
        assert_eq!(
            parted(&[("Nâng cấp", false), (" ", true), ("hệ thống", false)]).0,
            "Nâng cấp hệ thống"
        );
        assert_eq!(
            parted(&[
                ("Triển khai  ", false),
                ("gấp", true),
                ("  phần mềm", false)
            ])
            .0,
            "Triển khai phần mềm"
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
        assert!(Parted::of_spans("Toàn bộ nội dung .", &[0..8, 8..16]).all_struck());
        let whole = Parted::of_spans("TTTHDL", &[0..3, 3..6]);
        assert!(whole.all_struck());
    }
}
