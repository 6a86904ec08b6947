/**
 * Runs the engine as an Electron utility process and keeps it running. The fork function is injected so
 * this module never touches electron at runtime and tests can hand in a fake child.
 */
import { z } from 'zod';
import { EngineToShell, ShellToEngine } from '../../shared/protocol/launcher.ts';
import type { SecretKey } from '../../shared/protocol/launcher.ts';
import { DEFAULT_RESTART_POLICY, INITIAL_RESTART_STATE, decideRestart } from './restart-policy.ts';
import type { RestartPolicy, RestartState } from './restart-policy.ts';
import type { SecretWriteResult } from './secrets.ts';
import type { ShellLogger } from './log.ts';

/** The part of Electron's UtilityProcess the supervisor uses. */
export interface EngineChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  on(event: 'spawn', listener: () => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  on(event: 'message', listener: (message: unknown) => void): this;
  postMessage(message: ShellToEngine): void;
  kill(): boolean;
}

export interface EngineForkOptions {
  serviceName: string;
  stdio: 'pipe';
}

/** Same shape as `utilityProcess.fork`. */
export type ForkEngine = (modulePath: string, args: string[], options: EngineForkOptions) => EngineChild;

/** Where the supervisor reads secrets for a fresh engine and writes the ones the engine asks to keep. */
export interface EngineSecrets {
  getAll(): Partial<Record<SecretKey, string>>;
  set(key: SecretKey, value: string | null): SecretWriteResult;
}

export type SupervisorEvent =
  | { type: 'started'; pid: number | undefined; restart: boolean }
  | { type: 'ready'; url: string; port: number; restarted: boolean }
  | { type: 'crashed'; exitCode: number; attempt: number; restartInMs: number }
  | { type: 'fatal'; exitCode: number; code: string; message: string }
  | { type: 'gave-up'; exitCode: number; crashes: number }
  | { type: 'secret-rejected'; key: SecretKey; reason: string }
  | { type: 'stopped' };

export interface EngineSupervisorOptions {
  enginePath: string;
  args: readonly string[];
  fork: ForkEngine;
  secrets: EngineSecrets;
  policy?: Partial<RestartPolicy>;
  /** How long stop() waits for a graceful exit before force-killing. */
  stopTimeoutMs?: number;
  log?: ShellLogger;
}

export const ENGINE_SERVICE_NAME = 'Cuedeck engine';

/** Engine CLI arguments for running under the shell. */
export function buildEngineArgs(prefs: { enginePort: number; lan: boolean }, dataDir: string): string[] {
  return ['--desktop', '--data-dir', dataDir, '--port', String(prefs.enginePort), ...(prefs.lan ? ['--lan'] : [])];
}

/** The shell grants its preload bridge to the page it opens, so only accept a plain loopback URL. */
export function isLoopbackHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.username === '' && url.password === '';
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: Error) => void;
  settled: boolean;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve: (value) => {
      d.settled = true;
      resolve(value);
    },
    reject: (reason) => {
      d.settled = true;
      reject(reason);
    },
  };
  return d;
}

export class EngineSupervisor {
  readonly #opts: EngineSupervisorOptions;
  readonly #policy: RestartPolicy;
  readonly #log: ShellLogger;
  readonly #listeners = new Set<(event: SupervisorEvent) => void>();
  #child: EngineChild | undefined;
  #spawnedAt: number | undefined;
  #fatalReport: { code: string; message: string } | undefined;
  #restartState: RestartState = INITIAL_RESTART_STATE;
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #firstReady: Deferred<string> | undefined;
  #exitWaiters: (() => void)[] = [];
  #everStarted = false;
  #everReady = false;
  #stopping = false;
  #url: string | undefined;

  constructor(options: EngineSupervisorOptions) {
    this.#opts = options;
    this.#policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
    this.#log = options.log ?? console;
  }

  /** URL of the running engine, undefined while it is down. */
  get url(): string | undefined {
    return this.#url;
  }

