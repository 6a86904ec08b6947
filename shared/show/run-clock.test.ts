import { describe, expect, it } from 'vitest';
import { deleteSegment, moveSegment } from './editor.ts';
import {
  advanceIfDue,
  autoAdvanceAt,
  dueCues,
  dueFlashSales,
  endRun,
  extendSegment,
  holdRun,
  initialRunState,
  isOverrun,
  jumpToSegment,
  markCuesFired,
  markSalesFired,
  nextSegment,
  plannedEndAt,
  previousSegment,
  projectedEndAt,
  rebaseRun,
  resetRun,
  resumeRun,
  runDriftMs,
  runView,
  segmentElapsedMs,
  segmentRemainingMs,
  setAutoAdvance,
  shouldAutoAdvance,
  startRun,
  upcomingSegmentIndex,
} from './run-clock.ts';
import type { RunState } from './run-clock.ts';
import type { Segment, Show } from './schema.ts';

const MIN = 60_000;
/** An arbitrary engine-clock origin: every instant in these tests is T0 + something. */
const T0 = 1_764_590_400_000;
const at = (ms: number) => T0 + ms;

function segment(id: string, minutes: number, extra: Partial<Segment> = {}): Segment {
  return {
    id,
    kind: 'custom',
    title: id,
    plannedDurationMs: minutes * MIN,
    talkingPoints: '',
    sceneName: null,
    cameraPresetId: null,
    productIds: [],
    cues: [],
    flashSales: [],
    ...extra,
  };
}

/** Six 10-minute segments: one planned hour. The first has cues and a scheduled flash sale. */
const show: Show = {
  id: 'show',
  title: 'Hour',
  platforms: [],
  plannedStart: null,
  bannedWords: null,
  products: [{ id: 'p', sku: 'P', name: 'P', listPrice: 10, dealPrice: 9, stock: 10, perCustomerLimit: 1 }],
  segments: [
    segment('s0', 10, {
      cues: [
        { id: 'c-late', offsetMs: 9 * MIN, message: 'wrap up' },
        { id: 'c-start', offsetMs: 0, message: 'welcome' },
        { id: 'c-30s', offsetMs: 30_000, message: 'price card' },
      ],
      flashSales: [
        { id: 'f-manual', productId: 'p', dealPrice: 5, quantity: 5, perCustomerLimit: 1, warmupMs: 10_000, durationMs: MIN, start: { mode: 'manual' } },
        { id: 'f-2m', productId: 'p', dealPrice: 5, quantity: 5, perCustomerLimit: 1, warmupMs: 10_000, durationMs: MIN, start: { mode: 'offset', offsetMs: 2 * MIN } },
      ],
    }),
    segment('s1', 10),
    segment('s2', 10),
    segment('s3', 10),
    segment('s4', 10),
    segment('s5', 10),
  ],
};

const started = () => startRun(initialRunState(), show, at(0));

