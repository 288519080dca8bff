import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface ServedFile {
  bytes: Uint8Array;
  contentType: string;
  /** Send no Content-Length (chunked), so only counting the body can tell the size. */
  chunked?: boolean;
  /** Wait this long before answering. */
  stallMs?: number;
}

/**
 * The public site as the networks see it when they fetch a media kit file (CloudFront on AWS,
 * the local site server with `npm start`): `/media/<year>/<file>` with its type, or 404.
 */
export async function startMediaSite() {
  const files = new Map<string, ServedFile>();
  const fetched: string[] = [];
  const app = new Hono();
  app.get('/media/:year/:file', async (c) => {
    fetched.push(c.req.path);
    const file = files.get(c.req.param('file'));
    if (!file) return c.text('Not found', 404);
    if (file.stallMs) await new Promise((resolve) => setTimeout(resolve, file.stallMs));
    if (!file.chunked) return c.body(Buffer.from(file.bytes), 200, { 'content-type': file.contentType });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < file.bytes.length; at += 64 * 1024) controller.enqueue(file.bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': file.contentType } });
  });
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fetched,
    /** Serves `name` at `/media/2026/<name>`; returns its URL. */
    put(name: string, file: ServedFile): string {
      files.set(name, file);
      return `${url}/media/2026/${encodeURIComponent(name)}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type MediaSite = Awaited<ReturnType<typeof startMediaSite>>;

/** A valid PNG header of `width` × `height` padded to `bytes` bytes (enough for an upload and for `imageSize`). */
export function pngOf(width: number, height: number, bytes = 64): Uint8Array {
  const out = new Uint8Array(Math.max(bytes, 33));
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  out.set([8, 6, 0, 0, 0], 24);
  return out;
}

/** A GIF header (GIF89a, logical screen `width` × `height`) padded to `bytes` bytes. */
export function gifOf(width: number, height: number, bytes = 64): Uint8Array {
  const out = new Uint8Array(Math.max(bytes, 13));
  out.set([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);
  const view = new DataView(out.buffer);
  view.setUint16(6, width, true);
  view.setUint16(8, height, true);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * A PNG a browser decodes: `width` × `height` of Blue Heart blue, padded with a private ancillary
 * chunk to about `bytes` bytes (a large file that stays quick to build).
 */
export function realPng(width: number, height: number, bytes = 0): Uint8Array {
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([0x0b, 0x4f, 0x9c], 1 + x * 3);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels)];
  const size = parts.reduce((sum, part) => sum + part.length, 0) + 12;
  if (bytes > size + 12) parts.push(chunk('paDd', Buffer.alloc(bytes - size - 12)));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(parts));
}
