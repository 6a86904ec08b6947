/**
 * "No secret ever in a log or a snapshot" (issue #9), checked on a real engine process: its access token and
 * the OBS password must not show up in its output, HTTP answers, socket messages, session exports or database
 * files. The only intended places: the startup line that prints the LAN URL (token, for the user to open), the
 * settings row that keeps the generated token across restarts, and the secret vault (OBS password).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type CommandInput, type Snapshot } from '../../../shared/protocol/index.ts';
import { DATABASE_FILE } from '../db/database.ts';
import { startFakeObsRefusingAuth, type FakeObs } from './fake-obs-auth.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OBS_PASSWORD = `obs-pw-${randomBytes(12).toString('hex')}`;

function count(haystack: string | Buffer, needle: string): number {
  const text = typeof haystack === 'string' ? haystack : haystack.toString('latin1');
  const find = typeof haystack === 'string' ? needle : Buffer.from(needle, 'utf8').toString('latin1');
  return text.split(find).length - 1;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let child: ChildProcess;
let output = '';
let dataDir: string;
let obs: FakeObs;
let url: string;
let token: string;
/** Everything the engine sent back: HTTP status lines, headers and bodies; socket events and acks. */
const http: string[] = [];
const socketFrames: string[] = [];
const exports: string[] = [];
let socket: Socket;

async function api(pathname: string, init: RequestInit = {}, auth = true): Promise<string> {
  const headers = new Headers(init.headers);
  if (auth) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(`${url}${pathname}`, { ...init, headers });
  const body = await res.text();
  // What the engine sent, not what we asked (one request carries the token in its query string on purpose).
  http.push(`${res.status}\n${JSON.stringify([...res.headers])}\n${body}`);
  return body;
}

const command = (cmd: CommandInput) => api('/api/v1/commands', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cmd) });

async function state(): Promise<Snapshot> {
  return JSON.parse(await api('/api/v1/state')) as Snapshot;
}

/** A client that sends half a body with the token in the query string, then hangs up. */
function abortedUpload(): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${url}/api/v1/commands?token=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '100000' } });
    req.on('error', () => resolve());
    req.write('{"type":"show.setTitle","title":"');
    setTimeout(() => {
      req.destroy();
      setTimeout(resolve, 300);
    }, 100);
  });
}

