import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { ObsStatus } from '../features/obs/ObsStatus.tsx';
import { ObsSettingsForm } from '../features/obs/ObsSettingsForm.tsx';
import { ShowTitleForm } from '../features/show/ShowTitleForm.tsx';
import { SafeSceneSelect } from '../features/panic/SafeSceneSelect.tsx';
import { MicSetup } from '../features/mics/MicSetup.tsx';
import { HealthThresholdsForm } from '../features/health/HealthThresholdsForm.tsx';

export function SettingsView() {
  const t = useT();
  const id = useId();
  return (
    <main className="view settings">
      <h1 className="view__heading">{t('settings.heading')}</h1>

      <section className="panel" aria-labelledby={`${id}-obs`}>
        <h2 id={`${id}-obs`} className="panel__heading">
          {t('settings.obs.heading')}
        </h2>
        <ObsStatus showSettingsLink={false} />
        <ObsSettingsForm />
      </section>

      <section className="panel" aria-labelledby={`${id}-safe`}>
        <h2 id={`${id}-safe`} className="panel__heading">
          {t('settings.safeScene.heading')}
        </h2>
        <SafeSceneSelect />
      </section>

      <section className="panel" aria-labelledby={`${id}-mics`}>
        <h2 id={`${id}-mics`} className="panel__heading">
          {t('settings.mics.heading')}
        </h2>
        <MicSetup />
      </section>

      <section className="panel" aria-labelledby={`${id}-health`}>
        <h2 id={`${id}-health`} className="panel__heading">
          {t('settings.health.heading')}
        </h2>
        <HealthThresholdsForm />
      </section>

      <section className="panel" aria-labelledby={`${id}-show`}>
        <h2 id={`${id}-show`} className="panel__heading">
          {t('settings.show.heading')}
        </h2>
        <ShowTitleForm />
      </section>

      <section className="panel" aria-labelledby={`${id}-language`}>
        <h2 id={`${id}-language`} className="panel__heading">
          {t('settings.language.heading')}
        </h2>
        <LanguageSelect showLabel />
      </section>
    </main>
  );
}
