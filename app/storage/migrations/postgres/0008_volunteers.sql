-- Carnet schema version 8 on PostgreSQL: a board working together. One login per volunteer, with a role
-- (admin, editor, reader) and optional sections, enforced by the server itself — table privileges granted to
-- each login, row-level security for sections — so that psql as that login sees and changes no more than
-- Carnet's window. Who did what is taken from the server session, never from a value the client sends.
-- A version on every member row (an edit never overwrites another volunteer's), who changed it last, and
-- the outbox's claims (which computer is sending which message).
--
-- The functions below run as the database's owner (SECURITY DEFINER) with this schema as their search path;
-- each checks who is calling (session_user: the login that connected).

CREATE TABLE volunteers (
    login       text PRIMARY KEY CHECK (login <> ''),
    role        text NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
    sections    text[] NOT NULL DEFAULT '{}',
    created_at  text NOT NULL,
    last_seen   text
);

ALTER TABLE members ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE members ADD COLUMN updated_by text;
ALTER TABLE members ALTER COLUMN updated_by SET DEFAULT session_user;

-- The sum of the versions of the members an import created, as it finished: its undo refuses when they
-- changed since.
ALTER TABLE import_batches ADD COLUMN created_versions bigint;

ALTER TABLE deliveries ADD COLUMN claimed_by text;
ALTER TABLE deliveries ADD COLUMN claimed_at text;

-- The login that owns Carnet's tables (who ran `server setup`), and whether the caller is it (or a superuser).
CREATE FUNCTION carnet_is_owner() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
        OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'members'::regclass), 'MEMBER')
$$;
ALTER FUNCTION carnet_is_owner() SET search_path FROM CURRENT;

-- Who is connected: the login, the role ('owner', 'admin', 'editor', 'reader') and the sections it is limited
-- to (empty: every member). A login the volunteers table does not know has the role its privileges give it.
CREATE FUNCTION carnet_whoami(OUT login text, OUT role text, OUT sections text[])
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT session_user::text,
           CASE WHEN carnet_is_owner() THEN 'owner'
                ELSE coalesce((SELECT v.role FROM volunteers v WHERE v.login = session_user),
                              CASE WHEN has_table_privilege(session_user, 'members', 'UPDATE') THEN 'editor'
                                   ELSE 'reader' END) END,
           CASE WHEN carnet_is_owner() THEN '{}'::text[]
                ELSE coalesce((SELECT v.sections FROM volunteers v WHERE v.login = session_user), '{}') END
$$;
ALTER FUNCTION carnet_whoami() SET search_path FROM CURRENT;

-- The sections the caller is limited to, NULL when it sees every member. Policies call it as
-- (SELECT carnet_my_sections()): evaluated once per statement, not once per row.
CREATE FUNCTION carnet_my_sections() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT CASE WHEN carnet_is_owner() THEN NULL
                ELSE (SELECT v.sections FROM volunteers v WHERE v.login = session_user AND cardinality(v.sections) > 0)
           END
$$;
ALTER FUNCTION carnet_my_sections() SET search_path FROM CURRENT;

CREATE FUNCTION carnet_is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT (SELECT role FROM carnet_whoami()) IN ('owner', 'admin')
$$;
ALTER FUNCTION carnet_is_admin() SET search_path FROM CURRENT;

-- Sections: a member is seen, changed, added only in the caller's sections; what refers to a member
-- (consent, deliveries, audit entries, import changes, answers, exclusions, unsubscribe requests) only when
-- that member is seen. The policies take effect when a volunteer is limited to sections (see
-- carnet_row_security below): without any, every login sees every member and imports stream with COPY
-- (which PostgreSQL does not allow on a table with row-level security).
CREATE POLICY members_sections ON members
    USING ((SELECT carnet_my_sections()) IS NULL OR section = ANY ((SELECT carnet_my_sections())::text[]));
