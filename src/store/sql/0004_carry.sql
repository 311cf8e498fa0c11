-- What a meeting decided about each directive carried from the previous meeting of its
-- series: reported (báo cáo), continued (tiếp tục thực hiện) or closed (kết thúc).
CREATE TABLE carry (
    meeting_id   TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    directive_id TEXT NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
    decision     TEXT NOT NULL CHECK (decision IN ('reported', 'continued', 'closed')),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    origin       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, directive_id)
) WITHOUT ROWID;
CREATE INDEX carry_directive ON carry(directive_id, decision);
