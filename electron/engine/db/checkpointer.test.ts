import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { WalCheckpointer } from './checkpointer.ts';
import { databaseFile, openDatabase } from './database.ts';

const walSize = (file: string) => statSync(`${file}-wal`).size;
const open: { db: DatabaseSync; checkpointer: WalCheckpointer }[] = [];

function start(intervalMs = 3_600_000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cuedeck-ckpt-'));
  const db = openDatabase({ dataDir: dir });
  const checkpointer = new WalCheckpointer({ db, file: databaseFile(dir), intervalMs });
  open.push({ db, checkpointer });
  return { db, file: databaseFile(dir), checkpointer };
}

/** Enough rows to pass SQLite's default 1000-page auto-checkpoint several times over. */
function writeMuch(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS filler (v TEXT)');
  const insert = db.prepare('INSERT INTO filler (v) VALUES (?)');
  db.exec('BEGIN');
  for (let i = 0; i < 20_000; i++) insert.run('x'.repeat(300));
  db.exec('COMMIT');
}

afterEach(async () => {
  for (const { db, checkpointer } of open.splice(0)) {
    await checkpointer.stop();
    db.close();
  }
});

describe('WalCheckpointer', () => {
  it('keeps checkpoints out of commits and leaves them to the worker', async () => {
    const { db, checkpointer } = start();
    writeMuch(db);
    writeMuch(db);
    // Without the worker's help nothing was copied back: the whole log is still pending.
    const report = await checkpointer.checkpointNow();
    expect(report).toMatchObject({ ok: true });
    expect(report && report.ok && report.walPages).toBeGreaterThan(2000);
    expect(report && report.ok && report.checkpointedPages).toBe(report && report.ok && report.walPages);
  });

  it('checkpoints on its own timer', async () => {
    const { db, checkpointer } = start(50);
    writeMuch(db);
    await expect.poll(() => checkpointer.last, { timeout: 5000 }).toMatchObject({ ok: true, checkpointedPages: expect.any(Number) as number });
    await expect.poll(() => (checkpointer.last?.ok ? checkpointer.last.checkpointedPages : 0), { timeout: 5000 }).toBeGreaterThan(1000);
  });

  it('folds the log into the main file on stop', async () => {
    const { db, file, checkpointer } = start();
    writeMuch(db);
    expect(walSize(file)).toBeGreaterThan(1_000_000);
    await checkpointer.stop();
    expect(walSize(file)).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n).toBe(20_000);
  });
});
