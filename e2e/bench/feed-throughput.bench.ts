/**
 * Feed throughput: the built-in audience simulator at 2,000 msg/s for 60 s, through the built engine (a child
 * process) into the feeds view in Chromium, next to a raw socket.io client connected straight to the same
 * simulator. Run alone with `node e2e/bench/feed-throughput.bench.ts` (after `npm run build`);
 * CUEDECK_BENCH_FEED_SECONDS / CUEDECK_BENCH_FEED_RATE change the length and the rate.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { CUEDECK_RELAY_PROTOCOL, CUEDECK_RELAY_VERSION } from '../../shared/feeds/cuedeck-relay-protocol.ts';
import type { FeedEvent } from '../../shared/feeds/events.ts';
import { PROTOCOL_VERSION, type SessionSummary } from '../../shared/protocol/index.ts';
import { encodeCuedeck } from '../../electron/engine/simulator/encode.ts';
import { AudienceSimulator } from '../../electron/engine/simulator/simulator.ts';
import { command, snapshot } from '../support/engine-api.ts';
import { startEngineProcess, type EngineProcess } from '../support/engine-process.ts';
import type { TestEngine } from '../support/fixtures.ts';
import type { BenchSection } from './report.ts';
import { ms, percentile } from './stats.ts';

const SECONDS = Number(process.env.CUEDECK_BENCH_FEED_SECONDS ?? 60);
const RATE = Number(process.env.CUEDECK_BENCH_FEED_RATE ?? 2000);
const SEED = 2025;
const TOKEN = 'bench-feed-token-bench-feed-token';
const FEED_ID = 'bench';
const LATENCY_GOAL_MS = 250;
const FRAME_GOAL_MS = 16.7;
/**
 * "Flat": over the second half of the run, memory retained after forced full GCs grows by at most this many bytes per
 * relay message (Theil–Sen slope of the samples from the midpoint to the end, divided by the message rate). At
 * 2,000 msg/s that is 1.8 MiB/min. Bounded caches fill in the first half and then stop; what legitimately keeps
 * growing is per-viewer and per-order state of the session (a few bytes per message at this rate), while a real leak
 * keeps something per message: an event id alone is about 50 bytes, a whole event 300 and more.
 */
const FLAT_BYTES_PER_MESSAGE = 16;
const SAMPLE_EVERY_S = 5;
/** Setup between creating the simulator and starting it (engine connects) fits well within this. */
const START_AHEAD_MS = 3000;
/** Frame intervals of the idle page, recorded just before the start. */
const IDLE_FRAMES_MS = 2000;

/** Wall-clock ms with sub-ms resolution; the page uses the same expression, so both sides read one clock. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, delay)));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const int = (n: number) => n.toLocaleString('en');

/** Cuedeck-protocol event → the engine's feed event type (see shared/feeds/normalize.ts). */
const EVENT_TYPES: Record<string, FeedEvent['type']> = {
  comment: 'comment',
  viewers: 'viewers',
  like: 'like',
  gift: 'gift',
  follow: 'follow',
  share: 'share',
  enter: 'enter',
  order: 'order',
  order_update: 'orderUpdate',
  stream_end: 'streamEnd',
};

/** The id the engine gives a Cuedeck-protocol message: `platform:type:key` (orders keyed by order id, updates by id and status). */
function engineId(event: string, payload: unknown): string | null {
  const type = EVENT_TYPES[event];
  if (!type || typeof payload !== 'object' || payload === null) return null;
  const p = payload as { platform?: string; msgId?: string; orderId?: string; status?: string };
  const key = type === 'order' ? p.orderId : type === 'orderUpdate' ? `${p.orderId}:${p.status}` : p.msgId;
  return `${p.platform}:${type}:${key}`;
}

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(samples: readonly number[]): Stats {
  let max = -Infinity;
  for (const s of samples) if (s > max) max = s;
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max };
}

/**
 * Page-side instrumentation (a string: the Node typecheck has no DOM). A MutationObserver on the comment list
 * notes each comment row the first time it is added (data-event-id), with the commit time; the next animation
 * frame stamps it as rendered. A requestAnimationFrame loop records frame intervals (end time, interval).
 * `__benchDrain()` hands over and clears what was collected.
 */
