import type { ObsInput } from '../../../../shared/protocol/index.ts';

/** Inputs that carry audio: OBS keeps a mute state only for those. */
export function audioInputs(inputs: readonly ObsInput[]): ObsInput[] {
  return inputs.filter((i) => i.muted !== null);
}

export interface MicRow {
  name: string;
  /** null when OBS has no such audio input any more (renamed or removed). */
  muted: boolean | null;
}

/** The microphones the producer marked, in the order they were marked, with OBS's mute state. */
export function micRows(marked: readonly string[], inputs: readonly ObsInput[]): MicRow[] {
  return marked.map((name) => ({ name, muted: inputs.find((i) => i.name === name)?.muted ?? null }));
}
