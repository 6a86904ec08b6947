import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Show } from '../../../../shared/show/schema.ts';
import { Show as ShowSchema } from '../../../../shared/show/schema.ts';
import { migrate } from '../../db/database.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import { createLogger } from '../../log.ts';
import { NoticeBus } from '../../state/notices.ts';
import { StateHub } from '../../state/state-hub.ts';
import { placeholderState, TEST_ENGINE_INFO } from '../../state/initial-state.ts';
import { SettingsRepository } from '../settings/settings-repository.ts';
import { RUN_TICK_MS, RunService, type StageControl } from './run-service.ts';
import { ShowService } from './show-service.ts';
import { ShowStore } from './show-store.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

const script: Show = ShowSchema.parse({
  id: 'show',
  title: 'Autumn skincare',
  products: [{ id: 'p1', sku: 'SKU-1', name: 'Serum', listPrice: 199, dealPrice: 99, stock: 100, perCustomerLimit: 2 }],
  segments: [
    { id: 's1', kind: 'opening', title: 'Hello', plannedDurationMs: 2 * MIN, sceneName: 'Opening scene' },
    {
      id: 's2',
      kind: 'product',
      title: 'Serum',
      plannedDurationMs: 5 * MIN,
      sceneName: 'Demo scene',
      productIds: ['p1'],
      cues: [{ id: 'c1', offsetMs: 30_000, message: 'Show the price card', sceneItem: { sceneName: 'Demo scene', sourceName: 'Price', enabled: true } }],
      flashSales: [
        { id: 'f1', productId: 'p1', dealPrice: 79, quantity: 3, perCustomerLimit: 2, warmupMs: 10_000, durationMs: MIN, start: { mode: 'offset', offsetMs: 60_000 } },
      ],
    },
    { id: 's3', kind: 'closing', title: 'Bye', plannedDurationMs: MIN, talkingPoints: '全网最低价，最好的精华' },
  ],
});

let now = T0;
let db: DatabaseSync;
const log = createLogger('test', () => undefined);

function build(initialShow: Show = script) {
  const settings = new SettingsRepository(db);
  const store = new ShowStore(settings);
  const hub = new StateHub(placeholderState(TEST_ENGINE_INFO));
  const shows = new ShowService(hub, store, [{ word: '最好', category: 'superlative' }, { word: '全网最低', category: 'superlative' }]);
  hub.set(shows.initialSlices());
  if (hub.state.script.show.id !== initialShow.id) shows.replace(initialShow);
  const stage: StageControl & { looks: unknown[]; items: unknown[] } = {
    looks: [],
    items: [],
    async applySegmentLook(sceneName, presetId) {
      this.looks.push([sceneName, presetId]);
    },
    async setSourceVisible(sceneName, sourceName, enabled) {
      this.items.push([sceneName, sourceName, enabled]);
    },
  };
  const run = new RunService({ hub, store, script: shows, stage, notices: new NoticeBus(), log, now: () => now });
  hub.set({ run: run.initialSlice() });
  run.start();
  return { hub, run, stage, shows };
}

const advance = (ms: number) => {
  now += ms;
  vi.advanceTimersByTime(ms);
};