const PAGE_PROBE = `(() => {
  const list = document.querySelector('[data-testid="comments-list"]');
  if (!list) throw new Error('no comment list');
  const now = () => performance.timeOrigin + performance.now();
  const seen = new Set();
  const ring = new Array(4000);
  let ringAt = 0;
  let pending = [];
  let scheduled = false;
  let rendered = [];
  let frames = [];
  let last = 0;
  let framesOn = true;
  const note = (el, committedAt) => {
    const id = el.getAttribute('data-event-id');
    if (id === null || seen.has(id)) return;
    // Rows only move forward while the list follows; 4,000 ids outlast the page's 1,000-comment buffer.
    const old = ring[ringAt];
    if (old !== undefined) seen.delete(old);
    ring[ringAt] = id;
    ringAt = (ringAt + 1) % ring.length;
    seen.add(id);
    pending.push(id, committedAt);
  };
  const stamp = () => {
    const t = now();
    for (let i = 0; i < pending.length; i += 2) rendered.push(pending[i], pending[i + 1], t);
    pending = [];
    scheduled = false;
  };
  new MutationObserver((mutations) => {
    const t = now();
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.hasAttribute('data-event-id')) note(node, t);
        else for (const el of node.querySelectorAll('[data-event-id]')) note(el, t);
      }
    }
    if (pending.length > 0 && !scheduled) {
      scheduled = true;
      requestAnimationFrame(stamp);
    }
  }).observe(list, { childList: true, subtree: true });
  const frame = (ts) => {
    if (last > 0) frames.push(performance.timeOrigin + ts, ts - last);
    last = ts;
    if (framesOn) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__benchDrain = (stopFrames) => {
    if (stopFrames) framesOn = false;
    const out = { rendered, frames, following: list.getAttribute('data-following') };
    rendered = [];
    frames = [];
    return out;
  };
})()`;

interface Drained {
  rendered: (string | number)[];
  frames: number[];
  following: string | null;
}

/** Page clock minus Node clock, from the round trip with the least delay (both read the same wall clock; this checks it). */
async function pageClockOffset(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity };
  for (let i = 0; i < 15; i++) {
    const t0 = now();
    const pageNow = await page.evaluate('performance.timeOrigin + performance.now()');
    const t1 = now();
    if (t1 - t0 < best.rtt) best = { offset: Number(pageNow) - (t0 + t1) / 2, rtt: t1 - t0 };
  }
  return best;
}

/** Runtime.getHeapUsage: V8's own heap, the embedder's (Blink's DOM in a page) and ArrayBuffer backing stores. */
interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

/** What stays after a forced full collection (leaks show, garbage not yet collected does not). */
interface Retained {
  /** The JS heap plus typed-array backing stores (kept outside it), so a typed-array table cannot hide: the judged figure. */
  heap: number;
  /** Blink's own heap (DOM, layout) in a page, and its DOM node count. */
  dom: number;
  nodes: number;
}

/**
 * Forced full collections per sample; the least of their figures counts. What one of them still finds and the next
 * frees (a batch in flight, rows of the last render) was never retained, and a leak stays in both.
 */
const GC_TRIES = 2;

async function leastAfterGc(collect: () => Promise<Retained>): Promise<Retained> {
  let least: Retained = { heap: Infinity, dom: Infinity, nodes: Infinity };
  for (let i = 0; i < GC_TRIES; i++) {
    const r = await collect();
    least = { heap: Math.min(least.heap, r.heap), dom: Math.min(least.dom, r.dom), nodes: Math.min(least.nodes, r.nodes) };
  }
  return least;
}

function retained(usage: HeapUsage, nodes = 0): Retained {
  return { heap: usage.usedSize + (usage.backingStorageSize ?? 0), dom: usage.embedderHeapUsedSize ?? 0, nodes };
}

/** The page's retained memory, through the DevTools protocol (Performance.enable must have been sent). */
function pageRetainedAfterGc(cdp: CDPSession): Promise<Retained> {
  return leastAfterGc(async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    const { metrics } = await cdp.send('Performance.getMetrics');
    return retained(usage, metrics.find((m) => m.name === 'Nodes')?.value ?? Number.NaN);
  });
}

interface MemorySample {
  s: number;
  engine: number;
  page: number;
  /** The page's Blink heap and DOM nodes (reported, not judged). */
  pageDom: number;
  pageNodes: number;
  /** Engine RSS just before and just after its forced GC. */
  rss: number;
  rssAfterGc: number;
}

/**
 * Theil–Sen slope of (x, y) in y units per x unit: the median of the slopes between every two points. A linear fit
 * that one odd sample (a burst in flight when it was taken) cannot tip; NaN with fewer than two distinct x.
 */
