import type { TierMove } from '../../../../shared/members/import.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../feeds/format.ts';
import { TIER_LABEL } from './TierBadge.tsx';

/** "bronze → silver: 12", new members as "new → bronze"; biggest moves first. */
export function TierMoveList({ moves, testId }: { moves: readonly TierMove[]; testId: string }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  if (moves.length === 0) return <p className="form-help">{t('members.moves.none')}</p>;
  return (
    <ul className="tier-moves">
      {[...moves]
        .sort((a, b) => b.count - a.count)
        .map((move) => (
          <li key={`${move.from ?? ''}>${move.to}`} data-testid={testId} data-from={move.from ?? ''} data-to={move.to} data-count={move.count}>
            {t('members.moves.item', {
              from: move.from === null ? t('members.moves.new') : t(TIER_LABEL[move.from]),
              to: t(TIER_LABEL[move.to]),
              count: formatCount(move.count, locale),
            })}
          </li>
        ))}
    </ul>
  );
}
