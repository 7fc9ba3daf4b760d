-- Carnet schema version 10: what comes back to the association's mailbox. Every message read there
-- (returned_messages: where it was, what it was, what Carnet did, when it was undone, the message itself
-- for the window), the addresses found undeliverable (by address key: correcting the address clears it),
-- and each delivery's bounce.
CREATE TABLE returned_messages (
    id              INTEGER PRIMARY KEY,
    folder          TEXT NOT NULL,
    uid_validity    INTEGER NOT NULL,
    uid             INTEGER NOT NULL,
    message_id      TEXT,               -- the returned message's own Message-ID
    received_at     TEXT,               -- its Date (ISO 8601 UTC)
    read_at         TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('bounce', 'complaint', 'auto_reply', 'unsubscribe', 'other')),
    category        TEXT,               -- ReturnCategory key of the recipient acted on
    address         TEXT,
    status          TEXT,
    diagnostic      TEXT,               -- the receiving server's words
    member_id       INTEGER REFERENCES members (id) ON DELETE SET NULL,
    delivery_id     INTEGER REFERENCES deliveries (id) ON DELETE SET NULL,
    action          TEXT NOT NULL,      -- marked_undeliverable, counted, policy, campaign_flagged, withdrawn, away,
                                        -- unsubscribed, none, left
    details         TEXT,               -- JSON: what undo needs (the ledger events added, the mark made)
    moved_to        TEXT,               -- the processed folder, once moved there
    moved_uid       INTEGER,
    undone_at       TEXT,
    undone_by       TEXT,
    raw             BLOB                -- the message as read, at most 1 MiB
);
CREATE UNIQUE INDEX returned_messages_place ON returned_messages (folder, uid_validity, uid);
CREATE INDEX returned_messages_message_id ON returned_messages (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX returned_messages_member ON returned_messages (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX returned_messages_address ON returned_messages (address, kind) WHERE address IS NOT NULL;

CREATE TABLE undeliverable_addresses (
    address_key     TEXT PRIMARY KEY,   -- Core::EmailAddress::key of the address
    member_id       INTEGER REFERENCES members (id) ON DELETE CASCADE,
    category        TEXT NOT NULL,
    since           TEXT NOT NULL,
    returned_id     INTEGER REFERENCES returned_messages (id) ON DELETE SET NULL
);
CREATE INDEX undeliverable_addresses_member ON undeliverable_addresses (member_id);

ALTER TABLE deliveries ADD COLUMN bounce_category TEXT;
ALTER TABLE deliveries ADD COLUMN bounce_status TEXT;
ALTER TABLE deliveries ADD COLUMN bounce_text TEXT;
ALTER TABLE deliveries ADD COLUMN bounced_at TEXT;
CREATE INDEX deliveries_message_id ON deliveries (message_id);
CREATE INDEX deliveries_address ON deliveries (lower(address), sent_at);
