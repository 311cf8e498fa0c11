-- Giao Ban schema, version 8: what a trusted installation may change here.
--
-- `role`: 'office' another machine of this office (may change everything), 'unit' a phòng,
-- trung tâm or district that reports on the directives given to the units in `peer_unit`,
-- 'superior' a superior or other agency that sends its own directives and meetings and may
-- not touch this office's records. Peers trusted before this version keep what they had:
-- 'office'.
--
-- `made_by` on every exchanged record: the installation that wrote the row as it first
-- arrived here (its `origin` then); NULL for a row made here, and for rows that arrived
-- before this version (they count as this office's: no peer of another role may change
-- them). Local: never carried in a file.

ALTER TABLE peer ADD COLUMN role TEXT NOT NULL DEFAULT 'office' CHECK (role IN ('office', 'unit', 'superior'));

CREATE TABLE peer_unit (
    peer_id BLOB NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    unit_id BLOB NOT NULL,
    PRIMARY KEY (peer_id, unit_id)
) WITHOUT ROWID;

ALTER TABLE unit ADD COLUMN made_by BLOB;
ALTER TABLE person ADD COLUMN made_by BLOB;
ALTER TABLE series ADD COLUMN made_by BLOB;
ALTER TABLE meeting ADD COLUMN made_by BLOB;
ALTER TABLE attendee ADD COLUMN made_by BLOB;
ALTER TABLE agenda_item ADD COLUMN made_by BLOB;
ALTER TABLE opinion ADD COLUMN made_by BLOB;
ALTER TABLE conclusion ADD COLUMN made_by BLOB;
ALTER TABLE directive ADD COLUMN made_by BLOB;
ALTER TABLE progress ADD COLUMN made_by BLOB;
ALTER TABLE extension ADD COLUMN made_by BLOB;
ALTER TABLE attachment ADD COLUMN made_by BLOB;
ALTER TABLE carry ADD COLUMN made_by BLOB;
ALTER TABLE conflict ADD COLUMN made_by BLOB;

-- A progress report's note is text of its own (a field group 'note'): a note edited after
-- the report was deleted elsewhere, or edited on both sides at once, is kept as a conflict
-- instead of lost. Notes edited before this version keep their clock in both groups.
DROP TRIGGER clock_progress_update;
CREATE TRIGGER clock_progress_update AFTER UPDATE ON progress BEGIN
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'progress', NEW.id, 'row', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.directive_id IS NOT OLD.directive_id OR NEW.reported_on IS NOT OLD.reported_on OR NEW.reporter_id IS NOT OLD.reporter_id OR NEW.percent IS NOT OLD.percent
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
    INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT 'progress', NEW.id, 'note', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h) WHERE NEW.note IS NOT OLD.note
    ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc,
        vv = json_set(field_clock.vv, '$."' || gb_site() || '"', excluded.hlc), seen = excluded.seen;
END;
INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
    SELECT entity, record_id, 'note', hlc, vv, seen FROM field_clock WHERE entity = 'progress' AND grp = 'row';

-- A unit's request for more time (its extension, as it arrives from the unit): waits for
-- the leader's decision here; approved, it becomes an extension. Local: never carried.
CREATE TABLE extension_request (
    id                BLOB PRIMARY KEY,
    directive_id      BLOB NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
    peer_id           BLOB NOT NULL,
    previous_deadline TEXT NOT NULL,
    new_deadline      TEXT NOT NULL,
    reason            TEXT NOT NULL,
    requested_on      TEXT NOT NULL,
    state             TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'refused')),
    decided_at        TEXT
) WITHOUT ROWID;
CREATE INDEX extension_request_directive ON extension_request(directive_id, state);
