import { describe, expect, it } from 'vitest';
import { toSaleView, type RunSlice } from '../../../../shared/protocol/index.ts';
import { createFlashSale, openSale, recordSale } from '../../../../shared/show/flash-sale.ts';
import { initialRunState } from '../../../../shared/show/run-clock.ts';
import type { FlashSalePlan, Show } from '../../../../shared/show/schema.ts';
import { formatYuan, prompterSale, runnerSales, saleModel, saleRefusalReason } from './saleView.ts';

const plan = (id: string, extra: Partial<FlashSalePlan> = {}): FlashSalePlan => ({
  id,
  productId: 'p1',
  dealPrice: 9.9,
  quantity: 10,
  perCustomerLimit: 2,
  warmupMs: 30_000,
  durationMs: 300_000,
  start: { mode: 'manual' },
  ...extra,
});

const seg = (id: string, flashSales: FlashSalePlan[]) => ({
  id,
  kind: 'product' as const,
  title: id,
  plannedDurationMs: 600_000,
  talkingPoints: '',
  sceneName: null,
  cameraPresetId: null,
  productIds: [],
  cues: [],
  flashSales,
});

const show: Show = {
  id: 'show',
  title: 'Show',
  platforms: [],
  plannedStart: null,
  bannedWords: null,
  products: [],
  segments: [seg('s1', [plan('a')]), seg('s2', [plan('b'), plan('c', { start: { mode: 'offset', offsetMs: 60_000 } })])],
};

function slice(sales: RunSlice['sales']): RunSlice {
  return { run: initialRunState(), sales, cues: [], rehearsal: false, recovered: null };
}

describe('saleModel', () => {
  it('treats a plan the engine has not opened as scheduled, with its full quantity', () => {
    expect(saleModel(plan('a'), undefined, 0)).toMatchObject({ status: 'scheduled', countdown: null, remaining: 10, opened: false });
  });

  it('counts down to going live, then to the end, from the recorded instants', () => {
    const view = toSaleView(openSale(createFlashSale(plan('a')), 1_000));
    expect(saleModel(plan('a'), view, 11_000)).toMatchObject({ status: 'warmup', countdown: { phase: 'to_live', remainingMs: 20_000 } });
    // The engine has not ticked yet, but the view already knows the sale went live at 31 000.
    expect(saleModel(plan('a'), view, 41_000)).toMatchObject({ status: 'live', countdown: { phase: 'to_end', remainingMs: 290_000 } });
    expect(saleModel(plan('a'), view, 331_000)).toMatchObject({ status: 'ended', countdown: null });
  });

  it('keeps sold and remaining', () => {
    const live = openSale(createFlashSale(plan('a')), 0);
    const sold = recordSale(live, 2, 'buyer', 40_000);
    expect(sold.accepted).toBe(true);
    expect(saleModel(plan('a'), toSaleView(sold.state), 41_000)).toMatchObject({ sold: 2, remaining: 8 });
  });
});

describe('runnerSales', () => {
  it('lists the current segment’s plans, then sales still running elsewhere', () => {
    const running = toSaleView(openSale(createFlashSale(plan('a')), 0));
    const models = runnerSales(show, slice([running]), 's2', 5_000);
    expect(models.map((m) => [m.plan.id, m.status])).toEqual([
      ['b', 'scheduled'],
      ['c', 'scheduled'],
      ['a', 'warmup'],
    ]);
  });

  it('leaves out finished sales of other segments', () => {
    const cancelled = toSaleView({ ...openSale(createFlashSale(plan('a')), 0), status: 'cancelled', closedAt: 1 });
    expect(runnerSales(show, slice([cancelled]), 's2', 5_000).map((m) => m.plan.id)).toEqual(['b', 'c']);
  });
});

describe('prompterSale', () => {
  it('prefers a live sale over one warming up', () => {
    const warming = toSaleView(openSale(createFlashSale(plan('a')), 50_000));
    const live = toSaleView(openSale(createFlashSale(plan('b')), 0));
    expect(prompterSale(slice([warming, live]), 60_000)?.plan.id).toBe('b');
    expect(prompterSale(slice([warming]), 60_000)?.plan.id).toBe('a');
    expect(prompterSale(slice([]), 60_000)).toBeNull();
  });
});

describe('saleRefusalReason', () => {
  it('reads the engine’s refusal', () => {
    expect(saleRefusalReason('Sale refused: over_limit')).toBe('over_limit');
    expect(saleRefusalReason('Sale refused: insufficient_stock')).toBe('insufficient_stock');
    expect(saleRefusalReason('Sale refused: hacked')).toBeNull();
    expect(saleRefusalReason('That flash sale has not been opened.')).toBeNull();
  });
});

describe('formatYuan', () => {
  it('shows fen only when there are some', () => {
    expect(formatYuan(99)).toBe('¥99');
    expect(formatYuan(19.9)).toBe('¥19.90');
    expect(formatYuan(0.05)).toBe('¥0.05');
  });
});

describe('prompterSale after a sell-out', () => {
  it('keeps showing a sold-out sale for a while so the streamer can announce it, then drops it', () => {
    let sale = openSale(createFlashSale(plan('z', { quantity: 1 })), 0);
    sale = recordSale(sale, 1, 'buyer', 31_000).state;
    expect(sale.status).toBe('soldout');
    const s = slice([toSaleView(sale)]);
    expect(prompterSale(s, 31_000 + 29_000)?.status).toBe('soldout');
    expect(prompterSale(s, 31_000 + 30_000)).toBeNull();
  });
});
