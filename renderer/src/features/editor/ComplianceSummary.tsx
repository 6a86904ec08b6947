import { useMemo } from 'react';
import { flagsForShow } from '../../../../shared/show/compliance.ts';
import { useT } from '../../i18n/useT.ts';
import { useEditorContext } from './EditorContext.ts';

/** Every text of the script with banned words, by segment; a click goes to the segment. */
export function ComplianceSummary({ onSelect }: { onSelect: (segmentId: string) => void }) {
  const t = useT();
  const { show, matcher } = useEditorContext();
  const flags = useMemo(() => flagsForShow(show, matcher), [show, matcher]);
  const words = [...new Set(flags.flatMap((f) => f.matches.map((m) => m.word)))];
  const separator = t('editor.listSeparator');

  return (
    <div
      className={`compliance-flags${flags.length > 0 ? ' compliance-flags--found' : ''}`}
      data-testid="compliance-flags"
      data-count={flags.length}
      role="status"
    >
      <p className="compliance-flags__summary">
        {flags.length === 0 ? t('editor.compliance.none') : t('editor.compliance.found', { count: flags.length, words: words.join(separator) })}
      </p>
      {flags.length > 0 && (
        <ul className="compliance-flags__list">
          {flags.map((flag) => {
            const segment = show.segments.find((s) => s.id === flag.segmentId);
            const where = t(`editor.compliance.field.${flag.field}`);
            return (
              <li key={`${flag.segmentId}:${flag.field}:${flag.cueId ?? ''}`}>
                <button type="button" className="link-like" data-testid="compliance-flag" onClick={() => onSelect(flag.segmentId)}>
                  {t('editor.compliance.item', {
                    segment: segment?.title ?? flag.segmentId,
                    where,
                    words: [...new Set(flag.matches.map((m) => m.word))].join(separator),
                  })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
