import { io as connectClient, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../shared/feeds/events.ts';
import type { FeedConfig, RelayProtocol } from '../../../shared/feeds/feed-config.ts';
import { LiveMetrics } from '../../../shared/feeds/metrics.ts';
import { FeedHub } from '../domains/feeds/feed-hub.ts';
import { startSimulator, type AudienceSimulator, type SimulatorOptions } from './simulator.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sim(options: SimulatorOptions): Promise<AudienceSimulator> {
  const s = await startSimulator({ port: 0, startTime: 1_700_000_000_000, ...options });
  cleanups.push(() => s.close());
  return s;
}

function hubFor(url: string, protocols: RelayProtocol[]) {
  const hub = new FeedHub({ connectionOptions: { reconnect: { minDelayMs: 50, maxDelayMs: 200 }, transports: ['websocket'] } });
  cleanups.push(() => hub.stop());
  const events: FeedEvent[] = [];
  hub.subscribe((e) => events.push(e));
  protocols.forEach((protocol, i) => {
    const config: FeedConfig =
      protocol === 'tiktok'
        ? { id: `tiktok${i}`, label: 'TikTok', url, platform: 'tiktok', protocol, uniqueId: 'sim_streamer' }
        : { id: `cuedeck${i}`, label: 'Sim', url, platform: 'douyin', protocol };
    hub.add(config);
  });
  return { hub, events };
}

