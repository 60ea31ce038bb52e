-- citylab event store, migration 8: which logins citylab created is known to the whole server.
-- Runs inside one transaction; safe to run twice. Never edit once shipped: add the next one.
--
-- Roles are shared by every database of a server, but migration 7 remembered the logins it
-- created in one database's table: a login created and disabled through one database's log
-- (or a test run's) could not be brought back through another's, being a role that cannot log
-- in that this database never saw. A login citylab creates now carries the role comment
-- 'citylab staff login' (shared, like the role; only roles with CREATEROLE can set comments);
-- such a login may be brought back after a disable and given a password from any database.

-- Whether citylab created `p_login`: the shared comment, or this database's record (migration 7).
CREATE OR REPLACE FUNCTION citylab_staff_created(p_login text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce((SELECT pg_catalog.shobj_description(r.oid, 'pg_authid') = 'citylab staff login'
                     FROM pg_catalog.pg_roles r WHERE r.rolname = p_login), false)
        OR EXISTS (SELECT 1 FROM citylab_staff_logins WHERE login = p_login AND created)
$$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION citylab_staff_created(text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION citylab_staff_created(text) FROM PUBLIC;

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
            EXECUTE format('COMMENT ON ROLE %I IS %L', v_login, 'citylab staff login');
            INSERT INTO citylab_staff_logins (login, created, position) VALUES (v_login, true, NEW.position)
            ON CONFLICT (login) DO UPDATE SET created = true, position = EXCLUDED.position;
        ELSIF NOT v_role.rolsuper AND NOT v_role.rolcanlogin THEN
            IF NOT citylab_staff_created(v_login) AND NOT EXISTS (SELECT 1 FROM citylab_staff_logins WHERE login = v_login) THEN
                RAISE EXCEPTION 'the role % exists and cannot log in: citylab adopts only logins', v_login
                    USING ERRCODE = '42501',
                          HINT = 'choose another name for the staff login; a group role of another application is not staff';
            END IF;
            EXECUTE format('ALTER ROLE %I LOGIN', v_login);
        ELSE
            INSERT INTO citylab_staff_logins (login, created, position) VALUES (v_login, false, NEW.position)
            ON CONFLICT (login) DO NOTHING;
        END IF;
        SELECT coalesce(array_agg('citylab_' || r), '{}') INTO v_wanted FROM jsonb_array_elements_text(NEW.data->'roles') AS r;
        IF EXISTS (SELECT 1 FROM unnest(v_wanted) AS w
                   WHERE w NOT IN ('citylab_organizer', 'citylab_placements', 'citylab_desk', 'citylab_auditor', 'citylab_admin')) THEN
            RAISE EXCEPTION 'StaffAdded for % names a role that is not a role of work', v_login USING ERRCODE = '22023';
        END IF;
        FOREACH v_work IN ARRAY ARRAY['citylab_organizer', 'citylab_placements', 'citylab_desk', 'citylab_auditor', 'citylab_admin'] LOOP
            IF v_work = ANY (v_wanted) THEN
                PERFORM citylab_staff_grant(v_work, v_login);
            ELSE
                PERFORM citylab_staff_revoke(v_work, v_login);
            END IF;
        END LOOP;
    ELSIF NEW.type = 'StaffRoleGranted' THEN
        PERFORM citylab_staff_grant(citylab_staff_work_role(NEW.data->>'role'), v_login);
    ELSIF NEW.type = 'StaffRoleRevoked' THEN
        PERFORM citylab_staff_revoke(citylab_staff_work_role(NEW.data->>'role'), v_login);
    ELSIF NEW.type = 'StaffDisabled' THEN
        IF v_role.rolname IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', v_login);
            INSERT INTO citylab_staff_logins (login, created, position) VALUES (v_login, false, NEW.position)
            ON CONFLICT (login) DO NOTHING;
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
    IF NOT citylab_staff_created(p_login) THEN
        RAISE EXCEPTION 'the login % was not created by citylab: its password is its owner''s to set', p_login
            USING ERRCODE = '42501', HINT = 'leave --password-file out; the login keeps the password it has';
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
    EXECUTE format('ALTER FUNCTION citylab_staff_apply() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION citylab_staff_set_password(text, text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION citylab_staff_apply() FROM PUBLIC;
REVOKE ALL ON FUNCTION citylab_staff_set_password(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION citylab_staff_set_password(text, text) TO citylab_admin;
