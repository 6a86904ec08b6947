import { z } from 'zod';
import { EngineState } from './state.ts';

/** Full state plus the revision it corresponds to and the engine's clock when it was taken. */
export const Snapshot = z.object({ rev: z.number().int().nonnegative(), engineNow: z.number(), state: EngineState });
export type Snapshot = z.infer<typeof Snapshot>;

/**
 * A patch replaces whole top-level slices. Slices are small; high-rate data (comments, orders) will get
 * append-only streams of their own rather than riding on patches.
 */
export const Patch = z.object({ rev: z.number().int().positive(), set: EngineState.partial() });
export type Patch = z.infer<typeof Patch>;

export const NoticeLevel = z.enum(['info', 'warning', 'error']);
/** A one-off message for the producer; `code` selects the translated text, `params` fill it. */
export const Notice = z.object({
  id: z.string(),
  at: z.number(),
  level: NoticeLevel,
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type Notice = z.infer<typeof Notice>;
