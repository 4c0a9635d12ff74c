/** Real HTTP servers on 127.0.0.1 with free ports for the health tests; always closed afterwards. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  requests: Array<{ method: string; url: string; body: string; headers: IncomingMessage['headers'] }>;
  close: () => Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', body, headers: req.headers });
      void Promise.resolve(handler(req, res, body)).catch(() => {
        res.statusCode = 599;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago (nothing listens on it after this returns). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export function reply(res: ServerResponse, status: number, body = '', delayMs = 0): void {
  const send = (): void => {
    res.statusCode = status;
    res.setHeader('content-type', 'text/plain');
    res.end(body);
  };
  if (delayMs > 0) setTimeout(send, delayMs);
  else send();
}
