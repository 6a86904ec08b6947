import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkedText } from './MarkedText.tsx';
import { highlightPattern, highlightRanges, splitSegments } from './textSegments.ts';

describe('MarkedText', () => {
  it('renders markup in a comment as escaped text, with matches as <mark>', () => {
    const text = '<img src=x onerror=alert(1)> 尺码?';
    const segments = splitSegments(text, highlightRanges(text, highlightPattern(['尺码'])));
    const html = renderToStaticMarkup(<MarkedText segments={segments} />);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt; <mark class="mark mark--highlight" data-mark="highlight">尺码</mark>?');
    expect(html).not.toContain('<img');
  });
});
