/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run.
 * Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: boards, their capability tokens and their Yjs state (compacted row + update log) */ `
  CREATE TABLE boards (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    template    TEXT NOT NULL,
    anonymous   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE board_tokens (
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'viewer')),
    token_hash  BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (board_id, role)
  );
  CREATE TABLE board_state (
    board_id    TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    state       BLOB NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE updates (
    id          INTEGER PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data        BLOB NOT NULL
  );
  CREATE INDEX updates_by_board ON updates(board_id, id);
  `,
  /* 2: snapshots (self-contained: full Yjs state + the schema it was written with), fork origin */ `
  CREATE TABLE snapshots (
    id          TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    auto        INTEGER NOT NULL DEFAULT 0,
    state       BLOB NOT NULL,
    schema      TEXT NOT NULL
  );
  CREATE INDEX snapshots_by_board ON snapshots(board_id, created_at);
  ALTER TABLE boards ADD COLUMN forked_from_board TEXT;
  ALTER TABLE boards ADD COLUMN forked_from_snapshot TEXT;
  `,
  /* 3: link expiry, last activity, pasted images */ `
  ALTER TABLE board_tokens ADD COLUMN expires_at TEXT;
  ALTER TABLE boards ADD COLUMN last_activity TEXT;
  UPDATE boards SET last_activity = updated_at;
  CREATE TABLE assets (
    id          TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    mime        TEXT NOT NULL,
    data        BLOB NOT NULL,
    created_at  TEXT NOT NULL
  );
  CREATE INDEX assets_by_board ON assets(board_id);
  `,
  /* 4: templates saved from a board (its structure only), offered next to the built-in ones */ `
  CREATE TABLE custom_templates (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    schema       TEXT NOT NULL,
    records      TEXT NOT NULL
  );
  `,
  /*
   * 5: a saved template belongs to the board it was made from (listed to that board's facilitators
   * and the admin, deleted with the board unless kept on purpose). Older ones had no owner: they
   * stay, usable by id, listed to the admin.
   */ `
  ALTER TABLE custom_templates ADD COLUMN source_board TEXT;
  ALTER TABLE custom_templates ADD COLUMN keep INTEGER NOT NULL DEFAULT 0;
  UPDATE custom_templates SET keep = 1;
  CREATE INDEX custom_templates_by_board ON custom_templates(source_board);
  `,
  /*
   * 6: an automatic snapshot remembers the editing session(s) it covers: when the first of them
   * began and how many records they changed, so a session ending soon after it can bring it up to
   * date instead of adding another.
   */ `
  ALTER TABLE snapshots ADD COLUMN session_start TEXT;
  ALTER TABLE snapshots ADD COLUMN changes INTEGER;
  `,
  /*
   * 7: the last logged update a board's state row holds (storage/document-store.ts: a compaction
   * replaces the log up to a sequence number). 0 for existing rows: every update still logged
   * came after their state. The log's ids become that sequence, so they must never be reused:
   * a plain rowid starts again after the newest rows are deleted (AUTOINCREMENT does not).
   */ `
  ALTER TABLE board_state ADD COLUMN state_seq INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE updates_numbered (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data        BLOB NOT NULL
  );
  INSERT INTO updates_numbered (id, board_id, data) SELECT id, board_id, data FROM updates ORDER BY id;
  DROP TABLE updates;
  ALTER TABLE updates_numbered RENAME TO updates;
  CREATE INDEX updates_by_board ON updates(board_id, id);
  `,
  /*
   * 8: participants' private drafts (issue 12) and dot votes. A draft is known by its board and
   * the hash of a browser's draft key (`<boardId>:<keyHash>`, never the key); its document is kept
   * like a board's (a compacted state plus a log numbered by AUTOINCREMENT ids). Ballots name
   * their voter by that hash only. Everything goes with the board.
   */ `
  CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    cards       INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
  );
  CREATE INDEX drafts_by_board ON drafts(board_id, created_at);
  CREATE TABLE draft_state (
    draft_id    TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
    state       BLOB NOT NULL,
    state_seq   INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE draft_updates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    data        BLOB NOT NULL
  );
  CREATE INDEX draft_updates_by_draft ON draft_updates(draft_id, id);
  CREATE TABLE votes (
    id               TEXT PRIMARY KEY,
    board_id         TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    per_participant  INTEGER NOT NULL,
    zone             TEXT,
    open             INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    closed_at        TEXT
  );
  CREATE INDEX votes_by_board ON votes(board_id, created_at);
  -- One open vote per board at a time.
  CREATE UNIQUE INDEX votes_one_open ON votes(board_id) WHERE open = 1;
  CREATE TABLE ballots (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    vote_id     TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    voter_hash  TEXT NOT NULL,
    shape_id    TEXT NOT NULL
  );
  CREATE INDEX ballots_by_voter ON ballots(vote_id, voter_hash, id);
  `,
]
