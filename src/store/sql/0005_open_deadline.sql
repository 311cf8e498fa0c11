-- The open-by-deadline index also holds the date given, so counting the overdue or due-soon
-- directives (the dashboard's totals) reads the index alone.
DROP INDEX directive_open_deadline;
CREATE INDEX directive_open_deadline ON directive(deadline, assigned_on) WHERE completed_on IS NULL AND status <> 'cancelled';
