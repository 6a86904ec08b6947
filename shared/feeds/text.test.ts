import { describe, expect, it } from 'vitest';
import { clampText, looksBlank } from './text.ts';

describe('clampText', () => {
  it('trims and keeps short text as is', () => {
    expect(clampText('  你好  ', 10)).toEqual({ text: '你好', truncated: false });
  });

  it('cuts long text and flags it', () => {
    expect(clampText('x'.repeat(600), 500)).toEqual({ text: 'x'.repeat(500), truncated: true });
  });

  it('never leaves half an emoji', () => {
    const cut = clampText(`ab${'😀'.repeat(3)}`, 3);
    expect(cut).toEqual({ text: 'ab', truncated: true });
  });

  it('drops control characters but keeps bidi and zero-width ones for the view to isolate', () => {
    expect(clampText('a\u0000b\u0007c\nd', 20).text).toBe('abc\nd');
    expect(clampText('\u202Eevil\u200B', 20).text).toBe('\u202Eevil\u200B');
  });
});

describe('looksBlank', () => {
  it('sees whitespace and invisible characters as blank', () => {
    expect(looksBlank(' \u200B\uFEFF\u202E ')).toBe(true);
    expect(looksBlank('a\u200B')).toBe(false);
  });
});
