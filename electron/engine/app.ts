import { createServer } from 'node:http';
import { z } from 'zod';
import { PROTOCOL_VERSION, API_PREFIX } from '../../shared/protocol/index.ts';
import type { EngineConfig } from './config/args.ts';
import { openDatabase } from './db/database.ts';
import { createDispatcher } from './dispatch/dispatcher.ts';
import { ObsConnectionSettings } from './domains/obs/obs-connection-settings.ts';
import { ObsService } from './domains/obs/obs-service.ts';
import { SettingsRepository } from './domains/settings/settings-repository.ts';
import { ShowService } from './domains/show/show-service.ts';
import { createApiHandler } from './http/api.ts';
import { generateToken } from './http/auth.ts';
import { listenWithFallback } from './http/listen.ts';
import { createStaticHandler, findRendererDir } from './http/static-files.ts';
import type { Logger } from './log.ts';
import type { SecretVault } from './secrets/secret-vault.ts';
import { attachSocketGateway } from './socket/gateway.ts';
import { NoticeBus } from './state/notices.ts';
import { StateHub } from './state/state-hub.ts';
import { ENGINE_VERSION } from './version.ts';

export interface EngineDeps {
  config: EngineConfig;
  vault: SecretVault;
  log: Logger;
  engineDir: string;
}

export interface RunningEngine {
  url: string;
  /** URL to open from another machine (LAN mode), token included. */
  lanUrl: string | undefined;
  port: number;
  token: string;
  stop(): Promise<void>;
}

/** The access token: fixed by config, else generated once and kept so bookmarked LAN URLs keep working. */
function resolveToken(settings: SettingsRepository, configured: string | undefined): string {
  if (configured) return configured;
  const stored = settings.read('engine.token', z.string().min(16), '');
  if (stored) return stored;
  const token = generateToken();
  settings.write('engine.token', token);
  return token;
}

/** Composition root: builds every service, wires them to one dispatcher, and serves HTTP + socket.io. */
export async function startEngine({ config, vault, log, engineDir }: EngineDeps): Promise<RunningEngine> {
  const db = openDatabase({ dataDir: config.dataDir });
  const settings = new SettingsRepository(db);
  const token = resolveToken(settings, config.token);
  const notices = new NoticeBus();

  const hub = new StateHub({
    engine: { version: ENGINE_VERSION, protocolVersion: PROTOCOL_VERSION, startedAt: Date.now(), lan: config.lan, host: config.host, port: 0, requestedPort: config.port },
    obs: { connection: { url: '', hasPassword: false }, status: { phase: 'offline', since: Date.now(), reason: 'not_configured' }, scenes: [], programScene: null },
    show: { title: '' },
  });
  const obs = new ObsService({ hub, notices, settings: new ObsConnectionSettings(settings, vault), log });
  const show = new ShowService(hub, settings);
  hub.set({ obs: obs.initialState(), show: show.initialState() });

  const dispatch = createDispatcher(
    {
      'obs.configure': (c) => {
        // Answer once saved; the connection's progress arrives as status patches.
        void obs.configure(c.url, c.password, false).then(() => (c.connect ? obs.connect() : undefined));
      },
      'obs.connect': () => void obs.connect(),
      'obs.disconnect': () => obs.disconnect(),
      'obs.setProgramScene': (c) => obs.setProgramScene(c.sceneName),
      'show.setTitle': (c) => show.setTitle(c.title),
    },
    log,
  );

  const rendererDir = findRendererDir(engineDir, config.rendererDir);
  if (!rendererDir) log.warn('The UI is not built (no dist/renderer/index.html): run `npm run build`.');
  const serveStatic = createStaticHandler(rendererDir, token);
  const handleApi = createApiHandler({ token, dispatch, hub });

  const httpServer = createServer((req, res) => {
    const handler = (req.url ?? '/').startsWith(`${API_PREFIX}/`) || req.url === API_PREFIX ? handleApi : serveStatic;
    handler(req, res).catch((error: unknown) => {
      log.error(`HTTP ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const gateway = attachSocketGateway({ httpServer, token, hub, notices, dispatch });

  const { port, fellBack } = await listenWithFallback(httpServer, config.port, config.host);
  if (fellBack) {
    log.warn(`Port ${config.port} is already in use (another Cuedeck or another program); serving on port ${port} instead.`);
  }
  hub.set({ engine: { ...hub.state.engine, port } });
  obs.start();

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    lanUrl: config.lan ? `http://<this-machine's-address>:${port}/?token=${token}` : undefined,
    port,
    token,
    async stop() {
      await obs.stop();
      await gateway.close();
      db.close();
    },
  };
}
