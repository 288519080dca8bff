import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Context, Hono } from 'hono';

/**
 * What the X, Facebook and LinkedIn stand-ins share: every request recorded as it arrived, faults
 * planned per route ("POST /2/tweets"), and a server on a free local port.
 */

export interface SeenRequest {
  method: string;
  /** The route the request matched, ids replaced: `POST /2/tweets`, `GET /v25.0/:page/posts`. */
  route: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  json?: Record<string, unknown>;
  form?: Record<string, string>;
}

export type Fault =
  /** Answer this instead of doing the work. */
  | { status: number; body?: unknown; headers?: Record<string, string>; contentType?: string }
  /** Do the work (store the post), then keep the client waiting this long before answering. */
  | { storeThenStallMs: number };

export function recordRequests(app: Hono, routeOf: (method: string, path: string) => string) {
  const requests: SeenRequest[] = [];
  const faults = new Map<string, Fault[]>();
  const stalls = new WeakMap<Request, number>();

  app.use('*', async (c, next) => {
    const seen: SeenRequest = {
      method: c.req.method,
      route: routeOf(c.req.method, c.req.path),
      path: c.req.path,
      query: c.req.query(),
      headers: Object.fromEntries(Object.entries(c.req.header()).map(([name, value]) => [name.toLowerCase(), value])),
    };
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/json')) seen.json = (await c.req.raw.clone().json()) as Record<string, unknown>;
    if (type.startsWith('application/x-www-form-urlencoded')) seen.form = Object.fromEntries(new URLSearchParams(await c.req.raw.clone().text()));
    requests.push(seen);
    const fault = faults.get(seen.route)?.shift();
    if (fault && 'status' in fault) {
      const html = fault.contentType === 'text/html';
      const body = html ? String(fault.body ?? '<html><body>Bad gateway</body></html>') : JSON.stringify(fault.body ?? {});
      return new Response(body, { status: fault.status, headers: { 'content-type': fault.contentType ?? 'application/json; charset=utf-8', ...fault.headers } });
    }
    if (fault) stalls.set(c.req.raw, fault.storeThenStallMs);
    await next();
  });

  return {
    requests,
    /** The next call to `route` gets `fault`; several queue up. */
    failNext(route: string, ...planned: Fault[]) {
      faults.set(route, [...(faults.get(route) ?? []), ...planned]);
    },
    seen: (route: string) => requests.filter((request) => request.route === route),
    /** Where a handler has done its work: waits as a planned `storeThenStallMs` says. */
    async stall(c: Context) {
      const ms = stalls.get(c.req.raw);
      if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
}

export async function serveStandin(app: Hono): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: one the system just gave out and took back. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
