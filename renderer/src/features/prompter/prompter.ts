import type { FiredCue } from '../../../../shared/protocol/index.ts';
import type { RunStatus } from '../../../../shared/show/run-clock.ts';

/** How long a cue stays on the prompter after it fired. */
export const CUE_FRESH_MS = 15_000;

/** The newest cue (the engine keeps them newest first) while it is fresh; the prompter shows nothing older. */
export function freshCue(cues: readonly FiredCue[], now: number, maxAgeMs = CUE_FRESH_MS): FiredCue | null {
  const latest = cues[0];
  if (latest === undefined) return null;
  // A cue stamped slightly after our estimate of the engine clock is fresh too.
  return Math.abs(now - latest.at) < maxAgeMs ? latest : null;
}

export type PrompterPhase = 'waiting' | 'live' | 'ended';

export function prompterPhase(status: RunStatus | undefined): PrompterPhase {
  if (status === 'running' || status === 'held') return 'live';
  return status === 'ended' ? 'ended' : 'waiting';
}

export type TextSize = 'xl' | 'l' | 'm' | 's';

/** Reading width of a text: a Chinese (full-width) character is as wide as two Latin letters. */
function weightOf(text: string): number {
  let weight = 0;
  for (const ch of text) weight += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return weight;
}

/** A segment title long enough to need two lines at the normal size gets a smaller one, so it is not cut. */
export function titleSize(title: string): 'normal' | 'long' {
  return weightOf(title) > 32 ? 'long' : 'normal';
}

/**
 * Talking points as large as they can be while still fitting a screen: short notes huge, a long script smaller.
 * Counted in characters (a Chinese character is as wide as two Latin letters, so it counts double).
 */
export function talkingPointsSize(text: string): TextSize {
  const weight = weightOf(text) + (text.match(/\n/g)?.length ?? 0) * 30;
  if (weight <= 160) return 'xl';
  if (weight <= 360) return 'l';
  if (weight <= 800) return 'm';
  return 's';
}
