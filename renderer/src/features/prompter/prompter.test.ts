import { describe, expect, it } from 'vitest';
import { freshCue, prompterPhase, talkingPointsSize, titleSize } from './prompter.ts';

const cue = (at: number) => ({ cueId: `c${at}`, segmentId: 's1', message: 'Show the price card', at });

describe('freshCue', () => {
  it('shows the newest cue for 15 s', () => {
    expect(freshCue([cue(10_000), cue(5_000)], 10_000)?.cueId).toBe('c10000');
    expect(freshCue([cue(10_000)], 24_999)?.cueId).toBe('c10000');
    expect(freshCue([cue(10_000)], 25_000)).toBeNull();
    expect(freshCue([], 0)).toBeNull();
  });

  it('tolerates a cue stamped a little after our estimate of the engine clock', () => {
    expect(freshCue([cue(10_500)], 10_000)?.cueId).toBe('c10500');
  });
});

describe('prompterPhase', () => {
  it('is live while running or held', () => {
    expect(prompterPhase('running')).toBe('live');
    expect(prompterPhase('held')).toBe('live');
    expect(prompterPhase('ended')).toBe('ended');
    expect(prompterPhase('idle')).toBe('waiting');
    expect(prompterPhase(undefined)).toBe('waiting');
  });
});

describe('talkingPointsSize', () => {
  it('shrinks as the text grows, counting Chinese characters double', () => {
    expect(talkingPointsSize('Say hi')).toBe('xl');
    expect(talkingPointsSize('a'.repeat(300))).toBe('l');
    expect(talkingPointsSize('字'.repeat(150))).toBe('l');
    expect(talkingPointsSize('a'.repeat(700))).toBe('m');
    expect(talkingPointsSize('字'.repeat(500))).toBe('s');
    expect(talkingPointsSize('line\n'.repeat(10))).toBe('l');
  });
});

describe('titleSize', () => {
  it('makes long titles smaller so they are not cut', () => {
    expect(titleSize('Opening')).toBe('normal');
    expect(titleSize('开场白与福利预告')).toBe('normal');
    expect(titleSize('Highlights · Vitamin C serum 精华')).toBe('long');
    expect(titleSize('春季护肤专场第二款产品深度讲解与演示')).toBe('long');
  });
});
