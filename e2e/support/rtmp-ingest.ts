import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';

const RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';

export interface RtmpIngest {
  /** rtmp://127.0.0.1:PORT/live — give OBS this as the server and any key. */
  server: string;
  stop(): Promise<void>;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`RTMP ingest did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** A private nginx with the RTMP module on loopback: a local stand-in for a platform's ingest. */
export async function startRtmpIngest(): Promise<RtmpIngest> {
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0 || !existsSync(RTMP_MODULE)) {
    throw new Error('Streaming tests need nginx with the RTMP module: apt-get install -y nginx libnginx-mod-rtmp');
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'cuedeck-rtmp-'));
  mkdirSync(path.join(scratch, 'logs'), { recursive: true });
  const port = await freePort();
  const conf = path.join(scratch, 'nginx.conf');
  writeFileSync(
    conf,
    [
      `load_module ${RTMP_MODULE};`,
      'worker_processes 1;',
      'daemon off;',
      `pid ${scratch}/nginx.pid;`,
      `error_log ${scratch}/logs/error.log info;`,
      'events { worker_connections 64; }',
      `rtmp { server { listen 127.0.0.1:${port}; application live { live on; record off; } } }`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('nginx', ['-c', conf, '-p', scratch, '-e', `${scratch}/logs/error.log`], { detached: true, stdio: 'ignore' });
  await waitForPort(port, 10_000);
  return {
    server: `rtmp://127.0.0.1:${port}/live`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}
