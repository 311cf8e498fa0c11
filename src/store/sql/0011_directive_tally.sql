-- Directives counted per lead unit and month given, so the overview of any period reads a
-- few thousand rows instead of every directive (stats.rs). A done directive is counted by
-- the month it was done and whether that was on time by each deadline; an open one by the
-- months of its deadlines. Kept by triggers in the writer's transaction; a bulk load (the
-- search triggers' `gb_indexing()` off) rebuilds it at the end (store/tally.rs).
CREATE TABLE directive_tally (
    unit_id           TEXT NOT NULL,
    assigned_month    TEXT NOT NULL,  -- 'YYYY-MM'
    completed_month   TEXT NOT NULL,  -- 'YYYY-MM'; '' while open
    deadline_month    TEXT NOT NULL,  -- open ones: the approved deadline's month; '' none, or done
    original_month    TEXT NOT NULL,  -- open ones: the original deadline's month
    on_time           INTEGER NOT NULL, -- done ones: by the approved deadline (or none)
    on_time_original  INTEGER NOT NULL, -- done ones: by the original deadline
    n                 INTEGER NOT NULL,
    PRIMARY KEY (unit_id, assigned_month, completed_month, deadline_month, original_month, on_time, on_time_original)
) WITHOUT ROWID;

INSERT INTO directive_tally
SELECT lead_unit_id, substr(assigned_on, 1, 7), coalesce(substr(completed_on, 1, 7), ''),
       iif(completed_on IS NULL, coalesce(substr(deadline, 1, 7), ''), ''),
       iif(completed_on IS NULL, coalesce(substr(original_deadline, 1, 7), ''), ''),
       completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline),
       completed_on IS NOT NULL AND (original_deadline IS NULL OR completed_on <= original_deadline),
       count(*)
FROM directive WHERE status <> 'cancelled'
GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER directive_tally_insert AFTER INSERT ON directive
WHEN gb_indexing() AND NEW.status <> 'cancelled' BEGIN
    INSERT INTO directive_tally VALUES (NEW.lead_unit_id, substr(NEW.assigned_on, 1, 7),
        coalesce(substr(NEW.completed_on, 1, 7), ''),
        iif(NEW.completed_on IS NULL, coalesce(substr(NEW.deadline, 1, 7), ''), ''),
        iif(NEW.completed_on IS NULL, coalesce(substr(NEW.original_deadline, 1, 7), ''), ''),
        NEW.completed_on IS NOT NULL AND (NEW.deadline IS NULL OR NEW.completed_on <= NEW.deadline),
        NEW.completed_on IS NOT NULL AND (NEW.original_deadline IS NULL OR NEW.completed_on <= NEW.original_deadline),
        1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER directive_tally_delete AFTER DELETE ON directive
WHEN gb_indexing() AND OLD.status <> 'cancelled' BEGIN
    UPDATE directive_tally SET n = n - 1
    WHERE unit_id = OLD.lead_unit_id AND assigned_month = substr(OLD.assigned_on, 1, 7)
      AND completed_month = coalesce(substr(OLD.completed_on, 1, 7), '')
      AND deadline_month = iif(OLD.completed_on IS NULL, coalesce(substr(OLD.deadline, 1, 7), ''), '')
      AND original_month = iif(OLD.completed_on IS NULL, coalesce(substr(OLD.original_deadline, 1, 7), ''), '')
      AND on_time = (OLD.completed_on IS NOT NULL AND (OLD.deadline IS NULL OR OLD.completed_on <= OLD.deadline))
      AND on_time_original = (OLD.completed_on IS NOT NULL AND (OLD.original_deadline IS NULL OR OLD.completed_on <= OLD.original_deadline));
    DELETE FROM directive_tally WHERE n = 0 AND unit_id = OLD.lead_unit_id
      AND assigned_month = substr(OLD.assigned_on, 1, 7);
END;

CREATE TRIGGER directive_tally_update AFTER UPDATE OF lead_unit_id, assigned_on, completed_on, deadline, original_deadline, status ON directive
WHEN gb_indexing() BEGIN
    UPDATE directive_tally SET n = n - 1
    WHERE OLD.status <> 'cancelled'
      AND unit_id = OLD.lead_unit_id AND assigned_month = substr(OLD.assigned_on, 1, 7)
      AND completed_month = coalesce(substr(OLD.completed_on, 1, 7), '')
      AND deadline_month = iif(OLD.completed_on IS NULL, coalesce(substr(OLD.deadline, 1, 7), ''), '')
      AND original_month = iif(OLD.completed_on IS NULL, coalesce(substr(OLD.original_deadline, 1, 7), ''), '')
      AND on_time = (OLD.completed_on IS NOT NULL AND (OLD.deadline IS NULL OR OLD.completed_on <= OLD.deadline))
      AND on_time_original = (OLD.completed_on IS NOT NULL AND (OLD.original_deadline IS NULL OR OLD.completed_on <= OLD.original_deadline));
    DELETE FROM directive_tally WHERE n = 0 AND unit_id = OLD.lead_unit_id
      AND assigned_month = substr(OLD.assigned_on, 1, 7);
    INSERT INTO directive_tally
    SELECT NEW.lead_unit_id, substr(NEW.assigned_on, 1, 7),
        coalesce(substr(NEW.completed_on, 1, 7), ''),
        iif(NEW.completed_on IS NULL, coalesce(substr(NEW.deadline, 1, 7), ''), ''),
        iif(NEW.completed_on IS NULL, coalesce(substr(NEW.original_deadline, 1, 7), ''), ''),
        NEW.completed_on IS NOT NULL AND (NEW.deadline IS NULL OR NEW.completed_on <= NEW.deadline),
        NEW.completed_on IS NOT NULL AND (NEW.original_deadline IS NULL OR NEW.completed_on <= NEW.original_deadline),
        1
    WHERE NEW.status <> 'cancelled'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Open directives by their original deadline: the strict report's corrections for the
-- reporting month, as directive_open_deadline serves the usual one.
CREATE INDEX directive_open_original ON directive(original_deadline, assigned_on) WHERE completed_on IS NULL AND status <> 'cancelled';
