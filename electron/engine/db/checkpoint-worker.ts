/**
 * Runs in a worker thread with its own connection to the database: copies the write-ahead log back into the main
 * file on a timer, so the engine's thread never pays for a checkpoint inside a commit (a big member feed-back
 * would otherwise stall the live show for a few hundred milliseconds). PASSIVE never takes the writer's lock.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointReport, CheckpointWorkerData } from './checkpointer.ts';

const { file, intervalMs } = workerData as CheckpointWorkerData;
const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 1000');

function checkpoint(): void {
  let report: CheckpointReport;
  try {
    const row = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { busy: number; log: number; checkpointed: number } | undefined;
    report = { ok: true, walPages: row?.log ?? 0, checkpointedPages: row?.checkpointed ?? 0 };
  } catch (error) {
    report = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(report);
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on('message', (message: unknown) => {
  if (message === 'now') checkpoint();
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort?.close();
  }
});
