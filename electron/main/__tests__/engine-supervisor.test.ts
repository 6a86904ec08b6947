import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SecretKey, ShellToEngine } from '../../../shared/protocol/launcher.ts';
import { EngineSupervisor, buildEngineArgs, isLoopbackHttpUrl } from '../engine-supervisor.ts';
import type { EngineChild, EngineSecrets, EngineSupervisorOptions, SupervisorEvent } from '../engine-supervisor.ts';
import type { SecretWriteResult } from '../secrets.ts';

class FakeChild extends EventEmitter implements EngineChild {
  readonly pid: number;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly posted: ShellToEngine[] = [];
  readonly kill = vi.fn(() => true);

  constructor(pid: number) {
    super();
    this.pid = pid;
  }

  postMessage(message: ShellToEngine): void {
    this.posted.push(message);
  }
  spawn(): void {
    this.emit('spawn');
  }
  exit(code: number): void {
    this.emit('exit', code);
  }
  send(message: unknown): void {
    this.emit('message', message);
  }
}

const URL_A = 'http://127.0.0.1:7480';
const URL_B = 'http://127.0.0.1:7499';

function setup(overrides: Partial<EngineSupervisorOptions> = {}) {
  const children: FakeChild[] = [];
  const fork = vi.fn((_path: string, _args: string[], _options: { serviceName: string; stdio: 'pipe' }) => {
    const child = new FakeChild(1000 + children.length);
    children.push(child);
    return child;
  });
  const stored = new Map<SecretKey, string>([['obs.password', 'hunter2']]);
  const secrets = {
    getAll: vi.fn(() => Object.fromEntries(stored)),
    set: vi.fn((key: SecretKey, value: string | null): SecretWriteResult => {
      if (value === null) stored.delete(key);
      else stored.set(key, value);
      return { ok: true };
    }),
  } satisfies EngineSecrets;
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const supervisor = new EngineSupervisor({
    enginePath: '/app/dist/electron/engine/index.js',
    args: ['--desktop', '--port', '7480'],
    fork,
    secrets,
    log,
    ...overrides,
  });
  const events: SupervisorEvent[] = [];
  supervisor.onEvent((event) => events.push(event));
  const child = (index: number): FakeChild => {
    const found = children[index];
    if (!found) throw new Error(`no child #${index} (forked ${children.length})`);
    return found;
  };
  return { supervisor, fork, children, child, secrets, stored, log, events };
}

/** Lets the engine come up: spawn + ready. */
function bringUp(child: FakeChild, url = URL_A): void {
  child.spawn();
  child.send({ type: 'ready', url, port: Number(new URL(url).port) });
}

const types = (events: SupervisorEvent[]) => events.map((e) => e.type);

