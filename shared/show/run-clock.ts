import { SHOW_LIMITS } from './schema.ts';
import type { Cue, FlashSalePlan, Segment, Show } from './schema.ts';

/*
 * The live run of show as a state machine over recorded instants (engine-clock ms). Nothing is counted
 * down: every duration is a difference of instants taken at the moment it is asked for, so views computed
 * at any instant agree with each other and never drift, however irregular the ticks that ask.
 *
 * Transitions take (state, show?, …, now) and return a new state; a transition that does not apply (next on
 * the last segment, resume while running…) returns the same object, so `next === state` means "refused".
 * Instants are clamped so they never go back before the last transition (a wall clock stepped backwards
 * cannot produce negative durations).
 */

export type RunStatus = 'idle' | 'running' | 'held' | 'ended';

export interface RunHistoryEntry {
  segmentId: string;
  startedAt: number;
  endedAt: number;
  /** Time spent on hold inside [startedAt, endedAt]. */
  heldMs: number;
}

export interface RunState {
  status: RunStatus;
  segmentIndex: number;
  /** Id of the segment at segmentIndex, to find it again after the show is edited mid-run (see rebaseRun). */
  segmentId: string | null;
  segmentStartedAt: number | null;
  /** Set while held. */
  heldAt: number | null;
  /** Completed holds in the current segment; an ongoing hold is measured from heldAt. */
  heldTotalMs: number;
  /** ±1 min presses, by segment id; kept when a segment is revisited. */
  extensionsMs: Record<string, number>;
  showStartedAt: number | null;
  showEndedAt: number | null;
  /** Segments left, in the order they were run (a revisited segment appears again). */
  history: RunHistoryEntry[];
  /** Cues and scheduled flash sales of the current segment already acted on; cleared on entering a segment. */
  firedCueIds: string[];
  firedSaleIds: string[];
  autoAdvance: boolean;
  /** Instant of the last transition. */
  updatedAt: number | null;
}

export function initialRunState(autoAdvance = false): RunState {
  return {
    status: 'idle',
    segmentIndex: 0,
    segmentId: null,
    segmentStartedAt: null,
    heldAt: null,
    heldTotalMs: 0,
    extensionsMs: {},
    showStartedAt: null,
    showEndedAt: null,
    history: [],
    firedCueIds: [],
    firedSaleIds: [],
    autoAdvance,
    updatedAt: null,
  };
}

function instant(state: RunState, now: number): number {
  return state.updatedAt === null ? now : Math.max(now, state.updatedAt);
}

function isLive(state: RunState): boolean {
  return state.status === 'running' || state.status === 'held';
}

function heldSoFar(state: RunState, at: number): number {
  return state.heldTotalMs + (state.heldAt === null ? 0 : at - state.heldAt);
}

/** Closes the current segment into the history. */
function closeSegment(state: RunState, at: number): RunHistoryEntry[] {
  if (state.segmentId === null || state.segmentStartedAt === null) return state.history;
  return [...state.history, { segmentId: state.segmentId, startedAt: state.segmentStartedAt, endedAt: at, heldMs: heldSoFar(state, at) }];
}

function enter(state: RunState, show: Show, index: number, at: number): RunState {
  const segment = show.segments[index];
  if (!segment) return state;
  return {
    ...state,
    status: 'running',
    segmentIndex: index,
    segmentId: segment.id,
    segmentStartedAt: at,
    heldAt: null,
    heldTotalMs: 0,
    showStartedAt: state.showStartedAt ?? at,
    history: isLive(state) ? closeSegment(state, at) : state.history,
    firedCueIds: [],
    firedSaleIds: [],
    updatedAt: at,
  };
}

// ---- transitions ----------------------------------------------------------------------------------------

/** Starts the show at `index` (default the first segment). Only from idle; a show without segments cannot start. */
export function startRun(state: RunState, show: Show, now: number, index = 0): RunState {
  if (state.status !== 'idle') return state;
  return enter(state, show, index, instant(state, now));
}

/**
 * Moves to the next segment, which starts running even if the current one was held. On the last segment
 * it does nothing: ending the show is an explicit endRun, never a side effect of one press too many.
 */
