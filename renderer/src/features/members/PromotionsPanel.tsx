import { useId, useState } from 'react';
import { AUTO_TAGS, AutoTag } from '../../../../shared/members/auto-tags.ts';
import type { PromotionSelection } from '../../../../shared/members/commands.ts';
import { MemberTier, Tag } from '../../../../shared/members/member.ts';
import type { PromotionGrant } from '../../../../shared/members/promotions.ts';
import { Link } from '../../app/Link.tsx';
import { memberPagePath } from '../../app/router.ts';
import { useResource as useLoad } from '../../app/useResource.ts';
import type { TFunction } from '../../i18n/useT.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { formatCount } from '../feeds/format.ts';
import { AUTO_TAG_LABEL } from './AutoTagChip.tsx';
import { formatWhen, isoOf } from './format.ts';
import { PROMOTION_STATUS } from './MemberPromotions.tsx';
import { fetchPromotionGrants, fetchSelectionCount } from './membersApi.ts';
import { LIFT_LABEL, PromotionGrantForm } from './PromotionGrantForm.tsx';
import { RevokePromotionButton } from './RevokePromotionButton.tsx';
import { TIER_LABEL } from './TierBadge.tsx';
import { useDebounced } from './useDebounced.ts';

const DEBOUNCE_MS = 300;

/** Who a grant went to, in words: "C1, C2 (+3 more)" or "Silver · tag 618 · Lapsed". */
function targetText(t: TFunction, grant: PromotionGrant): string {
  if ('memberIds' in grant.target) {
    const more = grant.target.more > 0 ? ` ${t('members.search.moreAccounts', { count: grant.target.more })}` : '';
    return `${grant.target.memberIds.join(', ')}${more}`;
  }
  const { tier, tag, autoTag } = grant.target.selection;
  const parts: string[] = [];
  const parsedTier = MemberTier.safeParse(tier);
  if (parsedTier.success) parts.push(t(TIER_LABEL[parsedTier.data]));
  if (tag !== undefined) parts.push(t('members.promotion.tagIs', { tag }));
  const parsedAuto = AutoTag.safeParse(autoTag);
  if (parsedAuto.success) parts.push(t(AUTO_TAG_LABEL[parsedAuto.data]));
  return parts.join(' · ');
}

/**
 * 临时升级 for operations: the promotions still running or scheduled, each revocable as a whole, and a grant to a
 * selection of members by tier (as the rules give it), manual tag and automatic tag, with the count beforehand.
 */