CREATE POLICY consent_events_sections ON consent_events
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY deliveries_sections ON deliveries
    USING ((SELECT carnet_my_sections()) IS NULL OR member_id IS NULL
           OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY audit_log_sections ON audit_log
    USING ((SELECT carnet_my_sections()) IS NULL OR member_id IS NULL
           OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY import_changes_sections ON import_changes
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY invitation_answers_sections ON invitation_answers
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY campaign_exclusions_sections ON campaign_exclusions
    USING ((SELECT carnet_my_sections()) IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
CREATE POLICY unsubscribe_requests_sections ON unsubscribe_requests
    USING ((SELECT carnet_my_sections()) IS NULL OR member_id IS NULL
           OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));

-- Settings: everyone reads them; an editor writes only its own remembered import mappings and the
-- unsubscribe links' secret (made once, by whoever sends first); the rest (organisation, sending account,
-- mailbox) is for admins.
CREATE POLICY settings_read ON settings FOR SELECT USING (true);
CREATE POLICY settings_admin ON settings FOR ALL USING ((SELECT carnet_is_admin())) WITH CHECK ((SELECT carnet_is_admin()));
CREATE POLICY settings_editor_insert ON settings FOR INSERT
    WITH CHECK (key LIKE 'import.mapping.%' OR key = 'unsubscribe.secret');
CREATE POLICY settings_editor_update ON settings FOR UPDATE
    USING (key LIKE 'import.mapping.%') WITH CHECK (key LIKE 'import.mapping.%');
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings FORCE ROW LEVEL SECURITY;

-- Row-level security on the member tables, on while any volunteer is limited to sections.
CREATE FUNCTION carnet_row_security() RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    limited boolean := EXISTS (SELECT 1 FROM volunteers WHERE cardinality(sections) > 0);
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['members', 'consent_events', 'deliveries', 'audit_log', 'import_changes',
                             'invitation_answers', 'campaign_exclusions', 'unsubscribe_requests'] LOOP
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
REVOKE EXECUTE ON FUNCTION carnet_row_security() FROM PUBLIC;

-- What a login may do with each table, from its role; run again for every volunteer after each migration.
CREATE FUNCTION carnet_apply_grants(who text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    r text := (SELECT role FROM volunteers WHERE login = who);
    t text;
    writes text[] := ARRAY['members', 'households', 'import_batches', 'import_changes', 'consent_evidence',
                           'suppressions', 'mail_batches', 'deliveries', 'saved_reports', 'campaigns',
                           'campaign_attachments', 'invitation_answers', 'unsubscribe_requests',
                           'campaign_exclusions'];
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
                             'campaign_exclusions'] LOOP
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
REVOKE EXECUTE ON FUNCTION carnet_apply_grants(text) FROM PUBLIC;

CREATE FUNCTION carnet_regrant_all() RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    who text;
BEGIN
    FOR who IN SELECT login FROM volunteers LOOP
        PERFORM carnet_apply_grants(who);
    END LOOP;
    PERFORM carnet_row_security();
END;
$$;
ALTER FUNCTION carnet_regrant_all() SET search_path FROM CURRENT;

-- server grant: an admin (or the owner) gives a login a role and sections; `verifier` (a SCRAM verifier
-- computed by the client, never the password itself) creates the login first.
CREATE FUNCTION carnet_grant(who text, new_role text, new_sections text[], verifier text, now_text text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NOT carnet_is_admin() THEN
        RAISE EXCEPTION 'only an admin of this member file can give volunteers their access' USING ERRCODE = '42501';
    END IF;
    IF new_role NOT IN ('admin', 'editor', 'reader') THEN
        RAISE EXCEPTION 'unknown role %', new_role USING ERRCODE = '22023';
    END IF;
    IF verifier IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
            RAISE EXCEPTION 'the login % exists already', who USING ERRCODE = '42710';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', who, verifier);
    ELSIF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        RAISE EXCEPTION 'the server has no login %', who USING ERRCODE = '42704';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = who AND (r.rolsuper OR r.rolbypassrls))
       OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'members'::regclass), 'MEMBER') THEN
        RAISE EXCEPTION 'the login % owns this member file or is a superuser: the server gives it every right',
            who USING ERRCODE = '42P17';
    END IF;
    INSERT INTO volunteers (login, role, sections, created_at)
    VALUES (who, new_role, coalesce(new_sections, '{}'), now_text)
    ON CONFLICT (login) DO UPDATE SET role = excluded.role, sections = excluded.sections;
    PERFORM carnet_apply_grants(who);
    PERFORM carnet_row_security();
