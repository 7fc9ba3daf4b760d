-- Carnet schema version 7 on PostgreSQL: campaign exclusions, translations, one message per member and batch.

CREATE TABLE campaign_exclusions (
    campaign_id  bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    member_id    bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    reason       text NOT NULL,
    decided_at   text NOT NULL,
    PRIMARY KEY (campaign_id, member_id)
);

ALTER TABLE campaigns ADD COLUMN queued_at text;
ALTER TABLE campaigns ADD COLUMN translations text;

CREATE UNIQUE INDEX deliveries_batch_member ON deliveries (batch_id, member_id) WHERE member_id IS NOT NULL;
