import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_HEALTH_THRESHOLDS, type CommandResult } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useCommand } from '../commands/useCommand.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import {
  THRESHOLD_FIELDS,
  parseThresholdsDraft,
  thresholdsToDraft,
  type ThresholdError,
  type ThresholdKey,
  type ThresholdLevel,
  type ThresholdsDraft,
} from './thresholds.ts';

function errorFor(errors: readonly ThresholdError[], key: ThresholdKey, level: ThresholdLevel): ThresholdError | undefined {
  return errors.find((e) => e.key === key && (e.level === level || e.level === 'both'));
}

/** Settings → OBS: where the health lights turn yellow (warn) and red (alarm). */
export function HealthThresholdsForm() {
  const t = useT();
  const id = useId();
  const saved = useEngineState((s) => s.state?.obsSetup.healthThresholds);
  const { pending, run } = useCommand();
  /** null until edited: the fields follow the engine's thresholds. */
  const [draft, setDraft] = useState<ThresholdsDraft | null>(null);
  const [errors, setErrors] = useState<ThresholdError[]>([]);
  const [result, setResult] = useState<CommandResult | null>(null);
  const values = draft ?? thresholdsToDraft(saved ?? DEFAULT_HEALTH_THRESHOLDS);

  const edit = (key: ThresholdKey, level: ThresholdLevel, text: string) => {
    setDraft({ ...values, [key]: { ...values[key], [level]: text } });
    setErrors((list) => list.filter((e) => e.key !== key));
    setResult(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseThresholdsDraft(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const outcome = await run({ type: 'obs.updateSetup', healthThresholds: parsed.value });
    setResult(outcome);
    if (outcome.ok) setDraft(null);
  };

  return (
    <form className="form form--wide" data-testid="health-thresholds-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="form-help">{t('settings.health.help')}</p>
      <table className="thresholds">
        <thead>
          <tr>
            <th scope="col">{t('settings.health.metric')}</th>
            <th scope="col" id={`${id}-warn`}>
              {t('settings.health.warn')}
            </th>
            <th scope="col" id={`${id}-alarm`}>
              {t('settings.health.alarm')}
            </th>
          </tr>
        </thead>
        <tbody>
          {THRESHOLD_FIELDS.map(({ key }) => {
            const rowErrors = (['warn', 'alarm'] as const).map((level) => errorFor(errors, key, level)).filter((e) => e !== undefined);
            const problem = rowErrors[0]?.problem;
            return (
              <tr key={key} data-testid="health-threshold" data-threshold={key}>
                <th scope="row">
                  <span className="thresholds__name" id={`${id}-${key}`}>
                    {t(`settings.health.field.${key}`)}
                  </span>
                  <span className="thresholds__rule">{t(`settings.health.rule.${key}`)}</span>
                  {problem !== undefined && (
                    <span className="field-error" id={`${id}-${key}-error`} data-testid="health-threshold-error">
                      {t(`settings.health.problem.${problem}`)}
                    </span>
                  )}
                </th>
                {(['warn', 'alarm'] as const).map((level) => {
                  const invalid = errorFor(errors, key, level) !== undefined;
                  return (
                    <td key={level}>
                      <input
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        className={`input-number input-number--${level}`}
                        data-testid={`threshold-${key}-${level}`}
                        aria-labelledby={`${id}-${key} ${id}-${level}`}
                        aria-invalid={invalid}
                        aria-describedby={invalid ? `${id}-${key}-error` : undefined}
                        value={values[key][level]}
                        onChange={(e) => edit(key, level, e.target.value)}
                      />
                      <span className="thresholds__unit">{t(`settings.health.unit.${key}`)}</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="health-thresholds-save" disabled={pending}>
          {t('settings.health.save')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="health-thresholds-defaults"
          onClick={() => {
            setDraft(thresholdsToDraft(DEFAULT_HEALTH_THRESHOLDS));
            setErrors([]);
            setResult(null);
          }}
        >
          {t('settings.health.defaults')}
        </button>
      </div>
      {errors.length > 0 && (
        <p className="form-error" role="alert" data-testid="health-thresholds-invalid">
          {t('settings.health.invalid')}
        </p>
      )}
      {result !== null && !result.ok && <CommandErrorMessage action="settings.health.failed" error={result.error} testId="health-thresholds-error" />}
      {result?.ok === true && (
        <p className="form-success" role="status" data-testid="health-thresholds-saved">
          {t('settings.health.saved')}
        </p>
      )}
    </form>
  );
}
