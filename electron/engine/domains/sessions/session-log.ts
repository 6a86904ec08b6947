import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PendingWrite, WriteBehind } from '../../db/write-behind.ts';
import type { Logger } from '../../log.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import type { LoggedEvent, SessionKind, SessionRepository } from './session-repository.ts';

const CURRENT_KEY = 'session.current';
/** Beyond this many queued events a write happens at once, so a flood is written in bounded transactions. */
const FLUSH_AT = 5_000;

export interface CurrentSession {
  id: string;
  kind: SessionKind;
  startedAt: number;
}

/** Events of one session waiting to be written; grows until it is written. */
class EventBatch implements PendingWrite {
  readonly events: LoggedEvent[] = [];
  done = false;
  readonly #repo: SessionRepository;
  readonly sessionId: string;

  constructor(repo: SessionRepository, sessionId: string) {
    this.#repo = repo;
    this.sessionId = sessionId;
  }

  size(): number {
    return this.events.length;
  }

  write(): void {
    this.#repo.insertEvents(this.sessionId, this.events);
  }
}

/**
 * The append-only record of the session in progress, written through a {@link WriteBehind}: batched (one
 * transaction per ~100 ms), and `flush()` is called before anything is shown as recorded, so while the database
 * accepts writes what a view shows is already on disk. While it does not (locked, disk full) the show goes on:
 * events are held in memory in order and written once it does; the producer sees a banner saying so.
 */
export class SessionLog {
  readonly #repo: SessionRepository;
  readonly #settings: SettingsRepository;
  readonly #writer: WriteBehind;
  readonly #log: Logger;
  readonly #now: () => number;
  #current: CurrentSession | null;
  #batch: EventBatch | null = null;
  readonly #onEnded: (session: CurrentSession) => void;

  constructor(deps: {
    repo: SessionRepository;
    settings: SettingsRepository;
    writer: WriteBehind;
    log: Logger;
    now?: () => number;
    /** Once the session's end, and so everything it logged, is committed to the database. */
    onEnded?: (session: CurrentSession) => void;
  }) {
    this.#repo = deps.repo;
    this.#settings = deps.settings;
    this.#writer = deps.writer;
    this.#log = deps.log;
    this.#now = deps.now ?? Date.now;
    this.#onEnded = deps.onEnded ?? (() => undefined);
    const stored = this.#settings.read(
      CURRENT_KEY,
      z.object({ id: z.string(), kind: z.enum(['broadcast', 'rehearsal']), startedAt: z.number() }).nullable(),
      null,
    );
    // A session still open in the database means the engine stopped mid-show: continue it.
    this.#current = stored && this.#repo.get(stored.id)?.ended_at === null ? stored : null;
  }

  get current(): CurrentSession | null {
    return this.#current;
  }

  /** `startedAt` is the run's own recorded start, so the first segment never begins before its session. */
  begin(kind: SessionKind, title: string, show: unknown, startedAt = this.#now()): CurrentSession {
    if (this.#current) this.end({ reason: 'superseded' });
    const session: CurrentSession = { id: randomUUID(), kind, startedAt };
    const row = { id: session.id, kind, title, show_json: JSON.stringify(show), started_at: session.startedAt };
    this.#writer.enqueue({
      write: () => {
        this.#repo.create(row);
        this.#settings.write(CURRENT_KEY, session);
      },
    });
    this.#current = session;
    this.#batch = null;
    this.#writer.flush();
    this.#log.info(`Session ${session.id} started (${kind})`);
    return session;
  }

  record(kind: string, data: unknown, ref: string | null = null, at = this.#now()): void {
    const session = this.#current;
    if (!session) return;
    if (!this.#writer.reserve(1)) return;
    let batch = this.#batch;
    if (!batch || batch.done || batch.sessionId !== session.id) {
      batch = new EventBatch(this.#repo, session.id);
      this.#batch = batch;
      // Counted by reserve() already: the batch is queued empty and grows in place.
      this.#writer.enqueue(batch);
    }
    batch.events.push({ at, kind, ref, data });
    if (this.#writer.held >= FLUSH_AT) this.#writer.flush();
  }

  /** Write everything queued now (skipped while the database refuses writes: the retry timer is in charge). */
  flush(): void {
    this.#writer.flush();
  }

  end(summary: unknown): void {
    const session = this.#current;
    if (!session) return;
    const endedAt = this.#now();
    this.#writer.enqueue({
      write: () => {
        this.#repo.end(session.id, endedAt, summary);
        this.#settings.write(CURRENT_KEY, null);
      },
      // Events are written in order before the end, so the whole session is on disk by now.
      committed: () => this.#onEnded(session),
    });
    this.#current = null;
    this.#batch = null;
    this.#writer.flush();
    this.#log.info(`Session ${session.id} ended`);
  }
}
