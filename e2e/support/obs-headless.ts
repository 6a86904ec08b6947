import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OBSWebSocket from 'obs-websocket-js/json';
import { freePort } from './free-port.ts';

export interface HeadlessObs {
  url: string;
  password: string;
  port: number;
  home: string;
  /** PID of the process group leader (setsid), for kill tests. */
  pgid: number;
  stop(): Promise<void>;
  /** Start OBS again with the same HOME/port/password after a stop (profile and scenes persist). */
  restart(): Promise<void>;
}

const INSTALL_HINT =
  'Install them with: apt-get update && apt-get install -y obs-studio xvfb xauth libgl1-mesa-dri (or run scripts/install-test-deps.sh).';

export function assertObsInstalled(): void {
  for (const bin of ['obs', 'xvfb-run']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) {
      throw new Error(`End-to-end tests need a real OBS Studio under Xvfb, but "${bin}" is not installed. ${INSTALL_HINT}`);
    }
  }
}

function writeGlobalIni(home: string, port: number, password: string): void {
  const dir = path.join(home, '.config', 'obs-studio');
  mkdirSync(dir, { recursive: true });
  // FirstRun=true means "already ran": otherwise OBS opens its auto-config wizard and outputs silently fail.
  writeFileSync(
    path.join(dir, 'global.ini'),
    [
      '[General]',
      'FirstRun=true',
      '',
      '[OBSWebSocket]',
      'FirstLoad=false',
      'ServerEnabled=true',
      `ServerPort=${port}`,
      'AlertsEnabled=false',
      'AuthRequired=true',
      `ServerPassword=${password}`,
      '',
    ].join('\n'),
  );
}

async function waitForWebsocket(url: string, password: string, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const client = new OBSWebSocket();
    try {
      await client.connect(url, password);
      await client.disconnect();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`OBS did not accept a websocket connection within ${timeoutMs} ms (${lastError}); see ${logFile}`);
}

/** Start a real OBS Studio with its own HOME, port and generated password, under Xvfb. */
export async function startHeadlessObs(scratch = mkdtempSync(path.join(tmpdir(), 'cuedeck-obs-'))): Promise<HeadlessObs> {
  assertObsInstalled();
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const home = path.join(scratch, 'home');
  writeGlobalIni(home, port, password);
  const url = `ws://127.0.0.1:${port}`;
  const logFile = path.join(scratch, 'obs.log');
  let child: ChildProcess | undefined;

  const kill = async () => {
    const pid = child?.pid;
    if (pid === undefined) return;
    const exited = new Promise<void>((resolve) => {
      if (child?.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    child = undefined;
    // xvfb-run leaves its temp folder behind when killed.
    for (const entry of readdirSync(path.join(scratch, 'tmp'))) {
      if (entry.startsWith('xvfb-run.')) rmSync(path.join(scratch, 'tmp', entry), { recursive: true, force: true });
    }
  };

  const launch = async () => {
    const xvfbTmp = path.join(scratch, 'tmp');
    mkdirSync(xvfbTmp, { recursive: true });
    child = spawn(
      'sh',
      ['-c', `exec xvfb-run -a -s "-screen 0 1280x720x24" obs --multi --minimize-to-tray --disable-shutdown-check --disable-updater >>"${logFile}" 2>&1`],
      // --multi: another OBS on the machine would otherwise raise a modal "already running" dialog and hang.
      // detached = setsid: OBS, Xvfb and xvfb-run share one process group we can kill as a whole.
      { env: { ...process.env, HOME: home, TMPDIR: xvfbTmp }, detached: true, stdio: 'ignore' },
    );
    try {
      await waitForWebsocket(url, password, 30_000, logFile);
    } catch (error) {
      await kill(); // never leave a half-started OBS behind
      throw error;
    }
  };

  await launch();
  return {
    url,
    password,
    port,
    home,
    get pgid() {
      return child?.pid ?? -1;
    },
    stop: kill,
    restart: launch,
  };
}
