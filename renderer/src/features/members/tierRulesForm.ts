import { TierRules } from '../../../../shared/members/tiers.ts';

/** The tier rule fields the editor shows, in order, with where each lives in TierRules. */
export const RULE_FIELDS = [
  { id: 'vipSpend', group: 'vip', key: 'spendAbove', unit: 'yuan', integer: false },
  { id: 'vipRate', group: 'vip', key: 'interactionRatePercentAbove', unit: 'percent', integer: false },
  { id: 'vipCommunity', group: 'vip', key: 'communityActivitiesAbove', unit: 'count', integer: true },
  { id: 'silverMonths', group: 'silver', key: 'purchaseWithinMonths', unit: 'months', integer: true },
  { id: 'silverWatch', group: 'silver', key: 'watchMinutesAbove', unit: 'minutes', integer: false },
  { id: 'spendWindow', group: null, key: 'spendWindowMonths', unit: 'months', integer: true },
  { id: 'targetVip', group: 'targetShares', key: 'vip', unit: 'percent', integer: false },
  { id: 'targetSilver', group: 'targetShares', key: 'silver', unit: 'percent', integer: false },
  { id: 'targetBronze', group: 'targetShares', key: 'bronze', unit: 'percent', integer: false },
  { id: 'tagBigSpend', group: 'autoTags', key: 'bigSpenderSpendAtLeast', unit: 'yuan', integer: false },
  { id: 'tagNewBuyerDays', group: 'autoTags', key: 'newBuyerWithinDays', unit: 'days', integer: true },
  { id: 'tagLapsedDays', group: 'autoTags', key: 'lapsedAfterDays', unit: 'days', integer: true },
  { id: 'tagFlashOrders', group: 'autoTags', key: 'flashSaleOrdersAtLeast', unit: 'count', integer: true },
  { id: 'tagLurkerSessions', group: 'autoTags', key: 'lurkerSessionsAtLeast', unit: 'count', integer: true },
  { id: 'tagLurkerMinutes', group: 'autoTags', key: 'lurkerWatchMinutesAtLeast', unit: 'minutes', integer: false },
  { id: 'tagQuestions', group: 'autoTags', key: 'questionsAtLeast', unit: 'count', integer: true },
  { id: 'tagNightSessions', group: 'autoTags', key: 'nightOwlSessionsAtLeast', unit: 'count', integer: true },
  { id: 'tagNightShare', group: 'autoTags', key: 'nightSharePercentAtLeast', unit: 'percent', integer: false },
] as const;

export type RuleFieldId = (typeof RULE_FIELDS)[number]['id'];
export type RulesDraft = Record<RuleFieldId, string>;

function readField(rules: TierRules, field: (typeof RULE_FIELDS)[number]): number {
  if (field.group === null) return rules.spendWindowMonths;
  const group = rules[field.group] as Readonly<Record<string, number>>;
  return group[field.key] ?? Number.NaN;
}

export function draftFromRules(rules: TierRules): RulesDraft {
  const draft = {} as RulesDraft;
  for (const field of RULE_FIELDS) draft[field.id] = String(readField(rules, field));
  return draft;
}

/** A decimal as typed ("5000", "5,000", " 30.5 "); null when it is not a plain number. */
export function parseRuleNumber(text: string): number | null {
  const t = text.trim().replaceAll(',', '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export type RulesParse = { ok: true; rules: TierRules } | { ok: false; fields: RuleFieldId[]; messages: string[] };

/**
 * The typed thresholds as TierRules, checked by the same schema the engine uses. Fields that are not numbers, or
 * that the schema refuses, are named; a target split that does not add up to 100 names the three target fields.
 */
export function rulesFromDraft(draft: RulesDraft): RulesParse {
  const bad: RuleFieldId[] = [];
  const input: Record<string, Record<string, number> | number> = { vip: {}, silver: {}, targetShares: {}, autoTags: {} };
  for (const field of RULE_FIELDS) {
    const value = parseRuleNumber(draft[field.id]);
    if (value === null || (field.integer && !Number.isInteger(value))) {
      bad.push(field.id);
      continue;
    }
    if (field.group === null) input[field.key] = value;
    else (input[field.group] as Record<string, number>)[field.key] = value;
  }
  if (bad.length > 0) return { ok: false, fields: bad, messages: [] };
  const parsed = TierRules.safeParse(input);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const fields = new Set<RuleFieldId>();
  for (const issue of parsed.error.issues) {
    const [group, key] = issue.path.map(String);
    if (group === 'targetShares' && key === undefined) {
      fields.add('targetVip');
      fields.add('targetSilver');
      fields.add('targetBronze');
    }
    for (const field of RULE_FIELDS) {
      if ((field.group === null && group === field.key) || (field.group === group && field.key === key)) fields.add(field.id);
    }
  }
  return { ok: false, fields: [...fields], messages: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}
