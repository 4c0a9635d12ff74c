/** Secrets never leave the engine in command output tails. */
import { describe, expect, it } from 'vitest';
import { redactSecrets, secretEnvValues, outputTail } from '../../mcp-server/src/gates/redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    ['ghp_0123456789abcdefghijABCDEFGHIJ', '0123456789abcdef'],
    ['AKIAIOSFODNN7EXAMPLE', 'IOSFODNN7EXAMPLE'.slice(4)],
    ['xoxb-123456789012-abcdefghij', '123456789012'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'eyJhbGciOiJIUzI1NiJ9'],
    ['DB password=hunter2!', 'hunter2'],
    ['api_key: "s3cr3t value"', 's3cr3t'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----', 'MIIEabc'],
  ])('hides the secret in %s', (text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('hides values of env vars whose names say TOKEN/SECRET/PASSWORD/KEY, and leaves ordinary text alone', () => {
    const values = secretEnvValues({ NPM_TOKEN: 'npm-abcdef123', DB_PASSWORD: 'pa55word', HOME: '/root', SHORT_KEY: 'abc' });
    expect(values).toEqual(expect.arrayContaining(['npm-abcdef123', 'pa55word']));
    expect(values).not.toContain('/root');
    expect(outputTail('using npm-abcdef123 and pa55word', '', values)).toBe('using [redacted] and [redacted]');
    expect(redactSecrets('12 tests passed in 3.2s')).toBe('12 tests passed in 3.2s');
  });

  it('keeps only a bounded tail', () => {
    const tail = outputTail('x'.repeat(10_000), 'end', [], 2_000);
    expect(tail.length).toBeLessThanOrEqual(2_001);
    expect(tail.endsWith('end')).toBe(true);
  });
});
