-- citylab event store, migration 9: a batch's rows reach the log in one checked call, not
-- through a staging table. Runs inside one transaction; safe to run twice. Never edit once
-- shipped: add the next migration instead.
--
-- Migration 5 sent a COPY batch into a session TEMP staging table that citylab_append_close
-- checked, copied into the log with INSERT … SELECT and deleted: every row written twice, the
-- log's insert started only after the last row arrived, the staging table emptied again at
-- commit. Measured with `citylab-bench append` that halved the 100-event rate. Now:
--   * citylab_append_open no longer creates the staging table (it locks the head, answers a
--     known command id, checks the streams only read and the head, as before);
--   * citylab_append_rows takes the batch the client hashed (streams, types and payloads one per
--     line, as citylab_append takes them; versions and schemas as arrays; the hashes as one
--     bytea, 32 bytes per event; the meta once, shared by every event) and, under the head lock,
--     checks the types' authority once and the meta's login once, inserts every row in ONE
--     INSERT … SELECT (positions after the head, the batch's stamp), then calls migration 3's
--     close, which checks they continue the head, moves it, records the command and notifies.
--     One round trip for what took three (COPY start, data, close), no second copy of a row;
--   * the stamp may not go back: it is never earlier than the head's (open's answer is
--     greatest(clock, head), the client sends it back).

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
    SELECT * INTO o_position, o_hash, o_stamp, o_known FROM citylab_append_open_unchecked(p_command_id, p_read_streams, p_read_versions);
    IF o_known IS NULL THEN
        PERFORM citylab_check_head();
    END IF;
END
$$;

-- p_first: the first position (the head's + 1); p_stamp: open's stamp; p_streams, p_types,
-- p_data: one line per event; p_versions, p_schemas: one element per event; p_hashes: each
-- event's hash in order, 32 bytes each, the last one the new head's; p_meta: every event's meta.
CREATE OR REPLACE FUNCTION citylab_append_rows(
    p_first             bigint,
    p_stamp             text,
    p_streams           text,
    p_versions          integer[],
    p_types             text,
    p_schemas           integer[],
    p_data              text,
    p_hashes            bytea,
    p_meta              text,
    p_command_id        text,
    p_result            text
) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    n           integer := coalesce(array_length(p_versions, 1), 0);
    v_head      log_head%ROWTYPE;
    v_stamp     timestamptz := p_stamp::timestamptz;
    v_meta      jsonb := p_meta::jsonb;
    v_inserted  bigint;
BEGIN
    -- Held since open in this transaction (taken again here costs nothing then); a call
    -- without open waits for it like any append and checks the head itself.
    SELECT * INTO v_head FROM log_head WHERE singleton FOR UPDATE;
    PERFORM citylab_check_head();
    IF n = 0 OR length(p_hashes) <> 32 * n OR p_first <> v_head.position + 1 THEN
        RAISE EXCEPTION 'citylab_append_rows: % events, % hash bytes, first position % after head %',
            n, length(p_hashes), p_first, v_head.position USING ERRCODE = '22023';
    END IF;
    IF v_stamp < v_head.recorded_at THEN
        RAISE EXCEPTION 'citylab_append_rows: the stamp % is before the head''s %', p_stamp, v_head.recorded_at
            USING ERRCODE = '22023';
    END IF;
    PERFORM citylab_check_authority(string_to_array(p_types, E'\n'));
    PERFORM citylab_check_login(v_meta ->> 'login');
    INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
    SELECT p_first + u.ord - 1, u.stream, u.version, u.type, u.schema, u.data::jsonb, v_meta, v_stamp,
           substring(p_hashes FROM (u.ord::integer - 1) * 32 + 1 FOR 32)
    FROM ROWS FROM (string_to_table(p_streams, E'\n'), unnest(p_versions), string_to_table(p_types, E'\n'),
                    unnest(p_schemas), string_to_table(p_data, E'\n')) WITH ORDINALITY
         AS u(stream, version, type, schema, data, ord);
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted <> n THEN
        RAISE EXCEPTION 'citylab_append_rows: % versions but % rows', n, v_inserted USING ERRCODE = '22023';
    END IF;
    PERFORM citylab_append_close_unchecked(
        p_first, p_first + n - 1, substring(p_hashes FROM 32 * n - 31 FOR 32), p_stamp, p_command_id, p_result);
END
$$;

DO $$
DECLARE
    v_path  text := format('%I, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION citylab_append_open(text, text[], integer[]) SET search_path = %s', v_path);
    EXECUTE format('ALTER FUNCTION citylab_append_rows(bigint, text, text, integer[], text, integer[], text, bytea, text, text, text) SET search_path = %s', v_path);
END
$$;
ALTER FUNCTION citylab_append_open(text, text[], integer[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION citylab_append_rows(bigint, text, text, integer[], text, integer[], text, bytea, text, text, text)
    SET plan_cache_mode = force_generic_plan;
REVOKE EXECUTE ON FUNCTION citylab_append_rows(bigint, text, text, integer[], text, integer[], text, bytea, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION citylab_append_rows(bigint, text, text, integer[], text, integer[], text, bytea, text, text, text)
    TO citylab_organizer, citylab_placements, citylab_desk, citylab_admin;

-- Migration 5's close moved a staging table that open no longer creates: gone, with its grant.
DROP FUNCTION IF EXISTS citylab_append_close(bigint, bigint, bytea, text, text, text);
