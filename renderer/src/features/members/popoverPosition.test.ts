import { describe, expect, it } from 'vitest';
import { popoverPosition } from './MemberPopover.tsx';

describe('popoverPosition', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 272, height: 200 };

  it('opens under the badge', () => {
    expect(popoverPosition({ left: 100, top: 300, bottom: 320 }, size, viewport)).toEqual({ left: 100, top: 324 });
  });

  it('opens above the badge near the bottom, and stays inside the window sideways', () => {
    expect(popoverPosition({ left: 900, top: 700, bottom: 720 }, size, viewport)).toEqual({ left: 720, top: 496 });
    expect(popoverPosition({ left: -20, top: 10, bottom: 30 }, size, viewport)).toEqual({ left: 8, top: 34 });
  });
});
