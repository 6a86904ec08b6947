import type { DatabaseSync } from 'node:sqlite';
import type { StorageFailureReason } from '../../../shared/protocol/index.ts';
import type { Logger } from '../log.ts';
import { classifyStorageError } from './storage-errors.ts';

/** One write waiting for the database; all pending writes go in one transaction, in the order they were queued. */
export interface PendingWrite {
  /** A later write with the same key replaces this one: for snapshots (the run state), only the latest matters. */
  readonly key?: string;
  /** Events this write carries (the memory bound and the held count); 0 for snapshots. */
  size?(): number;
  /** Runs inside the transaction; throws to refuse. */
  write(): void;
  /** Set once the write is committed. */
  done?: boolean;
  /** Called once the write is committed (after the transaction, never inside it). */
  committed?(): void;
}

export interface WriteFailing {
  reason: StorageFailureReason;
  detail: string;
  since: number;
  held: number;
  dropped: number;
}

export type WriteChange =
  | ({ type: 'failing' } & WriteFailing)
  | { type: 'recovered'; written: number; dropped: number; failedMs: number };

export interface WriteBehindOptions {
  db: DatabaseSync;
  log: Logger;
  now?: () => number;
  onChange?: (change: WriteChange) => void;
  /** Delay that gathers writes into one transaction while the database is healthy. */
  batchMs?: number;
  /** Retry backoff while writes fail: from min, doubling, to max. */
  retry?: { minMs: number; maxMs: number };
  /** Events held in memory at most while writes fail; beyond it new events are counted as dropped. */
  maxHeld?: number;
}

export const WRITE_BATCH_MS = 100;
export const WRITE_RETRY = { minMs: 250, maxMs: 2_000 };
/** ~100 MB of feed events at most; at 2,000 messages a second that is ~50 s, at a busy real room's 100/s ~17 min. */
export const MAX_HELD_EVENTS = 100_000;

/**
 * Writes that must not stall or stop the show: the session log and the run state. While the database accepts
 * them they are written within ~100 ms (at once when the caller flushes). When a write fails because of the
 * storage (another program holds the lock, the disk is full) nothing is dropped: everything stays queued in
 * order, the failure is reported once, and the whole queue is retried with backoff, never on the caller's path,
 * so a locked database costs the engine at most one short busy wait per retry. A write that fails for any other
 * reason (a bug) is dropped alone and logged, so it cannot block the others forever.
 */
export class WriteBehind {
  readonly #db: DatabaseSync;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #onChange: (change: WriteChange) => void;
  readonly #batchMs: number;
  readonly #retry: { minMs: number; maxMs: number };
  readonly #maxHeld: number;
  #queue: PendingWrite[] = [];
  #held = 0;
  #dropped = 0;
  #timer: NodeJS.Timeout | null = null;
  #failing: WriteFailing | null = null;
  #attempts = 0;
  #retryAt = 0;
  #closed = false;

  constructor(options: WriteBehindOptions) {
    this.#db = options.db;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#batchMs = options.batchMs ?? WRITE_BATCH_MS;
    this.#retry = options.retry ?? WRITE_RETRY;
    this.#maxHeld = options.maxHeld ?? MAX_HELD_EVENTS;
  }

  /** Null while writes succeed. */
  get failing(): Readonly<WriteFailing> | null {
    return this.#failing ? { ...this.#failing, held: this.#held, dropped: this.#dropped } : null;
  }

  /** Events queued and not yet written. */
  get held(): number {
    return this.#held;
  }

  enqueue(write: PendingWrite): void {
    if (write.key !== undefined) this.#queue = this.#queue.filter((w) => w.key !== write.key);
    this.#queue.push(write);
    this.#held += write.size?.() ?? 0;
    this.#schedule();
  }

