import { Worker } from 'node:worker_threads';
import type { FeedBackResult } from '../../../../shared/members/feedback.ts';

export interface FeedBackWorkerData {
  dataDir: string;
  sessionId: string;
}

export type FeedBackWorkerAnswer = { ok: true; result: FeedBackResult } | { ok: false; message: string };

/** Feeds one ended broadcast back into member records on a worker thread; resolves with what was applied. */
export function feedBackInWorker(data: FeedBackWorkerData): Promise<FeedBackResult> {
  // Same extension as this module: .ts when the engine runs from source, .js when built.
  const file = new URL(`./feedback-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    let answered = false;
    worker.once('message', (answer: FeedBackWorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else reject(new Error(answer.message));
    });
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the feed-back worker stopped (exit code ${code}) before answering`));
    });
  });
}
