import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import { LiveMetrics, type MetricsSnapshot } from '../../../../shared/feeds/metrics.ts';
import type { MinutePoint, ReviewMarker, SaleOutcome, SegmentOutcome, SessionFigures, SessionReview, SessionSummary } from '../../../../shared/protocol/index.ts';
import type { RunHistoryEntry } from '../../../../shared/show/run-clock.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import type { EventRow, SessionRow } from './session-repository.ts';

const MINUTE = 60_000;

export interface Parsed {
  at: number;
  kind: string;
  data: Record<string, unknown>;
}

/** Logged rows with their JSON data read once. */
export function parseEvents(rows: readonly EventRow[]): Parsed[] {
  return rows.map((r) => ({ at: r.at, kind: r.kind, data: JSON.parse(r.data) as Record<string, unknown> }));
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Replays the logged feed events through the same metrics code the live console used. */
export function replayMetrics(events: readonly Parsed[], at: number): MetricsSnapshot {
  const metrics = new LiveMetrics();
  for (const e of events) if (e.kind.startsWith('feed.') && e.kind !== 'feed.status') metrics.apply(e.data as unknown as FeedEvent);
  return metrics.snapshot(at);
}

export function figuresFrom(metrics: MetricsSnapshot, costs: number | null): SessionFigures {
  return {
    peakViewers: metrics.viewers.peak,
    averageViewers: metrics.viewers.average,
    uniqueViewers: metrics.uniqueViewers,
    comments: metrics.comments,
    interactionRate: metrics.interactionRate,
    orders: metrics.orders,
    gmv: metrics.gmv,
    conversionRate: metrics.conversionRate,
    uvValue: metrics.uvValue,
    gpm: metrics.gpm,
    averageOrderValue: metrics.averageOrderValue,
    roi: costs && costs > 0 ? metrics.gmv / costs : null,
  };
}

/** Minute buckets from the start: viewers (highest reported in the minute, else carried forward), comments, likes, orders, GMV. */
/** Orders later refunded or cancelled: left out of every breakdown, as the key figures leave them out of GMV. */
function reversedOrders(events: readonly Parsed[]): Set<string> {
  return new Set(events.filter((e) => e.kind === 'feed.orderUpdate').map((e) => str(e.data.orderId)));
}

const countsAsSale = (e: Parsed, reversed: ReadonlySet<string>) =>
  e.kind === 'feed.order' && str(e.data.status) !== 'refunded' && !reversed.has(str(e.data.orderId));

export function minuteCurve(events: readonly Parsed[], startedAt: number, endedAt: number): MinutePoint[] {
  const count = Math.max(1, Math.ceil((endedAt - startedAt) / MINUTE));
  const points: MinutePoint[] = Array.from({ length: count }, (_, minute) => ({ minute, at: startedAt + minute * MINUTE, viewers: -1, comments: 0, likes: 0, orders: 0, gmv: 0 }));
  const reversed = reversedOrders(events);
  for (const e of events) {
    const minute = Math.floor((e.at - startedAt) / MINUTE);
    const point = points[Math.min(Math.max(minute, 0), count - 1)];
    if (!point) continue;
    if (e.kind === 'feed.viewers') point.viewers = Math.max(point.viewers, num(e.data.current));
    else if (e.kind === 'feed.comment') point.comments += 1;
    else if (e.kind === 'feed.like') point.likes += num(e.data.count);
    else if (countsAsSale(e, reversed)) {
      point.orders += 1;
      point.gmv += num(e.data.amount);
    }
  }
  let last = 0;
  for (const p of points) {
    if (p.viewers < 0) p.viewers = last;
    last = p.viewers;
    p.gmv = Math.round(p.gmv * 100) / 100;
  }
  return points;
}

/** Segment spans: exact history from the run when the session ended, else rebuilt from logged run changes. */
function segmentSpans(events: readonly Parsed[], summaryHistory: RunHistoryEntry[] | null, endedAt: number): RunHistoryEntry[] {
  if (summaryHistory) return summaryHistory;
  const spans: RunHistoryEntry[] = [];
  let open: { segmentId: string; startedAt: number } | null = null;
  for (const e of events) {
    if (e.kind !== 'run') continue;
    const startedAt = num(e.data.segmentStartedAt);
    if (open && (open.startedAt !== startedAt || e.data.status === 'ended')) {
      spans.push({ segmentId: open.segmentId, startedAt: open.startedAt, endedAt: e.at, heldMs: 0 });
      open = null;
    }
    if ((e.data.status === 'running' || e.data.status === 'held') && !open && str(e.data.segmentId)) open = { segmentId: str(e.data.segmentId), startedAt };
  }
  if (open) spans.push({ segmentId: open.segmentId, startedAt: open.startedAt, endedAt, heldMs: 0 });
  return spans;
}

function segmentOutcomes(show: Show, spans: readonly RunHistoryEntry[], events: readonly Parsed[], minutes: readonly MinutePoint[]): SegmentOutcome[] {
  const reversed = reversedOrders(events);
  return show.segments.map((segment) => {
    const mine = spans.filter((s) => s.segmentId === segment.id);
    const inSpan = (at: number) => mine.some((s) => at >= s.startedAt && at < s.endedAt);
    let comments = 0;
    let orders = 0;
    let gmv = 0;
    for (const e of events) {
      if (!inSpan(e.at)) continue;
      if (e.kind === 'feed.comment') comments += 1;
      else if (countsAsSale(e, reversed)) {
        orders += 1;
        gmv += num(e.data.amount);
      }
    }
    const viewerPoints = minutes.filter((m) => inSpan(m.at + MINUTE / 2));
    return {
      segmentId: segment.id,
      title: segment.title,
      kind: segment.kind,
      plannedMs: segment.plannedDurationMs,
      actualMs: mine.length > 0 ? mine.reduce((t, s) => t + (s.endedAt - s.startedAt - s.heldMs), 0) : null,
      startedAt: mine[0]?.startedAt ?? null,
      endedAt: mine.at(-1)?.endedAt ?? null,
      comments,
      orders,
      gmv: Math.round(gmv * 100) / 100,
      averageViewers: viewerPoints.length > 0 ? viewerPoints.reduce((t, m) => t + m.viewers, 0) / viewerPoints.length : null,
    };
  });
}

function saleOutcomes(show: Show, events: readonly Parsed[]): SaleOutcome[] {
  const latest = new Map<string, Parsed>();
  const opened = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'sale') continue;
    const planId = str(e.data.planId);
    latest.set(planId, e);
    if (!opened.has(planId)) opened.set(planId, e.at);
  }
  return [...latest.entries()].map(([planId, e]) => {
    const plan = show.segments.flatMap((s) => s.flashSales).find((p) => p.id === planId);
    const product = show.products.find((p) => p.id === str(e.data.productId));
    const status = str(e.data.status);
    return {
      planId,
      productId: str(e.data.productId),
      productName: product?.name ?? str(e.data.productId),
      status,
      quantity: plan?.quantity ?? num(e.data.sold) + num(e.data.remaining),
      sold: num(e.data.sold),
      orders: num(e.data.orders),
      openedAt: opened.get(planId) ?? null,
      closedAt: ['soldout', 'ended', 'cancelled'].includes(status) ? e.at : null,
    };
  });
}

