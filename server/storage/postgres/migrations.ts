/**
 * The PostgreSQL schema: the same tables as SQLite's (server/db/migrations.ts) in PostgreSQL's
 * types, plus what several processes need (a per-board update sequence). Applied in order at
 * start under an advisory lock; `schema_migrations` records which ran. Append new ones; never
 * edit one that has shipped.
 */
export const PG_MIGRATIONS: readonly string[] = [
  /* 1: everything up to SQLite's migration 7 */ `
  CREATE TABLE boards (
    id                    text PRIMARY KEY,
    title                 text NOT NULL,
    template              text NOT NULL,
    anonymous             boolean NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    last_activity         timestamptz,
    forked_from_board     text,
    forked_from_snapshot  text,
    -- The last update logged for the board: appends take the next under the row's lock, so the
    -- log of a board is numbered 1, 2, 3… in commit order across processes.
    update_seq            bigint NOT NULL DEFAULT 0
  );
  CREATE TABLE board_tokens (
    board_id    text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('facilitator', 'editor', 'viewer')),
    token_hash  bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz,
    PRIMARY KEY (board_id, role)
  );
  CREATE TABLE board_state (
    board_id    text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    state       bytea NOT NULL,
    state_seq   bigint NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL
  );
  CREATE TABLE updates (
    board_id    text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    seq         bigint NOT NULL,
    data        bytea NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE TABLE snapshots (
    id             text PRIMARY KEY,
    board_id       text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    label          text NOT NULL,
    created_at     timestamptz NOT NULL,
    auto           boolean NOT NULL DEFAULT false,
    state          bytea NOT NULL,
    schema         text NOT NULL,
    session_start  timestamptz,
    changes        integer,
    -- Insertion order, for snapshots taken within the same millisecond.
    ordinal        bigint GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX snapshots_by_board ON snapshots(board_id, created_at);
  CREATE TABLE assets (
    id          text PRIMARY KEY,
    board_id    text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    mime        text NOT NULL,
    data        bytea NOT NULL,
    created_at  timestamptz NOT NULL
  );
  CREATE INDEX assets_by_board ON assets(board_id);
  CREATE TABLE custom_templates (
    id            text PRIMARY KEY,
    title         text NOT NULL,
    description   text NOT NULL,
    created_at    timestamptz NOT NULL,
    schema        text NOT NULL,
    records       text NOT NULL,
    source_board  text,
    keep          boolean NOT NULL DEFAULT false,
    ordinal       bigint GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX custom_templates_by_board ON custom_templates(source_board);
  `,
]
