import { describe, expect, it } from 'vitest';
import { ROI_FLOOR } from '../../../../shared/protocol/index.ts';
import { parseCosts, roiLevel } from './costs.ts';

describe('parseCosts', () => {
  it('reads plain and formatted amounts', () => {
    expect(parseCosts('1200')).toBe(1200);
    expect(parseCosts(' 1,200.505 ')).toBe(1200.51);
    expect(parseCosts('¥3000')).toBe(3000);
    expect(parseCosts('３０００元')).toBe(3000);
    expect(parseCosts('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    expect(parseCosts('')).toBeNull();
    expect(parseCosts('-5')).toBeNull();
    expect(parseCosts('12abc')).toBeNull();
    expect(parseCosts('1e3')).toBeNull();
    expect(parseCosts('99999999999')).toBeNull();
  });
});

describe('roiLevel', () => {
  it('is red below the plan floor of 1.5 : 1', () => {
    expect(roiLevel(1.49, ROI_FLOOR)).toBe('red');
    expect(roiLevel(1.5, ROI_FLOOR)).toBe('normal');
    expect(roiLevel(null, ROI_FLOOR)).toBe('none');
  });
});
