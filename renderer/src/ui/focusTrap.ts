/** What can take the keyboard focus inside a dialog. */
export const FOCUSABLE_SELECTOR = [
  'button:not([disabled])',
  'a[href]',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/**
 * Where Tab should send the focus to keep it inside: from the last element forward to the first, from the first
 * backward to the last, from outside (index -1) to the first. null: let the browser move it as usual.
 */
export function trapFocusIndex(activeIndex: number, count: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (activeIndex === -1) return backwards ? count - 1 : 0;
  if (backwards && activeIndex === 0) return count - 1;
  if (!backwards && activeIndex === count - 1) return 0;
  return null;
}
