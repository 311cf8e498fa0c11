-- Giao Ban schema, version 1.
-- Conventions: ids are UUID text; `created_at`/`updated_at` are UTC RFC 3339 text;
-- calendar dates are 'YYYY-MM-DD'; `origin` is the installation that last wrote the row.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE installation (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE unit (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name TEXT,
    code       TEXT,
    kind       TEXT NOT NULL CHECK (kind IN ('department', 'office', 'division', 'center', 'inspectorate', 'district', 'external', 'other')),
    parent_id  TEXT REFERENCES unit(id),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin     TEXT NOT NULL
);
CREATE UNIQUE INDEX unit_code ON unit(code COLLATE NOCASE) WHERE code IS NOT NULL;
CREATE INDEX unit_parent ON unit(parent_id);

CREATE TABLE person (
    id         TEXT PRIMARY KEY,
    full_name  TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    title      TEXT,
    unit_id    TEXT REFERENCES unit(id),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin     TEXT NOT NULL
);
CREATE INDEX person_unit ON person(unit_id);

CREATE TABLE series (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('monthly_briefing', 'conference', 'working_session', 'online_briefing', 'other')),
    organiser_unit_id TEXT REFERENCES unit(id),
    chair_id          TEXT REFERENCES person(id),
    location          TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    origin            TEXT NOT NULL
);

CREATE TABLE meeting (
    id                TEXT PRIMARY KEY,
    series_id         TEXT REFERENCES series(id),
    kind              TEXT NOT NULL CHECK (kind IN ('monthly_briefing', 'conference', 'working_session', 'online_briefing', 'other')),
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    number            TEXT,
    starts_at         TEXT NOT NULL,
    ends_at           TEXT CHECK (ends_at IS NULL OR ends_at > starts_at),
    location          TEXT,
    online            INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    chair_id          TEXT REFERENCES person(id),
    secretary_id      TEXT REFERENCES person(id),
    organiser_unit_id TEXT REFERENCES unit(id),
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_progress', 'closed')),
    minutes           TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    origin            TEXT NOT NULL
);
CREATE INDEX meeting_starts ON meeting(starts_at);
CREATE INDEX meeting_series ON meeting(series_id, starts_at);

CREATE TABLE attendee (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    person_id  TEXT REFERENCES person(id),
    unit_id    TEXT REFERENCES unit(id),
    guest_name TEXT,
    role       TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'member', 'invited', 'reporter')),
    attendance TEXT NOT NULL CHECK (attendance IN ('present', 'excused', 'absent', 'late', 'online')),
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin     TEXT NOT NULL,
    CHECK (person_id IS NOT NULL OR unit_id IS NOT NULL OR guest_name IS NOT NULL)
);
CREATE INDEX attendee_meeting ON attendee(meeting_id, position);

CREATE TABLE agenda_item (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    presenter_id TEXT REFERENCES person(id),
    unit_id      TEXT REFERENCES unit(id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    origin       TEXT NOT NULL
);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE opinion (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    speaker_id   TEXT REFERENCES person(id),
    speaker_name TEXT,
    unit_id      TEXT REFERENCES unit(id),
    content      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    origin       TEXT NOT NULL
);
CREATE INDEX opinion_meeting ON opinion(meeting_id, position);

CREATE TABLE conclusion (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    content    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin     TEXT NOT NULL
);
CREATE INDEX conclusion_meeting ON conclusion(meeting_id, position);

-- `deadline` is the latest approved deadline; `original_deadline` the one first given.
-- `completed_on` is set exactly when the leader has confirmed the directive done.
CREATE TABLE directive (
    id                  TEXT PRIMARY KEY,
    content             TEXT NOT NULL CHECK (length(trim(content)) > 0),
    expected_output     TEXT,
    meeting_id          TEXT REFERENCES meeting(id),
    conclusion_id       TEXT REFERENCES conclusion(id),
    document_number     TEXT,
    document_date       TEXT,
    assigned_on         TEXT NOT NULL,
    directing_leader_id TEXT REFERENCES person(id),
    lead_unit_id        TEXT NOT NULL REFERENCES unit(id),
    original_deadline   TEXT,
    deadline            TEXT,
    priority            TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'high', 'urgent')),
    status              TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'in_progress', 'awaiting_confirmation', 'done', 'cancelled', 'suspended')),
    reported_done_on    TEXT,
    completed_on        TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    origin              TEXT NOT NULL,
    CHECK ((status = 'done') = (completed_on IS NOT NULL)),
    CHECK ((original_deadline IS NULL) = (deadline IS NULL))
);
-- Covering index for per-unit buckets over a period: one range per lead unit, no sort.
CREATE INDEX directive_lead_period ON directive(lead_unit_id, assigned_on, status, deadline, original_deadline, completed_on);
CREATE INDEX directive_assigned ON directive(assigned_on);
-- Open directives by deadline: overdue and due-soon lists.
CREATE INDEX directive_open_deadline ON directive(deadline) WHERE completed_on IS NULL AND status <> 'cancelled';
-- Directives completed after a past reporting date were still open on that date.
CREATE INDEX directive_completed ON directive(completed_on) WHERE completed_on IS NOT NULL;
CREATE INDEX directive_meeting ON directive(meeting_id);
CREATE INDEX directive_conclusion ON directive(conclusion_id) WHERE conclusion_id IS NOT NULL;

-- Coordinating units (đơn vị phối hợp) of a directive.
CREATE TABLE directive_unit (
    directive_id TEXT NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    PRIMARY KEY (directive_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX directive_unit_unit ON directive_unit(unit_id);

CREATE TRIGGER directive_unit_not_lead BEFORE INSERT ON directive_unit
WHEN NEW.unit_id = (SELECT lead_unit_id FROM directive WHERE id = NEW.directive_id)
BEGIN
    SELECT RAISE(ABORT, 'lead unit cannot also be a coordinating unit');
END;

CREATE TABLE progress (
    id            TEXT PRIMARY KEY,
    directive_id  TEXT NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
    reported_on   TEXT NOT NULL,
    reporter_id   TEXT REFERENCES person(id),
    percent       INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    origin        TEXT NOT NULL
);
CREATE INDEX progress_directive ON progress(directive_id, reported_on);

CREATE TABLE extension (
    id                TEXT PRIMARY KEY,
    directive_id      TEXT NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
    previous_deadline TEXT NOT NULL,
    new_deadline      TEXT NOT NULL CHECK (new_deadline > previous_deadline),
    reason            TEXT NOT NULL,
    approver_id       TEXT REFERENCES person(id),
    approved_on       TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    origin            TEXT NOT NULL
);
CREATE INDEX extension_directive ON extension(directive_id, approved_on);

-- Files live beside the database under attachments/<first two hex>/<sha256>.
CREATE TABLE attachment (
    id          TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('meeting', 'directive', 'progress')),
    owner_id    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    origin      TEXT NOT NULL
);
CREATE INDEX attachment_owner ON attachment(owner_kind, owner_id);
CREATE INDEX attachment_sha ON attachment(sha256);

-- Append-only: who changed what, when. `changes` is a JSON object field -> [old, new].
CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    installation TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    action       TEXT NOT NULL,
    changes      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit(entity, entity_id, seq);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit history is append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit history is append-only');
END;
