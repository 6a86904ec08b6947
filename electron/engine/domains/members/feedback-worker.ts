/**
 * Runs one broadcast's feed-back in a worker thread with its own database connection, so the engine's thread
 * keeps serving the views while 50,000 attendees are written (about two seconds). The same MembersService code
 * runs here as on the main thread; its transaction and the feedback_runs row keep it exactly-once either way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.ts';
import { SettingsRepository } from '../settings/settings-repository.ts';
import type { FeedBackWorkerAnswer, FeedBackWorkerData } from './feedback-in-worker.ts';
import { MemberRepository } from './member-repository.ts';
import { MembersService } from './member-service.ts';

const { dataDir, sessionId } = workerData as FeedBackWorkerData;
let answer: FeedBackWorkerAnswer;
try {
  const db = openDatabase({ dataDir });
  try {
    // Off the engine's thread a wait costs no one: let the engine's short writes finish rather than fail.
    db.exec('PRAGMA busy_timeout = 10000');
    const service = new MembersService({ repo: new MemberRepository(db), settings: new SettingsRepository(db) });
    answer = { ok: true, result: service.feedBack(sessionId) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(answer);
