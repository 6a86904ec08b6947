import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export const DATABASE_FILE = 'cuedeck.sqlite';
const OPEN_BUSY_TIMEOUT_MS = 5_000;
/**
 * Once running, the engine is the database's only writer; another program holding the lock (a backup tool, a DB
 * browser) must not freeze the engine, whose one thread also runs the clocks and the feeds. A write waits this
 * long at most, then fails: the session log and run state are retried later (WriteBehind), a command is refused.
 */
export const RUNTIME_BUSY_TIMEOUT_MS = 100;

/** A failure the user must act on (wrong version, unreadable file); a restart will not fix it. */
export class DatabaseOpenError extends Error {
  readonly code: 'newer_schema' | 'unreadable' | 'migration_failed';
  constructor(code: DatabaseOpenError['code'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.code = code;
  }
}

export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version?: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Look at an existing file read-only before anything writes to it, so a database left by a newer Cuedeck is
 * refused untouched (switching to WAL or migrating would already modify it).
 */
function checkExistingVersion(file: string, latest: number): void {
  if (!existsSync(file)) return;
  let probe: DatabaseSync | undefined;
  let found: number;
  try {
    probe = new DatabaseSync(file, { readOnly: true });
    found = readUserVersion(probe);
  } catch (error) {
    throw new DatabaseOpenError('unreadable', `Cannot read the database at ${file}: ${String(error)}`, { cause: error });
  } finally {
    probe?.close();
  }
  if (found > latest) {
    throw new DatabaseOpenError(
      'newer_schema',
      `The database at ${file} was written by a newer version of Cuedeck (schema ${found}; this version knows up to ${latest}). ` +
        'It was left untouched. Update Cuedeck, or start with another --data-dir.',
    );
  }
}

/** Apply the migrations above the current version, each in its own transaction. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = latestSchemaVersion(migrations);
  const current = readUserVersion(db);
  if (current > latest) {
    throw new DatabaseOpenError('newer_schema', `Database schema ${current} is newer than this Cuedeck (${latest}).`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      // PRAGMA cannot take a bound parameter; the version is our own integer.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new DatabaseOpenError(
        'migration_failed',
        `Upgrading the database to schema ${migration.version} (${migration.name}) failed; nothing was changed: ${String(error)}`,
        { cause: error },
      );
    }
  }
  return readUserVersion(db);
}

export interface OpenDatabaseOptions {
  dataDir: string;
  migrations?: readonly Migration[];
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function openDatabase({ dataDir, migrations = MIGRATIONS }: OpenDatabaseOptions): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const file = databaseFile(dataDir);
  checkExistingVersion(file, latestSchemaVersion(migrations));
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    // Opening may wait for an engine that is still shutting down on the same folder.
    db.exec(`PRAGMA busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    // 64 MiB of page cache (SQLite's default is 2 MiB): a feed-back touches ~50k members spread over a large
    // table, and with the default most of those lookups go back to the file.
    db.exec('PRAGMA cache_size = -65536');
    migrate(db, migrations);
    db.exec(`PRAGMA busy_timeout = ${RUNTIME_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
