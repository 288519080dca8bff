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
  /** Form fields, URL-encoded or multipart (the multipart parts that are not files). */
  form?: Record<string, string>;
  /** Multipart parts that carry a file (a filename or a content type of their own). */
  files?: Record<string, FilePart>;
  /** Any other body (an image PUT to an upload URL). */
  bytes?: Buffer;
}

export interface FilePart {
  filename?: string;
  type?: string;
  bytes: Buffer;
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
    if (type.startsWith('application/json')) {
      const text = await c.req.raw.clone().text();
      if (text) seen.json = JSON.parse(text) as Record<string, unknown>;
    } else if (type.startsWith('application/x-www-form-urlencoded')) seen.form = Object.fromEntries(new URLSearchParams(await c.req.raw.clone().text()));
    else if (type.startsWith('multipart/form-data')) Object.assign(seen, parseMultipart(Buffer.from(await c.req.raw.clone().arrayBuffer()), type));
    else if (c.req.method === 'PUT' || c.req.method === 'POST') {
      const bytes = Buffer.from(await c.req.raw.clone().arrayBuffer());
      if (bytes.length) seen.bytes = bytes;
    }
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

/**
 * A multipart/form-data body (RFC 7578) read byte for byte: fields as text, and parts with a
 * filename or a content type of their own as files. By hand, because a part without a filename
 * (twitter-api-v2 sends its `media` so) is text to FormData, which would garble the bytes.
 */
export function parseMultipart(body: Buffer, contentType: string): { form: Record<string, string>; files: Record<string, FilePart> } {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const form: Record<string, string> = {};
  const files: Record<string, FilePart> = {};
  if (!boundary) return { form, files };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  for (let at = body.indexOf(delimiter); at !== -1; ) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part: CRLF after the delimiter, headers, a blank line, the content, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /;\s*name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /;\s*filename="([^"]*)"/i.exec(headers)?.[1];
    const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
    if (filename !== undefined || type) files[name] = { ...(filename !== undefined ? { filename } : {}), ...(type ? { type } : {}), bytes: Buffer.from(content) };
    else form[name] = content.toString('utf8');
    at = next;
  }
  return { form, files };
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

/** A file's type from its first bytes, as a network checks an upload (not from what the request says). */
export function sniffType(bytes: Uint8Array): string | undefined {
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (bytes[0] === 0x89 && ascii(1, 3) === 'PNG') return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'image/webp';
  if (ascii(4, 4) === 'ftyp') return 'video/mp4';
  return undefined;
}
