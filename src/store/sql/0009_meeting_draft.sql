-- The lines a secretary has typed in the editor's boxes for the next item (attendee,
-- agenda item, opinion with its speaker, conclusion) and not yet added: a draft of the
-- meeting, stored as she types so that a page change, a restart or a power cut loses
-- nothing, and taken into the minutes when the meeting is closed. Local to this machine:
-- never exchanged.
CREATE TABLE meeting_draft (
    meeting_id   BLOB PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    attendee     TEXT NOT NULL DEFAULT '',
    agenda       TEXT NOT NULL DEFAULT '',
    speaker_id   BLOB REFERENCES person(id) ON DELETE SET NULL,
    speaker_name TEXT NOT NULL DEFAULT '',
    opinion      TEXT NOT NULL DEFAULT '',
    conclusion   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;
