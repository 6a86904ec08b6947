import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedStatus } from '../../../../shared/feeds/diagnostics.ts';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import { RelayConnection, backoffDelayMs, type RelayConnectionOptions } from './relay-connection.ts';

const cuedeckConfig: FeedConfig = { id: 'f1', label: 'Main', url: 'http://127.0.0.1:1', platform: 'douyin', protocol: 'cuedeck' };
const tiktokConfig: FeedConfig = { id: 't1', label: 'TikTok', url: 'http://127.0.0.1:1', platform: 'tiktok', protocol: 'tiktok', uniqueId: 'streamer' };
const fast = { minDelayMs: 30, maxDelayMs: 120 };

const open: { stop(): void }[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.stop();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function makeConnection(overrides: Partial<RelayConnectionOptions> = {}) {
  const events: FeedEvent[] = [];
  const statuses: FeedStatus[] = [];
  const connection = new RelayConnection({
    config: cuedeckConfig,
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    reconnect: fast,
    transports: ['websocket'],
    ...overrides,
  });
  open.push(connection);
  return { connection, events, statuses };
}

const good = { platform: 'douyin', msgId: 'm1', time: 1, userId: 'u1', nickname: 'n', text: 'hello' };

/** A payload of every hostile kind, as socket.io would hand them over (JSON-parsed). */
function hostilePayloads(hugeLength = 2_000_000): [string, unknown[]][] {
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let i = 0; i < 5000; i++) cursor = (cursor.next = {}) as Record<string, unknown>;
  const wide: Record<string, unknown> = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
  const huge = 'x'.repeat(hugeLength);
  return [
    ['comment', [null]],
    ['comment', [42]],
    ['comment', ['<script>alert(1)</script>']],
    ['comment', [[good]]],
    ['comment', []],
    ['comment', [{ ...good, text: huge }]],
    ['comment', [{ ...good, nickname: huge }]],
    ['comment', [{ ...good, text: { toString: 'x' } }]],
    ['comment', [{ ...good, userId: ['u'] }]],
    ['viewers', [{ ...good, current: 'many' }]],
    ['viewers', [{ ...good, current: -5 }]],
    ['order', [{ ...good, orderId: 'o', sku: 's', quantity: 1e9, amount: 1, currency: 'CNY', status: 'paid' }]],
    ['comment', [JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')]],
    ['comment', [deep]],
    ['comment', [wide]],
    ['__proto__', [good]],
    ['constructor', [good]],
    ['hasOwnProperty', [good]],
    ['x'.repeat(100_000), [good]],
  ];
}

describe('backoffDelayMs', () => {
  it('doubles from the minimum and stays under the maximum', () => {
    const bounds = { minDelayMs: 500, maxDelayMs: 8000 };
    expect([1, 2, 3, 4, 5, 6, 100].map((n) => backoffDelayMs(n, bounds))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe('RelayConnection.handle', () => {
  it('turns valid payloads into events and counts every hostile one by reason without throwing', () => {
    const { connection, events } = makeConnection();
    for (const [event, args] of hostilePayloads()) expect(() => connection.handle(event, args)).not.toThrow();
    connection.handle(42, [good]);
    connection.handle('comment', [good]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'comment', text: 'hello', feedId: 'f1' });
    expect(connection.stats.rejected).toEqual({ not_object: 5, too_large: 2, schema: 8, unknown_event: 5 });
    expect(connection.stats.received).toBe(21);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles 10,000 hostile payloads in well under a second', () => {
    for (const config of [cuedeckConfig, tiktokConfig]) {
      const { connection } = makeConnection({ config });
      const payloads = hostilePayloads();
      const started = performance.now();
      for (let i = 0; i < 10_000; i++) {
        const [event, args] = payloads[i % payloads.length] ?? ['comment', []];
        connection.handle(event, args);
      }
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(500);
      const rejected = Object.values(connection.stats.rejected).reduce((a, b) => a + b, 0);
      expect(rejected + connection.stats.accepted).toBe(10_000);
    }
  });

  it('drops payloads beyond the per-second budget and counts them', () => {
    let now = 10_000;
    const { connection, events } = makeConnection({ maxPayloadsPerSecond: 100, now: () => now });
    for (let i = 0; i < 150; i++) connection.handle('comment', [{ ...good, msgId: `m${i}` }]);
    expect(events).toHaveLength(100);
    expect(connection.stats.rejected.rate_limited).toBe(50);
    now += 1000;
    connection.handle('comment', [{ ...good, msgId: 'next-second' }]);
    expect(events).toHaveLength(101);
  });

  it('follows a TikTok relay through room connect, loss, rejoin (with a gap) and stream end', () => {
    let now = 1000;
    const { connection, events, statuses } = makeConnection({ config: tiktokConfig, now: () => now });
    connection.handle('tiktokConnected', [{ roomId: '7300', isConnected: true, roomInfo: { huge: 'x'.repeat(10_000) } }]);
    expect(connection.status).toEqual({ phase: 'connected', since: 1000 });
    connection.handle('chat', [{ userId: '1', uniqueId: 'a', nickname: 'A', msgId: '1', comment: 'hi' }]);
    now = 2000;
    connection.handle('tiktokDisconnected', ['LIVE has ended or the room is unavailable']);
    expect(connection.status).toMatchObject({ phase: 'offline', reason: 'room_disconnected', detail: 'LIVE has ended or the room is unavailable' });
    now = 5000;
    connection.handle('tiktokConnected', [{}]);
    expect(events.at(-1)).toEqual({ type: 'gap', id: 't1:gap:2000', feedId: 't1', platform: 'tiktok', at: 5000, fromAt: 2000, toAt: 5000, reason: 'LIVE has ended or the room is unavailable' });
    connection.handle('streamEnd', []);
    expect(events.at(-1)).toMatchObject({ type: 'streamEnd', feedId: 't1' });
    expect(connection.status).toMatchObject({ phase: 'offline', reason: 'stream_ended' });
    expect(statuses.map((s) => s.phase)).toEqual(['connected', 'offline', 'connected', 'offline']);
    // A disconnect reason that is not text is shown as unknown, not trusted.
    connection.handle('tiktokDisconnected', [{ toString: 'x' }]);
    expect(connection.status).toMatchObject({ detail: 'room connection lost' });
  });
});

interface TestRelay {
  url: string;
  io: Server;
  http: HttpServer;
}

async function startRelay(setup: (io: Server) => void): Promise<TestRelay> {
  const http = createServer();
  const io = new Server(http);
  setup(io);
  servers.push(io);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, io, http };
}

function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error('timed out waiting'));
      }
    }, 10);
  });
}

