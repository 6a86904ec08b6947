import { TestRelay } from './test-relay.ts';

/** A minimal relay speaking the TikTok-Chat-Reader protocol: a client joins with setUniqueId. */
export class TestTikTokRelay extends TestRelay {
  private constructor(port: number) {
    super(port, (socket) => {
      socket.on('setUniqueId', (uniqueId: unknown) => {
        void socket.join('room');
        socket.emit('tiktokConnected', { roomId: `room-${String(uniqueId)}` });
      });
    });
  }

  static async start(port: number): Promise<TestTikTokRelay> {
    const relay = new TestTikTokRelay(port);
    await relay.up();
    return relay;
  }
}
