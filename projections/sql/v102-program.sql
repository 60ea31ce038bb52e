-- citylab read models, migration 102: the program projection (sessions and rosters). Safe to run twice.
CREATE TABLE IF NOT EXISTS program (
    session               text        PRIMARY KEY,
    conference            text        NOT NULL,
    title                 text        NOT NULL,
    room                  text        NOT NULL,
    track                 text,
    speakers              jsonb       NOT NULL,
    starts                timestamptz NOT NULL,
    ends                  timestamptz NOT NULL,
    capacity              integer     NOT NULL,
    seats_taken           integer     NOT NULL,
    seats_left            integer     NOT NULL,
    waitlist_length       integer     NOT NULL,
    status                text        NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    reschedule_count      integer     NOT NULL,
    last_changed_position bigint      NOT NULL,
    last_changed_at       timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS program_conference_starts_idx ON program (conference, starts);

-- Who holds a seat or waits in each session. `since_position` orders the waitlist (first
-- come, first served): a waitlisted attendee's place is their rank by it.
CREATE TABLE IF NOT EXISTS rosters (
    session        text   NOT NULL,
    attendee       text   NOT NULL,
    name           text   NOT NULL,
    kind           text   NOT NULL CHECK (kind IN ('seat', 'waitlist')),
    since_position bigint NOT NULL,
    PRIMARY KEY (session, attendee)
);

-- The names rosters show (private to the program projection).
CREATE TABLE IF NOT EXISTS program_people (
    attendee text PRIMARY KEY,
    name     text NOT NULL
);
