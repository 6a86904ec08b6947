import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { Link } from '../../app/Link.tsx';
import { memberPagePath } from '../../app/router.ts';
import { formatWhen, isoOf } from './format.ts';
import type { MemberAudit } from './membersApi.ts';

/** Merges, splits and account moves that involved this member, oldest first, each with its reason. */
export function MemberAuditList({ audit, memberId }: { audit: readonly MemberAudit[]; memberId: string }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  if (audit.length === 0) return <p className="form-help">{t('members.audit.none')}</p>;
  const other = (id: string) =>
    id === memberId ? (
      <code>{id}</code>
    ) : (
      <Link to={memberPagePath(id)} className="inline-link">
        <code>{id}</code>
      </Link>
    );
  return (
    <ol className="member-audit">
      {audit.map((row, i) => (
        <li key={i} className="member-audit__row" data-testid="member-audit-row" data-kind={row.kind}>
          <time dateTime={isoOf(row.at)} className="member-audit__when">
            {formatWhen(row.at, locale)}
          </time>{' '}
          <span className="member-audit__kind">
            <bdi>{row.kind}</bdi>
          </span>{' '}
          <span className="member-audit__ids">
            {other(row.source_id)} → {other(row.target_id)}
          </span>
          {row.account !== null && (
            <>
              {' '}
              <code className="member-audit__account">
                <bdi>{row.account}</bdi>
              </code>
            </>
          )}
          <p className="member-audit__reason">
            {t('members.audit.reason')} <bdi>{row.reason}</bdi>
          </p>
        </li>
      ))}
    </ol>
  );
}
