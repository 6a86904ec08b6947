import type { RunSlice } from '../../../../shared/protocol/index.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineNowFast } from '../../app/useEngineNowFast.ts';
import { SaleCard } from './SaleCard.tsx';
import { runnerSales } from './saleView.ts';

/** The flash sales of the segment on air, and any still running from earlier segments. */
export function SaleCards({ show, slice }: { show: Show; slice: RunSlice }) {
  const t = useT();
  const now = useEngineNowFast();
  const sales = runnerSales(show, slice, slice.run.segmentId, now);
  if (sales.length === 0) return null;
  return (
    <section className="sale-cards" aria-label={t('sale.heading')} data-testid="sale-cards">
      <h3 className="eyebrow">{t('sale.heading')}</h3>
      <div className="sale-cards__grid">
        {sales.map((sale) => (
          <SaleCard key={sale.plan.id} sale={sale} show={show} />
        ))}
      </div>
    </section>
  );
}
