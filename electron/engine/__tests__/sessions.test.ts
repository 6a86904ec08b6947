import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionReview, SessionSummary, Snapshot } from '../../../shared/protocol/index.ts';
import { startEngine, type RunningEngine } from '../app.ts';
import { createLogger } from '../log.ts';
import { FileSecretVault } from '../secrets/file-vault.ts';

const running: RunningEngine[] = [];
const children: ChildProcess[] = [];
const ENGINE_ENTRY = path.resolve(import.meta.dirname, '../index.ts');
const TOKEN = 'sessions-test-token-0123';

const SHOW = {
  id: 'show',
  title: '秋季护肤专场',
  products: [{ id: 'p1', sku: 'SERUM-30', name: 'Serum', listPrice: 199, dealPrice: 99, stock: 100, perCustomerLimit: 2 }],
  segments: [
    { id: 's1', kind: 'opening', title: 'Opening', plannedDurationMs: 60_000 },
    { id: 's2', kind: 'product', title: 'Serum demo', plannedDurationMs: 300_000, productIds: ['p1'] },
  ],
};

async function start(dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-sessions-'))): Promise<RunningEngine> {
  const engine = await startEngine({
    config: { host: '127.0.0.1', port: 0, lan: false, dataDir, desktop: false, token: TOKEN, rendererDir: undefined, simulateRate: undefined },
    vault: new FileSecretVault(dataDir),
    log: createLogger('test', () => undefined),
    engineDir: path.resolve(import.meta.dirname, '..'),
  });
  running.push(engine);
  return engine;
}

