import { useId, useState, type FormEvent } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { commandErrorText } from '../commands/commandErrorText.ts';
import { useCommand } from '../commands/useCommand.ts';
import { saleRefusalReason } from './saleView.ts';
import { useEngineUp } from './useRun.ts';

type Outcome = { ok: true; quantity: number; buyer: string } | { ok: false; error: CommandError };

/** A sale typed in by hand (until the platform's order feed brings them): the engine applies the limits. */
export function SaleRecordForm({ planId }: { planId: string }) {
  const t = useT();
  const id = useId();
  const engineUp = useEngineUp();
  const { pending, run } = useCommand();
  const [quantity, setQuantity] = useState('1');
  const [buyer, setBuyer] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const qty = /^\d{1,5}$/.test(quantity.trim()) ? Number(quantity.trim()) : NaN;
  const valid = Number.isInteger(qty) && qty >= 1 && buyer.trim() !== '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const buyerId = buyer.trim();
    const result = await run({ type: 'sale.record', planId, quantity: qty, buyerId });
    setOutcome(result.ok ? { ok: true, quantity: qty, buyer: buyerId } : { ok: false, error: result.error });
  };

  const refusal = outcome !== null && !outcome.ok ? saleRefusalReason(outcome.error.message) : null;
  return (
    <form className="sale-record" noValidate onSubmit={(e) => void submit(e)}>
      <div className="sale-record__fields">
        <label className="visually-hidden" htmlFor={`${id}-qty`}>
          {t('sale.record.quantity')}
        </label>
        <input
          id={`${id}-qty`}
          type="text"
          inputMode="numeric"
          className="input--number"
          autoComplete="off"
          data-testid="sale-record-qty"
          value={quantity}
          title={t('sale.record.quantity')}
          onChange={(e) => {
            setQuantity(e.target.value);
            setOutcome(null);
          }}
        />
        <label className="visually-hidden" htmlFor={`${id}-buyer`}>
          {t('sale.record.buyer')}
        </label>
        <input
          id={`${id}-buyer`}
          type="text"
          autoComplete="off"
          maxLength={128}
          data-testid="sale-record-buyer"
          placeholder={t('sale.record.buyerPlaceholder')}
          value={buyer}
          onChange={(e) => {
            setBuyer(e.target.value);
            setOutcome(null);
          }}
        />
        <button type="submit" className="button button--small" data-testid="sale-record-submit" disabled={!engineUp || pending || !valid}>
          {t('sale.record.submit')}
        </button>
      </div>
      {outcome?.ok === true && (
        <p className="form-success" role="status" data-testid="sale-record-ok">
          {t('sale.record.done', { quantity: outcome.quantity, buyer: outcome.buyer })}
        </p>
      )}
      {outcome !== null && !outcome.ok && (
        <p className="field-error" role="alert" data-testid="sale-record-error" data-reason={refusal ?? outcome.error.code}>
          {refusal !== null ? t(`sale.rejection.${refusal}`) : commandErrorText(t, outcome.error)}
        </p>
      )}
    </form>
  );
}