beforeAll(async () => {
  obs = await startFakeObsRefusingAuth();
  dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-leaks-'));
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-leaks-ui-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  // LAN mode (bound to loopback only) so the engine prints its one intentional line with the token in it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CUEDECK_')));
  child = spawn(
    process.execPath,
    [path.join(ROOT, 'electron/engine/index.ts'), '--port', '0', '--lan', '--host', '127.0.0.1', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  url = await until('the engine to start', () => /Cuedeck is running\. Open (http:\/\/127\.0\.0\.1:\d+)\/producer/.exec(output)?.[1], 20_000);
  token = /[?&]token=([A-Za-z0-9_-]+)/.exec(output)?.[1] ?? '';
  expect(token.length).toBeGreaterThanOrEqual(16);

  socket = io(url, { auth: { token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false });
  socket.onAny((event: string, ...args: unknown[]) => socketFrames.push(JSON.stringify([event, ...args])));
  await until('the socket snapshot', () => (socketFrames.some((f) => f.startsWith('["snapshot"')) ? true : undefined));

  // A rehearsal recorded as a session, with audience events and commands; during it the producer saves the
  // OBS password from the settings view (over the socket) and OBS refuses it.
  for (const cmd of [
    { type: 'show.fromTemplate', template: 'four-module', language: 'en' },
    { type: 'run.start', rehearsal: true, acknowledgeFlags: true },
    { type: 'simulator.start', rate: 100, seed: 7 },
  ] satisfies CommandInput[]) {
    expect(JSON.parse(await command(cmd)), cmd.type).toEqual({ ok: true });
  }
  const configured = await socket.emitWithAck('command', { type: 'obs.configure', url: obs.url, password: OBS_PASSWORD, connect: true });
  socketFrames.push(JSON.stringify(['ack', configured]));
  const offline = await until('OBS to refuse the password', async () => {
    const status = (await state()).state.obs.status;
    return status.phase === 'offline' && status.reason === 'auth_failed' ? status : undefined;
  });
  expect(offline).toMatchObject({ reason: 'auth_failed' });
  expect(obs.identifies.join('\n')).toMatch(/"authentication"/); // the password really was used
  expect(JSON.parse(await command({ type: 'obs.connect' }))).toEqual({ ok: true });
  expect(JSON.parse(await command({ type: 'run.next' }))).toEqual({ ok: true });
  await until('audience events', async () => ((await state()).state.feeds.metrics.comments > 20 ? true : undefined));
  await command({ type: 'simulator.stop' });
  await command({ type: 'run.end' });

  // Unhappy paths: wrong token, no token, a token in the query string of a request that fails mid-upload.
  await api('/api/v1/state', { headers: { Authorization: 'Bearer not-the-token-at-all' } }, false);
  await api(`/api/v1/state?token=${token}x`, {}, false);
  await abortedUpload();

  const sessions = JSON.parse(await api('/api/v1/sessions')) as { id: string }[];
  expect(sessions.length).toBeGreaterThan(0);
  for (const { id } of sessions) {
    await api(`/api/v1/sessions/${id}/review`);
    for (const file of ['export.json', 'export/events.csv', 'export/segments.csv', 'export/orders.csv']) {
      exports.push(await api(`/api/v1/sessions/${id}/${file}`));
    }
  }
  exports.push(await api('/api/v1/members/export.csv'));
  socket.close();

  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}, 60_000);

afterAll(async () => {
  socket.close();
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await obs.close();
});

describe('no secret in a log or a snapshot', () => {
  it('exercised what it claims: a session with events was exported, and the engine stopped cleanly', () => {
    expect(exports.join('\n')).toMatch(/feed\.comment/);
    expect(exports.join('\n')).toMatch(/obs\.configure/);
    expect(child.exitCode).toBe(0);
  });

  it('the engine output names the token in the one startup line that prints the LAN URL, and nowhere else', () => {
    const lines = output.split('\n').filter((line) => line.includes(token));
    expect(lines).toEqual([expect.stringMatching(/^LAN access is on\. From another machine open http:\/\/127\.0\.0\.1:\d+\/producer\?token=/)]);
    expect(count(output, token)).toBe(1);
    expect(output).toMatch(/OBS connection to .* failed: auth_failed/);
  });

  it('the engine output never contains the OBS password', () => {
    expect(count(output, OBS_PASSWORD)).toBe(0);
  });

  it('HTTP answers (state snapshot, errors, review, exports) contain neither secret', () => {
    const all = http.join('\n');
    expect(all).toContain('"hasPassword":true');
    expect(count(all, OBS_PASSWORD)).toBe(0);
    expect(count(all, token)).toBe(0);
  });

  it('socket messages (snapshot, patches, notices, feed batches, acks) contain neither secret', () => {
    const all = socketFrames.join('\n');
    expect(all).toMatch(/^\["patch"/m);
    expect(count(all, OBS_PASSWORD)).toBe(0);
    expect(count(all, token)).toBe(0);
  });

  it('session exports contain neither secret; the password is logged as redacted', () => {
    const all = exports.join('\n');
    expect(all).toMatch(/\[redacted\]/);
    expect(count(all, OBS_PASSWORD)).toBe(0);
    expect(count(all, token)).toBe(0);
  });

  it('the OBS password is on disk only in the private secrets file', () => {
    const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dataDir, f)).isFile());
    const holding = files.filter((f) => count(readFileSync(path.join(dataDir, f)), OBS_PASSWORD) > 0);
    expect(holding).toEqual(['secrets.json']);
    if (process.platform !== 'win32') expect(statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('the database keeps the token only in its settings row', () => {
    const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' });
    for (const file of files.filter((f) => f !== DATABASE_FILE && statSync(path.join(dataDir, f)).isFile())) {
      expect(count(readFileSync(path.join(dataDir, file)), token), file).toBe(0);
    }
    // Byte level, without the one intended row: a compacted copy (no free pages) must not hold the token at all.
    const copyDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-leaks-db-'));
    mkdirSync(copyDir, { recursive: true });
    const copy = path.join(copyDir, DATABASE_FILE);
    copyFileSync(path.join(dataDir, DATABASE_FILE), copy);
    expect(existsSync(`${path.join(dataDir, DATABASE_FILE)}-wal`) ? statSync(`${path.join(dataDir, DATABASE_FILE)}-wal`).size : 0).toBe(0);
    const db = new DatabaseSync(copy);
    const row = db.prepare("SELECT value FROM settings WHERE key = 'engine.token'").get() as { value: string } | undefined;
    expect(row && JSON.parse(row.value)).toBe(token);
    db.exec("DELETE FROM settings WHERE key = 'engine.token'; VACUUM;");
    db.close();
    expect(count(readFileSync(copy), token)).toBe(0);
  });
});
