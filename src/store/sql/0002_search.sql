-- Giao Ban schema, version 2: diacritic-insensitive search.
-- One FTS5 index per result group (meetings, directives, units, people) holds the folded
-- text (lower case, no diacritics, đ → d; see text::fold) of each searchable record. The
-- indexes are contentless: snippets are cut from the original text. search_doc maps an
-- index row to its record. Triggers keep both in step with every write, in the same
-- transaction. gb_fold, gb_initials and gb_indexing are registered by Store::open;
-- gb_indexing() is false only inside Store::bulk_write, which rebuilds the index in one pass.

CREATE TABLE search_doc (
    rowid     INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    record_id BLOB NOT NULL,
    UNIQUE (kind, record_id)
);

-- The text is folded to ASCII before it is indexed, so the plain ascii tokenizer suffices;
-- prefix indexes make 2- and 3-letter prefixes (typing in progress) single lookups; terms
-- are buffered up to 64 MB before a segment is written, so bulk rebuilds merge less.
CREATE VIRTUAL TABLE search_meeting USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '2 3');
INSERT INTO search_meeting (search_meeting, rank) VALUES ('hashsize', 67108864);

-- The text is folded to ASCII before it is indexed, so the plain ascii tokenizer suffices;
-- prefix indexes make 2- and 3-letter prefixes (typing in progress) single lookups; terms
-- are buffered up to 64 MB before a segment is written, so bulk rebuilds merge less.
CREATE VIRTUAL TABLE search_directive USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '2 3');
INSERT INTO search_directive (search_directive, rank) VALUES ('hashsize', 67108864);

-- The text is folded to ASCII before it is indexed, so the plain ascii tokenizer suffices;
-- prefix indexes make 2- and 3-letter prefixes (typing in progress) single lookups; terms
-- are buffered up to 64 MB before a segment is written, so bulk rebuilds merge less.
CREATE VIRTUAL TABLE search_unit USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '2 3');
INSERT INTO search_unit (search_unit, rank) VALUES ('hashsize', 67108864);

-- The text is folded to ASCII before it is indexed, so the plain ascii tokenizer suffices;
-- prefix indexes make 2- and 3-letter prefixes (typing in progress) single lookups; terms
-- are buffered up to 64 MB before a segment is written, so bulk rebuilds merge less.
CREATE VIRTUAL TABLE search_person USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '2 3');
INSERT INTO search_person (search_person, rank) VALUES ('hashsize', 67108864);

-- unit
CREATE TRIGGER unit_search_insert AFTER INSERT ON unit WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('unit', NEW.id);
    INSERT INTO search_unit (rowid, text) VALUES (last_insert_rowid(), gb_fold(NEW.name || ' ' || coalesce(NEW.short_name, '') || ' ' || coalesce(NEW.code, '') || ' ' || gb_initials(NEW.name)));
END;
CREATE TRIGGER unit_search_update AFTER UPDATE OF name, short_name, code ON unit WHEN gb_indexing() BEGIN
    DELETE FROM search_unit WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'unit' AND record_id = NEW.id);
    INSERT INTO search_unit (rowid, text)
        SELECT rowid, gb_fold(NEW.name || ' ' || coalesce(NEW.short_name, '') || ' ' || coalesce(NEW.code, '') || ' ' || gb_initials(NEW.name)) FROM search_doc WHERE kind = 'unit' AND record_id = NEW.id;
END;
CREATE TRIGGER unit_search_delete AFTER DELETE ON unit WHEN gb_indexing() BEGIN
    DELETE FROM search_unit WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'unit' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'unit' AND record_id = OLD.id;
END;

-- person
CREATE TRIGGER person_search_insert AFTER INSERT ON person WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('person', NEW.id);
    INSERT INTO search_person (rowid, text) VALUES (last_insert_rowid(), gb_fold(NEW.full_name || ' ' || coalesce(NEW.title, '')));
