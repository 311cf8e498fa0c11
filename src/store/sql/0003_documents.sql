-- The number register of issued documents (Nghị định 30/2020): one sequence per year and
-- per kind (BB biên bản, TB thông báo, BC báo cáo); a number is never given twice.
CREATE TABLE document_number (
    year       INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('BB', 'TB', 'BC')),
    number     INTEGER NOT NULL CHECK (number > 0),
    meeting_id BLOB REFERENCES meeting(id),
    issued_at  TEXT    NOT NULL,
    PRIMARY KEY (year, kind, number)
) WITHOUT ROWID;
CREATE UNIQUE INDEX document_number_meeting ON document_number(kind, meeting_id)
    WHERE meeting_id IS NOT NULL;
