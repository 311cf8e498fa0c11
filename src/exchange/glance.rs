//! A bundle's records read only as far as telling which ones this database already holds as
//! they are (their table, id, stamps, clocks and deletion), every value checked as
//! [`Record`] would check it but none copied. Importing a file whose records are mostly held
//! already (a second whole file from the same office) then reads each line once, lightly,
//! and reads whole only the lines the merge will look at.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::bundle::{Manifest, Record, Sealed, limits, parse_line, parts_at_lines};
use super::clock;
use super::schema::table;
use crate::error::Result;

/// One record as far as [`Glance`] reads it.
pub(crate) struct Glance<'a> {
    /// Its table.
    pub t: &'a str,
    /// Its id (hex).
    pub k: &'a str,
    /// Its row's update time and writing installation, when it has a row that carries them
    /// as text and as a 16-byte id (a deletion has none).
    pub stamps: Option<(&'a str, u128)>,
    /// Its groups' clocks as `grp=hlc{vector}`, by group, joined by `;` (as this database
    /// lists its own: see `merge::held`).
    pub clocks: String,
    /// The clock of its deletion.
    pub del: Option<&'a str>,
    /// Where its line is in the records entry.
    pub line: Range<usize>,
}

/// The records of a bundle as read by [`read`].
pub(crate) struct Glanced<'a> {
    /// The records read lightly, in the file's order.
    pub glances: Vec<Glance<'a>>,
    /// The records that did not read lightly (written otherwise than this program writes
    /// them), read whole, with where each line starts; the merge looks at each of them.
    pub whole: Vec<(usize, Record)>,
    /// The newest clock any record carries.
    pub newest: String,
}

/// Reads the records entry `bytes` of `sealed` (inflated whole) lightly, in parts on every
/// core, while another thread computes its hash: a mismatch is told first, then a line that
/// does not read, then counts other than the manifest's.
pub(crate) fn read<'a>(sealed: &Sealed, bytes: &'a [u8]) -> Result<Glanced<'a>> {
    let manifest = &sealed.manifest;
    let (sha, parts) = std::thread::scope(|s| {
        let sha = s.spawn(|| super::bundle::sha_hex(bytes));
        let parts: Vec<_> = parts_at_lines(bytes)
            .into_iter()
            .map(|part| s.spawn(move || read_part(bytes, part, manifest)))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| h.join().expect("a reading thread does not panic"))
            .collect();
        (sha.join().expect("hashing does not panic"), parts)
    });
    sealed.check_hash(&sha)?;
    let mut out = Glanced {
        glances: Vec::new(),
        whole: Vec::new(),
        newest: String::new(),
    };
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for part in parts {
        let part = part?;
        super::bundle::add_counts(&mut counts, part.counts);
        out.glances.extend(part.glances);
        out.whole.extend(part.whole);
        out.newest = out
            .newest
            .max(part.newest.0.max(&part.newest.1).to_string());
    }
    super::bundle::check_counts(&counts, manifest)?;
    Ok(out)
}

/// The lines of `bytes` at `lines` read whole, in the order given; on two threads when
/// there are over 5,000.
pub(crate) fn read_whole(bytes: &[u8], lines: &[Range<usize>]) -> Result<Vec<Record>> {
    let at_once = lines.len().div_ceil(2).max(5_000);
    std::thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(at_once)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|l| parse_line(&bytes[l.clone()], || line_number(bytes, l.start)))
                        .collect::<Result<Vec<Record>>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(lines.len());
        for h in handles {
            out.extend(h.join().expect("a reading thread does not panic")?);
        }
        Ok(out)
    })
}

/// The number (from 1) of the line that starts at `at`, for a message.
fn line_number(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
}

/// What one part of the records entry holds.
struct Part<'a> {
    glances: Vec<Glance<'a>>,
    whole: Vec<(usize, Record)>,
    counts: BTreeMap<String, u64>,
    /// The newest clock of the lines read lightly, and of those read whole.
    newest: (&'a str, String),
}

