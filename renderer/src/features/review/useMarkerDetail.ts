import type { ReviewMarker, SaleOutcome } from '../../../../shared/protocol/index.ts';
import { en } from '../../i18n/en.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { markerDetail } from './markerText.ts';

/** The words of an event mark in the page language (sale statuses translated). */
export function useMarkerDetail(sales: readonly SaleOutcome[]): (marker: ReviewMarker) => string {
  const t = useT();
  return (marker) =>
    markerDetail(marker, sales, (status) => {
      const key = `sale.status.${status}`;
      return isMessageKey(en, key) ? t(key) : status;
    });
}
