import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * A minimal relay speaking the TikTok-Chat-Reader protocol, written for the tests: a client joins with
 * setUniqueId, then gets whatever the test emits. It can be stopped and started again on the same port.
 */
export class TestTikTokRelay {
  readonly port: number;
  #io: Server | null = null;

  private constructor(port: number) {
    this.port = port;
  }

  static async start(port: number): Promise<TestTikTokRelay> {
    const relay = new TestTikTokRelay(port);
    await relay.up();
    return relay;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const http = createServer();
    const io = new Server(http, { cors: { origin: '*' } });
    io.on('connection', (socket) => {
      socket.on('setUniqueId', (uniqueId: unknown) => {
        void socket.join('room');
        socket.emit('tiktokConnected', { roomId: `room-${String(uniqueId)}` });
      });
    });
    await new Promise<void>((resolve) => http.listen(this.port, '127.0.0.1', resolve));
    this.#io = io;
  }

  /** Send to every joined client (the raw payload, however malformed). */
  emit(event: string, ...args: unknown[]): void {
    this.#io?.to('room').emit(event, ...args);
  }

  async joined(): Promise<number> {
    return (await this.#io?.in('room').fetchSockets())?.length ?? 0;
  }

  async down(): Promise<void> {
    const io = this.#io;
    this.#io = null;
    if (io) await new Promise<void>((resolve) => void io.close(() => resolve()));
  }
}
