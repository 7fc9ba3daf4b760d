-- Carnet schema version 6: campaigns (invitations and newsletters), their attachments, invitation answers
-- and unsubscribe requests. A campaign's messages are one outbox batch: one delivery per member, so a
-- member is never queued twice for the same campaign and a retry never re-sends what was sent.

CREATE TABLE campaigns (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('invitation', 'newsletter')),
    purpose       TEXT NOT NULL REFERENCES purposes (key),
    audience      TEXT NOT NULL,      -- all | never-invited | invited-no-answer | report:NAME | member:ID
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,      -- Markdown, with merge fields
    html          TEXT,               -- an HTML body pasted instead, when not null
    from_name     TEXT,
    from_address  TEXT,               -- null: the sending account's address
    batch_id      INTEGER REFERENCES mail_batches (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX campaigns_batch ON campaigns (batch_id);

CREATE TABLE campaign_attachments (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    data          BLOB NOT NULL
);

-- An invited member's answer; accepting also records an express consent event (consent_events).
CREATE TABLE invitation_answers (
    member_id     INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    answer        TEXT NOT NULL CHECK (answer IN ('accepted', 'declined')),
    answered_at   TEXT NOT NULL
);

-- Every unsubscribe request and the action taken (CASL: honoured within 10 business days, kept as proof).
CREATE TABLE unsubscribe_requests (
    id            INTEGER PRIMARY KEY,
    received_at   TEXT NOT NULL,
    member_id     INTEGER REFERENCES members (id) ON DELETE SET NULL,
    purpose       TEXT,
    source        TEXT NOT NULL,      -- "token", "message FILE.eml", …
    action        TEXT,               -- what was done ("withdrawn: newsletter"); null until processed
    processed_at  TEXT
);
