import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

interface Ticket {
  item: { id: string; kind: string; file: string; contentType: string; bytes: number };
  upload: { url: string; method: string; headers: Record<string, string>; expiresAt: string };
}

describe('a manager uploads a file to the media kit', () => {
  let platform: TestPlatform;
  let manager: string;
  const ask = (body: unknown) => platform.request('/api/admin/campaigns/2027/media', { ...json(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` } });
  const send = (ticket: Ticket, body: Uint8Array<ArrayBuffer>, contentType = ticket.upload.headers['Content-Type']!) =>
    platform.request(new URL(ticket.upload.url).pathname, { method: 'PUT', headers: { 'content-type': contentType }, body });
  const png = new Uint8Array(40_000).fill(7);

  beforeAll(async () => {
    platform = await createTestPlatform();
    manager = await platform.identity.issueToken('manager@blueheart.local');
  });

  it('gets an upload ticket for an image, with a safe, unique file name', async () => {
    const response = await ask({ fileName: 'Blue Heart (FR) final.PNG', contentType: 'image/png', bytes: png.length });
    expect(response.status).toBe(200);
    const ticket = (await response.json()) as Ticket;
    expect(ticket.item).toMatchObject({ kind: 'image', contentType: 'image/png', bytes: png.length });
    expect(ticket.item.file).toMatch(/^blue-heart-fr-final-[0-9a-f]{8}\.png$/);
    expect(ticket.upload.method).toBe('PUT');

    expect((await send(ticket, png)).status).toBe(201);
    expect(readFileSync(join(platform.siteDir, 'media', '2027', ticket.item.file))).toEqual(Buffer.from(png));
  });

  it('refuses a type a media kit does not take, and a file over the limit', async () => {
    const exe = await ask({ fileName: 'setup.exe', contentType: 'application/x-msdownload', bytes: 10 });
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('contentType');
    const huge = await ask({ fileName: 'poster.png', contentType: 'image/png', bytes: 500 * 1024 * 1024 });
    expect(huge.status).toBe(400);
  });

  it('refuses bytes that are not what the ticket announced, and keeps nothing of them', async () => {
    const ticket = (await (await ask({ fileName: 'small.png', contentType: 'image/png', bytes: 100 })).json()) as Ticket;
    expect((await send(ticket, png)).status).toBe(413);
    expect(existsSync(join(platform.siteDir, 'media', '2027', ticket.item.file))).toBe(false);
    expect((await send(ticket, new Uint8Array(10), 'application/pdf')).status).toBe(415);
  });

  it('refuses a forged or expired ticket', async () => {
    const ticket = (await (await ask({ fileName: 'a.pdf', contentType: 'application/pdf', bytes: 10 })).json()) as Ticket;
    // Change a character inside the signature (the last one may only carry base64 padding bits).
    const url = ticket.upload.url;
    const at = url.length - 10;
    const forged = { ...ticket, upload: { ...ticket.upload, url: `${url.slice(0, at)}${url[at] === 'A' ? 'B' : 'A'}${url.slice(at + 1)}` } };
    expect((await send(forged, new Uint8Array(10))).status).toBe(400);
    platform.clock.advance(16 * 60_000);
    expect((await send(ticket, new Uint8Array(10))).status).toBe(410);
  });

  it('asks for a signed-in manager', async () => {
    expect((await platform.request('/api/admin/campaigns/2027/media', json({ fileName: 'a.pdf', contentType: 'application/pdf', bytes: 10 }))).status).toBe(401);
  });
});
