import { Fragment } from 'react';
import type { TextSegment } from './textSegments.ts';

/** Outside text with its marked pieces as <mark> elements; every piece is a React text node, never HTML. */
export function MarkedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'plain' ? (
          <Fragment key={i}>{s.text}</Fragment>
        ) : (
          <mark key={i} className={`mark mark--${s.kind}`} data-mark={s.kind}>
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}
