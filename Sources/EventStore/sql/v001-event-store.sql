-- citylab event store, migration 1. Runs inside one transaction; safe to run twice.
-- Never edit once shipped: add the next migration instead.

CREATE TABLE IF NOT EXISTS events (
    position    bigint      PRIMARY KEY,
    stream      text        NOT NULL CHECK (stream <> '' AND stream !~ '[\n\r]'),
    version     integer     NOT NULL CHECK (version >= 1),
    type        text        NOT NULL CHECK (type <> '' AND type !~ '[\n\r]'),
    schema      smallint    NOT NULL CHECK (schema >= 1),
    data        jsonb       NOT NULL,
    meta        jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL,
    hash        bytea       NOT NULL,
    UNIQUE (stream, version)
);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);

-- The head of the log: one row, locked by every append so positions are gap-free and
-- commit in order.
CREATE TABLE IF NOT EXISTS log_head (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    position    bigint      NOT NULL,
    hash        bytea       NOT NULL,
    recorded_at timestamptz
);
INSERT INTO log_head (singleton, position, hash, recorded_at)
VALUES (true, 0, '\x0000000000000000000000000000000000000000000000000000000000000000', NULL)
ON CONFLICT DO NOTHING;

-- Idempotency: a command id commits once; a retry gets the first result back.
CREATE TABLE IF NOT EXISTS commands (
    command_id  text        PRIMARY KEY,
    position    bigint      NOT NULL,
    result      jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL
);

-- Append-only: no UPDATE, DELETE or TRUNCATE on the log, not even by the owner.
CREATE OR REPLACE FUNCTION citylab_refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on events is refused', TG_OP
        USING ERRCODE = 'CL403', HINT = 'record a correcting event instead';
END
$$;
CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION citylab_refuse_log_change();
CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION citylab_refuse_log_change();

-- The canonical UTC spelling of a recorded_at, as the hash covers it.
CREATE OR REPLACE FUNCTION citylab_instant(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- Append a command's events in one step (one round trip, one transaction):
-- lock the head, answer a known command id with its first result, check every expected
-- stream version (streams written and streams only read), insert the events with
-- gap-free positions and the hash chain, move the head, record the command, notify.
-- The caller numbers each event's stream version from the versions it expects (every
-- written stream is expected), so the check is one set-based query even for big batches.
-- p_data and p_meta must be canonical JSON (events/README.md); the hash covers them as given.
-- Raises CL409 (conflict) when a stream moved since it was read.
CREATE OR REPLACE FUNCTION citylab_append(
    p_command_id        text,
    p_expect_streams    text[],
    p_expect_versions   integer[],
    p_streams           text[],
    p_versions          integer[],
    p_types             text[],
    p_schemas           integer[],
    p_data              text[],
    p_meta              text,
    p_result            jsonb
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    v_head      log_head%ROWTYPE;
    v_previous  jsonb;
    v_moved     record;
    v_now       timestamptz;
    v_stamp     text;
    v_hash      bytea;
    v_position  bigint;
    v_hashes    bytea[] := '{}';
    v_summary   jsonb;
    v_event     record;
    n           integer := coalesce(array_length(p_streams, 1), 0);
BEGIN
    SELECT * INTO v_head FROM log_head WHERE singleton FOR UPDATE;

    IF p_command_id IS NOT NULL THEN
        SELECT result INTO v_previous FROM commands WHERE command_id = p_command_id;
        IF FOUND THEN
            RETURN jsonb_build_object('duplicate', true, 'result', v_previous);
        END IF;
    END IF;

    SELECT e.stream, e.expected, coalesce(m.actual, 0) AS actual INTO v_moved
    FROM unnest(p_expect_streams, p_expect_versions) AS e(stream, expected)
    LEFT JOIN LATERAL (SELECT max(version) AS actual FROM events WHERE events.stream = e.stream) m ON true
    WHERE coalesce(m.actual, 0) <> e.expected
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'stream % is at version %, expected %', v_moved.stream, v_moved.actual, v_moved.expected
            USING ERRCODE = 'CL409';
    END IF;

    v_now := greatest(clock_timestamp(), v_head.recorded_at);
    v_stamp := citylab_instant(v_now);
    v_now := v_stamp::timestamptz;
    v_hash := v_head.hash;
    v_position := v_head.position;

    -- Walk the batch as a row set: subscripting p_data[i] on a flat array costs O(i), which
    -- made big batches quadratic.
    FOR v_event IN
        SELECT u.stream, u.version, u.type, u.schema, u.data
        FROM unnest(p_streams, p_versions, p_types, p_schemas, p_data) WITH ORDINALITY
             AS u(stream, version, type, schema, data, ord)
        ORDER BY u.ord
    LOOP
        v_position := v_position + 1;
        v_hash := sha256(v_hash || convert_to(
            'citylab-event-v1' || E'\n' || v_position || E'\n' || v_event.stream || E'\n' || v_event.version
            || E'\n' || v_event.type || E'\n' || v_event.schema || E'\n' || v_stamp
            || E'\n' || v_event.data || E'\n' || p_meta, 'UTF8'));
        v_hashes := v_hashes || v_hash;
    END LOOP;

    IF n > 0 THEN
        INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
        SELECT v_head.position + u.ord, u.stream, u.version, u.type, u.schema, u.data::jsonb, p_meta::jsonb, v_now, u.hash
        FROM unnest(p_streams, p_versions, p_types, p_schemas, p_data, v_hashes) WITH ORDINALITY
             AS u(stream, version, type, schema, data, hash, ord);
        UPDATE log_head SET position = v_position, hash = v_hash, recorded_at = v_now WHERE singleton;
        PERFORM pg_notify('citylab_events', v_position::text);
    END IF;

    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'type', u.type, 'stream', u.stream, 'version', u.version, 'position', v_head.position + u.ord)
             ORDER BY u.ord), '[]')
    INTO v_summary
    FROM unnest(p_streams, p_versions, p_types) WITH ORDINALITY AS u(stream, version, type, ord);
    p_result := coalesce(p_result, '{}') || jsonb_build_object('events', v_summary, 'position', v_position);
    IF p_command_id IS NOT NULL THEN
        INSERT INTO commands (command_id, position, result, recorded_at)
        VALUES (p_command_id, v_position, p_result, v_now);
    END IF;
    RETURN jsonb_build_object('duplicate', false, 'result', p_result);
END
$$;
