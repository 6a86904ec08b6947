import { useCallback, useId } from 'react';
import type { Member } from '../../../../shared/members/member.ts';
import type { TierRules } from '../../../../shared/members/tiers.ts';
import { ApiError } from '../../app/api.ts';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { invalidateMemberBadges } from './badgeStore.ts';
import { formatDay, isoOf, memberName } from './format.ts';
import { MemberAuditList } from './MemberAuditList.tsx';
import { MemberIdentities } from './MemberIdentities.tsx';
import { MemberMerge } from './MemberMerge.tsx';
import { MemberSessions } from './MemberSessions.tsx';
import { AutoTagChip } from './AutoTagChip.tsx';
import { MemberPromotions } from './MemberPromotions.tsx';
import { fetchAudit, fetchMember, fetchTierRules, type MemberAudit } from './membersApi.ts';
import { MemberTierSection } from './MemberTierSection.tsx';
import { MemberTotalsList } from './MemberTotalsList.tsx';
import { useResource as useLoad } from '../../app/useResource.ts';

const ORIGIN_LABEL = { live: 'members.origin.live', import: 'members.origin.import', split: 'members.origin.split' } as const;

async function loadCard(id: string, signal: AbortSignal): Promise<{ member: Member; audit: MemberAudit[]; rules: TierRules | null }> {
  // The rules only explain the automatic tags (tooltips): the card still shows without them.
  const [member, audit, rules] = await Promise.all([fetchMember(id, signal), fetchAudit(id, signal), fetchTierRules(signal).catch(() => null)]);
  return { member, audit, rules };
}

/**
 * One member's card: effective tier and why, temporary promotions (grant, revoke), automatic and manual tags, totals,
 * linked accounts (split), merge another record in, audit trail.
 */
export function MemberPage({ memberId }: { memberId: string }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [card, reload] = useLoad(`member|${memberId}`, (signal) => loadCard(memberId, signal));
  const changed = useCallback(() => {
    invalidateMemberBadges();
    reload();
  }, [reload]);

  const back = (
    <Link to={ROUTE_PATHS.members} className="inline-link" testId="member-back">
      {t('members.card.back')}
    </Link>
  );

  if (card.status !== 'ready') {
    const notFound = card.status === 'error' && card.error instanceof ApiError && card.error.code === 'not_found';
    return (
      <main className="view members-view" data-testid="member-card" data-state={card.status}>
        {back}
        <h1 className="view__heading">{t('members.card.heading')}</h1>
        {card.status === 'loading' && <p className="form-help">{t('members.loading')}</p>}
        {notFound && (
          <p className="empty-state" data-testid="member-not-found">
            {t('members.card.notFound', { id: memberId })}
          </p>
        )}
        {card.status === 'error' && !notFound && <ApiErrorMessage error={card.error} testId="member-error" scope="members" />}
      </main>
    );
  }

  const { member, audit, rules } = card.data;
  return (
    <main
      className="view members-view member-page"
      data-testid="member-card"
      data-member-id={member.id}
      data-tier={member.tier}
      data-computed-tier={member.computedTier}
      aria-busy={card.refreshing}
    >
      {back}
      <header className="member-page__header">
        <h1 className="view__heading">
          <bdi data-testid="member-name">{memberName(member.displayName, member.id)}</bdi>
        </h1>
        <p className="member-page__meta">
          <code data-testid="member-id">{member.id}</code>
          <span>{t(ORIGIN_LABEL[member.origin])}</span>
          <span>
            {t('members.card.since')} <time dateTime={isoOf(member.createdAt)}>{formatDay(member.createdAt, locale)}</time>
          </span>
        </p>
        {member.autoTags.length > 0 && (
          <p className="member-page__tags" data-testid="member-auto-tags" aria-label={t('members.autoTag.heading')}>
            <span className="member-page__tags-label">{t('members.autoTag.heading')}</span>
            {member.autoTags.map((tag) => (
              <AutoTagChip key={tag} tag={tag} rules={rules} />
            ))}
          </p>
        )}
        {(member.tags.length > 0 || member.communityIds.length > 0) && (
          <p className="member-page__tags" aria-label={t('members.card.manualTags')}>
            <span className="member-page__tags-label">{t('members.card.manualTags')}</span>
            {member.tags.map((tag) => (
              <span key={`t-${tag}`} className="member-tag" data-testid="member-tag">
                <bdi>{tag}</bdi>
              </span>
            ))}
            {member.communityIds.map((community) => (
              <span key={`c-${community}`} className="member-tag member-tag--community" title={t('members.card.community')}>
                <bdi>{community}</bdi>
              </span>
            ))}
          </p>
        )}
      </header>

      <div className="member-page__grid">
        <MemberTierSection member={member} />
        <div className="members-view__side">
          <MemberPromotions member={member} onChanged={changed} />
          <MemberTotalsList totals={member.totals} />
        </div>
      </div>

      <MemberIdentities member={member} onChanged={changed} />
      <div className="member-page__grid">
        <MemberMerge targetId={member.id} onChanged={changed} />
        <section className="panel" aria-labelledby={`${id}-audit`} data-testid="member-audit">
          <h2 id={`${id}-audit`} className="panel__heading">
            {t('members.audit.heading')}
          </h2>
          <MemberAuditList audit={audit} memberId={member.id} />
        </section>
      </div>
      <MemberSessions sessions={member.recentSessions} />
    </main>
  );
}
