import type { DatabaseSync, StatementSync } from 'node:sqlite';

export type SessionKind = 'broadcast' | 'rehearsal';

export interface SessionRow {
  id: string;
  kind: SessionKind;
  title: string;
  show_json: string;
  started_at: number;
  ended_at: number | null;
  summary_json: string | null;
  costs_json: string | null;
}

export interface LoggedEvent {
  at: number;
  kind: string;
  /** Dedupe key (a feed event's id); a second event with the same ref in a session is dropped. */
  ref: string | null;
  data: unknown;
}

export interface EventRow {
  seq: number;
  at: number;
  kind: string;
  ref: string | null;
  data: string;
}

/** SQL for sessions and their append-only event log. Every write of a batch is one transaction. */
export class SessionRepository {
  readonly #db: DatabaseSync;
  readonly #insertSession: StatementSync;
  readonly #endSession: StatementSync;
  readonly #insertEvent: StatementSync;
  readonly #maxSeq: StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#insertSession = db.prepare('INSERT INTO sessions (id, kind, title, show_json, started_at) VALUES (?, ?, ?, ?, ?)');
    this.#endSession = db.prepare('UPDATE sessions SET ended_at = ?, summary_json = ? WHERE id = ?');
    this.#insertEvent = db.prepare('INSERT OR IGNORE INTO events (session_id, seq, at, kind, ref, data) VALUES (?, ?, ?, ?, ?, ?)');
    this.#maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE session_id = ?');
  }

  create(row: Pick<SessionRow, 'id' | 'kind' | 'title' | 'show_json' | 'started_at'>): void {
    this.#insertSession.run(row.id, row.kind, row.title, row.show_json, row.started_at);
  }

  end(id: string, endedAt: number, summary: unknown): void {
    this.#endSession.run(endedAt, JSON.stringify(summary), id);
  }

  setCosts(id: string, costs: unknown): void {
    this.#db.prepare('UPDATE sessions SET costs_json = ? WHERE id = ?').run(JSON.stringify(costs), id);
  }

  lastSeq(sessionId: string): number {
    return (this.#maxSeq.get(sessionId) as { seq: number }).seq;
  }

  /** Appends in one transaction; returns the last seq. Duplicate refs are skipped, not errors. */
  append(sessionId: string, events: readonly LoggedEvent[]): number {
    this.#transaction(() => this.insertEvents(sessionId, events));
    return this.lastSeq(sessionId);
  }

  /**
   * Appends inside the caller's transaction; returns how many were new (duplicate refs are skipped). Numbering
   * starts from what is on disk, so a batch retried after a failed write numbers itself afresh.
   */
  insertEvents(sessionId: string, events: readonly LoggedEvent[]): number {
    const first = this.lastSeq(sessionId);
    let seq = first;
    for (const e of events) {
      if (this.#insertEvent.run(sessionId, seq + 1, e.at, e.kind, e.ref, JSON.stringify(e.data)).changes > 0) seq += 1;
    }
    return seq - first;
  }

  #transaction(body: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      body();
      this.#db.exec('COMMIT');
    } catch (error) {
      // SQLite may have rolled back already (disk full); the original error is the one to report.
      try {
        this.#db.exec('ROLLBACK');
      } catch {
        /* nothing to undo */
      }
      throw error;
    }
  }

  /** Restore an exported session as it was, in one transaction. */
  importSession(row: SessionRow, events: readonly EventRow[]): void {
    this.#transaction(() => {
      this.#db
        .prepare('INSERT INTO sessions (id, kind, title, show_json, started_at, ended_at, summary_json, costs_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, row.kind, row.title, row.show_json, row.started_at, row.ended_at, row.summary_json, row.costs_json);
      const insert = this.#db.prepare('INSERT INTO events (session_id, seq, at, kind, ref, data) VALUES (?, ?, ?, ?, ?, ?)');
      for (const e of events) insert.run(row.id, e.seq, e.at, e.kind, e.ref, e.data);
    });
  }

  /** Removes a session and its events in one transaction; answers how many events went with it. */
  delete(id: string): number {
    this.#db.exec('BEGIN');
    try {
      const { changes } = this.#db.prepare('DELETE FROM events WHERE session_id = ?').run(id);
      this.#db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      this.#db.exec('COMMIT');
      return Number(changes);
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  get(id: string): SessionRow | undefined {
    return this.#db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  }

  list(): SessionRow[] {
    return this.#db.prepare('SELECT * FROM sessions ORDER BY started_at DESC').all() as unknown as SessionRow[];
  }

  events(sessionId: string, kinds?: readonly string[]): EventRow[] {
    if (!kinds) return this.#db.prepare('SELECT seq, at, kind, ref, data FROM events WHERE session_id = ? ORDER BY seq').all(sessionId) as unknown as EventRow[];
    const placeholders = kinds.map(() => '?').join(', ');
    return this.#db
      .prepare(`SELECT seq, at, kind, ref, data FROM events WHERE session_id = ? AND kind IN (${placeholders}) ORDER BY seq`)
      .all(sessionId, ...kinds) as unknown as EventRow[];
  }

  /** One page of a kind's events in [from, to), in time order (seq breaks ties, so pages never overlap). */
  eventsBetween(sessionId: string, kind: string, from: number, to: number, limit: number, offset = 0): EventRow[] {
    return this.#db
      .prepare('SELECT seq, at, kind, ref, data FROM events WHERE session_id = ? AND kind = ? AND at >= ? AND at < ? ORDER BY at, seq LIMIT ? OFFSET ?')
      .all(sessionId, kind, from, to, limit, offset) as unknown as EventRow[];
  }
}
