-- citylab event store, migration 5: roles of work, enforced by the database. Runs inside one
-- transaction; safe to run twice. Never edit once shipped: add the next migration instead.
--
--   * group roles (NOLOGIN, cluster-wide, so created only when missing; two databases migrating
--     at once may race, and the loser's duplicate is ignored): the five roles of work, the
--     projector (writes read models and checkpoints; granted to the roles that write, so their
--     CLI writes catch the read models up) and the reader (reads read models; `serve` reads as it);
--   * the log, its head, the command records and the authority table can be written by no role
--     but their owner: every append goes through SECURITY DEFINER wrappers owned by the role
--     that migrates, with a pinned search_path, that check and then call migrations 3 and 4's
--     functions (no longer callable by anyone else);
--   * the checks, once per append: every event type is one that a role the authenticated login
--     (session_user) is a member of may append (table event_authority, filled by `db migrate`
--     from EventAuthority.roles); every event's meta records that login; the head is the last
--     event (position and hash). All under the head lock, so a role revoked by an append that
--     committed first is no longer held. A refusal raises 42501 (not permitted) or CL500 (the
--     log is damaged) and writes nothing;
--   * a COPY batch goes into a session-private staging table (created by the open function,
--     owned by this migration's role, INSERT granted to the session's login) that the close
--     function checks and moves into the log.

DO $$
DECLARE
    v_role  text;
BEGIN
    FOREACH v_role IN ARRAY ARRAY['citylab_organizer', 'citylab_placements', 'citylab_desk', 'citylab_auditor', 'citylab_admin',
                                  'citylab_projector', 'citylab_reader'] LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role);
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', v_role);
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'creating the role % needs the CREATEROLE right, which % lacks', v_role, current_user
                    USING ERRCODE = '42501',
                          HINT = 'run ''citylab db migrate'' as a role with CREATEROLE (ALTER ROLE … CREATEROLE), or have it create the citylab_ roles first';
        END;
    END LOOP;
END
$$;

-- Memberships, granted only when missing (a role without CREATEROLE may migrate another
-- database once they exist).
DO $$
DECLARE
    v_grant record;
BEGIN
    FOR v_grant IN
        SELECT g.parent, g.member
        FROM (VALUES ('citylab_projector', 'citylab_organizer'), ('citylab_projector', 'citylab_placements'),
                     ('citylab_projector', 'citylab_desk'), ('citylab_projector', 'citylab_admin'),
                     ('citylab_reader', 'citylab_organizer'), ('citylab_reader', 'citylab_placements'),
                     ('citylab_reader', 'citylab_desk'), ('citylab_reader', 'citylab_auditor'),
                     ('citylab_reader', 'citylab_admin'), ('citylab_reader', 'citylab_projector')) AS g(parent, member)
        WHERE NOT EXISTS (
            SELECT 1 FROM pg_auth_members m
            WHERE m.roleid = g.parent::regrole AND m.member = g.member::regrole)
    LOOP
        BEGIN
            EXECUTE format('GRANT %I TO %I', v_grant.parent, v_grant.member);
        EXCEPTION
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'granting % to % needs the CREATEROLE right, which % lacks', v_grant.parent, v_grant.member, current_user
                    USING ERRCODE = '42501', HINT = 'run ''citylab db migrate'' as a role with CREATEROLE';
        END;
    END LOOP;
END
$$;

-- Which roles of work may append each event type (the policy is spelled once, in Swift's
-- EventAuthority.roles; `db migrate` makes this table equal to it).
CREATE TABLE IF NOT EXISTS event_authority (
    type    text    NOT NULL,
    role    text    NOT NULL CHECK (role LIKE 'citylab\_%'),
    PRIMARY KEY (type, role)
);

-- The log, its head and the command records: read by the staff roles, written by no one but
-- their owner (the append path below runs as the owner).
REVOKE ALL ON events, log_head, commands, event_authority, citylab_migrations FROM PUBLIC;
GRANT SELECT ON events, log_head, commands, event_authority, citylab_migrations
    TO citylab_organizer, citylab_placements, citylab_desk, citylab_auditor, citylab_admin, citylab_projector;
-- Whoever reads (serve, as citylab_reader) checks the schema version and may show the head.
GRANT SELECT ON log_head, citylab_migrations TO citylab_reader;

-- Migrations 3 and 4's functions stay as they are, renamed: only the wrappers call them.
DO $$
BEGIN
    IF to_regprocedure('citylab_append_unchecked(text, text[], integer[], text, integer[], text, integer[], text, text, text)') IS NULL THEN
        ALTER FUNCTION citylab_append(text, text[], integer[], text, integer[], text, integer[], text, text, text)
            RENAME TO citylab_append_unchecked;
    END IF;
    IF to_regprocedure('citylab_append_open_unchecked(text, text[], integer[])') IS NULL THEN
        ALTER FUNCTION citylab_append_open(text, text[], integer[]) RENAME TO citylab_append_open_unchecked;
    END IF;
    IF to_regprocedure('citylab_append_close_unchecked(bigint, bigint, bytea, text, text, text)') IS NULL THEN
        ALTER FUNCTION citylab_append_close(bigint, bigint, bytea, text, text, text) RENAME TO citylab_append_close_unchecked;
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION citylab_append_unchecked(text, text[], integer[], text, integer[], text, integer[], text, text, text),
    citylab_append_open_unchecked(text, text[], integer[]),
    citylab_append_close_unchecked(bigint, bigint, bytea, text, text, text),
    citylab_check_read(text[], integer[]) FROM PUBLIC;