function slope(points: readonly { x: number; y: number }[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as { x: number; y: number };
      const b = points[j] as { x: number; y: number };
      if (b.x !== a.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  if (slopes.length === 0) return Number.NaN;
  slopes.sort((p, q) => p - q);
  const mid = slopes.length / 2;
  return Number.isInteger(mid) ? ((slopes[mid - 1] as number) + (slopes[mid] as number)) / 2 : (slopes[Math.floor(mid)] as number);
}

interface Trend {
  /** Sample at the midpoint and the last one, bytes. */
  mid: number;
  end: number;
  /** Second-half Theil–Sen slope, bytes per second and bytes per relay message. */
  perSecond: number;
  perMessage: number;
  flat: boolean;
}

function trend(samples: readonly MemorySample[], pick: (m: MemorySample) => number, fromS: number, messagesPerSecond: number): Trend {
  const half = samples.filter((m) => m.s >= fromS);
  const perSecond = slope(half.map((m) => ({ x: m.s, y: pick(m) })));
  const perMessage = perSecond / messagesPerSecond;
  const mid = half[0] ? pick(half[0]) : Number.NaN;
  const end = half.at(-1) ? pick(half.at(-1) as MemorySample) : Number.NaN;
  return { mid, end, perSecond, perMessage, flat: perMessage <= FLAT_BYTES_PER_MESSAGE };
}

/**
 * The engine's V8 inspector (the engine is started with `--inspect=127.0.0.1:0` through NODE_OPTIONS): its retained
 * memory after a full collection, to tell retained objects from memory V8 or SQLite have not handed back.
 */
async function engineInspector(output: () => string): Promise<{ retainedAfterGc(): Promise<Retained>; close(): void }> {
  const deadline = Date.now() + 5000;
  let url: string | undefined;
  while (!(url = /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1]) && Date.now() < deadline) await sleep(20);
  if (!url) throw new Error(`The engine did not open its inspector:\n${output()}`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not connect to the engine inspector')), { once: true });
  });
  let nextId = 0;
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: Record<string, unknown> };
    if (data.id !== undefined) waiting.get(data.id)?.(data.result ?? {});
  });
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    retainedAfterGc: () =>
      leastAfterGc(async () => {
        await send('HeapProfiler.collectGarbage');
        return retained((await send('Runtime.getHeapUsage')) as unknown as HeapUsage);
      }),
    close: () => socket.close(),
  };
}

function rssBytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
}

async function getJson<T>(engine: TestEngine, url: string): Promise<T> {
  const response = await fetch(`${engine.url}${url}`, { headers: { Authorization: `Bearer ${engine.token}` } });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  if (await check()) return true;
  console.warn(`feed-throughput: gave up waiting for ${what} after ${timeoutMs} ms`);
  return false;
}