END;
$$;
ALTER FUNCTION carnet_grant(text, text, text[], text, text) SET search_path FROM CURRENT;

CREATE FUNCTION carnet_revoke(who text) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    known boolean;
BEGIN
    IF NOT carnet_is_admin() THEN
        RAISE EXCEPTION 'only an admin of this member file can take a volunteer''s access away' USING ERRCODE = '42501';
    END IF;
    -- The owner's (or a superuser's) rights are not a volunteer's to take: revoking them would lock the owner out.
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = who AND (r.rolsuper OR r.rolbypassrls))
       OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'members'::regclass), 'MEMBER') THEN
        RAISE EXCEPTION 'the login % owns this member file or is a superuser', who USING ERRCODE = '42P17';
    END IF;
    DELETE FROM volunteers WHERE login = who RETURNING true INTO known;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        PERFORM carnet_apply_grants(who);
    END IF;
    PERFORM carnet_row_security();
    RETURN coalesce(known, false);
END;
$$;
ALTER FUNCTION carnet_revoke(text) SET search_path FROM CURRENT;

CREATE FUNCTION carnet_volunteers() RETURNS SETOF volunteers LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    IF NOT carnet_is_admin() THEN
        RAISE EXCEPTION 'only an admin of this member file can list the volunteers' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT * FROM volunteers ORDER BY login;
END;
$$;
ALTER FUNCTION carnet_volunteers() SET search_path FROM CURRENT;

-- The outbox's limits (per minute, hour, day) count every message tried, whoever sent it and whatever
-- sections the caller sees.
CREATE FUNCTION carnet_attempts_since(since text) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT count(*) FROM deliveries WHERE sent_at IS NOT NULL AND sent_at > since
$$;
ALTER FUNCTION carnet_attempts_since(text) SET search_path FROM CURRENT;

-- Each connection says when it was last seen (a volunteer has no UPDATE right on the volunteers table).
CREATE FUNCTION carnet_seen(now_text text) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
    UPDATE volunteers SET last_seen = now_text WHERE login = session_user
$$;
ALTER FUNCTION carnet_seen(text) SET search_path FROM CURRENT;

-- Who did it, from the server session: a volunteer cannot write another login into the audit log, the
-- ledger's "recorded by" or a member's "updated by". The owner can (a copy from a local file keeps its
-- history, and the owner could change the tables anyway). The owner is the login that owns the tables: the
-- row triggers compare names rather than call a function per row.
CREATE FUNCTION carnet_stamp_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW.actor := OLD.actor;
    ELSIF session_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'members'::regclass) THEN
        NEW.actor := session_user;
    END IF;
    RETURN NEW;
END;
$$;
ALTER FUNCTION carnet_stamp_audit() SET search_path FROM CURRENT;
CREATE TRIGGER audit_log_actor BEFORE INSERT OR UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION carnet_stamp_audit();

CREATE FUNCTION carnet_stamp_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF session_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'members'::regclass) THEN
        NEW.recorded_by := session_user;
    END IF;
    RETURN NEW;
END;
$$;
ALTER FUNCTION carnet_stamp_consent() SET search_path FROM CURRENT;
CREATE TRIGGER consent_events_recorded_by BEFORE INSERT ON consent_events FOR EACH ROW EXECUTE FUNCTION carnet_stamp_consent();

-- Every change of a member row moves its version on, whoever makes it and however (psql included).
CREATE FUNCTION carnet_member_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    IF NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by
       OR session_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'members'::regclass) THEN
        NEW.updated_by := session_user;
    END IF;
    RETURN NEW;
END;
$$;
ALTER FUNCTION carnet_member_version() SET search_path FROM CURRENT;
CREATE TRIGGER members_version BEFORE UPDATE ON members FOR EACH ROW EXECUTE FUNCTION carnet_member_version();