END;
CREATE TRIGGER person_search_update AFTER UPDATE OF full_name, title ON person WHEN gb_indexing() BEGIN
    DELETE FROM search_person WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'person' AND record_id = NEW.id);
    INSERT INTO search_person (rowid, text)
        SELECT rowid, gb_fold(NEW.full_name || ' ' || coalesce(NEW.title, '')) FROM search_doc WHERE kind = 'person' AND record_id = NEW.id;
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person WHEN gb_indexing() BEGIN
    DELETE FROM search_person WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'person' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'person' AND record_id = OLD.id;
END;

-- meeting
CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('meeting', NEW.id);
    INSERT INTO search_meeting (rowid, text) VALUES (last_insert_rowid(), gb_fold(NEW.title || ' ' || coalesce(NEW.location, '') || ' ' || NEW.minutes));
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, location, minutes ON meeting WHEN gb_indexing() BEGIN
    DELETE FROM search_meeting WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'meeting' AND record_id = NEW.id);
    INSERT INTO search_meeting (rowid, text)
        SELECT rowid, gb_fold(NEW.title || ' ' || coalesce(NEW.location, '') || ' ' || NEW.minutes) FROM search_doc WHERE kind = 'meeting' AND record_id = NEW.id;
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting WHEN gb_indexing() BEGIN
    DELETE FROM search_meeting WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'meeting' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'meeting' AND record_id = OLD.id;
END;

-- opinion
CREATE TRIGGER opinion_search_insert AFTER INSERT ON opinion WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('opinion', NEW.id);
    INSERT INTO search_meeting (rowid, text) VALUES (last_insert_rowid(), gb_fold(coalesce(NEW.speaker_name, '') || ' ' || NEW.content));
END;
CREATE TRIGGER opinion_search_update AFTER UPDATE OF speaker_name, content ON opinion WHEN gb_indexing() BEGIN
    DELETE FROM search_meeting WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'opinion' AND record_id = NEW.id);
    INSERT INTO search_meeting (rowid, text)
        SELECT rowid, gb_fold(coalesce(NEW.speaker_name, '') || ' ' || NEW.content) FROM search_doc WHERE kind = 'opinion' AND record_id = NEW.id;
END;
CREATE TRIGGER opinion_search_delete AFTER DELETE ON opinion WHEN gb_indexing() BEGIN
    DELETE FROM search_meeting WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'opinion' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'opinion' AND record_id = OLD.id;
END;

-- conclusion
CREATE TRIGGER conclusion_search_insert AFTER INSERT ON conclusion WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('conclusion', NEW.id);
    INSERT INTO search_meeting (rowid, text) VALUES (last_insert_rowid(), gb_fold(NEW.content));
END;
CREATE TRIGGER conclusion_search_update AFTER UPDATE OF content ON conclusion WHEN gb_indexing() BEGIN
    DELETE FROM search_meeting WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'conclusion' AND record_id = NEW.id);
    INSERT INTO search_meeting (rowid, text)
        SELECT rowid, gb_fold(NEW.content) FROM search_doc WHERE kind = 'conclusion' AND record_id = NEW.id;
END;
CREATE TRIGGER conclusion_search_delete AFTER DELETE ON conclusion WHEN gb_indexing() BEGIN
    DELETE FROM search_meeting WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'conclusion' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'conclusion' AND record_id = OLD.id;
END;

-- directive
CREATE TRIGGER directive_search_insert AFTER INSERT ON directive WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('directive', NEW.id);
    INSERT INTO search_directive (rowid, text) VALUES (last_insert_rowid(), gb_fold(NEW.content || ' ' || coalesce(NEW.expected_output, '') || ' ' || coalesce(NEW.document_number, '')));
END;
CREATE TRIGGER directive_search_update AFTER UPDATE OF content, expected_output, document_number ON directive WHEN gb_indexing() BEGIN
    DELETE FROM search_directive WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'directive' AND record_id = NEW.id);
    INSERT INTO search_directive (rowid, text)
        SELECT rowid, gb_fold(NEW.content || ' ' || coalesce(NEW.expected_output, '') || ' ' || coalesce(NEW.document_number, '')) FROM search_doc WHERE kind = 'directive' AND record_id = NEW.id;
