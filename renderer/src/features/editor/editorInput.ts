/*
 * Reading what the producer types into the editor's number fields. A field keeps the text as typed while it
 * cannot be read ("19.", "abc"); only a readable value reaches the script, whose schema then checks the bounds.
 */

import { parseClock } from '../run/timeFormat.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: 'format' };

const fail = { ok: false, error: 'format' } as const;

/** A duration field (mm:ss, h:mm:ss or minutes). */
export function parseDuration(text: string): Parsed<number> {
  const ms = parseClock(text);
  return ms === null ? fail : { ok: true, value: ms };
}

/** Yuan: "19.9", "¥19.90", "1,299" (thousands separators and a currency sign are tolerated). */
export function parseYuan(text: string): Parsed<number> {
  const t = text.trim().replace(/^[¥￥]\s*/, '').replace(/,/g, '');
  if (!/^\d{1,9}(?:\.\d{1,2})?$/.test(t)) return fail;
  return { ok: true, value: Math.round(Number(t) * 100) / 100 };
}

/** A whole count (stock, quantity, limit, seconds). */
export function parseWholeNumber(text: string): Parsed<number> {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d{1,9}$/.test(t)) return fail;
  return { ok: true, value: Number(t) };
}

/** A price as the field shows it: no trailing ".00" on whole amounts. */
export function formatYuanInput(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * Drag and drop: the index a segment dragged from `from` ends up at (as moveSegment takes it) when dropped on
 * the upper (`after` false) or lower half of the row at `over`.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const before = after ? over + 1 : over;
  return from < before ? before - 1 : before;
}

/** Fresh entity ids. From getRandomValues, which (unlike randomUUID) also works on a plain-http LAN page. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file name from the show title: kept readable (Chinese included), without characters file systems refuse. */
export function exportFileName(title: string, extension: string): string {
  const printable = [...title].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch)).join('');
  const base = printable
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/^\.+/, '');
  return `${base === '' ? 'show' : base}.${extension}`;
}
