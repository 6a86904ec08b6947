/*
 * Geometry of the review's minute curves, drawn as plain SVG. Pure: values in, coordinates and path data out.
 * x runs over the session, one slot per minute bucket; y is zero at the bottom of the plot.
 */
import type { ReviewMarker, SegmentOutcome } from '../../../../shared/protocol/index.ts';

export const MINUTE_MS = 60_000;

/** 1, 2, 5 × 10ⁿ at or above `rough` (a step a person can read). */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface Axis {
  /** The top of the axis: a whole number of steps at or above the highest value. */
  max: number;
  /** From 0 to max, `step` apart. */
  ticks: number[];
}

/**
 * Ticks from zero to a round top for values up to `maxValue`, about `target` steps. A flat zero series still gets
 * an axis (0…1). `integer` keeps steps whole (counts: viewers, orders).
 */
export function niceAxis(maxValue: number, target = 4, integer = false): Axis {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 0;
  if (top === 0) return { max: 1, ticks: [0, 1] };
  let step = niceStep(top / Math.max(1, target));
  if (integer) step = Math.max(1, Math.round(step));
  const max = Math.ceil(top / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step / 1e6; i++) ticks.push(round(i * step));
  return { max: round(max), ticks };
}

/** Rounds away float noise (0.1 + 0.2) without changing real values. */
function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Coordinates are written with at most one decimal: short paths, no visible difference. */
function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The middle of minute slot `minute` when the plot is `width` wide and holds `count` minutes. */
export function xOfMinute(minute: number, count: number, width: number): number {
  return count <= 0 ? 0 : ((minute + 0.5) / count) * width;
}

/** An instant on the x axis (clamped into the plot). */
export function xOfTime(at: number, startedAt: number, count: number, width: number): number {
  if (count <= 0) return 0;
  const x = ((at - startedAt) / (count * MINUTE_MS)) * width;
  return Math.min(width, Math.max(0, x));
}

export function yOf(value: number, max: number, height: number): number {
  if (!(max > 0)) return height;
  return height - (Math.max(0, value) / max) * height;
}

/**
 * The line through the middle of each minute slot. A single minute is drawn flat across the plot so it can be
 * seen; no minutes give no path.
 */
export function linePath(values: readonly number[], width: number, height: number, max: number): string {
  if (values.length === 0) return '';
  if (values.length === 1) return `M0 ${fmt(yOf(values[0] ?? 0, max, height))}H${fmt(width)}`;
  return values.map((v, i) => `${i === 0 ? 'M' : 'L'}${fmt(xOfMinute(i, values.length, width))} ${fmt(yOf(v, max, height))}`).join('');
}

/** The line closed down to the baseline, for a shaded area under it. */
export function areaPath(values: readonly number[], width: number, height: number, max: number): string {
  const line = linePath(values, width, height, max);
  if (line === '') return '';
  const firstX = values.length === 1 ? 0 : xOfMinute(0, values.length, width);
  const lastX = values.length === 1 ? width : xOfMinute(values.length - 1, values.length, width);
  return `${line}L${fmt(lastX)} ${fmt(height)}L${fmt(firstX)} ${fmt(height)}Z`;
}

export interface Bar {
  minute: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One bar per minute slot, `gap` (a share of the slot) left free between bars. Zero minutes have no bar. */
export function bars(values: readonly number[], width: number, height: number, max: number, gap = 0.2): Bar[] {
  const slot = values.length === 0 ? 0 : width / values.length;
  const out: Bar[] = [];
  values.forEach((v, minute) => {
    if (!(v > 0)) return;
    const y = yOf(v, max, height);
    out.push({ minute, x: minute * slot + (slot * gap) / 2, y, width: slot * (1 - gap), height: height - y });
  });
  return out;
}

/** The minute slot under x (a click on the plot), clamped to the plot. */
export function minuteAtX(x: number, width: number, count: number): number {
  if (count <= 0 || !(width > 0) || !Number.isFinite(x)) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor((x / width) * count)));
}

/** The time window of one minute slot: [from, to). */
export function minuteWindow(startedAt: number, minute: number): { from: number; to: number } {
  const from = startedAt + minute * MINUTE_MS;
  return { from, to: from + MINUTE_MS };
}

export interface Band {
  segmentId: string;
  title: string;
  /** Position among the bands, for alternating shades. */
  index: number;
  x: number;
  width: number;
}

/** Where each segment that ran sits on the x axis, in running order; one still running reaches `endedAt`. */
export function segmentBands(segments: readonly SegmentOutcome[], startedAt: number, endedAt: number, count: number, width: number): Band[] {
  return segments
    .filter((s): s is SegmentOutcome & { startedAt: number } => s.startedAt !== null)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s, index) => {
      const x = xOfTime(s.startedAt, startedAt, count, width);
      const end = xOfTime(s.endedAt ?? endedAt, startedAt, count, width);
      return { segmentId: s.segmentId, title: s.title, index, x, width: Math.max(0, end - x) };
    })
    .filter((b) => b.width > 0);
}

/** Marker kinds drawn as ticks; segment starts are already the bands. */
export const TICK_KINDS = ['scene', 'sale', 'pin', 'gap', 'obs_offline', 'panic', 'recovered', 'cue'] as const satisfies readonly ReviewMarker['kind'][];
export type TickKind = (typeof TICK_KINDS)[number];

export interface Tick {
  x: number;
  marker: ReviewMarker & { kind: TickKind };
}

function isTickMarker(m: ReviewMarker): m is ReviewMarker & { kind: TickKind } {
  return (TICK_KINDS as readonly string[]).includes(m.kind);
}

export function markerTicks(markers: readonly ReviewMarker[], startedAt: number, count: number, width: number): Tick[] {
  return markers.filter(isTickMarker).map((marker) => ({ x: xOfTime(marker.at, startedAt, count, width), marker }));
}

/** Rough width of text in an SVG label: CJK and other wide characters about 1 em, the rest about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

/** `text` cut with an ellipsis to fit `maxWidth`; empty when not even one character and the ellipsis fit. */
export function fitLabel(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  const ellipsis = textWidth('…', fontSize);
  let width = 0;
  let out = '';
  for (const ch of chars) {
    const w = textWidth(ch, fontSize);
    if (width + w + ellipsis > maxWidth) break;
    width += w;
    out += ch;
  }
  return out === '' ? '' : `${out}…`;
}

/** Minutes (slot boundaries, 0…count) to label on the x axis: at most about `maxLabels`, a round number apart. */
export function minuteTicks(count: number, maxLabels = 8): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, niceStep(count / Math.max(1, maxLabels)));
  const out: number[] = [];
  for (let m = 0; m <= count; m += step) out.push(m);
  return out;
}

/** The minute with the highest value (the first of equals); null for none or all zero. */
export function peakMinute(values: readonly number[]): number | null {
  let best: number | null = null;
  values.forEach((v, i) => {
    if (v > 0 && (best === null || v > (values[best] ?? 0))) best = i;
  });
  return best;
}
