import type { RunSlice } from '../../../../shared/protocol/index.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useConnection } from '../../stores/connection.ts';
import { useEngineState } from '../../stores/engineState.ts';

/** The script being run, as the engine has it (not the editor's working copy). */
export function useRunShow(): Show | undefined {
  return useEngineState((s) => s.state?.script.show);
}

export function useRunSlice(): RunSlice | undefined {
  return useEngineState((s) => s.state?.run);
}

export function useEngineUp(): boolean {
  return useConnection((s) => s.status === 'connected');
}
