import type { Thumbnail, ThumbnailTarget } from '../../../../shared/protocol/index.ts';

/** The engine sends a picture every half second; one older than this means the feed has stalled. */
export const THUMBNAIL_STALE_MS = 3_000;

/** Only JPEG / PNG / WebP data URLs go into an <img>: anything else from the wire is not shown. */
export function isSafeImageUrl(url: string): boolean {
  return /^data:image\/(jpeg|jpg|png|webp);base64,[A-Za-z0-9+/=\s]+$/.test(url);
}

export type MonitorPicture =
  | { kind: 'image'; src: string; sceneName: string; stale: boolean }
  | { kind: 'placeholder'; reason: 'offline' | 'no_scene' | 'waiting' };

/**
 * What a monitor shows. The last picture of the scene it should show, marked stale when old; a picture of
 * another scene (we just switched) counts as stale too, until the new one arrives.
 */
export function monitorPicture(thumbnail: Thumbnail | null, sceneName: string | null, obsConnected: boolean, engineNow: number): MonitorPicture {
  if (!obsConnected) return { kind: 'placeholder', reason: 'offline' };
  if (sceneName === null) return { kind: 'placeholder', reason: 'no_scene' };
  if (thumbnail === null || !isSafeImageUrl(thumbnail.dataUrl)) return { kind: 'placeholder', reason: 'waiting' };
  const stale = thumbnail.sceneName !== sceneName || engineNow - thumbnail.at > THUMBNAIL_STALE_MS;
  return { kind: 'image', src: thumbnail.dataUrl, sceneName: thumbnail.sceneName, stale };
}

/** The pictures this view wants: program always, preview only in studio mode; none while hidden. */
export function thumbnailTargets(studioMode: boolean, visible: boolean): ThumbnailTarget[] {
  if (!visible) return [];
  return studioMode ? ['program', 'preview'] : ['program'];
}
