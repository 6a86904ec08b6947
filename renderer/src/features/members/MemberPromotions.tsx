import { useId } from 'react';
import type { Member } from '../../../../shared/members/member.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatWhen, isoOf } from './format.ts';
import { LIFT_LABEL, PromotionGrantForm } from './PromotionGrantForm.tsx';
import { RevokePromotionButton } from './RevokePromotionButton.tsx';
import { TIER_LABEL } from './TierBadge.tsx';

export const PROMOTION_STATUS = {
  scheduled: 'members.promotion.status.scheduled',
  active: 'members.promotion.status.active',
  ended: 'members.promotion.status.ended',
  revoked: 'members.promotion.status.revoked',
} as const satisfies Record<Member['promotions'][number]['status'], MessageKey>;

/** The member's temporary promotions (scheduled and active, each revocable) and a form to grant one. */
export function MemberPromotions({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-promotions">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.promotion.heading')}
      </h2>
      <p className="form-help">{t('members.promotion.help')}</p>
      {member.promotions.length === 0 ? (
        <p className="form-help" data-testid="member-promotions-none">
          {t('members.promotion.none')}
        </p>
      ) : (
        <ul className="promotion-list">
          {member.promotions.map((p) => {
            const label = `${t(LIFT_LABEL[p.lift])} · ${p.reason}`;
            return (
              <li key={p.grantId} className={`promotion promotion--${p.status}`} data-testid="member-promotion" data-grant-id={p.grantId} data-status={p.status}>
                <div className="promotion__main">
                  <span className="promotion__status">{t(PROMOTION_STATUS[p.status])}</span>
                  <span className="promotion__lift">
                    {t(LIFT_LABEL[p.lift])} → {t(TIER_LABEL[p.tier])}
                  </span>
                  <bdi className="promotion__reason">{p.reason}</bdi>
                </div>
                <p className="promotion__period">
                  <time dateTime={isoOf(p.startsAt)}>{formatWhen(p.startsAt, locale)}</time> – <time dateTime={isoOf(p.endsAt)}>{formatWhen(p.endsAt, locale)}</time>
                </p>
                <RevokePromotionButton grantId={p.grantId} memberId={member.id} label={label} onRevoked={onChanged} />
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="members-minor-heading">{t('members.promotion.grantHeading')}</h3>
      <PromotionGrantForm target={{ memberIds: [member.id] }} onGranted={onChanged} testId="member-promotion-form" />
    </section>
  );
}