export function nextSegment(state: RunState, show: Show, now: number): RunState {
  if (!isLive(state)) return state;
  return enter(state, show, state.segmentIndex + 1, instant(state, now));
}

/** Back to the previous segment, which starts again from zero (its cues fire again). */
export function previousSegment(state: RunState, show: Show, now: number): RunState {
  if (!isLive(state) || state.segmentIndex === 0) return state;
  return enter(state, show, state.segmentIndex - 1, instant(state, now));
}

/** Go to any segment; from idle this starts the show there. Jumping to the current segment does nothing. */
export function jumpToSegment(state: RunState, show: Show, index: number, now: number): RunState {
  if (state.status === 'idle') return startRun(state, show, now, index);
  if (!isLive(state) || index === state.segmentIndex) return state;
  return enter(state, show, index, instant(state, now));
}

/** Freezes the segment clock (its elapsed time stops; the show's drift keeps growing). */
export function holdRun(state: RunState, now: number): RunState {
  if (state.status !== 'running') return state;
  const at = instant(state, now);
  return { ...state, status: 'held', heldAt: at, updatedAt: at };
}

export function resumeRun(state: RunState, now: number): RunState {
  if (state.status !== 'held' || state.heldAt === null) return state;
  const at = instant(state, now);
  return { ...state, status: 'running', heldTotalMs: state.heldTotalMs + (at - state.heldAt), heldAt: null, updatedAt: at };
}

/**
 * Lengthens (delta > 0) or shortens the current segment, e.g. by ±60 000 ms. The planned duration plus all
 * extensions never goes below zero nor above the 4 h segment bound.
 */
export function extendSegment(state: RunState, show: Show, deltaMs: number, now: number): RunState {
  const segment = currentSegment(show, state);
  if (!isLive(state) || !segment || !Number.isFinite(deltaMs) || deltaMs === 0) return state;
  const current = extensionOf(state, segment.id);
  const planned = segment.plannedDurationMs;
  const next = Math.min(Math.max(current + Math.trunc(deltaMs), -planned), SHOW_LIMITS.segmentMaxMs - planned);
  if (next === current) return state;
  return { ...state, extensionsMs: { ...state.extensionsMs, [segment.id]: next }, updatedAt: instant(state, now) };
}

export function endRun(state: RunState, now: number): RunState {
  if (!isLive(state)) return state;
  const at = instant(state, now);
  return {
    ...state,
    status: 'ended',
    history: closeSegment(state, at),
    heldTotalMs: heldSoFar(state, at),
    heldAt: null,
    showEndedAt: at,
    updatedAt: at,
  };
}

/** Back to idle for another run (e.g. after a rehearsal); keeps the auto-advance choice. */
export function resetRun(state: RunState): RunState {
  return initialRunState(state.autoAdvance);
}

export function setAutoAdvance(state: RunState, autoAdvance: boolean): RunState {
  return state.autoAdvance === autoAdvance ? state : { ...state, autoAdvance };
}

/** Records cues the engine has acted on, so dueCues stops returning them. */
export function markCuesFired(state: RunState, cueIds: readonly string[]): RunState {
  const fresh = cueIds.filter((id) => !state.firedCueIds.includes(id));
  return fresh.length === 0 ? state : { ...state, firedCueIds: [...state.firedCueIds, ...new Set(fresh)] };
}

export function markSalesFired(state: RunState, planIds: readonly string[]): RunState {
  const fresh = planIds.filter((id) => !state.firedSaleIds.includes(id));
  return fresh.length === 0 ? state : { ...state, firedSaleIds: [...state.firedSaleIds, ...new Set(fresh)] };
}

/**
 * After the show was edited mid-run: finds the current segment again by id. If it was deleted, the run
 * continues on whatever segment now holds its index (the clock keeps running); the engine should rather
 * refuse to delete the segment on air.
 */
