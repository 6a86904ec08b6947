import { z } from 'zod';
import { Platform } from './events.ts';
import { RelayProtocol } from './feed-config.ts';

/** Why a payload did not become a feed event. Diagnostics count by these. */
export const RejectReason = z.enum([
  'not_object', // the payload is not a JSON object
  'schema', // a field we use is missing or of the wrong type
  'too_large', // text beyond the hard caps
  'unknown_event', // an event name this protocol does not have
  'ignored', // a known event we do not use (e.g. TikTok battles)
  'streak_in_progress', // a gift combo still running; counted once at its end
  'duplicate', // already received (relay resend, or the same room through two relays)
  'rate_limited', // over the per-connection budget; dropped so a flood cannot stall the engine
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const FeedOfflineReason = z.enum([
  'not_started',
  'unreachable', // cannot reach the relay (refused, DNS, timeout)
  'refused_by_relay', // the relay rejected the handshake
  'lost', // was connected, the link dropped
  'room_disconnected', // relay up, but it lost (or could not join) the live room
  'stream_ended',
  'stopped', // removed or stopped by the producer
]);
export type FeedOfflineReason = z.infer<typeof FeedOfflineReason>;

export const FeedStatus = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('connecting'), since: z.number(), attempt: z.number().int().nonnegative() }),
  z.object({ phase: z.literal('connected'), since: z.number() }),
  z.object({ phase: z.literal('offline'), since: z.number(), reason: FeedOfflineReason, detail: z.string().max(300).optional() }),
]);
export type FeedStatus = z.infer<typeof FeedStatus>;

export const FeedDiagnostics = z.object({
  feedId: z.string(),
  label: z.string(),
  platform: Platform,
  protocol: RelayProtocol,
  url: z.string(),
  status: FeedStatus,
  /** Events passed on to subscribers (after dedupe). */
  accepted: z.number().int().nonnegative(),
  rejected: z.partialRecord(RejectReason, z.number().int().nonnegative()),
  lastEventAt: z.number().optional(),
  lastError: z.object({ at: z.number(), message: z.string().max(300) }).optional(),
});
export type FeedDiagnostics = z.infer<typeof FeedDiagnostics>;
