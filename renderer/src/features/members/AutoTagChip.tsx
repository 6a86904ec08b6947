import type { AutoTag } from '../../../../shared/members/auto-tags.ts';
import type { TierRules } from '../../../../shared/members/tiers.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { TFunction } from '../../i18n/useT.ts';
import { useT } from '../../i18n/useT.ts';

export const AUTO_TAG_LABEL = {
  big_spender: 'members.autoTag.big_spender',
  new_buyer: 'members.autoTag.new_buyer',
  lapsed: 'members.autoTag.lapsed',
  flash_sale_only: 'members.autoTag.flash_sale_only',
  lurker: 'members.autoTag.lurker',
  question_asker: 'members.autoTag.question_asker',
  night_owl: 'members.autoTag.night_owl',
} as const satisfies Record<AutoTag, MessageKey>;

const AUTO_TAG_RULE = {
  big_spender: 'members.autoTag.rule.big_spender',
  new_buyer: 'members.autoTag.rule.new_buyer',
  lapsed: 'members.autoTag.rule.lapsed',
  flash_sale_only: 'members.autoTag.rule.flash_sale_only',
  lurker: 'members.autoTag.rule.lurker',
  question_asker: 'members.autoTag.rule.question_asker',
  night_owl: 'members.autoTag.rule.night_owl',
} as const satisfies Record<AutoTag, MessageKey>;

/** What earns the tag, with the thresholds in force ("12-month spend of at least 3000 yuan"). */
export function autoTagRule(t: TFunction, tag: AutoTag, rules: TierRules): string {
  const a = rules.autoTags;
  const params: Record<AutoTag, Record<string, number>> = {
    big_spender: { months: rules.spendWindowMonths, yuan: a.bigSpenderSpendAtLeast },
    new_buyer: { days: a.newBuyerWithinDays },
    lapsed: { days: a.lapsedAfterDays },
    flash_sale_only: { orders: a.flashSaleOrdersAtLeast },
    lurker: { sessions: a.lurkerSessionsAtLeast, minutes: a.lurkerWatchMinutesAtLeast },
    question_asker: { questions: a.questionsAtLeast },
    night_owl: { sessions: a.nightOwlSessionsAtLeast, percent: a.nightSharePercentAtLeast },
  };
  return t(AUTO_TAG_RULE[tag], params[tag]);
}

/** An automatic behaviour tag: drawn apart from manual tags (dashed, marked "auto"), its rule as the tooltip. */
export function AutoTagChip({ tag, rules }: { tag: AutoTag; rules?: TierRules | null | undefined }) {
  const t = useT();
  return (
    <span
      className="member-tag member-tag--auto"
      data-testid="member-auto-tag"
      data-tag={tag}
      title={rules ? `${t('members.autoTag.title')}: ${autoTagRule(t, tag, rules)}` : t('members.autoTag.title')}
    >
      <span className="member-tag__auto-mark" aria-hidden="true">
        ⚙
      </span>
      <span className="visually-hidden">{t('members.autoTag.srPrefix')} </span>
      {t(AUTO_TAG_LABEL[tag])}
    </span>
  );
}
