-- Carnet schema version 8: a version on every member row (an edit never overwrites a change made since the
-- editor opened), who changed the row last, an import's baseline for its undo, and the outbox's claims (which
-- computer is sending a message).
-- The same columns as PostgreSQL's migration of the same number; volunteers and their roles exist only on a
-- server (a local file is one person's).

ALTER TABLE members ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE members ADD COLUMN updated_by TEXT;

ALTER TABLE import_batches ADD COLUMN created_versions INTEGER; -- sum of its new members' versions at its end

ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE deliveries ADD COLUMN claimed_at TEXT;