/// Reads the lines of `bytes[range]`; no part may hold more of a table than the manifest
/// declares for the whole.
fn read_part<'a>(bytes: &'a [u8], range: Range<usize>, manifest: &Manifest) -> Result<Part<'a>> {
    let mut part = Part {
        glances: Vec::new(),
        whole: Vec::new(),
        counts: BTreeMap::new(),
        newest: ("", String::new()),
    };
    let mut start = range.start;
    for line in bytes[range].split(|b| *b == b'\n') {
        let at = start..start + line.len();
        start = at.end + 1;
        if line.is_empty() {
            continue;
        }
        let t = match glance(line) {
            Some((seen, newest)) => {
                part.newest.0 = part.newest.0.max(newest);
                part.glances.push(Glance { line: at, ..seen });
                part.glances.last().expect("just pushed").t
            }
            None => {
                let r = parse_line(line, || line_number(bytes, at.start))?;
                let newest = super::bundle::newest_clock(&r)?;
                if *newest > *part.newest.1 {
                    part.newest.1 = newest.to_string();
                }
                part.whole.push((at.start, r));
                &part.whole.last().expect("just pushed").1.t
            }
        };
        let c = match part.counts.get_mut(t) {
            Some(c) => c,
            None => part.counts.entry(t.to_string()).or_default(),
        };
        *c += 1;
        if *c > manifest.counts.get(t).copied().unwrap_or(0) {
            return Err(super::bundle::malformed_counts());
        }
    }
    Ok(part)
}

/// `line` read lightly, with the newest clock it carries; `None` when it does not read so
/// (the line is then read whole, which tells what is wrong with it, if anything).
fn glance(line: &[u8]) -> Option<(Glance<'_>, &str)> {
    if line.len() > limits::LINE {
        return None;
    }
    let seen: Seen<'_> = serde_json::from_slice(line).ok()?;
    let mut newest = "";
    for h in seen.clocks.values().map(|c| c.h).chain(seen.del) {
        if !clock::acceptable(h) {
            return None;
        }
        newest = newest.max(h);
    }
    let clocks = seen
        .clocks
        .iter()
        .map(|(g, c)| format!("{g}={}{}", c.h, c.v.get()))
        .collect::<Vec<_>>()
        .join(";");
    Some((
        Glance {
            t: seen.t,
            k: seen.k,
            stamps: seen.stamps.flatten(),
            clocks,
            del: seen.del,
            line: 0..0,
        },
        newest,
    ))
}

/// A record line as [`glance`] reads it.
struct Seen<'a> {
    t: &'a str,
    k: &'a str,
    /// `None` without a row; `Some(None)` for a row without stamps in their usual forms.
    stamps: Option<Option<(&'a str, u128)>>,
    clocks: BTreeMap<&'a str, ClockSeen<'a>>,
    del: Option<&'a str>,
}

/// A group's clock, its vector as written.
#[derive(Deserialize)]
struct ClockSeen<'a> {
    h: &'a str,
    #[serde(borrow)]
    v: &'a RawValue,
}

impl<'de> Deserialize<'de> for Seen<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(SeenVisitor)
    }
}

struct SeenVisitor;

fn twice<E: de::Error>(field: &'static str) -> E {
    E::duplicate_field(field)
}

