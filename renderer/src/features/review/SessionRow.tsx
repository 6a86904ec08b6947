import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import type { MouseEvent } from 'react';
import { Link } from '../../app/Link.tsx';
import { navigate } from '../../app/navigation.ts';
import { reviewPath } from '../../app/router.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ChangeBadge } from './ChangeBadge.tsx';
import type { FigureVerdict } from './compare.ts';
import { formatFigure } from './figures.ts';
import { formatDateTime } from './format.ts';
import { KindBadge } from './KindBadge.tsx';

/** A figure with its change against the previous average; red when it is one of the worst. */
export function FigureCell({ verdict }: { verdict: FigureVerdict }) {
  const locale = useLanguage((s) => s.language);
  return (
    <td className={`review-figure review-figure--${verdict.level}`} data-figure={verdict.id} data-level={verdict.level}>
      <span className="review-figure__value">{formatFigure(verdict.id, verdict.value, locale)}</span>
      <ChangeBadge id={verdict.id} comparison={verdict.comparison} />
    </td>
  );
}

/** A plain click anywhere on a row opens its review (the title link stays for the keyboard and new tabs). */
function openOnClick(path: string) {
  return (e: MouseEvent<HTMLTableRowElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (window.getSelection()?.toString() !== '') return; // selecting figures to copy them is not a click
    navigate(path);
  };
}

/** One show in the list: when, what, and its figures against the shows before it. */
export function SessionRow({
  session,
  verdicts,
  picked = false,
  onPick,
}: {
  session: SessionSummary;
  verdicts: readonly FigureVerdict[];
  picked?: boolean;
  onPick?: ((id: string) => void) | undefined;
}) {
  const locale = useLanguage((s) => s.language);
  const t = useT();
  return (
    <tr
      onClick={openOnClick(reviewPath(session.id))}
      className={`review-session review-session--${session.kind}`}
      data-testid="session-row"
      data-session-id={session.id}
      data-kind={session.kind}
    >
      {onPick && (
        <td className="review-sessions__pick" onClick={(e) => e.stopPropagation()}>
          <input type="checkbox" data-testid="session-pick" checked={picked} aria-label={t('review.ab.pick', { title: session.title })} onChange={() => onPick(session.id)} />
        </td>
      )}
      <td className="review-session__date">
        <time dateTime={new Date(session.startedAt).toISOString()}>{formatDateTime(session.startedAt, locale)}</time>
      </td>
      <th scope="row" className="review-session__title">
        <Link to={reviewPath(session.id)} className="review-session__link" testId="session-open">
          <bdi>{session.title}</bdi>
        </Link>
        {(session.kind === 'rehearsal' || session.endedAt === null) && <KindBadge session={session} />}
      </th>
      {verdicts.map((v) => (
        <FigureCell key={v.id} verdict={v} />
      ))}
    </tr>
  );
}
