import { describe, expect, it } from 'vitest';
import {
  addCue,
  addFlashSale,
  addProduct,
  addSegment,
  canRedo,
  canUndo,
  createHistory,
  deleteCue,
  deleteFlashSale,
  deleteProduct,
  deleteSegment,
  duplicateSegment,
  insertSegments,
  moveItem,
  moveProduct,
  moveSegment,
  moveSegmentBy,
  plannedOffsetsMs,
  plannedTotalMs,
  plannedTotalsByKind,
  pushHistory,
  redo,
  undo,
  updateCue,
  updateFlashSale,
  updateProduct,
  updateSegment,
  updateShow,
} from './editor.ts';
import { Show } from './schema.ts';
import type { FlashSalePlan, Product } from './schema.ts';
import { blankSegment, fourModuleShow } from './templates.ts';

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const cream: Product = { id: 'p-cream', sku: 'CR-50', name: 'Cream', listPrice: 199, dealPrice: 159, stock: 100, perCustomerLimit: 2 };
const plan: FlashSalePlan = {
  id: 'sale-1',
  productId: 'p-cream',
  dealPrice: 99,
  quantity: 10,
  perCustomerLimit: 1,
  warmupMs: 30_000,
  durationMs: 120_000,
  start: { mode: 'manual' },
};

/** Opening (s-2), product intro (s-3), interaction (s-4), closing (s-5). */
function baseShow(): Show {
  return fourModuleShow({ newId: counter('s'), title: 'Show' });
}

const ids = (show: Show) => show.segments.map((s) => s.id);

describe('segment edits', () => {
  it('adds at the end by default, at an index, and clamps the index', () => {
    const show = baseShow();
    const extra = blankSegment(() => 'x', 'break', 'Break');
    expect(ids(addSegment(show, extra))).toEqual(['s-2', 's-3', 's-4', 's-5', 'x']);
    expect(ids(addSegment(show, extra, 1))).toEqual(['s-2', 'x', 's-3', 's-4', 's-5']);
    expect(ids(addSegment(show, extra, -5))).toEqual(['x', 's-2', 's-3', 's-4', 's-5']);
    expect(ids(addSegment(show, extra, 99))).toEqual(['s-2', 's-3', 's-4', 's-5', 'x']);
    expect(ids(insertSegments(show, [extra, { ...extra, id: 'y' }], 2))).toEqual(['s-2', 's-3', 'x', 'y', 's-4', 's-5']);
    expect(ids(show)).toEqual(['s-2', 's-3', 's-4', 's-5']); // input untouched
  });

  it('duplicates right after the original with new ids for the segment, its cues and its flash sales', () => {
    let show = addProduct(baseShow(), cream);
    show = addCue(show, 's-3', { id: 'cue-1', offsetMs: 5_000, message: 'price card' });
    show = addFlashSale(show, 's-3', plan);
    show = updateSegment(show, 's-3', { productIds: ['p-cream'] });
    const copy = duplicateSegment(show, 's-3', counter('new'));
    expect(ids(copy)).toEqual(['s-2', 's-3', 'new-1', 's-4', 's-5']);
    const dup = copy.segments[2];
    expect(dup?.cues).toEqual([{ id: 'new-2', offsetMs: 5_000, message: 'price card' }]);
    expect(dup?.flashSales).toEqual([{ ...plan, id: 'new-3' }]);
    expect(dup?.productIds).toEqual(['p-cream']);
    expect(dup?.productIds).not.toBe(show.segments[1]?.productIds);
    expect(Show.safeParse(copy).success).toBe(true);
  });

  it('deletes by id', () => {
    expect(ids(deleteSegment(baseShow(), 's-4'))).toEqual(['s-2', 's-3', 's-5']);
  });

  it('moves by index for drag and drop', () => {
    const show = baseShow();
    expect(ids(moveSegment(show, 0, 3))).toEqual(['s-3', 's-4', 's-5', 's-2']);
    expect(ids(moveSegment(show, 3, 0))).toEqual(['s-5', 's-2', 's-3', 's-4']);
    expect(ids(moveSegment(show, 1, 2))).toEqual(['s-2', 's-4', 's-3', 's-5']);
    expect(ids(moveSegment(show, 1, 99))).toEqual(['s-2', 's-4', 's-5', 's-3']);
  });

  it('moves up and down one place for the keyboard, stopping at the ends', () => {
    const show = baseShow();
    expect(ids(moveSegmentBy(show, 's-3', -1))).toEqual(['s-3', 's-2', 's-4', 's-5']);
    expect(ids(moveSegmentBy(show, 's-3', +1))).toEqual(['s-2', 's-4', 's-3', 's-5']);
    expect(moveSegmentBy(show, 's-2', -1)).toBe(show);
    expect(moveSegmentBy(show, 's-5', +1)).toBe(show);
  });

  it('updates fields, ignoring undefined and leaving other segments alone', () => {
    const show = baseShow();
    const next = updateSegment(show, 's-3', { title: 'Cream', plannedDurationMs: 420_000, sceneName: 'Close-up', talkingPoints: undefined });
    expect(next.segments[1]).toMatchObject({ id: 's-3', title: 'Cream', plannedDurationMs: 420_000, sceneName: 'Close-up', talkingPoints: '' });
    expect(next.segments[0]).toBe(show.segments[0]);
    expect(updateSegment(next, 's-3', { sceneName: null }).segments[1]?.sceneName).toBeNull();
  });

  it('returns the same object when nothing changes', () => {
    const show = baseShow();
    expect(deleteSegment(show, 'nope')).toBe(show);
    expect(updateSegment(show, 'nope', { title: 'x' })).toBe(show);
    expect(updateSegment(show, 's-2', { title: 'Opening' })).toBe(show);
    expect(moveSegment(show, 2, 2)).toBe(show);
    expect(moveSegment(show, 7, 0)).toBe(show);
    expect(duplicateSegment(show, 'nope', counter())).toBe(show);
    expect(insertSegments(show, [])).toBe(show);
    expect(updateShow(show, { title: 'Show' })).toBe(show);
  });
});