const get = async <T>(engine: { url: string }, p: string): Promise<T> => {
  const response = await fetch(`${engine.url}/api/v1${p}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!response.ok) throw new Error(`${p}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

const post = async (engine: { url: string }, p: string, body: unknown) =>
  fetch(`${engine.url}/api/v1${p}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('session log and review', () => {
  it('records a rehearsal with its feed, and the review, exports and re-import agree', async () => {
    const engine = await start();
    expect(await engine.dispatch({ type: 'show.replace', show: SHOW })).toEqual({ ok: true });
    expect(await engine.dispatch({ type: 'simulator.start', rate: 100, seed: 11 })).toEqual({ ok: true });
    expect(await engine.dispatch({ type: 'run.start', rehearsal: true })).toEqual({ ok: true });
    await sleep(1200);
    expect(await engine.dispatch({ type: 'run.next' })).toEqual({ ok: true });
    await sleep(1200);
    expect(await engine.dispatch({ type: 'run.end' })).toEqual({ ok: true });

    const sessions = await get<SessionSummary[]>(engine, '/sessions');
    expect(sessions).toHaveLength(1);
    const session = sessions[0] as SessionSummary;
    expect(session).toMatchObject({ kind: 'rehearsal', title: '秋季护肤专场' });
    expect(session.endedAt).not.toBeNull();
    expect(session.figures.comments).toBeGreaterThan(50);

    const review = await get<SessionReview>(engine, `/sessions/${session.id}/review`);
    expect(review.minutes.length).toBeGreaterThanOrEqual(1);
    expect(review.minutes.reduce((t, m) => t + m.comments, 0)).toBe(review.metrics.comments);
    const [opening, demo] = review.segments;
    expect(opening).toMatchObject({ segmentId: 's1', plannedMs: 60_000 });
    expect(opening?.actualMs).toBeGreaterThan(1000);
    expect(opening?.actualMs).toBeLessThan(3000);
    expect(demo?.comments).toBeGreaterThan(0);
    expect(review.markers.some((m) => m.kind === 'segment' && m.label === 'Serum demo')).toBe(true);

    // Comments around a moment.
    const around = await get<{ text: string }[]>(engine, `/sessions/${session.id}/comments?from=${session.startedAt}&to=${session.startedAt + 60_000}`);
    expect(around.length).toBeGreaterThan(0);
    // Paged: the second page starts where the first ended, with nothing repeated or skipped.
    const window = `from=${session.startedAt}&to=${session.startedAt + 60_000}`;
    const all = await get<{ id: string }[]>(engine, `/sessions/${session.id}/comments?${window}`);
    const page2 = await get<{ id: string }[]>(engine, `/sessions/${session.id}/comments?${window}&offset=10`);
    expect(page2.map((c) => c.id)).toEqual(all.slice(10, 210).map((c) => c.id));
    const bad = await fetch(`${engine.url}/api/v1/sessions/${session.id}/comments?${window}&offset=-1`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(bad.status).toBe(400);

    // CSV exports carry a header and a row per segment / event.
    const segmentsCsv = await (await fetch(`${engine.url}/api/v1/sessions/${session.id}/export/segments.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    expect(segmentsCsv.split('\r\n')[0]).toContain('segment,kind,planned_s,actual_s');
    expect(segmentsCsv).toContain('Serum demo');

    // The JSON export re-imports elsewhere into the same review.
    const exported = await (await fetch(`${engine.url}/api/v1/sessions/${session.id}/export.json`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
    const other = await start();
    expect((await post(other, '/sessions/import', exported)).status).toBe(200);
    expect((await post(other, '/sessions/import', exported)).status).toBe(409);
    const reimported = await get<SessionReview>(other, `/sessions/${session.id}/review`);
    expect(reimported.metrics).toEqual(review.metrics);
    expect(reimported.segments).toEqual(review.segments);

    const broken = await post(other, '/sessions/import', { format: 'cuedeck.session', version: 1, session: { id: 'x' } });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/nothing was imported/);
  }, 30_000);

  it('ROI appears once costs are entered', async () => {
    const engine = await start();
    expect(await engine.dispatch({ type: 'show.replace', show: SHOW })).toEqual({ ok: true });
    await engine.dispatch({ type: 'run.start' });
    await engine.dispatch({ type: 'run.end' });
    const [session] = await get<SessionSummary[]>(engine, '/sessions');
    expect(session?.figures.roi).toBeNull();
    expect(await engine.dispatch({ type: 'session.setCosts', sessionId: session?.id ?? '', amount: 500 })).toEqual({ ok: true });
    const [withCosts] = await get<SessionSummary[]>(engine, '/sessions');
    expect(withCosts?.costs).toBe(500);
    expect(withCosts?.figures.roi).toBe(0);
    expect(await engine.dispatch({ type: 'session.setCosts', sessionId: 'nope', amount: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('deleting a session', () => {
  const del = (engine: { url: string }, id: string) => fetch(`${engine.url}/api/v1/sessions/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });

  it('refuses the session being recorded and a broadcast fed back into members; an ended rehearsal goes with its events', async () => {
    const engine = await start();
    expect(await engine.dispatch({ type: 'show.replace', show: SHOW })).toEqual({ ok: true });
    await engine.dispatch({ type: 'run.start' });
    const [live] = await get<SessionSummary[]>(engine, '/sessions');
    const refusedLive = await del(engine, live?.id ?? '');
    expect(refusedLive.status).toBe(409);
    expect(await refusedLive.text()).toMatch(/still being recorded/);
    await engine.dispatch({ type: 'run.end' });
    // The broadcast is fed back as it ends (on a worker thread): it cannot be deleted meanwhile, nor afterwards.
    const during = await del(engine, live?.id ?? '');
    expect(during.status).toBe(409);
    await expect.poll(async () => (await get<{ fedBackAt: number | null }>(engine, `/sessions/${live?.id ?? ''}/audience`)).fedBackAt).not.toBeNull();
    const after = await del(engine, live?.id ?? '');
    expect(after.status).toBe(409);
    expect(await after.text()).toMatch(/was fed back into member records/);

    await engine.dispatch({ type: 'run.reset' });
    await engine.dispatch({ type: 'simulator.start', rate: 50, seed: 3 });
    await engine.dispatch({ type: 'run.start', rehearsal: true });
    await sleep(600);
    await engine.dispatch({ type: 'run.end' });
    const rehearsal = (await get<SessionSummary[]>(engine, '/sessions')).find((s) => s.kind === 'rehearsal');
    expect(rehearsal?.figures.comments).toBeGreaterThan(0);
    const deleted = await del(engine, rehearsal?.id ?? '');
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as { events: number }).events).toBeGreaterThan(0);
    const left = await get<SessionSummary[]>(engine, '/sessions');
    expect(left.map((s) => s.id)).toEqual([live?.id]);
    expect((await del(engine, rehearsal?.id ?? '')).status).toBe(404);
  }, 20_000);
});

describe('crash recovery', () => {
  function spawnEngine(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, [ENGINE_ENTRY, '--port', '0', '--data-dir', dataDir, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+)\/producer/.exec(out);
        if (m?.[1]) resolve({ child, url: m[1] });
      });
      child.once('exit', (code) => reject(new Error(`engine exited ${String(code)}: ${out}`)));
    });
  }

  it('an engine SIGKILLed mid-show resumes the same session and run, and reports the gap', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cuedeck-crash-'));
    const first = await spawnEngine(dataDir);
    expect((await post(first, '/commands', { type: 'show.replace', show: SHOW })).status).toBe(200);
    expect((await post(first, '/commands', { type: 'run.start', acknowledgeFlags: true })).status).toBe(200);
    expect((await post(first, '/commands', { type: 'run.next' })).status).toBe(200);
    const before = (await get<Snapshot>(first, '/state')).state.run.run;
    await sleep(1300); // let a heartbeat and the log flush happen
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    await sleep(700);

    const second = await spawnEngine(dataDir);
    const after = (await get<Snapshot>(second, '/state')).state.run;
    expect(after.run).toMatchObject({ status: 'running', segmentId: 's2', segmentStartedAt: before.segmentStartedAt, showStartedAt: before.showStartedAt });
    expect(after.recovered?.gapMs).toBeGreaterThanOrEqual(700);
    const sessions = await get<SessionSummary[]>(second, '/sessions');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.endedAt).toBeNull();
    expect((await post(second, '/commands', { type: 'run.end' })).status).toBe(200);
    const review = await get<SessionReview>(second, `/sessions/${sessions[0]?.id ?? ''}/review`);
    expect(review.markers.some((m) => m.kind === 'recovered')).toBe(true);
    expect(review.segments.find((s) => s.segmentId === 's2')?.actualMs).toBeGreaterThan(1500);
  }, 30_000);
});
