-- Giao Ban schema, version 6: exchange between offline installations (USB bundles).
-- Generated once by a script (see git history); frozen like every migration.
--
-- field_clock: for each record field group a local write or an import changed, the hybrid
--   logical clock of the write that gave its current value (`hlc`), the version vector of
--   the writes it has seen (`vv`, JSON: installation -> hlc) and when this installation
--   stored it (`seen`, a local clock: what "changed since the last exchange" reads).
--   A group without a row still holds the value the record was created with.
-- tombstone: deleted records; a deletion travels as its tombstone, never inferred.
-- Triggers write both in the writer's transaction; gb_hlc() (a new clock of this
-- installation) and gb_site() are registered by Store::open.
CREATE TABLE field_clock (
    entity    TEXT NOT NULL,
    record_id BLOB NOT NULL,
    grp       TEXT NOT NULL,
    hlc       TEXT NOT NULL,
    vv        TEXT NOT NULL,
    seen      TEXT NOT NULL,
    PRIMARY KEY (entity, record_id, grp)
) WITHOUT ROWID;
CREATE INDEX field_clock_seen ON field_clock(seen);

CREATE TABLE tombstone (
    entity    TEXT NOT NULL,
    record_id BLOB NOT NULL,
    hlc       TEXT NOT NULL,
    seen      TEXT NOT NULL,
    PRIMARY KEY (entity, record_id)
) WITHOUT ROWID;
CREATE INDEX tombstone_seen ON tombstone(seen);

-- Other installations: their signing key (Ed25519, hex), whether the user trusts it, and
-- the local clock up to which everything was already sent to them.
CREATE TABLE peer (
    id          BLOB PRIMARY KEY,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL UNIQUE,
    trusted     INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
    first_seen  TEXT NOT NULL,
    sent_until  TEXT
);

-- Bundles made here ('out') and imported here ('in'); importing one again changes nothing.
-- For an import: the backup made just before it and the last audit entry it wrote (an
-- import can be undone while nothing was written after it).
CREATE TABLE bundle_log (
    bundle_id   BLOB PRIMARY KEY,
    direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    peer_id     BLOB,
    at          TEXT NOT NULL,
    counts      TEXT NOT NULL,
    backup_path TEXT,
    audit_seq   INTEGER
);

-- The losing side of a concurrent edit of the same text: kept until the user chooses.
-- Its id is derived from (record, group, clock) so every installation that meets the same
-- conflict names it alike and exchanges never duplicate it.
CREATE TABLE conflict (
    id          BLOB PRIMARY KEY,
    entity      TEXT NOT NULL,
    record_id   BLOB NOT NULL,
    grp         TEXT NOT NULL,
    value       TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    origin      TEXT NOT NULL
);
CREATE INDEX conflict_record ON conflict(entity, record_id);
CREATE INDEX conflict_open ON conflict(resolved) WHERE resolved = 0;

-- unit
CREATE TRIGGER clock_unit_update AFTER UPDATE ON unit BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'name', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.name IS NOT OLD.name
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'short_name', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.short_name IS NOT OLD.short_name
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'code', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.code IS NOT OLD.code
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'kind', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.kind IS NOT OLD.kind
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'parent_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.parent_id IS NOT OLD.parent_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'active', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.active IS NOT OLD.active
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'unit', NEW.id, 'sort_order', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.sort_order IS NOT OLD.sort_order
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_unit_delete AFTER DELETE ON unit BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'unit', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'unit' AND record_id = OLD.id;
END;

-- person
CREATE TRIGGER clock_person_update AFTER UPDATE ON person BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'person', NEW.id, 'full_name', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.full_name IS NOT OLD.full_name
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'person', NEW.id, 'title', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.title IS NOT OLD.title
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'person', NEW.id, 'unit_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.unit_id IS NOT OLD.unit_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'person', NEW.id, 'active', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.active IS NOT OLD.active
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_person_delete AFTER DELETE ON person BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'person', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'person' AND record_id = OLD.id;
END;

