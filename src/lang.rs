//! Language of user-facing messages: Vietnamese first, English second.

use serde::{Deserialize, Serialize};

/// A user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (the default).
    #[default]
    Vi,
    /// English.
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vi-vn" => Ok(Lang::Vi),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            other => Err(format!("unknown language “{other}” (vi, en)")),
        }
    }
}