describe('show, product, cue and flash-sale edits', () => {
  it('updates show fields', () => {
    const next = updateShow(baseShow(), { title: 'New', platforms: ['抖音'], bannedWords: ['最好'], plannedStart: '2025-12-01T20:00:00+08:00' });
    expect(next).toMatchObject({ title: 'New', platforms: ['抖音'], bannedWords: ['最好'], plannedStart: '2025-12-01T20:00:00+08:00' });
    expect(updateShow(next, { bannedWords: null }).bannedWords).toBeNull();
  });

  it('adds, updates, reorders products and removes an image', () => {
    const mask = { ...cream, id: 'p-mask', sku: 'MK' };
    let show = addProduct(addProduct(baseShow(), cream), { ...mask, imageUrl: 'https://x.test/m.png' });
    show = updateProduct(show, 'p-cream', { dealPrice: 149 });
    expect(show.products.map((p) => [p.id, p.dealPrice])).toEqual([
      ['p-cream', 149],
      ['p-mask', 159],
    ]);
    expect(moveProduct(show, 1, 0).products.map((p) => p.id)).toEqual(['p-mask', 'p-cream']);
    const noImage = updateProduct(show, 'p-mask', { imageUrl: null });
    expect(noImage.products[1]).not.toHaveProperty('imageUrl');
    expect(updateProduct(noImage, 'p-mask', { imageUrl: null })).toBe(noImage);
    expect(updateProduct(show, 'p-mask', { imageUrl: 'https://x.test/n.png' }).products[1]?.imageUrl).toBe('https://x.test/n.png');
  });

  it('deleting a product unlinks it and drops its flash sales', () => {
    let show = addProduct(baseShow(), cream);
    show = updateSegment(show, 's-3', { productIds: ['p-cream'] });
    show = addFlashSale(show, 's-4', plan);
    const next = deleteProduct(show, 'p-cream');
    expect(next.products).toEqual([]);
    expect(next.segments[1]?.productIds).toEqual([]);
    expect(next.segments[2]?.flashSales).toEqual([]);
    expect(next.segments[0]).toBe(show.segments[0]);
    expect(Show.safeParse(next).success).toBe(true);
    expect(deleteProduct(next, 'p-cream')).toBe(next);
  });

  it('edits cues and flash sales inside a segment', () => {
    let show = addCue(baseShow(), 's-2', { id: 'c1', offsetMs: 0, message: 'Hello' });
    show = updateCue(show, 's-2', 'c1', { offsetMs: 10_000 });
    expect(show.segments[0]?.cues).toEqual([{ id: 'c1', offsetMs: 10_000, message: 'Hello' }]);
    expect(updateCue(show, 's-2', 'nope', { offsetMs: 1 })).toBe(show);
    expect(deleteCue(show, 's-2', 'c1').segments[0]?.cues).toEqual([]);

    show = addFlashSale(addProduct(show, cream), 's-3', plan);
    show = updateFlashSale(show, 's-3', 'sale-1', { start: { mode: 'offset', offsetMs: 60_000 }, quantity: 20 });
    expect(show.segments[1]?.flashSales[0]).toEqual({ ...plan, start: { mode: 'offset', offsetMs: 60_000 }, quantity: 20 });
    expect(deleteFlashSale(show, 's-3', 'sale-1').segments[1]?.flashSales).toEqual([]);
    expect(deleteFlashSale(show, 'nope', 'sale-1')).toBe(show);
  });

  it('moveItem works on any list', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 0, 0)).toBe(list);
    expect(moveItem(list, 1.5, 0)).toBe(list);
    expect(moveItem(list, 0, Number.NaN)).toEqual(['b', 'c', 'a']);
  });
});

