import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, DatabaseOpenError, latestSchemaVersion, migrate, openDatabase } from './database.ts';
import type { Migration } from './migrations/index.ts';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'cuedeck-db-'));
const userVersion = (db: DatabaseSync) => (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

describe('openDatabase', () => {
  it('creates the database in WAL mode at the latest schema', () => {
    const db = openDatabase({ dataDir: freshDir() });
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect(userVersion(db)).toBe(latestSchemaVersion());
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', 0)").run();
    db.close();
  });

  it('reopens an existing database without re-running migrations or losing data', () => {
    const dir = freshDir();
    const first = openDatabase({ dataDir: dir });
    first.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('kept', '\"yes\"', 0)").run();
    first.close();
    const second = openDatabase({ dataDir: dir });
    expect(second.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: '"yes"' });
    second.close();
  });

  it('refuses a database from a newer version and leaves the file byte-for-byte untouched', () => {
    const dir = freshDir();
    const file = path.join(dir, DATABASE_FILE);
    const newer = new DatabaseSync(file);
    newer.exec('CREATE TABLE future (x INTEGER); PRAGMA user_version = 99;');
    newer.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    let thrown: unknown;
    try {
      openDatabase({ dataDir: dir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseOpenError);
    expect((thrown as DatabaseOpenError).code).toBe('newer_schema');
    expect((thrown as Error).message).toMatch(/newer version of Cuedeck \(schema 99; this version knows up to \d+\)/);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('says clearly when the file is not a database', async () => {
    const dir = freshDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, DATABASE_FILE), 'this is not sqlite at all, just text '.repeat(50));
    expect(() => openDatabase({ dataDir: dir })).toThrow(/Cannot read the database/);
  });
});

describe('migrate', () => {
  const steps: Migration[] = [
    { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE one (x INTEGER)') },
    { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE two (x INTEGER)') },
  ];

  it('applies only the migrations above the current version', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    expect(migrate(db, steps)).toBe(2);
    expect(migrate(db, steps)).toBe(2);
    db.close();
  });

  it('rolls a failing migration back completely and keeps the previous version', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, steps.slice(0, 1));
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [steps[0] as Migration, broken])).toThrow(/schema 2 \(broken\) failed; nothing was changed/);
    expect(userVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});
