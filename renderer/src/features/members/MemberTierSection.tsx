import { useId } from 'react';
import type { Member } from '../../../../shared/members/member.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatWhen, formatDay, isoOf } from './format.ts';
import { TIER_LABEL, TierBadge } from './TierBadge.tsx';

/**
 * The member's effective tier (a temporary promotion counts) and the tier the rules give, each rule met or missed,
 * and every change of tier with its reason, newest first; promotion grants, starts, ends and revocations stand out.
 */
export function MemberTierSection({ member }: { member: Member }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const lifting = member.tier !== member.computedTier ? member.promotions.find((p) => p.status === 'active' && p.tier === member.tier) : undefined;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-tier">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.card.tier')}
      </h2>
      <p className="member-tier__current" data-testid="member-tier-current" data-tier={member.tier} data-computed-tier={member.computedTier}>
        <TierBadge tier={member.tier} testId="member-tier-badge" />{' '}
        {member.tier !== member.computedTier ? (
          <span className="form-help" data-testid="member-tier-promoted">
            {t('members.promotion.lifted', {
              computed: t(TIER_LABEL[member.computedTier]),
              when: formatWhen(lifting?.endsAt ?? null, locale),
              reason: lifting?.reason ?? '',
            })}
          </span>
        ) : (
          <span className="form-help">{t('members.card.tierSince', { when: formatDay(member.tierSince, locale) })}</span>
        )}
      </p>
      <ul className="member-checks" aria-label={t('members.card.checks')}>
        {member.assessment.checks.map((check) => (
          <li key={`${check.tier}-${check.criterion}`} className={`member-check member-check--${check.met ? 'met' : 'missed'}`} data-testid="member-check" data-met={check.met ? 'true' : 'false'} data-criterion={check.criterion}>
            <span className="member-check__mark" aria-hidden="true">
              {check.met ? '✓' : '✗'}
            </span>{' '}
            <span className="member-check__tier">{t(TIER_LABEL[check.tier])}</span>{' '}
            <bdi>{check.text}</bdi>
          </li>
        ))}
      </ul>
      <h3 className="members-minor-heading">{t('members.card.history')}</h3>
      {member.tierHistory.length === 0 ? (
        <p className="form-help">{t('members.card.noHistory')}</p>
      ) : (
        <table className="members-table members-table--compact">
          <thead>
            <tr>
              <th scope="col">{t('members.col.when')}</th>
              <th scope="col">{t('members.col.change')}</th>
              <th scope="col">{t('members.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {member.tierHistory.map((change, i) => (
              <tr
                key={i}
                className={change.kind === 'promotion' ? 'member-history--promotion' : undefined}
                data-testid="member-tier-history"
                data-kind={change.kind}
                data-from={change.from ?? ''}
                data-to={change.to}
              >
                <td>
                  <time dateTime={isoOf(change.at)}>{formatWhen(change.at, locale)}</time>
                </td>
                <td className="member-history__change">
                  {change.kind === 'promotion' && <span className="member-history__kind">{t('members.promotion.historyKind')} </span>}
                  {change.from === null ? t('members.moves.new') : t(TIER_LABEL[change.from])} → {t(TIER_LABEL[change.to])}
                </td>
                <td className="member-history__reason" data-testid="member-tier-reason">
                  <bdi>{change.reason}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
