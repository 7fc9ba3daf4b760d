-- Carnet schema version 11 on PostgreSQL: each member's consent status per purpose beside the ledger, and the
-- members whose statuses must be worked out again (see the SQLite migration 0011 for their meaning). The
-- marks are made by statement-level triggers reading the statement's rows at once (an import of a million
-- events costs one INSERT … SELECT, not a function call a row). Editors write both tables (recording consent
-- settles the statuses in the same transaction); a volunteer limited to sections sees the rows of the members
-- it sees.

CREATE TABLE consent_status (
    member_id    bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose      text NOT NULL REFERENCES purposes (key),
    valid_from   text NOT NULL,
    valid_to     text NOT NULL,
    eligible     integer NOT NULL,
    reason       text NOT NULL,
    basis        text,
    since        text,
    valid_until  text,
    by_default   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (purpose, member_id, valid_from)
);
CREATE INDEX consent_status_member ON consent_status (member_id);

CREATE TABLE consent_status_pending (
    member_id    bigint PRIMARY KEY
);

CREATE FUNCTION carnet_status_pending_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM old_rows
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM new_rows
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
ALTER FUNCTION carnet_status_pending_rows() SET search_path FROM CURRENT;
CREATE TRIGGER consent_events_pending_insert AFTER INSERT ON consent_events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carnet_status_pending_rows();
CREATE TRIGGER consent_events_pending_delete AFTER DELETE ON consent_events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carnet_status_pending_rows();

-- Members whose address cannot be mailed whatever the consent (see the SQLite migration 0011).
CREATE TABLE address_blocks (
    member_id    bigint PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    reason       text NOT NULL CHECK (reason IN ('suppressed', 'invalid_email'))
);

CREATE FUNCTION carnet_status_pending_members() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO consent_status_pending (member_id)
            SELECT id FROM new_rows
             WHERE (email_key IS NULL AND coalesce(email, '') <> '')
                OR (email_key IS NOT NULL AND EXISTS (SELECT 1 FROM suppressions))
            ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    INSERT INTO consent_status_pending (member_id)
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE ((o.membership_start IS DISTINCT FROM n.membership_start
                 OR o.membership_end IS DISTINCT FROM n.membership_end)
                AND EXISTS (SELECT 1 FROM consent_events e WHERE e.member_id = n.id))
            OR o.email IS DISTINCT FROM n.email OR o.email_key IS DISTINCT FROM n.email_key
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
ALTER FUNCTION carnet_status_pending_members() SET search_path FROM CURRENT;
CREATE TRIGGER members_pending_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carnet_status_pending_members();
CREATE TRIGGER members_pending_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carnet_status_pending_members();

-- The jurisdiction and the purposes' default bases decide what covers a member with no event.
CREATE FUNCTION carnet_status_pending_all() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_TABLE_NAME = 'settings' THEN
        IF NEW.key <> 'organisation.jurisdiction' OR (TG_OP = 'UPDATE' AND OLD.value IS NOT DISTINCT FROM NEW.value) THEN
            RETURN NULL;
        END IF;
        INSERT INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM consent_events
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM consent_events
            WHERE purpose = NEW.key ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
ALTER FUNCTION carnet_status_pending_all() SET search_path FROM CURRENT;
CREATE TRIGGER settings_pending_jurisdiction AFTER INSERT OR UPDATE ON settings FOR EACH ROW
    EXECUTE FUNCTION carnet_status_pending_all();
CREATE TRIGGER purposes_pending_default AFTER UPDATE OF default_basis_ca, default_basis_eu ON purposes FOR EACH ROW
    EXECUTE FUNCTION carnet_status_pending_all();

CREATE POLICY consent_status_sections ON consent_status
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY address_blocks_sections ON address_blocks
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY consent_status_pending_sections ON consent_status_pending
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));

CREATE OR REPLACE FUNCTION carnet_row_security() RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    limited boolean := EXISTS (SELECT 1 FROM volunteers WHERE cardinality(sections) > 0);
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['members', 'consent_events', 'deliveries', 'audit_log', 'import_changes',
                             'invitation_answers', 'campaign_exclusions', 'unsubscribe_requests',
                             'returned_messages', 'undeliverable_addresses', 'consent_status',
                             'consent_status_pending', 'address_blocks'] LOOP
        IF limited <> (SELECT relrowsecurity FROM pg_class WHERE oid = t::regclass) THEN
            IF limited THEN
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            ELSE
                EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
            END IF;
        END IF;
    END LOOP;
END;
$$;
ALTER FUNCTION carnet_row_security() SET search_path FROM CURRENT;
SELECT carnet_row_security();

CREATE OR REPLACE FUNCTION carnet_apply_grants(who text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    r text := (SELECT role FROM volunteers WHERE login = who);
    t text;
    writes text[] := ARRAY['members', 'households', 'import_batches', 'import_changes', 'consent_evidence',
                           'suppressions', 'mail_batches', 'deliveries', 'saved_reports', 'campaigns',
                           'campaign_attachments', 'invitation_answers', 'unsubscribe_requests',
                           'campaign_exclusions', 'returned_messages', 'undeliverable_addresses',
                           'consent_status', 'consent_status_pending', 'address_blocks'];
BEGIN
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', current_schema(), who);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', current_schema(), who);
    IF r IS NULL THEN
        RETURN;
    END IF;
    FOREACH t IN ARRAY ARRAY['carnet_schema', 'settings', 'households', 'members', 'import_batches',
                             'import_changes', 'purposes', 'consent_evidence', 'consent_events', 'suppressions',
                             'audit_log', 'mail_batches', 'deliveries', 'saved_reports', 'campaigns',
                             'campaign_attachments', 'invitation_answers', 'unsubscribe_requests',
                             'campaign_exclusions', 'returned_messages', 'undeliverable_addresses',
                             'consent_status', 'consent_status_pending', 'address_blocks'] LOOP
        EXECUTE format('GRANT SELECT ON %I TO %I', t, who);
    END LOOP;
    IF r = 'reader' THEN
        -- A reader's exports for the association's administration are audited like anyone's.
        EXECUTE format('GRANT INSERT ON audit_log TO %I', who);
        RETURN;
    END IF;
    FOREACH t IN ARRAY writes LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO %I', t, who);
    END LOOP;
    -- The ledger and the audit log are append-only (an import's undo and an erasure remove events; an
    -- erasure clears an audit entry's details).
    EXECUTE format('GRANT INSERT, DELETE ON consent_events TO %I', who);
    EXECUTE format('GRANT INSERT, UPDATE (details) ON audit_log TO %I', who);
    EXECUTE format('GRANT INSERT, UPDATE ON settings TO %I', who);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), who);
    IF r = 'admin' THEN
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON purposes, settings TO %I', who);
    END IF;
END;
$$;
ALTER FUNCTION carnet_apply_grants(text) SET search_path FROM CURRENT;

INSERT INTO consent_status_pending (member_id) SELECT DISTINCT member_id FROM consent_events;
INSERT INTO consent_status_pending (member_id)
    SELECT id FROM members WHERE (email_key IS NOT NULL AND EXISTS (SELECT 1 FROM suppressions))
                              OR (email_key IS NULL AND coalesce(email, '') <> '')
    ON CONFLICT DO NOTHING;
