-- Carnet schema version 9: every committed change announced to the other open windows (LISTEN
-- carnet_changes), whoever makes it and however (psql included). Payloads carry ids only — never a name, an
-- address or a value — as "members:ID", "consent:MEMBER_ID", "mail" and "purposes"; a transaction that changes
-- more than 500 members (an import, its undo) says "members:*" once and then nothing more, so that a million
-- rows cost one notification and a cheap WHEN test per row rather than a function call each.
-- Notifications are sent at commit only (a rolled-back change announces nothing) and each payload once per
-- transaction.

CREATE FUNCTION carnet_announce_member() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted integer := coalesce(nullif(current_setting('carnet.announced_members', true), ''), '0')::integer + 1;
BEGIN
    PERFORM set_config('carnet.announced_members', counted::text, true);
    IF counted > 500 THEN
        PERFORM pg_notify('carnet_changes', 'members:*');
        PERFORM set_config('carnet.quiet_members', 'on', true);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('carnet_changes', 'members:' || OLD.id);
    ELSE
        PERFORM pg_notify('carnet_changes', 'members:' || NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
ALTER FUNCTION carnet_announce_member() SET search_path FROM CURRENT;
CREATE TRIGGER members_announce AFTER INSERT OR UPDATE OR DELETE ON members FOR EACH ROW
    WHEN (current_setting('carnet.quiet_members', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION carnet_announce_member();

-- A consent event, an invitation's answer: the member's consent columns and counts. Suppressions carry no
-- member (only a digest of the address): "consent:*".
CREATE FUNCTION carnet_announce_consent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted integer := coalesce(nullif(current_setting('carnet.announced_consent', true), ''), '0')::integer + 1;
    member bigint;
BEGIN
    PERFORM set_config('carnet.announced_consent', counted::text, true);
    IF TG_TABLE_NAME = 'suppressions' THEN
        member := NULL;
    ELSIF TG_OP = 'DELETE' THEN
        member := OLD.member_id;
    ELSE
        member := NEW.member_id;
    END IF;
    IF counted > 500 OR member IS NULL THEN
        PERFORM pg_notify('carnet_changes', 'consent:*');
        PERFORM set_config('carnet.quiet_consent', 'on', true);
    ELSE
        PERFORM pg_notify('carnet_changes', 'consent:' || member);
    END IF;
    RETURN NULL;
END;
$$;
ALTER FUNCTION carnet_announce_consent() SET search_path FROM CURRENT;
CREATE TRIGGER consent_events_announce AFTER INSERT OR DELETE ON consent_events FOR EACH ROW
    WHEN (current_setting('carnet.quiet_consent', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION carnet_announce_consent();
CREATE TRIGGER invitation_answers_announce AFTER INSERT OR UPDATE OR DELETE ON invitation_answers FOR EACH ROW
    WHEN (current_setting('carnet.quiet_consent', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION carnet_announce_consent();
CREATE TRIGGER suppressions_announce AFTER INSERT OR UPDATE OR DELETE ON suppressions FOR EACH ROW
    WHEN (current_setting('carnet.quiet_consent', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION carnet_announce_consent();

-- Campaigns, the outbox and its deliveries, unsubscribe replies: "mail" once per transaction; purposes:
-- "purposes" (the consent columns themselves).
CREATE FUNCTION carnet_announce_table() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('carnet_changes', TG_ARGV[0]);
    PERFORM set_config('carnet.quiet_' || TG_ARGV[0], 'on', true);
    RETURN NULL;
END;
$$;
ALTER FUNCTION carnet_announce_table() SET search_path FROM CURRENT;
CREATE TRIGGER campaigns_announce AFTER INSERT OR UPDATE OR DELETE ON campaigns FOR EACH ROW
    WHEN (current_setting('carnet.quiet_mail', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION carnet_announce_table('mail');
CREATE TRIGGER mail_batches_announce AFTER INSERT OR UPDATE OR DELETE ON mail_batches FOR EACH ROW
    WHEN (current_setting('carnet.quiet_mail', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION carnet_announce_table('mail');
CREATE TRIGGER deliveries_announce AFTER INSERT OR UPDATE OR DELETE ON deliveries FOR EACH ROW
    WHEN (current_setting('carnet.quiet_mail', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION carnet_announce_table('mail');
CREATE TRIGGER unsubscribe_requests_announce AFTER INSERT OR UPDATE OR DELETE ON unsubscribe_requests FOR EACH ROW
    WHEN (current_setting('carnet.quiet_mail', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION carnet_announce_table('mail');
CREATE TRIGGER purposes_announce AFTER INSERT OR UPDATE OR DELETE ON purposes FOR EACH ROW
    WHEN (current_setting('carnet.quiet_purposes', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION carnet_announce_table('purposes');