describe('RelayConnection over socket.io', () => {
  it('survives a flood of hostile payloads from a relay and keeps accepting good ones', async () => {
    const relay = await startRelay((io) =>
      io.on('connection', (socket) => {
        // Deep nesting is left out: socket.io's own encoder recurses on it before anything reaches us.
        const payloads = hostilePayloads(50_000).filter(([event, args]) => event !== '__proto__' && !(typeof args[0] === 'object' && args[0] !== null && 'next' in args[0]));
        for (let i = 0; i < 2000; i++) {
          const [event, args] = payloads[i % payloads.length] ?? ['comment', []];
          socket.emit(event, ...args);
        }
        socket.emit('comment', good);
      }),
    );
    const { connection, events } = makeConnection({ config: { ...cuedeckConfig, url: relay.url } });
    connection.start();
    await waitFor(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'comment', text: 'hello' });
    const rejected = Object.values(connection.stats.rejected).reduce((a, b) => a + b, 0);
    expect(rejected).toBeGreaterThan(1500);
    expect(connection.status.phase).toBe('connected');
  });

  it('emits setUniqueId for TikTok relays and announces its protocol to Cuedeck relays', async () => {
    const seen: { auth: unknown; uniqueId?: unknown }[] = [];
    const relay = await startRelay((io) =>
      io.on('connection', (socket) => {
        const entry: { auth: unknown; uniqueId?: unknown } = { auth: socket.handshake.auth };
        seen.push(entry);
        socket.on('setUniqueId', (uniqueId: unknown) => {
          entry.uniqueId = uniqueId;
          socket.emit('tiktokConnected', { roomId: '1' });
        });
      }),
    );
    const tiktok = makeConnection({ config: { ...tiktokConfig, url: relay.url } });
    const cuedeck = makeConnection({ config: { ...cuedeckConfig, url: relay.url } });
    tiktok.connection.start();
    cuedeck.connection.start();
    await waitFor(() => tiktok.connection.status.phase === 'connected' && cuedeck.connection.status.phase === 'connected');
    expect(seen).toContainEqual({ auth: { protocol: 'tiktok-chat-reader' }, uniqueId: 'streamer' });
    expect(seen).toContainEqual({ auth: { protocol: 'cuedeck-relay', version: 1 } });
  });

  it('retries by itself when the relay refuses the handshake or kicks it out', async () => {
    let refuse = true;
    let kicked = false;
    const relay = await startRelay((io) => {
      io.use((_socket, next) => next(refuse ? new Error('not yet') : undefined));
      io.on('connection', (socket) => {
        if (!kicked) {
          kicked = true;
          setTimeout(() => socket.disconnect(true), 20);
        }
      });
    });
    const { connection, statuses, events } = makeConnection({ config: { ...cuedeckConfig, url: relay.url } });
    connection.start();
    await waitFor(() => statuses.some((s) => s.phase === 'offline' && s.reason === 'refused_by_relay'));
    refuse = false;
    await waitFor(() => kicked && connection.status.phase === 'connected' && events.some((e) => e.type === 'gap'));
    expect(statuses.some((s) => s.phase === 'offline' && s.reason === 'lost' && s.detail === 'io server disconnect')).toBe(true);
    expect(events.filter((e) => e.type === 'gap')).toHaveLength(1);
  });

  it('reports an unreachable relay and goes quiet once stopped', async () => {
    const { connection, statuses } = makeConnection({ config: { ...cuedeckConfig, url: 'http://127.0.0.1:9' } });
    connection.start();
    await waitFor(() => statuses.some((s) => s.phase === 'offline' && s.reason === 'unreachable'));
    expect(connection.stats.lastError?.message).toBeTruthy();
    connection.stop();
    const count = statuses.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(statuses).toHaveLength(count);
    expect(connection.status).toMatchObject({ phase: 'offline', reason: 'stopped' });
  });
});
