import { useT } from '../../i18n/useT.ts';

/** Says a control is off because this OBS is too old for it. */
export function Unavailable({ feature }: { feature: string }) {
  const t = useT();
  return (
    <p className="hint hint--warning unavailable" data-testid="feature-unavailable" data-feature={feature} title={t('obs.unavailableHint')}>
      {t('obs.unavailableInVersion')}
    </p>
  );
}
