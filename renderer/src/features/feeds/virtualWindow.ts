/** Fixed-height list virtualization: which rows to render for a scroll position. */

export interface WindowInput {
  count: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Extra rows rendered above and below the visible ones, so a quick scroll does not show blank space. */
  overscan: number;
  /** Pinned to the bottom (following the newest): the scroll position is taken as the end, whatever `scrollTop` says. */
  atEnd?: boolean;
}

export interface ListWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Where the first rendered row sits, px from the top of the list. */
  offset: number;
  /** Height of the whole list, px. */
  totalHeight: number;
  /** The scroll position used (clamped to the list). */
  scrollTop: number;
}

export function maxScrollTop(count: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, count * rowHeight - Math.max(0, viewportHeight));
}

export function listWindow({ count, rowHeight, viewportHeight, scrollTop, overscan, atEnd = false }: WindowInput): ListWindow {
  const totalHeight = Math.max(0, count) * rowHeight;
  const height = Math.max(0, viewportHeight);
  const max = maxScrollTop(count, rowHeight, height);
  const top = atEnd ? max : Math.min(Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0), max);
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, totalHeight, scrollTop: 0 };
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + height) / rowHeight); // exclusive
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan);
  return { start, end, offset: start * rowHeight, totalHeight, scrollTop: top };
}

/** Within `tolerance` px of the bottom counts as at the bottom (sub-pixel scroll positions, zoom). */
export function isAtBottom(scrollTop: number, viewportHeight: number, scrollHeight: number, tolerance = 8): boolean {
  return scrollTop + viewportHeight >= scrollHeight - tolerance;
}
