-- Carnet schema version 7: who a campaign left out and why (decided when its messages were queued, or
-- when a message was about to go and the member's consent no longer allowed it), and a member queued at
-- most once per outbox batch — the database itself refuses a second message to the same member.

CREATE TABLE campaign_exclusions (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    reason       TEXT NOT NULL,      -- no_consent | expired | withdrawn | suppressed | invalid_email | no_email
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (campaign_id, member_id)
) WITHOUT ROWID;

ALTER TABLE campaigns ADD COLUMN queued_at TEXT;    -- when its audience was resolved and its messages queued
ALTER TABLE campaigns ADD COLUMN translations TEXT; -- JSON {"en": {"subject": …, "body": …}}: the text for members of that language

CREATE UNIQUE INDEX deliveries_batch_member ON deliveries (batch_id, member_id) WHERE member_id IS NOT NULL;