-- Every type in p_types may be appended by a role session_user is a member of (superusers are
-- members of every role); raises 42501 naming the first type refused and the roles it needs.
CREATE OR REPLACE FUNCTION citylab_check_authority(p_types text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_refused   text;
    v_needed    text;
BEGIN
    SELECT t.type INTO v_refused
    FROM (SELECT DISTINCT unnest(p_types) AS type) t
    WHERE NOT EXISTS (
        SELECT 1 FROM event_authority a WHERE a.type = t.type AND pg_has_role(session_user, a.role, 'MEMBER'))
    LIMIT 1;
    IF FOUND THEN
        SELECT string_agg(a.role, ' or ' ORDER BY a.role) INTO v_needed FROM event_authority a WHERE a.type = v_refused;
        IF v_needed IS NULL THEN
            RAISE EXCEPTION 'no role may append events of type %', v_refused
                USING ERRCODE = '42501', DETAIL = 'needed: none (the type is not in event_authority)';
        END IF;
        RAISE EXCEPTION 'appending % needs the role %, which login % does not hold', v_refused, v_needed, session_user
            USING ERRCODE = '42501', DETAIL = 'needed: ' || v_needed;
    END IF;
END
$$;

-- The head must be the last event (position and hash), else the log was damaged (a row
-- inserted past the append path, a head moved or overwritten): raises CL500. One statement
-- reads both, so it sees them in one snapshot.
CREATE OR REPLACE FUNCTION citylab_check_head() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_state record;
BEGIN
    SELECT h.position AS head_position, h.hash AS head_hash, e.position AS last_position, e.hash AS last_hash INTO v_state
    FROM log_head h
    LEFT JOIN LATERAL (SELECT position, hash FROM events ORDER BY position DESC LIMIT 1) e ON true
    WHERE h.singleton;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the log is damaged: the head row is missing' USING ERRCODE = 'CL500';
    END IF;
    IF v_state.head_position IS DISTINCT FROM coalesce(v_state.last_position, 0) THEN
        RAISE EXCEPTION 'the log is damaged: the head says position % but the last event is at position %',
            v_state.head_position, coalesce(v_state.last_position, 0) USING ERRCODE = 'CL500';
    END IF;
    IF v_state.last_position IS NOT NULL AND v_state.head_hash IS DISTINCT FROM v_state.last_hash THEN
        RAISE EXCEPTION 'the log is damaged: the head''s hash differs from the hash of the last event (position %)',
            v_state.last_position USING ERRCODE = 'CL500';
    END IF;
END
$$;

-- The meta must record the authenticated login, taken here (session_user), never the client's word.
CREATE OR REPLACE FUNCTION citylab_check_login(p_login text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_login IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'an event''s meta must record login % (the authenticated session), not %', session_user, coalesce(p_login, 'none')
            USING ERRCODE = '42501';
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION citylab_check_authority(text[]), citylab_check_head(), citylab_check_login(text) FROM PUBLIC;

-- The append path of migration 3 (same arguments, same answer), checked first under the head lock.
CREATE OR REPLACE FUNCTION citylab_append(
    p_command_id        text,
    p_read_streams      text[],
    p_read_versions     integer[],
    p_streams           text,
    p_versions          integer[],
    p_types             text,
    p_schemas           integer[],
    p_data              text,
    p_meta              text,
    p_result            text
) RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    -- The head lock first: the roles are checked as they stand when this append takes its
    -- position (a revoke committed while it waited counts; the role cache is refreshed when the
    -- authority table is first opened, after the wait), and the head in a snapshot taken after it.
    PERFORM 1 FROM log_head WHERE singleton FOR UPDATE;
    PERFORM citylab_check_head();
    PERFORM citylab_check_authority(string_to_array(p_types, E'\n'));
    PERFORM citylab_check_login(p_meta::jsonb ->> 'login');
    RETURN citylab_append_unchecked(
        p_command_id, p_read_streams, p_read_versions, p_streams, p_versions, p_types, p_schemas, p_data, p_meta, p_result);
END
$$;

-- A COPY batch's open (migration 3's answer): creates the session's staging table once, then
-- locks the head as before and checks it is the last event.
CREATE OR REPLACE FUNCTION citylab_append_open(
    p_command_id        text,
    p_read_streams      text[],
    p_read_versions     integer[],
    OUT o_position      bigint,
    OUT o_hash          bytea,
    OUT o_stamp         text,
    OUT o_known         text
) LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF to_regclass('pg_temp.citylab_append_staging') IS NULL THEN
        CREATE TEMP TABLE citylab_append_staging (
            position bigint, stream text, version integer, type text, schema smallint, data jsonb, meta jsonb,
            recorded_at timestamptz, hash bytea) ON COMMIT DELETE ROWS;
        GRANT INSERT ON pg_temp.citylab_append_staging TO SESSION_USER;
    END IF;
    SELECT * INTO o_position, o_hash, o_stamp, o_known FROM citylab_append_open_unchecked(p_command_id, p_read_streams, p_read_versions);
    IF o_known IS NULL THEN
        PERFORM citylab_check_head();
    END IF;
END
$$;

-- A COPY batch's close: the staged rows (this session's, in a table this role owns) must be of
-- types the login may append, record the login, and carry the batch's stamp; they move into
-- the log, then migration 3's close checks they continue the head and moves it.
CREATE OR REPLACE FUNCTION citylab_append_close(
    p_first             bigint,
    p_last              bigint,
    p_hash              bytea,
    p_stamp             text,
    p_command_id        text,
    p_result            text
) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_types     text[];
    v_odd       record;
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_class c
        WHERE c.oid = to_regclass('pg_temp.citylab_append_staging') AND c.relkind = 'r' AND c.relowner = current_user::regrole)
    THEN
        RAISE EXCEPTION 'citylab_append_close: no staging table of the append path in this session'
            USING ERRCODE = '42501', HINT = 'call citylab_append_open first, in the same transaction';
    END IF;
    SELECT array_agg(DISTINCT s.type) INTO v_types FROM pg_temp.citylab_append_staging s;
    PERFORM citylab_check_authority(coalesce(v_types, '{}'));
    SELECT s.meta ->> 'login' AS login, s.recorded_at INTO v_odd
    FROM pg_temp.citylab_append_staging s
    WHERE s.meta ->> 'login' IS DISTINCT FROM session_user::text OR s.recorded_at IS DISTINCT FROM p_stamp::timestamptz
    LIMIT 1;
    IF FOUND THEN
        PERFORM citylab_check_login(v_odd.login);
        RAISE EXCEPTION 'citylab_append_close: a staged event is stamped %, not the batch''s %', v_odd.recorded_at, p_stamp
            USING ERRCODE = '22023';
    END IF;
    INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
    SELECT s.position, s.stream, s.version, s.type, s.schema, s.data, s.meta, s.recorded_at, s.hash
    FROM pg_temp.citylab_append_staging s;
    DELETE FROM pg_temp.citylab_append_staging;
    PERFORM citylab_append_close_unchecked(p_first, p_last, p_hash, p_stamp, p_command_id, p_result);
