import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_RULES } from '../../../../shared/members/tiers.ts';
import { draftFromRules, parseRuleNumber, rulesFromDraft } from './tierRulesForm.ts';

describe('tier rules form', () => {
  it('round-trips the default rules', () => {
    const draft = draftFromRules(DEFAULT_TIER_RULES);
    expect(draft).toMatchObject({ vipSpend: '5000', vipRate: '30', vipCommunity: '10', silverMonths: '3', silverWatch: '15', spendWindow: '12', targetVip: '15' });
    expect(rulesFromDraft(draft)).toEqual({ ok: true, rules: DEFAULT_TIER_RULES });
  });

  it('reads thousands separators and decimals', () => {
    expect(parseRuleNumber(' 5,000.5 ')).toBe(5000.5);
    expect(parseRuleNumber('-1')).toBeNull();
    expect(parseRuleNumber('1e3')).toBeNull();
    expect(parseRuleNumber('')).toBeNull();
    const parsed = rulesFromDraft({ ...draftFromRules(DEFAULT_TIER_RULES), vipSpend: '8,000' });
    expect(parsed.ok && parsed.rules.vip.spendAbove).toBe(8000);
  });

  it('names fields that are not numbers or not whole', () => {
    const parsed = rulesFromDraft({ ...draftFromRules(DEFAULT_TIER_RULES), vipSpend: 'lots', silverMonths: '2.5' });
    expect(parsed).toMatchObject({ ok: false, fields: ['vipSpend', 'silverMonths'] });
  });

  it('names the fields the engine’s schema refuses', () => {
    expect(rulesFromDraft({ ...draftFromRules(DEFAULT_TIER_RULES), vipRate: '130' })).toMatchObject({ ok: false, fields: ['vipRate'] });
    expect(rulesFromDraft({ ...draftFromRules(DEFAULT_TIER_RULES), spendWindow: '0' })).toMatchObject({ ok: false, fields: ['spendWindow'] });
  });

  it('names the three plan shares when they do not add up to 100', () => {
    const parsed = rulesFromDraft({ ...draftFromRules(DEFAULT_TIER_RULES), targetVip: '20' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fields.sort()).toEqual(['targetBronze', 'targetSilver', 'targetVip']);
  });

  it('carries the automatic-tag thresholds, so saving the tier rules never resets them', () => {
    const draft = { ...draftFromRules(DEFAULT_TIER_RULES), tagLapsedDays: '60', tagBigSpend: '2,500' };
    expect(draftFromRules(DEFAULT_TIER_RULES)).toMatchObject({ tagLapsedDays: '90', tagNightShare: '50', tagLurkerMinutes: '60' });
    const parsed = rulesFromDraft(draft);
    expect(parsed.ok && parsed.rules.autoTags).toEqual({ ...DEFAULT_TIER_RULES.autoTags, lapsedAfterDays: 60, bigSpenderSpendAtLeast: 2500 });
    expect(rulesFromDraft({ ...draft, tagQuestions: '2.5', tagNightShare: '120' })).toMatchObject({ ok: false, fields: ['tagQuestions'] });
    expect(rulesFromDraft({ ...draft, tagNightShare: '120' })).toMatchObject({ ok: false, fields: ['tagNightShare'] });
  });
});
