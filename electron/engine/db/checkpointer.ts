import { Worker } from 'node:worker_threads';
import type { DatabaseSync } from 'node:sqlite';
import { workerFile } from '../worker-file.ts';

export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
}

export type CheckpointReport = { ok: true; walPages: number; checkpointedPages: number } | { ok: false; message: string };

/** SQLite's own default: checkpoint once the log passes 1000 pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export interface CheckpointerOptions {
  db: DatabaseSync;
  file: string;
  intervalMs?: number;
  onProblem?: (message: string) => void;
}

/**
 * Moves WAL checkpoints off the engine's thread. The engine's connection stops checkpointing on commit
 * (wal_autocheckpoint = 0) and a worker checkpoints every few seconds instead. If the worker cannot run, the
 * connection goes back to SQLite's automatic checkpoints, so the log never grows without bound.
 */
export class WalCheckpointer {
  readonly #db: DatabaseSync;
  readonly #onProblem: (message: string) => void;
  #worker: Worker | null;
  #last: CheckpointReport | null = null;

  constructor({ db, file, intervalMs = 5000, onProblem = () => undefined }: CheckpointerOptions) {
    this.#db = db;
    this.#onProblem = onProblem;
    const script = workerFile(import.meta.url, 'checkpoint-worker');
    const data: CheckpointWorkerData = { file, intervalMs };
    db.exec('PRAGMA wal_autocheckpoint = 0');
    this.#worker = new Worker(script, { workerData: data });
    this.#worker.unref();
    this.#worker.on('message', (report: CheckpointReport) => {
      this.#last = report;
      if (!report.ok) this.#onProblem(`Background checkpoint failed: ${report.message}`);
    });
    this.#worker.on('error', (error) => this.#fallBack(`Background checkpoints stopped (${error.message}); SQLite checkpoints on commit again.`));
    this.#worker.on('exit', (code) => {
      if (this.#worker && code !== 0) this.#fallBack(`Background checkpoints exited with code ${code}; SQLite checkpoints on commit again.`);
    });
  }

  /** The worker's latest result, for diagnostics and tests. */
  get last(): CheckpointReport | null {
    return this.#last;
  }

  /** Ask for a checkpoint now (e.g. right after a large write); resolves with its report. */
  checkpointNow(): Promise<CheckpointReport | null> {
    const worker = this.#worker;
    if (!worker) return Promise.resolve(null);
    // Kept referenced while an answer is awaited: an unreferenced worker would let the process exit mid-wait.
    worker.ref();
    return new Promise((resolve) => {
      const done = (report: CheckpointReport | null) => {
        worker.off('exit', gone);
        worker.unref();
        resolve(report);
      };
      const gone = () => done(null);
      worker.once('message', done);
      worker.once('exit', gone);
      worker.postMessage('now');
    });
  }

  /** Stop the worker and leave the log folded into the main file for a clean close. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.ref();
      worker.postMessage('stop');
      await exited;
    }
    try {
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch (error) {
      this.#onProblem(`Final checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #fallBack(message: string): void {
    this.#worker = null;
    this.#db.exec(`PRAGMA wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    this.#onProblem(message);
  }
}