END;
CREATE TRIGGER directive_search_delete AFTER DELETE ON directive WHEN gb_indexing() BEGIN
    DELETE FROM search_directive WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'directive' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'directive' AND record_id = OLD.id;
END;

-- progress
CREATE TRIGGER progress_search_insert AFTER INSERT ON progress WHEN gb_indexing() BEGIN
    INSERT INTO search_doc (kind, record_id) VALUES ('progress', NEW.id);
    INSERT INTO search_directive (rowid, text) VALUES (last_insert_rowid(), gb_fold(NEW.note));
END;
CREATE TRIGGER progress_search_update AFTER UPDATE OF note ON progress WHEN gb_indexing() BEGIN
    DELETE FROM search_directive WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'progress' AND record_id = NEW.id);
    INSERT INTO search_directive (rowid, text)
        SELECT rowid, gb_fold(NEW.note) FROM search_doc WHERE kind = 'progress' AND record_id = NEW.id;
END;
CREATE TRIGGER progress_search_delete AFTER DELETE ON progress WHEN gb_indexing() BEGIN
    DELETE FROM search_directive WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'progress' AND record_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'progress' AND record_id = OLD.id;
END;

-- Index what the database already holds.
INSERT INTO search_doc (kind, record_id)
    SELECT kind, record_id FROM (
        SELECT 'unit' AS kind, id AS record_id FROM unit
        UNION ALL SELECT 'person' AS kind, id AS record_id FROM person
        UNION ALL SELECT 'meeting' AS kind, id AS record_id FROM meeting
        UNION ALL SELECT 'opinion' AS kind, id AS record_id FROM opinion
        UNION ALL SELECT 'conclusion' AS kind, id AS record_id FROM conclusion
        UNION ALL SELECT 'directive' AS kind, id AS record_id FROM directive
        UNION ALL SELECT 'progress' AS kind, id AS record_id FROM progress);
INSERT INTO search_unit (rowid, text)
    SELECT d.rowid, gb_fold(t.name || ' ' || coalesce(t.short_name, '') || ' ' || coalesce(t.code, '') || ' ' || gb_initials(t.name)) FROM unit t JOIN search_doc d ON d.kind = 'unit' AND d.record_id = t.id;
INSERT INTO search_person (rowid, text)
    SELECT d.rowid, gb_fold(t.full_name || ' ' || coalesce(t.title, '')) FROM person t JOIN search_doc d ON d.kind = 'person' AND d.record_id = t.id;
INSERT INTO search_meeting (rowid, text)
    SELECT d.rowid, gb_fold(t.title || ' ' || coalesce(t.location, '') || ' ' || t.minutes) FROM meeting t JOIN search_doc d ON d.kind = 'meeting' AND d.record_id = t.id;
INSERT INTO search_meeting (rowid, text)
    SELECT d.rowid, gb_fold(coalesce(t.speaker_name, '') || ' ' || t.content) FROM opinion t JOIN search_doc d ON d.kind = 'opinion' AND d.record_id = t.id;
INSERT INTO search_meeting (rowid, text)
    SELECT d.rowid, gb_fold(t.content) FROM conclusion t JOIN search_doc d ON d.kind = 'conclusion' AND d.record_id = t.id;
INSERT INTO search_directive (rowid, text)
    SELECT d.rowid, gb_fold(t.content || ' ' || coalesce(t.expected_output, '') || ' ' || coalesce(t.document_number, '')) FROM directive t JOIN search_doc d ON d.kind = 'directive' AND d.record_id = t.id;
INSERT INTO search_directive (rowid, text)
    SELECT d.rowid, gb_fold(t.note) FROM progress t JOIN search_doc d ON d.kind = 'progress' AND d.record_id = t.id;
