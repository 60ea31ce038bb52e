-- citylab event store, migration 6: staff logins follow the log. Runs inside one transaction;
-- safe to run twice. Never edit once shipped: add the next migration instead.
--
-- Each staff event (StaffAdded, StaffRoleGranted, StaffRoleRevoked, StaffDisabled) is applied to
-- PostgreSQL's roles by a trigger on the log, in the transaction that appends it: the login
-- holds exactly the roles of work its stream says, or the append fails and neither changes.
-- Only the append path inserts events and only admins may append staff types, so no one
-- changes a staff login's roles but through the log. The trigger runs with the rights of the
-- role that migrated (it needs CREATEROLE), never the caller's.

-- The roles of work (migration 5 creates them too; here as well so this step stands alone).
DO $$
DECLARE
    v_role text;
BEGIN
    FOREACH v_role IN ARRAY ARRAY['citylab_organizer', 'citylab_placements', 'citylab_desk', 'citylab_auditor', 'citylab_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_role) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', v_role);
        END IF;
    END LOOP;
    -- The migrating role appends the first admin's StaffAdded (the bootstrap): the append path
    -- must admit it. A superuser is admitted anyway.
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)
       AND NOT pg_catalog.pg_has_role(current_user, 'citylab_admin', 'MEMBER') THEN
        EXECUTE format('GRANT citylab_admin TO %I', current_user);
    END IF;
END
$$;

-- Applies one staff event to PostgreSQL's roles. Refuses (42501) a login with a reserved
-- prefix, and any superuser but the one the log's first staff event (the bootstrap) adds: a
-- superuser is never created, changed, disabled or given a password here.
CREATE OR REPLACE FUNCTION citylab_staff_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_login     text := NEW.data->>'login';
    v_role      record;
    v_work      text;
    v_wanted    text[];
    v_group     record;
BEGIN
    IF v_login IS NULL OR v_login = '' OR lower(v_login) LIKE 'pg\_%' OR lower(v_login) LIKE 'citylab\_%' THEN
        RAISE EXCEPTION '% names no login citylab may change: %', NEW.type, coalesce(v_login, '(none)')
            USING ERRCODE = '42501', HINT = 'staff logins never start with pg_ or citylab_';
    END IF;
    SELECT rolname, rolsuper, rolcanlogin INTO v_role FROM pg_catalog.pg_roles WHERE rolname = v_login;
    IF FOUND AND v_role.rolsuper AND NOT (NEW.type = 'StaffAdded' AND NOT EXISTS (
            SELECT 1 FROM events
            WHERE type IN ('StaffAdded', 'StaffRoleGranted', 'StaffRoleRevoked', 'StaffDisabled') AND position < NEW.position)) THEN
        RAISE EXCEPTION '% is a superuser: citylab does not manage it as staff', v_login
            USING ERRCODE = '42501', HINT = 'give staff logins of their own; a superuser needs no role of work';
    END IF;

    IF NEW.type = 'StaffAdded' THEN
        IF v_role.rolname IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', v_login);
        ELSIF NOT v_role.rolsuper AND NOT v_role.rolcanlogin THEN
            EXECUTE format('ALTER ROLE %I LOGIN', v_login);
        END IF;
        SELECT coalesce(array_agg('citylab_' || r), '{}') INTO v_wanted FROM jsonb_array_elements_text(NEW.data->'roles') AS r;
        FOREACH v_work IN ARRAY ARRAY['citylab_organizer', 'citylab_placements', 'citylab_desk', 'citylab_auditor', 'citylab_admin'] LOOP
            IF v_work = ANY (v_wanted) THEN
                PERFORM citylab_staff_grant(v_work, v_login);
            ELSE
                PERFORM citylab_staff_revoke(v_work, v_login);
            END IF;
        END LOOP;
        IF EXISTS (SELECT 1 FROM unnest(v_wanted) AS w
                   WHERE w NOT IN ('citylab_organizer', 'citylab_placements', 'citylab_desk', 'citylab_auditor', 'citylab_admin')) THEN
            RAISE EXCEPTION 'StaffAdded for % names a role that is not a role of work', v_login USING ERRCODE = '22023';
        END IF;
    ELSIF NEW.type = 'StaffRoleGranted' THEN
        PERFORM citylab_staff_grant(citylab_staff_work_role(NEW.data->>'role'), v_login);
    ELSIF NEW.type = 'StaffRoleRevoked' THEN
        PERFORM citylab_staff_revoke(citylab_staff_work_role(NEW.data->>'role'), v_login);
    ELSIF NEW.type = 'StaffDisabled' THEN
        IF v_role.rolname IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', v_login);
            FOR v_group IN
                SELECT g.rolname FROM pg_catalog.pg_auth_members m
                JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                JOIN pg_catalog.pg_roles u ON u.oid = m.member
                WHERE u.rolname = v_login AND g.rolname LIKE 'citylab\_%'
            LOOP
                PERFORM citylab_staff_revoke(v_group.rolname, v_login);
            END LOOP;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- The group role of a role of work named in an event; refuses any other name.
