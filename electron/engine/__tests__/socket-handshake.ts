import { io } from 'socket.io-client';

/** Opens a socket.io connection once and answers 'connected' or the engine's refusal (e.g. 'unauthorized'). */
export function handshake(url: string, auth: object, extraHeaders?: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, extraHeaders });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
