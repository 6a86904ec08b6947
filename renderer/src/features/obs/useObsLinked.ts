import { useConnection } from '../../stores/connection.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { obsFeatures, type ObsFeatures } from './obsFeatures.ts';

/** The engine is linked and it is connected to OBS: only then do OBS controls do anything. */
export function useObsLinked(): boolean {
  const engineUp = useConnection((s) => s.status === 'connected');
  const obsUp = useEngineState((s) => s.state?.obs.status.phase === 'connected');
  return engineUp && obsUp;
}

const ALL: ObsFeatures = { studioMode: true, transitions: true };

export function useObsFeatures(): ObsFeatures {
  const unsupported = useEngineState((s) => s.state?.obs.unsupported);
  return unsupported === undefined ? ALL : obsFeatures(unsupported);
}
