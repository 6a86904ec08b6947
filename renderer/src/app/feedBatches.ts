import type { FeedEvent } from '../../../shared/feeds/events.ts';
import { useFeeds } from '../features/feeds/feedsStore.ts';
import { useEngineState } from '../stores/engineState.ts';
import type { CuedeckSocket } from './socket.ts';

let samplingViewers = false;

/** Feeds the viewer curve from the state's metrics (sent about once a second); set up once per page. */
function startViewerSampling(): void {
  if (samplingViewers) return;
  samplingViewers = true;
  useEngineState.subscribe((s, prev) => {
    const metrics = s.state?.feeds.metrics;
    if (metrics !== undefined && metrics !== prev.state?.feeds.metrics) useFeeds.getState().sampleMetrics(metrics);
  });
}

/**
 * Puts every `feed.batch` of `socket` into the feeds store, one store update per batch. The first batch after each
 * (re)connect is the engine's backlog and replaces what the page held. Returns a function that stops listening.
 */
export function attachFeedBatches(socket: CuedeckSocket): () => void {
  startViewerSampling();
  const onBatch = (batch: { events: FeedEvent[]; backlog: boolean }) => {
    if (typeof batch !== 'object' || batch === null || !Array.isArray(batch.events)) return;
    useFeeds.getState().receiveBatch({ events: batch.events, backlog: batch.backlog === true });
  };
  socket.on('feed.batch', onBatch);
  return () => {
    socket.off('feed.batch', onBatch);
  };
}