function markers(show: Show, events: readonly Parsed[]): ReviewMarker[] {
  const out: ReviewMarker[] = [];
  const titleOf = (id: string) => show.segments.find((s) => s.id === id)?.title ?? id;
  for (const e of events) {
    if (e.kind === 'obs.program') out.push({ at: e.at, kind: 'scene', label: str(e.data.scene) });
    else if (e.kind === 'sale') out.push({ at: e.at, kind: 'sale', label: `${str(e.data.planId)}: ${str(e.data.status)}` });
    else if (e.kind === 'pin') out.push({ at: e.at, kind: 'pin', label: `${str(e.data.nickname)}: ${str(e.data.text)}` });
    else if (e.kind === 'feed.gap') out.push({ at: e.at, kind: 'gap', label: str(e.data.reason) });
    else if (e.kind === 'obs.status' && e.data.phase === 'offline') out.push({ at: e.at, kind: 'obs_offline', label: str(e.data.reason) });
    else if (e.kind === 'obs.panic' && e.data.active === true) out.push({ at: e.at, kind: 'panic', label: str(e.data.returnTo) });
    else if (e.kind === 'recovered') out.push({ at: e.at, kind: 'recovered', label: `${Math.round(num(e.data.gapMs) / 1000)} s` });
    else if (e.kind === 'cue') out.push({ at: e.at, kind: 'cue', label: str(e.data.message) });
    else if (e.kind === 'run' && e.data.status === 'running') out.push({ at: e.at, kind: 'segment', label: titleOf(str(e.data.segmentId)) });
  }
  // A segment change logs one 'run' per transition; keep one marker per segment start.
  return out.filter((m, i) => m.kind !== 'segment' || out.findIndex((o) => o.kind === 'segment' && o.at === m.at) === i);
}

export interface ReviewInput {
  session: SessionRow;
  events: readonly EventRow[];
  /** Engine clock now, for a session still in progress. */
  now: number;
}

export function costsOf(session: SessionRow): number | null {
  if (!session.costs_json) return null;
  const parsed = JSON.parse(session.costs_json) as { amount?: unknown };
  return typeof parsed.amount === 'number' ? parsed.amount : null;
}

export function summarizeSession(session: SessionRow, metrics: MetricsSnapshot, now: number): SessionSummary {
  const endedAt = session.ended_at ?? now;
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    startedAt: session.started_at,
    endedAt: session.ended_at,
    durationMs: endedAt - session.started_at,
    costs: costsOf(session),
    figures: figuresFrom(metrics, costsOf(session)),
  };
}

/** The whole 复盘 of one session, computed from its log (and the run's exact history when it ended). */
export function buildReview({ session, events: rows, now }: ReviewInput): SessionReview {
  const events = parseEvents(rows);
  const endedAt = session.ended_at ?? now;
  const show = JSON.parse(session.show_json) as Show;
  const summary = session.summary_json ? (JSON.parse(session.summary_json) as { run?: { history?: RunHistoryEntry[] } }) : null;
  const metrics = replayMetrics(events, endedAt);
  const minutes = minuteCurve(events, session.started_at, endedAt);
  const spans = segmentSpans(events, summary?.run?.history ?? null, endedAt);
  return {
    session: summarizeSession(session, metrics, now),
    metrics,
    minutes,
    segments: segmentOutcomes(show, spans, events, minutes),
    sales: saleOutcomes(show, events),
    markers: markers(show, events),
  };
}
