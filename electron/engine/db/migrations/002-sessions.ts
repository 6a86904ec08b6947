import type { Migration } from './index.ts';

/**
 * The session log: one row per broadcast or rehearsal, and an append-only event log. Feed events carry their
 * dedupe key in `ref`, so replaying a relay's buffer (or a crash between write and ack) never counts twice.
 */
export const m002Sessions: Migration = {
  version: 2,
  name: 'sessions and events',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('broadcast', 'rehearsal')),
        title TEXT NOT NULL,
        show_json TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        summary_json TEXT,
        costs_json TEXT
      ) STRICT;
      CREATE TABLE events (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        ref TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      ) STRICT;
      CREATE UNIQUE INDEX events_by_ref ON events (session_id, ref) WHERE ref IS NOT NULL;
      CREATE INDEX events_by_kind ON events (session_id, kind, at);
    `);
  },
};