/** Observes a promise's outcome without leaving a rejection unhandled while timers are advanced. */
function outcomeOf(promise: Promise<string>): Promise<string> {
  return promise.then(
    (value) => `resolved: ${value}`,
    (error: unknown) => `rejected: ${error instanceof Error ? error.message : String(error)}`,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('buildEngineArgs / isLoopbackHttpUrl', () => {
  it('passes desktop mode, data dir and port, and --lan only when enabled', () => {
    expect(buildEngineArgs({ enginePort: 7480, lan: false }, '/data')).toEqual(['--desktop', '--data-dir', '/data', '--port', '7480']);
    expect(buildEngineArgs({ enginePort: 8000, lan: true }, '/d')).toEqual(['--desktop', '--data-dir', '/d', '--port', '8000', '--lan']);
  });

  it('accepts only plain http loopback URLs', () => {
    expect(isLoopbackHttpUrl('http://127.0.0.1:7480')).toBe(true);
    expect(isLoopbackHttpUrl('http://localhost:7480/')).toBe(true);
    expect(isLoopbackHttpUrl('http://[::1]:7480')).toBe(true);
    expect(isLoopbackHttpUrl('http://192.168.1.20:7480')).toBe(false);
    expect(isLoopbackHttpUrl('https://127.0.0.1:7480')).toBe(false);
    expect(isLoopbackHttpUrl('http://127.0.0.1.evil.example:7480')).toBe(false);
    expect(isLoopbackHttpUrl('http://user:pw@127.0.0.1:7480')).toBe(false);
    expect(isLoopbackHttpUrl('not a url')).toBe(false);
  });
});

describe('EngineSupervisor start-up', () => {
  it('forks the engine as a named utility process with piped output', () => {
    const { supervisor, fork } = setup();
    void supervisor.start();
    expect(fork).toHaveBeenCalledTimes(1);
    expect(fork).toHaveBeenCalledWith('/app/dist/electron/engine/index.js', ['--desktop', '--port', '7480'], {
      serviceName: 'Cuedeck engine',
      stdio: 'pipe',
    });
  });

  it('sends the stored secrets right after spawn, not before', () => {
    const { supervisor, child } = setup();
    void supervisor.start();
    expect(child(0).posted).toEqual([]);
    child(0).spawn();
    expect(child(0).posted).toEqual([{ type: 'secrets', values: { 'obs.password': 'hunter2' } }]);
  });

  it('still starts the engine (without secrets) when reading them fails', () => {
    const { supervisor, child, secrets, log } = setup();
    secrets.getAll.mockImplementation(() => {
      throw new Error('keychain locked');
    });
    void supervisor.start();
    child(0).spawn();
    expect(child(0).posted).toEqual([{ type: 'secrets', values: {} }]);
    expect(log.error).toHaveBeenCalled();
  });

  it('resolves start() with the URL on ready and reports started then ready', async () => {
    const { supervisor, child, events } = setup();
    const started = supervisor.start();
    bringUp(child(0));
    await expect(started).resolves.toBe(URL_A);
    expect(supervisor.url).toBe(URL_A);
    expect(events).toEqual([
      { type: 'started', pid: 1000, restart: false },
      { type: 'ready', url: URL_A, port: 7480, restarted: false },
    ]);
  });

  it('returns the same promise and forks once when start() is called twice', () => {
    const { supervisor, fork } = setup();
    expect(supervisor.start()).toBe(supervisor.start());
    expect(fork).toHaveBeenCalledTimes(1);
  });

  it('forwards engine stdout/stderr lines to the log', () => {
    const { supervisor, child, log } = setup();
    void supervisor.start();
    child(0).stdout.write('listening\nsecond line\n');
    child(0).stderr.write('careful\n');
    expect(log.info).toHaveBeenCalledWith('[engine] listening');
    expect(log.info).toHaveBeenCalledWith('[engine] second line');
    expect(log.warn).toHaveBeenCalledWith('[engine] careful');
  });
});

describe('EngineSupervisor message validation', () => {
  it('ignores and logs invalid messages without crashing, then accepts a valid one', async () => {
    const { supervisor, child, events, log } = setup();
    const started = supervisor.start();
    child(0).spawn();
    for (const bad of [
      'ready',
      null,
      42,
      { type: 'ready', url: URL_A }, // no port
      { type: 'ready', url: URL_A, port: '7480' },
      { type: 'launch-missiles' },
      { type: 'secret.set', key: 'not.a.known.key', value: 'x' },
    ]) {
      expect(() => child(0).send(bad)).not.toThrow();
    }
    expect(log.warn).toHaveBeenCalledTimes(7);
    expect(types(events)).toEqual(['started']);
    expect(supervisor.url).toBeUndefined();

    child(0).send({ type: 'ready', url: URL_A, port: 7480 });
    await expect(started).resolves.toBe(URL_A);
  });

  it('ignores a ready message whose URL is not loopback http', () => {
    const { supervisor, child, events, log } = setup();
    void supervisor.start();
    child(0).spawn();
    child(0).send({ type: 'ready', url: 'http://203.0.113.5:7480', port: 7480 });
    expect(types(events)).toEqual(['started']);
    expect(supervisor.url).toBeUndefined();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('non-loopback'));
  });

  it('persists secrets the engine sets, and forgets them on null', () => {
    const { supervisor, child, secrets, stored } = setup();
    void supervisor.start();
    bringUp(child(0));
    child(0).send({ type: 'secret.set', key: 'obs.password', value: 'new-pass' });
    expect(secrets.set).toHaveBeenLastCalledWith('obs.password', 'new-pass');
    expect(stored.get('obs.password')).toBe('new-pass');
    child(0).send({ type: 'secret.set', key: 'obs.password', value: null });
    expect(secrets.set).toHaveBeenLastCalledWith('obs.password', null);
    expect(stored.has('obs.password')).toBe(false);
  });

  it('reports a secret the store refused, and one whose store threw', () => {
    const { supervisor, child, secrets, events } = setup();
    void supervisor.start();
    bringUp(child(0));
    secrets.set.mockReturnValueOnce({ ok: false, reason: 'no encryption' });
    child(0).send({ type: 'secret.set', key: 'obs.password', value: 'x' });
    secrets.set.mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    child(0).send({ type: 'secret.set', key: 'obs.password', value: 'y' });
    expect(events.filter((e) => e.type === 'secret-rejected')).toEqual([
      { type: 'secret-rejected', key: 'obs.password', reason: 'no encryption' },
      { type: 'secret-rejected', key: 'obs.password', reason: 'disk full' },
    ]);
  });

  it('keeps supervising when a listener throws', () => {
    const { supervisor, child, events, log } = setup();
    supervisor.onEvent(() => {
      throw new Error('window gone');
    });
    void supervisor.start();
    bringUp(child(0));
    expect(types(events)).toEqual(['started', 'ready']);
    expect(log.error).toHaveBeenCalled();
  });
});

describe('EngineSupervisor restarts', () => {
  it('restarts after a crash with backoff, notifies, re-sends secrets and reports the new URL', async () => {
    const { supervisor, fork, child, events } = setup();
    void supervisor.start();
    bringUp(child(0));
    events.length = 0;

    child(0).exit(1);
    expect(events).toEqual([{ type: 'crashed', exitCode: 1, attempt: 1, restartInMs: 500 }]);
    expect(supervisor.url).toBeUndefined();
    await vi.advanceTimersByTimeAsync(499);
    expect(fork).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fork).toHaveBeenCalledTimes(2);

    bringUp(child(1), URL_B);
    expect(child(1).posted).toEqual([{ type: 'secrets', values: { 'obs.password': 'hunter2' } }]);
    expect(events.slice(1)).toEqual([
      { type: 'started', pid: 1001, restart: true },
      { type: 'ready', url: URL_B, port: 7499, restarted: true },
    ]);
    expect(supervisor.url).toBe(URL_B);
  });

  it('doubles the delay on rapid crashes and resets it after a stable run', async () => {
    const { supervisor, child, events } = setup();
    void supervisor.start();
    const delays = () => events.flatMap((e) => (e.type === 'crashed' ? [e.restartInMs] : []));

    child(0).spawn();
    child(0).exit(1);
    await vi.advanceTimersByTimeAsync(500);
    child(1).spawn();
    child(1).exit(1);
    await vi.advanceTimersByTimeAsync(1000);
    child(2).spawn();
    child(2).exit(1);
    expect(delays()).toEqual([500, 1000, 2000]);

    await vi.advanceTimersByTimeAsync(2000);
    child(3).spawn();
    await vi.advanceTimersByTimeAsync(30_000); // stable
    child(3).exit(1);
    expect(delays()).toEqual([500, 1000, 2000, 500]);
  });

  it('counts an engine that never spawned as a rapid crash', async () => {
    const { supervisor, child, events } = setup();
    void supervisor.start();
    child(0).exit(1);
    await vi.advanceTimersByTimeAsync(500);
    child(1).exit(1);
    expect(events.filter((e) => e.type === 'crashed').map((e) => e.type === 'crashed' && e.attempt)).toEqual([1, 2]);
  });

  it('treats a fork that throws as a crash and retries', async () => {
    const { supervisor, fork, events, log } = setup();
    fork.mockImplementationOnce(() => {
      throw new Error('spawn EACCES');
    });
    void supervisor.start();
    expect(events).toEqual([{ type: 'crashed', exitCode: -1, attempt: 1, restartInMs: 500 }]);
    expect(log.error).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(fork).toHaveBeenCalledTimes(2);
  });

  it('gives up after repeated rapid crashes, reports it and rejects start()', async () => {
    const { supervisor, fork, child, events } = setup({ policy: { maxConsecutiveRestarts: 3 } });
    const outcome = outcomeOf(supervisor.start());
    for (let i = 0; i < 4; i++) {
      child(i).spawn();
      child(i).exit(3);
      await vi.advanceTimersByTimeAsync(10_000);
    }
    expect(fork).toHaveBeenCalledTimes(4);
    expect(events.at(-1)).toEqual({ type: 'gave-up', exitCode: 3, crashes: 4 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(4);
    expect(await outcome).toMatch(/^rejected: .*crashed 4 times/);
  });

  it('does not restart on the fatal exit code and reports the engine-supplied reason', async () => {
    const { supervisor, fork, child, events } = setup();
    const outcome = outcomeOf(supervisor.start());
    child(0).spawn();
    child(0).send({ type: 'fatal', code: 'db-too-new', message: 'The database was written by a newer Cuedeck.' });
    child(0).exit(78);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toEqual({
      type: 'fatal',
      exitCode: 78,
      code: 'db-too-new',
      message: 'The database was written by a newer Cuedeck.',
    });
    expect(await outcome).toMatch(/^rejected: .*db-too-new/);
  });

  it('does not restart on exit code 78 even without a fatal message, nor after running fine', async () => {
    const { supervisor, fork, child, events } = setup();
    void supervisor.start();
    bringUp(child(0));
    await vi.advanceTimersByTimeAsync(60_000);
    child(0).exit(78);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toMatchObject({ type: 'fatal', exitCode: 78 });
  });

  it('does not restart after stop(), and stop() resolves once the engine has exited', async () => {
    const { supervisor, fork, child, events } = setup();
    void supervisor.start();
    bringUp(child(0));
    let stopped = false;
    const stopping = supervisor.stop().then(() => {
      stopped = true;
    });
    expect(child(0).kill).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(stopped).toBe(false);
    child(0).exit(0);
    await stopping;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toEqual({ type: 'stopped' });
    expect(supervisor.url).toBeUndefined();
  });

  it('treats any exit after stop() as intentional, even a non-zero one', async () => {
    const { supervisor, fork, child, events } = setup();
    void supervisor.start();
    bringUp(child(0));
    const stopping = supervisor.stop();
    child(0).exit(143);
    await stopping;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(1);
    expect(types(events)).not.toContain('crashed');
  });

  it('cancels a pending restart on stop()', async () => {
    const { supervisor, fork, child, events } = setup();
    const outcome = outcomeOf(supervisor.start());
    child(0).spawn();
    child(0).exit(1);
    await supervisor.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toEqual({ type: 'stopped' });
    expect(await outcome).toMatch(/^rejected: .*stopped before it was ready/);
  });

  it('force-kills an engine that ignores the stop request', async () => {
    const killSpy = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const { supervisor, child } = setup({ stopTimeoutMs: 1000 });
    void supervisor.start();
    bringUp(child(0));
    const stopping = supervisor.stop();
    await vi.advanceTimersByTimeAsync(1000);
    await stopping;
    expect(killSpy).toHaveBeenCalledWith(1000, 'SIGKILL');
  });

  it('ignores events from a previous child after a restart', async () => {
    const { supervisor, child, events } = setup();
    void supervisor.start();
    bringUp(child(0));
    child(0).exit(1);
    await vi.advanceTimersByTimeAsync(500);
    bringUp(child(1), URL_B);
    events.length = 0;
    child(0).send({ type: 'ready', url: URL_A, port: 7480 });
    child(0).exit(1);
    expect(events).toEqual([]);
    expect(supervisor.url).toBe(URL_B);
  });
});
