import { useT } from '../../i18n/useT.ts';
import { useReviewPrefs } from './reviewPrefs.ts';

/** Whether rehearsals count in the averages (off by default: they are not real shows). */
export function RehearsalToggle() {
  const t = useT();
  const include = useReviewPrefs((s) => s.includeRehearsals);
  const setInclude = useReviewPrefs((s) => s.setIncludeRehearsals);
  return (
    <label className="checkbox review-toggle">
      <input type="checkbox" data-testid="review-include-rehearsals" checked={include} onChange={(e) => setInclude(e.target.checked)} />
      {t('review.includeRehearsals')}
    </label>
  );
}
