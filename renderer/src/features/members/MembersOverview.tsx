import { useCallback, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { invalidateMemberBadges } from './badgeStore.ts';
import { FeedBackPanel } from './FeedBackPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { MemberSearch } from './MemberSearch.tsx';
import { PromotionsPanel } from './PromotionsPanel.tsx';
import { TierRulesEditor } from './TierRulesEditor.tsx';
import { TierShareChart } from './TierShareChart.tsx';
import { MemberHealthPanel } from './MemberHealthPanel.tsx';

/**
 * The members page: find a member (by automatic tag too), see the tier split against the plan, feed shows back, run
 * temporary promotions, import, set the rules.
 */
export function MembersOverview() {
  const t = useT();
  /** Bumped after anything here changed the records: search and shares load again. */
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => {
    invalidateMemberBadges();
    setRevision((r) => r + 1);
  }, []);

  return (
    <main className="view members-view" data-testid="members-view">
      <h1 className="view__heading">{t('members.heading')}</h1>
      <p className="form-help">{t('members.intro')}</p>

      <div className="members-view__top">
        <MemberSearch revision={revision} />
        <div className="members-view__side">
          <TierShareChart revision={revision} />
          <MemberHealthPanel revision={revision} />
          <PromotionsPanel revision={revision} onChanged={changed} />
          <FeedBackPanel onChanged={changed} />
        </div>
      </div>

      <div className="members-view__bottom">
        <ImportPanel onChanged={changed} />
        <TierRulesEditor onChanged={changed} />
      </div>
    </main>
  );
}
