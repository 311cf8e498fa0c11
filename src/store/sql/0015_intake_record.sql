-- The tracker rows and documents a directive or meeting came from, by that record: whether a
-- directive was brought in from a file is asked for each row of a later copy of a tracker
-- (20,000 rows each reading the whole table, without it).
CREATE INDEX intake_row_record ON intake_row (record_id);
