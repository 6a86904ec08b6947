import { z } from 'zod';
import type { FlashSaleState } from '../show/flash-sale.ts';
import type { RunState } from '../show/run-clock.ts';
import { FlashSalePlan, Show } from '../show/schema.ts';

const Instant = z.number();

export const RunStateSchema = z.object({
  status: z.enum(['idle', 'running', 'held', 'ended']),
  segmentIndex: z.number().int(),
  segmentId: z.string().nullable(),
  segmentStartedAt: Instant.nullable(),
  heldAt: Instant.nullable(),
  heldTotalMs: z.number(),
  extensionsMs: z.record(z.string(), z.number()),
  showStartedAt: Instant.nullable(),
  showEndedAt: Instant.nullable(),
  history: z.array(z.object({ segmentId: z.string(), startedAt: Instant, endedAt: Instant, heldMs: z.number() })),
  firedCueIds: z.array(z.string()),
  firedSaleIds: z.array(z.string()),
  autoAdvance: z.boolean(),
  updatedAt: Instant.nullable(),
}) satisfies z.ZodType<RunState>;

const SaleStatus = z.enum(['scheduled', 'warmup', 'live', 'soldout', 'ended', 'cancelled']);

/** A flash sale as views see it: the engine's state without the per-buyer ledger (which can be large). */
export const FlashSaleView = z.object({
  plan: FlashSalePlan,
  status: SaleStatus,
  openedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  sold: z.number().int(),
  remaining: z.number().int(),
  orders: z.number().int(),
  buyers: z.number().int(),
  rejected: z.record(z.string(), z.number()),
  log: z.array(z.object({ at: Instant, from: SaleStatus, to: SaleStatus })),
});
export type FlashSaleView = z.infer<typeof FlashSaleView>;

export function toSaleView(sale: FlashSaleState): FlashSaleView {
  const { purchases, ...rest } = sale;
  return { ...rest, buyers: Object.keys(purchases).length };
}

export const ComplianceFlag = z.object({
  segmentId: z.string(),
  field: z.enum(['title', 'talkingPoints', 'cue']),
  cueId: z.string().nullable(),
  matches: z.array(z.object({ word: z.string(), category: z.string().nullable(), start: z.number().int(), end: z.number().int() })),
});
export type ComplianceFlag = z.infer<typeof ComplianceFlag>;

/** The show script being run and what compliance found in it. Changes when the producer edits. */
export const ScriptState = z.object({
  show: Show,
  flags: z.array(ComplianceFlag),
  /** The default banned-word list shipped with Cuedeck (used when the show has none of its own). */
  defaultBannedWords: z.array(z.string()),
});
export type ScriptState = z.infer<typeof ScriptState>;

export const FiredCue = z.object({ cueId: z.string(), segmentId: z.string(), message: z.string(), at: Instant });
export type FiredCue = z.infer<typeof FiredCue>;

/** The live run: recorded instants only; every view derives its clocks from these and the engine's clock. */
export const RunSlice = z.object({
  run: RunStateSchema,
  sales: z.array(FlashSaleView),
  /** Most recent cues first, for the streamer's prompter. */
  cues: z.array(FiredCue),
  /** A rehearsal never writes member records; decided when the run starts. */
  rehearsal: z.boolean(),
  /** Set when the engine restarted mid-show and resumed this run: how long it was away. */
  recovered: z.object({ at: Instant, gapMs: z.number() }).nullable(),
});
export type RunSlice = z.infer<typeof RunSlice>;