function waitFor(check: () => boolean, timeoutMs = 6000): Promise<void> {
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

const allConnected = (hub: FeedHub) => hub.diagnostics().every((d) => d.status.phase === 'connected');
/** What a seed determines: everything but the receive time. */
const content = (events: FeedEvent[]) => events.map(({ at: _at, ...rest }) => rest);

async function firstEvents(seed: number, protocol: RelayProtocol, count: number): Promise<FeedEvent[]> {
  const s = await sim({ seed, rate: 1500, autoStart: false });
  const { hub, events } = hubFor(s.url, [protocol]);
  await waitFor(() => allConnected(hub));
  s.start();
  await waitFor(() => events.length >= count);
  const first = events.slice(0, count);
  hub.stop();
  await s.close();
  return first;
}

describe('simulator → FeedHub over loopback', () => {
  it('delivers the Cuedeck protocol, the same show for the same seed', async () => {
    const a = await firstEvents(42, 'cuedeck', 400);
    const b = await firstEvents(42, 'cuedeck', 400);
    const c = await firstEvents(43, 'cuedeck', 400);
    expect(content(a)).toEqual(content(b));
    expect(content(a)).not.toEqual(content(c));
    expect(new Set(a.map((e) => e.type))).toEqual(new Set(['viewers', 'comment', 'enter', 'like', 'gift', 'follow', 'share', 'order']));
    expect(a.every((e) => e.platform === 'douyin' && e.feedId === 'cuedeck0')).toBe(true);
  });

  it('delivers the TikTok-Chat-Reader protocol, the same show for the same seed', async () => {
    const a = await firstEvents(7, 'tiktok', 300);
    const b = await firstEvents(7, 'tiktok', 300);
    expect(content(a)).toEqual(content(b));
    expect(new Set(a.map((e) => e.type))).toEqual(new Set(['viewers', 'comment', 'enter', 'like', 'gift', 'follow', 'share']));
    expect(a.every((e) => e.platform === 'tiktok')).toBe(true);
  });

  it('sees one event once when two relays carry the same room', async () => {
    const s = await sim({ seed: 5, rate: 1000, autoStart: false });
    const { hub, events } = hubFor(s.url, ['cuedeck', 'cuedeck']);
    await waitFor(() => allConnected(hub));
    s.start();
    await waitFor(() => events.length >= 300);
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const duplicates = hub.diagnostics().reduce((sum, d) => sum + (d.rejected.duplicate ?? 0), 0);
    expect(duplicates).toBeGreaterThan(250);
  });

  it('dedupes the resend after a relay restart and records the outage as a gap', async () => {
    const s = await sim({ seed: 9, rate: 300 });
    const { hub, events } = hubFor(s.url, ['cuedeck', 'tiktok']);
    await waitFor(() => allConnected(hub) && events.length > 200);
    const before = Date.now();
    await s.restart({ resend: 100, downMs: 250 });
    await waitFor(() => events.filter((e) => e.type === 'gap').length === 2 && allConnected(hub));
    await waitFor(() => hub.diagnostics().every((d) => (d.rejected.duplicate ?? 0) > 0));
    const gaps = events.filter((e): e is Extract<FeedEvent, { type: 'gap' }> => e.type === 'gap');
    for (const gap of gaps) {
      expect(gap.fromAt).toBeGreaterThanOrEqual(before - 50);
      expect(gap.toAt - gap.fromAt).toBeGreaterThanOrEqual(200);
      expect(gap.reason).toBe('transport close');
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // The resent messages were dropped as duplicates; most of the 100 reached each feed.
    for (const d of hub.diagnostics()) expect(d.rejected.duplicate).toBeGreaterThan(50);
    expect(s.stats().restarts).toBe(1);
  });

  it('keeps up with 2,000 messages a second', async () => {
    const s = await sim({ seed: 3, rate: 2000, tickMs: 10, autoStart: false });
    const { hub, events } = hubFor(s.url, ['cuedeck']);
    await waitFor(() => allConnected(hub));
    s.start();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    const elapsed = (Date.now() - started) / 1000;
    expect(events.length / elapsed).toBeGreaterThan(1500);
    expect(hub.diagnostics()[0]?.rejected).toEqual({});
  });

  it('turns a flash sale into orders whose GMV adds up', async () => {
    const s = await sim({ seed: 12, rate: 100 });
    const { hub, events } = hubFor(s.url, ['cuedeck']);
    await waitFor(() => allConnected(hub) && events.length > 50);
    const sale = s.flashSale({ sku: 'FLASH-9', quantity: 60, perCustomerLimit: 2, price: 19.9, rushMs: 300 });
    await waitFor(() => sale.report().remaining === 0);
    const report = sale.report();
    await waitFor(() => events.filter((e) => e.type === 'order' && e.sku === 'FLASH-9').length === report.orders);
    const saleOrders = events.filter((e): e is Extract<FeedEvent, { type: 'order' }> => e.type === 'order' && e.sku === 'FLASH-9');
    expect(saleOrders.reduce((sum, o) => sum + o.quantity, 0)).toBe(60);
    const metrics = new LiveMetrics();
    for (const order of saleOrders) metrics.apply(order);
    expect(metrics.snapshot(Date.now())).toMatchObject({ items: 60, gmv: 1194, orders: report.orders });
    expect(report.soldOutAt).not.toBeNull();
  });
});

describe('simulator protocol selection', () => {
  function client(url: string, auth?: Record<string, unknown>): Socket {
    const socket = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(auth ? { auth } : {}) });
    cleanups.push(() => void socket.disconnect());
    return socket;
  }

  it('speaks Cuedeck to a plain client and switches to TikTok on setUniqueId', async () => {
    const s = await sim({ seed: 2, rate: 300 });
    const socket = client(s.url);
    const seen: string[] = [];
    socket.onAny((event: string) => seen.push(event));
    await waitFor(() => seen.includes('comment'));
    socket.emit('setUniqueId', 'someone', {});
    await waitFor(() => seen.includes('tiktokConnected') && seen.includes('chat'));
    const after = seen.slice(seen.indexOf('tiktokConnected'));
    await new Promise((r) => setTimeout(r, 100));
    expect(after.filter((e) => e === 'comment' || e === 'order')).toHaveLength(0);
  });

  it('answers setUniqueId with tiktokDisconnected when forced to Cuedeck or given garbage', async () => {
    const forced = await sim({ seed: 2, rate: 10, protocol: 'cuedeck' });
    const reasons: unknown[] = [];
    const a = client(forced.url);
    a.on('tiktokDisconnected', (reason: unknown) => reasons.push(reason));
    a.emit('setUniqueId', 'someone', {});
    const auto = await sim({ seed: 2, rate: 10 });
    const b = client(auto.url);
    b.on('tiktokDisconnected', (reason: unknown) => reasons.push(reason));
    b.emit('setUniqueId', { $gt: '' }, 'not options');
    await waitFor(() => reasons.length === 2);
    expect(reasons).toContain('This relay speaks the Cuedeck protocol.');
    expect(reasons).toContain('Invalid uniqueId');
  });

  it('holds events for a client that announced TikTok until it joins a room', async () => {
    const s = await sim({ seed: 2, rate: 300 });
    const socket = client(s.url, { protocol: 'tiktok-chat-reader' });
    const seen: string[] = [];
    socket.onAny((event: string) => seen.push(event));
    await waitFor(() => socket.connected);
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([]);
    expect(s.stats().clients).toEqual({ cuedeck: 0, tiktok: 0, pending: 1 });
  });
});
