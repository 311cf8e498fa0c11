-- Where each tracker row came from: its sheet's layout (the folded header row) and, in a
-- workbook of several sheets, the sheet's name; so that a later copy of the same tracker
-- can tell which directives it brought in are no longer in it: 64 bits of their SHA-256.
-- Empty for a document's.
ALTER TABLE intake_row ADD COLUMN origin INTEGER;
CREATE INDEX intake_row_origin ON intake_row (origin) WHERE origin IS NOT NULL;
