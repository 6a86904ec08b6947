import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { addEvents, addSession, ev, T0 } from './__tests__/db-fixture.ts';
import { feedBackInWorker } from './feedback-in-worker.ts';

describe('feed-back on a worker thread', () => {
  it('applies an ended broadcast once, on its own connection, and says why when it cannot', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-fb-worker-'));
    const db = openDatabase({ dataDir });
    addSession(db, { id: 'show', startedAt: T0 });
    addEvents(db, 'show', [ev.enter('a', T0), ev.comment('b', T0 + 1000), ev.order('a', T0 + 2000, 'o-1', 99)]);

    const result = await feedBackInWorker({ dataDir, sessionId: 'show' });
    expect(result).toMatchObject({ sessionId: 'show', dryRun: false, members: 2, newMembers: 2, alreadyAppliedAt: null });
    expect((db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n).toBe(2);

    const again = await feedBackInWorker({ dataDir, sessionId: 'show' });
    expect(again.alreadyAppliedAt).not.toBeNull();
    await expect(feedBackInWorker({ dataDir, sessionId: 'nope' })).rejects.toThrow('There is no session "nope"');
    db.close();
  });
});