  /**
   * Make room for `count` events a pending write is about to carry. False when the memory bound is reached:
   * the events are counted as dropped and must not be added.
   */
  reserve(count = 1): boolean {
    if (this.#held + count > this.#maxHeld) {
      if (this.#dropped === 0) {
        this.#log.error(`${this.#held} events are held in memory and the database still refuses them; further events are not recorded until it accepts writes`);
      }
      this.#dropped += count;
      return false;
    }
    this.#held += count;
    this.#schedule();
    return true;
  }

  /**
   * Write everything queued now. While writes are failing this does nothing until the next retry is due (the
   * retry timer is in charge), so callers on the hot path never wait on a locked database. True when nothing
   * is left pending.
   */
  flush(): boolean {
    if (this.#queue.length === 0) return true;
    if (this.#failing && this.#now() < this.#retryAt) return false;
    return this.#attempt();
  }

  /** A last attempt regardless of backoff (the engine is stopping); no retries afterwards. */
  close(): boolean {
    this.#closed = true;
    this.#clearTimer();
    const ok = this.#queue.length === 0 || this.#attempt();
    if (!ok) this.#log.error(`Stopping with ${this.#held} events that could not be written: ${this.#failing?.detail ?? ''}`);
    this.#clearTimer();
    return ok;
  }

  #schedule(): void {
    if (this.#closed || this.#failing) return; // the retry timer is already set
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.flush();
    }, this.#batchMs);
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #attempt(): boolean {
    this.#clearTimer();
    const queue = this.#queue;
    let current: PendingWrite | null = null;
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const write of queue) {
        current = write;
        write.write();
      }
      current = null;
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#rollback();
      if (current && !classifyStorageError(error).transient) return this.#discard(current, error);
      return this.#failed(error);
    }
    // Writes queued while this ran (none: it is synchronous) would be kept; everything in `queue` is on disk.
    this.#queue = this.#queue.filter((w) => !queue.includes(w));
    for (const write of queue) write.done = true;
    for (const write of queue) write.committed?.();
    const written = this.#held;
    this.#held = 0;
    const failing = this.#failing;
    if (failing) {
      const dropped = this.#dropped;
      const failedMs = this.#now() - failing.since;
      this.#failing = null;
      this.#attempts = 0;
      this.#dropped = 0;
      this.#log.info(`The database accepts writes again after ${Math.round(failedMs / 1000)} s: ${written} held events written, ${dropped} dropped`);
      this.#onChange({ type: 'recovered', written, dropped, failedMs });
    }
    return true;
  }

  /** A write refused for a reason other than the storage: drop it alone (logged), then write the rest. */
  #discard(write: PendingWrite, error: unknown): boolean {
    const size = write.size?.() ?? 0;
    this.#log.error(`A database write was refused and dropped (${size} events): ${error instanceof Error ? error.message : String(error)}`);
    this.#queue = this.#queue.filter((w) => w !== write);
    this.#held -= size;
    this.#dropped += size;
    return this.#queue.length === 0 || this.#attempt();
  }

  #failed(error: unknown): boolean {
    const failure = classifyStorageError(error);
    const now = this.#now();
    if (!this.#failing) {
      this.#log.error(`Writing to the database failed (${failure.reason}: ${failure.detail}); ${this.#held} events are held in memory and retried`);
      this.#failing = { reason: failure.reason, detail: failure.detail, since: now, held: 0, dropped: 0 };
    } else {
      this.#failing = { ...this.#failing, reason: failure.reason, detail: failure.detail };
    }
    this.#attempts += 1;
    const delay = Math.min(this.#retry.maxMs, this.#retry.minMs * 2 ** Math.min(this.#attempts - 1, 20));
    this.#retryAt = now + delay;
    if (!this.#closed) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#attempt();
      }, delay);
    }
    this.#onChange({ type: 'failing', ...this.#failing, held: this.#held, dropped: this.#dropped });
    return false;
  }

  #rollback(): void {
    // SQLite may already have rolled back by itself (SQLITE_FULL, I/O errors); then there is nothing to undo.
    try {
      this.#db.exec('ROLLBACK');
    } catch {
      /* no transaction was open */
    }
  }
}
