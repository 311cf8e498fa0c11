//! The directive tally (`directive_tally`, migration 0011): directives counted per lead
//! unit and month given, by the month done and on-time flags, or by their deadlines' months
//! while open. Triggers keep it in the writer's transaction; a bulk load, which pauses them,
//! rebuilds it here. `stats` reads it.

use crate::error::Result;

/// Counts every directive again (after a bulk load).
pub fn rebuild(tx: &super::Tx<'_>) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM directive_tally;
         INSERT INTO directive_tally
         SELECT lead_unit_id, substr(assigned_on, 1, 7), coalesce(substr(completed_on, 1, 7), ''),
                iif(completed_on IS NULL, coalesce(substr(deadline, 1, 7), ''), ''),
                iif(completed_on IS NULL, coalesce(substr(original_deadline, 1, 7), ''), ''),
                completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline),
                completed_on IS NOT NULL
                    AND (original_deadline IS NULL OR completed_on <= original_deadline),
                count(*)
         FROM directive WHERE status <> 'cancelled'
         GROUP BY 1, 2, 3, 4, 5, 6, 7;",
    )?;
    Ok(())
}
