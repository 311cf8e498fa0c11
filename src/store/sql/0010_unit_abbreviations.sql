-- Units are found by more of their abbreviations: without their leading kind words and
-- without "và" (`cntt` finds "Trung tâm Công nghệ thông tin và Truyền thông"), the rule the
-- window's picker follows too (text::abbreviations). Their index entries are written again.
DELETE FROM search_unit WHERE rowid IN (SELECT rowid FROM search_doc WHERE kind = 'unit');
INSERT INTO search_unit (rowid, text)
    SELECT d.rowid, gb_fold(t.name || ' ' || coalesce(t.short_name, '') || ' ' || coalesce(t.code, '') || ' ' || gb_initials(t.name))
    FROM unit t JOIN search_doc d ON d.kind = 'unit' AND d.record_id = t.id;
