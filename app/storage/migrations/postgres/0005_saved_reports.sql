-- Carnet schema version 5 on PostgreSQL: saved reports.

CREATE TABLE saved_reports (
    name        text PRIMARY KEY CHECK (name <> ''),
    definition  text NOT NULL,
    created_at  text NOT NULL,
    updated_at  text NOT NULL
);
