/**
 * `http`: a request (GET by default) answers with the expected status and, optionally, body text.
 * `{url}` is the environment's configured `url`.
 *
 * Good: `<verify kind="http" url="{url}/health" status="200" body_contains="ok"/>`
 * Bad:  `<verify kind="http" url="{url}/health"/>` in an environment without `url` (an error naming it).
 *
 * The request goes through health/http-probe.ts, so a gate reads at most 64 KB of a body, like every probe.
 */
import { parseDuration } from '../../util/duration.js';
import { probeHttp } from '../../health/http-probe.js';
import { redactSecrets } from '../redact-secrets.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const httpKind: VerifyKind = {
  kind: 'http',
  async verify(spec, context) {
    const raw = attribute(spec, 'url');
    if (!raw) return { status: 'error', message: 'The verify element needs a `url` attribute.' };
    if (raw.includes('{url}') && !context.settings.url) return { status: 'error', message: `The url uses {url} but environment "${context.environment}" has no \`url\` in the configuration.` };
    const url = raw.replace(/\{url\}/g, (context.settings.url ?? '').replace(/\/$/, ''));
    if (!/^https?:\/\//.test(url)) return { status: 'error', message: `Expected an http(s) URL, found ${JSON.stringify(url.slice(0, 200))}.` };
    const status = Number(attribute(spec, 'status') ?? '200');
    const timeoutMs = parseDuration(attribute(spec, 'timeout') ?? '10s') ?? 10_000;
    const method = (attribute(spec, 'method') ?? 'GET').toUpperCase();
    // The one probe health checks use: hard timeout, redirects not followed, at most 64 KB of body read.
    const probe = await probeHttp({ url, method, timeoutMs, ...(context.signal ? { signal: context.signal } : {}) });
    if (probe.status === undefined) return { status: 'failed', message: `${method} ${url} failed: ${probe.error ?? 'no answer'}.` };
    const body = probe.body;
    const contains = attribute(spec, 'body_contains');
    const tail = redactSecrets(body.slice(0, 500), context.secretValues);
    if (probe.status !== status) return { status: 'failed', message: `${method} ${url} answered ${probe.status}, expected ${status}.`, outputTail: tail };
    if (contains && !body.includes(contains)) return { status: 'failed', message: `${method} ${url} answered ${status} but the body does not contain ${JSON.stringify(contains)}.`, outputTail: tail };
    return { status: 'passed', message: `${method} ${url} answered ${status}.` };
  },
};
