import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';

/** The one light in the top strip: green, yellow or red, as the engine judges OBS's health. */
export function HealthLight() {
  const t = useT();
  const health = useEngineState((s) => s.state?.obsHealth);
  const level = health?.level ?? 'green';
  const noData = health?.sample == null;
  const worst = health?.findings[0];
  const text = noData ? t('health.noData') : t(`health.level.${level}`);
  return (
    <div
      className={`health-light health-light--${noData ? 'none' : level}`}
      data-testid="health-light"
      data-level={level}
      data-no-data={noData ? 'true' : undefined}
      role="status"
      aria-label={t('health.label')}
      title={worst === undefined ? text : t('health.worst', { metric: t(`health.metric.${worst.metric}`) })}
    >
      <span className="health-light__lamp" aria-hidden="true" />
      <span className="health-light__text">
        <span className="health-light__label">{t('health.short')}</span>
        {text}
      </span>
    </div>
  );
}