describe('planned totals', () => {
  it('sums the whole show, per kind, and gives each segment its planned start', () => {
    const show = addSegment(baseShow(), blankSegment(() => 'b', 'break', 'Break', 90_000), 2);
    expect(plannedTotalMs(show)).toBe(300_000 + 600_000 + 90_000 + 600_000 + 300_000);
    expect(plannedTotalsByKind(show)).toEqual({ opening: 300_000, product: 600_000, interaction: 600_000, closing: 300_000, break: 90_000, custom: 0 });
    expect(plannedOffsetsMs(show)).toEqual([0, 300_000, 900_000, 990_000, 1_590_000]);
    expect(plannedTotalMs({ segments: [] })).toBe(0);
  });
});

describe('undo history', () => {
  it('undoes and redoes, and a new edit clears the redo stack', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
    h = pushHistory(h, 'x');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
    expect(h.past).toEqual(['a', 'b']);
  });

  it('ignores pushing the present and keeps at most `limit` steps back', () => {
    let h = createHistory(0, 3);
    expect(pushHistory(h, 0)).toBe(h);
    for (let i = 1; i <= 10; i++) h = pushHistory(h, i);
    expect(h.past).toEqual([7, 8, 9]);
    expect(h.present).toBe(10);
    h = undo(undo(undo(h)));
    expect(h.present).toBe(7);
    expect(canUndo(h)).toBe(false);
    expect(h.future).toEqual([8, 9, 10]);
  });

  it('coalesces a burst of edits with the same key into one undo step', () => {
    let h = createHistory('');
    h = pushHistory(h, 'T', 'title');
    h = pushHistory(h, 'Ti', 'title');
    h = pushHistory(h, 'Tit', 'title');
    h = pushHistory(h, 'Tit!', 'talkingPoints');
    expect(h.past).toEqual(['', 'Tit']);
    h = undo(h);
    expect(h.present).toBe('Tit');
    // After an undo the next typing starts a new step even with the same key.
    h = pushHistory(h, 'Tit?', 'talkingPoints');
    expect(h.past).toEqual(['', 'Tit']);
    h = pushHistory(h, 'Tit??', 'talkingPoints');
    expect(h.past).toEqual(['', 'Tit']);
    expect(undo(h).present).toBe('Tit');
  });

  it('works with shows and edits returning the same object', () => {
    const show = baseShow();
    let h = createHistory(show);
    h = pushHistory(h, deleteSegment(show, 'nope'));
    expect(canUndo(h)).toBe(false);
    h = pushHistory(h, deleteSegment(show, 's-2'));
    expect(undo(h).present).toBe(show);
  });
});
