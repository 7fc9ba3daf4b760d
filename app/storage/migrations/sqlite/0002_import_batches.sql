-- Carnet schema version 2: import batches, so that every import can be undone exactly.

CREATE TABLE import_batches (
    id               INTEGER PRIMARY KEY,
    file_name        TEXT NOT NULL,
    file_sha256      TEXT NOT NULL,
    mapping          TEXT NOT NULL,      -- JSON: header -> field
    mode             TEXT NOT NULL CHECK (mode IN ('create', 'update', 'fill')),
    created          INTEGER NOT NULL DEFAULT 0,
    updated          INTEGER NOT NULL DEFAULT 0,
    unchanged        INTEGER NOT NULL DEFAULT 0,
    duplicates       INTEGER NOT NULL DEFAULT 0,
    rejected         INTEGER NOT NULL DEFAULT 0,
    no_email         INTEGER NOT NULL DEFAULT 0,
    first_member_id  INTEGER,            -- members created by the batch are exactly the ids in
    last_member_id   INTEGER,            -- [first_member_id, last_member_id] (one write transaction)
    imported_at      TEXT NOT NULL,
    undone_at        TEXT
);

-- Members the batch changed, as they were before (JSON of the whole row).
CREATE TABLE import_changes (
    batch_id   INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL,
    before     TEXT NOT NULL,
    PRIMARY KEY (batch_id, member_id)
) WITHOUT ROWID;
