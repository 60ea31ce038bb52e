-- citylab event store, migration 2: a leaner citylab_append. Runs inside one transaction;
-- safe to run twice. Never edit once shipped: add the next migration instead.
--
-- Same checks and the same bytes in the log as migration 1's; less work per call:
--   * the per-event summary (type, stream, version, position) is no longer built here: the
--     caller knows every event's stream, version and type, and position = first + index;
--   * the result comes back as two columns (position, and a duplicate's stored result),
--     not a JSON document built here and parsed by the caller;
--   * the recorded_at stamp is formatted inline (calling the SQL function citylab_instant
--     from plpgsql plans its body again in every transaction);
--   * a single event is hashed and inserted without unnesting arrays;
--   * only streams the decision read but does not write are checked by a query. A written
--     stream needs none: versions never go down, so if it moved since it was read, the
--     version this append gives its next event exists already and the UNIQUE (stream,
--     version) index refuses the insert (the caller reports that as a conflict too).
DROP FUNCTION IF EXISTS citylab_append(text, text[], integer[], text[], integer[], text[], integer[], text[], text, jsonb);

-- Append a command's events in one step (one round trip, one transaction): lock the head,
-- answer a known command id with its first result, check the streams only read, insert the events with gap-free positions and the
-- hash chain, move the head, record the command, notify. The caller numbers each event's
-- stream version from the version it read (every written stream was read), and passes in
-- p_read_streams / p_read_versions the streams it read without writing them.
-- p_data and p_meta must be canonical JSON (events/README.md); the hash covers them as given.
-- p_result is stored for the command id with the last position added.
-- Returns the last position (the head's when there are no events) and, for a command id that
-- committed before, that first result (nothing is written then). Raises CL409 (conflict)
-- when a stream moved since it was read.
CREATE OR REPLACE FUNCTION citylab_append(
    p_command_id        text,
    p_read_streams      text[],
    p_read_versions     integer[],
    p_streams           text[],
    p_versions          integer[],
    p_types             text[],
    p_schemas           integer[],
    p_data              text[],
    p_meta              text,
    p_result            text,
    OUT o_position      bigint,
    OUT o_duplicate     text
) LANGUAGE plpgsql AS $$
DECLARE
    v_head      log_head%ROWTYPE;
    v_moved     record;
    v_now       timestamptz;
    v_stamp     text;
    v_hash      bytea;
    v_hashes    bytea[] := '{}';
    v_event     record;
    n           integer := coalesce(array_length(p_streams, 1), 0);
BEGIN
    SELECT * INTO v_head FROM log_head WHERE singleton FOR UPDATE;

    IF p_command_id IS NOT NULL THEN
        SELECT result::text, position INTO o_duplicate, o_position FROM commands WHERE command_id = p_command_id;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;

    IF coalesce(array_length(p_read_streams, 1), 0) > 0 THEN
        SELECT e.stream, e.expected, coalesce(m.actual, 0) AS actual INTO v_moved
        FROM unnest(p_read_streams, p_read_versions) AS e(stream, expected)
        LEFT JOIN LATERAL (SELECT max(version) AS actual FROM events WHERE events.stream = e.stream) m ON true
        WHERE coalesce(m.actual, 0) <> e.expected
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'stream % is at version %, expected %', v_moved.stream, v_moved.actual, v_moved.expected
                USING ERRCODE = 'CL409';
        END IF;
    END IF;

    -- timestamptz keeps microseconds, exactly what the stamp spells, so v_now needs no rounding.
    v_now := greatest(clock_timestamp(), v_head.recorded_at);
    v_stamp := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    v_hash := v_head.hash;
    o_position := v_head.position + n;

    IF n = 1 THEN
        v_hash := sha256(v_hash || convert_to(
            'citylab-event-v1' || E'\n' || o_position || E'\n' || p_streams[1] || E'\n' || p_versions[1]
            || E'\n' || p_types[1] || E'\n' || p_schemas[1] || E'\n' || v_stamp
            || E'\n' || p_data[1] || E'\n' || p_meta, 'UTF8'));
        INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
        VALUES (o_position, p_streams[1], p_versions[1], p_types[1], p_schemas[1], p_data[1]::jsonb, p_meta::jsonb, v_now, v_hash);
    ELSIF n > 1 THEN
        -- Walk the batch as a row set: subscripting p_data[i] on a flat array costs O(i),
        -- which made big batches quadratic.
        FOR v_event IN
            SELECT u.stream, u.version, u.type, u.schema, u.data, u.ord
            FROM unnest(p_streams, p_versions, p_types, p_schemas, p_data) WITH ORDINALITY
                 AS u(stream, version, type, schema, data, ord)
            ORDER BY u.ord
        LOOP
            v_hash := sha256(v_hash || convert_to(
                'citylab-event-v1' || E'\n' || (v_head.position + v_event.ord) || E'\n' || v_event.stream
                || E'\n' || v_event.version || E'\n' || v_event.type || E'\n' || v_event.schema || E'\n' || v_stamp
                || E'\n' || v_event.data || E'\n' || p_meta, 'UTF8'));
            v_hashes := v_hashes || v_hash;
        END LOOP;
        INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
        SELECT v_head.position + u.ord, u.stream, u.version, u.type, u.schema, u.data::jsonb, p_meta::jsonb, v_now, u.hash
        FROM unnest(p_streams, p_versions, p_types, p_schemas, p_data, v_hashes) WITH ORDINALITY
             AS u(stream, version, type, schema, data, hash, ord);
    END IF;

    IF n > 0 THEN
        UPDATE log_head SET position = o_position, hash = v_hash, recorded_at = v_now WHERE singleton;
        PERFORM pg_notify('citylab_events', o_position::text);
    END IF;

    IF p_command_id IS NOT NULL THEN
        INSERT INTO commands (command_id, position, result, recorded_at)
        VALUES (p_command_id, o_position, coalesce(p_result, '{}')::jsonb || jsonb_build_object('position', o_position), v_now);
    END IF;
END
$$;
