-- Carnet schema version 13: a batch's deliveries counted, listed and drawn from indexes. The outbox and
-- campaigns windows and `campaign status` read the whole deliveries table — every message's bytes with it,
-- gigabytes at a million deliveries — for the returned ones' count, sorted every row of a batch to show its
-- first 5,000, and read every row of a batch for its progress over time.
CREATE INDEX deliveries_bounced ON deliveries (batch_id) WHERE bounce_category IS NOT NULL;
DROP INDEX deliveries_batch;
CREATE INDEX deliveries_batch ON deliveries (batch_id, state, sent_at);
CREATE INDEX deliveries_batch_order ON deliveries (batch_id, id);
