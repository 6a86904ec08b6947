import type { FeedBackResult } from '../../../../shared/members/feedback.ts';
import { Link } from '../../app/Link.tsx';
import { memberPagePath } from '../../app/router.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../feeds/format.ts';
import { formatMinutes, formatSpend, memberName } from './format.ts';
import { TIER_LABEL } from './TierBadge.tsx';
import { TierMoveList } from './TierMoveList.tsx';

/** Members named as examples of the moves (the engine sends a few). */
const EXAMPLES_SHOWN = 10;

/** What a feed-back changes (dry run) or changed: members touched and new, totals added, tier moves. */
export function FeedBackFigures({ result, applied }: { result: FeedBackResult; applied: boolean }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const count = (n: number) => formatCount(n, locale);
  const cells: { id: string; label: MessageKey; value: string }[] = [
    { id: 'members', label: 'members.feedback.members', value: count(result.members) },
    { id: 'newMembers', label: 'members.feedback.newMembers', value: count(result.newMembers) },
    { id: 'attendees', label: 'members.feedback.attendees', value: count(result.attendees) },
    { id: 'watchMinutes', label: 'members.feedback.watchMinutes', value: formatMinutes(result.delta.watchMs, locale) },
    { id: 'comments', label: 'members.feedback.comments', value: count(result.delta.comments) },
    { id: 'interactions', label: 'members.feedback.interactions', value: count(result.delta.interactions) },
    { id: 'orders', label: 'members.feedback.orders', value: count(result.delta.orders) },
    { id: 'refunds', label: 'members.feedback.refunds', value: count(result.delta.refunds) },
    { id: 'spend', label: 'members.feedback.spend', value: formatSpend(result.delta.spend, locale) },
  ];
  return (
    <div className="feedback-result" data-testid="feedback-result" data-applied={applied ? 'true' : 'false'} data-new-members={result.newMembers}>
      <h3 className="panel__subheading">{applied ? t('members.feedback.resultApplied') : t('members.feedback.resultDryRun')}</h3>
      <dl className="member-figures">
        {cells.map((cell) => (
          <div key={cell.id} className="member-figure" data-figure={cell.id}>
            <dt>{t(cell.label)}</dt>
            <dd>{cell.value}</dd>
          </div>
        ))}
      </dl>
      {result.skippedEvents > 0 && <p className="form-help">{t('members.feedback.skipped', { count: count(result.skippedEvents) })}</p>}
      <h4 className="members-minor-heading">{t('members.moves.heading')}</h4>
      <TierMoveList moves={result.tierMoves} testId="feedback-tier-move" />
      {result.examples.length > 0 && (
        <details className="feedback-examples-box">
          <summary>{t('members.feedback.examples', { count: Math.min(result.examples.length, EXAMPLES_SHOWN) })}</summary>
          <ul className="feedback-examples">
            {result.examples.slice(0, EXAMPLES_SHOWN).map((ex) => (
              <li key={ex.memberId}>
                <Link to={memberPagePath(ex.memberId)} className="inline-link">
                  <bdi>{memberName(ex.displayName, ex.memberId)}</bdi>
                </Link>{' '}
                {t('members.moves.example', { from: ex.from === null ? t('members.moves.new') : t(TIER_LABEL[ex.from]), to: t(TIER_LABEL[ex.to]) })}{' '}
                <span className="form-help">
                  <bdi>{ex.reason}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
