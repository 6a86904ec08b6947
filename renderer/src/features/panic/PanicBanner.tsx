import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';

/** While the panic scene is on air: a banner nobody can miss, with the way back to the show. */
export function PanicBanner() {
  const t = useT();
  const panic = useEngineState((s) => s.state?.obsSetup.panic);
  const safeScene = useEngineState((s) => s.state?.obsSetup.safeScene ?? null);
  const linked = useObsLinked();
  const { pending, run } = useReportedCommand();
  if (panic?.active !== true) return null;
  return (
    <div className="panic-banner" role="alert" data-testid="panic-active">
      <span className="panic-banner__badge">{t('panic.activeBadge')}</span>
      <p className="panic-banner__text">{safeScene === null ? t('panic.active') : t('panic.activeOn', { scene: safeScene })}</p>
      <button
        type="button"
        className="button panic-banner__undo"
        data-testid="panic-undo"
        aria-keyshortcuts="Shift+B"
        disabled={!linked || pending}
        onClick={() => void run({ type: 'obs.panicUndo' }, 'panic.undoFailed')}
      >
        {panic.returnTo === null ? t('panic.end') : t('panic.backTo', { scene: panic.returnTo })}
        <span className="button__key" aria-hidden="true">
          {t('panic.undoKey')}
        </span>
      </button>
    </div>
  );
}