-- series
CREATE TRIGGER clock_series_update AFTER UPDATE ON series BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'series', NEW.id, 'name', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.name IS NOT OLD.name
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'series', NEW.id, 'kind', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.kind IS NOT OLD.kind
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'series', NEW.id, 'organiser_unit_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.organiser_unit_id IS NOT OLD.organiser_unit_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'series', NEW.id, 'chair_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.chair_id IS NOT OLD.chair_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'series', NEW.id, 'location', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.location IS NOT OLD.location
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_series_delete AFTER DELETE ON series BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'series', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'series' AND record_id = OLD.id;
END;

-- meeting
CREATE TRIGGER clock_meeting_update AFTER UPDATE ON meeting BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'series_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.series_id IS NOT OLD.series_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'kind', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.kind IS NOT OLD.kind
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'title', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.title IS NOT OLD.title
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'number', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.number IS NOT OLD.number
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'time', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.starts_at IS NOT OLD.starts_at OR NEW.ends_at IS NOT OLD.ends_at
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'location', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.location IS NOT OLD.location
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'online', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.online IS NOT OLD.online
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'chair_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.chair_id IS NOT OLD.chair_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'secretary_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.secretary_id IS NOT OLD.secretary_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'organiser_unit_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.organiser_unit_id IS NOT OLD.organiser_unit_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'status', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.status IS NOT OLD.status
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'meeting', NEW.id, 'minutes', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.minutes IS NOT OLD.minutes
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_meeting_delete AFTER DELETE ON meeting BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'meeting', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'meeting' AND record_id = OLD.id;
END;

-- attendee
CREATE TRIGGER clock_attendee_update AFTER UPDATE ON attendee BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'attendee', NEW.id, 'meeting_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.meeting_id IS NOT OLD.meeting_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'attendee', NEW.id, 'position', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.position IS NOT OLD.position
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'attendee', NEW.id, 'who', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.person_id IS NOT OLD.person_id OR NEW.unit_id IS NOT OLD.unit_id OR NEW.guest_name IS NOT OLD.guest_name
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'attendee', NEW.id, 'role', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.role IS NOT OLD.role
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'attendee', NEW.id, 'attendance', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.attendance IS NOT OLD.attendance OR NEW.note IS NOT OLD.note
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_attendee_delete AFTER DELETE ON attendee BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'attendee', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'attendee' AND record_id = OLD.id;
END;

-- agenda_item
CREATE TRIGGER clock_agenda_item_update AFTER UPDATE ON agenda_item BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'agenda_item', NEW.id, 'meeting_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.meeting_id IS NOT OLD.meeting_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'agenda_item', NEW.id, 'position', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.position IS NOT OLD.position
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'agenda_item', NEW.id, 'title', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.title IS NOT OLD.title
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'agenda_item', NEW.id, 'presenter_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.presenter_id IS NOT OLD.presenter_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'agenda_item', NEW.id, 'unit_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.unit_id IS NOT OLD.unit_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_agenda_item_delete AFTER DELETE ON agenda_item BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'agenda_item', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'agenda_item' AND record_id = OLD.id;
END;

-- opinion
CREATE TRIGGER clock_opinion_update AFTER UPDATE ON opinion BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'opinion', NEW.id, 'meeting_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.meeting_id IS NOT OLD.meeting_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'opinion', NEW.id, 'position', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.position IS NOT OLD.position
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'opinion', NEW.id, 'speaker', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.speaker_id IS NOT OLD.speaker_id OR NEW.speaker_name IS NOT OLD.speaker_name
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'opinion', NEW.id, 'unit_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.unit_id IS NOT OLD.unit_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'opinion', NEW.id, 'content', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.content IS NOT OLD.content
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_opinion_delete AFTER DELETE ON opinion BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'opinion', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'opinion' AND record_id = OLD.id;
END;

-- conclusion
CREATE TRIGGER clock_conclusion_update AFTER UPDATE ON conclusion BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'conclusion', NEW.id, 'meeting_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.meeting_id IS NOT OLD.meeting_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'conclusion', NEW.id, 'position', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.position IS NOT OLD.position
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'conclusion', NEW.id, 'content', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.content IS NOT OLD.content
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_conclusion_delete AFTER DELETE ON conclusion BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'conclusion', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'conclusion' AND record_id = OLD.id;
END;

