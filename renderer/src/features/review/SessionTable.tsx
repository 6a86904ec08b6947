import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { LIST_FIGURES, averageFigure, averagedSessions, judgeFigures, previousSessions } from './compare.ts';
import { FIGURE_LABELS, formatFigure } from './figures.ts';
import { useReviewPrefs } from './reviewPrefs.ts';
import { SessionRow } from './SessionRow.tsx';

/** Every show, newest first, each figure against the average of the shows before it, with the overall average. */
export function SessionTable({ sessions, picked = [], onPick }: { sessions: readonly SessionSummary[]; picked?: readonly string[]; onPick?: (id: string) => void }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const include = useReviewPrefs((s) => s.includeRehearsals);
  const averaged = averagedSessions(sessions, include);
  return (
    <div className="review-table-wrap">
      <table className="review-table review-sessions" data-testid="review-sessions">
        <thead>
          <tr>
            {onPick && (
              <th scope="col" className="review-sessions__pick">
                {t('review.ab.column')}
              </th>
            )}
            <th scope="col">{t('review.list.date')}</th>
            <th scope="col">{t('review.list.title')}</th>
            {LIST_FIGURES.map((id) => (
              <th key={id} scope="col" className="review-table__num">
                {t(FIGURE_LABELS[id])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              verdicts={judgeFigures(session, previousSessions(sessions, session, include), LIST_FIGURES)}
              picked={picked.includes(session.id)}
              onPick={onPick}
            />
          ))}
        </tbody>
        {averaged.length > 0 && (
          <tfoot>
            <tr data-testid="review-average-row" data-count={averaged.length}>
              {onPick && <td />}
              <td />
              <th scope="row">{t(include ? 'review.list.averageAll' : 'review.list.averageBroadcasts', { count: averaged.length })}</th>
              {LIST_FIGURES.map((id) => (
                <td key={id} className="review-figure" data-figure={id}>
                  {formatFigure(id, averageFigure(averaged, id), locale)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
