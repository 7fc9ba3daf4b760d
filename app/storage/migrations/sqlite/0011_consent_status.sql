-- Carnet schema version 11: each member's consent status per purpose, kept beside the ledger so that
-- "who may receive the newsletter on this day" is an indexed comparison instead of every member's events
-- read and judged. Consent::StatusStore writes it from the ledger with the rules of ConsentRules; the ledger
-- stays the proof and the only truth (`carnet-cli consent verify` recomputes and compares).
--
-- One row per segment of the member's time line for the purpose: from valid_from to valid_to (both days
-- included; '0000-01-01' and '9999-12-31' stand for "always" and "for ever"), the status is the row's.
-- Only members with at least one event for the purpose have rows: the others are covered by the purpose's
-- default basis and their membership alone, which a query reads from the members table.
CREATE TABLE consent_status (
    member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL REFERENCES purposes (key),
    valid_from   TEXT NOT NULL,
    valid_to     TEXT NOT NULL,
    eligible     INTEGER NOT NULL,
    reason       TEXT NOT NULL,      -- Consent::reasonKey: express, implied_membership, …, no_consent, expired, withdrawn
    basis        TEXT,               -- of the grant that applies or applied
    since        TEXT,               -- when that grant (or the withdrawal) happened
    valid_until  TEXT,               -- the grant's last day; NULL: no end
    by_default   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (purpose, member_id, valid_from)
) WITHOUT ROWID;
CREATE INDEX consent_status_member ON consent_status (member_id);

-- Members whose statuses must be worked out again: every change to what the rules read marks the member
-- here, whoever made it (a service, an import's undo, an erasure, a statement typed by hand); the store
-- settles them before the transaction commits, and queries judge a member still marked from the ledger.
CREATE TABLE consent_status_pending (
    member_id    INTEGER PRIMARY KEY
);

CREATE TRIGGER consent_events_pending_insert AFTER INSERT ON consent_events BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) VALUES (NEW.member_id); END;
CREATE TRIGGER consent_events_pending_delete AFTER DELETE ON consent_events BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) VALUES (OLD.member_id); END;
CREATE TRIGGER members_pending_membership AFTER UPDATE OF membership_start, membership_end ON members
    WHEN (OLD.membership_start IS NOT NEW.membership_start OR OLD.membership_end IS NOT NEW.membership_end)
         AND EXISTS (SELECT 1 FROM consent_events WHERE member_id = NEW.id)
BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) VALUES (NEW.id); END;
-- Members whose address cannot be mailed whatever the consent: on the suppression list ('suppressed': the list
-- holds digests, so which members they are is worked out by Carnet), or not an address at all ('invalid_email':
-- Carnet stores only addresses it accepted, another program may not). Worked out with the statuses for the
-- members marked: a new member or a changed address when it needs looking at, an address suppressed or allowed
-- again (ConsentLedger marks the members who have it).
CREATE TABLE address_blocks (
    member_id    INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    reason       TEXT NOT NULL CHECK (reason IN ('suppressed', 'invalid_email'))
);
CREATE TRIGGER members_pending_address_insert AFTER INSERT ON members
    WHEN (NEW.email_key IS NULL AND coalesce(NEW.email, '') <> '')
         OR (NEW.email_key IS NOT NULL AND EXISTS (SELECT 1 FROM suppressions))
BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) VALUES (NEW.id); END;
CREATE TRIGGER members_pending_address_update AFTER UPDATE OF email, email_key ON members
    WHEN OLD.email IS NOT NEW.email OR OLD.email_key IS NOT NEW.email_key
BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) VALUES (NEW.id); END;

-- The jurisdiction and the purposes' default bases decide what covers a member with no event.
CREATE TRIGGER settings_pending_jurisdiction_insert AFTER INSERT ON settings
    WHEN NEW.key = 'organisation.jurisdiction'
BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM consent_events; END;
CREATE TRIGGER settings_pending_jurisdiction_update AFTER UPDATE ON settings
    WHEN NEW.key = 'organisation.jurisdiction' AND OLD.value IS NOT NEW.value
BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM consent_events; END;
CREATE TRIGGER purposes_pending_default AFTER UPDATE OF default_basis_ca, default_basis_eu ON purposes BEGIN
    INSERT OR IGNORE INTO consent_status_pending (member_id)
        SELECT DISTINCT member_id FROM consent_events WHERE purpose = NEW.key; END;

-- (Each trigger's last statement shares its line with END: Carnet's migration runner splits at a line's end.)

-- The file's existing ledger: every member with an event is worked out when Carnet first opens it.
INSERT INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM consent_events;
INSERT OR IGNORE INTO consent_status_pending (member_id)
    SELECT id FROM members WHERE (email_key IS NOT NULL AND EXISTS (SELECT 1 FROM suppressions))
                              OR (email_key IS NULL AND coalesce(email, '') <> '');
