import type { MetricsSnapshot } from '../../../../shared/feeds/metrics.ts';

export interface SeriesPoint {
  /** Engine time, ms. */
  at: number;
  value: number;
}

/** Viewers over the session, one point per engine second at most, sampled from the state's metrics. */
export interface ViewerSeries {
  /** The metrics' `startedAt` the points belong to: a new session (the simulator restarted) starts a new series. */
  readonly startedAt: number | null;
  readonly points: readonly SeriesPoint[];
}

export const EMPTY_VIEWER_SERIES: ViewerSeries = { startedAt: null, points: [] };

/** Four hours at one point a second. */
export const VIEWER_SERIES_CAPACITY = 4 * 3_600;

/**
 * Adds the viewers of a metrics snapshot. Returns `series` itself when nothing changes: no events yet, or a
 * snapshot within the same second as the last point. A snapshot of another session, or one going back in time,
 * starts the series again.
 */
export function sampleViewers(series: ViewerSeries, metrics: MetricsSnapshot, capacity = VIEWER_SERIES_CAPACITY): ViewerSeries {
  if (metrics.startedAt === null) return series.points.length === 0 && series.startedAt === null ? series : EMPTY_VIEWER_SERIES;
  const point: SeriesPoint = { at: metrics.at, value: metrics.viewers.now };
  const last = series.points.at(-1);
  if (series.startedAt !== metrics.startedAt || (last !== undefined && metrics.at < last.at)) {
    return { startedAt: metrics.startedAt, points: [point] };
  }
  if (last !== undefined && Math.floor(metrics.at / 1_000) === Math.floor(last.at / 1_000)) return series;
  const points = series.points.length >= capacity ? series.points.slice(series.points.length - capacity + 1) : series.points.slice();
  points.push(point);
  return { startedAt: series.startedAt, points };
}

/**
 * At most `buckets` points for drawing: consecutive points averaged per bucket (a two-hour session is 7,200
 * points; a 240-pixel curve cannot show more than 240).
 */
export function downsample(points: readonly SeriesPoint[], buckets: number): SeriesPoint[] {
  if (points.length <= buckets) return [...points];
  const out: SeriesPoint[] = [];
  const size = points.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.max(from + 1, Math.floor((b + 1) * size));
    let sum = 0;
    for (let i = from; i < to; i++) sum += points[i]?.value ?? 0;
    const lastInBucket = points[to - 1];
    if (lastInBucket !== undefined) out.push({ at: lastInBucket.at, value: sum / (to - from) });
  }
  return out;
}

/**
 * SVG path data (`d`) of the curve in a `width`×`height` box: time left to right, zero at the bottom, the highest
 * value at the top. Empty for no points; a single point is a flat line.
 */
export function curvePath(points: readonly SeriesPoint[], width: number, height: number): string {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return '';
  let max = 0;
  for (const p of points) max = Math.max(max, p.value);
  const span = last.at - first.at;
  const y = (v: number) => (max > 0 ? height - (v / max) * height : height);
  if (points.length === 1 || span <= 0) return `M0 ${fmt(y(last.value))}H${fmt(width)}`;
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(((p.at - first.at) / span) * width)} ${fmt(y(p.value))}`)
    .join('');
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
