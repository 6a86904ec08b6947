import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUILT_ENGINE = path.join(ROOT, 'dist/electron/engine/index.js');

export interface EngineProcess {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the engine printed, for assertions and for failure reports. */
  output(): string;
  stop(): Promise<number | null>;
  child: ChildProcess;
}

export interface EngineOptions {
  dataDir?: string;
  args?: string[];
}

/** The test runner's environment without CUEDECK_* settings, so each engine is configured by its arguments only. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CUEDECK_')));
}

/** Start the built engine on a free port with its own data folder; resolves when it prints its URL. */
export async function startEngineProcess(options: EngineOptions = {}): Promise<EngineProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cuedeck-data-'));
  const child = spawn(process.execPath, [BUILT_ENGINE, '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv(),
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Engine did not start within 15 s:\n${output}`)), 15_000);
    const onData = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/producer/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Engine exited with code ${String(code)} before starting:\n${output}`));
    });
  });

  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        // Already gone (a test may kill it with a signal, leaving exitCode null): nothing to wait for.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
