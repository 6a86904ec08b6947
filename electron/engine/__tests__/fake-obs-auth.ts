/**
 * Just enough of an obs-websocket 5 server to refuse a password: completes the WebSocket handshake (subprotocol
 * obswebsocket.json), sends Hello with an authentication challenge, reads the client's Identify and closes
 * with 4009 (authentication failed), as OBS does for a wrong password. No dependency beyond node:.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OBS_AUTH_FAILED = 4009;

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** Payload of the first complete client frame in `data` (clients always mask), or undefined if incomplete. */
function readClientFrame(data: Buffer): Buffer | undefined {
  if (data.length < 2) return undefined;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  if (data.length < offset + 4 + length) return undefined;
  const mask = data.subarray(offset, offset + 4);
  return Buffer.from(data.subarray(offset + 4, offset + 4 + length).map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
}

export interface FakeObs {
  url: string;
  /** Identify messages the clients sent (their authentication strings), as text. */
  identifies: string[];
  close(): Promise<void>;
}

export async function startFakeObsRefusingAuth(): Promise<FakeObs> {
  const identifies: string[] = [];
  const sockets = new Set<Duplex>();
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}${WS_GUID}`).digest('base64');
    socket.write(
      ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, 'Sec-WebSocket-Protocol: obswebsocket.json', '', ''].join('\r\n'),
    );
    const hello = { op: 0, d: { obsWebSocketVersion: '5.5.0', rpcVersion: 1, authentication: { challenge: randomBytes(16).toString('base64'), salt: randomBytes(16).toString('base64') } } };
    socket.write(frame(0x1, Buffer.from(JSON.stringify(hello))));
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const payload = readClientFrame(received);
      if (!payload) return;
      identifies.push(payload.toString('utf8'));
      const reason = Buffer.from('Authentication failed.');
      const code = Buffer.alloc(2);
      code.writeUInt16BE(OBS_AUTH_FAILED);
      socket.end(frame(0x8, Buffer.concat([code, reason])));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    identifies,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
