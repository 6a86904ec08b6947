import type { HealthThresholds, ObsHealthSample, ObsHealthState, ObsOutputsState } from '../../../../shared/protocol/index.ts';
import type { Logger } from '../../log.ts';
import { errorText, type ObsClient } from './obs-client.ts';
import { assessHealth, kbps, skippedPct, type FrameCounters } from './health-rules.ts';

export const HEALTH_INTERVAL_MS = 1000;

export const UNKNOWN_HEALTH: ObsHealthState = { level: 'green', findings: [], sample: null };

interface SamplerDeps {
  client: ObsClient;
  log: Logger;
  now: () => number;
  outputs: () => ObsOutputsState;
  thresholds: () => HealthThresholds;
  publish: (health: ObsHealthState) => void;
  /** Every sample, for the session log. */
  onSample?: (sample: ObsHealthSample) => void;
}

/**
 * Reads OBS's counters once a second while connected and turns the deltas into rates and lights. Stops itself
 * when the client it was given goes away (the connection starts a new sampler for a new client).
 */
export class HealthSampler {
  readonly #deps: SamplerDeps;
  #timer: NodeJS.Timeout | null = null;
  #previous: FrameCounters | null = null;
  #targetFps: number | null = null;
  #busy = false;

  constructor(deps: SamplerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#deps.client
      .call('GetVideoSettings')
      .then((v) => {
        this.#targetFps = v.fpsDenominator ? v.fpsNumerator / v.fpsDenominator : null;
      })
      .catch(() => undefined);
    this.#timer = setInterval(() => void this.#sample(), HEALTH_INTERVAL_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #sample(): Promise<void> {
    if (this.#busy) return; // a slow OBS must not pile up requests
    this.#busy = true;
    try {
      const { client, now } = this.#deps;
      const outputs = this.#deps.outputs();
      const [stats, stream, record] = await Promise.all([
        client.call('GetStats'),
        outputs.stream.active ? client.call('GetStreamStatus') : Promise.resolve(null),
        outputs.record.active ? client.call('GetRecordStatus') : Promise.resolve(null),
      ]);
      const counters: FrameCounters = {
        at: now(),
        renderSkipped: stats.renderSkippedFrames,
        renderTotal: stats.renderTotalFrames,
        outputSkipped: stats.outputSkippedFrames,
        outputTotal: stats.outputTotalFrames,
        streamBytes: stream?.outputBytes ?? null,
        streamSkipped: stream?.outputSkippedFrames ?? null,
        streamTotal: stream?.outputTotalFrames ?? null,
        recordBytes: record?.outputBytes ?? null,
      };
      const prev = this.#previous;
      this.#previous = counters;
      if (!prev) return; // rates need two readings
      const elapsed = counters.at - prev.at;
      const sample: ObsHealthSample = {
        at: counters.at,
        cpuPercent: stats.cpuUsage,
        memoryMb: stats.memoryUsage,
        fps: stats.activeFps,
        targetFps: this.#targetFps,
        averageFrameRenderMs: stats.averageFrameRenderTime,
        renderSkippedPct: skippedPct(prev.renderSkipped, prev.renderTotal, counters.renderSkipped, counters.renderTotal),
        outputSkippedPct: skippedPct(prev.outputSkipped, prev.outputTotal, counters.outputSkipped, counters.outputTotal),
        streamSkippedPct:
          counters.streamSkipped !== null && prev.streamSkipped !== null && counters.streamTotal !== null && prev.streamTotal !== null
            ? skippedPct(prev.streamSkipped, prev.streamTotal, counters.streamSkipped, counters.streamTotal)
            : null,
        streamKbps: kbps(prev.streamBytes, counters.streamBytes, elapsed),
        recordKbps: kbps(prev.recordBytes, counters.recordBytes, elapsed),
        congestion: stream ? stream.outputCongestion : null,
        diskFreeMb: typeof stats.availableDiskSpace === 'number' ? stats.availableDiskSpace : null,
      };
      this.#deps.publish(assessHealth(sample, this.#deps.thresholds()));
      this.#deps.onSample?.(sample);
    } catch (error) {
      this.#deps.log.warn(`OBS health sample failed: ${errorText(error)}`);
    } finally {
      this.#busy = false;
    }
  }
}
