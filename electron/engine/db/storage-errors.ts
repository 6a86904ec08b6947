import type { StorageFailureReason } from '../../../shared/protocol/index.ts';

// SQLite primary result codes (https://sqlite.org/rescode.html); node:sqlite puts the code in `errcode`.
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_PROTOCOL = 15;

export interface StorageFailure {
  reason: StorageFailureReason;
  /** SQLite's own words, for the log and the detail line of the banner. */
  detail: string;
  /** True when retrying the same write later can succeed (lock released, space freed). */
  transient: boolean;
}

function errcode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return null;
  const code = (error as { errcode: unknown }).errcode;
  // Extended codes carry the primary code in the low byte (SQLITE_IOERR_WRITE = 778 → 10).
  return typeof code === 'number' ? code & 0xff : null;
}

/** What a failed database write means for the user: locked by someone else, disk full, read-only, I/O, or a bug. */
export function classifyStorageError(error: unknown): StorageFailure {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  switch (errcode(error)) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
      return { reason: 'locked', detail, transient: true };
    case SQLITE_FULL:
      return { reason: 'full', detail, transient: true };
    case SQLITE_READONLY:
      return { reason: 'readonly', detail, transient: true };
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return { reason: 'io', detail, transient: true };
    default:
      return { reason: 'other', detail, transient: false };
  }
}

/** True for errors from SQLite about the storage itself (not a constraint or a bug in our SQL). */
export function isStorageError(error: unknown): boolean {
  return classifyStorageError(error).transient;
}

const REASON_TEXT: Record<StorageFailureReason, string> = {
  locked: "Cuedeck's database is locked by another program",
  full: 'The disk holding Cuedeck\'s database is full',
  readonly: "Cuedeck's database cannot be written (read-only)",
  io: "Cuedeck's database cannot be written (disk error)",
  other: "Cuedeck's database refused the write",
};

/** One sentence for an API or command answer: what happened, that nothing was changed, and SQLite's words. */
export function storageErrorMessage(error: unknown): string {
  const failure = classifyStorageError(error);
  return `${REASON_TEXT[failure.reason]}; nothing was changed (${failure.detail}). Try again once it is resolved.`;
}
