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
  /*
   * 2: SQLite's migration 8: participants' private drafts (`<boardId>:<keyHash>`, never the key),
   * kept like boards (a state row plus a log numbered per draft under the draft row's lock), and
   * dot votes whose ballots name their voter by hash only. Everything goes with the board.
   */ `
  CREATE TABLE drafts (
    id          text PRIMARY KEY,
    board_id    text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    cards       integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    update_seq  bigint NOT NULL DEFAULT 0,
    ordinal     bigint GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX drafts_by_board ON drafts(board_id, created_at);
  CREATE TABLE draft_state (
    draft_id    text PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
    state       bytea NOT NULL,
    state_seq   bigint NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL
  );
  CREATE TABLE draft_updates (
    draft_id    text NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    seq         bigint NOT NULL,
    data        bytea NOT NULL,
    PRIMARY KEY (draft_id, seq)
  );
  CREATE TABLE votes (
    id               text PRIMARY KEY,
    board_id         text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    per_participant  integer NOT NULL,
    zone             text,
    open             boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    closed_at        timestamptz,
    ordinal          bigint GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX votes_by_board ON votes(board_id, created_at);
  -- One open vote per board at a time.
  CREATE UNIQUE INDEX votes_one_open ON votes(board_id) WHERE open;
  CREATE TABLE ballots (
    ordinal     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id     text NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    voter_hash  text NOT NULL,
    shape_id    text NOT NULL
  );
  CREATE INDEX ballots_by_voter ON ballots(vote_id, voter_hash, ordinal);
  `,
]
