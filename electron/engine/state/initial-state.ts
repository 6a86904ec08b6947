import { LiveMetrics } from '../../../shared/feeds/metrics.ts';
import type { EngineInfo, EngineState } from '../../../shared/protocol/index.ts';
import { initialRunState } from '../../../shared/show/run-clock.ts';
import { emptyShow } from '../../../shared/show/templates.ts';
import { ObsService } from '../domains/obs/obs-service.ts';

/** A valid, empty state to build the hub with before the services load theirs. */
export function placeholderState(engine: EngineInfo): EngineState {
  return {
    engine,
    ...ObsService.placeholderSlices(),
    show: { title: '' },
    script: { show: emptyShow(() => 'placeholder', 'Untitled show'), flags: [], defaultBannedWords: [] },
    run: { run: initialRunState(), sales: [], cues: [], rehearsal: false, recovered: null },
    feeds: { configs: [], diagnostics: [], metrics: new LiveMetrics().snapshot(0), simulator: null, pinned: [], answered: [], streamerAlerts: false },
    storage: { failing: null },
  };
}

export const TEST_ENGINE_INFO: EngineInfo = { version: '0', protocolVersion: 1, startedAt: 0, lan: false, host: '127.0.0.1', port: 1, requestedPort: 1 };
