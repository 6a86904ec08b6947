import { useMemo } from 'react';
import type { BannedWordMatcher } from '../../../../shared/show/compliance.ts';
import { useT } from '../../i18n/useT.ts';
import { highlightText } from './highlight.ts';

/** A text with its banned words in <mark>; always plain text nodes, whatever the text contains. */
export function Highlighted({ text, matcher }: { text: string; matcher: BannedWordMatcher }) {
  const { pieces } = useMemo(() => highlightText(text, matcher), [text, matcher]);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.marked ? (
          <mark key={i} className="banned" data-testid="banned-word">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Under a field whose text has banned words: the text again with them marked, and which words they are.
 * Nothing when the text is clean.
 */
export function ComplianceNote({ text, matcher, testId }: { text: string; matcher: BannedWordMatcher; testId: string }) {
  const t = useT();
  const { words } = useMemo(() => highlightText(text, matcher), [text, matcher]);
  if (words.length === 0) return null;
  return (
    <div className="compliance-note" data-testid={testId} data-words={words.join('|')}>
      <p className="compliance-note__words">{t('editor.compliance.fieldWords', { words: words.join(t('editor.listSeparator')) })}</p>
      <div className="compliance-note__text">
        <Highlighted text={text} matcher={matcher} />
      </div>
    </div>
  );
}
