import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { alarmFinding, formatMetric } from './healthMetrics.ts';

/** Red health: a pulsing banner across the view naming the worst reading. */
export function HealthAlarm() {
  const t = useT();
  const health = useEngineState((s) => s.state?.obsHealth);
  const finding = health === undefined ? null : alarmFinding(health);
  if (health === undefined || finding === null) return null;
  const value = health.sample === null ? null : formatMetric(finding.metric, health.sample);
  const metric = t(`health.metric.${finding.metric}`);
  return (
    <div className="health-alarm" role="alert" data-testid="health-alarm" data-metric={finding.metric}>
      <span className="health-alarm__badge">{t('health.alarmBadge')}</span>
      <p className="health-alarm__text">
        {value === null ? t('health.alarm', { metric }) : t('health.alarmWithValue', { metric, value: t(value.key, value.params) })}
      </p>
      {health.findings.length > 1 && <span className="health-alarm__more">{t('health.alarmMore', { count: health.findings.length - 1 })}</span>}
    </div>
  );
}
