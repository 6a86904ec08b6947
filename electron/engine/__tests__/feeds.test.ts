import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../shared/feeds/events.ts';
import { PROTOCOL_VERSION, type ClientToServerEvents, type CommandInput, type ServerToClientEvents, type Snapshot } from '../../../shared/protocol/index.ts';
import { startEngine, type RunningEngine } from '../app.ts';
import { createLogger } from '../log.ts';
import { FileSecretVault } from '../secrets/file-vault.ts';

const running: RunningEngine[] = [];
const sockets: Socket[] = [];

async function start(): Promise<RunningEngine> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-feeds-'));
  const engine = await startEngine({
    config: { host: '127.0.0.1', port: 0, lan: false, dataDir, desktop: false, token: undefined, rendererDir: undefined, simulateRate: undefined },
    vault: new FileSecretVault(dataDir),
    log: createLogger('test', () => undefined),
    engineDir: path.resolve(import.meta.dirname, '..'),
  });
  running.push(engine);
  return engine;
}

function connect(engine: RunningEngine): Socket<ServerToClientEvents, ClientToServerEvents> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(engine.url, {
    auth: { token: engine.token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
  });
  sockets.push(socket);
  return socket;
}

const state = async (engine: RunningEngine) =>
  ((await (await fetch(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } })).json()) as Snapshot).state;

async function until<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

describe('feeds through the engine', () => {
  it('the built-in simulator feeds comments to views and metrics, pins reach the state', async () => {
    const engine = await start();
    const socket = connect(engine);
    const events: FeedEvent[] = [];
    socket.on('feed.batch', (batch) => events.push(...batch.events));
    expect(await engine.dispatch({ type: 'simulator.start', rate: 200, seed: 7 } satisfies CommandInput)).toEqual({ ok: true });

    const comments = await until(
      () => events.filter((e) => e.type === 'comment'),
      (c) => c.length >= 20,
    );
    const s = await until(() => state(engine), (st) => st.feeds.metrics.comments > 0);
    expect(s.feeds.simulator).toMatchObject({ rate: 200, seed: 7 });
    expect(s.feeds.diagnostics.find((d) => d.feedId === 'simulator')?.status.phase).toBe('connected');

    const first = comments[0];
    if (first?.type !== 'comment') throw new Error('no comment');
    expect(await engine.dispatch({ type: 'comment.pin', eventId: first.id })).toEqual({ ok: true });
    expect((await state(engine)).feeds.pinned[0]).toMatchObject({ eventId: first.id, text: first.text, nickname: first.nickname });
    expect(await engine.dispatch({ type: 'comment.answered', eventId: first.id, answered: true })).toEqual({ ok: true });
    const after = await state(engine);
    expect(after.feeds.pinned).toEqual([]);
    expect(after.feeds.answered).toContain(first.id);
    expect(await engine.dispatch({ type: 'comment.pin', eventId: 'douyin:comment:never-seen' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A view that connects late gets the recent backlog first.
    const late = connect(engine);
    const backlog = await new Promise<{ events: FeedEvent[]; backlog: boolean }>((resolve) => late.once('feed.batch', resolve));
    expect(backlog.backlog).toBe(true);
    expect(backlog.events.length).toBeGreaterThan(0);

    expect(await engine.dispatch({ type: 'simulator.stop' })).toEqual({ ok: true });
    expect((await state(engine)).feeds.simulator).toBeNull();
  });

  it('orders from the simulated audience run a live flash sale down to sold out', async () => {
    const engine = await start();
    const show = {
      id: 'show',
      title: 'Flash',
      products: [{ id: 'p1', sku: 'SERUM-30', name: 'Serum', listPrice: 199, dealPrice: 99, stock: 100, perCustomerLimit: 2 }],
      segments: [
        {
          id: 's1',
          kind: 'product',
          title: 'Serum',
          plannedDurationMs: 600_000,
          productIds: ['p1'],
          flashSales: [{ id: 'f1', productId: 'p1', dealPrice: 79, quantity: 20, perCustomerLimit: 2, warmupMs: 10_000, durationMs: 60_000, start: { mode: 'manual' } }],
        },
      ],
    };
    expect(await engine.dispatch({ type: 'show.replace', show })).toEqual({ ok: true });
    expect(await engine.dispatch({ type: 'simulator.start', rate: 20, seed: 3 })).toEqual({ ok: true });
    expect(await engine.dispatch({ type: 'run.start', rehearsal: true })).toEqual({ ok: true });
    expect(await engine.dispatch({ type: 'sale.open', planId: 'f1' })).toEqual({ ok: true });
    // The warm-up is 10 s; the sale goes live by itself, the simulated audience rushes it.
    const sale = await until(
      async () => (await state(engine)).run.sales[0],
      (v) => v?.status === 'soldout',
      25_000,
    );
    expect(sale).toMatchObject({ sold: 20, remaining: 0 });
    expect(sale?.buyers).toBeGreaterThanOrEqual(10);
  }, 40_000);

  it('refuses a feed with a bad URL and a TikTok feed without a handle, naming the field', async () => {
    const engine = await start();
    const bad = await engine.dispatch({ type: 'feeds.add', config: { id: 'x', label: 'X', url: 'ftp://nope', platform: 'douyin', protocol: 'cuedeck' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [expect.stringMatching(/^config\.url:/)] } });
    const tiktok = await engine.dispatch({ type: 'feeds.add', config: { id: 't', label: 'T', url: 'http://127.0.0.1:9', platform: 'tiktok', protocol: 'tiktok' } });
    expect(tiktok).toMatchObject({ ok: false, error: { issues: [expect.stringMatching(/uniqueId/)] } });
  });
});
