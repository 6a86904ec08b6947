import { z } from 'zod';
import { MetricsSnapshot } from '../feeds/metrics.ts';

export const SessionKind = z.enum(['broadcast', 'rehearsal']);

/** Comments per page of a review's "what the room said in this minute" (GET …/sessions/:id/comments?offset=). */
export const REVIEW_COMMENTS_PAGE = 200;

/** Key figures of one session, for the sessions list and comparisons. */
export const SessionFigures = z.object({
  peakViewers: z.number(),
  averageViewers: z.number(),
  uniqueViewers: z.number(),
  comments: z.number(),
  interactionRate: z.number().nullable(),
  orders: z.number(),
  gmv: z.number(),
  conversionRate: z.number().nullable(),
  uvValue: z.number().nullable(),
  gpm: z.number().nullable(),
  averageOrderValue: z.number().nullable(),
  /** GMV / costs when costs were entered. */
  roi: z.number().nullable(),
});
export type SessionFigures = z.infer<typeof SessionFigures>;

export const SessionSummary = z.object({
  id: z.string(),
  kind: SessionKind,
  title: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  durationMs: z.number(),
  costs: z.number().nullable(),
  figures: SessionFigures,
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const MinutePoint = z.object({
  minute: z.number().int(),
  at: z.number(),
  viewers: z.number(),
  comments: z.number(),
  likes: z.number(),
  orders: z.number(),
  gmv: z.number(),
});
export type MinutePoint = z.infer<typeof MinutePoint>;

export const SegmentOutcome = z.object({
  segmentId: z.string(),
  title: z.string(),
  kind: z.string(),
  plannedMs: z.number(),
  /** Null for a segment that never ran. */
  actualMs: z.number().nullable(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  comments: z.number(),
  orders: z.number(),
  gmv: z.number(),
  averageViewers: z.number().nullable(),
});
export type SegmentOutcome = z.infer<typeof SegmentOutcome>;

export const SaleOutcome = z.object({
  planId: z.string(),
  productId: z.string(),
  productName: z.string(),
  status: z.string(),
  quantity: z.number(),
  sold: z.number(),
  orders: z.number(),
  openedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
});
export type SaleOutcome = z.infer<typeof SaleOutcome>;

export const ReviewMarker = z.object({
  at: z.number(),
  kind: z.enum(['scene', 'sale', 'pin', 'gap', 'obs_offline', 'panic', 'recovered', 'cue', 'segment']),
  label: z.string(),
});
export type ReviewMarker = z.infer<typeof ReviewMarker>;

export const SessionReview = z.object({
  session: SessionSummary,
  metrics: MetricsSnapshot,
  minutes: z.array(MinutePoint),
  segments: z.array(SegmentOutcome),
  sales: z.array(SaleOutcome),
  markers: z.array(ReviewMarker),
});
export type SessionReview = z.infer<typeof SessionReview>;

/** The brief pauses a stream format whose single-stream ROI is below 1.5 : 1. */
export const ROI_FLOOR = 1.5;