describe('transitions', () => {
  it('starts idle and starts the first segment at the given instant', () => {
    const idle = initialRunState();
    expect(idle).toMatchObject({ status: 'idle', segmentIndex: 0, segmentId: null, autoAdvance: false, history: [] });
    const s = started();
    expect(s).toMatchObject({ status: 'running', segmentIndex: 0, segmentId: 's0', segmentStartedAt: at(0), showStartedAt: at(0), heldTotalMs: 0 });
    expect(startRun(s, show, at(5))).toBe(s);
    expect(startRun(idle, { ...show, segments: [] }, at(0))).toBe(idle);
  });

  it('next closes the segment into the history and starts the following one', () => {
    const s = nextSegment(started(), show, at(7 * MIN));
    expect(s).toMatchObject({ segmentIndex: 1, segmentId: 's1', segmentStartedAt: at(7 * MIN), showStartedAt: at(0) });
    expect(s.history).toEqual([{ segmentId: 's0', startedAt: at(0), endedAt: at(7 * MIN), heldMs: 0 }]);
  });

  it('next on the last segment and previous on the first do nothing', () => {
    const first = started();
    expect(previousSegment(first, show, at(1))).toBe(first);
    const last = jumpToSegment(first, show, 5, at(1));
    expect(last.segmentIndex).toBe(5);
    expect(nextSegment(last, show, at(2))).toBe(last);
  });

  it('previous restarts the earlier segment from zero', () => {
    let s = nextSegment(started(), show, at(MIN));
    s = previousSegment(s, show, at(2 * MIN));
    expect(s).toMatchObject({ segmentIndex: 0, segmentStartedAt: at(2 * MIN) });
    expect(segmentElapsedMs(s, at(2 * MIN + 5_000))).toBe(5_000);
    expect(s.history.map((h) => h.segmentId)).toEqual(['s0', 's1']);
  });

  it('jump goes anywhere, starts the show from idle, and ignores the current index', () => {
    const fromIdle = jumpToSegment(initialRunState(), show, 3, at(0));
    expect(fromIdle).toMatchObject({ status: 'running', segmentIndex: 3, showStartedAt: at(0) });
    expect(jumpToSegment(fromIdle, show, 3, at(1))).toBe(fromIdle);
    expect(jumpToSegment(fromIdle, show, 99, at(1))).toBe(fromIdle);
    expect(jumpToSegment(fromIdle, show, 1, at(1)).segmentIndex).toBe(1);
  });

  it('hold freezes the segment clock and resume adds the held time', () => {
    let s = holdRun(started(), at(MIN));
    expect(s).toMatchObject({ status: 'held', heldAt: at(MIN) });
    expect(holdRun(s, at(MIN + 1))).toBe(s);
    expect(segmentElapsedMs(s, at(5 * MIN))).toBe(MIN);
    s = resumeRun(s, at(3 * MIN));
    expect(s).toMatchObject({ status: 'running', heldAt: null, heldTotalMs: 2 * MIN });
    expect(resumeRun(s, at(4 * MIN))).toBe(s);
    expect(segmentElapsedMs(s, at(4 * MIN))).toBe(2 * MIN);
  });

  it('moving on while held starts the next segment running and records the hold', () => {
    let s = holdRun(started(), at(MIN));
    s = nextSegment(s, show, at(2 * MIN));
    expect(s).toMatchObject({ status: 'running', heldAt: null, heldTotalMs: 0, segmentStartedAt: at(2 * MIN) });
    expect(s.history).toEqual([{ segmentId: 's0', startedAt: at(0), endedAt: at(2 * MIN), heldMs: MIN }]);
  });

  it('extends and shortens the current segment, within 0 .. 4 h', () => {
    let s = extendSegment(started(), show, MIN, at(10));
    s = extendSegment(s, show, MIN, at(20));
    expect(s.extensionsMs).toEqual({ s0: 2 * MIN });
    expect(segmentRemainingMs(show, s, at(0))).toBe(12 * MIN);
    s = extendSegment(s, show, -MIN, at(30));
    expect(segmentRemainingMs(show, s, at(0))).toBe(11 * MIN);
    s = extendSegment(s, show, -60 * MIN, at(40));
    expect(s.extensionsMs['s0']).toBe(-10 * MIN);
    expect(extendSegment(s, show, -MIN, at(50))).toBe(s);
    s = extendSegment(s, show, 10 * 60 * MIN, at(60));
    expect(s.extensionsMs['s0']).toBe(4 * 60 * MIN - 10 * MIN);
    expect(extendSegment(initialRunState(), show, MIN, at(0)).extensionsMs).toEqual({});
  });

  it('keeps an extension when the segment is revisited', () => {
    let s = extendSegment(started(), show, MIN, at(0));
    s = nextSegment(s, show, at(MIN));
    s = previousSegment(s, show, at(2 * MIN));
    expect(segmentRemainingMs(show, s, at(2 * MIN))).toBe(11 * MIN);
  });

  it('end closes the last segment; nothing moves afterwards; reset goes back to idle', () => {
    let s = holdRun(started(), at(MIN));
    s = endRun(s, at(3 * MIN));
    expect(s).toMatchObject({ status: 'ended', showEndedAt: at(3 * MIN), heldAt: null });
    expect(s.history).toEqual([{ segmentId: 's0', startedAt: at(0), endedAt: at(3 * MIN), heldMs: 2 * MIN }]);
    for (const t of [nextSegment(s, show, at(4 * MIN)), holdRun(s, at(4 * MIN)), endRun(s, at(4 * MIN)), jumpToSegment(s, show, 2, at(4 * MIN))]) {
      expect(t).toBe(s);
    }
    expect(endRun(initialRunState(), at(0)).status).toBe('idle');
    expect(resetRun(setAutoAdvance(s, true))).toEqual(initialRunState(true));
  });

  it('never records an instant before the last transition (wall clock stepped back)', () => {
    let s = nextSegment(started(), show, at(5 * MIN));
    s = nextSegment(s, show, at(4 * MIN));
    expect(s.segmentStartedAt).toBe(at(5 * MIN));
    expect(s.history.at(-1)).toEqual({ segmentId: 's1', startedAt: at(5 * MIN), endedAt: at(5 * MIN), heldMs: 0 });
    expect(segmentElapsedMs(s, at(4 * MIN))).toBe(0);
  });

  it('finds the current segment again after the show is edited', () => {
    const s = nextSegment(started(), show, at(MIN)); // on s1
    const moved = moveSegment(show, 1, 4);
    expect(rebaseRun(s, moved)).toMatchObject({ segmentIndex: 4, segmentId: 's1' });
    expect(rebaseRun(s, show)).toBe(s);
    const deleted = deleteSegment(show, 's1');
    expect(rebaseRun(s, deleted)).toMatchObject({ segmentIndex: 1, segmentId: 's2', segmentStartedAt: at(MIN) });
  });
});

