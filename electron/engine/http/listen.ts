import type { Server } from 'node:http';

export interface ListenResult {
  port: number;
  /** True when the requested port was taken and another one is used. */
  fellBack: boolean;
}

function tryListen(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Listen on the requested port; if it is taken, the next few (predictable for bookmarks), then any free one.
 * Port 0 means "any free port" from the start.
 */
export async function listenWithFallback(server: Server, port: number, host: string): Promise<ListenResult> {
  const candidates = port === 0 ? [0] : [port, ...Array.from({ length: 9 }, (_, i) => port + 1 + i).filter((p) => p <= 65_535), 0];
  for (const candidate of candidates) {
    if (await tryListen(server, candidate, host)) {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : candidate;
      return { port: actual, fellBack: port !== 0 && actual !== port };
    }
  }
  throw new Error(`No free port found near ${port}`);
}
