import { useId, useState } from 'react';
import { AUTO_TAGS, AutoTag } from '../../../../shared/members/auto-tags.ts';
import { identityKey } from '../../../../shared/members/member.ts';
import { Link } from '../../app/Link.tsx';
import { navigate } from '../../app/navigation.ts';
import { memberPagePath } from '../../app/router.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { AUTO_TAG_LABEL, AutoTagChip } from './AutoTagChip.tsx';
import { formatDay, formatSpend, formatWhen, isoOf, memberName } from './format.ts';
import { searchMembers } from './membersApi.ts';
import { TierBadge } from './TierBadge.tsx';
import { useResource as useLoad } from '../../app/useResource.ts';
import { useDebounced } from './useDebounced.ts';

const DEBOUNCE_MS = 300;
/** Platform accounts listed per member in a row; the card lists them all. */
const IDS_SHOWN = 3;

/** Manual tags shown per row (the card lists them all); automatic tags are few and all shown. */
const TAGS_SHOWN = 4;

/**
 * Search by any id (member, platform account, community), nickname or tag; the biggest spenders when empty. The
 * automatic-tag filter narrows either to members carrying that tag.
 */
export function MemberSearch({ revision }: { revision: number }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [text, setText] = useState('');
  const [autoTag, setAutoTag] = useState<AutoTag | null>(null);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const [hits] = useLoad(`${revision}|${autoTag ?? ''}|${query}`, (signal) => searchMembers(query, signal, autoTag));

  return (
    <section className="panel members-search" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.search.heading')}
      </h2>
      <label className="field">
        <span className="field-label">{t('members.search.label')}</span>
        <input
          type="search"
          data-testid="members-search"
          placeholder={t('members.search.placeholder')}
          value={text}
          maxLength={200}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="field field--compact">
        <span className="field-label">{t('members.search.autoTagFilter')}</span>
        <select
          data-testid="members-auto-tag-filter"
          value={autoTag ?? ''}
          onChange={(e) => {
            const parsed = AutoTag.safeParse(e.target.value);
            setAutoTag(parsed.success ? parsed.data : null);
          }}
        >
          <option value="">{t('members.search.anyAutoTag')}</option>
          {AUTO_TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {t(AUTO_TAG_LABEL[tag])}
            </option>
          ))}
        </select>
      </label>
      <p className="form-help">
        {query === '' ? t('members.search.top') : t('members.search.matching', { query })}
        {autoTag !== null && ` ${t('members.search.withAutoTag', { tag: t(AUTO_TAG_LABEL[autoTag]) })}`}
      </p>

      {hits.status === 'error' && <ApiErrorMessage error={hits.error} testId="members-search-error" scope="members" />}
      {hits.status === 'loading' && <p className="form-help">{t('members.loading')}</p>}
      {hits.status === 'ready' &&
        (hits.data.length === 0 ? (
          <p className="empty-state empty-state--small" data-testid="members-search-empty">
            {query === '' ? t('members.search.none') : t('members.search.noMatch')}
          </p>
        ) : (
          <div className="members-table-wrap">
            <table className="members-table" data-testid="members-results" aria-busy={hits.refreshing}>
              <thead>
                <tr>
                  <th scope="col">{t('members.col.tier')}</th>
                  <th scope="col">{t('members.col.name')}</th>
                  <th scope="col">{t('members.col.ids')}</th>
                  <th scope="col" className="members-table__num">
                    {t('members.col.spend12m')}
                  </th>
                  <th scope="col">{t('members.col.lastPurchase')}</th>
                </tr>
              </thead>
              <tbody>
                {hits.data.map((hit) => (
                  <tr
                    key={hit.id}
                    className="members-table__row"
                    data-testid="member-row"
                    data-member-id={hit.id}
                    data-tier={hit.tier}
                    data-computed-tier={hit.computedTier}
                    onClick={(e) => {
                      // The whole row opens the card; the link inside stays for the keyboard and new tabs.
                      if (e.target instanceof Element && e.target.closest('a, button') !== null) return;
                      if (window.getSelection()?.isCollapsed === false) return; // selecting an id to copy it
                      navigate(memberPagePath(hit.id));
                    }}
                  >
                    <td>
                      <TierBadge tier={hit.tier} />
                      {hit.promotedUntil !== null && (
                        <span
                          className="tier-promoted"
                          data-testid="member-row-promoted"
                          title={t('members.promotion.promotedUntil', { when: formatWhen(hit.promotedUntil, locale) })}
                        >
                          {t('members.promotion.short')}
                        </span>
                      )}
                    </td>
                    <th scope="row" className="members-table__name">
                      <Link to={memberPagePath(hit.id)} className="members-table__link" testId="member-open">
                        <bdi>{memberName(hit.displayName, hit.id)}</bdi>
                      </Link>
                      {(hit.tags.length > 0 || hit.autoTags.length > 0) && (
                        <span className="members-table__tags">
                          {hit.autoTags.map((tag) => (
                            <AutoTagChip key={`a-${tag}`} tag={tag} />
                          ))}
                          {hit.tags.slice(0, TAGS_SHOWN).map((tag) => (
                            <span key={tag} className="member-tag">
                              <bdi>{tag}</bdi>
                            </span>
                          ))}
                        </span>
                      )}
                    </th>
                    <td className="members-table__ids">
                      <code data-testid="member-row-id">{hit.id}</code>
                      {hit.identities.slice(0, IDS_SHOWN).map((identity) => (
                        <span key={identityKey(identity.platform, identity.platformUserId)} className="members-table__account">
                          <span className={`platform-badge platform-badge--${identity.platform}`}>{t(`feeds.platform.${identity.platform}`)}</span>{' '}
                          <code>
                            <bdi>{identity.platformUserId}</bdi>
                          </code>
                        </span>
                      ))}
                      {hit.identities.length > IDS_SHOWN && (
                        <span className="form-help">{t('members.search.moreAccounts', { count: hit.identities.length - IDS_SHOWN })}</span>
                      )}
                    </td>
                    <td className="members-table__num" data-testid="member-row-spend" data-spend12m={hit.spend12m}>
                      <span title={t('members.search.lifetime', { amount: formatSpend(hit.lifetimeSpend, locale) })}>{formatSpend(hit.spend12m, locale)}</span>
                    </td>
                    <td>
                      <time dateTime={isoOf(hit.lastPurchaseAt)}>{formatDay(hit.lastPurchaseAt, locale)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
