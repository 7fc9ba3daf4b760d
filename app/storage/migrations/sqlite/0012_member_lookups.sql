-- Carnet schema version 12: deleting or erasing a member finds its rows by member_id in every table that
-- keeps them, instead of reading the whole table once per member (a selection of 100,000 members deleted at
-- once; the checks of the foreign keys on members for child rows too).
CREATE INDEX campaign_exclusions_member ON campaign_exclusions (member_id);
CREATE INDEX unsubscribe_requests_member ON unsubscribe_requests (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX import_changes_member ON import_changes (member_id);
