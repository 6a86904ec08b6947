import { Command, type CommandResult } from '../../../shared/protocol/index.ts';
import { isStorageError, storageErrorMessage } from '../db/storage-errors.ts';
import type { Logger } from '../log.ts';
import { CommandFailure } from './command-failure.ts';

/** What each command does, keyed by type; `satisfies` makes a missing or misspelled handler a type error. */
export type CommandHandlers = {
  [K in Command['type']]: (command: Extract<Command, { type: K }>) => void | Promise<void>;
};

/**
 * The one way into the engine for every command source (socket, HTTP API, shortcuts): validate with the shared
 * schema, run the handler, answer with a CommandResult. Never throws.
 */
export function createDispatcher(handlers: CommandHandlers, log: Logger, onDone?: (command: Command, result: CommandResult) => void) {
  return async function dispatch(input: unknown): Promise<CommandResult> {
    const parsed = Command.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(command)'}: ${i.message}`);
      return { ok: false, error: { code: 'bad_request', message: `Invalid command: ${issues.join('; ')}`, issues } };
    }
    const command = parsed.data;
    const handler = handlers[command.type] as (c: Command) => void | Promise<void>;
    const result = await run(handler, command);
    onDone?.(command, result);
    return result;
  };

  async function run(handler: (c: Command) => void | Promise<void>, command: Command): Promise<CommandResult> {
    try {
      await handler(command);
      return { ok: true };
    } catch (error) {
      if (error instanceof CommandFailure) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
      }
      if (isStorageError(error)) {
        log.warn(`Command ${command.type} refused: the database did not accept the write: ${String(error)}`);
        return { ok: false, error: { code: 'storage_failed', message: storageErrorMessage(error) } };
      }
      log.error(`Command ${command.type} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: { code: 'internal', message: `The engine failed to run ${command.type}; see its log.` } };
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>;
