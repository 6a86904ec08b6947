/*
 * Clock texts for the runner, the editor and the prompter. Pure: every figure comes from a duration the caller
 * derived from recorded engine instants (run-clock.ts, flash-sale.ts); nothing here counts anything down.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const pad = (n: number) => String(n).padStart(2, '0');

/** Whole seconds as mm:ss; minutes keep counting past 59 ("90:00"), never negative. */
export function formatMmSs(totalSeconds: number): string {
  const s = Math.max(0, Math.trunc(totalSeconds));
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** A duration (elapsed time, planned length) as mm:ss, dropping the part of a second not yet complete. */
export function formatClock(ms: number): string {
  return formatMmSs(Math.floor(Math.max(0, ms) / SECOND));
}

/** A long duration (a whole show) as h:mm:ss from one hour on, mm:ss below. */
export function formatLongClock(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / SECOND);
  if (s < 3_600) return formatMmSs(s);
  return `${Math.floor(s / 3_600)}:${pad(Math.floor((s % 3_600) / 60))}:${pad(s % 60)}`;
}

/**
 * Time left on a countdown. A running second counts as left until it is over, so a fresh 5-minute segment reads
 * 05:00, not 04:59, and 00:00 is shown only when time is up. Past zero it reads as the over-run: "+00:07".
 */
export function formatRemaining(ms: number): string {
  if (ms >= 0) return formatMmSs(Math.ceil(ms / SECOND));
  return `+${formatMmSs(Math.floor(-ms / SECOND))}`;
}

export type RemainingState = 'normal' | 'warning' | 'over';

/** The last minute of a segment is a warning; past the end it is over. */
export const WARNING_MS = MINUTE;

export function remainingState(ms: number): RemainingState {
  if (ms < 0) return 'over';
  return ms <= WARNING_MS ? 'warning' : 'normal';
}

export interface Drift {
  /** Behind the plan (late), ahead of it (early), or within a second of it. */
  kind: 'behind' | 'ahead' | 'on_time';
  /** m:ss (minutes not padded): "1:20". */
  time: string;
}

/** runDriftMs as words: positive is behind the plan. */
export function describeDrift(driftMs: number): Drift {
  const s = Math.floor(Math.abs(driftMs) / SECOND);
  const time = `${Math.floor(s / 60)}:${pad(s % 60)}`;
  if (s === 0) return { kind: 'on_time', time };
  return { kind: driftMs > 0 ? 'behind' : 'ahead', time };
}

/**
 * A typed duration: "mm:ss" ("5:00", "05:00", "90:30"), "h:mm:ss" ("1:30:00"), or a bare number of minutes
 * ("5", "2.5"). Whole seconds only; null when it cannot be read.
 */
export function parseClock(text: string): number | null {
  const t = text.trim().replace(/：/g, ':');
  if (/^\d{1,4}(?:\.\d{1,3})?$/.test(t)) {
    const ms = Number(t) * MINUTE;
    return ms % SECOND === 0 ? ms : Math.round(ms / SECOND) * SECOND;
  }
  const m = /^(?:(\d{1,2}):)?(\d{1,4}):([0-5]\d)$/.exec(t);
  if (m === null) return null;
  const [, h, min, sec] = m;
  if (h !== undefined && Number(min) > 59) return null;
  return Number(h ?? 0) * HOUR + Number(min) * MINUTE + Number(sec) * SECOND;
}

/** An engine instant as a time of day on this computer: engine clock minus its offset from ours. */
export function engineToLocal(engineAt: number, engineNow: number, localNow: number): number {
  return engineAt - (engineNow - localNow);
}
