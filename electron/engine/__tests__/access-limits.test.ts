/**
 * Rate limits on a real engine: the HTTP API answers 429 with Retry-After and a JSON error, wrong tokens
 * lock an address out of the API and the socket alike, and the right token keeps working for bursts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { handshake as connectOnce } from './socket-handshake.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/protocol/index.ts';
import { startEngine, type EngineDeps, type RunningEngine } from '../app.ts';
import { createLogger } from '../log.ts';
import { FileSecretVault } from '../secrets/file-vault.ts';

const running: RunningEngine[] = [];

async function start(access: EngineDeps['access']): Promise<RunningEngine> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-limits-'));
  const engine = await startEngine({
    config: { host: '127.0.0.1', port: 0, lan: false, dataDir, desktop: false, token: undefined, rendererDir: undefined, simulateRate: undefined },
    vault: new FileSecretVault(dataDir),
    log: createLogger('test', () => undefined),
    engineDir: import.meta.dirname,
    access,
  });
  running.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

const state = (engine: RunningEngine, token: string) => fetch(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${token}` } });

const handshake = (engine: RunningEngine, token: string) => connectOnce(engine.url, { token, protocolVersion: PROTOCOL_VERSION });

describe('engine rate limits', () => {
  it('answers 429 with Retry-After and a JSON error once an address exceeds the request limit', async () => {
    const engine = await start({ limits: { requests: { capacity: 5, perSecond: 1 } } });
    for (let i = 0; i < 5; i += 1) expect((await state(engine, engine.token)).status).toBe(200);
    const limited = await state(engine, engine.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('access-control-allow-origin')).toBeNull();
    expect(await limited.json()).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Too many requests.*retry in 1 s/) } });
  });

  it('lets a Stream Deck with the right token fire 20-command bursts under the default limits', async () => {
    const engine = await start({ lockOutLoopback: true });
    for (let burst = 0; burst < 3; burst += 1) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${engine.url}/api/v1/commands`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ type: 'show.setTitle', title: `burst ${burst}` }),
          }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    }
  });

  it('after 10 wrong tokens refuses the address on the API and the socket without checking its token', async () => {
    const engine = await start({ lockOutLoopback: true });
    for (let i = 0; i < 9; i += 1) expect((await state(engine, `wrong-token-${i}-xxxxxxxx`)).status).toBe(401);
    // Socket handshakes draw on the same budget: the tenth wrong token comes that way.
    expect(await handshake(engine, 'wrong-token-socket-xxxxxx')).toBe('unauthorized');

    const locked = await state(engine, 'wrong-token-10-xxxxxxxx');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(6);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Even the right token is not looked at while locked out: a guesser learns nothing from trying faster.
    expect((await state(engine, engine.token)).status).toBe(429);
    expect(await handshake(engine, engine.token)).toBe('rate_limited');
    expect(await handshake(engine, 'wrong-token-socket-xxxxxx')).toBe('rate_limited');
  });

  it('never locks out loopback by default, and the right token always works there', async () => {
    const engine = await start(undefined);
    for (let i = 0; i < 30; i += 1) expect((await state(engine, `wrong-token-${i}-xxxxxxxx`)).status).toBe(401);
    expect(await handshake(engine, 'wrong-token-socket-xxxxxx')).toBe('unauthorized');
    expect((await state(engine, engine.token)).status).toBe(200);
    expect(await handshake(engine, engine.token)).toBe('connected');
  });
});
