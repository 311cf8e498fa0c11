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
