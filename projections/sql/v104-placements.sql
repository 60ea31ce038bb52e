-- citylab read models, migration 104: the placements projection. Safe to run twice.
CREATE TABLE IF NOT EXISTS placements (
    placement        text        PRIMARY KEY,
    scholar          text        NOT NULL,
    scholar_name     text        NOT NULL,
    scholar_email    text        NOT NULL,
    university       text        NOT NULL,
    opening          text        NOT NULL,
    city             text        NOT NULL,
    country          text        NOT NULL,
    host             text        NOT NULL,
    project          text        NOT NULL,
    cohort           integer     NOT NULL,
    status           text        NOT NULL,
    proposed_at      timestamptz NOT NULL,
    approved_at      timestamptz,
    confirmed_at     timestamptz,
    ended_at         timestamptz,
    note             text,
    reason           text,
    outcome          text,
    withdrawn_by     text,
    updated_position bigint      NOT NULL
);
CREATE INDEX IF NOT EXISTS placements_city_idx ON placements (city);

-- Scholars and openings as placements show them (private to the projection).
CREATE TABLE IF NOT EXISTS placement_scholars (
    scholar    text PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL,
    university text NOT NULL
);
CREATE TABLE IF NOT EXISTS placement_openings (
    opening text    PRIMARY KEY,
    city    text    NOT NULL,
    country text    NOT NULL,
    host    text    NOT NULL,
    project text    NOT NULL,
    cohort  integer NOT NULL
);
