import type { Thumbnail, ThumbnailTarget } from '../../../../shared/protocol/index.ts';
import type { Logger } from '../../log.ts';
import type { StateHub } from '../../state/state-hub.ts';
import { errorText, type ObsClient } from './obs-client.ts';

export const THUMBNAIL_INTERVAL_MS = 500;
const WIDTH = 320;

/**
 * Program / preview pictures at a modest rate, and only while some view shows them: a hidden panel costs
 * OBS nothing.
 */
export class ThumbnailFeed {
  readonly #hub: StateHub;
  readonly #client: () => ObsClient | null;
  readonly #publish: (thumbnail: Thumbnail) => void;
  readonly #log: Logger;
  #demand = new Set<ThumbnailTarget>();
  #timer: NodeJS.Timeout | null = null;
  #busy = false;
  #lastError = '';

  constructor(deps: { hub: StateHub; client: () => ObsClient | null; publish: (t: Thumbnail) => void; log: Logger }) {
    this.#hub = deps.hub;
    this.#client = deps.client;
    this.#publish = deps.publish;
    this.#log = deps.log;
  }

  setDemand(targets: ReadonlySet<ThumbnailTarget>): void {
    this.#demand = new Set(targets);
    if (this.#demand.size > 0 && !this.#timer) {
      this.#timer = setInterval(() => void this.#tick(), THUMBNAIL_INTERVAL_MS);
      void this.#tick();
    } else if (this.#demand.size === 0 && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  stop(): void {
    this.setDemand(new Set());
  }

  async #tick(): Promise<void> {
    const client = this.#client();
    if (this.#busy || !client) return;
    this.#busy = true;
    try {
      const obs = this.#hub.state.obs;
      for (const target of this.#demand) {
        const sceneName = target === 'program' ? obs.programScene : obs.studioMode ? obs.previewScene : null;
        if (!sceneName) continue;
        const shot = await client.call('GetSourceScreenshot', { sourceName: sceneName, imageFormat: 'jpg', imageWidth: WIDTH, imageCompressionQuality: 70 });
        this.#publish({ target, sceneName, dataUrl: shot.imageData, at: Date.now() });
      }
      this.#lastError = '';
    } catch (error) {
      const text = errorText(error);
      if (text !== this.#lastError) this.#log.warn(`OBS thumbnail failed: ${text}`); // once per distinct failure
      this.#lastError = text;
    } finally {
      this.#busy = false;
    }
  }
}
