import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, HealthThresholds } from '../../../../shared/protocol/index.ts';
import { parseThresholdsDraft, thresholdsToDraft } from './thresholds.ts';

describe('health thresholds form', () => {
  it('shows ratios as percentages', () => {
    const draft = thresholdsToDraft(DEFAULT_HEALTH_THRESHOLDS);
    expect(draft.fpsRatio).toEqual({ warn: '95', alarm: '80' });
    expect(draft.congestion).toEqual({ warn: '20', alarm: '50' });
    expect(draft.cpuPercent).toEqual({ warn: '70', alarm: '90' });
  });

  it('round-trips the defaults into thresholds the engine accepts', () => {
    const parsed = parseThresholdsDraft(thresholdsToDraft(DEFAULT_HEALTH_THRESHOLDS));
    expect(parsed).toEqual({ ok: true, value: DEFAULT_HEALTH_THRESHOLDS });
    if (parsed.ok) expect(HealthThresholds.safeParse(parsed.value).success).toBe(true);
  });

  it('names blank, non-numeric and out-of-range fields', () => {
    const draft = thresholdsToDraft(DEFAULT_HEALTH_THRESHOLDS);
    draft.cpuPercent.warn = '';
    draft.diskFreeMb.alarm = 'lots';
    draft.fpsRatio.warn = '120';
    const parsed = parseThresholdsDraft(draft);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toContainEqual({ key: 'cpuPercent', level: 'warn', problem: 'not_a_number' });
      expect(parsed.errors).toContainEqual({ key: 'diskFreeMb', level: 'alarm', problem: 'not_a_number' });
      expect(parsed.errors).toContainEqual({ key: 'fpsRatio', level: 'warn', problem: 'out_of_range' });
    }
  });

  it('refuses a warning beyond the alarm, in each direction', () => {
    const draft = thresholdsToDraft(DEFAULT_HEALTH_THRESHOLDS);
    draft.cpuPercent = { warn: '95', alarm: '90' }; // bigger is worse
    draft.minStreamKbps = { warn: '100', alarm: '200' }; // smaller is worse
    const parsed = parseThresholdsDraft(draft);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toEqual([
        { key: 'cpuPercent', level: 'both', problem: 'order' },
        { key: 'minStreamKbps', level: 'both', problem: 'order' },
      ]);
    }
  });
});
