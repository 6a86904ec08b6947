import type { MemberTier } from '../../../../shared/members/member.ts';
import { useT } from '../../i18n/useT.ts';
import './badges.css';

export const TIER_LABEL = { vip: 'members.tier.vip', silver: 'members.tier.silver', bronze: 'members.tier.bronze' } as const satisfies Record<MemberTier, string>;
export const TIER_SHORT = { vip: 'members.tier.short.vip', silver: 'members.tier.short.silver', bronze: 'members.tier.short.bronze' } as const satisfies Record<
  MemberTier,
  string
>;

/** A member's tier as a coloured label. */
export function TierBadge({ tier, short = false, testId = 'tier-badge' }: { tier: MemberTier; short?: boolean; testId?: string }) {
  const t = useT();
  return (
    <span className={`tier-badge tier-badge--${tier}`} data-testid={testId} data-tier={tier} title={short ? t(TIER_LABEL[tier]) : undefined}>
      {t(short ? TIER_SHORT[tier] : TIER_LABEL[tier])}
    </span>
  );
}
