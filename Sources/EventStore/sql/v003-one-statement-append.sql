-- citylab event store, migration 3: a cheaper citylab_append. Runs inside one transaction;
-- safe to run twice. Never edit once shipped: add the next migration instead.
--
-- Same checks, same head lock, the same bytes in the log as migrations 1 and 2; less work
-- per call (measured with `citylab-bench append`, see events/README.md):
--   * a single event takes the head lock, computes its stamp and hash, moves the head and is
--     inserted by ONE statement: an UPDATE of log_head (which locks the row and, when it had
--     to wait, re-reads the committed head) feeding an INSERT. Migration 2 needed three
--     statements (SELECT … FOR UPDATE, INSERT, UPDATE), each planned and started apart;
--   * streams, types and payloads arrive as newline-joined text, not text[]: array
--     literals of JSON escape every quote, on both sides. Canonical JSON, stream names and
--     event types never hold a newline (the client checks; the events table's CHECKs too);
--   * the answer is one text: the last position, or a known command id's stored result
--     (a JSON object, so it starts with '{'); no OUT-parameter row to build;
--   * NOTIFY is an expression, not a PERFORM (a query planned and started per call);
--   * a batch of many events (the caller picks the size) is hashed by the caller and sent
--     with COPY between citylab_append_open and citylab_append_close, one transaction that
--     holds the head lock throughout: no row-by-row loop here, and the server inserts while
--     the caller hashes the next rows;
--   * a known command id is looked up before the lock. Two racing calls with one new id
--     both pass that look-up; the second then fails on the commands primary key, after the
--     first committed, and the caller answers with the stored result.
DROP FUNCTION IF EXISTS citylab_append(text, text[], integer[], text[], integer[], text[], integer[], text[], text, text);

-- The streams a decision read without writing them must be where it read them. Called under
-- the head lock, with a snapshot taken after it; raises CL409 (conflict) naming the first that moved.
CREATE OR REPLACE FUNCTION citylab_check_read(p_read_streams text[], p_read_versions integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_moved     record;
BEGIN
    SELECT e.stream, e.expected, coalesce(m.actual, 0) AS actual INTO v_moved
    FROM unnest(p_read_streams, p_read_versions) AS e(stream, expected)
    LEFT JOIN LATERAL (SELECT max(version) AS actual FROM events WHERE events.stream = e.stream) m ON true
    WHERE coalesce(m.actual, 0) <> e.expected
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'stream % is at version %, expected %', v_moved.stream, v_moved.actual, v_moved.expected
            USING ERRCODE = 'CL409';
    END IF;
END
$$;

-- Append a command's events in one transaction: answer a known command id with its first
-- result, lock the head, insert the events with gap-free positions and the hash chain, move
-- the head, check the streams only read, record the command, notify.
-- p_streams, p_types, p_data: one line per event ('\n' between them); p_versions and
-- p_schemas: one element per event. The caller numbers each event's stream version from the
-- version it read (a written stream that moved since is refused by the UNIQUE (stream,
-- version) index); p_read_streams / p_read_versions are the streams it read without writing.
-- p_data and p_meta must be canonical JSON (events/README.md); the hash covers them as given.
-- p_result is stored for the command id with the last position added.
-- Returns the last position (the head's when there are no events) as text, or a command
-- id's stored result (JSON, starting with '{') when it committed before: nothing is written then.
-- Raises CL409 (conflict) when a stream only read moved since it was read.
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
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_head      log_head%ROWTYPE;
    v_known     text;
    v_position  bigint;
    v_now       timestamptz;
    v_clock     timestamptz;
    v_stamp     text;
    v_hash      bytea;
    v_hashes    bytea[] := '{}';
    v_meta      jsonb;
    v_event     record;
    v_notified  boolean;
    n           integer := coalesce(array_length(p_versions, 1), 0);
BEGIN
    IF p_command_id IS NOT NULL THEN
        SELECT result::text INTO v_known FROM commands WHERE command_id = p_command_id;
        IF FOUND THEN
            RETURN v_known;
        END IF;
    END IF;

    IF n = 1 THEN
        -- One statement: lock and move the head (a waiter re-reads the head its predecessor
        -- committed), and insert the event it describes. The stamp is the later of the
        -- clock (read once, before any wait) and the previous event's time, so recorded_at
        -- never goes backwards; it is computed from the locked row, never from this
        -- statement's older snapshot.
        v_clock := clock_timestamp();
        WITH head AS (
            UPDATE log_head h
            SET position = h.position + 1,
                recorded_at = greatest(v_clock, h.recorded_at),
                hash = sha256(h.hash || convert_to(
                    'citylab-event-v1' || E'\n' || (h.position + 1) || E'\n' || p_streams || E'\n' || p_versions[1]
                    || E'\n' || p_types || E'\n' || p_schemas[1] || E'\n'
                    || to_char(greatest(v_clock, h.recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                    || E'\n' || p_data || E'\n' || p_meta, 'UTF8'))
            WHERE h.singleton
            RETURNING h.position, h.hash, h.recorded_at
        )
        INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
        SELECT head.position, p_streams, p_versions[1], p_types, p_schemas[1], p_data::jsonb, p_meta::jsonb, head.recorded_at, head.hash
        FROM head
        RETURNING position, recorded_at INTO v_position, v_now;
    ELSE
        SELECT * INTO v_head FROM log_head WHERE singleton FOR UPDATE;
        -- timestamptz keeps microseconds, exactly what the stamp spells, so v_now needs no rounding.
        v_now := greatest(clock_timestamp(), v_head.recorded_at);
        v_position := v_head.position + n;
        IF n > 1 THEN
            v_stamp := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
            v_hash := v_head.hash;
            v_meta := p_meta::jsonb;
            -- A function scan returns its rows in order, WITH ORDINALITY numbers them so.
            FOR v_event IN
                SELECT u.stream, u.version, u.type, u.schema, u.data, u.ord
                FROM ROWS FROM (string_to_table(p_streams, E'\n'), unnest(p_versions), string_to_table(p_types, E'\n'),
                                unnest(p_schemas), string_to_table(p_data, E'\n')) WITH ORDINALITY
                     AS u(stream, version, type, schema, data, ord)
            LOOP
                v_hash := sha256(v_hash || convert_to(
                    'citylab-event-v1' || E'\n' || (v_head.position + v_event.ord) || E'\n' || v_event.stream
                    || E'\n' || v_event.version || E'\n' || v_event.type || E'\n' || v_event.schema || E'\n' || v_stamp
                    || E'\n' || v_event.data || E'\n' || p_meta, 'UTF8'));
                v_hashes := v_hashes || v_hash;
            END LOOP;
            IF array_length(v_hashes, 1) IS DISTINCT FROM n THEN
                RAISE EXCEPTION 'citylab_append: % versions but % payloads', n, coalesce(array_length(v_hashes, 1), 0)
                    USING ERRCODE = '22023';
            END IF;
            INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
            SELECT v_head.position + u.ord, u.stream, u.version, u.type, u.schema, u.data::jsonb, v_meta, v_now, u.hash
            FROM ROWS FROM (string_to_table(p_streams, E'\n'), unnest(p_versions), string_to_table(p_types, E'\n'),
                            unnest(p_schemas), string_to_table(p_data, E'\n'), unnest(v_hashes)) WITH ORDINALITY
                 AS u(stream, version, type, schema, data, hash, ord);
            UPDATE log_head SET position = v_position, hash = v_hash, recorded_at = v_now WHERE singleton;
        END IF;
    END IF;

    -- Under the lock, with a snapshot taken after it: a stream only read must be unchanged.
    IF coalesce(array_length(p_read_streams, 1), 0) > 0 THEN
        PERFORM citylab_check_read(p_read_streams, p_read_versions);
    END IF;

    IF n > 0 THEN
        v_notified := pg_notify('citylab_events', v_position::text) IS NULL;
    END IF;

    IF p_command_id IS NOT NULL THEN
        INSERT INTO commands (command_id, position, result, recorded_at)
        VALUES (p_command_id, v_position, coalesce(p_result, '{}')::jsonb || jsonb_build_object('position', v_position), v_now);
    END IF;
    RETURN v_position::text;
END
$$;

-- A big batch, in one transaction the caller runs: citylab_append_open, COPY events …
-- FROM STDIN, citylab_append_close, COMMIT.
-- Open: answer a known command id (o_known, its stored result: write nothing then), else lock
-- the head, check the streams only read (raises CL409 when one moved), and return the head
-- and the batch's stamp: the caller copies rows o_position + 1, + 2, … with recorded_at =
-- o_stamp and the chain continued from o_hash, hashed as citylab_append hashes.
CREATE OR REPLACE FUNCTION citylab_append_open(
    p_command_id        text,
    p_read_streams      text[],
    p_read_versions     integer[],
    OUT o_position      bigint,
    OUT o_hash          bytea,
    OUT o_stamp         text,
    OUT o_known         text
) LANGUAGE plpgsql AS $$
DECLARE
    v_head      log_head%ROWTYPE;
BEGIN
    IF p_command_id IS NOT NULL THEN
        SELECT result::text INTO o_known FROM commands WHERE command_id = p_command_id;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    SELECT * INTO v_head FROM log_head WHERE singleton FOR UPDATE;
    IF coalesce(array_length(p_read_streams, 1), 0) > 0 THEN
        PERFORM citylab_check_read(p_read_streams, p_read_versions);
    END IF;
    o_position := v_head.position;
    o_hash := v_head.hash;
    o_stamp := to_char(greatest(clock_timestamp(), v_head.recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
END
$$;

-- Close: the copied rows must be exactly positions p_first … p_last right after the head,
-- ending in p_hash; then move the head, record the command (p_result with the position),
-- notify. Raises 22023 when the rows do not continue the head (nothing commits then).
CREATE OR REPLACE FUNCTION citylab_append_close(
    p_first             bigint,
    p_last              bigint,
    p_hash              bytea,
    p_stamp             text,
    p_command_id        text,
    p_result            text
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_head      bigint;
    v_count     bigint;
    v_last      bigint;
    v_hash      bytea;
    v_notified  boolean;
BEGIN
    SELECT position INTO v_head FROM log_head WHERE singleton;
    -- max() walks the primary key from its end; BETWEEN keeps the count on the index too (a
    -- generic plan for an open range would guess a third of the table and scan all of it).
    SELECT max(position) INTO v_last FROM events;
    SELECT count(*) INTO v_count FROM events WHERE position BETWEEN p_first AND p_last;
    SELECT hash INTO v_hash FROM events WHERE position = p_last;
    IF v_head <> p_first - 1 OR v_last IS DISTINCT FROM p_last OR v_count <> p_last - p_first + 1
       OR v_hash IS DISTINCT FROM p_hash THEN
        RAISE EXCEPTION 'citylab_append_close: the copied events do not continue the log at position %', v_head
            USING ERRCODE = '22023';
    END IF;
    UPDATE log_head SET position = p_last, hash = p_hash, recorded_at = p_stamp::timestamptz WHERE singleton;
    v_notified := pg_notify('citylab_events', p_last::text) IS NULL;
    IF p_command_id IS NOT NULL THEN
        INSERT INTO commands (command_id, position, result, recorded_at)
        VALUES (p_command_id, p_last, coalesce(p_result, '{}')::jsonb || jsonb_build_object('position', p_last), p_stamp::timestamptz);
    END IF;
END
$$;
