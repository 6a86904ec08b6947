import { z } from 'zod';
import { FeedDiagnostics } from '../feeds/diagnostics.ts';
import { Platform } from '../feeds/events.ts';
import { FeedConfig } from '../feeds/feed-config.ts';
import { MetricsSnapshot } from '../feeds/metrics.ts';

/** A comment the producer put on the streamer's screen. */
export const PinnedComment = z.object({
  eventId: z.string(),
  platform: Platform,
  nickname: z.string(),
  text: z.string(),
  isQuestion: z.boolean(),
  at: z.number(),
  pinnedAt: z.number(),
});
export type PinnedComment = z.infer<typeof PinnedComment>;

export const SimulatorInfo = z.object({ url: z.string(), rate: z.number(), seed: z.number() });
export type SimulatorInfo = z.infer<typeof SimulatorInfo>;

/** Feeds as the console sees them: connections with their diagnostics, live metrics, pins. Updated about once a second. */
export const FeedsState = z.object({
  configs: z.array(FeedConfig),
  diagnostics: z.array(FeedDiagnostics),
  metrics: MetricsSnapshot,
  simulator: SimulatorInfo.nullable(),
  pinned: z.array(PinnedComment),
  /** Ids of comments marked answered (most recent last, bounded). */
  answered: z.array(z.string()),
  /** The producer chose to show red audience lights on the streamer's prompter too. */
  streamerAlerts: z.boolean(),
});
export type FeedsState = z.infer<typeof FeedsState>;

/** How many recent comments/orders a view receives on connect, and the most it should keep. */
export const FEED_BACKLOG = 500;

/** Comments a view holds at most (the newest); only these can be clicked to pin. */
export const FEED_VIEW_COMMENTS = 1_000;