END
$$;

-- Pinned search path (this schema, then the session's temporary one last), plans kept as
-- migration 4 keeps them, and callable only by the roles that write.
DO $$
DECLARE
    v_path  text := format('%I, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION citylab_append(text, text[], integer[], text, integer[], text, integer[], text, text, text) SET search_path = %s', v_path);
    EXECUTE format('ALTER FUNCTION citylab_append_open(text, text[], integer[]) SET search_path = %s', v_path);
    EXECUTE format('ALTER FUNCTION citylab_append_close(bigint, bigint, bytea, text, text, text) SET search_path = %s', v_path);
END
$$;
ALTER FUNCTION citylab_append_open(text, text[], integer[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION citylab_append_close(bigint, bigint, bytea, text, text, text) SET plan_cache_mode = force_generic_plan;
REVOKE EXECUTE ON FUNCTION citylab_append(text, text[], integer[], text, integer[], text, integer[], text, text, text),
    citylab_append_open(text, text[], integer[]),
    citylab_append_close(bigint, bigint, bytea, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION citylab_append(text, text[], integer[], text, integer[], text, integer[], text, text, text),
    citylab_append_open(text, text[], integer[]),
    citylab_append_close(bigint, bigint, bytea, text, text, text)
    TO citylab_organizer, citylab_placements, citylab_desk, citylab_admin;

-- Read models: written only by citylab_projector, read by citylab_reader (which every staff
-- role is a member of). Their tables come with later migrations (100 on) or with a rebuild, so
-- this sets a table's owner and grants; `db migrate` and the rebuild call it for each.
-- Tables are created in this schema by the projector (rebuild's shadow copies).
CREATE OR REPLACE FUNCTION citylab_read_model_privileges(p_table text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I OWNER TO citylab_projector', p_table);
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', p_table);
    EXECUTE format('GRANT SELECT ON %I TO citylab_reader', p_table);
END
$$;
DO $$
BEGIN
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO citylab_projector', current_schema());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO citylab_reader, citylab_organizer, citylab_placements, citylab_desk, citylab_auditor, citylab_admin', current_schema());
END
$$;
