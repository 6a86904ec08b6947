/** C0/C1 control characters except tab and newline: invisible, and some terminals and fonts choke on them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export interface ClampedText {
  text: string;
  truncated: boolean;
}

/**
 * Trims, drops control characters and cuts to `max` UTF-16 units without splitting a surrogate pair.
 * Bidi overrides and zero-width characters are kept (they are legitimate in names); views must isolate them.
 */
export function clampText(raw: string, max: number): ClampedText {
  let text = raw.replace(CONTROL, '').trim();
  if (text.length <= max) return { text, truncated: false };
  text = text.slice(0, max);
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
  return { text, truncated: true };
}

/**
 * Hard caps on raw text from a relay. Up to these, text is cut to its display limit; beyond, the payload is
 * refused as too large (no real comment or name is this long, and holding it would let a relay bloat memory).
 */
export const RAW_TEXT_MAX = 16_384;
export const RAW_NAME_MAX = 1_024;

/** Whitespace and invisible characters only: a name that shows as nothing. */
export function looksBlank(text: string): boolean {
  return /^[\s\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*$/.test(text);
}
