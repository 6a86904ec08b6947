import { useClock } from '../stores/clock.ts';
import type { CuedeckSocket } from './socket.ts';

const BURST_PROBES = 5;
const PROBE_INTERVAL_MS = 30_000;
/** A probe slower than this would be a poor sample anyway. */
const PROBE_TIMEOUT_MS = 3_000;

function probe(socket: CuedeckSocket): Promise<void> {
  return new Promise((resolve) => {
    const sentAt = Date.now();
    socket.timeout(PROBE_TIMEOUT_MS).emit('clock.ping', (err, engineNow) => {
      if (err === null && typeof engineNow === 'number') {
        useClock.getState().addSample({ sentAt, engineNow, receivedAt: Date.now() });
      }
      resolve();
    });
  });
}

/**
 * On every (re)connect: a burst of probes one after another (so they do not queue behind each other and inflate the
 * round trip), then one probe every 30 s. Returns a function that stops it.
 */
export function attachClockSync(socket: CuedeckSocket): () => void {
  let interval: ReturnType<typeof setInterval> | undefined;
  let generation = 0; // bumps on each connect/disconnect so an old burst stops early

  const stop = () => {
    generation += 1;
    clearInterval(interval);
    interval = undefined;
  };

  const onConnect = () => {
    stop();
    const mine = generation;
    useClock.getState().resetSamples();
    void (async () => {
      for (let i = 0; i < BURST_PROBES && mine === generation; i++) await probe(socket);
    })();
    interval = setInterval(() => void probe(socket), PROBE_INTERVAL_MS);
  };

  socket.on('connect', onConnect);
  socket.on('disconnect', stop);
  return () => {
    stop();
    socket.off('connect', onConnect);
    socket.off('disconnect', stop);
  };
}
