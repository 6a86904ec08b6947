import { useEffect, useSyncExternalStore } from 'react';
import { watchThumbnails } from '../../app/connection.ts';
import { thumbnailTargets } from './thumbnailView.ts';

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible');
}

/**
 * Asks the engine for the program (and in studio mode preview) pictures while this component is mounted and the
 * page is visible; asks for none when hidden or unmounted, so OBS takes no screenshots nobody sees.
 */
export function useThumbnailWatch(studioMode: boolean): void {
  const visible = usePageVisible();
  // Changing the targets must not pass through "none": that would drop the program picture for a moment.
  useEffect(() => {
    watchThumbnails(thumbnailTargets(studioMode, visible));
  }, [studioMode, visible]);
  useEffect(() => () => watchThumbnails([]), []);
}
