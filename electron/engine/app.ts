import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import { API_PREFIX, PROTOCOL_VERSION, type Thumbnail } from '../../shared/protocol/index.ts';
import type { EngineConfig } from './config/args.ts';
import { openDatabase } from './db/database.ts';
import { createDispatcher, type Dispatch } from './dispatch/dispatcher.ts';
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
  /** URLs to open from other machines (LAN mode only), token included. */
  lanUrls: string[];
  port: number;
  token: string;
  dispatch: Dispatch;
  stop(): Promise<void>;
}

/** Addresses other machines can use to reach a server bound to `host`. */
function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
    .map((i) => i?.address ?? '');
  return addresses.length > 0 ? addresses : ['<this-machine>'];
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
    ...ObsService.placeholderSlices(),
    show: { title: '' },
  });
  // Thumbnails go only to the views that asked for them; the gateway exists once the server does.
  let publishThumbnail: (thumbnail: Thumbnail) => void = () => undefined;
  const obs = new ObsService({
    hub,
    notices,
    connectionSettings: new ObsConnectionSettings(settings, vault),
    settings,
    log,
    publishThumbnail: (t) => publishThumbnail(t),
  });
  const show = new ShowService(hub, settings);
  hub.set({ ...obs.initialSlices(), show: show.initialState() });

  const dispatch = createDispatcher({ ...obs.handlers(), 'show.setTitle': (c) => show.setTitle(c.title) }, log);

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
  const gateway = attachSocketGateway({ httpServer, token, hub, notices, dispatch, onThumbnailDemand: (targets) => obs.setThumbnailDemand(targets) });
  publishThumbnail = gateway.publishThumbnail;

  const { port, fellBack } = await listenWithFallback(httpServer, config.port, config.host);
  if (fellBack) {
    log.warn(`Port ${config.port} is already in use (another Cuedeck or another program); serving on port ${port} instead.`);
  }
  hub.set({ engine: { ...hub.state.engine, port } });
  obs.start();

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    lanUrls: config.lan ? lanAddresses(config.host).map((address) => `http://${address}:${port}/producer?token=${token}`) : [],
    port,
    token,
    dispatch,
    async stop() {
      await obs.stop();
      await gateway.close();
      db.close();
    },
  };
}
