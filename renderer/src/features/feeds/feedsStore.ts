import { create } from 'zustand';
import type { MetricsSnapshot } from '../../../../shared/feeds/metrics.ts';
import { EMPTY_FEED_BUFFER, applyFeedBatch, type FeedBatch, type FeedBuffer } from './feedBuffer.ts';
import { EMPTY_VIEWER_SERIES, sampleViewers, type ViewerSeries } from './viewerSeries.ts';

type BatchListener = (batch: FeedBatch) => void;
const batchListeners = new Set<BatchListener>();

/**
 * Every `feed.batch` as it arrives, all event types included (the buffer keeps only the shown ones): member badges
 * and VIP arrivals read accounts from here. Returns a function that stops listening.
 */
export function onFeedBatch(listener: BatchListener): () => void {
  batchListeners.add(listener);
  return () => {
    batchListeners.delete(listener);
  };
}

interface FeedsStore extends FeedBuffer {
  viewerSeries: ViewerSeries;
  /** One store update per `feed.batch`, whatever its size. */
  receiveBatch: (batch: FeedBatch) => void;
  /** Called with the state's metrics as they change (about once a second). */
  sampleMetrics: (metrics: MetricsSnapshot) => void;
}

/**
 * Feed events this page holds (comments, orders, gifts), bounded, fed by `feed.batch`; plus the viewer curve
 * sampled from the engine's metrics. Kept across disconnects; the backlog of the next connect replaces it.
 */
export const useFeeds = create<FeedsStore>()((set, get) => ({
  ...EMPTY_FEED_BUFFER,
  viewerSeries: EMPTY_VIEWER_SERIES,
  receiveBatch: (batch) => {
    const prev = get();
    const next = applyFeedBatch(prev, batch);
    if (next !== prev) set(next);
    for (const listener of batchListeners) listener(batch);
  },
  sampleMetrics: (metrics) => {
    const prev = get().viewerSeries;
    const next = sampleViewers(prev, metrics);
    if (next !== prev) set({ viewerSeries: next });
  },
}));
