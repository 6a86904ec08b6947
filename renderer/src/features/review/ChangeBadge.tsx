import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { isJudged, type Comparison, type FigureId } from './compare.ts';
import { formatFigure } from './figures.ts';
import { formatChange } from './format.ts';

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;

/** ▲ +12.3 % / ▼ −25.0 % against the previous average, which the tooltip names. */
export function ChangeBadge({ id, comparison, currency }: { id: FigureId; comparison: Comparison | null; currency?: string }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  if (comparison === null) return null;
  const average = formatFigure(id, comparison.average, locale, currency);
  const change = comparison.ratio === null ? '' : formatChange(comparison.ratio, locale);
  return (
    <span
      className={`review-change review-change--${isJudged(id) ? comparison.direction : 'neutral'}`}
      data-testid="figure-change"
      data-direction={comparison.direction}
      title={t('review.compare.average', { average })}
    >
      <span aria-hidden="true">{ARROWS[comparison.direction]}</span>
      <span className="visually-hidden">{t(`review.compare.${comparison.direction}`)}</span>
      {change !== '' && ` ${change}`}
    </span>
  );
}