beforeEach(() => {
  vi.useFakeTimers();
  now = T0;
  db = new DatabaseSync(':memory:');
  migrate(db);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('RunService', () => {
  it('refuses to go live with banned words until the producer confirms', () => {
    const { run, hub } = build();
    expect(() => run.begin(false, false)).toThrow(expect.objectContaining({ code: 'compliance_flags', issues: expect.arrayContaining(['最好']) }));
    expect(hub.state.run.run.status).toBe('idle');
    run.begin(true, true);
    expect(hub.state.run.run).toMatchObject({ status: 'running', segmentIndex: 0, segmentStartedAt: T0, showStartedAt: T0 });
    expect(hub.state.run.rehearsal).toBe(true);
    run.stop();
  });

  it('applies the segment look on every segment start and records instants for next/hold/extend', async () => {
    const { run, hub, stage } = build();
    run.begin(false, true);
    advance(90_000);
    run.next();
    expect(hub.state.run.run).toMatchObject({ segmentIndex: 1, segmentStartedAt: T0 + 90_000 });
    run.hold();
    advance(20_000);
    run.resume();
    run.extend(MIN);
    expect(hub.state.run.run).toMatchObject({ heldTotalMs: 20_000, extensionsMs: { s2: MIN } });
    await Promise.resolve();
    expect(stage.looks).toEqual([
      ['Opening scene', null],
      ['Demo scene', null],
    ]);
    run.stop();
  });

  it('fires cues and opens scheduled flash sales at their offsets; orders run the sale down', () => {
    const { run, hub, stage } = build();
    run.begin(false, true);
    run.next(); // s2 at T0
    advance(30_000 + RUN_TICK_MS);
    expect(hub.state.run.cues[0]).toMatchObject({ cueId: 'c1', message: 'Show the price card' });
    expect(stage.items).toEqual([['Demo scene', 'Price', true]]);

    advance(30_000); // offset 60 s: warm-up starts
    expect(hub.state.run.sales[0]).toMatchObject({ status: 'warmup', openedAt: T0 + 60_000 });
    expect(() => run.recordSale('f1', 1, 'early')).toThrow(CommandFailure);
    advance(10_000); // warm-up over: live
    expect(hub.state.run.sales[0]?.status).toBe('live');
    run.recordSale('f1', 2, 'buyer-a');
    expect(() => run.recordSale('f1', 1, 'buyer-a')).toThrow(/over_limit/);
    run.recordSale('f1', 1, 'buyer-b');
    expect(hub.state.run.sales[0]).toMatchObject({ status: 'soldout', sold: 3, remaining: 0, buyers: 2, rejected: expect.objectContaining({ over_limit: 1 }) });
    run.stop();
  });

  it('auto-advance moves on at the exact instant the segment ran out', () => {
    const { run, hub } = build();
    run.setAutoAdvance(true);
    run.begin(false, true);
    advance(2 * MIN + 3 * RUN_TICK_MS);
    expect(hub.state.run.run).toMatchObject({ segmentIndex: 1, segmentStartedAt: T0 + 2 * MIN });
    run.stop();
  });

  it('after a crash the run resumes from its recorded instants and reports the gap', () => {
    const first = build();
    first.run.begin(false, true);
    advance(5_000);
    first.run.stop(); // the engine dies here; the last heartbeat was written at most 1 s ago
    now += 42_000;
    const second = build();
    expect(second.hub.state.run.run).toMatchObject({ status: 'running', segmentStartedAt: T0 });
    expect(second.hub.state.run.recovered?.gapMs).toBeGreaterThanOrEqual(42_000);
    expect(second.hub.state.run.recovered?.gapMs).toBeLessThan(44_000);
    second.run.stop();
  });

  it('refuses an edit that deletes the segment on air, and changes nothing', () => {
    const { run, hub, shows } = build();
    shows.setGuard((show) => run.checkEdit(show));
    run.begin(false, true);
    run.next(); // s2 on air
    const without = { ...script, segments: script.segments.filter((s) => s.id !== 's2') };
    expect(() => shows.replace(without)).toThrow(/segment on air cannot be deleted/);
    expect(hub.state.script.show.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    run.stop();
  });

  it('keeps the run on the same segment when the script is edited mid-show', () => {
    const { run, hub, shows } = build();
    run.begin(false, true);
    run.next(); // s2
    const reordered = { ...script, segments: [script.segments[2], script.segments[0], script.segments[1]] as Show['segments'] };
    shows.replace(reordered);
    expect(hub.state.run.run).toMatchObject({ segmentId: 's2', segmentIndex: 2 });
    run.stop();
  });
});
