/**
 * One HTTP request with a hard timeout, as every health check, smoke test and monitor tick makes it.
 * It never throws for network trouble: a refused connection, a timeout or an abort is an `error` in the
 * result, so callers decide what a failure means. Only the first 64 KB of the body are read.
 *
 * Good: `await probeHttp({ url: 'http://127.0.0.1:8080/health', timeoutMs: 5_000 })` →
 *       { status: 200, latencyMs: 3, bodyExcerpt: 'ok' }.
 * Bad:  `fetch(url)` with no timeout: a hung server hangs the deploy.
 */
export interface HttpProbeRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpProbeResult {
  url: string;
  status?: number;
  latencyMs: number;
  /** Body text, at most MAX_BODY_BYTES. */
  body: string;
  /** First 200 characters of the body, for reports. */
  bodyExcerpt: string;
  /** Why no status could be read: `timeout after 5s`, `ECONNREFUSED`, `aborted`... */
  error?: string;
}

export const MAX_BODY_BYTES = 64 * 1024;

export async function probeHttp(request: HttpProbeRequest): Promise<HttpProbeResult> {
  const started = performance.now();
  const latency = (): number => Math.round(performance.now() - started);
  if (request.signal?.aborted) return { url: request.url, latencyMs: 0, body: '', bodyExcerpt: '', error: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.max(1, request.timeoutMs));
  const onAbort = (): void => controller.abort();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const init: RequestInit = { method: request.method ?? 'GET', signal: controller.signal, redirect: 'manual' };
    if (request.headers) init.headers = request.headers;
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const status = response.status;
    const body = await readLimited(response);
    return { url: request.url, status, latencyMs: latency(), body, bodyExcerpt: excerpt(body) };
  } catch (error) {
    const reason = timedOut ? `timeout after ${request.timeoutMs} ms` : request.signal?.aborted ? 'aborted' : describeFetchError(error);
    return { url: request.url, latencyMs: latency(), body: '', bodyExcerpt: '', error: reason };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const all = Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES);
  return new TextDecoder('utf-8').decode(all);
}

function excerpt(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
    if (cause?.message) return cause.message;
    return error.message;
  }
  return String(error);
}

/** `http://host:1/base/` + `/health` → `http://host:1/base/health`; absolute URLs are kept. */
export function joinUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