describe('derived views', () => {
  it('at idle: nothing elapsed, the whole plan ahead', () => {
    const idle = initialRunState();
    expect(runView(show, idle, at(0))).toMatchObject({
      status: 'idle',
      segmentIndex: null,
      elapsedMs: 0,
      remainingMs: 0,
      driftMs: 0,
      projectedEndAt: at(60 * MIN),
      plannedEndAt: null,
      upcomingSegmentIndex: 0,
      dueCues: [],
      autoAdvanceAt: null,
    });
  });

  it('remaining goes negative when the segment over-runs', () => {
    const s = started();
    expect(segmentRemainingMs(show, s, at(10 * MIN))).toBe(0);
    expect(isOverrun(show, s, at(10 * MIN))).toBe(false);
    expect(segmentRemainingMs(show, s, at(10 * MIN + 1))).toBe(-1);
    expect(isOverrun(show, s, at(10 * MIN + 1))).toBe(true);
    expect(runDriftMs(show, s, at(11 * MIN))).toBe(MIN);
    expect(projectedEndAt(show, s, at(11 * MIN))).toBe(at(61 * MIN));
    expect(plannedEndAt(show, s)).toBe(at(60 * MIN));
  });

  it('drift: behind after holds, ahead after skipping, actual minus planned once ended', () => {
    let s = holdRun(started(), at(2 * MIN));
    expect(runDriftMs(show, s, at(5 * MIN))).toBe(3 * MIN);
    s = resumeRun(s, at(5 * MIN));
    expect(runDriftMs(show, s, at(6 * MIN))).toBe(3 * MIN);
    s = jumpToSegment(s, show, 3, at(6 * MIN)); // s1, s2 skipped: 30 min of plan passed after 6 min
    expect(runDriftMs(show, s, at(6 * MIN))).toBe(-24 * MIN);
    expect(projectedEndAt(show, s, at(6 * MIN))).toBe(at(6 * MIN + 30 * MIN));
    s = endRun(s, at(16 * MIN));
    expect(runDriftMs(show, s, at(99 * MIN))).toBe(16 * MIN - 60 * MIN);
    expect(projectedEndAt(show, s, at(99 * MIN))).toBe(at(16 * MIN));
  });

  it('the next segment is what "next" would start', () => {
    expect(upcomingSegmentIndex(show, started())).toBe(1);
    expect(upcomingSegmentIndex(show, jumpToSegment(started(), show, 5, at(1)))).toBeNull();
    expect(upcomingSegmentIndex(show, endRun(started(), at(1)))).toBeNull();
  });

  it('cues fall due by offset on the segment clock, once, in offset order', () => {
    let s = started();
    expect(dueCues(show, s, at(0)).map((c) => c.id)).toEqual(['c-start']);
    expect(dueCues(show, s, at(30_000)).map((c) => c.id)).toEqual(['c-start', 'c-30s']);
    s = markCuesFired(s, ['c-start', 'c-30s']);
    expect(markCuesFired(s, ['c-start'])).toBe(s);
    expect(dueCues(show, s, at(8 * MIN))).toEqual([]);
    // Held: the segment clock stops, so the 9-minute cue waits.
    s = holdRun(s, at(8 * MIN));
    expect(dueCues(show, s, at(20 * MIN))).toEqual([]);
    s = resumeRun(s, at(20 * MIN));
    expect(dueCues(show, s, at(21 * MIN - 1))).toEqual([]);
    expect(dueCues(show, s, at(21 * MIN)).map((c) => c.id)).toEqual(['c-late']);
    // Re-entering the segment makes its cues due again.
    s = previousSegment(nextSegment(s, show, at(22 * MIN)), show, at(23 * MIN));
    expect(dueCues(show, s, at(23 * MIN)).map((c) => c.id)).toEqual(['c-start']);
  });

  it('flash sales scheduled by offset fall due once; manual ones never', () => {
    let s = started();
    expect(dueFlashSales(show, s, at(2 * MIN - 1))).toEqual([]);
    expect(dueFlashSales(show, s, at(2 * MIN)).map((f) => f.id)).toEqual(['f-2m']);
    s = markSalesFired(s, ['f-2m']);
    expect(dueFlashSales(show, s, at(9 * MIN))).toEqual([]);
  });
});