export function PromotionsPanel({ revision, onChanged }: { revision: number; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [grants] = useLoad(`promotions|${revision}`, fetchPromotionGrants);
  const [tier, setTier] = useState<MemberTier | ''>('');
  const [tag, setTag] = useState('');
  const [autoTag, setAutoTag] = useState<AutoTag | ''>('');

  const tagText = tag.trim();
  const tagValid = tagText === '' || Tag.safeParse(tagText).success;
  const selection: PromotionSelection | null =
    (tier === '' && tagText === '' && autoTag === '') || !tagValid
      ? null
      : { ...(tier === '' ? {} : { tier }), ...(tagText === '' ? {} : { tag: tagText }), ...(autoTag === '' ? {} : { autoTag }) };
  const selectionKey = useDebounced(selection === null ? '' : JSON.stringify(selection), DEBOUNCE_MS);
  const [count] = useLoad(`selection|${revision}|${selectionKey}`, (signal) =>
    selectionKey === '' ? Promise.resolve(null) : fetchSelectionCount(JSON.parse(selectionKey) as PromotionSelection, signal),
  );
  const matched = count.status === 'ready' && selectionKey !== '' && selectionKey === JSON.stringify(selection) ? count.data : null;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="promotions-panel">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.promotion.panelHeading')}
      </h2>
      <p className="form-help">{t('members.promotion.panelHelp')}</p>

      <h3 className="members-minor-heading">{t('members.promotion.openHeading')}</h3>
      {grants.status === 'error' && <ApiErrorMessage error={grants.error} testId="promotions-error" scope="members" />}
      {grants.status === 'loading' && <p className="form-help">{t('members.loading')}</p>}
      {grants.status === 'ready' &&
        (grants.data.length === 0 ? (
          <p className="form-help" data-testid="promotions-none">
            {t('members.promotion.noneOpen')}
          </p>
        ) : (
          <ul className="promotion-list" data-testid="promotions-open">
            {grants.data.map((g) => {
              const label = `${t(LIFT_LABEL[g.lift])} · ${g.reason}`;
              const one = 'memberIds' in g.target && g.target.memberIds.length === 1 && g.target.more === 0 ? g.target.memberIds[0] : undefined;
              return (
                <li key={g.id} className={`promotion promotion--${g.status}`} data-testid="promotion-grant" data-grant-id={g.id} data-status={g.status}>
                  <div className="promotion__main">
                    <span className="promotion__status">{t(PROMOTION_STATUS[g.status])}</span>
                    <span className="promotion__lift">{t(LIFT_LABEL[g.lift])}</span>
                    <bdi className="promotion__reason">{g.reason}</bdi>
                  </div>
                  <p className="promotion__period">
                    <time dateTime={isoOf(g.startsAt)}>{formatWhen(g.startsAt, locale)}</time> – <time dateTime={isoOf(g.endsAt)}>{formatWhen(g.endsAt, locale)}</time>
                    {' · '}
                    {t('members.promotion.members', { open: formatCount(g.openMembers, locale), total: formatCount(g.members, locale) })}
                  </p>
                  <p className="promotion__target">
                    {one !== undefined ? (
                      <Link to={memberPagePath(one)} className="inline-link" testId="promotion-member">
                        {one}
                      </Link>
                    ) : (
                      <bdi>{targetText(t, g)}</bdi>
                    )}
                  </p>
                  <RevokePromotionButton grantId={g.id} label={label} onRevoked={onChanged} />
                </li>
              );
            })}
          </ul>
        ))}

      <h3 className="members-minor-heading">{t('members.promotion.selectionHeading')}</h3>
      <div className="promotion-form__row">
        <label className="field field--compact">
          <span className="field-label">{t('members.promotion.byTier')}</span>
          <select data-testid="promotion-select-tier" value={tier} onChange={(e) => setTier(MemberTier.safeParse(e.target.value).data ?? '')}>
            <option value="">{t('members.promotion.anyTier')}</option>
            {MemberTier.options.map((option) => (
              <option key={option} value={option}>
                {t(TIER_LABEL[option])}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--compact">
          <span className="field-label">{t('members.promotion.byTag')}</span>
          <input type="text" data-testid="promotion-select-tag" maxLength={64} spellCheck={false} aria-invalid={!tagValid} value={tag} onChange={(e) => setTag(e.target.value)} />
        </label>
        <label className="field field--compact">
          <span className="field-label">{t('members.promotion.byAutoTag')}</span>
          <select data-testid="promotion-select-auto-tag" value={autoTag} onChange={(e) => setAutoTag(AutoTag.safeParse(e.target.value).data ?? '')}>
            <option value="">{t('members.search.anyAutoTag')}</option>
            {AUTO_TAGS.map((option) => (
              <option key={option} value={option}>
                {t(AUTO_TAG_LABEL[option])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="form-help" data-testid="promotion-selection-count" data-count={matched ?? ''}>
        {selection === null
          ? t('members.promotion.chooseSelection')
          : matched === null
            ? t('members.loading')
            : t('members.promotion.selectionCount', { count: formatCount(matched, locale) })}
      </p>
      <PromotionGrantForm
        target={{ selection: selection ?? {} }}
        count={matched}
        disabled={selection === null || matched === null || matched === 0}
        onGranted={onChanged}
        testId="selection-promotion-form"
      />
    </section>
  );
}
