import { useId, useState } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { useConnection } from '../../stores/connection.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useCommand } from '../commands/useCommand.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { SIMULATOR_LIMITS, parseWholeNumber } from './simulatorInput.ts';
import './feeds.css';

const DEFAULT_RATE = 50;
const DEFAULT_SEED = 42;

/** The engine's built-in audience, for rehearsals: rate and seed, start (or restart with new settings), stop. */
export function SimulatorControls() {
  const t = useT();
  const id = useId();
  const simulator = useEngineState((s) => s.state?.feeds.simulator ?? null);
  const engineUp = useConnection((s) => s.status === 'connected');
  const { pending, run } = useCommand();
  /** null until the user types: until then the fields show the running simulator's settings (or the defaults). */
  const [rateDraft, setRateDraft] = useState<string | null>(null);
  const [seedDraft, setSeedDraft] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ action: MessageKey; error: CommandError } | null>(null);
  const [invalid, setInvalid] = useState<'rate' | 'seed' | null>(null);

  const rateText = rateDraft ?? String(simulator?.rate ?? DEFAULT_RATE);
  const seedText = seedDraft ?? String(simulator?.seed ?? DEFAULT_SEED);
  const running = simulator !== null;

  const start = async () => {
    const rate = parseWholeNumber(rateText, SIMULATOR_LIMITS.rate);
    const seed = parseWholeNumber(seedText, SIMULATOR_LIMITS.seed);
    setFailure(null);
    if (rate === null || seed === null) {
      setInvalid(rate === null ? 'rate' : 'seed');
      return;
    }
    setInvalid(null);
    const result = await run({ type: 'simulator.start', rate, seed });
    if (result.ok) {
      setRateDraft(null);
      setSeedDraft(null);
    } else setFailure({ action: 'feeds.simulator.startFailed', error: result.error });
  };

  const stop = async () => {
    setFailure(null);
    const result = await run({ type: 'simulator.stop' });
    if (!result.ok) setFailure({ action: 'feeds.simulator.stopFailed', error: result.error });
  };

  return (
    <div className="simulator" data-testid="simulator">
      <p className="form-help">{t('feeds.simulator.help')}</p>
      <p className={`simulator__status${running ? ' simulator__status--running' : ''}`} data-testid="simulator-status" data-running={running ? 'true' : 'false'} role="status">
        <span className="status-dot" aria-hidden="true" />
        {simulator === null ? (
          t('feeds.simulator.stopped')
        ) : (
          <span>
            {t('feeds.simulator.running', { rate: simulator.rate, seed: simulator.seed })}{' '}
            <code className="simulator__url" data-testid="simulator-url">
              {simulator.url}
            </code>
          </span>
        )}
      </p>

      <div className="simulator__fields">
        <div className={`field${invalid === 'rate' ? ' field--invalid' : ''}`}>
          <label className="field-label" htmlFor={`${id}-rate`}>
            {t('feeds.simulator.rate')}
          </label>
          <input
            id={`${id}-rate`}
            type="number"
            inputMode="numeric"
            data-testid="simulator-rate"
            min={SIMULATOR_LIMITS.rate.min}
            max={SIMULATOR_LIMITS.rate.max}
            step={1}
            aria-invalid={invalid === 'rate'}
            value={rateText}
            onChange={(e) => {
              setRateDraft(e.target.value);
              setInvalid(null);
            }}
          />
        </div>
        <div className={`field${invalid === 'seed' ? ' field--invalid' : ''}`}>
          <label className="field-label" htmlFor={`${id}-seed`}>
            {t('feeds.simulator.seed')}
          </label>
          <input
            id={`${id}-seed`}
            type="number"
            inputMode="numeric"
            data-testid="simulator-seed"
            min={SIMULATOR_LIMITS.seed.min}
            max={SIMULATOR_LIMITS.seed.max}
            step={1}
            aria-invalid={invalid === 'seed'}
            value={seedText}
            onChange={(e) => {
              setSeedDraft(e.target.value);
              setInvalid(null);
            }}
          />
        </div>
        <div className="button-row simulator__buttons">
          <button type="button" className="button button--primary" data-testid="simulator-start" disabled={!engineUp || pending} onClick={() => void start()}>
            {running ? t('feeds.simulator.restart') : t('feeds.simulator.start')}
          </button>
          <button type="button" className="button" data-testid="simulator-stop" disabled={!engineUp || pending || !running} onClick={() => void stop()}>
            {t('feeds.simulator.stop')}
          </button>
        </div>
      </div>

      {invalid !== null && (
        <p className="form-error" role="alert" data-testid="simulator-error">
          {invalid === 'rate'
            ? t('feeds.simulator.rateInvalid', { min: SIMULATOR_LIMITS.rate.min, max: SIMULATOR_LIMITS.rate.max })
            : t('feeds.simulator.seedInvalid', { min: SIMULATOR_LIMITS.seed.min, max: SIMULATOR_LIMITS.seed.max })}
        </p>
      )}
      {failure !== null && <CommandErrorMessage action={failure.action} error={failure.error} testId="simulator-error" />}
    </div>
  );
}
