-- Carnet schema version 4: the outbox — one row per recipient per message batch, so that every
-- recipient is accounted for and nothing is sent twice.

CREATE TABLE mail_batches (
    id            INTEGER PRIMARY KEY,
    subject       TEXT NOT NULL,
    purpose       TEXT,               -- the consent purpose the recipients were checked for, if any
    created_at    TEXT NOT NULL,
    cancelled_at  TEXT
);

CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    batch_id         INTEGER NOT NULL REFERENCES mail_batches (id) ON DELETE CASCADE,
    member_id        INTEGER REFERENCES members (id) ON DELETE SET NULL,
    address          TEXT NOT NULL,     -- as RCPT TO sends it
    envelope_from    TEXT NOT NULL,
    smtp_utf8        INTEGER NOT NULL DEFAULT 0,
    message          BLOB NOT NULL,     -- the RFC 5322 bytes for this recipient
    message_id       TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'sending', 'sent', 'deferred', 'failed', 'cancelled', 'unknown')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,              -- deferred: not before (ISO 8601 UTC)
    reply_code       INTEGER,
    reply_enhanced   TEXT,
    reply_text       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    sent_at          TEXT               -- when the server accepted it (or when it was tried, for unknown)
);
CREATE INDEX deliveries_batch ON deliveries (batch_id, state);
CREATE INDEX deliveries_state ON deliveries (state, next_attempt_at);
CREATE INDEX deliveries_sent_at ON deliveries (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX deliveries_member ON deliveries (member_id) WHERE member_id IS NOT NULL;
