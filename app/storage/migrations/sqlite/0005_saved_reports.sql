-- Carnet schema version 5: saved reports (the report wizard's definitions, in their JSON form).

CREATE TABLE saved_reports (
    name        TEXT PRIMARY KEY CHECK (name <> ''),
    definition  TEXT NOT NULL,   -- JSON: name, group, subgroup, notes, columns, filter, sort, group_by
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
