import { plannedTotalMs, plannedTotalsByKind } from '../../../../shared/show/editor.ts';
import { SEGMENT_KINDS } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { formatLongClock } from '../run/timeFormat.ts';
import { useEditorContext } from './EditorContext.ts';

/** The planned length of the show, and how it splits by kind of segment. */
export function Totals() {
  const t = useT();
  const { show } = useEditorContext();
  const byKind = plannedTotalsByKind(show);
  return (
    <div className="totals">
      <p className="totals__all">
        <span className="totals__label">{t('editor.totals.planned')}</span>
        <span className="totals__value" data-testid="planned-total">
          {formatLongClock(plannedTotalMs(show))}
        </span>
        <span className="muted">{t('editor.totals.segments', { count: show.segments.length })}</span>
      </p>
      <ul className="totals__kinds">
        {SEGMENT_KINDS.filter((kind) => byKind[kind] > 0).map((kind) => (
          <li key={kind} className={`kind-badge kind-badge--${kind}`} data-testid="planned-total-kind" data-kind={kind}>
            {t(`editor.kind.${kind}`)} <strong>{formatLongClock(byKind[kind])}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
