import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const DATABASE_FILE = 'cuedeck.sqlite';

/** Read the engine's database from outside, as another program would (it is in WAL mode: readers never block it). */
function readOnly<T>(dataDir: string, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The `ref` (feed event id) of every logged event, per kind: what the session log holds. */
export function loggedRefs(dataDir: string): Map<string, string> {
  return readOnly(dataDir, (db) => {
    const rows = db.prepare('SELECT ref, kind FROM events WHERE ref IS NOT NULL').all() as { ref: string; kind: string }[];
    return new Map(rows.map((r) => [r.ref, r.kind]));
  });
}

export function countLogged(dataDir: string, kind: string): number {
  return readOnly(dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM events WHERE kind = ?').get(kind) as { n: number }).n);
}

/** SQLite's own check of every page and index; 'ok' when the file is sound. */
export function integrityCheck(dataDir: string): string {
  return readOnly(dataDir, (db) => (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check);
}

/** Another program taking the database's write lock, as a backup tool or a DB browser would. */
export function lockDatabase(dataDir: string): { release(): void } {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
  db.exec('BEGIN EXCLUSIVE');
  return {
    release() {
      if (!db.isOpen) return;
      db.exec('COMMIT');
      db.close();
    },
  };
}

/** A small RAM disk that can really fill up (needs root, for mount). */
export interface SmallDisk {
  dir: string;
  /** Write a file until the disk refuses another byte. */
  fill(): void;
  /** Delete that file: space is back. */
  free(): void;
  unmount(): void;
}

export function canMountSmallDisk(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'cuedeck-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export function mountSmallDisk(sizeMb: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'cuedeck-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
  mkdirSync(path.join(dir, 'data'));
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x55);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(filler);
    },
    unmount() {
      // Lazy: a process that still holds a file there must not leave the mount behind.
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
