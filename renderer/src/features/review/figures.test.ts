import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { KPI_FIGURES, LIST_FIGURES } from './compare.ts';
import { FIGURE_LABELS, formatFigure } from './figures.ts';

describe('formatFigure', () => {
  it('reads each kind of figure', () => {
    expect(formatFigure('durationMs', 93_284, 'en')).toBe('01:33');
    expect(formatFigure('peakViewers', 3080, 'en')).toBe('3,080');
    expect(formatFigure('averageViewers', 2045.25, 'en')).toBe('2,045');
    expect(formatFigure('conversionRate', 0.14443, 'en')).toBe('14.4%');
    expect(formatFigure('gmv', 59309.5, 'zh-CN')).toBe('¥59,309.50');
    expect(formatFigure('roi', 2.5, 'en')).toBe('2.50 : 1');
    expect(formatFigure('roi', null, 'en')).toBe('—');
    expect(formatFigure('uvValue', 3.4, 'en', 'USD')).toBe('$3.40');
  });

  it('has a label for every figure shown', () => {
    for (const id of [...LIST_FIGURES, ...KPI_FIGURES]) expect(Object.hasOwn(en, FIGURE_LABELS[id]), id).toBe(true);
  });
});
