import { SEGMENT_KINDS } from './schema.ts';
import type { Cue, FlashSalePlan, Product, Segment, SegmentKind, Show } from './schema.ts';
import type { IdGenerator } from './templates.ts';

/*
 * Pure edits of a show. Each returns a new Show and never mutates its input; an edit that changes nothing
 * (unknown id, index out of range, same position) returns the very same object, so `next === show` means
 * "nothing to save, nothing to push on the undo history". Results are not validated here: the engine runs
 * the Show schema on the result before accepting it (durations, lengths, references).
 */

export type ShowPatch = Partial<Pick<Show, 'title' | 'platforms' | 'plannedStart' | 'bannedWords'>>;
export type SegmentPatch = Partial<Omit<Segment, 'id'>>;
/** `imageUrl: null` removes the image. */
export type ProductPatch = Partial<Omit<Product, 'id' | 'imageUrl'>> & { imageUrl?: string | null };
export type CuePatch = Partial<Omit<Cue, 'id'>>;
export type FlashSalePatch = Partial<Omit<FlashSalePlan, 'id'>>;

/** NaN (a bad drop target) means the end. */
function clampIndex(index: number, length: number): number {
  return Number.isNaN(index) ? length : Math.min(Math.max(Math.trunc(index), 0), length);
}

function insertAt<T>(list: readonly T[], items: readonly T[], index: number): T[] {
  const at = clampIndex(index, list.length);
  return [...list.slice(0, at), ...items, ...list.slice(at)];
}

/** Moves one item so that it ends up at `to` (clamped); the same array when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  if (!Number.isInteger(from) || from < 0 || from >= list.length) return list;
  const target = clampIndex(to, list.length - 1);
  if (target === from) return list;
  const rest = list.filter((_, i) => i !== from);
  return [...rest.slice(0, target), list[from] as T, ...rest.slice(target)];
}

function replaceWhere<T extends { id: string }>(list: readonly T[], id: string, change: (item: T) => T): readonly T[] {
  const i = list.findIndex((item) => item.id === id);
  if (i < 0) return list;
  const item = list[i] as T;
  const next = change(item);
  return next === item ? list : list.map((x, j) => (j === i ? next : x));
}

function removeWhere<T extends { id: string }>(list: readonly T[], id: string): readonly T[] {
  const next = list.filter((item) => item.id !== id);
  return next.length === list.length ? list : next;
}

function withSegments(show: Show, segments: readonly Segment[]): Show {
  return segments === show.segments ? show : { ...show, segments: [...segments] };
}

function withProducts(show: Show, products: readonly Product[]): Show {
  return products === show.products ? show : { ...show, products: [...products] };
}

function patched<T extends object>(item: T, patch: Partial<NoInfer<T>>): T {
  const keys = Object.keys(patch) as (keyof T)[];
  return keys.some((k) => patch[k] !== undefined && patch[k] !== item[k]) ? { ...item, ...definedOnly(patch) } : item;
}

/** `{title: undefined}` means "not part of this edit", never "erase the title". */
function definedOnly<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function updateShow(show: Show, patch: ShowPatch): Show {
  return patched(show, patch);
}

// ---- segments -------------------------------------------------------------------------------------------

/** Inserts at `index` (clamped; default: at the end). */
export function addSegment(show: Show, segment: Segment, index = show.segments.length): Show {
  return insertSegments(show, [segment], index);
}

export function insertSegments(show: Show, segments: readonly Segment[], index = show.segments.length): Show {
  return segments.length === 0 ? show : withSegments(show, insertAt(show.segments, segments, index));
}

/** A copy right after the original; the segment, its cues and its flash sales get new ids. */
export function duplicateSegment(show: Show, segmentId: string, newId: IdGenerator): Show {
  const i = show.segments.findIndex((s) => s.id === segmentId);
  const original = show.segments[i];
  if (!original) return show;
  const copy: Segment = {
    ...original,
    id: newId(),
    productIds: [...original.productIds],
    cues: original.cues.map((c) => ({ ...c, id: newId() })),
    flashSales: original.flashSales.map((f) => ({ ...f, id: newId() })),
  };
  return insertSegments(show, [copy], i + 1);
}

export function deleteSegment(show: Show, segmentId: string): Show {
  return withSegments(show, removeWhere(show.segments, segmentId));
}

/** Drag and drop: the segment at `from` ends up at index `to`. */
export function moveSegment(show: Show, from: number, to: number): Show {
  return withSegments(show, moveItem(show.segments, from, to));
}

/** Keyboard reordering: delta −1 moves up one place, +1 down one place. */
export function moveSegmentBy(show: Show, segmentId: string, delta: number): Show {
  const i = show.segments.findIndex((s) => s.id === segmentId);
  return i < 0 ? show : moveSegment(show, i, i + delta);
}

export function updateSegment(show: Show, segmentId: string, patch: SegmentPatch): Show {
  return withSegments(show, replaceWhere(show.segments, segmentId, (s) => patched(s, patch)));
}

// ---- products -------------------------------------------------------------------------------------------

