import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILT_ENGINE } from './engine-process.ts';
import { startHeadlessObs } from './obs-headless.ts';

export const CHROMIUM = process.env.CUEDECK_CHROMIUM ?? '/usr/bin/chromium';

/** One real OBS for the whole run; tests create their own scenes in it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`End-to-end tests drive Debian's Chromium at ${CHROMIUM}, which is missing. Install it: apt-get install -y chromium`);
  }
  if (!existsSync(BUILT_ENGINE)) throw new Error(`The engine is not built (${BUILT_ENGINE}); run \`npm run build\` first.`);
  if (!existsSync(path.resolve(import.meta.dirname, '../../dist/renderer/index.html'))) {
    throw new Error('The UI is not built (dist/renderer/index.html); run `npm run build` first.');
  }
  const obs = await startHeadlessObs();
  process.env.CUEDECK_E2E_OBS = JSON.stringify({ url: obs.url, password: obs.password, port: obs.port, home: obs.home });
  return async () => {
    await obs.stop();
  };
}
