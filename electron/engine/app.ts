import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import type { FeedEvent } from '../../shared/feeds/events.ts';
import type { FeedBackResult } from '../../shared/members/feedback.ts';
import { API_PREFIX, PROTOCOL_VERSION, type Thumbnail } from '../../shared/protocol/index.ts';
import { FeedsService } from './domains/feeds/feeds-service.ts';
import { SessionLog } from './domains/sessions/session-log.ts';
import { SessionRepository } from './domains/sessions/session-repository.ts';
import { StateRecorder } from './domains/sessions/state-recorder.ts';
import { placeholderState } from './state/initial-state.ts';
import type { EngineConfig } from './config/args.ts';
import { WalCheckpointer } from './db/checkpointer.ts';
import { databaseFile, openDatabase } from './db/database.ts';
import { StorageAlarm } from './db/storage-alarm.ts';
import { isStorageError, storageErrorMessage } from './db/storage-errors.ts';
import { WriteBehind, type WriteChange } from './db/write-behind.ts';
import { CommandFailure } from './dispatch/command-failure.ts';
import { createDispatcher, type Dispatch } from './dispatch/dispatcher.ts';
import { ObsConnectionSettings } from './domains/obs/obs-connection-settings.ts';
import { ObsService } from './domains/obs/obs-service.ts';
import { SettingsRepository } from './domains/settings/settings-repository.ts';
import { loadDefaultBannedWords } from './domains/show/banned-words.ts';
import { loadSampleShow } from './domains/show/sample-show.ts';
import { RunService } from './domains/show/run-service.ts';
import { ShowService } from './domains/show/show-service.ts';
import { ShowStore } from './domains/show/show-store.ts';
import { createApiHandler, sendError } from './http/api.ts';
import { createSessionsRoutes } from './http/sessions-api.ts';
import { MemberRepository } from './domains/members/member-repository.ts';
import { MembersService } from './domains/members/member-service.ts';
import { createMembersRoutes } from './domains/members/members-api.ts';
import { SessionAudienceReader } from './domains/members/session-audience.ts';
import { feedBackInWorker } from './domains/members/feedback-in-worker.ts';
import { generateToken, pathForLog } from './http/auth.ts';
import { AccessGuard, type AccessLimits } from './http/rate-limit.ts';
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
  /** Tests only: other rate limits than the defaults, and whether loopback is exempt from the wrong-token lockout. */
  access?: { limits?: Partial<AccessLimits>; lockOutLoopback?: boolean };
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
export async function startEngine({ config, vault, log, engineDir, access }: EngineDeps): Promise<RunningEngine> {
  const db = openDatabase({ dataDir: config.dataDir });
  const checkpointer = new WalCheckpointer({ db, file: databaseFile(config.dataDir), onProblem: (message) => log.warn(message) });
  const settings = new SettingsRepository(db);
  const token = resolveToken(settings, config.token);
  const notices = new NoticeBus();

  const hub = new StateHub(
    placeholderState({ version: ENGINE_VERSION, protocolVersion: PROTOCOL_VERSION, startedAt: Date.now(), lan: config.lan, host: config.host, port: 0, requestedPort: config.port }),
  );
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
  // The session log and the run state must never stall or stop the show: they reach the database through one
  // write-behind queue that holds them (in order, bounded) while the database refuses writes.
  // Reported on a microtask: a write can fail inside a state listener (a session begins as the run starts), and
  // the hub must not publish a new revision while it is still handing out the previous one.
  const writer = new WriteBehind({ db, log, onChange: (change) => queueMicrotask(() => storageChanged(change)) });
  const storageAlarm = new StorageAlarm({
    show: (failing) => hub.set({ storage: { failing } }),
    recovered: (change) => {
      if (change.dropped > 0) notices.publish('error', 'storage.dropped', { written: change.written, dropped: change.dropped });
      else notices.publish('info', 'storage.recovered', { written: change.written, seconds: Math.round(change.failedMs / 1000) });
    },
  });
  const storageChanged = (change: WriteChange) => storageAlarm.changed(change);
  const showStore = new ShowStore(settings, writer);
  const script = new ShowService(hub, showStore, loadDefaultBannedWords(engineDir));
  // The embedded default (a rehearsal against the simulator) starts from the sample show on a fresh install.
  const firstRunShow = config.simulateRate !== undefined ? loadSampleShow(engineDir, log) : undefined;
  hub.set({ ...obs.initialSlices(), ...script.initialSlices(firstRunShow) });
  const run = new RunService({ hub, store: showStore, script, stage: obs, notices, log });
  hub.set({ run: run.initialSlice() });
  script.setGuard((show) => run.checkEdit(show));
  const sessionRepo = new SessionRepository(db);
  // A broadcast's outcomes go into member records as soon as it ends (rehearsals never); set once members exist.
  let feedBackEnded: (sessionId: string) => void = () => undefined;
  const sessionLog = new SessionLog({
    repo: sessionRepo,
    settings,
    writer,
    log,
    onEnded: (session) => {
      if (session.kind === 'broadcast') feedBackEnded(session.id);
    },
  });
  const recorder = new StateRecorder(hub, sessionLog);
  const fedBack = (result: FeedBackResult) =>
    notices.publish('info', 'members.fed_back', { sessionId: result.sessionId, members: result.members, newMembers: result.newMembers });
  const members = new MembersService({
    repo: new MemberRepository(db),
    settings,
    log,
    onChange: (c) => {
      if (c.kind === 'feedBack') fedBack(c.result);
    },
  });
  members.startHourly();
  // A broadcast that just ended is fed back on a worker thread: the stream is often still live for the outro, and
  // the console must not stall for the seconds a large audience takes to write.
  /** Feed-backs under way, by session. */
  const feedBacks = new Map<string, Promise<void>>();
  feedBackEnded = (sessionId) => {
    // The worker holds the write lock for a moment: the engine's own work, not a fault for the banner.
    const released = storageAlarm.ownLock();
    const running = feedBackInWorker({ dataDir: config.dataDir, sessionId })
      .then((result) => {
        log.info(`Session ${sessionId} fed back: ${result.members} members (${result.newMembers} new), ${result.delta.orders} orders`);
        fedBack(result);
      })
      .catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        log.error(`Feeding session ${sessionId} back into member records failed: ${detail}`);
        notices.publish('error', 'members.feedback_failed', { detail });
      })
      .finally(() => {
        feedBacks.delete(sessionId);
        released();
      });
    feedBacks.set(sessionId, running);
  };
  const recovered = hub.state.run.recovered;
  if (recovered && sessionLog.current) sessionLog.record('recovered', recovered);
  // Feed batches go to every view; the gateway exists once the server does.
  let broadcastFeed: (events: FeedEvent[]) => void = () => undefined;
  const feeds = new FeedsService({
    hub,
    settings,
    notices,
    log,
    // What a view shows as received is already on disk, unless the database refuses writes: then the producer
    // still sees the audience live, with a banner saying how many events are held in memory until it is written.
    broadcast: (events) => {
      sessionLog.flush();
      broadcastFeed(events);
    },
    onEvent: (event) => recorder.feedEvent(event),
    isVip: (platform, userId) => members.tierOf(platform, userId) === 'vip',
    onOrder: (order) => run.recordOrder(order.sku, order.quantity, `${order.platform}:${order.userId}`),
  });
  hub.set({ feeds: feeds.initialState() });
  run.onSaleLive((sale) => feeds.simulateFlashSale(sale));

  const dispatch = createDispatcher(
    {
      ...obs.handlers(),
      ...members.handlers(),
      'show.setTitle': (c) => script.setTitle(c.title),
      'show.replace': (c) => script.replace(c.show),
      'show.import': (c) => script.import(c.format, c.text),
      'show.fromTemplate': (c) => script.fromTemplate(c.language),
      'run.start': (c) => run.begin(c.rehearsal, c.acknowledgeFlags),
      'run.next': () => run.next(),
      'run.previous': () => run.previous(),
      'run.jump': (c) => run.jump(c.index),
      'run.hold': () => run.hold(),
      'run.resume': () => run.resume(),
      'run.extend': (c) => run.extend(c.deltaMs),
      'run.end': () => run.end(),
      'run.reset': () => run.reset(),
      'run.setAutoAdvance': (c) => run.setAutoAdvance(c.enabled),
      'sale.open': (c) => run.openSale(c.planId),
      'sale.cancel': (c) => run.cancelSale(c.planId),
      'sale.record': (c) => run.recordSale(c.planId, c.quantity, c.buyerId),
      'feeds.add': (c) => feeds.add(c.config),
      'feeds.remove': (c) => feeds.remove(c.id),
      'simulator.start': (c) => feeds.startSimulator(c.rate, c.seed),
      'simulator.stop': () => feeds.stopSimulator(),
      'comment.pin': (c) => feeds.pin(c.eventId, c.comment),
      'comment.unpin': (c) => feeds.unpin(c.eventId),
      'comment.answered': (c) => feeds.markAnswered(c.eventId, c.answered),
      'feeds.setStreamerAlerts': (c) => feeds.setStreamerAlerts(c.enabled),
      'session.setCosts': (c) => {
        if (!sessionRepo.get(c.sessionId)) throw new CommandFailure('not_found', `There is no session "${c.sessionId}"`);
        sessionRepo.setCosts(c.sessionId, { amount: c.amount });
      },
    },
    log,
    (command, result) => {
      if (result.ok) recorder.command(command);
    },
  );

  const rendererDir = findRendererDir(engineDir, config.rendererDir);
  if (!rendererDir) log.warn('The UI is not built (no dist/renderer/index.html): run `npm run build`.');
  const serveStatic = createStaticHandler(rendererDir, token);
  const guard = new AccessGuard({ limits: access?.limits, ...(access?.lockOutLoopback ? { exemptFromLockout: () => false } : {}) });
  const audience = new SessionAudienceReader(db);
  const handleApi = createApiHandler({
    token,
    dispatch,
    hub,
    guard,
    routes: [createSessionsRoutes(sessionRepo, { audience, feedingBack: (id) => feedBacks.has(id), fedBack: (id) => audience.fedBackAt(id) !== null }), createMembersRoutes(members)],
  });

  const httpServer = createServer((req, res) => {
    // By path, query string aside: "/api/v1?token=…" is an API call too and must meet the token check.
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const handler = pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`) ? handleApi : serveStatic;
    handler(req, res).catch((error: unknown) => {
      if (isStorageError(error)) {
        log.warn(`HTTP ${req.method} ${pathForLog(req)} refused: the database did not accept the write: ${String(error)}`);
        if (!res.headersSent) sendError(res, 'storage_failed', storageErrorMessage(error));
        return;
      }
      log.error(`HTTP ${req.method} ${pathForLog(req)} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const gateway = attachSocketGateway({
    httpServer,
    token,
    guard,
    hub,
    notices,
    dispatch,
    onThumbnailDemand: (targets) => obs.setThumbnailDemand(targets),
    feedBacklog: () => feeds.backlog(),
  });
  publishThumbnail = gateway.publishThumbnail;
  broadcastFeed = gateway.broadcastFeed;

  const { port, fellBack } = await listenWithFallback(httpServer, config.port, config.host);
  if (fellBack) {
    log.warn(`Port ${config.port} is already in use (another Cuedeck or another program); serving on port ${port} instead.`);
  }
  hub.set({ engine: { ...hub.state.engine, port } });
  obs.start();
  run.start();
  feeds.start();
  // Promotions that ended while the engine was off, and tags of members fed back by an older version, are
  // settled now rather than at the first hourly recount (paged; the engine keeps serving meanwhile).
  members.recomputeTiers().catch((error: unknown) => log.error(`Tier recount at start failed: ${String(error)}`));
  if (config.simulateRate !== undefined) await feeds.startSimulator(config.simulateRate, 42);

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    lanUrls: config.lan ? lanAddresses(config.host).map((address) => `http://${address}:${port}/producer?token=${token}`) : [],
    port,
    token,
    dispatch,
    async stop() {
      run.stop();
      await feeds.stop();
      writer.close();
      await obs.stop();
      const closing = gateway.close();
      // A view polling every second keeps its keep-alive connection busy forever; close() alone would wait on it.
      httpServer.closeAllConnections();
      await closing;
      members.stop();
      // A feed-back under way finishes (it is one transaction either way) before the database closes.
      await Promise.all(feedBacks.values());
      await checkpointer.stop();
      db.close();
    },
  };
}
