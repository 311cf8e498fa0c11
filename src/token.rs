//! Tokens of Vietnamese text: each word, number or mark with its place in the original text
//! and its folded form, so rules can match folded words and still quote the original.

use unicode_normalization::char::is_combining_mark;

use crate::text::fold;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, possibly with digits after the first letter (`IPV6`).
    Word,
    /// Digits only.
    Number,
    /// One punctuation mark or symbol.
    Punct(char),
    /// A line break.
    Break,
}

/// One token.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
    /// Folded form (lower case, no diacritics, `đ` → `d`, `qui` → `quy`); the mark itself for
    /// punctuation.
    pub fold: String,
    /// Kind.
    pub kind: Kind,
    /// First letter is a capital.
    pub capital: bool,
    /// Two or more letters, all capitals (`UBND`, `CNTT`): possibly an abbreviation.
    pub acronym: bool,
    /// Written with diacritics (so `đã` is known from `da`).
    pub accented: bool,
}

impl Token {
    /// Whether this is a word or number whose folded form is `w`.
    pub fn is(&self, w: &str) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number) && self.fold == w
    }

    /// Whether this is the punctuation mark `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// Whether this is a word or a number.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }

    /// The number it holds, when it is a number.
    pub fn number(&self) -> Option<u32> {
        match self.kind {
            Kind::Number => self.fold.parse().ok(),
            _ => None,
        }
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Splits a text into tokens. Spaces are dropped; every line break is a [`Kind::Break`].
pub fn tokenize(text: &str) -> Vec<Token> {
    spans(text)
        .map(|(start, end, kind)| match kind {
            Kind::Word | Kind::Number => word_token(text, start, end, kind),
            _ => Token {
                start,
                end,
                fold: text[start..end].to_string(),
                kind,
                capital: false,
                acronym: false,
                accented: false,
            },
        })
        .collect()
}

/// How many tokens [`tokenize`] would make of `text`, counted without making them.
pub fn count(text: &str) -> usize {
    spans(text).count()
}

/// Each token's start, end and kind, in text order.
fn spans(text: &str) -> impl Iterator<Item = (usize, usize, Kind)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((start, c)) = chars.next() {
            let one = start + c.len_utf8();
            if c == '\n' {
                return Some((start, one, Kind::Break));
            } else if c.is_whitespace() {
                continue;
            } else if is_letter(c) || c.is_ascii_digit() {
                let digits = c.is_ascii_digit();
                let mut end = one;
                while let Some(&(i, n)) = chars.peek() {
                    let continues = if digits {
                        n.is_ascii_digit()
                    } else {
                        is_letter(n) || n.is_ascii_digit()
                    };
                    if !continues {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
                let kind = if digits { Kind::Number } else { Kind::Word };
                return Some((start, end, kind));
            }
            return Some((start, one, Kind::Punct(c)));
        }
        None
    })
}

fn word_token(text: &str, start: usize, end: usize, kind: Kind) -> Token {
    let original = &text[start..end];
    // "quí", "qui định": the older spelling of "quý", "quy định" (i for y after "qu").
    let folded = match fold(original) {
        f if f == "qui" => "quy".to_string(),
        f => f,
    };
    let letters = original.chars().filter(|c| c.is_alphabetic()).count();
    Token {
        start,
        end,
        accented: !original.is_ascii(),
        capital: original.chars().next().is_some_and(char::is_uppercase),
        acronym: letters >= 2
            && original
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        fold: folded,
        kind,
    }
}

/// Whether the folded words `seq` appear at token `i`, punctuation not skipped.
pub fn starts_with(tokens: &[Token], i: usize, seq: &[&str]) -> bool {
    seq.iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.fold == *w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_marks_and_breaks() {
        let t = tokenize("Sở TT&TT: trước 30/6/2020.\nIPV6 đã");
        let folds: Vec<&str> = t.iter().map(|t| t.fold.as_str()).collect();
        assert_eq!(
            folds,
            [
                "so", "tt", "&", "tt", ":", "truoc", "30", "/", "6", "/", "2020", ".", "\n",
                "ipv6", "da"
            ]
        );
        assert!(t[1].acronym && t[0].capital && !t[0].acronym);
        assert_eq!(t[6].number(), Some(30));
        assert_eq!(t[12].kind, Kind::Break);
        assert!(t[14].accented);
    }

    #[test]
    fn decomposed_text_keeps_words_whole() {
        let nfd = "Tha\u{0300}nh pho\u{0302}\u{0301}";
        let t = tokenize(nfd);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].fold, "pho");
    }
}