export function rebaseRun(state: RunState, show: Show): RunState {
  if (state.segmentId === null) return state;
  const found = show.segments.findIndex((s) => s.id === state.segmentId);
  if (found === state.segmentIndex) return state;
  if (found >= 0) return { ...state, segmentIndex: found };
  const index = Math.min(state.segmentIndex, show.segments.length - 1);
  const segment = show.segments[index];
  return segment ? { ...state, segmentIndex: index, segmentId: segment.id, firedCueIds: [], firedSaleIds: [] } : state;
}

/**
 * Auto-advance without drift: when the current segment's time is up, the next one starts at the exact
 * instant it ran out, not at the (later) tick that noticed. Several segments are passed if the engine
 * was away for long (e.g. the laptop slept).
 */
export function advanceIfDue(state: RunState, show: Show, now: number): RunState {
  let s = state;
  for (let guard = 0; guard <= show.segments.length; guard++) {
    const at = autoAdvanceAt(show, s);
    if (at === null || at > now) return s;
    const moved = nextSegment(s, show, at);
    if (moved === s) return s;
    s = moved;
  }
  return s;
}

// ---- derived views: pure functions of (show, state, now) ------------------------------------------------

export function currentSegment(show: Show, state: RunState): Segment | null {
  if (!isLive(state)) return null;
  return show.segments[state.segmentIndex] ?? null;
}

export function extensionOf(state: RunState, segmentId: string): number {
  return Object.hasOwn(state.extensionsMs, segmentId) ? (state.extensionsMs[segmentId] ?? 0) : 0;
}

/** Time on the current segment's clock: wall time since it started, minus holds. */
export function segmentElapsedMs(state: RunState, now: number): number {
  if (!isLive(state) || state.segmentStartedAt === null) return 0;
  const until = state.heldAt ?? now;
  return Math.max(0, until - state.segmentStartedAt - state.heldTotalMs);
}

/** Planned duration plus extensions of the current segment. */
export function segmentAllowedMs(show: Show, state: RunState): number {
  const segment = currentSegment(show, state);
  return segment ? segment.plannedDurationMs + extensionOf(state, segment.id) : 0;
}

/** Negative once the segment over-runs. */
export function segmentRemainingMs(show: Show, state: RunState, now: number): number {
  if (!currentSegment(show, state)) return 0;
  return segmentAllowedMs(show, state) - segmentElapsedMs(state, now);
}

export function isOverrun(show: Show, state: RunState, now: number): boolean {
  return currentSegment(show, state) !== null && segmentRemainingMs(show, state, now) < 0;
}

function plannedBefore(show: Show, index: number): number {
  let sum = 0;
  for (let i = 0; i < index; i++) sum += show.segments[i]?.plannedDurationMs ?? 0;
  return sum;
}

function plannedTotal(show: Show): number {
  return plannedBefore(show, show.segments.length);
}

/** Wall time since the show started (until it ended). */
export function showElapsedMs(state: RunState, now: number): number {
  if (state.showStartedAt === null) return 0;
  const until = state.status === 'ended' ? (state.showEndedAt ?? now) : now;
  return Math.max(0, until - state.showStartedAt);
}

/**
 * How far behind (positive) or ahead (negative) of the plan the show is right now: the time actually spent
 * (finished segments and the current one, holds included) against the planned time for the same progress
 * (the planned starts before the current segment, plus its elapsed time up to its planned duration).
 * Holds and over-runs push it up, skipped segments pull it down; an extension counts once it is used.
 * After the end: actual length minus planned length.
 */
export function runDriftMs(show: Show, state: RunState, now: number): number {
  if (state.status === 'idle') return 0;
  if (state.status === 'ended') return showElapsedMs(state, now) - plannedTotal(show);
  const segment = currentSegment(show, state);
  const progress = segment ? Math.min(segmentElapsedMs(state, now), segment.plannedDurationMs) : 0;
  return showElapsedMs(state, now) - (plannedBefore(show, state.segmentIndex) + progress);
}

/** The instant the show will end if the rest runs to plan (current segment with its extension, later ones with theirs). */
export function projectedEndAt(show: Show, state: RunState, now: number): number {
  if (state.status === 'ended') return state.showEndedAt ?? now;
  const rest = (from: number) =>
    show.segments.slice(from).reduce((sum, s) => sum + Math.max(0, s.plannedDurationMs + extensionOf(state, s.id)), 0);
  if (state.status === 'idle') return now + rest(0);
  return now + Math.max(0, segmentRemainingMs(show, state, now)) + rest(state.segmentIndex + 1);
}

