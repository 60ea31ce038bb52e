-- citylab read models, migration 101: the attendees projection. Safe to run twice.
CREATE TABLE IF NOT EXISTS attendees (
    id               text        PRIMARY KEY,
    conference       text        NOT NULL,
    name             text        NOT NULL,
    email            text        NOT NULL,
    role             text        NOT NULL,
    organization     text,
    city             text,
    status           text        NOT NULL CHECK (status IN ('registered', 'checked-in', 'cancelled')),
    checked_in_at    timestamptz,
    token_hash       text        NOT NULL,
    registered_at    timestamptz NOT NULL,
    updated_position bigint      NOT NULL
);
CREATE INDEX IF NOT EXISTS attendees_token_hash_idx ON attendees (token_hash);
CREATE INDEX IF NOT EXISTS attendees_conference_email_idx ON attendees (conference, email);
