-- Carnet schema version 1: members and households.
-- Portable SQL where it costs nothing; what is SQLite-specific (PRAGMAs) lives in Database.cpp.

CREATE TABLE households (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL
);

CREATE TABLE members (
    id                INTEGER PRIMARY KEY,
    member_number     TEXT,
    first_name        TEXT NOT NULL CHECK (first_name <> ''),
    last_name         TEXT NOT NULL CHECK (last_name <> ''),
    email             TEXT,
    email_key         TEXT,            -- lower-cased email: uniqueness and matching
    phone             TEXT,
    mobile            TEXT,
    address           TEXT,
    postal_code       TEXT,
    city              TEXT,
    country           TEXT,
    section           TEXT,
    category          TEXT,
    membership_start  TEXT,            -- ISO 8601 date
    membership_end    TEXT,            -- ISO 8601 date
    language          TEXT CHECK (language IN ('fr', 'en')),
    notes             TEXT,
    household_id      INTEGER REFERENCES households(id) ON DELETE SET NULL,
    extra             TEXT NOT NULL DEFAULT '{}',   -- JSON object: imported columns without a field
    created_at        TEXT NOT NULL,   -- ISO 8601, UTC
    updated_at        TEXT NOT NULL
);

CREATE UNIQUE INDEX members_member_number ON members (member_number);
-- Not unique: members of one household may share a mailbox. The rule is enforced by MemberRepository.
CREATE INDEX members_email_key ON members (email_key);
CREATE INDEX members_last_name ON members (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX members_section ON members (section);
CREATE INDEX members_category ON members (category);
CREATE INDEX members_membership_end ON members (membership_end);
CREATE INDEX members_household ON members (household_id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT
);
