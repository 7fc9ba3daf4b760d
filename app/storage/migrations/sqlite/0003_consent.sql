-- Carnet schema version 3: the consent ledger, the suppression list and the audit log.

-- Purposes of communication. Built-in ones carry a key the program knows ('association', 'newsletter')
-- and are labelled in the user's language; the user adds more. The default lawful basis per
-- jurisdiction applies to members without any recorded event.
CREATE TABLE purposes (
    key               TEXT PRIMARY KEY CHECK (key <> ''),
    label             TEXT NOT NULL,
    builtin           INTEGER NOT NULL DEFAULT 0,
    default_basis_ca  TEXT NOT NULL CHECK (default_basis_ca IN ('express', 'implied-membership', 'legitimate-interest')),
    default_basis_eu  TEXT NOT NULL CHECK (default_basis_eu IN ('express', 'implied-membership', 'legitimate-interest')),
    position          INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL
);

INSERT INTO purposes (key, label, builtin, default_basis_ca, default_basis_eu, position, created_at)
VALUES ('association', 'Association life', 1, 'implied-membership', 'legitimate-interest', 0, '2026-01-01T00:00:00Z');
INSERT INTO purposes (key, label, builtin, default_basis_ca, default_basis_eu, position, created_at)
VALUES ('newsletter', 'Newsletter', 1, 'express', 'express', 1, '2026-01-01T00:00:00Z');

-- Scans and emails kept as evidence, once per content.
CREATE TABLE consent_evidence (
    sha256      TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    content     BLOB NOT NULL,
    stored_at   TEXT NOT NULL
) WITHOUT ROWID;

-- The ledger: append-only. Rows are never updated; they go only with the member (erasure) or with the
-- import batch that recorded them (its undo).
CREATE TABLE consent_events (
    id               INTEGER PRIMARY KEY,
    member_id        INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose          TEXT NOT NULL REFERENCES purposes (key),
    action           TEXT NOT NULL CHECK (action IN ('grant', 'withdraw')),
    basis            TEXT CHECK ((action = 'withdraw' AND basis IS NULL) OR
                                 (action = 'grant' AND basis IS NOT NULL AND
                                  basis IN ('express', 'implied-membership', 'implied', 'legitimate-interest'))),
    occurred_on      TEXT NOT NULL,      -- the date it happened (the date on the paper form), ISO 8601
    expires_on       TEXT,               -- implied consent with an explicit expiry date
    recorded_at      TEXT NOT NULL,      -- when Carnet recorded it, ISO 8601 UTC
    source           TEXT NOT NULL CHECK (source <> ''),
    wording          TEXT,               -- the wording or form version shown to the member
    evidence_note    TEXT,
    evidence_sha256  TEXT REFERENCES consent_evidence (sha256),
    evidence_name    TEXT,
    recorded_by      TEXT,
    import_batch_id  INTEGER REFERENCES import_batches (id)
);
CREATE INDEX consent_events_member ON consent_events (member_id, purpose);
CREATE INDEX consent_events_purpose ON consent_events (purpose, member_id);
CREATE INDEX consent_events_batch ON consent_events (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;

-- Addresses that must never be mailed nor re-subscribed by an import: SHA-256 (hex) of the normalised,
-- lower-cased address. No address in clear.
CREATE TABLE suppressions (
    address_sha256  TEXT PRIMARY KEY,
    reason          TEXT NOT NULL CHECK (reason IN ('withdrawn', 'erased', 'cleaned')),
    created_at      TEXT NOT NULL
) WITHOUT ROWID;

-- What was done with personal data: consent changes, exports, erasures. Details hold ids and counts,
-- never names or addresses, so that an erasure leaves nothing personal behind.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT,
    action      TEXT NOT NULL,
    member_id   INTEGER,
    details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_member ON audit_log (member_id) WHERE member_id IS NOT NULL;