impl<'de> Visitor<'de> for SeenVisitor {
    type Value = Seen<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> std::result::Result<Seen<'de>, A::Error> {
        let (mut t, mut k, mut stamps, mut units, mut clocks, mut del) =
            (None, None, None, false, None, None);
        while let Some(key) = m.next_key::<&'de str>()? {
            match key {
                "t" if t.is_some() => return Err(twice("t")),
                "t" => t = Some(m.next_value::<&'de str>()?),
                "k" if k.is_some() => return Err(twice("k")),
                "k" => k = Some(m.next_value::<&'de str>()?),
                "row" if stamps.is_some() => return Err(twice("row")),
                "row" => {
                    // The table comes first in the lines this program writes.
                    let n = t
                        .and_then(table)
                        .map(|t| t.columns().len())
                        .ok_or_else(|| de::Error::custom("a row before its table"))?;
                    stamps = Some(m.next_value_seed(RowSeed(n))?);
                }
                "units" if units => return Err(twice("units")),
                "units" => {
                    units = true;
                    m.next_value::<Option<Vec<&'de str>>>()?;
                }
                "clocks" if clocks.is_some() => return Err(twice("clocks")),
                "clocks" => clocks = Some(m.next_value()?),
                "del" if del.is_some() => return Err(twice("del")),
                "del" => del = Some(m.next_value::<Option<&'de str>>()?),
                _ => {
                    m.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Seen {
            t: t.ok_or_else(|| de::Error::missing_field("t"))?,
            k: k.ok_or_else(|| de::Error::missing_field("k"))?,
            stamps: stamps.flatten(),
            clocks: clocks.unwrap_or_default(),
            del: del.flatten(),
        })
    }
}

/// Reads a row of `.0` values (or null), keeping its last two, the stamps.
struct RowSeed(usize);

impl<'de> DeserializeSeed<'de> for RowSeed {
    type Value = Option<Option<(&'de str, u128)>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for RowSeed {
    type Value = Option<Option<(&'de str, u128)>>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a row of {} values", self.0)
    }

    fn visit_none<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> std::result::Result<Self::Value, A::Error> {
        let (mut n, mut last) = (0, [Peek::Other, Peek::Other]);
        while let Some(v) = s.next_element::<Peek<'de>>()? {
            n += 1;
            last = [last[1], v];
        }
        if n != self.0 {
            return Err(de::Error::invalid_length(n, &self));
        }
        Ok(Some(match last {
            [Peek::Text(updated), Peek::Id(origin)] => Some((updated, origin)),
            _ => None,
        }))
    }
}

/// One value of a row, checked as [`super::bundle::Val`] checks it (and within its limits);
/// kept only when it may be a stamp.
#[derive(Clone, Copy)]
enum Peek<'a> {
    Text(&'a str),
    Id(u128),
    Other,
}

impl<'de> Deserialize<'de> for Peek<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(PeekVisitor)
    }
}

struct PeekVisitor;

impl<'de> Visitor<'de> for PeekVisitor {
    type Value = Peek<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("null, a number, a string or {\"x\": hex}")
    }
    fn visit_unit<E>(self) -> std::result::Result<Peek<'de>, E> {
        Ok(Peek::Other)
    }
    fn visit_none<E>(self) -> std::result::Result<Peek<'de>, E> {
        Ok(Peek::Other)
    }
    fn visit_i64<E>(self, _: i64) -> std::result::Result<Peek<'de>, E> {
        Ok(Peek::Other)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Peek<'de>, E> {
        i64::try_from(v)
            .map(|_| Peek::Other)
            .map_err(|_| E::custom("integer too large"))
    }
    fn visit_f64<E>(self, _: f64) -> std::result::Result<Peek<'de>, E> {
        Ok(Peek::Other)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> std::result::Result<Peek<'de>, E> {
        self.visit_str(v)?;
        Ok(Peek::Text(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Peek<'de>, E> {
        if v.len() > limits::TEXT {
            return Err(E::custom("text too long"));
        }
        Ok(Peek::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> std::result::Result<Peek<'de>, A::Error> {
        let blob = || de::Error::custom("a blob is {\"x\": hex}");
        if m.next_key::<&'de str>()? != Some("x") {
            return Err(blob());
        }
        let hex = m.next_value::<&'de str>()?;
        if m.next_key::<IgnoredAny>()?.is_some() || hex.len() > 2 * 64 {
            return Err(blob());
        }
        let mut bytes = [0u8; 64];
        let bytes = &mut bytes[..hex.len() / 2];
        hex::decode_to_slice(hex, bytes).map_err(|_| blob())?;
        Ok(match <[u8; 16]>::try_from(&*bytes) {
            Ok(id) => Peek::Id(u128::from_be_bytes(id)),
            Err(_) => Peek::Other,
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::exchange::bundle::Val;
    use crate::exchange::schema::TABLES;

    /// A value as a bundle carries it, or something out of shape.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => Just("null".to_string()),
            4 => any::<i64>().prop_map(|i| i.to_string()),
            2 => Just("1.5".to_string()),
            6 => "[a-zà-ỹ \\\\n\"]{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
            6 => any::<u128>().prop_map(|id| format!("{{\"x\":\"{id:032x}\"}}")),
            1 => Just("\"2026-11-23T08:00:00.000Z\"".to_string()),
            1 => Just("true".to_string()),
            1 => Just("[1]".to_string()),
            1 => Just("{}".to_string()),
            1 => Just("{\"x\":\"zz\"}".to_string()),
            1 => Just("{\"x\":\"0\"}".to_string()),
            1 => Just("{\"x\":\"00\",\"y\":1}".to_string()),
            1 => Just("{\"y\":\"00\"}".to_string()),
            1 => Just("18446744073709551615".to_string()),
            1 => Just("\"\\u0041\"".to_string()),
        ]
    }

    /// A record line: a table, an id, a row of about the table's width, perhaps clocks or
    /// a deletion, its fields perhaps in another order, duplicated or missing.
    fn line() -> impl Strategy<Value = String> {
        let tables = prop::sample::select(TABLES.iter().map(|t| t.name).collect::<Vec<_>>());
        (
            tables,
            any::<u128>(),
            any::<bool>(),
            0..6usize,
            any::<u64>(),
        )
            .prop_flat_map(|(t, id, deleted, shuffle, seed)| {
                let width = table(t).unwrap().columns().len();
                let widths = prop::sample::select(vec![width, width, width, width - 1, width + 1]);
                (widths, Just((t, id, deleted, shuffle, seed))).prop_flat_map(
                    |(n, (t, id, deleted, shuffle, seed))| {
                        (
                            prop::collection::vec(value(), n),
                            Just((t, id, deleted, shuffle, seed)),
                        )
                    },
                )
            })
            .prop_map(|(mut row, (t, id, deleted, shuffle, seed))| {
                // Mostly, stamps in their usual forms end the row.
                if seed % 4 != 0 && row.len() >= 2 {
                    let n = row.len();
                    row[n - 2] = "\"2026-11-23T08:00:00.000Z\"".to_string();
                    row[n - 1] = format!("{{\"x\":\"{:032x}\"}}", u128::from(seed) << 3);
                }
                let mut fields = vec![format!("\"t\":\"{t}\""), format!("\"k\":\"{id:032x}\"")];
                if deleted {
                    fields.push("\"del\":\"0000000000000001ab\"".to_string());
                } else {
                    fields.push(format!("\"row\":[{}]", row.join(",")));
                }
                if seed % 3 == 0 {
                    fields.push(
                    "\"clocks\":{\"content\":{\"h\":\"0000000000000001ab\",\"v\":{\"ab\":\"1\"}}}"
                        .to_string(),
                );
                }
                match shuffle {
                    0 => fields.reverse(),
                    1 => {
                        let first = fields[0].clone();
                        fields.push(first);
                    }
                    2 => {
                        fields.remove((seed % fields.len() as u64) as usize);
                    }
                    _ => {}
                }
                format!("{{{}}}", fields.join(","))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The light reading accepts no line the full reading refuses, and reads what it
        /// reads exactly as the full reading does.
        #[test]
        fn a_line_read_lightly_reads_whole_alike(line in line()) {
            let whole = parse_line(line.as_bytes(), || 1);
            if let Some((g, _)) = glance(line.as_bytes()) {
                let r = whole.unwrap_or_else(|e| panic!("read lightly, refused whole: {e:?}"));
                prop_assert_eq!(g.t, r.t.as_str());
                prop_assert_eq!(g.k, r.k.as_str());
                prop_assert_eq!(g.del, r.del.as_deref());
                let row = r.row.as_deref().unwrap_or_default();
                let stamps = match row {
                    [.., Val::Text(u), Val::Blob(o)] if o.len() == 16 => {
                        Some((u.as_str(), u128::from_be_bytes(o[..].try_into().unwrap())))
                    }
                    _ => None,
                };
                // Stamps in an unusual form (an escaped text) are not read: the merge decides.
                prop_assert!(g.stamps.is_none() || g.stamps == stamps, "{:?} {:?}", g.stamps, stamps);
                let clocks = r
                    .clocks
                    .iter()
                    .map(|(g, c)| format!("{g}={}{}", c.h, serde_json::to_string(&c.v).unwrap()))
                    .collect::<Vec<_>>()
                    .join(";");
                prop_assert_eq!(g.clocks, clocks);
            }
        }
    }
}
