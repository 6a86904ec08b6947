import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import OBSWebSocket from 'obs-websocket-js/json';
import { startEngineProcess, type EngineOptions, type EngineProcess } from './engine-process.ts';

export interface ObsInfo {
  url: string;
  password: string;
  port: number;
  home: string;
}

export interface TestEngine extends EngineProcess {
  token: string;
}

/** Collect page errors and console errors; a test passes only if the page stayed clean. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
}

interface Fixtures {
  obsInfo: ObsInfo;
  /** An independent obs-websocket client: how tests verify what OBS really did. */
  obsAdmin: OBSWebSocket;
  /** Starts an engine with its own data folder and token; all are stopped after the test. */
  launchEngine: (options?: EngineOptions) => Promise<TestEngine>;
  engine: TestEngine;
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  obsInfo: async ({}, use) => {
    const raw = process.env.CUEDECK_E2E_OBS;
    if (!raw) throw new Error('global setup did not start OBS');
    await use(JSON.parse(raw) as ObsInfo);
  },
  obsAdmin: async ({ obsInfo }, use) => {
    const client = new OBSWebSocket();
    await client.connect(obsInfo.url, obsInfo.password);
    await use(client);
    await client.disconnect();
  },
  // eslint-disable-next-line no-empty-pattern
  launchEngine: async ({}, use, testInfo) => {
    const started: TestEngine[] = [];
    await use(async (options = {}) => {
      const token = randomBytes(18).toString('base64url');
      const engine = await startEngineProcess({ ...options, args: [`--token=${token}`, ...(options.args ?? [])] });
      const running = Object.assign(engine, { token });
      started.push(running);
      return running;
    });
    for (const engine of started) {
      await engine.stop();
      await testInfo.attach(`engine-${engine.port}.log`, { body: engine.output(), contentType: 'text/plain' });
    }
  },
  engine: async ({ launchEngine }, use) => {
    await use(await launchEngine());
  },
  pageProblems: [
    // Depends on launchEngine so it is torn down first: the check runs while the engines still run (a stopped
    // engine makes the page log its reconnect attempts), and closing the page ends those attempts.
    async ({ page, launchEngine }, use) => {
      void launchEngine;
      const problems: string[] = [];
      watchPage(page, problems);
      await use(problems);
      const found = [...problems];
      await page.close();
      expect(found, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Make a uniquely named scene in OBS so tests never depend on each other's leftovers. */
export async function createScene(obs: OBSWebSocket, prefix: string): Promise<string> {
  const sceneName = `${prefix} ${randomBytes(3).toString('hex')}`;
  await obs.call('CreateScene', { sceneName });
  return sceneName;
}

export async function programScene(obs: OBSWebSocket): Promise<string> {
  return (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
}
