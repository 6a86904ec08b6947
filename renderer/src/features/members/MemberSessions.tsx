import { useId } from 'react';
import type { MemberSessionSummary } from '../../../../shared/members/member.ts';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../feeds/format.ts';
import { formatMinutes, formatSpend, formatWhen, isoOf } from './format.ts';

/** The shows this member watched most recently, with what they did in each. */
export function MemberSessions({ sessions }: { sessions: readonly MemberSessionSummary[] }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-sessions">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.sessions.heading')}
      </h2>
      {sessions.length === 0 ? (
        <p className="form-help">{t('members.sessions.none')}</p>
      ) : (
        <div className="members-table-wrap">
          <table className="members-table members-table--compact">
            <thead>
              <tr>
                <th scope="col">{t('members.col.when')}</th>
                <th scope="col">{t('members.sessions.show')}</th>
                <th scope="col" className="members-table__num">
                  {t('members.totals.watchMinutes')}
                </th>
                <th scope="col" className="members-table__num">
                  {t('members.totals.comments')}
                </th>
                <th scope="col" className="members-table__num">
                  {t('members.totals.orders')}
                </th>
                <th scope="col" className="members-table__num">
                  {t('members.sessions.spend')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.sessionId} data-testid="member-session" data-session-id={s.sessionId}>
                  <td>
                    <time dateTime={isoOf(s.startedAt)}>{formatWhen(s.startedAt, locale)}</time>
                  </td>
                  <td>
                    <Link to={`${ROUTE_PATHS.review}/${encodeURIComponent(s.sessionId)}`} className="inline-link">
                      <bdi>{s.title}</bdi>
                    </Link>
                  </td>
                  <td className="members-table__num">{formatMinutes(s.watchMs, locale)}</td>
                  <td className="members-table__num">{formatCount(s.comments, locale)}</td>
                  <td className="members-table__num">{formatCount(s.orders, locale)}</td>
                  <td className="members-table__num">{formatSpend(s.spend, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
