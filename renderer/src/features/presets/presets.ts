import type { CameraPreset, CommandInput, ObsSceneItem } from '../../../../shared/protocol/index.ts';

export const PRESET_NAME_MAX = 80;

/**
 * A new preset id from random bytes. Uses getRandomValues, not randomUUID: the page may be opened over plain HTTP
 * on the LAN, where randomUUID does not exist.
 */
export function newPresetId(fill: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = fill(new Uint8Array(9));
  return `p-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** "Save the scene as it looks now": the engine reads the visibility from OBS (capture). */
export function savePresetCommand(id: string, name: string, sceneName: string): CommandInput {
  return { type: 'obs.savePreset', preset: { id, name: name.trim(), sceneName, visibility: {} }, capture: true };
}

export function presetNameValid(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= PRESET_NAME_MAX;
}

/** The preset is what program shows right now: its scene is on program and every source it sets is as it says. */
export function presetIsLive(preset: CameraPreset, programScene: string | null, sceneItems: Readonly<Record<string, readonly ObsSceneItem[]>>): boolean {
  if (preset.sceneName !== programScene) return false;
  const items = sceneItems[preset.sceneName] ?? [];
  return Object.entries(preset.visibility).every(([source, enabled]) => items.some((i) => i.sourceName === source && i.enabled === enabled));
}

/** The key that applies a preset: Shift+1..9 for the first nine. */
export function presetKeyNumber(index: number): number | null {
  return index >= 0 && index < 9 ? index + 1 : null;
}
