import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import type { LoggedEvent, SessionKind, SessionRepository } from './session-repository.ts';

const CURRENT_KEY = 'session.current';
export const LOG_FLUSH_MS = 100;
/** Beyond this many queued events a write happens at once, so memory stays bounded in a flood. */
const MAX_QUEUED = 5_000;

export interface CurrentSession {
  id: string;
  kind: SessionKind;
  startedAt: number;
}

/**
 * The append-only record of the session in progress. Writes are batched (one transaction per ~100 ms), and
 * `flush()` is called before anything is shown as recorded, so what a view shows is already on disk.
 */
export class SessionLog {
  readonly #repo: SessionRepository;
  readonly #settings: SettingsRepository;
  readonly #log: Logger;
  readonly #now: () => number;
  #current: CurrentSession | null;
  #seq = 0;
  #queue: LoggedEvent[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** Set when a write failed (disk full, locked): events stay queued and the producer is told. */
  #failing = false;
  readonly #onWriteError: (message: string) => void;
  readonly #onEnded: (session: CurrentSession) => void;

  constructor(deps: {
    repo: SessionRepository;
    settings: SettingsRepository;
    log: Logger;
    now?: () => number;
    onWriteError?: (message: string) => void;
    /** After a session is closed and everything it logged is on disk. */
    onEnded?: (session: CurrentSession) => void;
  }) {
    this.#repo = deps.repo;
    this.#settings = deps.settings;
    this.#log = deps.log;
    this.#now = deps.now ?? Date.now;
    this.#onWriteError = deps.onWriteError ?? (() => undefined);
    this.#onEnded = deps.onEnded ?? (() => undefined);
    const stored = this.#settings.read(
      CURRENT_KEY,
      z.object({ id: z.string(), kind: z.enum(['broadcast', 'rehearsal']), startedAt: z.number() }).nullable(),
      null,
    );
    // A session still open in the database means the engine stopped mid-show: continue it.
    this.#current = stored && this.#repo.get(stored.id)?.ended_at === null ? stored : null;
    if (this.#current) this.#seq = this.#repo.lastSeq(this.#current.id);
  }

  get current(): CurrentSession | null {
    return this.#current;
  }

  /** `startedAt` is the run's own recorded start, so the first segment never begins before its session. */
  begin(kind: SessionKind, title: string, show: unknown, startedAt = this.#now()): CurrentSession {
    if (this.#current) this.end({ reason: 'superseded' });
    const session: CurrentSession = { id: randomUUID(), kind, startedAt };
    this.#repo.create({ id: session.id, kind, title, show_json: JSON.stringify(show), started_at: session.startedAt });
    this.#settings.write(CURRENT_KEY, session);
    this.#current = session;
    this.#seq = 0;
    this.#log.info(`Session ${session.id} started (${kind})`);
    return session;
  }

  record(kind: string, data: unknown, ref: string | null = null, at = this.#now()): void {
    if (!this.#current) return;
    this.#queue.push({ at, kind, ref, data });
    if (this.#queue.length >= MAX_QUEUED) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), LOG_FLUSH_MS);
  }

  /** Write everything queued now. On failure nothing queued is dropped; the next flush retries. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const session = this.#current;
    if (!session || this.#queue.length === 0) return;
    const batch = this.#queue;
    try {
      this.#seq = this.#repo.append(session.id, this.#seq, batch);
      this.#queue = [];
      if (this.#failing) this.#log.info('The session log is writing again');
      this.#failing = false;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!this.#failing) {
        this.#log.error(`Writing the session log failed; events are kept in memory and retried: ${message}`);
        this.#onWriteError(message);
      }
      this.#failing = true;
      this.#timer = setTimeout(() => this.flush(), 1000);
    }
  }

  end(summary: unknown): void {
    const session = this.#current;
    if (!session) return;
    this.flush();
    this.#repo.end(session.id, this.#now(), summary);
    this.#settings.write(CURRENT_KEY, null);
    this.#current = null;
    this.#log.info(`Session ${session.id} ended`);
    this.#onEnded(session);
  }
}
