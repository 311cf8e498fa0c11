//! What a user typed, read as terms of the FTS5 index: never its syntax (operators,
//! columns, stars), always folded like the indexed text.

use serde::Serialize;

use crate::text::fold;

/// A folded word to mark in snippets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Term {
    /// The folded word.
    pub word: String,
    /// Whether it matches the start of longer words too.
    pub prefix: bool,
}

/// What the user typed, read as search terms: words folded (case, diacritics, `đ`), each
/// matching as a prefix; a quoted part matches as a phrase. Everything else (operators,
/// punctuation, `*`, `:`, parentheses, AND/OR/NEAR) is plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Groups of words; a group of several words is a phrase.
    pub parts: Vec<Vec<String>>,
}

impl Query {
    /// Reads a query; at most 32 parts of at most 64 characters each are kept.
    pub fn parse(input: &str) -> Query {
        let mut parts = Vec::new();
        for (i, chunk) in input.split('"').enumerate() {
            let words = words(chunk);
            if i % 2 == 1 && words.len() > 1 {
                parts.push(words);
            } else {
                parts.extend(words.into_iter().map(|w| vec![w]));
            }
        }
        parts.truncate(32);
        Query { parts }
    }

    /// The FTS5 expression: each part quoted (so no character is an operator), all required;
    /// the last part matches as a prefix, as the user may still be typing it, once it has
    /// two letters (a single letter would match most of the index).
    pub fn fts(&self) -> Option<String> {
        self.expression(self.last_is_prefix())
    }

    /// The same expression with the last word matched whole, when that word is too long for
    /// the 2- and 3-letter prefix indexes: FTS5 then gathers every longer word's whole list
    /// of documents before returning the first match (118 ms for `thanh*` at 1M
    /// directives), while a whole word is read newest first and stops early.
    pub fn fts_whole_word(&self) -> Option<String> {
        let long = self
            .parts
            .last()
            .and_then(|p| p.last())
            .is_some_and(|w| w.chars().count() > 3);
        if long { self.expression(false) } else { None }
    }

    fn expression(&self, last_prefix: bool) -> Option<String> {
        let last = self.parts.len().checked_sub(1)?;
        Some(
            self.parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let star = if i == last && last_prefix { "*" } else { "" };
                    format!("\"{}\"{star}", p.join(" "))
                })
                .collect::<Vec<_>>()
                .join(" AND "),
        )
    }

    fn last_is_prefix(&self) -> bool {
        self.parts
            .last()
            .and_then(|p| p.last())
            .is_some_and(|w| w.chars().count() >= 2)
    }

    /// The words to mark in snippets; only the very last one is a prefix.
    pub(crate) fn terms(&self) -> Vec<Term> {
        let words: Vec<&String> = self.parts.iter().flatten().collect();
        let last = words.len().saturating_sub(1);
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| Term {
                word: w.clone(),
                prefix: i == last && self.last_is_prefix(),
            })
            .collect()
    }
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().take(64).collect())
        .collect()
}
