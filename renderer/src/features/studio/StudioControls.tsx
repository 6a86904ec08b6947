import { useT } from '../../i18n/useT.ts';
import { Unavailable } from '../obs/Unavailable.tsx';
import { useObsFeatures } from '../obs/useObsLinked.ts';
import { StudioModeToggle } from './StudioModeToggle.tsx';
import { TakeButton } from './TakeButton.tsx';
import { TransitionSelect } from './TransitionSelect.tsx';
import { TransitionDuration } from './TransitionDuration.tsx';
import { TransitionProgress } from './TransitionProgress.tsx';

/** Between the two monitors, as in OBS: studio mode, the transition, and Take. */
export function StudioControls() {
  const t = useT();
  const { transitions } = useObsFeatures();
  return (
    <section className="studio-controls" aria-label={t('studio.heading')} data-testid="studio-controls">
      <StudioModeToggle />
      <TakeButton />
      <div className="transition-progress-slot">
        <TransitionProgress />
      </div>
      <TransitionSelect />
      <TransitionDuration />
      {!transitions && <Unavailable feature="transitions" />}
    </section>
  );
}
