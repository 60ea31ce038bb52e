-- citylab read models, migration 100: where each projection stands. Safe to run twice.
-- Index names follow PostgreSQL's own naming (<table>_<columns>_idx), so the copies a rebuild makes
-- with CREATE TABLE … (LIKE … INCLUDING ALL) get the same names back after the swap.
-- One row per projection: the code version that built its tables, the last position folded
-- (read-model changes and this row commit in the same transaction), and the last failure.
CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name        text        PRIMARY KEY,
    version     integer     NOT NULL,
    position    bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    last_error  text
);
