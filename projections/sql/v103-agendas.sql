-- citylab read models, migration 103: the agendas projection. Safe to run twice.
-- One ready-to-serve document per attendee (projections/AgendaDocument.swift).
CREATE TABLE IF NOT EXISTS agendas (
    attendee              text   PRIMARY KEY,
    conference            text   NOT NULL,
    email                 text   NOT NULL,
    token_hash            text   NOT NULL,
    last_changed_position bigint NOT NULL,
    document              jsonb  NOT NULL
);
CREATE INDEX IF NOT EXISTS agendas_token_hash_idx ON agendas (token_hash);

-- What the agendas need to know of each session and edition (private to the projection).
CREATE TABLE IF NOT EXISTS agenda_sessions (
    session text  PRIMARY KEY,
    state   jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS agenda_editions (
    conference text  PRIMARY KEY,
    state      jsonb NOT NULL
);
