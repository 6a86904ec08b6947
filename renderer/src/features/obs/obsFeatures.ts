/** What this OBS can do, from the requests the engine found it does not know (older obs-websocket). */
export interface ObsFeatures {
  studioMode: boolean;
  transitions: boolean;
}

export function obsFeatures(unsupported: readonly string[]): ObsFeatures {
  return {
    studioMode: !unsupported.includes('GetStudioModeEnabled'),
    transitions: !unsupported.includes('GetSceneTransitionList'),
  };
}

/** The key that picks a scene: 1..9 for the first nine in OBS's order. */
export function sceneKeyNumber(index: number): number | null {
  return index >= 0 && index < 9 ? index + 1 : null;
}
