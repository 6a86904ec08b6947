import { ShellToEngine, type Command, type EngineToShell, type SecretKey } from '../../shared/protocol/index.ts';
import type { Logger } from './log.ts';

export interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * The engine's side of the link to the desktop shell (Electron utilityProcess parentPort): secrets arrive once at
 * start, global shortcuts arrive as commands. Everything is validated; nothing from the shell is trusted blindly.
 */
export class ShellChannel {
  readonly #port: ParentPort;
  readonly #log: Logger;
  #onCommand: ((command: Command) => void) | null = null;
  readonly #pending: Command[] = [];
  readonly secrets: Promise<Partial<Record<SecretKey, string>>>;

  constructor(port: ParentPort, log: Logger, secretsTimeoutMs = 5000) {
    this.#port = port;
    this.#log = log;
    let resolveSecrets: (values: Partial<Record<SecretKey, string>>) => void = () => undefined;
    this.secrets = new Promise((resolve) => (resolveSecrets = resolve));
    const timer = setTimeout(() => {
      log.warn('The desktop shell sent no secrets; continuing without them.');
      resolveSecrets({});
    }, secretsTimeoutMs);
    port.on('message', ({ data }) => {
      const parsed = ShellToEngine.safeParse(data);
      if (!parsed.success) {
        this.#log.warn(`Ignored an invalid message from the shell: ${parsed.error.message}`);
        return;
      }
      const message = parsed.data;
      if (message.type === 'secrets') {
        clearTimeout(timer);
        resolveSecrets(message.values);
      } else if (this.#onCommand) this.#onCommand(message.command);
      else this.#pending.push(message.command);
    });
  }

  post(message: EngineToShell): void {
    this.#port.postMessage(message);
  }

  /** Commands received before the engine was ready are delivered now, in order. */
  onCommand(handler: (command: Command) => void): void {
    this.#onCommand = handler;
    for (const command of this.#pending.splice(0)) handler(command);
  }
}