  onEvent(listener: (event: SupervisorEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts the engine once. Resolves with its URL when it first reports ready (restarts included); rejects
   * if it fails for good or is stopped before that. Later readies arrive as `ready` events.
   */
  start(): Promise<string> {
    if (this.#firstReady) return this.#firstReady.promise;
    this.#firstReady = deferred<string>();
    this.#spawn();
    return this.#firstReady.promise;
  }

  /**
   * Hands a command to the engine (a global shortcut pressed while another app has focus). False while the
   * engine is down: a shortcut must never fire late, after a restart.
   */
  sendCommand(command: Extract<ShellToEngine, { type: 'command' }>['command']): boolean {
    const child = this.#child;
    if (!child || this.#url === undefined) return false;
    child.postMessage({ type: 'command', command });
    return true;
  }

  /** Stops the engine without restarting it; final. */
  async stop(): Promise<void> {
    if (this.#stopping) return this.#waitForExit();
    this.#stopping = true;
    if (this.#restartTimer !== undefined) {
      clearTimeout(this.#restartTimer);
      this.#restartTimer = undefined;
      this.#settleFirstReady(new Error('Engine stopped before it was ready'));
      this.#emit({ type: 'stopped' });
    }
    const child = this.#child;
    if (!child) return;
    const exited = this.#waitForExit();
    child.kill();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#opts.stopTimeoutMs ?? 5_000);
    });
    const outcome = await Promise.race([exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout' && this.#child === child) {
      // kill() is only a polite SIGTERM on POSIX; an engine stuck in shutdown must not keep the app alive.
      this.#log.warn('[engine] did not exit in time; force-killing');
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch (error) {
          this.#log.warn('[engine] force-kill failed', error);
        }
      }
    }
  }

  #waitForExit(): Promise<void> {
    if (!this.#child) return Promise.resolve();
    return new Promise((resolve) => this.#exitWaiters.push(resolve));
  }

  #emit(event: SupervisorEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener (e.g. a window being torn down) must not take supervision down with it.
        this.#log.error(`[engine] listener failed on ${event.type}`, error);
      }
    }
  }

  #settleFirstReady(result: string | Error): void {
    const d = this.#firstReady;
    if (!d || d.settled) return;
    if (typeof result === 'string') d.resolve(result);
    else d.reject(result);
  }

  #spawn(): void {
    this.#spawnedAt = undefined;
    this.#fatalReport = undefined;
    let child: EngineChild;
    try {
      child = this.#opts.fork(this.#opts.enginePath, [...this.#opts.args], { serviceName: ENGINE_SERVICE_NAME, stdio: 'pipe' });
    } catch (error) {
      this.#log.error('[engine] fork failed', error);
      this.#child = undefined;
      this.#handleExit(-1);
      return;
    }
    this.#child = child;
    child.on('spawn', () => {
      if (this.#child !== child) return;
      this.#spawnedAt = Date.now();
      const restart = this.#everStarted;
      this.#everStarted = true;
      this.#emit({ type: 'started', pid: child.pid, restart });
      this.#sendSecrets(child);
    });
    child.on('message', (message) => {
      if (this.#child === child) this.#onMessage(message);
    });
    child.on('exit', (code) => {
      if (this.#child !== child) return;
      this.#child = undefined;
      this.#handleExit(code);
    });
    // With stdio 'pipe' the streams must be drained or a chatty engine blocks on a full pipe.
    this.#forwardOutput(child.stdout, 'info');
    this.#forwardOutput(child.stderr, 'warn');
  }

  #forwardOutput(stream: NodeJS.ReadableStream | null, level: 'info' | 'warn'): void {
    stream?.on('data', (chunk: Buffer | string) => {
      for (const line of chunk.toString().split(/\r?\n/)) {
        if (line.trim() !== '') this.#log[level](`[engine] ${line}`);
      }
    });
  }

  #sendSecrets(child: EngineChild): void {
    let values: Partial<Record<SecretKey, string>> = {};
    try {
      values = this.#opts.secrets.getAll();
    } catch (error) {
      this.#log.error('[engine] could not read stored secrets; starting the engine without them', error);
    }
    const message = ShellToEngine.safeParse({ type: 'secrets', values });
    if (!message.success) {
      this.#log.error(`[engine] refusing to send an invalid secrets message: ${z.prettifyError(message.error)}`);
      child.postMessage({ type: 'secrets', values: {} });
      return;
    }
    child.postMessage(message.data);
  }

  #onMessage(raw: unknown): void {
    const parsed = EngineToShell.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn(`[engine] ignoring invalid message: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready': {
        if (!isLoopbackHttpUrl(message.url)) {
          this.#log.warn(`[engine] ignoring ready with a non-loopback URL: ${message.url}`);
          return;
        }
        this.#url = message.url;
        const restarted = this.#everReady;
        this.#everReady = true;
        this.#emit({ type: 'ready', url: message.url, port: message.port, restarted });
        this.#settleFirstReady(message.url);
        return;
      }
      case 'secret.set': {
        let result: SecretWriteResult;
        try {
          result = this.#opts.secrets.set(message.key, message.value);
        } catch (error) {
          result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
        }
        if (!result.ok) {
          this.#log.warn(`[engine] secret ${message.key} not saved: ${result.reason}`);
          this.#emit({ type: 'secret-rejected', key: message.key, reason: result.reason });
        }
        return;
      }
      case 'fatal':
        this.#fatalReport = { code: message.code, message: message.message };
        this.#log.error(`[engine] fatal ${message.code}: ${message.message}`);
        return;
    }
  }

  #handleExit(exitCode: number): void {
    this.#url = undefined;
    const ranForMs = this.#spawnedAt === undefined ? 0 : Date.now() - this.#spawnedAt;
    const { decision, state } = decideRestart(
      this.#restartState,
      { exitCode, intentional: this.#stopping, fatalReported: this.#fatalReport !== undefined, ranForMs },
      this.#policy,
    );
    this.#restartState = state;
    const waiters = this.#exitWaiters;
    this.#exitWaiters = [];
    for (const resolve of waiters) resolve();

    switch (decision.action) {
      case 'stop':
        this.#log.info(`[engine] stopped (exit ${exitCode})`);
        this.#settleFirstReady(new Error('Engine stopped before it was ready'));
        this.#emit({ type: 'stopped' });
        return;
      case 'fatal': {
        const report = this.#fatalReport ?? { code: 'exit-fatal', message: `The engine exited with code ${exitCode}.` };
        this.#log.error(`[engine] exited with a fatal error (exit ${exitCode}); not restarting`);
        this.#settleFirstReady(new Error(`Engine fatal error ${report.code}: ${report.message}`));
        this.#emit({ type: 'fatal', exitCode, ...report });
        return;
      }
      case 'give-up':
        this.#log.error(`[engine] crashed ${decision.crashes} times in a row (last exit ${exitCode}); giving up`);
        this.#settleFirstReady(new Error(`Engine crashed ${decision.crashes} times in a row (last exit code ${exitCode})`));
        this.#emit({ type: 'gave-up', exitCode, crashes: decision.crashes });
        return;
      case 'restart':
        this.#log.warn(`[engine] exited with code ${exitCode}; restart ${decision.attempt} in ${decision.delayMs} ms`);
        this.#emit({ type: 'crashed', exitCode, attempt: decision.attempt, restartInMs: decision.delayMs });
        this.#restartTimer = setTimeout(() => {
          this.#restartTimer = undefined;
          if (!this.#stopping) this.#spawn();
        }, decision.delayMs);
        return;
    }
  }
}
