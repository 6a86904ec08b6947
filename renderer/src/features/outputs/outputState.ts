import type { ObsOutput } from '../../../../shared/protocol/index.ts';

/** What a stream / record button shows; `data-state` on the button. */
export type OutputDisplayState = 'idle' | 'starting' | 'live' | 'stopping' | 'reconnecting';

/**
 * OBS's output flags as one state. A transitioning output is starting while not yet active and stopping while
 * still active; a live stream that lost its server is reconnecting (it is still active, so it can be stopped).
 */
export function outputDisplayState(output: ObsOutput): OutputDisplayState {
  if (output.transitioning) return output.active ? 'stopping' : 'starting';
  if (output.active) return output.reconnecting ? 'reconnecting' : 'live';
  return 'idle';
}

/** What pressing the button asks for; nothing while OBS is between states (it would refuse a second request). */
export function outputAction(state: OutputDisplayState): 'start' | 'stop' | null {
  switch (state) {
    case 'idle':
      return 'start';
    case 'live':
    case 'reconnecting':
      return 'stop';
    case 'starting':
    case 'stopping':
      return null;
  }
}