CREATE OR REPLACE FUNCTION citylab_staff_work_role(p_role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_role IS NULL OR p_role NOT IN ('organizer', 'placements', 'desk', 'auditor', 'admin') THEN
        RAISE EXCEPTION 'a staff event names an unknown role of work: %', coalesce(p_role, '(none)') USING ERRCODE = '22023';
    END IF;
    RETURN 'citylab_' || p_role;
END
$$;

-- Membership of `p_login` in `p_group`, made only where missing (no notice on a repeat).
CREATE OR REPLACE FUNCTION citylab_staff_grant(p_group text, p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_auth_members m
        WHERE m.roleid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = p_group)
          AND m.member = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = p_login)) THEN
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
END
$$;

-- Ends the membership of `p_login` in `p_group` where it exists; fails rather than leave it
-- (a grant this role may not revoke, e.g. one a superuser made by hand).
CREATE OR REPLACE FUNCTION citylab_staff_revoke(p_group text, p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_group oid := (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = p_group);
    v_login oid := (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = p_login);
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members WHERE roleid = v_group AND member = v_login) THEN
        EXECUTE format('REVOKE %I FROM %I', p_group, p_login);
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members WHERE roleid = v_group AND member = v_login) THEN
            RAISE EXCEPTION 'could not revoke % from %', p_group, p_login
                USING ERRCODE = '42501', HINT = 'a superuser granted it outside citylab: revoke it by hand';
        END IF;
    END IF;
END
$$;

-- Pinned search paths: the functions run with the migrating role's rights, so no caller's
-- schema may shadow what they call (the events table lives in the schema this ran in).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION citylab_staff_apply() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION citylab_staff_work_role(text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION citylab_staff_grant(text, text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION citylab_staff_revoke(text, text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION citylab_staff_apply() FROM PUBLIC;
REVOKE ALL ON FUNCTION citylab_staff_grant(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION citylab_staff_revoke(text, text) FROM PUBLIC;

CREATE OR REPLACE TRIGGER events_staff_apply AFTER INSERT ON events
    FOR EACH ROW WHEN (NEW.type IN ('StaffAdded', 'StaffRoleGranted', 'StaffRoleRevoked', 'StaffDisabled'))
    EXECUTE FUNCTION citylab_staff_apply();

-- Sets a staff login's password (for TCP logins, scram-sha-256), in the caller's transaction:
-- `staff add --password-file` calls it right after its append. Takes only a SCRAM verifier,
-- computed by the client (libpq's PQencryptPasswordConn), so the password itself never reaches
-- the server, its logs or an error. Admins only (42501 otherwise); only a login the log holds
-- as staff that may log in, never a superuser or a reserved name.
CREATE OR REPLACE FUNCTION citylab_staff_set_password(p_login text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_last  text;
BEGIN
    IF NOT pg_catalog.pg_has_role(session_user, 'citylab_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'setting a staff password needs the admin role' USING ERRCODE = '42501',
            HINT = 'an admin grants it with ''citylab staff grant LOGIN admin''';
    END IF;
    IF p_verifier IS NULL OR p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'a staff password is set only from a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
    SELECT type INTO v_last FROM events WHERE stream = 'staff-' || p_login ORDER BY version DESC LIMIT 1;
    IF v_last IS NULL OR v_last = 'StaffDisabled' THEN
        RAISE EXCEPTION '% is not a staff login that may log in', p_login USING ERRCODE = '42501',
            HINT = 'add it first with ''citylab staff add''';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login AND rolsuper) THEN
        RAISE EXCEPTION '% is a superuser: citylab does not set its password', p_login USING ERRCODE = '42501';
    END IF;
    BEGIN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
    EXCEPTION WHEN OTHERS THEN
        -- Re-raised without the statement, which holds the verifier.
        RAISE EXCEPTION 'could not set the password of %', p_login USING ERRCODE = '42501';
    END;
END
$$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION citylab_staff_set_password(text, text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION citylab_staff_set_password(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION citylab_staff_set_password(text, text) TO citylab_admin;
