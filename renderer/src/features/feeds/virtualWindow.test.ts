import { describe, expect, it } from 'vitest';
import { isAtBottom, listWindow, maxScrollTop } from './virtualWindow.ts';

const base = { rowHeight: 56, viewportHeight: 560, overscan: 3 };

describe('listWindow', () => {
  it('renders the visible rows plus overscan', () => {
    const w = listWindow({ ...base, count: 1_000, scrollTop: 56 * 100 });
    expect(w).toEqual({ start: 97, end: 113, offset: 97 * 56, totalHeight: 56_000, scrollTop: 5_600 });
  });

  it('handles a partly visible first row', () => {
    const w = listWindow({ ...base, count: 1_000, scrollTop: 56 * 100 + 30, overscan: 0 });
    expect(w.start).toBe(100);
    expect(w.end).toBe(111); // rows 100…110: 10 full rows plus the one cut at the bottom
  });

  it('does not go above the first row', () => {
    const w = listWindow({ ...base, count: 1_000, scrollTop: 0 });
    expect(w.start).toBe(0);
    expect(w.end).toBe(13);
    expect(w.offset).toBe(0);
  });

  it('pins to the end when following, whatever the scroll position says', () => {
    const w = listWindow({ ...base, count: 1_000, scrollTop: 0, atEnd: true });
    expect(w.end).toBe(1_000);
    expect(w.start).toBe(1_000 - 10 - 3);
    expect(w.scrollTop).toBe(56_000 - 560);
  });

  it('clamps a scroll position beyond the end (the list shrank, e.g. a filter)', () => {
    const w = listWindow({ ...base, count: 20, scrollTop: 99_999 });
    expect(w.scrollTop).toBe(20 * 56 - 560);
    expect(w.end).toBe(20);
    expect(w.start).toBe(10 - 3);
  });

  it('renders everything when the list is shorter than the viewport', () => {
    const w = listWindow({ ...base, count: 4, scrollTop: 0, atEnd: true });
    expect(w).toEqual({ start: 0, end: 4, offset: 0, totalHeight: 224, scrollTop: 0 });
  });

  it('renders nothing for an empty list', () => {
    expect(listWindow({ ...base, count: 0, scrollTop: 100 })).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0, scrollTop: 0 });
  });

  it('treats a negative or non-finite scroll position as the top', () => {
    expect(listWindow({ ...base, count: 100, scrollTop: -50 }).start).toBe(0);
    expect(listWindow({ ...base, count: 100, scrollTop: Number.NaN }).start).toBe(0);
  });

  it('renders at least one row for a viewport not measured yet', () => {
    const w = listWindow({ ...base, count: 100, viewportHeight: 0, scrollTop: 0, overscan: 0 });
    expect(w.end - w.start).toBe(1);
  });
});

describe('maxScrollTop / isAtBottom', () => {
  it('is zero when everything fits', () => {
    expect(maxScrollTop(3, 56, 560)).toBe(0);
    expect(maxScrollTop(100, 56, 560)).toBe(5_040);
  });

  it('counts a few pixels short of the bottom as the bottom', () => {
    expect(isAtBottom(5_040, 560, 5_600)).toBe(true);
    expect(isAtBottom(5_035.5, 560, 5_600)).toBe(true);
    expect(isAtBottom(5_000, 560, 5_600)).toBe(false);
  });
});
