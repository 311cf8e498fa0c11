//! What is exchanged: the tables, their keys, and their field groups (the columns that
//! change together and are merged as one). Mirrors the triggers of `0006_exchange.sql`.

/// How concurrent edits of a field group are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// The later write wins.
    Latest,
    /// The later write wins and the other text is kept as a conflict version.
    Text,
    /// The later write wins, except that a completed directive is not reopened by an
    /// edit that had not seen its completion.
    Status,
}

/// Columns merged together.
#[derive(Debug)]
pub struct Group {
    /// Name, as in `field_clock.grp`.
    pub name: &'static str,
    /// Its columns.
    pub cols: &'static [&'static str],
    /// How concurrent edits are settled.
    pub merge: Merge,
}

/// A column that refers to another record.
#[derive(Debug)]
pub struct Ref {
    /// The column.
    pub col: &'static str,
    /// The table it refers to.
    pub to: &'static str,
    /// Whether the record cannot be without it (the database deletes it with its parent).
    pub required: bool,
}

const fn opt(col: &'static str, to: &'static str) -> Ref {
    Ref {
        col,
        to,
        required: false,
    }
}

const fn req(col: &'static str, to: &'static str) -> Ref {
    Ref {
        col,
        to,
        required: true,
    }
}

/// An exchanged table.
#[derive(Debug)]
pub struct Table {
    /// Table name (also `field_clock.entity`).
    pub name: &'static str,
    /// Key columns; the record id is their blobs joined.
    pub key: &'static [&'static str],
    /// Columns written once, when the record is made.
    pub fixed: &'static [&'static str],
    /// Field groups.
    pub groups: &'static [Group],
    /// Columns that refer to another record.
    pub refs: &'static [Ref],
}

