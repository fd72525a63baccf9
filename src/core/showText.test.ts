import { describe, expect, it } from 'vitest';
import { escapeInvisible, SHOWN_CHARS, showText, showValue } from './showText';

describe('showText / showValue (outside text in a message)', () => {
  it('writes invisible characters as \\uXXXX: a NUL, a terminal escape, a byte-order mark, a bidi override', () => {
    expect(escapeInvisible('u1\u0000')).toBe('u1\\u0000');
    expect(showText('\u001b[31mred')).toBe('\\u001B[31mred');
    expect(showText('\ufeffid')).toBe('\\uFEFFid');
    expect(showValue('a\u202eb\u007f')).toBe('"a\\u202Eb\\u007F"');
    expect(showText('Käufer 🎬')).toBe('Käufer 🎬');
  });

  it('cuts long text to 60 characters and names the whole length', () => {
    expect(showText('x'.repeat(SHOWN_CHARS))).toBe('x'.repeat(SHOWN_CHARS));
    expect(showText('x'.repeat(100_000))).toBe(`${'x'.repeat(60)}… (100000 characters)`);
    expect(showValue('y'.repeat(61))).toBe(`"${'y'.repeat(60)}…" (61 characters)`);
  });

  it('never cuts a character in half (a surrogate pair at the cut)', () => {
    const s = `${'x'.repeat(59)}🎬${'x'.repeat(10)}`;
    const shown = showText(s);
    expect(shown.startsWith(`${'x'.repeat(59)}…`)).toBe(true);
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('says non-finite numbers as they are and survives values JSON cannot write', () => {
    expect(showValue(Infinity)).toBe('Infinity');
    expect(showValue(10n)).toBe('10');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(showValue(cycle)).toBe('[object Object]');
  });
});
