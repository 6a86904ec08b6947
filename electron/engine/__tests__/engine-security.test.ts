/**
 * The engine's side of the security checklist (issue #9), one test per item, against a real in-process engine.
 * Rate-limit details are in access-limits.test.ts and secrets in no-secret-leaks.test.ts.
 */
import type * as Crypto from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { handshake } from './socket-handshake.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type Snapshot } from '../../../shared/protocol/index.ts';
import { startEngine, type RunningEngine } from '../app.ts';
import { parseEngineArgs, type EngineConfig } from '../config/args.ts';
import { tokensEqual } from '../http/auth.ts';
import type * as Auth from '../http/auth.ts';
import { createLogger } from '../log.ts';
import { FileSecretVault } from '../secrets/file-vault.ts';

vi.mock('../http/auth.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Auth>();
  return { ...original, tokensEqual: vi.fn(original.tokensEqual) };
});
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const running: RunningEngine[] = [];
/** A non-loopback address of this machine: requests to it come from "another machine" as far as the engine sees. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && !i.internal && i.family === 'IPv4')?.address;

async function start(overrides: Partial<EngineConfig> = {}): Promise<RunningEngine> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-sec-'));
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-sec-ui-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  const defaults = parseEngineArgs(['--port', '0'], {}, dataDir);
  if (defaults === 'help') throw new Error('unexpected help');
  const config: EngineConfig = { ...defaults, rendererDir, ...overrides };
  const engine = await startEngine({ config, vault: new FileSecretVault(dataDir), log: createLogger('test', () => undefined), engineDir: import.meta.dirname });
  running.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, so any method and Origin/Host header can be sent. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}


const JSON_HEADERS = { 'Content-Type': 'application/json' };
/** Every API route and method there is, plus ones that do not exist. */
const ROUTES: { method: string; path: string; body?: string }[] = [
  { method: 'GET', path: '/api/v1/state' },
  { method: 'POST', path: '/api/v1/commands', body: JSON.stringify({ type: 'show.setTitle', title: 'hijacked' }) },
  { method: 'GET', path: '/api/v1/sessions' },
  { method: 'POST', path: '/api/v1/sessions/import', body: '{}' },
  { method: 'GET', path: '/api/v1/sessions/some-id/review' },
  { method: 'GET', path: '/api/v1/sessions/some-id/export.json' },
  { method: 'GET', path: '/api/v1/members?q=a' },
  { method: 'GET', path: '/api/v1/members/export.csv' },
  { method: 'POST', path: '/api/v1/members/import?kind=members&mode=apply', body: '{}' },
  { method: 'GET', path: '/api/v1/no-such-route' },
  { method: 'GET', path: '/api/v1' },
  { method: 'DELETE', path: '/api/v1/state' },
  { method: 'OPTIONS', path: '/api/v1/commands' },
];

function noCorsHeaders(answer: Answer): string[] {
  return Object.keys(answer.headers).filter((name) => name.toLowerCase().startsWith('access-control-'));
}

