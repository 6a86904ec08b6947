import { useId, useState, type FormEvent } from 'react';
import { ROI_FLOOR, type CommandError } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { formatMoney } from '../feeds/format.ts';
import { parseCosts, roiLevel } from './costs.ts';
import { formatRoi } from './format.ts';

interface Props {
  sessionId: string;
  costs: number | null;
  roi: number | null;
  currency: string;
  /** After the engine took the new costs: load the figures again. */
  onSaved: () => void;
}

/** What the show cost (ads, samples, fees) and the ROI it gives; below 1.5 : 1 the plan pauses the format. */
export function CostsForm({ sessionId, costs, roi, currency, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const { pending, run } = useCommand();
  const [text, setText] = useState(costs === null ? '' : String(costs));
  const [error, setError] = useState<CommandError | null>(null);
  const amount = parseCosts(text);
  const invalid = text.trim() !== '' && amount === null;
  const level = roiLevel(roi, ROI_FLOOR);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (amount === null) return;
    setError(null);
    const result = await run({ type: 'session.setCosts', sessionId, amount });
    if (result.ok) onSaved();
    else setError(result.error);
  };

  return (
    <section className="panel review__section review-costs" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('review.costs.heading')}
      </h2>
      <div className="review-costs__body">
        <form className="review-costs__form review__screen-only" onSubmit={(e) => void save(e)}>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-costs`}>
              {t('review.costs.label', { currency })}
            </label>
            <div className="review-costs__row">
              <input
                id={`${id}-costs`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                data-testid="review-costs"
                placeholder={t('review.costs.placeholder')}
                aria-invalid={invalid}
                aria-describedby={`${id}-help`}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" className="button button--primary" data-testid="review-costs-save" disabled={pending || amount === null}>
                {pending ? t('review.costs.saving') : t('review.costs.save')}
              </button>
            </div>
            <p id={`${id}-help`} className={invalid ? 'field-error' : 'review__note'}>
              {invalid ? t('review.costs.invalid') : t('review.costs.help')}
            </p>
          </div>
        </form>
        <div className={`review-roi review-roi--${level}`} data-testid="review-roi" data-level={level}>
          <span className="review-roi__label">{t('review.figure.roi')}</span>
          <strong className="review-roi__value">{formatRoi(roi, locale)}</strong>
          <span className="review-roi__note">
            {level === 'none'
              ? t('review.roi.none')
              : t(level === 'red' ? 'review.roi.below' : 'review.roi.ok', { floor: formatRoi(ROI_FLOOR, locale), costs: formatMoney(costs, currency, locale) })}
          </span>
        </div>
      </div>
      {error !== null && <CommandErrorMessage action="review.costs.failed" error={error} testId="review-costs-error" />}
    </section>
  );
}
