/* What an event mark on the charts says. Pure. */
import type { ReviewMarker, SaleOutcome } from '../../../../shared/protocol/index.ts';
import { withoutBidiControls } from './format.ts';

export interface SaleMark {
  productName: string;
  status: string;
}

/**
 * The engine labels a flash-sale mark "<plan id>: <status>"; with the show's sales at hand it reads better as the
 * product and the status. Null when the label is not of that form or names no known sale.
 */
export function saleMark(marker: ReviewMarker, sales: readonly SaleOutcome[]): SaleMark | null {
  if (marker.kind !== 'sale') return null;
  const cut = marker.label.lastIndexOf(': ');
  if (cut <= 0) return null;
  const planId = marker.label.slice(0, cut);
  const sale = sales.find((s) => s.planId === planId);
  return sale === undefined ? null : { productName: sale.productName, status: marker.label.slice(cut + 2) };
}

/**
 * The words of a mark after its kind: "玻尿酸精华 30ml · Sold out" for a sale, the engine's label otherwise; without
 * directional controls, as the label may join several outside texts.
 */
export function markerDetail(marker: ReviewMarker, sales: readonly SaleOutcome[], statusText: (status: string) => string): string {
  const sale = saleMark(marker, sales);
  return withoutBidiControls(sale === null ? marker.label : `${sale.productName} · ${statusText(sale.status)}`);
}
