import { z } from 'zod';
import { Command } from './commands.ts';

/**
 * Messages between the desktop shell and the engine it supervises (Electron utilityProcess parentPort).
 * The engine runs standalone too; then none of these are exchanged.
 */
export const SecretKey = z.enum(['obs.password']);
export type SecretKey = z.infer<typeof SecretKey>;

export const EngineToShell = z.discriminatedUnion('type', [
  /** Listening; `url` is the loopback URL the shell should open. */
  z.object({ type: z.literal('ready'), url: z.string(), port: z.number().int() }),
  /** Persist (or, with null, forget) a secret; the shell encrypts it with safeStorage. */
  z.object({ type: z.literal('secret.set'), key: SecretKey, value: z.string().nullable() }),
  /** The engine cannot run (e.g. a database from a newer version); shown to the user, not retried. */
  z.object({ type: z.literal('fatal'), code: z.string(), message: z.string() }),
]);
export type EngineToShell = z.infer<typeof EngineToShell>;

export const ShellToEngine = z.discriminatedUnion('type', [
  /** Sent once right after start: the decrypted secrets the shell keeps for the engine. */
  z.object({ type: z.literal('secrets'), values: z.partialRecord(SecretKey, z.string()) }),
  /** A global shortcut pressed while another app has focus: dispatched like any other command. */
  z.object({ type: z.literal('command'), command: Command }),
]);
export type ShellToEngine = z.infer<typeof ShellToEngine>;

/** Exit code the engine uses for errors a restart cannot fix; the supervisor must not restart on it. */
export const ENGINE_EXIT_FATAL = 78;
