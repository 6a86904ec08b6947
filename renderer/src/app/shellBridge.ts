import type { CuedeckShell } from '../../../shared/shell-bridge.ts';

/** The desktop shell's preload bridge; undefined in a plain browser. */
export function getShell(): CuedeckShell | undefined {
  return window.cuedeckShell;
}
