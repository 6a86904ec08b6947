import { useState } from 'react';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { SaleRecordForm } from './SaleRecordForm.tsx';
import { formatYuan, isActive, type SaleModel } from './saleView.ts';
import { formatClock, formatRemaining } from './timeFormat.ts';
import { useEngineUp } from './useRun.ts';

/** One flash sale (秒杀): price, countdown, stock, and the producer's controls. */
export function SaleCard({ sale, show }: { sale: SaleModel; show: Show }) {
  const t = useT();
  const engineUp = useEngineUp();
  const { pending, run } = useReportedCommand();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { plan, status, countdown } = sale;
  const product = show.products.find((p) => p.id === plan.productId);
  const name = product?.name ?? plan.productId;
  const canOpen = !sale.opened && status === 'scheduled';

  return (
    <article className={`sale-card sale-card--${status}`} data-testid="sale-card" data-plan-id={plan.id} data-status={status}>
      <header className="sale-card__header">
        <h4 className="sale-card__name">{name}</h4>
        <span className={`sale-status sale-status--${status}`} data-testid="sale-status">
          {t(`sale.status.${status}`)}
        </span>
      </header>
      <p className="sale-card__price">
        <strong>{formatYuan(plan.dealPrice)}</strong>
        {product !== undefined && product.listPrice > plan.dealPrice && <s className="muted">{formatYuan(product.listPrice)}</s>}
        <span className="muted">{t('sale.limitEach', { limit: plan.perCustomerLimit })}</span>
      </p>
      <p className="sale-card__countdown" data-testid="sale-countdown" data-phase={countdown?.phase ?? 'none'}>
        {countdown === null
          ? status === 'scheduled'
            ? plan.start.mode === 'offset'
              ? t('sale.opensAt', { time: formatClock(plan.start.offsetMs) })
              : t('sale.opensByHand')
            : '—'
          : t(countdown.phase === 'to_live' ? 'sale.liveIn' : 'sale.endsIn', { time: formatRemaining(countdown.remainingMs) })}
      </p>
      <p className="sale-card__stock" data-testid="sale-remaining" data-sold={sale.sold} data-remaining={sale.remaining}>
        {t('sale.stock', { sold: sale.sold, remaining: sale.remaining, quantity: plan.quantity })}
      </p>
      <div className="button-row">
        {canOpen && plan.start.mode === 'manual' && (
          <button
            type="button"
            className="button button--primary"
            data-testid="sale-open"
            disabled={!engineUp || pending}
            onClick={() => void run({ type: 'sale.open', planId: plan.id }, 'sale.failed.open', { product: name })}
          >
            {t('sale.open', { seconds: Math.round(plan.warmupMs / 1000) })}
          </button>
        )}
        {isActive(sale) && (
          <button type="button" className="button button--danger" data-testid="sale-cancel" disabled={!engineUp || pending} onClick={() => setConfirmCancel(true)}>
            {t('sale.cancel')}
          </button>
        )}
      </div>
      {sale.opened && <SaleRecordForm planId={plan.id} />}
      {confirmCancel && (
        <ConfirmDialog
          title={t('sale.cancelConfirm.title', { product: name })}
          body={<p>{t('sale.cancelConfirm.body')}</p>}
          confirmLabel={t('sale.cancelConfirm.yes')}
          cancelLabel={t('sale.cancelConfirm.no')}
          tone="danger"
          focus="cancel"
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            void run({ type: 'sale.cancel', planId: plan.id }, 'sale.failed.cancel', { product: name });
          }}
        />
      )}
    </article>
  );
}
