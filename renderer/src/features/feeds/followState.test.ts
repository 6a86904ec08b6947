import { describe, expect, it } from 'vitest';
import { FOLLOWING, followReducer, isFollowing } from './followState.ts';
import { entry } from './testEvents.ts';

const first = [entry(1), entry(2)];
const later = [entry(1), entry(2), entry(3)];

describe('followReducer', () => {
  it('holds the list as it was while the pointer is over it', () => {
    const held = followReducer(FOLLOWING, { type: 'hover', on: true, live: first });
    expect(isFollowing(held)).toBe(false);
    expect(held.frozen).toBe(first);
    // Leaving resumes following.
    expect(followReducer(held, { type: 'hover', on: false, live: later })).toEqual(FOLLOWING);
  });

  it('keeps the first frozen list while more reasons to hold come and go', () => {
    let s = followReducer(FOLLOWING, { type: 'hover', on: true, live: first });
    s = followReducer(s, { type: 'scroll', atBottom: false, live: later });
    expect(s.frozen).toBe(first);
    s = followReducer(s, { type: 'hover', on: false, live: later });
    expect(s.frozen).toBe(first); // still scrolled up
    expect(s.scrolledUp).toBe(true);
    s = followReducer(s, { type: 'scroll', atBottom: true, live: later });
    expect(isFollowing(s)).toBe(true);
  });

  it('holds when the user scrolls up, not when the list scrolls itself to the bottom', () => {
    expect(followReducer(FOLLOWING, { type: 'scroll', atBottom: true, live: first })).toBe(FOLLOWING);
    expect(followReducer(FOLLOWING, { type: 'scroll', atBottom: false, live: first }).frozen).toBe(first);
  });

  it('holds while keyboard focus is inside', () => {
    const s = followReducer(FOLLOWING, { type: 'focus', on: true, live: first });
    expect(s.frozen).toBe(first);
    expect(followReducer(s, { type: 'focus', on: false, live: later })).toEqual(FOLLOWING);
  });

  it('jumps back to following whatever held it', () => {
    let s = followReducer(FOLLOWING, { type: 'hover', on: true, live: first });
    s = followReducer(s, { type: 'scroll', atBottom: false, live: first });
    expect(followReducer(s, { type: 'jump' })).toBe(FOLLOWING);
  });

  it('returns the same state when nothing changes', () => {
    const s = followReducer(FOLLOWING, { type: 'hover', on: true, live: first });
    expect(followReducer(s, { type: 'hover', on: true, live: later })).toBe(s);
  });
});
