-- Giao Ban schema, version 7: when a record arrived through an import.
--
-- `arrived` is this installation's clock (as `field_clock.seen`) of the import that made or
-- changed the row; NULL for a row written here. A "changes since" file takes the rows made
-- here since the last exchange (`created_at`) and those that arrived since (`arrived`), so
-- what came from one office is passed on to a third. It replaces the `field_clock` row of
-- group '*' written per imported record before: stamped on the row itself, it costs nothing
-- more. Rows of group '*' written before this version stay and are still read. The column
-- is local: never carried in a file.

ALTER TABLE unit ADD COLUMN arrived TEXT;
ALTER TABLE person ADD COLUMN arrived TEXT;
ALTER TABLE series ADD COLUMN arrived TEXT;
ALTER TABLE meeting ADD COLUMN arrived TEXT;
ALTER TABLE attendee ADD COLUMN arrived TEXT;
ALTER TABLE agenda_item ADD COLUMN arrived TEXT;
ALTER TABLE opinion ADD COLUMN arrived TEXT;
ALTER TABLE conclusion ADD COLUMN arrived TEXT;
ALTER TABLE directive ADD COLUMN arrived TEXT;
ALTER TABLE progress ADD COLUMN arrived TEXT;
ALTER TABLE extension ADD COLUMN arrived TEXT;
ALTER TABLE attachment ADD COLUMN arrived TEXT;
ALTER TABLE carry ADD COLUMN arrived TEXT;
ALTER TABLE conflict ADD COLUMN arrived TEXT;