describe('auto-advance', () => {
  it('is due exactly when the time allowed runs out, never when held or on the last segment', () => {
    let s = setAutoAdvance(started(), true);
    expect(setAutoAdvance(s, true)).toBe(s);
    expect(autoAdvanceAt(show, s)).toBe(at(10 * MIN));
    expect(shouldAutoAdvance(show, s, at(10 * MIN - 1))).toBe(false);
    expect(shouldAutoAdvance(show, s, at(10 * MIN))).toBe(true);
    expect(autoAdvanceAt(show, holdRun(s, at(MIN)))).toBeNull();
    expect(autoAdvanceAt(show, setAutoAdvance(s, false))).toBeNull();
    s = jumpToSegment(s, show, 5, at(MIN));
    expect(autoAdvanceAt(show, s)).toBeNull();
    expect(advanceIfDue(s, show, at(99 * MIN))).toBe(s);
  });

  it('starts the next segment at the instant the previous ran out, not at the late tick', () => {
    const s = advanceIfDue(setAutoAdvance(started(), true), show, at(10 * MIN + 737));
    expect(s).toMatchObject({ segmentIndex: 1, segmentStartedAt: at(10 * MIN) });
    expect(segmentElapsedMs(s, at(10 * MIN + 737))).toBe(737);
  });

  it('catches up over several segments after a long pause of the engine', () => {
    const s = advanceIfDue(setAutoAdvance(started(), true), show, at(35 * MIN));
    expect(s.segmentIndex).toBe(3);
    expect(s.history.map((h) => [h.segmentId, h.startedAt - T0, h.endedAt - T0])).toEqual([
      ['s0', 0, 10 * MIN],
      ['s1', 10 * MIN, 20 * MIN],
      ['s2', 20 * MIN, 30 * MIN],
    ]);
    expect(runDriftMs(show, s, at(35 * MIN))).toBe(0);
  });

  it('after shortening below the elapsed time, moves on at the instant of the change', () => {
    let s = setAutoAdvance(started(), true);
    s = extendSegment(s, show, -5 * MIN, at(7 * MIN));
    expect(autoAdvanceAt(show, s)).toBe(at(5 * MIN));
    s = advanceIfDue(s, show, at(7 * MIN + 100));
    expect(s).toMatchObject({ segmentIndex: 1, segmentStartedAt: at(7 * MIN) });
  });
});