function connected(socket: Socket, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not connect within 10 s`)), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function benchFeedThroughput(): Promise<BenchSection> {
  if (!(SECONDS >= 5) || !(RATE > 0)) throw new Error('CUEDECK_BENCH_FEED_SECONDS must be ≥ 5 and CUEDECK_BENCH_FEED_RATE > 0');
  /** The flatness trend is judged from here to the end. */
  const midpoint = Math.floor(SECONDS / 2);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-bench-feed-'));

  // Relay send time of every message, by the engine's event id: stamped as the simulator hands a tick's messages
  // to socket.io (AudienceModel.advance runs just before the synchronous broadcast of its result).
  const sentAt = new Map<string, number>();
  const sentByType: Partial<Record<FeedEvent['type'], number>> = {};
  let sentWire = 0;
  const timeLag: number[] = [];

  const rawLatency: number[] = [];
  const rawIds = new Set<string>();
  /** Every shown event the Node view client received: relay send time, receive time, whether a comment. */
  const engineSeen: { sent: number; at: number; comment: boolean }[] = [];
  let engineShown = 0;
  /** Comment rows that became visible: relay send time, committed and rendered (Node clock). */
  const rows: { sent: number; committed: number; rendered: number }[] = [];
  /** Frames under the feed: end (Node clock) and interval. */
  const frames: { end: number; interval: number }[] = [];
  const idleFrames: number[] = [];
  /** The memory samples' forced GCs (Node clock): what was in flight meanwhile is left out of latency and frames. */
  const pauses: { from: number; to: number }[] = [];
  /** 1-minute load average at the start and the end: the machine is shared by every process of the run. */
  const load: number[] = [];
  let startLate: number;
  let unmatchedRows = 0;
  let stillFollowing = true;
  const pageProblems: string[] = [];
  const rss: { s: number; bytes: number }[] = [];
  const memory: MemorySample[] = [];
  let inspector: Awaited<ReturnType<typeof engineInspector>> | null = null;
  const clock = { start: { offset: 0, rtt: 0 }, end: { offset: 0, rtt: 0 } };
  let logged: { events: number; unique: number; missing: string[]; extra: number; comments: number; reviewComments: number };
  let acceptedByEngine = Number.NaN;
  let activeMs: number;

  let sim: AudienceSimulator | null = null;
  let engine: EngineProcess | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  const sockets: Socket[] = [];
  try {
    // The child takes NODE_OPTIONS from this process's environment when it is spawned (synchronously, below).
    const nodeOptions = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --inspect=127.0.0.1:0`.trim();
    const starting = startEngineProcess({ dataDir, args: ['--token', TOKEN] });
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
    engine = await starting;
    const running = engine;
    inspector = await engineInspector(() => running.output());
    const engineMemory = inspector;
    const testEngine: TestEngine = Object.assign(engine, { token: TOKEN });
    const ok = async (cmd: Parameters<typeof command>[1]) => {
      const result = await command(testEngine, cmd);
      if (!result.ok) throw new Error(`${cmd.type} refused: ${result.error.message}`);
    };
    await ok({
      type: 'show.replace',
      show: { id: 'bench-show', title: 'Feed bench', segments: [{ id: 'bench-seg', kind: 'interaction', title: 'Chat', plannedDurationMs: 3_600_000 }] },
    });

    // A view-protocol client in Node: every shown event as the engine delivers it (no rendering, no virtualization).
    const view = connectSocket(engine.url, { forceNew: true, reconnection: false, transports: ['websocket'], auth: { token: TOKEN, protocolVersion: PROTOCOL_VERSION } });
    sockets.push(view);
    view.on('feed.batch', (batch: { events: FeedEvent[]; backlog: boolean }) => {
      if (batch.backlog) return;
      const t = now();
      for (const e of batch.events) {
        const sent = sentAt.get(e.id);
        if (sent === undefined) continue;
        engineShown += 1;
        engineSeen.push({ sent, at: t, comment: e.type === 'comment' });
      }
    });
    await connected(view, 'engine view client');

    browser = await chromium.launch({ executablePath: process.env.CUEDECK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console.error: ${message.text()}`);
    });
    await page.goto(`${engine.url}/feeds`);
    await page.locator('[data-testid="comments-list"]').waitFor();
    // The session (and its log) begins with the run, before the first message.
    await ok({ type: 'run.start', rehearsal: true, acknowledgeFlags: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.evaluate(PAGE_PROBE);
    clock.start = await pageClockOffset(page);

    // The simulator's virtual clock starts at `startTime` when start() is called: plan the start a little ahead
    // and call start() at that moment, so message times are wall-clock times (platformTime in the engine).
    const plannedStart = Date.now() + START_AHEAD_MS;
    sim = await AudienceSimulator.start({ port: 0, host: '127.0.0.1', rate: RATE, seed: SEED, protocol: 'cuedeck', platform: 'douyin', startTime: plannedStart, autoStart: false });
    const advance = sim.model.advance.bind(sim.model);
    sim.model.advance = (stepMs: number) => {
      const messages = advance(stepMs);
      const at = now();
      for (const m of messages) {
        const wire = encodeCuedeck(m, 'douyin');
        if (!wire) continue; // gift streak steps are not sent in this protocol
        const id = engineId(wire.event, wire.args[0]);
        if (id === null) continue;
        sentWire += 1;
        if (sentAt.has(id)) continue;
        sentAt.set(id, at);
        const type = EVENT_TYPES[wire.event] as FeedEvent['type'];
        sentByType[type] = (sentByType[type] ?? 0) + 1;
        if (timeLag.length < 200_000) timeLag.push(at - m.time);
      }
      return messages;
    };

    // Baseline: a raw socket.io client straight to the simulator, connecting as the engine's relay connection does.
    const raw = connectSocket(sim.url, { forceNew: true, reconnection: false, transports: ['websocket', 'polling'], auth: { protocol: CUEDECK_RELAY_PROTOCOL, version: CUEDECK_RELAY_VERSION } });
    sockets.push(raw);
    raw.onAny((event: string, payload: unknown) => {
      const t = now();
      const id = engineId(event, payload);
      if (id === null) return;
      rawIds.add(id);
      const sent = sentAt.get(id);
      if (sent !== undefined) rawLatency.push(t - sent);
    });
    await connected(raw, 'raw simulator client');
    await ok({ type: 'feeds.add', config: { id: FEED_ID, label: 'Bench', url: sim.url, platform: 'douyin', protocol: 'cuedeck' } });
    const simulator = sim;
    if (!(await waitFor('the engine to connect to the simulator', () => simulator.stats().clients.cuedeck >= 2, 10_000))) {
      throw new Error(`The engine did not connect to the simulator:\n${engine.output()}`);
    }

    const drain = async (stopFrames = false) => {
      const out = (await page.evaluate(`window.__benchDrain(${stopFrames})`)) as Drained;
      const offset = clock.start.offset;
      for (let i = 0; i + 1 < out.frames.length; i += 2) frames.push({ end: Number(out.frames[i]) - offset, interval: Number(out.frames[i + 1]) });
      if (out.following !== 'true') stillFollowing = false;
      for (let i = 0; i + 2 < out.rendered.length; i += 3) {
        const sent = sentAt.get(String(out.rendered[i]));
        if (sent === undefined) {
          unmatchedRows += 1;
          continue;
        }
        rows.push({ sent, committed: Number(out.rendered[i + 1]) - offset, rendered: Number(out.rendered[i + 2]) - offset });
      }
    };

    // Side-by-side frame baseline: the same page, connected and idle, until the planned start.
    await sleep(plannedStart - Date.now() - IDLE_FRAMES_MS);
    await drain();
    frames.length = 0;
    await sleep(plannedStart - Date.now());
    const idle = ((await page.evaluate('window.__benchDrain(false)')) as Drained).frames;
    for (let i = 1; i < idle.length; i += 2) idleFrames.push(Number(idle[i]));
    rss.push({ s: 0, bytes: rssBytes(engine.child.pid) });
    load.push(loadavg()[0] ?? Number.NaN);
    startLate = Date.now() - plannedStart;
    const t0 = now();
    sim.start();
    const sampleMemory = async (s: number) => {
      const before = rssBytes(running.child.pid);
      const from = now();
      // The engine first: while the page is held by its own collections the engine would queue batches for it.
      const engine = (await engineMemory.retainedAfterGc()).heap;
      const rssAfterGc = rssBytes(running.child.pid);
      const page = await pageRetainedAfterGc(cdp);
      pauses.push({ from, to: now() });
      memory.push({ s, engine, page: page.heap, pageDom: page.dom, pageNodes: page.nodes, rss: before, rssAfterGc });
    };
    for (let s = 1; s <= SECONDS; s++) {
      await sleep(t0 + s * 1000 - now());
      const sample = s % SAMPLE_EVERY_S === 0 || s === midpoint || s === SECONDS;
      if (sample) rss.push({ s, bytes: rssBytes(engine.child.pid) });
      if (sample && s < SECONDS) {
        await drain();
        await sampleMemory(s);
      }
    }
    // End of the measured window: last rows and frames, then the end figures while the feed is still flowing.
    await drain(true);
    await sampleMemory(SECONDS);
    sim.pause();
    load.push(loadavg()[0] ?? Number.NaN);
    activeMs = now() - t0;
    clock.end = await pageClockOffset(page);

    // Let everything sent reach the engine and its log, then end the run (which flushes the log) and read it back.
    const shownSent = () => (sentByType.comment ?? 0) + (sentByType.order ?? 0) + (sentByType.orderUpdate ?? 0) + (sentByType.gift ?? 0) + (sentByType.streamEnd ?? 0);
    await waitFor('the view client to receive every shown event', () => engineShown >= shownSent(), 15_000);
    await waitFor(
      'the engine to report every message accepted',
      async () => {
        const d = (await snapshot(testEngine)).state.feeds.diagnostics.find((x) => x.feedId === FEED_ID);
        acceptedByEngine = d?.accepted ?? Number.NaN;
        return acceptedByEngine >= sentAt.size;
      },
      10_000,
    );
    await ok({ type: 'run.end' });
    const sessions = await getJson<SessionSummary[]>(testEngine, '/api/v1/sessions');
    const session = sessions.find((s) => s.kind === 'rehearsal');
    if (!session) throw new Error('No rehearsal session was logged');
    const exported = await getJson<{ events: { kind: string; ref: string | null }[] }>(testEngine, `/api/v1/sessions/${encodeURIComponent(session.id)}/export.json`);
    const feedRefs = new Set<string>();
    let feedEvents = 0;
    let loggedComments = 0;
    for (const e of exported.events) {
      if (!e.kind.startsWith('feed.') || e.kind === 'feed.status' || e.kind === 'feed.gap' || e.ref === null) continue;
      feedEvents += 1;
      feedRefs.add(e.ref);
      if (e.kind === 'feed.comment') loggedComments += 1;
    }
    const review = await getJson<{ metrics: { comments: number } }>(testEngine, `/api/v1/sessions/${encodeURIComponent(session.id)}/review`);
    logged = {
      events: feedEvents,
      unique: feedRefs.size,
      missing: [...sentAt.keys()].filter((id) => !feedRefs.has(id)),
      extra: [...feedRefs].filter((id) => !sentAt.has(id)).length,
      comments: loggedComments,
      reviewComments: review.metrics.comments,
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    inspector?.close();
    await browser?.close();
    await engine?.stop();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // ---- figures ----
  // The memory samples' forced GCs stop the engine and the page for a moment: that is the measurement's doing, not
  // Cuedeck's, so whatever was in flight meanwhile is left out (and counted) rather than blamed on the feed.
  const paused = (from: number, to: number) => pauses.some((x) => x.from < to && x.to > from);
  const engineKept = engineSeen.filter((x) => !paused(x.sent, x.at));
  const rowsKept = rows.filter((x) => !paused(x.sent, x.rendered));
  const framesKept = frames.filter((x) => !paused(x.end - x.interval, x.end)).map((x) => x.interval);
  const pauseMs = stats(pauses.map((x) => x.to - x.from));
  const r = stats(rawLatency);
  const e = stats(engineKept.map((x) => x.at - x.sent));
  const ec = stats(engineKept.filter((x) => x.comment).map((x) => x.at - x.sent));
  const c = stats(rowsKept.map((x) => x.committed - x.sent));
  const p = stats(rowsKept.map((x) => x.rendered - x.sent));
  const f = stats(framesKept);
  const idle = stats(idleFrames);
  // The display interval, from the idle page (rAF timestamps are coarsened to 0.1 ms, so single intervals read
  // 16.6–16.8 ms at 60 Hz even on a blank page); a frame that took longer than 1.5 intervals missed a vsync.
  const onTime = idleFrames.filter((d) => d < 1.5 * idle.p50);
  const vsync = onTime.length > 0 ? onTime.reduce((a, b) => a + b, 0) / onTime.length : 1000 / 60;
  const longFrames = framesKept.filter((d) => d > 1.5 * vsync).length;
  const veryLong = framesKept.filter((d) => d > 50).length;
  const onGrid = stats(framesKept.map((d) => Math.max(1, Math.round(d / vsync)) * vsync));
  const rssStart = rss[0]?.bytes ?? Number.NaN;
  const rssMid = rss.find((x) => x.s === midpoint)?.bytes ?? Number.NaN;
  const rssEnd = rss.at(-1)?.bytes ?? Number.NaN;
  const rssMax = Math.max(...rss.map((x) => x.bytes));
  const lag = stats(timeLag);
  const sentComments = sentByType.comment ?? 0;
  const achievedRate = sentAt.size / (activeMs / 1000);
  const engineTrend = trend(memory, (m) => m.engine, midpoint, achievedRate);
  const pageTrend = trend(memory, (m) => m.page, midpoint, achievedRate);
  const rssTrend = trend(memory, (m) => m.rssAfterGc, midpoint, achievedRate);
  const domTrend = trend(memory, (m) => m.pageDom, midpoint, achievedRate);
  const nodesTrend = trend(memory, (m) => m.pageNodes, midpoint, achievedRate);
  const first = memory[0];
  const perMinute = (t: Trend) => `${t.perSecond >= 0 ? '+' : '−'}${mib(Math.abs(t.perSecond) * 60)}/min`;
  const perMessage = (t: Trend) => `${t.perMessage >= 0 ? '+' : '−'}${Math.abs(t.perMessage).toFixed(1)} B/message`;

  const vs = (s: Stats) => `${(s.p50 / r.p50).toFixed(1)}× / ${(s.p99 / r.p99).toFixed(1)}×`;
  const row = (name: string, s: Stats, ratio = vs(s)) => `| ${name} | ${int(s.n)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ratio} |`;

  const latencyOk = p.n > 0 && p.p99 < LATENCY_GOAL_MS;
  const logOk = logged.missing.length === 0 && logged.extra === 0;
  // Met when at least 95 % of frames came at the display's rate (≤ 16.7 ms at 60 Hz): p95 on the vsync grid.
  const frameOk = f.n > 0 && (f.p95 < FRAME_GOAL_MS || onGrid.p95 < FRAME_GOAL_MS);
  const word = (met: boolean) => (met ? 'met' : 'MISSED');

  const table = [
    row('raw socket.io-client in Node, straight to the simulator: relay → receive (every message)', r, '1.0× / 1.0×'),
    row('Cuedeck engine → socket.io view client in Node: relay → `feed.batch` received (every shown event)', e),
    row('… of which comments', ec),
    row('Cuedeck feeds view in Chromium: relay → comment row committed to the DOM (rows that became visible)', c),
    row('**Cuedeck feeds view in Chromium: relay → rendered (next animation frame after the row appeared)**', p),
    `| page frame time, idle page before the start (requestAnimationFrame interval; baseline) | ${int(idle.n)} | ${ms(idle.p50)} | ${ms(idle.p95)} | ${ms(idle.p99)} | ${ms(idle.max)} | |`,
    `| page frame time under the feed (requestAnimationFrame interval) | ${int(f.n)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${int(longFrames)} missed a vsync (${((longFrames / Math.max(1, f.n)) * 100).toFixed(1)} %), ${int(veryLong)} > 50 ms; p95 on the vsync grid ${ms(onGrid.p95)} |`,
    `| engine memory retained after forced full GCs (JS heap + ArrayBuffers; V8 inspector, every ${SAMPLE_EVERY_S} s) | ${memory.length} samples | ${first?.s ?? '?'} s ${mib(first?.engine ?? Number.NaN)} | ${midpoint} s ${mib(engineTrend.mid)} | end ${mib(engineTrend.end)} | second half ${perMinute(engineTrend)} | ${perMessage(engineTrend)} (flat: ≤ ${FLAT_BYTES_PER_MESSAGE}) |`,
    `| page memory retained after forced full GCs (JS heap + ArrayBuffers; CDP, every ${SAMPLE_EVERY_S} s) | ${memory.length} samples | ${first?.s ?? '?'} s ${mib(first?.page ?? Number.NaN)} | ${midpoint} s ${mib(pageTrend.mid)} | end ${mib(pageTrend.end)} | second half ${perMinute(pageTrend)} | ${perMessage(pageTrend)} (flat: ≤ ${FLAT_BYTES_PER_MESSAGE}) |`,
    `| page DOM after the same GCs (Blink heap and DOM nodes; reported, not judged) | ${memory.length} samples | ${first?.s ?? '?'} s ${mib(first?.pageDom ?? Number.NaN)}, ${int(first?.pageNodes ?? Number.NaN)} nodes | ${midpoint} s ${mib(domTrend.mid)}, ${int(nodesTrend.mid)} nodes | end ${mib(domTrend.end)}, ${int(nodesTrend.end)} nodes | second half ${perMinute(domTrend)} | ${nodesTrend.perSecond >= 0 ? '+' : '−'}${int(Math.round(Math.abs(nodesTrend.perSecond) * 60))} nodes/min |`,
    `| engine RSS (VmRSS, every ${SAMPLE_EVERY_S} s; reported, not judged) | ${rss.length} samples | start ${mib(rssStart)} | ${midpoint} s ${mib(rssMid)} | end ${mib(rssEnd)} | max ${mib(rssMax)} | after GC: second half ${perMinute(rssTrend)} |`,
    `| session log: relay messages sent (unique) vs feed events logged | ${int(sentAt.size)} sent (${int(sentWire)} on the wire) | ${int(logged.unique)} logged (${int(logged.events)} rows) | ${int(logged.missing.length)} missing | ${int(logged.extra)} not sent | comments: ${int(sentComments)} sent, ${int(logged.comments)} logged, review ${int(logged.reviewComments)} | raw client got ${int(rawIds.size)} |`,
  ];

  const verdict =
    `Relay → rendered p99 ${ms(p.p99)} (${word(latencyOk)}: < ${LATENCY_GOAL_MS} ms; p50 ${(p.p50 / r.p50).toFixed(1)}× and p99 ${(p.p99 / r.p99).toFixed(1)}× the raw client); ` +
    `log ${logOk ? 'complete' : 'INCOMPLETE'} (${int(logged.missing.length)} of ${int(sentAt.size)} missing: ${word(logOk)}); ` +
    `frame time p95 ${ms(f.p95)} against ${ms(idle.p95)} on the idle page, ${((longFrames / Math.max(1, f.n)) * 100).toFixed(1)} % of frames missed a ${ms(vsync)} vsync (${word(frameOk)}: p95 < ${FRAME_GOAL_MS} ms on the vsync grid); ` +
    `engine memory after GC ${mib(engineTrend.mid)} → ${mib(engineTrend.end)} over the second half, ${perMinute(engineTrend)} = ${perMessage(engineTrend)} (${word(engineTrend.flat)}: flat), ` +
    `page ${mib(pageTrend.mid)} → ${mib(pageTrend.end)}, ${perMinute(pageTrend)} = ${perMessage(pageTrend)} (${word(pageTrend.flat)}: flat).`;

  const notes = [
    `Run: ${SECONDS} s at ${int(RATE)} msg/s requested (simulator seed ${SEED}, protocol cuedeck, 20 ms ticks); ${int(sentAt.size)} messages sent in ${(activeMs / 1000).toFixed(1)} s = ${int(Math.round(achievedRate))} msg/s measured, ${int(sentComments)} of them comments. ` +
      `The simulator, the raw client, the Node view client and the Playwright driver share the bench process; the engine is the built \`dist/\` engine as a child process (own data dir, rehearsal run so the session log records); headless Chromium (--disable-gpu) shows /feeds at Playwright's default 1280×720 viewport. Load average (1 min) ${load.map((l) => l.toFixed(2)).join(' → ')} on ${availableParallelism()} CPUs.`,
    'Relay time is stamped in-process when the simulator hands a tick to socket.io (not the message `time`, which is the virtual time inside the 20 ms tick; ' +
      `send time − message time: p50 ${ms(lag.p50)}, max ${ms(lag.max)}; start() was called ${startLate} ms after the planned start). Every path is measured from that same stamp.`,
    'Rendered: a MutationObserver on the comment list notes each `comment-row` the first time it is added; the next requestAnimationFrame callback stamps it (`performance.timeOrigin + performance.now()`). ' +
      `The page and Node clocks agreed within ${ms(Math.abs(clock.start.offset))} (start) and ${ms(Math.abs(clock.end.offset))} (end), round trips ${ms(clock.start.rtt)} / ${ms(clock.end.rtt)}; page times are corrected by the start offset. ` +
      `The list is virtualized and follows the newest, so only the newest comments of each 50 ms batch ever render (${int(p.n)} of ${int(sentComments)} comments, ${(p.n / Math.max(1, sentComments) * 100).toFixed(0)} %): ` +
      'these waited least in the engine\'s batch, so the "every shown event" row is the unbiased view of delivery. The list ' + (stillFollowing ? 'followed the newest throughout' : 'STOPPED following at some point (results suspect)') + '.' +
      (unmatchedRows > 0 ? ` ${int(unmatchedRows)} rendered rows had no known send time.` : ''),
    `Memory: every ${SAMPLE_EVERY_S} s, first in the engine (through its V8 inspector; it is started with --inspect) and then in the page (CDP), ${GC_TRIES} forced full GCs run back to back and the least of their figures counts ` +
      '(what one of them still found and the next freed was in flight, not retained). The judged figure is Runtime.getHeapUsage\'s V8 heap used + ArrayBuffer backing stores, so a typed-array table cannot escape it. ' +
      'The page\'s Blink heap and DOM node count are reported, not judged: they swing by about a megabyte and a few hundred nodes between back-to-back collections as the list re-renders 20 times a second (a leaked row would also keep its JS wrapper and handlers, which are judged). ' +
      `Series (s: engine / page MiB) ${memory.map((m) => `${m.s}: ${(m.engine / 2 ** 20).toFixed(1)} / ${(m.page / 2 ** 20).toFixed(1)}`).join(', ')}. ` +
      `Flat: the Theil–Sen slope (the median of the slopes between every two samples, so one sample taken with a burst in flight cannot tip it) over the samples from ${midpoint} s to the end is at most ${FLAT_BYTES_PER_MESSAGE} bytes per relay message (${mib(FLAT_BYTES_PER_MESSAGE * achievedRate * 60)}/min at the measured rate). ` +
      'The first half is left out on purpose: bounded structures fill then (the page\'s 1,000 comments and its badge cache of 10,000 accounts, which takes about 35 s at this rate, the engine\'s 2,000 recent comments and 500-event backlog; the engine\'s 100,000-key dedupe window is allocated whole at the start), so comparing with an early sample calls their filling a leak, while a fit over the second half still catches a slow one. ' +
      'What may keep growing is the session\'s own state: the live metrics count unique viewers, interacting users, buyers and orders exactly, in hash tables of 8–40 bytes a slot, a few bytes per message at the simulator\'s 360 new viewers a second. ' +
      'A leak that keeps so much as an event id per message (about 50 bytes) misses the goal, one that keeps whole events (300 bytes and more) misses it by far. ' +
      `The forced GCs held the engine and the page for p50 ${ms(pauseMs.p50)}, max ${ms(pauseMs.max)} per sample; what was in flight meanwhile is left out of the figures above (${int(engineSeen.length - engineKept.length)} of ${int(engineSeen.length)} events at the Node view client, ${int(rows.length - rowsKept.length)} of ${int(rows.length)} rendered rows, ${int(frames.length - framesKept.length)} of ${int(frames.length)} frames). ` +
      `RSS is reported, not judged (SQLite's page cache, V8 pages kept for reuse and allocator slack go back to the OS lazily); series (s: MiB) ${rss.map((x) => `${x.s}: ${(x.bytes / 2 ** 20).toFixed(0)}`).join(', ')}.`,
    `Log: all ${int(sentAt.size)} distinct messages the simulator put on the wire are compared by id with the feed.* rows of the session export (export.json); ${int(sentWire - sentAt.size)} were resent duplicates (the simulator resends only after a relay restart, which this run does not do; the engine's dedupe would drop them). ` +
      `The engine's feed diagnostics counted ${int(acceptedByEngine)} accepted.` +
      (logged.missing.length > 0 ? ` First missing ids: ${logged.missing.slice(0, 5).join(', ')}.` : ''),
    ...(pageProblems.length > 0 ? [`Page problems: ${pageProblems.slice(0, 5).join('; ')}`] : []),
  ].join(' ');

  return {
    title: `Live feed at ${int(RATE)} msg/s for ${SECONDS} s: simulator → engine → Chromium feeds view`,
    goal: `p99 relay → rendered < ${LATENCY_GOAL_MS} ms, nothing missing from the session log, frame time p95 < ${FRAME_GOAL_MS} ms, engine and page memory flat (what stays after forced GCs grows by at most ${FLAT_BYTES_PER_MESSAGE} bytes per relay message over the second half: Theil–Sen slope from ${Math.floor(SECONDS / 2)} s to the end); latency compared with a raw socket.io client on the same simulator.`,
    header: '| measure | n | p50 | p95 | p99 | max | vs raw (p50 / p99) |',
    table,
    verdict,
    notes,
  };
}

if (import.meta.main) {
  const section = await benchFeedThroughput();
  console.log([section.title, section.goal, section.header, ...section.table, section.verdict, section.notes ?? ''].join('\n'));
}