describe('Engine security checklist', () => {
  it('loopback by default: without options the engine listens on 127.0.0.1 only', async () => {
    const engine = await start();
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await send(`${engine.url}/producer`)).status).toBe(200);
    if (lanAddress) await expect(send(`http://${lanAddress}:${engine.port}/producer`)).rejects.toThrow(/ECONNREFUSED/);
    expect(engine.lanUrls).toEqual([]);
  });

  it.skipIf(!lanAddress)('LAN mode only with a token: another machine needs it for every call and is never handed it', async () => {
    const engine = await start({ host: lanAddress, lan: true });
    const lan = `http://${lanAddress}:${engine.port}`;
    expect(engine.lanUrls).toEqual([`${lan}/producer?token=${engine.token}`]);
    const page = await send(`${lan}/producer`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(engine.token);
    expect((await send(`${lan}/api/v1/state`)).status).toBe(401);
    expect(await handshake(lan, { protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
    expect((await send(`${lan}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })).status).toBe(200);
    expect(await handshake(lan, { token: engine.token, protocolVersion: PROTOCOL_VERSION })).toBe('connected');
    // There is no switch to run without a token, and a short one is refused.
    expect(() => parseEngineArgs(['--lan', '--token', 'short'], {}, '/d')).toThrow(/at least 16/);
    expect(() => parseEngineArgs(['--no-token'], {}, '/d')).toThrow();
  });

  it('every HTTP and socket call checked: each API route and method refuses a missing or wrong token', async () => {
    const engine = await start();
    const before = (JSON.parse((await send(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })).body) as Snapshot).state.show.title;
    for (const route of ROUTES) {
      const none: Record<string, string> = {};
      for (const credentials of [none, { Authorization: 'Bearer wrong-token-wrong-token' }, { Authorization: `Bearer ${engine.token}x` }]) {
        const answer = await send(`${engine.url}${route.path}`, { method: route.method, headers: { ...JSON_HEADERS, ...credentials }, body: route.body });
        expect(answer.status, `${route.method} ${route.path} ${JSON.stringify(credentials)}`).toBe(401);
        expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
      const query = route.path.includes('?') ? '&' : '?';
      const inQuery = `${route.path}${query}token=wrong-token-wrong-token`;
      expect((await send(`${engine.url}${inQuery}`, { method: route.method, headers: JSON_HEADERS, body: route.body })).status, inQuery).toBe(401);
    }
    const after = (JSON.parse((await send(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })).body) as Snapshot).state.show.title;
    expect(after).toBe(before);
    expect(await handshake(engine.url, { protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
    expect(await handshake(engine.url, { token: 'wrong-token-wrong-token', protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
    expect(await handshake(engine.url, { token: 12345, protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
  });

  it('tokens compared in constant time: every check goes through tokensEqual, which compares equal-length digests', async () => {
    const engine = await start();
    const { timingSafeEqual } = await import('node:crypto');
    vi.mocked(tokensEqual).mockClear();
    await send(`${engine.url}/api/v1/state`, { headers: { Authorization: 'Bearer a' } });
    await send(`${engine.url}/api/v1/state?token=${'b'.repeat(200)}`);
    await send(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } });
    await handshake(engine.url, { token: 'c', protocolVersion: PROTOCOL_VERSION });
    await handshake(engine.url, { token: engine.token, protocolVersion: PROTOCOL_VERSION });
    expect(vi.mocked(tokensEqual).mock.calls).toEqual([
      ['a', engine.token],
      ['b'.repeat(200), engine.token],
      [engine.token, engine.token],
      ['c', engine.token],
      [engine.token, engine.token],
    ]);
    vi.mocked(timingSafeEqual).mockClear();
    expect(tokensEqual('short', 'a-much-longer-expected-token')).toBe(false);
    expect(tokensEqual('same-token-value', 'same-token-value')).toBe(true);
    const lengths = vi.mocked(timingSafeEqual).mock.calls.map(([a, b]) => [(a as Buffer).length, (b as Buffer).length]);
    expect(lengths).toEqual([
      [32, 32],
      [32, 32],
    ]);
  });

  it('CORS closed: no Access-Control header on any answer; other origins are refused on the API and the socket', async () => {
    const engine = await start();
    const auth = { Authorization: `Bearer ${engine.token}` };
    const evil = { Origin: 'http://evil.example' };
    const preflight = await send(`${engine.url}/api/v1/commands`, {
      method: 'OPTIONS',
      headers: { ...evil, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(noCorsHeaders(preflight)).toEqual([]);
    expect(preflight.status).toBe(401);
    const crossSite = await send(`${engine.url}/api/v1/state`, { headers: { ...auth, ...evil } });
    expect(crossSite.status).toBe(403);
    expect(noCorsHeaders(crossSite)).toEqual([]);
    const sameSite = await send(`${engine.url}/api/v1/state`, { headers: { ...auth, Origin: engine.url } });
    expect(sameSite.status).toBe(200);
    expect(noCorsHeaders(sameSite)).toEqual([]);
    const polling = await send(`${engine.url}/socket.io/?EIO=4&transport=polling`, { headers: evil });
    expect(polling.status).toBe(403);
    expect(noCorsHeaders(polling)).toEqual([]);
    expect(await handshake(engine.url, { token: engine.token, protocolVersion: PROTOCOL_VERSION }, evil)).not.toBe('connected');
    expect(await handshake(engine.url, { token: engine.token, protocolVersion: PROTOCOL_VERSION }, { Origin: engine.url })).toBe('connected');
  });

  it.skipIf(!lanAddress)('rate limits: a guesser on the LAN is locked out after 10 wrong tokens, a caller on loopback with the token is not', async () => {
    const engine = await start({ host: '0.0.0.0', lan: true });
    const lan = `http://${lanAddress}:${engine.port}`;
    for (let i = 0; i < 10; i += 1) expect((await send(`${lan}/api/v1/state`, { headers: { Authorization: `Bearer guess-${i}-xxxxxxxxxxxx` } })).status).toBe(401);
    const locked = await send(`${lan}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toMatch(/^[1-6]$/);
    const local = await Promise.all(Array.from({ length: 20 }, () => send(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })));
    expect(local.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });
});