/** The planned end, counted from the actual start: showStartedAt + the sum of planned durations. */
export function plannedEndAt(show: Show, state: RunState): number | null {
  return state.showStartedAt === null ? null : state.showStartedAt + plannedTotal(show);
}

/** Next segment in show order (what "next" would start), or null on the last one. */
export function upcomingSegmentIndex(show: Show, state: RunState): number | null {
  const index = state.status === 'idle' ? 0 : isLive(state) ? state.segmentIndex + 1 : show.segments.length;
  return index < show.segments.length ? index : null;
}

/** Cues of the current segment whose offset has been reached and that have not fired yet, in offset order. */
export function dueCues(show: Show, state: RunState, now: number): Cue[] {
  const segment = currentSegment(show, state);
  if (!segment) return [];
  const elapsed = segmentElapsedMs(state, now);
  return segment.cues.filter((c) => c.offsetMs <= elapsed && !state.firedCueIds.includes(c.id)).sort((a, b) => a.offsetMs - b.offsetMs);
}

/** Flash sales scheduled by offset in the current segment that are due and not yet opened. */
export function dueFlashSales(show: Show, state: RunState, now: number): FlashSalePlan[] {
  const segment = currentSegment(show, state);
  if (!segment) return [];
  const elapsed = segmentElapsedMs(state, now);
  const offset = (f: FlashSalePlan) => (f.start.mode === 'offset' ? f.start.offsetMs : Infinity);
  return segment.flashSales.filter((f) => offset(f) <= elapsed && !state.firedSaleIds.includes(f.id)).sort((a, b) => offset(a) - offset(b));
}

/** When auto-advance will move on (the instant the current segment's time runs out), or null if it will not. */
export function autoAdvanceAt(show: Show, state: RunState): number | null {
  if (!state.autoAdvance || state.status !== 'running' || state.segmentStartedAt === null) return null;
  if (upcomingSegmentIndex(show, state) === null || !currentSegment(show, state)) return null;
  return state.segmentStartedAt + state.heldTotalMs + segmentAllowedMs(show, state);
}

export function shouldAutoAdvance(show: Show, state: RunState, now: number): boolean {
  const at = autoAdvanceAt(show, state);
  return at !== null && at <= now;
}

/** Everything a view needs at one instant, computed together so the numbers agree with each other. */
export interface RunView {
  status: RunStatus;
  segmentIndex: number | null;
  segmentId: string | null;
  elapsedMs: number;
  allowedMs: number;
  extensionMs: number;
  remainingMs: number;
  overrun: boolean;
  showElapsedMs: number;
  driftMs: number;
  projectedEndAt: number;
  plannedEndAt: number | null;
  upcomingSegmentIndex: number | null;
  dueCues: Cue[];
  dueFlashSales: FlashSalePlan[];
  autoAdvanceAt: number | null;
}

export function runView(show: Show, state: RunState, now: number): RunView {
  const segment = currentSegment(show, state);
  return {
    status: state.status,
    segmentIndex: segment ? state.segmentIndex : null,
    segmentId: segment?.id ?? null,
    elapsedMs: segmentElapsedMs(state, now),
    allowedMs: segmentAllowedMs(show, state),
    extensionMs: segment ? extensionOf(state, segment.id) : 0,
    remainingMs: segmentRemainingMs(show, state, now),
    overrun: isOverrun(show, state, now),
    showElapsedMs: showElapsedMs(state, now),
    driftMs: runDriftMs(show, state, now),
    projectedEndAt: projectedEndAt(show, state, now),
    plannedEndAt: plannedEndAt(show, state),
    upcomingSegmentIndex: upcomingSegmentIndex(show, state),
    dueCues: dueCues(show, state, now),
    dueFlashSales: dueFlashSales(show, state, now),
    autoAdvanceAt: autoAdvanceAt(show, state),
  };
}
