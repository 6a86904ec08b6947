import type { ObsInput, ObsOutput, ObsOutputsState, ObsScene, ObsSceneItem, TransitionState } from '../../../../shared/protocol/index.ts';
import { isUnknownRequest, type ObsClient } from './obs-client.ts';

interface RawScene {
  sceneName: string;
  sceneUuid?: string;
  sceneIndex: number;
}

/** OBS lists scenes bottom-up (index 0 is the last row in OBS's dock); producers expect OBS's visual order. */
export function scenesInDisplayOrder(raw: readonly RawScene[]): ObsScene[] {
  return [...raw]
    .sort((a, b) => b.sceneIndex - a.sceneIndex)
    .map((s) => (s.sceneUuid ? { name: s.sceneName, uuid: s.sceneUuid } : { name: s.sceneName }));
}

export interface SceneView {
  scenes: ObsScene[];
  programScene: string | null;
  previewScene: string | null;
}

export async function readScenes(client: ObsClient): Promise<SceneView> {
  const list = await client.call('GetSceneList');
  return {
    scenes: scenesInDisplayOrder(list.scenes as unknown as RawScene[]),
    programScene: list.currentProgramSceneName,
    previewScene: (list.currentPreviewSceneName as string | null | undefined) ?? null,
  };
}

interface RawSceneItem {
  sceneItemId: number;
  sourceName: string;
  sceneItemEnabled: boolean;
  inputKind: string | null;
  isGroup: boolean | null;
  sceneItemIndex: number;
}

/** Items top of OBS's source list first, as the producer sees them in OBS. */
export function itemsInDisplayOrder(raw: readonly RawSceneItem[]): ObsSceneItem[] {
  return [...raw]
    .sort((a, b) => b.sceneItemIndex - a.sceneItemIndex)
    .map((i) => ({ id: i.sceneItemId, sourceName: i.sourceName, enabled: i.sceneItemEnabled, inputKind: i.inputKind ?? null, isGroup: i.isGroup === true }));
}

export async function readSceneItems(client: ObsClient, sceneName: string): Promise<ObsSceneItem[]> {
  const { sceneItems } = await client.call('GetSceneItemList', { sceneName });
  return itemsInDisplayOrder(sceneItems as unknown as RawSceneItem[]);
}

export async function readAllSceneItems(client: ObsClient, sceneNames: readonly string[]): Promise<Record<string, ObsSceneItem[]>> {
  const entries = await Promise.all(sceneNames.map(async (name) => [name, await readSceneItems(client, name)] as const));
  return Object.fromEntries(entries);
}

export async function readInputs(client: ObsClient): Promise<ObsInput[]> {
  const { inputs } = await client.call('GetInputList');
  const raw = inputs as unknown as { inputName: string; inputKind: string }[];
  return Promise.all(
    raw.map(async ({ inputName, inputKind }) => {
      // Video-only inputs have no mute state; OBS answers with an error, which is the answer we want.
      const muted = await client
        .call('GetInputMute', { inputName })
        .then((r) => r.inputMuted)
        .catch(() => null);
      return { name: inputName, kind: inputKind, muted };
    }),
  );
}

export async function readTransitions(client: ObsClient): Promise<TransitionState> {
  const list = await client.call('GetSceneTransitionList');
  const transitions = list.transitions as unknown as { transitionName: string }[];
  let durationMs: number | null = null;
  try {
    const current = await client.call('GetCurrentSceneTransition');
    durationMs = (current.transitionDuration as number | null) ?? null;
  } catch (error) {
    if (!isUnknownRequest(error)) throw error;
  }
  return {
    available: transitions.map((t) => t.transitionName),
    current: (list.currentSceneTransitionName as string | null) ?? null,
    durationMs,
    runningSince: null,
  };
}

export const IDLE_OUTPUT: ObsOutput = { active: false, transitioning: false, reconnecting: false, paused: false, startedAt: null, pausedAt: null, pausedMs: 0, lastFile: null };

/** Output state after a (re)connect; the start instant is back-computed from OBS's own duration. */
export async function readOutputs(client: ObsClient, now: number, previous: ObsOutputsState): Promise<ObsOutputsState> {
  const [stream, record] = await Promise.all([client.call('GetStreamStatus'), client.call('GetRecordStatus')]);
  return {
    stream: {
      ...IDLE_OUTPUT,
      lastFile: null,
      active: stream.outputActive,
      reconnecting: stream.outputReconnecting,
      startedAt: stream.outputActive ? now - stream.outputDuration : null,
    },
    // OBS's record duration leaves pauses out, so a start instant derived from it already accounts for them.
    record: recordAfterResync(record.outputActive, (record as { outputPaused?: boolean }).outputPaused === true, record.outputDuration, now, previous.record.lastFile),
  };
}

function recordAfterResync(active: boolean, paused: boolean, durationMs: number, now: number, lastFile: string | null): ObsOutput {
  if (!active) return { ...IDLE_OUTPUT, lastFile };
  return { ...IDLE_OUTPUT, lastFile, active, paused, startedAt: now - durationMs, pausedAt: paused ? now : null };
}
