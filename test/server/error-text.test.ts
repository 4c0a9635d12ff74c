/**
 * Error text carries what the user (or the model) typed and what files hold. errors.ts shows control
 * characters instead of sending them: ANSI escapes (ESC and the 8-bit CSI), NUL, DEL, bidirectional
 * overrides and line separators; `found:` stays on one line; long values are cut; quote() escapes once.
 */
import { describe, expect, it } from 'vitest';
import { InputError, printable, quote } from '../../mcp-server/src/errors.js';

describe('quote', () => {
  it('escapes once: a newline is \\n, a backslash is \\\\, ESC is \\x1b, a bidi override is \\u202e', () => {
    expect(quote('prod\nuction')).toBe('"prod\\nuction"');
    expect(quote('C:\\prod')).toBe('"C:\\\\prod"');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote('red\u001b[31m')).toBe('"red\\x1b[31m"');
    expect(quote('a\u009b2Jb')).toBe('"a\\x9b2Jb"');
    expect(quote('txt\u202eexe.md')).toBe('"txt\\u202eexe.md"');
    expect(quote('x'.repeat(500), 10)).toBe(`"${'x'.repeat(10)}…"`);
    expect(quote('ｐroduction ünïcode')).toBe('"ｐroduction ünïcode"');
  });
});

describe('describe()', () => {
  it('shows control characters in every part, keeps found on one line, bounds it', () => {
    const error = new InputError('Bad \u001b[2Jthing.', { where: 'arg\u0000', expected: 'plain\ttext', found: `line one\nline two ${'y'.repeat(1_000)}`, hint: 'Fix it\nthen retry.' });
    const text = error.describe();
    expect(text).not.toMatch(/[\u0000\u001b]/);
    expect(text).toContain('Bad \\x1b[2Jthing.');
    expect(text).toContain('at: arg\\x00');
    const found = text.split('\n').find((line) => line.startsWith('  found: '))!;
    expect(found).toContain('line one\\nline two');
    expect(found.length).toBeLessThan(330);
    expect(text).toContain('fix: Fix it\nthen retry.'); // the code's own line breaks stay
  });

  it('printable keeps newlines and tabs unless asked for one line', () => {
    expect(printable('a\nb\tc\rd\u007f')).toBe('a\nb\tc\\rd\\x7f');
    expect(printable('a\nb', true)).toBe('a\\nb');
  });
});
