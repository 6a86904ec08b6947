import { describe, expect, it } from 'vitest';
import { LiveMetrics } from '../../../../shared/feeds/metrics.ts';
import { tickerCells } from './metricsView.ts';

describe('tickerCells', () => {
  it('keeps viewers now, GMV, orders and conversion, formatted for the language', () => {
    const m = { ...new LiveMetrics().snapshot(0), orders: 1234, gmv: 5678.5, conversionRate: 0.0345 };
    m.viewers = { ...m.viewers, now: 2048 };
    expect(tickerCells(m, 'en').map((c) => [c.id, c.value])).toEqual([
      ['ticker-viewers', '2,048'],
      ['ticker-gmv', expect.stringContaining('5,678.50')],
      ['ticker-orders', '1,234'],
      ['ticker-conversion', '3.5%'],
    ]);
  });
});
