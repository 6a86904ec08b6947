import { describe, expect, it } from 'vitest';
import { Show } from '../../../../shared/show/schema.ts';
import { fieldErrors, fieldKey, fieldOf, unitOfField } from './fieldErrors.ts';

function base(): Show {
  return {
    id: 'show',
    title: 'Spring live',
    platforms: [],
    plannedStart: null,
    bannedWords: null,
    products: [{ id: 'p1', sku: 'SKU-1', name: 'Serum', listPrice: 199, dealPrice: 99, stock: 100, perCustomerLimit: 2 }],
    segments: [
      {
        id: 's1',
        kind: 'product',
        title: 'Serum',
        plannedDurationMs: 300_000,
        talkingPoints: '',
        sceneName: null,
        cameraPresetId: null,
        productIds: ['p1'],
        cues: [{ id: 'c1', offsetMs: 0, message: 'Show the price' }],
        flashSales: [
          {
            id: 'f1',
            productId: 'p1',
            dealPrice: 89,
            quantity: 50,
            perCustomerLimit: 1,
            warmupMs: 30_000,
            durationMs: 300_000,
            start: { mode: 'offset', offsetMs: 60_000 },
          },
        ],
      },
    ],
  };
}

function at<T>(list: readonly T[], index = 0): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

function errorsOf(show: Show) {
  const result = Show.safeParse(show);
  return fieldErrors(show, result.success ? [] : result.error.issues);
}

describe('fieldErrors', () => {
  it('is empty for a valid show', () => {
    expect(errorsOf(base()).count).toBe(0);
  });

  it('maps each issue to the field it belongs to, by id', () => {
    const show = base();
    show.title = '  ';
    const segment = at(show.segments);
    segment.title = 'x'.repeat(201);
    segment.plannedDurationMs = 5_000;
    at(segment.cues).message = '';
    at(segment.flashSales).warmupMs = 5_000;
    at(segment.flashSales).start = { mode: 'offset', offsetMs: -1 };
    at(show.products).stock = 1.5;
    const { byField, general } = errorsOf(show);
    expect(general).toEqual([]);
    expect(byField.get(fieldKey.show('title'))).toEqual([{ kind: 'required' }]);
    expect(byField.get(fieldKey.segment('s1', 'title'))).toEqual([{ kind: 'tooLong', max: 200 }]);
    expect(byField.get(fieldKey.segment('s1', 'plannedDurationMs'))).toEqual([{ kind: 'tooSmall', min: 10_000 }]);
    expect(byField.get(fieldKey.cue('c1', 'message'))).toEqual([{ kind: 'cueEmpty' }]);
    expect(byField.get(fieldKey.salePlan('f1', 'warmupMs'))).toEqual([{ kind: 'tooSmall', min: 10_000 }]);
    expect(byField.get(fieldKey.salePlan('f1', 'start'))).toEqual([{ kind: 'tooSmall', min: 0 }]);
    expect(byField.get(fieldKey.product('p1', 'stock'))).toEqual([{ kind: 'notWhole' }]);
  });

  it('recognises the cross-field rules', () => {
    const show = base();
    at(show.products).dealPrice = 299;
    expect(errorsOf(show).byField.get(fieldKey.product('p1', 'dealPrice'))).toEqual([{ kind: 'dealAboveList' }]);

    const twice = base();
    twice.products.push({ ...at(twice.products), id: 'p2' });
    expect(errorsOf(twice).byField.get(fieldKey.product('p2', 'sku'))).toEqual([{ kind: 'duplicateSku' }]);
  });

  it('names single-line, decimal and number problems', () => {
    const show = base();
    at(show.segments).title = 'two\nlines';
    at(show.products).listPrice = 1.234;
    at(show.products).perCustomerLimit = Number.NaN;
    const { byField } = errorsOf(show);
    expect(byField.get(fieldKey.segment('s1', 'title'))).toEqual([{ kind: 'singleLine' }]);
    expect(byField.get(fieldKey.product('p1', 'listPrice'))).toEqual([{ kind: 'decimals' }]);
    expect(byField.get(fieldKey.product('p1', 'perCustomerLimit'))).toEqual([{ kind: 'notNumber' }]);
  });

  it('keeps what no field owns apart', () => {
    const show = base();
    const result = fieldErrors(show, [{ code: 'too_big', origin: 'array', maximum: 200, path: ['segments'], message: 'x' }]);
    expect(result.general).toEqual([{ kind: 'tooMany', max: 200 }]);
  });
});

describe('fieldOf', () => {
  it('ignores paths that point nowhere', () => {
    expect(fieldOf(base(), ['segments', 7, 'title'])).toBeNull();
    expect(fieldOf(base(), ['products', 'x', 'sku'])).toBeNull();
    expect(fieldOf(base(), ['segments', 0, 'productIds', 0])).toBe('segment.s1.productIds');
  });
});

describe('unitOfField', () => {
  it('knows which fields are durations, seconds, money and counts', () => {
    expect(unitOfField('segment.s1.plannedDurationMs')).toBe('clock');
    expect(unitOfField('salePlan.f1.start')).toBe('clock');
    expect(unitOfField('salePlan.f1.warmupMs')).toBe('seconds');
    expect(unitOfField('product.p1.dealPrice')).toBe('yuan');
    expect(unitOfField('product.p1.stock')).toBe('count');
    expect(unitOfField('segment.s1.title')).toBe('text');
  });
});
