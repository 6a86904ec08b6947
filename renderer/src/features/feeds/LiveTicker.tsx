import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { tickerCells } from './metricsView.ts';

/** Viewers, GMV, orders and conversion in one line under the show's title: always in view, even on a laptop. */
export function LiveTicker() {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const metrics = useEngineState((s) => s.state?.feeds.metrics);
  if (metrics === undefined) return null;
  return (
    <dl className="live-ticker" data-testid="live-ticker">
      {tickerCells(metrics, locale).map((cell) => (
        <div key={cell.id} className="live-ticker__item">
          <dt>{t(cell.label)}</dt>
          <dd data-testid={cell.id}>{cell.value}</dd>
        </div>
      ))}
    </dl>
  );
}
