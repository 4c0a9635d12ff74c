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

describe('redactSecrets: the planted secrets of issue 12', () => {
  const planted: [string, string][] = [
    ['env assignment', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['bare AWS secret key', 'secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here'],
    ['URL userinfo password', 'cloning https://deploy:Pa55w0rd-x@git.example.com/app.git'],
    ['npm _authToken', '//registry.npmjs.org/:_authToken=npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'],
    ['Slack webhook', 'posting to https://hooks.slack.com/services/T0001/B0002/XyZsecretPathValue123'],
    ['GitHub token', 'GITHUB_TOKEN ghp_0123456789abcdefghijABCDEFGHIJklmn'],
    ['GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
    ['private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n-----END OPENSSH PRIVATE KEY-----'],
    ['JSON password', '{"db":{"password":"correct-horse-battery"}}'],
    ['AUTH variable', 'MY_AUTH=zz9plural'],
    ['flag', 'deployctl --token=abcd1234efgh'],
  ];
  const secretOf = (text: string) => /(?:=|:\/\/deploy:|_authToken=|services\/|ghp_|github_pat_|token |KEY-----\n|password":"|is )([^\s@"]+)/.exec(text)![1]!;

  it.each(planted)('hides the %s', (_name, text) => {
    const out = redactSecrets(text);
    expect(out).toContain('[redacted');
    expect(out).not.toContain(secretOf(text).slice(0, 12));
  });

  it('keeps JSON valid and leaves hex digests, versions and ordinary words alone', () => {
    const json = JSON.stringify({ token: 'abc123xyz', nested: { note: 'password: hunter22', list: ['Bearer abcdefghij'] } });
    expect(() => JSON.parse(redactSecrets(json))).not.toThrow();
    expect(redactSecrets(json)).not.toContain('hunter22');
    for (const text of ['commit 3f786850e387550fdab836ed7e6dc881de23001b', 'version 1.2.3 deployed to production', 'the author wrote 12 tests']) expect(redactSecrets(text)).toBe(text);
  });

  it('redacts values of secret-named environment variables from 4 characters, as whole tokens', () => {
    const values = secretEnvValues({ API_AUTH: 'zq9x', SERVICE_CREDENTIAL: 'c-r-e-d', GIT_AUTHOR_NAME: 'Ada Lovelace', HOME: '/root' });
    expect(values).toEqual(expect.arrayContaining(['zq9x', 'c-r-e-d']));
    expect(values).not.toContain('Ada Lovelace');
    expect(redactSecrets('using zq9x and c-r-e-d; zq9xy stays', values)).toBe('using [redacted] and [redacted]; zq9xy stays');
  });
});
