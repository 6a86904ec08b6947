import { describe, expect, it } from 'vitest';
import type { ObsInput } from '../../../../shared/protocol/index.ts';
import { audioInputs, micRows } from './mics.ts';

const inputs: ObsInput[] = [
  { name: 'Cam', kind: 'v4l2_input', muted: null },
  { name: 'Host mic', kind: 'pulse_input_capture', muted: false },
  { name: 'Guest mic', kind: 'pulse_input_capture', muted: true },
];

describe('mics', () => {
  it('offers only inputs with audio', () => {
    expect(audioInputs(inputs).map((i) => i.name)).toEqual(['Host mic', 'Guest mic']);
  });

  it('lists the marked mics in their order, with a missing one shown as such', () => {
    expect(micRows(['Guest mic', 'Gone', 'Host mic'], inputs)).toEqual([
      { name: 'Guest mic', muted: true },
      { name: 'Gone', muted: null },
      { name: 'Host mic', muted: false },
    ]);
  });
});
