import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { Platform } from '../../../shared/feeds/events.ts';
import { RingBuffer } from '../../../shared/feeds/ring-buffer.ts';
import { SetUniqueIdArgs, TIKTOK_CLIENT_HELLO, TIKTOK_SET_UNIQUE_ID } from '../../../shared/feeds/tiktok-protocol.ts';
import { AudienceModel } from './audience.ts';
import { encodeCuedeck, encodeTikTok, type WireMessage } from './encode.ts';
import type { FlashSaleOptions, FlashSaleReport } from './flash-sale.ts';
import type { SimMessage, SimMessageKind } from './messages.ts';
import type { ViewerCurve } from './viewer-curve.ts';

/** `auto`: a client that emits setUniqueId gets the TikTok-Chat-Reader protocol, any other the Cuedeck one. */
export type SimulatorProtocol = 'auto' | 'cuedeck' | 'tiktok';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Messages per second; viewer counts, flash-sale orders and refunds come on top. */
  rate?: number;
  seed?: number;
  protocol?: SimulatorProtocol;
  /** Emission period; each tick sends everything due in one batch. */
  tickMs?: number;
  /** Platform named in Cuedeck-protocol messages. */
  platform?: Platform;
  /** Virtual clock at the start; fix it to make message times reproducible. */
  startTime?: number;
  /** Start generating at once (default), or wait for start() so a client can connect first. */
  autoStart?: boolean;
  /** Messages kept for replay after a restart. */
  historySize?: number;
  curve?: Partial<ViewerCurve>;
}

export interface RestartOptions {
  /** Resend the last N messages to every client that reconnects (as a restarted relay replaying its buffer does). */
  resend?: number;
  /** How long the relay stays unreachable. */
  downMs?: number;
}

export interface SimulatorStats {
  running: boolean;
  virtualTime: number;
  generated: number;
  byKind: Partial<Record<SimMessageKind, number>>;
  clients: { cuedeck: number; tiktok: number; pending: number };
  restarts: number;
  flashSales: FlashSaleReport[];
}

const ROOMS = { cuedeck: 'cuedeck', tiktok: 'tiktok' } as const;
/** After a step stall (debugger, suspended laptop), do not fire minutes of backlog at once. */
const MAX_CATCH_UP_STEPS = 50;
const REPLAY_WINDOW_MS = 10_000;
const ClientHello = z.object({ protocol: z.string().max(64) });

/**
 * The built-in audience: a socket.io relay that speaks both Cuedeck's protocol and TikTok-Chat-Reader's, fed by
 * a seeded AudienceModel. Ticks advance virtual time in fixed steps (catching up with the wall clock), so the
 * content is the same for a given seed however the event loop is scheduled.
 */
export class AudienceSimulator {
  readonly model: AudienceModel;
  readonly host: string;
  readonly #http: HttpServer;
  readonly #io: Server;
  readonly #options: Required<Pick<SimulatorOptions, 'protocol' | 'tickMs' | 'platform'>>;
  readonly #history: RingBuffer<SimMessage>;
  readonly #byKind: Partial<Record<SimMessageKind, number>> = {};
  readonly #sales: { report(): FlashSaleReport }[] = [];
  #port = 0;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #realBase = 0;
  #steps = 0;
  #generated = 0;
  #restarts = 0;
  #restarting: Promise<void> | null = null;
  #replay: { messages: SimMessage[]; until: number } | null = null;

  private constructor(options: SimulatorOptions) {
    const seed = options.seed ?? 1;
    this.host = options.host ?? '127.0.0.1';
    this.#options = { protocol: options.protocol ?? 'auto', tickMs: clamp(options.tickMs ?? 20, 5, 1000), platform: options.platform ?? 'douyin' };
    this.model = new AudienceModel({ seed, startTime: options.startTime ?? Date.now(), rate: Math.max(0, options.rate ?? 50), curve: options.curve ?? {} });
    this.#history = new RingBuffer(Math.max(1, options.historySize ?? 2000));
    this.#http = createServer();
    this.#io = new Server(this.#http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
    this.#io.on('connection', (socket) => this.#onConnection(socket));
  }

  static async start(options: SimulatorOptions = {}): Promise<AudienceSimulator> {
    const sim = new AudienceSimulator(options);
    sim.#port = await listen(sim.#http, options.port ?? 0, sim.host);
    sim.#timer = setInterval(() => sim.#tick(), sim.#options.tickMs);
    if (options.autoStart ?? true) sim.start();
    return sim;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.#port}`;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#realBase = performance.now() - this.#steps * this.#options.tickMs;
  }

  pause(): void {
    this.#running = false;
  }

  setRate(rate: number): void {
    this.model.setRate(rate);
  }

  /** Opens a flash sale now; the rush of orders follows over the next ticks. */
  flashSale(options: FlashSaleOptions): { report(): FlashSaleReport } {
    const sale = this.model.flashSale(options);
    this.#sales.push(sale);
    return sale;
  }

  endStream(): void {
    this.#broadcast([this.model.endStream()]);
  }