describe('a simulated hour with holds and extensions', () => {
  type Event = [number, (s: RunState) => RunState];

  /** Runs the events in order, with a drift-free auto-advance tick loop at irregular intervals in between. */
  function simulate(events: Event[], until: number, checks: Map<number, (s: RunState) => void>): RunState {
    // Events and checkpoints in time order (an event before a checkpoint at the same instant).
    const timeline = [
      ...events.map(([t, apply]) => ({ t, order: 0, run: (s: RunState) => apply(s) })),
      ...[...checks].map(([t, check]) => ({ t, order: 1, run: (s: RunState) => (check(s), s) })),
    ].sort((a, b) => a.t - b.t || a.order - b.order);
    let s = initialRunState();
    let k = 0;
    for (let t = 0; t <= until; ) {
      while (timeline.length > 0 && (timeline[0]?.t ?? Infinity) <= t) {
        const item = timeline.shift();
        if (item) s = item.run(advanceIfDue(s, show, at(item.t)));
      }
      s = advanceIfDue(s, show, at(t));
      k += 1;
      t += 97 + ((k * 7919) % 1013); // irregular ticks, 97..1109 ms apart
    }
    return s;
  }

  it('derives exact remaining time, drift and projections at arbitrary instants', () => {
    const seen: number[] = [];
    const expectAt = (t: number, remaining: number, drift: number, extra?: (s: RunState) => void) =>
      [
        t,
        (s: RunState) => {
          seen.push(t);
          expect(segmentRemainingMs(show, s, at(t))).toBe(remaining);
          expect(runDriftMs(show, s, at(t))).toBe(drift);
          extra?.(s);
        },
      ] as const;

    const events: Event[] = [
      [0, (s) => startRun(s, show, at(0))],
      [125_000, (s) => holdRun(s, at(125_000))],
      [185_000, (s) => resumeRun(s, at(185_000))], // 60 s held in s0
      [300_000, (s) => extendSegment(s, show, MIN, at(300_000))], // s0 allowed 11 min
      [720_000, (s) => nextSegment(s, show, at(720_000))], // s0 used its 11 min exactly
      [900_000, (s) => extendSegment(s, show, -MIN, at(900_000))], // s1 allowed 9 min
      [1_000_000, (s) => holdRun(s, at(1_000_000))],
      [1_045_500, (s) => resumeRun(s, at(1_045_500))],
      [1_400_000, (s) => holdRun(s, at(1_400_000))],
      [1_430_250, (s) => resumeRun(s, at(1_430_250))], // 75 750 ms held in s1
      [1_500_000, (s) => setAutoAdvance(nextSegment(s, show, at(1_500_000)), true)], // s1 over-ran; auto from here
      [2_200_000, (s) => holdRun(s, at(2_200_000))],
      [2_260_000, (s) => resumeRun(s, at(2_260_000))], // 60 s held in s3
      [2_800_000, (s) => extendSegment(s, show, MIN, at(2_800_000))], // s4 allowed 11 min
      [4_020_000, (s) => endRun(s, at(4_020_000))],
    ];
    const checks = new Map([
      expectAt(100_000, 500_000, 0),
      expectAt(150_000, 475_000, 25_000, (s) => expect(s.status).toBe('held')),
      expectAt(333_333, 386_667, 60_000),
      expectAt(700_001, 19_999, 100_001, (s) => expect(isOverrun(show, s, at(700_001))).toBe(false)),
      expectAt(1_234_567, 70_933, 165_500),
      expectAt(1_415_000, -94_500, 215_000, (s) => expect(isOverrun(show, s, at(1_415_000))).toBe(true)),
      expectAt(1_499_999, -164_249, 299_999),
      expectAt(1_800_000, 300_000, 300_000, (s) => expect(projectedEndAt(show, s, at(1_800_000))).toBe(at(3_900_000))),
      expectAt(2_230_000, 500_000, 330_000),
      expectAt(3_000_000, 420_000, 360_000, (s) => expect(projectedEndAt(show, s, at(3_000_000))).toBe(at(4_020_000))),
      expectAt(4_019_999, 1, 420_000, (s) => expect(s.segmentIndex).toBe(5)),
    ]);

    const end = simulate(events, 4_100_000, checks);
    expect(seen).toHaveLength(11);
    expect(end.status).toBe('ended');
    // Every segment started exactly where the arithmetic says, whatever the tick times.
    expect(end.history.map((h) => [h.segmentId, h.startedAt - T0, h.endedAt - T0, h.heldMs])).toEqual([
      ['s0', 0, 720_000, 60_000],
      ['s1', 720_000, 1_500_000, 75_750],
      ['s2', 1_500_000, 2_100_000, 0],
      ['s3', 2_100_000, 2_760_000, 60_000],
      ['s4', 2_760_000, 3_420_000, 0],
      ['s5', 3_420_000, 4_020_000, 0],
    ]);
    // 67 minutes for a 60-minute plan: holds 195 750 + extensions used 120 000 + s1's over-run 104 250.
    expect(runDriftMs(show, end, at(5_000_000))).toBe(420_000);
  });

  it('gives the same answer however often it is asked', () => {
    let s = started();
    s = holdRun(s, at(61_111));
    s = resumeRun(s, at(73_333));
    s = extendSegment(s, show, MIN, at(80_000));
    const expected = (t: number) => 11 * MIN - (t - 12_222);
    for (let t = 80_000; t < 700_000; t += 1_237) expect(segmentRemainingMs(show, s, at(t))).toBe(expected(t));
    for (let t = 700_000; t > 80_000; t -= 3_001) expect(segmentRemainingMs(show, s, at(t))).toBe(expected(t));
  });
});
