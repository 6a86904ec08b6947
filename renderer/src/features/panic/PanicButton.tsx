import { useId } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';

/** The BRB button: cut to the safe scene at once, no questions asked (B does the same). */
export function PanicButton() {
  const t = useT();
  const hintId = useId();
  const safeScene = useEngineState((s) => s.state?.obsSetup.safeScene ?? null);
  const linked = useObsLinked();
  const { pending, run } = useReportedCommand();
  return (
    <div className="panic">
      <button
        type="button"
        className="panic-button"
        data-testid="panic-button"
        aria-keyshortcuts="B"
        aria-busy={pending}
        aria-describedby={safeScene === null ? hintId : undefined}
        disabled={!linked || safeScene === null || pending}
        onClick={() => void run({ type: 'obs.panic' }, 'panic.failed')}
      >
        <span className="panic-button__label">{t('panic.button')}</span>
        <span className="panic-button__detail">{safeScene === null ? t('panic.noSafeScene') : t('panic.cutTo', { scene: safeScene })}</span>
        <span className="panic-button__key" aria-hidden="true">
          B
        </span>
      </button>
      {safeScene === null && (
        <p className="hint" id={hintId} data-testid="panic-hint">
          {t('panic.chooseSafeScene')}{' '}
          <Link to={ROUTE_PATHS.settings} className="inline-link">
            {t('obs.openSettings')}
          </Link>
        </p>
      )}
    </div>
  );
}