  /**
   * Simulates a relay process restart: drops every client (they see a transport close), refuses connections for
   * `downMs` while the show goes on unseen, then listens again and resends the last `resend` messages to each
   * client that comes back.
   */
  restart({ resend = 0, downMs = 300 }: RestartOptions = {}): Promise<void> {
    this.#restarting ??= this.#restart(resend, downMs).finally(() => {
      this.#restarting = null;
    });
    return this.#restarting;
  }

  /** Sends anything to every client, as a broken or hostile relay might. */
  emitRaw(event: string, ...args: unknown[]): void {
    this.#io.emit(event, ...args);
  }

  stats(): SimulatorStats {
    const size = (room: string) => this.#io.sockets.adapter.rooms.get(room)?.size ?? 0;
    const cuedeck = size(ROOMS.cuedeck);
    const tiktok = size(ROOMS.tiktok);
    return {
      running: this.#running,
      virtualTime: this.model.now,
      generated: this.#generated,
      byKind: { ...this.#byKind },
      clients: { cuedeck, tiktok, pending: this.#io.sockets.sockets.size - cuedeck - tiktok },
      restarts: this.#restarts,
      flashSales: this.#sales.map((s) => s.report()),
    };
  }

  async close(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#restarting;
    await this.#io.close();
  }

  #tick(): void {
    if (!this.#running) return;
    const { tickMs } = this.#options;
    let due = Math.floor((performance.now() - this.#realBase) / tickMs) - this.#steps;
    if (due > MAX_CATCH_UP_STEPS) {
      this.#realBase += (due - MAX_CATCH_UP_STEPS) * tickMs;
      due = MAX_CATCH_UP_STEPS;
    }
    for (let i = 0; i < due; i++) {
      this.#steps += 1;
      this.#broadcast(this.model.advance(tickMs));
    }
  }

  #broadcast(messages: SimMessage[]): void {
    if (messages.length === 0) return;
    const rooms = this.#io.sockets.adapter.rooms;
    const toCuedeck = this.#io.to(ROOMS.cuedeck);
    const toTikTok = this.#io.to(ROOMS.tiktok);
    const cuedeckListening = (rooms.get(ROOMS.cuedeck)?.size ?? 0) > 0;
    const tiktokListening = (rooms.get(ROOMS.tiktok)?.size ?? 0) > 0;
    for (const m of messages) {
      this.#history.push(m);
      this.#generated += 1;
      this.#byKind[m.kind] = (this.#byKind[m.kind] ?? 0) + 1;
      if (cuedeckListening) send(encodeCuedeck(m, this.#options.platform), (w) => toCuedeck.emit(w.event, ...w.args));
      if (tiktokListening) send(encodeTikTok(m), (w) => toTikTok.emit(w.event, ...w.args));
    }
  }

  #onConnection(socket: Socket): void {
    const { protocol } = this.#options;
    const hello = ClientHello.safeParse(socket.handshake.auth);
    const announcedTikTok = hello.success && hello.data.protocol === TIKTOK_CLIENT_HELLO.protocol;
    // A client that announced TikTok (or any client of a TikTok-only relay) waits for setUniqueId, like the real relay.
    if (protocol === 'cuedeck' || (protocol === 'auto' && !announcedTikTok)) this.#join(socket, 'cuedeck');

    socket.on(TIKTOK_SET_UNIQUE_ID, (...args: unknown[]) => {
      if (protocol === 'cuedeck') {
        socket.emit('tiktokDisconnected', 'This relay speaks the Cuedeck protocol.');
        return;
      }
      const parsed = SetUniqueIdArgs.safeParse(args.slice(0, 2));
      if (!parsed.success) {
        socket.emit('tiktokDisconnected', 'Invalid uniqueId');
        return;
      }
      void socket.leave(ROOMS.cuedeck);
      socket.emit('tiktokConnected', { roomId: `sim-${this.model.seed}-${parsed.data[0]}`, isConnected: true });
      this.#join(socket, 'tiktok');
    });
  }

  #join(socket: Socket, protocol: 'cuedeck' | 'tiktok'): void {
    void socket.join(ROOMS[protocol]);
    const replay = this.#replay;
    if (!replay || performance.now() > replay.until) return;
    for (const m of replay.messages) {
      send(protocol === 'cuedeck' ? encodeCuedeck(m, this.#options.platform) : encodeTikTok(m), (w) => socket.emit(w.event, ...w.args));
    }
  }

  async #restart(resend: number, downMs: number): Promise<void> {
    this.#restarts += 1;
    // What clients had already received: resending it is what makes duplicates.
    const messages = resend > 0 ? this.#history.toArray().slice(-resend) : [];
    const closed = new Promise<void>((resolve) => this.#http.close(() => resolve()));
    // Drop every engine.io client (clients see "transport close" and retry) and any idle HTTP connection.
    for (const socket of this.#io.sockets.sockets.values()) socket.conn.close();
    this.#http.closeAllConnections();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.#replay = messages.length > 0 ? { messages, until: performance.now() + REPLAY_WINDOW_MS } : null;
    await listen(this.#http, this.#port, this.host);
  }
}

export function startSimulator(options: SimulatorOptions = {}): Promise<AudienceSimulator> {
  return AudienceSimulator.start(options);
}

function send(message: WireMessage | null, emit: (w: WireMessage) => void): void {
  if (message) emit(message);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function listen(server: HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
