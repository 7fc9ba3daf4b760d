-- Carnet schema version 14: the members eligible for a purpose read from an index of their own. "Eligible
-- for the newsletter on a day" read every status segment of the purpose with all its columns (700,000 rows
-- at a million members) to keep the eligible third; this index holds only the eligible segments, with what
-- that question needs. Partial, so that the other questions (withdrawn, the coverage chart) keep reading
-- the statuses themselves; `eligible` among its columns too, or SQLite (3.40) reads each row again to check
-- the condition the index already guarantees.
CREATE INDEX consent_status_eligible ON consent_status (purpose, eligible, member_id, valid_from, valid_to)
    WHERE eligible = 1;
