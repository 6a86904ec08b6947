import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { ObsStatus } from '../features/obs/ObsStatus.tsx';
import { ObsSettingsForm } from '../features/obs/ObsSettingsForm.tsx';
import { ShowTitleForm } from '../features/show/ShowTitleForm.tsx';

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