-- directive
CREATE TRIGGER clock_directive_update AFTER UPDATE ON directive BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'content', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.content IS NOT OLD.content
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'expected_output', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.expected_output IS NOT OLD.expected_output
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'source', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.meeting_id IS NOT OLD.meeting_id OR NEW.conclusion_id IS NOT OLD.conclusion_id OR NEW.document_number IS NOT OLD.document_number OR NEW.document_date IS NOT OLD.document_date
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'assigned_on', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.assigned_on IS NOT OLD.assigned_on
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'directing_leader_id', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.directing_leader_id IS NOT OLD.directing_leader_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'units', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.lead_unit_id IS NOT OLD.lead_unit_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'deadline', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.original_deadline IS NOT OLD.original_deadline OR NEW.deadline IS NOT OLD.deadline
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'priority', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.priority IS NOT OLD.priority
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'directive', NEW.id, 'status', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.status IS NOT OLD.status OR NEW.reported_done_on IS NOT OLD.reported_done_on OR NEW.completed_on IS NOT OLD.completed_on
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_directive_delete AFTER DELETE ON directive BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'directive', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'directive' AND record_id = OLD.id;
END;

-- progress
CREATE TRIGGER clock_progress_update AFTER UPDATE ON progress BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'progress', NEW.id, 'row', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.directive_id IS NOT OLD.directive_id OR NEW.reported_on IS NOT OLD.reported_on OR NEW.reporter_id IS NOT OLD.reporter_id OR NEW.percent IS NOT OLD.percent OR NEW.note IS NOT OLD.note
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_progress_delete AFTER DELETE ON progress BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'progress', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'progress' AND record_id = OLD.id;
END;

-- extension
CREATE TRIGGER clock_extension_update AFTER UPDATE ON extension BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'extension', NEW.id, 'row', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.directive_id IS NOT OLD.directive_id OR NEW.previous_deadline IS NOT OLD.previous_deadline OR NEW.new_deadline IS NOT OLD.new_deadline OR NEW.reason IS NOT OLD.reason OR NEW.approver_id IS NOT OLD.approver_id OR NEW.approved_on IS NOT OLD.approved_on
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_extension_delete AFTER DELETE ON extension BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'extension', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'extension' AND record_id = OLD.id;
END;

-- attachment
CREATE TRIGGER clock_attachment_update AFTER UPDATE ON attachment BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'attachment', NEW.id, 'row', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.sha256 IS NOT OLD.sha256 OR NEW.file_name IS NOT OLD.file_name OR NEW.size IS NOT OLD.size OR NEW.owner_kind IS NOT OLD.owner_kind OR NEW.owner_id IS NOT OLD.owner_id
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_attachment_delete AFTER DELETE ON attachment BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'attachment', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'attachment' AND record_id = OLD.id;
END;

-- conflict
CREATE TRIGGER clock_conflict_update AFTER UPDATE ON conflict BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'conflict', NEW.id, 'resolved', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.resolved IS NOT OLD.resolved
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_conflict_delete AFTER DELETE ON conflict BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'conflict', OLD.id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'conflict' AND record_id = OLD.id;
END;

-- Coordinating units (directive_unit) belong to the directive's 'units' group with its lead
-- unit. They are written only when a directive is created (directive::create), so they need
-- no trigger: an import replaces them together with the lead unit.

-- carry (keyed by meeting and directive: record_id is the two ids together)
CREATE TRIGGER clock_carry_update AFTER UPDATE ON carry BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'carry', NEW.meeting_id || NEW.directive_id, 'decision', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.decision IS NOT OLD.decision OR NEW.note IS NOT OLD.note
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
CREATE TRIGGER clock_carry_delete AFTER DELETE ON carry BEGIN
    INSERT INTO tombstone (entity, record_id, hlc, seen) SELECT 'carry', OLD.meeting_id || OLD.directive_id, h, h FROM (SELECT gb_hlc() AS h) WHERE true
    ON CONFLICT (entity, record_id) DO NOTHING;
    DELETE FROM field_clock WHERE entity = 'carry' AND record_id = OLD.meeting_id || OLD.directive_id;
END;