export function addProduct(show: Show, product: Product, index = show.products.length): Show {
  return withProducts(show, insertAt(show.products, [product], index));
}

export function updateProduct(show: Show, productId: string, patch: ProductPatch): Show {
  const { imageUrl, ...rest } = patch;
  return withProducts(
    show,
    replaceWhere(show.products, productId, (p) => {
      const next = patched(p, rest);
      if (imageUrl === null) {
        if (next.imageUrl === undefined) return next;
        const withoutImage = { ...next };
        delete withoutImage.imageUrl;
        return withoutImage;
      }
      return imageUrl === undefined ? next : patched(next, { imageUrl });
    }),
  );
}

export function moveProduct(show: Show, from: number, to: number): Show {
  return withProducts(show, moveItem(show.products, from, to));
}

/** Also unlinks the product from segments and drops the flash sales that sold it: no dangling references. */
export function deleteProduct(show: Show, productId: string): Show {
  const products = removeWhere(show.products, productId);
  if (products === show.products) return show;
  const segments = show.segments.map((s) =>
    s.productIds.includes(productId) || s.flashSales.some((f) => f.productId === productId)
      ? {
          ...s,
          productIds: s.productIds.filter((id) => id !== productId),
          flashSales: s.flashSales.filter((f) => f.productId !== productId),
        }
      : s,
  );
  return { ...show, products: [...products], segments };
}

// ---- cues and flash sales inside a segment --------------------------------------------------------------

function editSegmentList<K extends 'cues' | 'flashSales'>(
  show: Show,
  segmentId: string,
  key: K,
  change: (list: Segment[K]) => readonly Segment[K][number][],
): Show {
  return withSegments(
    show,
    replaceWhere(show.segments, segmentId, (s) => {
      const list = change(s[key]);
      return list === s[key] ? s : { ...s, [key]: list };
    }),
  );
}

export function addCue(show: Show, segmentId: string, cue: Cue): Show {
  return editSegmentList(show, segmentId, 'cues', (cues) => [...cues, cue]);
}

export function updateCue(show: Show, segmentId: string, cueId: string, patch: CuePatch): Show {
  return editSegmentList(show, segmentId, 'cues', (cues) => replaceWhere(cues, cueId, (c) => patched(c, patch)));
}

export function deleteCue(show: Show, segmentId: string, cueId: string): Show {
  return editSegmentList(show, segmentId, 'cues', (cues) => removeWhere(cues, cueId));
}

export function addFlashSale(show: Show, segmentId: string, plan: FlashSalePlan): Show {
  return editSegmentList(show, segmentId, 'flashSales', (plans) => [...plans, plan]);
}

export function updateFlashSale(show: Show, segmentId: string, planId: string, patch: FlashSalePatch): Show {
  return editSegmentList(show, segmentId, 'flashSales', (plans) => replaceWhere(plans, planId, (f) => patched(f, patch)));
}

export function deleteFlashSale(show: Show, segmentId: string, planId: string): Show {
  return editSegmentList(show, segmentId, 'flashSales', (plans) => removeWhere(plans, planId));
}

// ---- planned totals -------------------------------------------------------------------------------------

export function plannedTotalMs(show: Pick<Show, 'segments'>): number {
  return show.segments.reduce((sum, s) => sum + s.plannedDurationMs, 0);
}

export function plannedTotalsByKind(show: Pick<Show, 'segments'>): Record<SegmentKind, number> {
  const totals = Object.fromEntries(SEGMENT_KINDS.map((k) => [k, 0])) as Record<SegmentKind, number>;
  for (const s of show.segments) totals[s.kind] += s.plannedDurationMs;
  return totals;
}

/** Planned start of each segment, measured from the start of the show. */
export function plannedOffsetsMs(show: Pick<Show, 'segments'>): number[] {
  let at = 0;
  return show.segments.map((s) => {
    const start = at;
    at += s.plannedDurationMs;
    return start;
  });
}

// ---- undo history ---------------------------------------------------------------------------------------

/** Immutable undo/redo stack; `limit` bounds how many steps back are kept. */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  readonly limit: number;
  /** Key of the last push, for coalescing a burst of edits (typing in one field) into one undo step. */
  readonly lastKey: string | null;
}

export function createHistory<T>(present: T, limit = 100): History<T> {
  return { past: [], present, future: [], limit: Math.max(1, Math.trunc(limit)), lastKey: null };
}

/**
 * Records a new present. Pushing the current present is a no-op. With `coalesceKey` equal to the previous
 * push's key, the present is replaced without adding an undo step.
 */
export function pushHistory<T>(history: History<T>, next: T, coalesceKey: string | null = null): History<T> {
  if (Object.is(next, history.present)) return history;
  if (coalesceKey !== null && coalesceKey === history.lastKey) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, history.present].slice(-history.limit);
  return { ...history, past, present: next, future: [], lastKey: coalesceKey };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
    lastKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...future] = history.future;
  return { ...history, past: [...history.past, history.present].slice(-history.limit), present: next as T, future, lastKey: null };
}
