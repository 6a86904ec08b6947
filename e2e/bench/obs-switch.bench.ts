import { chromium } from '@playwright/test';
import OBSWebSocket from 'obs-websocket-js/json';
import { command, connectObs } from '../support/engine-api.ts';
import { startEngineProcess } from '../support/engine-process.ts';
import type { HeadlessObs } from '../support/obs-headless.ts';
import type { BenchSection } from './report.ts';
import { ms, summarize } from './stats.ts';

const ROUNDS = 60;
const WARMUP = 5;

/** Resolves when the watcher sees OBS report `sceneName` on program; a missing event fails the run, never hangs it. */
function programChange(watcher: OBSWebSocket, sceneName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.off('CurrentProgramSceneChanged', onChange);
      reject(new Error(`OBS did not confirm "${sceneName}" on program within 5 s`));
    }, 5000);
    const onChange = ({ sceneName: changed }: { sceneName: string }) => {
      if (changed !== sceneName) return;
      clearTimeout(timer);
      watcher.off('CurrentProgramSceneChanged', onChange);
      resolve();
    };
    watcher.on('CurrentProgramSceneChanged', onChange);
  });
}

/**
 * Click (or API call) → OBS-confirmed program change, against a raw obs-websocket-js call, interleaved round
 * by round so both see the same OBS, machine load and transition (Cut).
 */
export async function benchObsSwitch(obs: HeadlessObs): Promise<BenchSection> {
  const admin = new OBSWebSocket();
  const watcher = new OBSWebSocket();
  await admin.connect(obs.url, obs.password);
  await watcher.connect(obs.url, obs.password);
  await admin.call('SetStudioModeEnabled', { studioModeEnabled: false });
  await admin.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
  const scenes = ['Bench A', 'Bench B'];
  for (const sceneName of [...scenes, 'Bench idle']) await admin.call('CreateScene', { sceneName }).catch(() => undefined);
  // Start elsewhere: OBS sends no change event when asked for the scene already on program.
  await admin.call('SetCurrentProgramScene', { sceneName: 'Bench idle' });

  const engine = await startEngineProcess({ args: ['--token', 'bench-token-bench-token'] });
  const testEngine = Object.assign(engine, { token: 'bench-token-bench-token' });
  await connectObs(testEngine, obs);
  const browser = await chromium.launch({ executablePath: process.env.CUEDECK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`${engine.url}/producer`);
  await page.locator(`[data-testid="scene-button"][data-scene-name="Bench A"]`).waitFor();

  const raw: number[] = [];
  const api: number[] = [];
  const click: number[] = [];
  let i = 0;
  const next = () => scenes[i++ % 2] as string;
  try {
    for (let round = 0; round < ROUNDS + WARMUP; round++) {
      const keep = round >= WARMUP;
      let target = next();
      let seen = programChange(watcher, target);
      let t0 = performance.now();
      await admin.call('SetCurrentProgramScene', { sceneName: target });
      await seen;
      if (keep) raw.push(performance.now() - t0);

      target = next();
      seen = programChange(watcher, target);
      t0 = performance.now();
      const result = await command(testEngine, { type: 'obs.setProgramScene', sceneName: target });
      if (!result.ok) throw new Error(`API switch to ${target} refused: ${result.error.message}`);
      await seen;
      if (keep) api.push(performance.now() - t0);

      // The view must show what is on program before the click, as a producer's screen would (not timed).
      await page.locator(`[data-testid="scene-button"][data-scene-name="${target}"][aria-pressed="true"]`).waitFor();
      target = next();
      seen = programChange(watcher, target);
      const button = page.locator(`[data-testid="scene-button"][data-scene-name="${target}"]`);
      t0 = performance.now();
      await button.click({ timeout: 4000 });
      await seen;
      if (keep) click.push(performance.now() - t0);
      // Let the UI settle on the new program scene before the next round.
      await page.locator(`[data-testid="scene-button"][data-scene-name="${target}"][aria-pressed="true"]`).waitFor();
    }
  } finally {
    await browser.close();
    await engine.stop();
    await admin.disconnect();
    await watcher.disconnect();
  }

  const r = summarize(raw);
  const a = summarize(api);
  const c = summarize(click);
  const row = (name: string, s: ReturnType<typeof summarize>) =>
    `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${(s.p50 / r.p50).toFixed(2)}× |`;
  const apiRatio = a.p50 / r.p50;
  return {
    title: 'Scene switch: command → OBS-confirmed program change',
    goal: 'Cuedeck ≤ 2× a raw obs-websocket-js call (p50), measured with the Cut transition.',
    header: '| path | n | p50 | p95 | max | p50 vs raw |',
    table: [row('raw obs-websocket-js SetCurrentProgramScene', r), row('Cuedeck HTTP API command', a), row('Cuedeck UI click (Playwright, Chromium)', c)],
    verdict: `HTTP API: ${apiRatio.toFixed(2)}× raw — ${apiRatio <= 2 ? 'meets' : 'misses'} the 2× goal. UI click: ${(c.p50 / r.p50).toFixed(2)}× raw (includes Playwright's own click overhead).`,
    notes:
      'Each path is timed until an independent obs-websocket client receives CurrentProgramSceneChanged for the target scene. ' +
      'Rounds interleave the three paths so drift in OBS or machine load affects all alike.',
  };
}
