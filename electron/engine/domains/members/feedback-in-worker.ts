import { Worker } from 'node:worker_threads';
import type { FeedBackResult } from '../../../../shared/members/feedback.ts';
import { workerFile } from '../../worker-file.ts';

export interface FeedBackWorkerData {
  dataDir: string;
  sessionId: string;
}

export type FeedBackWorkerAnswer = { ok: true; result: FeedBackResult } | { ok: false; message: string };

/** Feeds one ended broadcast back into member records on a worker thread; resolves with what was applied. */
export function feedBackInWorker(data: FeedBackWorkerData): Promise<FeedBackResult> {
  const file = workerFile(import.meta.url, 'feedback-worker');
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
