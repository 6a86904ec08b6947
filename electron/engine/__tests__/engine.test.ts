import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { io } from 'socket.io-client';
import { handshake } from './socket-handshake.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_EXIT_FATAL, PROTOCOL_VERSION, type Snapshot } from '../../../shared/protocol/index.ts';
import { startEngine, type RunningEngine } from '../app.ts';
import type { EngineConfig } from '../config/args.ts';
import { DATABASE_FILE } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { FileSecretVault } from '../secrets/file-vault.ts';

const running: RunningEngine[] = [];
const logLines: string[] = [];
const log = createLogger('test', (line) => logLines.push(line));

function makeRendererDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cuedeck-ui-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body>ui</body></html>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

async function start(overrides: Partial<EngineConfig> = {}): Promise<RunningEngine> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cuedeck-engine-'));
  const config: EngineConfig = { host: '127.0.0.1', port: 0, lan: false, dataDir, desktop: false, token: undefined, rendererDir: makeRendererDir(), simulateRate: undefined, ...overrides };
  const engine = await startEngine({ config, vault: new FileSecretVault(dataDir), log, engineDir: import.meta.dirname });
  running.push(engine);
  return engine;
}

/** fetch() will not send a custom Host header; node:http will. */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

describe('engine HTTP', () => {
  it('hands its token only to pages served to this machine by a loopback name', async () => {
    const engine = await start();
    const local = await (await fetch(`${engine.url}/producer`)).text();
    expect(local).toContain(`<meta name="cuedeck-token" content="${engine.token}">`);
    // DNS rebinding: a loopback connection that names another host gets the page without the token.
    const rebound = await getWithHost(`${engine.url}/producer`, 'evil.example');
    expect(rebound).toContain('<title>t</title>');
    expect(rebound).not.toContain(engine.token);
  });

  it('serves assets, refuses path traversal and sets a strict CSP', async () => {
    const engine = await start();
    const asset = await fetch(`${engine.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await fetch(`${engine.url}/assets/%2e%2e/%2e%2e/etc/passwd.txt`)).status).toBe(404);
    expect((await fetch(`${engine.url}/%E0%A4%A.js`)).status).toBe(400);
  });

  it('requires the token on every API call and answers with specific errors', async () => {
    const engine = await start();
    expect((await fetch(`${engine.url}/api/v1/state`)).status).toBe(401);
    const auth = { Authorization: `Bearer ${engine.token}` };
    const state = (await (await fetch(`${engine.url}/api/v1/state`, { headers: auth })).json()) as Snapshot;
    expect(state.state.obs.status).toMatchObject({ phase: 'offline', reason: 'not_configured' });

    const post = (body: string, type = 'application/json') =>
      fetch(`${engine.url}/api/v1/commands`, { method: 'POST', headers: { ...auth, 'Content-Type': type }, body });
    expect((await post('{"type":"show.setTitle","title":"From the API"}')).status).toBe(200);
    expect(((await (await fetch(`${engine.url}/api/v1/state`, { headers: auth })).json()) as Snapshot).state.show.title).toBe('From the API');

    const bad = await post('{"type":"show.setTitle"');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/not valid JSON/);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await post('x'.repeat(9_000_000))).status).toBe(413);
    const notConnected = await post('{"type":"obs.setProgramScene","sceneName":"A"}');
    expect(notConnected.status).toBe(409);
    expect((await fetch(`${engine.url}/api/v1/nothing`, { headers: auth })).status).toBe(404);
    // Another site's page may not drive the API even if it somehow had the token.
    expect((await fetch(`${engine.url}/api/v1/state`, { headers: { ...auth, Origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('uses another port when the configured one is taken, and says so', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const engine = await start({ port: taken });
      expect(engine.port).not.toBe(taken);
      expect(logLines.join('\n')).toContain(`Port ${taken} is already in use`);
      const snapshot = (await (await fetch(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })).json()) as Snapshot;
      expect(snapshot.state.engine).toMatchObject({ port: engine.port, requestedPort: taken });
    } finally {
      blocker.close();
    }
  });

  it('keeps the generated token across restarts so LAN bookmarks keep working', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-engine-'));
    const first = await start({ dataDir });
    const token = first.token;
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const second = await start({ dataDir });
    expect(second.token).toBe(token);
  });
});

describe('engine socket', () => {
  it('refuses a wrong token and another protocol version; sends a snapshot then patches', async () => {
    const engine = await start();
    const attempt = (auth: object) => handshake(engine.url, auth);
    expect(await attempt({ token: 'wrong', protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
    expect(await attempt({ token: engine.token, protocolVersion: PROTOCOL_VERSION + 1 })).toBe('protocol_mismatch');

    const socket = io(engine.url, { auth: { token: engine.token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'] });
    const snapshot = await new Promise<Snapshot>((resolve) => socket.once('snapshot', resolve));
    expect(snapshot.state.show.title).toBeTypeOf('string');
    const patch = new Promise((resolve) => socket.once('patch', resolve));
    const ack = await socket.emitWithAck('command', { type: 'show.setTitle', title: '新品首发' });
    expect(ack).toEqual({ ok: true });
    expect(await patch).toMatchObject({ rev: snapshot.rev + 1, set: { show: { title: '新品首发' }, script: { show: { title: '新品首发' } } } });
    const engineNow = await socket.emitWithAck('clock.ping');
    expect(Math.abs(engineNow - Date.now())).toBeLessThan(1000);
    socket.close();
  });
});

describe('engine process', () => {
  it('refuses a database from a newer Cuedeck with a clear message and the fatal exit code', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-engine-'));
    const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
    db.exec('PRAGMA user_version = 999');
    db.close();
    const result = spawnSync(process.execPath, [path.join(import.meta.dirname, '../index.ts'), '--data-dir', dataDir, '--port', '0'], { encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(ENGINE_EXIT_FATAL);
    expect(result.stderr).toMatch(/written by a newer version of Cuedeck/);
  });
});

describe('first run', () => {
  const stateOf = async (engine: RunningEngine) =>
    ((await (await fetch(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })).json()) as Snapshot).state;

  it('the embedded rehearsal default starts from the sample show; a script already saved is kept', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-first-run-'));
    const first = await start({ dataDir, simulateRate: 5 });
    const { script } = await stateOf(first);
    expect(script.show.title).toBe('秋冬护肤专场');
    expect(script.show.products.length).toBeGreaterThan(0);
    expect(script.show.segments.some((s) => s.flashSales.length > 0)).toBe(true);
    expect(await first.dispatch({ type: 'show.setTitle', title: 'My own show' })).toEqual({ ok: true });
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const again = await start({ dataDir, simulateRate: 5 });
    expect((await stateOf(again)).script.show.title).toBe('My own show');
    // Without the simulator (a real show) a fresh install starts from an empty four-module script.
    const plain = await start();
    expect((await stateOf(plain)).script.show.products).toEqual([]);
  });
});
