import { useId } from 'react';
import { addFlashSale, deleteFlashSale, updateFlashSale, type FlashSalePatch } from '../../../../shared/show/editor.ts';
import { SHOW_LIMITS, type FlashSalePlan, type Segment } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { formatClock } from '../run/timeFormat.ts';
import { DraftInput } from './DraftInput.tsx';
import { useEditorContext } from './EditorContext.ts';
import { FieldErrorList } from './FieldErrorList.tsx';
import { formatYuanInput, newId, parseDuration, parseWholeNumber, parseYuan } from './editorInput.ts';
import { fieldKey } from './fieldErrors.ts';

const DEFAULT_WARMUP_MS = 30_000;
const DEFAULT_SALE_MS = 5 * 60_000;

/** Flash sales (秒杀) run in this segment: each opens by hand or at a time into the segment. */
export function SalePlanList({ segment }: { segment: Segment }) {
  const t = useT();
  const { show, change } = useEditorContext();
  const add = () => {
    const product = show.products.find((p) => segment.productIds.includes(p.id)) ?? show.products[0];
    if (product === undefined) return;
    const plan: FlashSalePlan = {
      id: newId(),
      productId: product.id,
      dealPrice: product.dealPrice,
      quantity: Math.max(1, Math.min(product.stock, 100)),
      perCustomerLimit: product.perCustomerLimit,
      warmupMs: DEFAULT_WARMUP_MS,
      durationMs: DEFAULT_SALE_MS,
      start: { mode: 'manual' },
    };
    change((s) => addFlashSale(s, segment.id, plan));
  };
  return (
    <fieldset className="fieldset" data-testid="sale-plan-list">
      <legend className="field-label">{t('editor.sales.heading')}</legend>
      {segment.flashSales.length === 0 && <p className="field-hint">{t('editor.sales.empty')}</p>}
      {segment.flashSales.length > 0 && (
        <ul className="sub-list">
          {segment.flashSales.map((plan) => (
            <SalePlanRow key={plan.id} segmentId={segment.id} plan={plan} />
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button" data-testid="sale-plan-add" disabled={show.products.length === 0} onClick={add}>
          {t('editor.sales.add')}
        </button>
        {show.products.length === 0 && <p className="field-hint">{t('editor.sales.needsProduct')}</p>}
      </div>
    </fieldset>
  );
}

const seconds = (ms: number) => String(Math.round(ms / 1000));
const count = (n: number) => String(n);

function SalePlanRow({ segmentId, plan }: { segmentId: string; plan: FlashSalePlan }) {
  const t = useT();
  const id = useId();
  const { show, change } = useEditorContext();
  const key = (field: string) => fieldKey.salePlan(plan.id, field);
  const set = (patch: FlashSalePatch, field: string, coalesce = true) =>
    change((s) => updateFlashSale(s, segmentId, plan.id, patch), coalesce ? key(field) : null);
  const product = show.products.find((p) => p.id === plan.productId);
  const { warmupMinMs, warmupMaxMs, saleMinMs, saleMaxMs } = SHOW_LIMITS;

  return (
    <li className="sub-item sale-plan" data-testid="sale-plan" data-plan-id={plan.id}>
      <div className="sale-plan__grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-product`}>
            {t('editor.sales.product')}
          </label>
          <select id={`${id}-product`} data-testid="sale-plan-product" value={plan.productId} onChange={(e) => set({ productId: e.target.value }, 'productId', false)}>
            {product === undefined && <option value={plan.productId}>{t('editor.sales.unknownProduct')}</option>}
            {show.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sku})
              </option>
            ))}
          </select>
          <FieldErrorList field={key('productId')} />
        </div>
        <div className="field field--narrow">
          <label className="field-label" htmlFor={`${id}-price`}>
            {t('editor.sales.dealPrice')}
          </label>
          <DraftInput
            id={`${id}-price`}
            testId="sale-plan-price"
            inputMode="decimal"
            value={plan.dealPrice}
            format={formatYuanInput}
            parse={parseYuan}
            onCommit={(dealPrice) => set({ dealPrice }, 'dealPrice')}
            invalidMessage={t('editor.invalid.price')}
            messageId={`${id}-price-invalid`}
          />
          <FieldErrorList field={key('dealPrice')} />
        </div>
        <div className="field field--narrow">
          <label className="field-label" htmlFor={`${id}-quantity`}>
            {t('editor.sales.quantity')}
          </label>
          <DraftInput
            id={`${id}-quantity`}
            testId="sale-plan-quantity"
            inputMode="numeric"
            value={plan.quantity}
            format={count}
            parse={parseWholeNumber}
            onCommit={(quantity) => set({ quantity }, 'quantity')}
            invalidMessage={t('editor.invalid.count')}
            messageId={`${id}-quantity-invalid`}
          />
          <FieldErrorList field={key('quantity')} />
        </div>
        <div className="field field--narrow">
          <label className="field-label" htmlFor={`${id}-limit`}>
            {t('editor.sales.limit')}
          </label>
          <DraftInput
            id={`${id}-limit`}
            testId="sale-plan-limit"
            inputMode="numeric"
            value={plan.perCustomerLimit}
            format={count}
            parse={parseWholeNumber}
            onCommit={(perCustomerLimit) => set({ perCustomerLimit }, 'perCustomerLimit')}
            invalidMessage={t('editor.invalid.count')}
            messageId={`${id}-limit-invalid`}
          />
          <FieldErrorList field={key('perCustomerLimit')} />
        </div>
        <div className="field field--narrow">
          <label className="field-label" htmlFor={`${id}-warmup`}>
            {t('editor.sales.warmup', { min: warmupMinMs / 1000, max: warmupMaxMs / 1000 })}
          </label>
          <DraftInput
            id={`${id}-warmup`}
            testId="sale-plan-warmup"
            inputMode="numeric"
            value={plan.warmupMs}
            format={seconds}
            parse={(text) => {
              const n = parseWholeNumber(text);
              return n.ok ? { ok: true, value: n.value * 1000 } : n;
            }}
            onCommit={(warmupMs) => set({ warmupMs }, 'warmupMs')}
            invalidMessage={t('editor.invalid.count')}
            messageId={`${id}-warmup-invalid`}
          />
          <FieldErrorList field={key('warmupMs')} />
        </div>
        <div className="field field--narrow">
          <label className="field-label" htmlFor={`${id}-duration`}>
            {t('editor.sales.duration', { min: saleMinMs / 60_000, max: saleMaxMs / 60_000 })}
          </label>
          <DraftInput
            id={`${id}-duration`}
            className="input--clock"
            testId="sale-plan-duration"
            inputMode="numeric"
            value={plan.durationMs}
            format={formatClock}
            parse={parseDuration}
            onCommit={(durationMs) => set({ durationMs }, 'durationMs')}
            invalidMessage={t('editor.invalid.clock')}
            messageId={`${id}-duration-invalid`}
          />
          <FieldErrorList field={key('durationMs')} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-start`}>
            {t('editor.sales.start')}
          </label>
          <select
            id={`${id}-start`}
            data-testid="sale-plan-start"
            value={plan.start.mode}
            onChange={(e) => set({ start: e.target.value === 'offset' ? { mode: 'offset', offsetMs: 0 } : { mode: 'manual' } }, 'start', false)}
          >
            <option value="manual">{t('editor.sales.startManual')}</option>
            <option value="offset">{t('editor.sales.startOffset')}</option>
          </select>
        </div>
        {plan.start.mode === 'offset' && (
          <div className="field field--narrow">
            <label className="field-label" htmlFor={`${id}-offset`}>
              {t('editor.sales.offset')}
            </label>
            <DraftInput
              id={`${id}-offset`}
              className="input--clock"
              testId="sale-plan-offset"
              inputMode="numeric"
              value={plan.start.offsetMs}
              format={formatClock}
              parse={parseDuration}
              onCommit={(offsetMs) => set({ start: { mode: 'offset', offsetMs } }, 'start')}
              invalidMessage={t('editor.invalid.clock')}
              messageId={`${id}-offset-invalid`}
            />
            <FieldErrorList field={key('start')} />
          </div>
        )}
      </div>
      <button
        type="button"
        className="button button--small"
        data-testid="sale-plan-delete"
        aria-label={t('editor.sales.deleteNamed', { product: product?.name ?? plan.productId })}
        onClick={() => change((s) => deleteFlashSale(s, segmentId, plan.id))}
      >
        {t('editor.sales.delete')}
      </button>
    </li>
  );
}
