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
/** "Flat": the end within +25 % of the early (10 s) value. */
const FLAT_RATIO = 1.25;
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
 * frame stamps it as rendered. A requestAnimationFrame loop records frame intervals. `__benchDrain()` hands
 * over and clears what was collected.
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
    if (last > 0) frames.push(ts - last);
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

/** The page's used JS heap after a full collection (leaks show, garbage not yet collected does not). */
async function pageHeapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/**
 * The engine's V8 inspector (the engine is started with `--inspect=127.0.0.1:0` through NODE_OPTIONS): its JS heap
 * after a full collection, to tell retained objects from memory V8 or SQLite have not handed back.
 */
async function engineInspector(output: () => string): Promise<{ heapAfterGc(): Promise<number>; close(): void }> {
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
    async heapAfterGc() {
      await send('HeapProfiler.collectGarbage');
      return Number((await send('Runtime.getHeapUsage')).usedSize);
    },
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
  const early = Math.min(10, Math.floor(SECONDS / 2));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-bench-feed-'));

  // Relay send time of every message, by the engine's event id: stamped as the simulator hands a tick's messages
  // to socket.io (AudienceModel.advance runs just before the synchronous broadcast of its result).
  const sentAt = new Map<string, number>();
  const sentByType: Partial<Record<FeedEvent['type'], number>> = {};
  let sentWire = 0;
  const timeLag: number[] = [];

  const rawLatency: number[] = [];
  const rawIds = new Set<string>();
  const engineAll: number[] = [];
  const engineComments: number[] = [];
  let engineShown = 0;
  const committed: number[] = [];
  const rendered: number[] = [];
  const frames: number[] = [];
  const idleFrames: number[] = [];
  /** 1-minute load average at the start and the end: the machine is shared by every process of the run. */
  const load: number[] = [];
  let startLate: number;
  let unmatchedRows = 0;
  let stillFollowing = true;
  const pageProblems: string[] = [];
  const rss: { s: number; bytes: number }[] = [];
  let heapEarly = Number.NaN;
  let heapEnd: number;
  let engineHeapEarly = Number.NaN;
  let engineHeapEnd: number;
  let rssAfterGc: number;
  let rssAfterGcEarly = Number.NaN;
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
    const engineHeap = inspector;
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
        engineAll.push(t - sent);
        if (e.type === 'comment') engineComments.push(t - sent);
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
      frames.push(...out.frames);
      if (out.following !== 'true') stillFollowing = false;
      const offset = clock.start.offset;
      for (let i = 0; i + 2 < out.rendered.length; i += 3) {
        const sent = sentAt.get(String(out.rendered[i]));
        if (sent === undefined) {
          unmatchedRows += 1;
          continue;
        }
        committed.push(Number(out.rendered[i + 1]) - offset - sent);
        rendered.push(Number(out.rendered[i + 2]) - offset - sent);
      }
    };

    // Side-by-side frame baseline: the same page, connected and idle, until the planned start.
    await sleep(plannedStart - Date.now() - IDLE_FRAMES_MS);
    await drain();
    frames.length = 0;
    await sleep(plannedStart - Date.now());
    idleFrames.push(...((await page.evaluate('window.__benchDrain(false)')) as Drained).frames);
    rss.push({ s: 0, bytes: rssBytes(engine.child.pid) });
    load.push(loadavg()[0] ?? Number.NaN);
    startLate = Date.now() - plannedStart;
    const t0 = now();
    sim.start();
    for (let s = 1; s <= SECONDS; s++) {
      await sleep(t0 + s * 1000 - now());
      if (s % SAMPLE_EVERY_S === 0 || s === early || s === SECONDS) {
        rss.push({ s, bytes: rssBytes(engine.child.pid) });
        if (s < SECONDS) await drain();
      }
      if (s === early) {
        heapEarly = await pageHeapAfterGc(cdp);
        engineHeapEarly = await engineHeap.heapAfterGc();
        rssAfterGcEarly = rssBytes(engine.child.pid);
      }
    }
    // End of the measured window: last rows and frames, then the end figures while the feed is still flowing.
    await drain(true);
    heapEnd = await pageHeapAfterGc(cdp);
    engineHeapEnd = await engineHeap.heapAfterGc();
    rssAfterGc = rssBytes(engine.child.pid);
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
  const r = stats(rawLatency);
  const e = stats(engineAll);
  const ec = stats(engineComments);
  const c = stats(committed);
  const p = stats(rendered);
  const f = stats(frames);
  const idle = stats(idleFrames);
  // The display interval, from the idle page (rAF timestamps are coarsened to 0.1 ms, so single intervals read
  // 16.6–16.8 ms at 60 Hz even on a blank page); a frame that took longer than 1.5 intervals missed a vsync.
  const onTime = idleFrames.filter((d) => d < 1.5 * idle.p50);
  const vsync = onTime.length > 0 ? onTime.reduce((a, b) => a + b, 0) / onTime.length : 1000 / 60;
  const longFrames = frames.filter((d) => d > 1.5 * vsync).length;
  const veryLong = frames.filter((d) => d > 50).length;
  const onGrid = stats(frames.map((d) => Math.max(1, Math.round(d / vsync)) * vsync));
  const rssStart = rss[0]?.bytes ?? Number.NaN;
  const rssEarly = rss.find((x) => x.s === early)?.bytes ?? Number.NaN;
  const rssEnd = rss.at(-1)?.bytes ?? Number.NaN;
  const rssMax = Math.max(...rss.map((x) => x.bytes));
  const lag = stats(timeLag);
  const sentComments = sentByType.comment ?? 0;
  const achievedRate = sentAt.size / (activeMs / 1000);

  const vs = (s: Stats) => `${(s.p50 / r.p50).toFixed(1)}× / ${(s.p99 / r.p99).toFixed(1)}×`;
  const row = (name: string, s: Stats, ratio = vs(s)) => `| ${name} | ${int(s.n)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ratio} |`;

  const latencyOk = p.n > 0 && p.p99 < LATENCY_GOAL_MS;
  const logOk = logged.missing.length === 0 && logged.extra === 0;
  // Met when at least 95 % of frames came at the display's rate (≤ 16.7 ms at 60 Hz): p95 on the vsync grid.
  const frameOk = f.n > 0 && (f.p95 < FRAME_GOAL_MS || onGrid.p95 < FRAME_GOAL_MS);
  const rssOk = rssEnd <= rssEarly * FLAT_RATIO;
  const heapOk = heapEnd <= heapEarly * FLAT_RATIO;
  const word = (met: boolean) => (met ? 'met' : 'MISSED');

  const table = [
    row('raw socket.io-client in Node, straight to the simulator: relay → receive (every message)', r, '1.0× / 1.0×'),
    row('Cuedeck engine → socket.io view client in Node: relay → `feed.batch` received (every shown event)', e),
    row('… of which comments', ec),
    row('Cuedeck feeds view in Chromium: relay → comment row committed to the DOM (rows that became visible)', c),
    row('**Cuedeck feeds view in Chromium: relay → rendered (next animation frame after the row appeared)**', p),
    `| page frame time, idle page before the start (requestAnimationFrame interval; baseline) | ${int(idle.n)} | ${ms(idle.p50)} | ${ms(idle.p95)} | ${ms(idle.p99)} | ${ms(idle.max)} | |`,
    `| page frame time under the feed (requestAnimationFrame interval) | ${int(f.n)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${int(longFrames)} missed a vsync (${((longFrames / Math.max(1, f.n)) * 100).toFixed(1)} %), ${int(veryLong)} > 50 ms; p95 on the vsync grid ${ms(onGrid.p95)} |`,
    `| engine RSS (VmRSS, every ${SAMPLE_EVERY_S} s) | ${rss.length} samples | start ${mib(rssStart)} | ${early} s ${mib(rssEarly)} | end ${mib(rssEnd)} | ${mib(rssMax)} | end / ${early} s ${(rssEnd / rssEarly).toFixed(2)}× |`,
    `| engine JS heap after a forced GC (V8 inspector) | 2 samples | ${early} s ${mib(engineHeapEarly)} | end ${mib(engineHeapEnd)} | RSS just after: ${early} s ${mib(rssAfterGcEarly)} | end ${mib(rssAfterGc)} | end / ${early} s ${(engineHeapEnd / engineHeapEarly).toFixed(2)}× |`,
    `| page JS heap after a forced GC (CDP) | 2 samples | ${early} s ${mib(heapEarly)} | end ${mib(heapEnd)} | | | end / ${early} s ${(heapEnd / heapEarly).toFixed(2)}× |`,
    `| session log: relay messages sent (unique) vs feed events logged | ${int(sentAt.size)} sent (${int(sentWire)} on the wire) | ${int(logged.unique)} logged (${int(logged.events)} rows) | ${int(logged.missing.length)} missing | ${int(logged.extra)} not sent | comments: ${int(sentComments)} sent, ${int(logged.comments)} logged, review ${int(logged.reviewComments)} | raw client got ${int(rawIds.size)} |`,
  ];

  const verdict =
    `Relay → rendered p99 ${ms(p.p99)} (${word(latencyOk)}: < ${LATENCY_GOAL_MS} ms; p50 ${(p.p50 / r.p50).toFixed(1)}× and p99 ${(p.p99 / r.p99).toFixed(1)}× the raw client); ` +
    `log ${logOk ? 'complete' : 'INCOMPLETE'} (${int(logged.missing.length)} of ${int(sentAt.size)} missing: ${word(logOk)}); ` +
    `frame time p95 ${ms(f.p95)} against ${ms(idle.p95)} on the idle page, ${((longFrames / Math.max(1, f.n)) * 100).toFixed(1)} % of frames missed a ${ms(vsync)} vsync (${word(frameOk)}: p95 < ${FRAME_GOAL_MS} ms on the vsync grid); ` +
    `engine RSS ${mib(rssEarly)} → ${mib(rssEnd)} (${word(rssOk)}: flat; its JS heap after GC ${mib(engineHeapEarly)} → ${mib(engineHeapEnd)}), page heap ${mib(heapEarly)} → ${mib(heapEnd)} (${word(heapOk)}: flat).`;

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
    `Memory: the early sample is at ${early} s; engine RSS series (s: MiB) ${rss.map((x) => `${x.s}: ${(x.bytes / 2 ** 20).toFixed(0)}`).join(', ')}. ` +
      'Growth after the early sample is not necessarily a leak: the engine holds bounded structures that are still filling at this rate — the feed dedupe window ' +
      '(100,000 ids; its eviction queue is compacted only at 2 × 100,000 + 1,024 entries, about 100 s at 2,000 msg/s) and 20,000 recent comments — and the live metrics ' +
      'keep every viewer id and order of the session by design; the page too has bounded caches that fill over the first minutes (member badges: an LRU of 10,000 accounts; the viewer curve: a point a second). The engine heap after a forced GC (through the V8 inspector, the engine started with --inspect) tells retained objects from memory not handed back. ' +
      `Page and engine heaps are measured after a forced full GC (the GCs at ${early} s also show in the frame and latency maxima).`,
    `Log: all ${int(sentAt.size)} distinct messages the simulator put on the wire are compared by id with the feed.* rows of the session export (export.json); ${int(sentWire - sentAt.size)} were resent duplicates (the simulator resends only after a relay restart, which this run does not do; the engine's dedupe would drop them). ` +
      `The engine's feed diagnostics counted ${int(acceptedByEngine)} accepted.` +
      (logged.missing.length > 0 ? ` First missing ids: ${logged.missing.slice(0, 5).join(', ')}.` : ''),
    ...(pageProblems.length > 0 ? [`Page problems: ${pageProblems.slice(0, 5).join('; ')}`] : []),
  ].join(' ');

  return {
    title: `Live feed at ${int(RATE)} msg/s for ${SECONDS} s: simulator → engine → Chromium feeds view`,
    goal: `p99 relay → rendered < ${LATENCY_GOAL_MS} ms, nothing missing from the session log, frame time p95 < ${FRAME_GOAL_MS} ms, engine and page memory flat (end within +25 % of the ${early} s value); latency compared with a raw socket.io client on the same simulator.`,
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
