-- What came in from an office's existing records (tracker workbooks, DOCX notices), so that
-- bringing the same file in again creates nothing: each tracker row and each document is
-- known by the SHA-256 of its content and source. Local to this machine: never exchanged
-- (the directives and meetings made from them are, as any other).
CREATE TABLE intake_row (
    key         BLOB PRIMARY KEY CHECK (length(key) = 32),
    record_id   BLOB NOT NULL,
    imported_at TEXT NOT NULL
) WITHOUT ROWID;

-- The column mapping used for each tracker layout (its folded header row), used again for
-- the next file of the same layout: JSON, a list of {field, column}.
CREATE TABLE intake_layout (
    key        TEXT PRIMARY KEY,
    mapping    TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
