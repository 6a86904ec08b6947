import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { worstAudienceLight } from './audienceLight.ts';

/**
 * The audience in one light for the producer's top strip, beside OBS health: it stays in view whatever scrolls,
 * so a red room is never missed. A click brings the live figures into view.
 */
export function AudienceLight() {
  const t = useT();
  const lights = useEngineState((s) => s.state?.feeds.metrics.lights);
  if (lights === undefined) return null;
  const view = worstAudienceLight(lights);
  const level = view.level === 'none' ? 'none' : view.level;
  const text = view.level === 'none' || view.level === 'green' ? t(`metrics.level.${view.level}`) : `${t(view.label)}: ${t(view.state)}`;
  return (
    <button
      type="button"
      className={`health-light health-light--${level} audience-light`}
      data-testid="audience-light"
      data-level={view.level}
      data-metric={view.metric}
      title={view.alert === null ? text : t(view.alert)}
      aria-label={`${t('metrics.heading')}: ${text}`}
      onClick={() => document.querySelector('[data-testid="metrics-panel"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
    >
      <span className="health-light__lamp" aria-hidden="true" />
      <span className="health-light__text">
        <span className="health-light__label">{t('metrics.audienceShort')}</span>
        {text}
      </span>
    </button>
  );
}
