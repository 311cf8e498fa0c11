-- Each import of an office's existing records that changed something, with the backup made
-- just before it and the last audit entry it wrote: the newest import of any kind (this or
-- an exchange file's, bundle_log) can be undone while nothing was written after it.
CREATE TABLE intake_log (
    id          BLOB PRIMARY KEY,
    file_name   TEXT NOT NULL,
    at          TEXT NOT NULL,
    backup_path TEXT NOT NULL,
    audit_seq   INTEGER NOT NULL
);
