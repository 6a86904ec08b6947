import { z } from 'zod';

const text = (max: number) => z.string().max(max);

/**
 * Every action any source may ask of the engine (UI, HTTP API, shortcuts, Stream Deck).
 * One schema, one dispatcher: a command is valid or refused the same way whatever sent it.
 */
export const Command = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('obs.configure'),
    url: text(500).refine((u) => /^wss?:\/\/[^\s/]+/.test(u), { message: 'must start with ws:// or wss:// and name a host' }),
    /** A new password; `null` removes the saved one; absent keeps it. */
    password: text(500).nullable().optional(),
    /** Connect right away with the new settings (the settings form's "Save and connect"). */
    connect: z.boolean().default(true),
  }),
  z.object({ type: z.literal('obs.connect') }),
  z.object({ type: z.literal('obs.disconnect') }),
  z.object({ type: z.literal('obs.setProgramScene'), sceneName: text(500).min(1) }),
  z.object({ type: z.literal('show.setTitle'), title: text(200).trim().min(1) }),
]);
export type Command = z.infer<typeof Command>;
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];

export const ErrorCode = z.enum([
  'bad_request', // the command failed validation
  'unauthorized',
  'obs_not_connected',
  'obs_request_failed',
  'not_found',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const CommandError = z.object({ code: ErrorCode, message: z.string(), issues: z.array(z.string()).optional() });
export type CommandError = z.infer<typeof CommandError>;

export const CommandResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: CommandError }),
]);
export type CommandResult = z.infer<typeof CommandResult>;