const fn g(name: &'static str, cols: &'static [&'static str]) -> Group {
    Group {
        name,
        cols,
        merge: Merge::Latest,
    }
}

const fn text(name: &'static str, cols: &'static [&'static str]) -> Group {
    Group {
        name,
        cols,
        merge: Merge::Text,
    }
}

/// The tables, parents before children.
pub static TABLES: &[Table] = &[
    Table {
        name: "unit",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("name", &["name"]),
            g("short_name", &["short_name"]),
            g("code", &["code"]),
            g("kind", &["kind"]),
            g("parent_id", &["parent_id"]),
            g("active", &["active"]),
            g("sort_order", &["sort_order"]),
        ],
        refs: &[opt("parent_id", "unit")],
    },
    Table {
        name: "person",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("full_name", &["full_name"]),
            g("title", &["title"]),
            g("unit_id", &["unit_id"]),
            g("active", &["active"]),
        ],
        refs: &[opt("unit_id", "unit")],
    },
    Table {
        name: "series",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("name", &["name"]),
            g("kind", &["kind"]),
            g("organiser_unit_id", &["organiser_unit_id"]),
            g("chair_id", &["chair_id"]),
            g("location", &["location"]),
        ],
        refs: &[opt("organiser_unit_id", "unit"), opt("chair_id", "person")],
    },
    Table {
        name: "meeting",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("series_id", &["series_id"]),
            g("kind", &["kind"]),
            text("title", &["title"]),
            g("number", &["number"]),
            g("time", &["starts_at", "ends_at"]),
            g("location", &["location"]),
            g("online", &["online"]),
            g("chair_id", &["chair_id"]),
            g("secretary_id", &["secretary_id"]),
            g("organiser_unit_id", &["organiser_unit_id"]),
            g("status", &["status"]),
            text("minutes", &["minutes"]),
        ],
        refs: &[
            opt("series_id", "series"),
            opt("chair_id", "person"),
            opt("secretary_id", "person"),
            opt("organiser_unit_id", "unit"),
        ],
    },
    Table {
        name: "attendee",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("meeting_id", &["meeting_id"]),
            g("position", &["position"]),
            g("who", &["person_id", "unit_id", "guest_name"]),
            g("role", &["role"]),
            g("attendance", &["attendance", "note"]),
        ],
        refs: &[
            req("meeting_id", "meeting"),
            opt("person_id", "person"),
            opt("unit_id", "unit"),
        ],
    },
    Table {
        name: "agenda_item",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("meeting_id", &["meeting_id"]),
            g("position", &["position"]),
            text("title", &["title"]),
            g("presenter_id", &["presenter_id"]),
            g("unit_id", &["unit_id"]),
        ],
        refs: &[
            req("meeting_id", "meeting"),
            opt("presenter_id", "person"),
            opt("unit_id", "unit"),
        ],
    },
    Table {
        name: "opinion",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("meeting_id", &["meeting_id"]),
            g("position", &["position"]),
            g("speaker", &["speaker_id", "speaker_name"]),
            g("unit_id", &["unit_id"]),
            text("content", &["content"]),
        ],
        refs: &[
            req("meeting_id", "meeting"),
            opt("speaker_id", "person"),
            opt("unit_id", "unit"),
        ],
    },
    Table {
        name: "conclusion",
        key: &["id"],
        fixed: &[],
        groups: &[
            g("meeting_id", &["meeting_id"]),
            g("position", &["position"]),
            text("content", &["content"]),
        ],
        refs: &[req("meeting_id", "meeting")],
    },
    Table {
        name: "directive",
        key: &["id"],
        fixed: &[],
        groups: &[
            text("content", &["content"]),
            text("expected_output", &["expected_output"]),
            g(
                "source",
                &[
                    "meeting_id",
                    "conclusion_id",
                    "document_number",
                    "document_date",
                ],
            ),
            g("assigned_on", &["assigned_on"]),
            g("directing_leader_id", &["directing_leader_id"]),
            g("units", &["lead_unit_id"]),
            g("deadline", &["original_deadline", "deadline"]),
            g("priority", &["priority"]),
            Group {
                name: "status",
                cols: &["status", "reported_done_on", "completed_on"],
                merge: Merge::Status,
            },
        ],
        refs: &[
            opt("meeting_id", "meeting"),
            opt("conclusion_id", "conclusion"),
            opt("directing_leader_id", "person"),
            req("lead_unit_id", "unit"),
        ],
    },
    Table {
        name: "progress",
        key: &["id"],
        fixed: &[],
        groups: &[
            g(
                "row",
                &["directive_id", "reported_on", "reporter_id", "percent"],
            ),
            text("note", &["note"]),
        ],
        refs: &[
            req("directive_id", "directive"),
            opt("reporter_id", "person"),
        ],
    },
    Table {
        name: "extension",
        key: &["id"],
        fixed: &[],
        groups: &[g(
            "row",
            &[
                "directive_id",
                "previous_deadline",
                "new_deadline",
                "reason",
                "approver_id",
                "approved_on",
            ],
        )],
        refs: &[
            req("directive_id", "directive"),
            opt("approver_id", "person"),
        ],
    },
    Table {
        name: "attachment",
        key: &["id"],
        fixed: &[],
        groups: &[g(
            "row",
            &["sha256", "file_name", "size", "owner_kind", "owner_id"],
        )],
        refs: &[],
    },
    Table {
        name: "carry",
        key: &["meeting_id", "directive_id"],
        fixed: &[],
        groups: &[g("decision", &["decision", "note"])],
        refs: &[
            req("meeting_id", "meeting"),
            req("directive_id", "directive"),
        ],
    },
    Table {
        name: "conflict",
        key: &["id"],
        fixed: &["entity", "record_id", "grp", "value", "hlc"],
        groups: &[g("resolved", &["resolved"])],
        refs: &[],
    },
];

/// The table called `name`, if it is exchanged.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

impl Table {
    /// Every column the bundle carries, in a fixed order: key, fixed, groups, stamps.
    pub fn columns(&self) -> Vec<&'static str> {
        let mut cols: Vec<&'static str> = self.key.to_vec();
        cols.extend(self.fixed);
        for g in self.groups {
            cols.extend(g.cols);
        }
        cols.extend(["created_at", "updated_at", "origin"]);
        cols
    }

    /// The SQL expression of a record's id (the key blobs joined).
    pub fn key_sql(&self) -> String {
        self.key.join(" || ")
    }

    /// The group called `name`.
    pub fn group(&self, name: &str) -> Option<&'static Group> {
        self.groups.iter().find(|g| g.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// Every column of every exchanged table is carried (but the local arrival stamp), and
    /// nothing that does not exist.
    #[test]
    fn the_spec_covers_every_column_of_the_database() {
        let store = Store::open_in_memory().unwrap();
        for t in TABLES {
            let mut stmt = store
                .conn()
                .prepare(&format!("SELECT name FROM pragma_table_info('{}')", t.name))
                .unwrap();
            let mut real: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .filter(|c: &String| c != "arrived" && c != "made_by")
                .collect();
            let mut spec: Vec<String> = t.columns().iter().map(|c| c.to_string()).collect();
            real.sort();
            spec.sort();
            assert_eq!(real, spec, "{}", t.name);
        }
    }
}
