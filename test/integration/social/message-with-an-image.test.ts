import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { pngOf } from './media-site.js';
import { campaignWithKit } from './media-fixtures.js';
import { variant } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * The whole flow as `npm start` runs it, with an image: a manager uploads it to the 2026 media
 * kit, attaches it to the message with alt text in each variant's language, the message is
 * approved and scheduled, and at the moment every lent account's post carries the image: the
 * sandbox fetches it from the local site server, as Mastodon and Bluesky would from CloudFront.
 */
describe('a scheduled message with an image posts it from every lent account', () => {
  let platform: Running;
  let message: SocialMessage;
  let imageUrl: string;
  const png = pngOf(1200, 675, 5_000);
  const supporters = [
    { platform: 'bluesky', handle: 'ana.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'es', timeZone: 'America/Mexico_City' },
    { platform: 'mastodon', handle: '@grace@mastodon.social', secret: 'token-grace-0123456789', language: 'en', timeZone: 'Africa/Nairobi' },
  ];

  const manager = async <T = SocialMessage>(as: string, method: string, path: string, body?: unknown): Promise<T> => {
    const token = await platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${platform.url}/api/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}: ${response.status === 400 ? await response.clone().text() : ''}`).toBeLessThan(300);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    // The media kit: the upload ticket, the bytes, then the item in the draft with its titles and text alternatives.
    const { item, upload } = await manager<{ item: { id: string; file: string }; upload: { url: string; headers: Record<string, string> } }>('manager', 'POST', '/campaigns/2026/media', {
      fileName: 'Blue Heart.png',
      contentType: 'image/png',
      bytes: png.length,
    });
    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: Buffer.from(png) })).status).toBeLessThan(300);
    await manager('manager', 'PUT', '/campaigns/2026', campaignWithKit([{ ...item, title: { en: 'Blue Heart' }, alt: { en: 'A blue heart held in two hands', es: 'Un corazón azul entre dos manos' } }]));
    imageUrl = `${platform.url}/media/2026/${item.file}`;

    message = await manager('manager', 'POST', '/messages/2026', {
      title: 'World Day 2026, with the Blue Heart',
      variants: [
        { ...variant('es', 'bluesky', 'Hoy es el Día Mundial contra la Trata de Personas.'), mediaIds: [item.id] },
        { ...variant('en', 'mastodon', 'Today is World Day against Trafficking in Persons.'), mediaIds: [item.id], altText: { [item.id]: 'Two hands hold a blue heart' } },
      ],
    });
    message = await manager('manager', 'POST', `/messages/2026/${message.id}/submit`, { version: message.version });
    message = await manager('manager2', 'POST', `/messages/2026/${message.id}/approve`, { version: message.version });
    message = await manager('manager', 'POST', `/messages/2026/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: new Date(Date.now() + 2_000).toISOString() } });
    for (const supporter of supporters) {
      const response = await fetch(`${platform.url}/api/social/2026/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...supporter, consent: true }) });
      expect(response.status, supporter.handle).toBe(201);
    }
    // Like a real network, the sandbox fetches each file before posting.
    platform.deps.lending.sandbox!.configure({ fetchMedia: true });
  });
  afterAll(async () => platform?.stop());

  it('posts the image with each variant’s alt text, fetched from the site, once per account', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date((message.schedule as { at: string }).at).getTime() - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toMatchObject({ started: [message.id] });
    await platform.socialIdle();
    expect(await platform.runJob('send-due-messages')).toMatchObject({ finished: [message.id] });

    const posts = platform.deps.lending.sandbox!.posts();
    expect(posts).toHaveLength(2);
    expect(Object.fromEntries(posts.map((post) => [post.handle, post.media]))).toEqual({
      'ana.bsky.social': [{ url: imageUrl, alt: 'Un corazón azul entre dos manos', contentType: 'image/png', bytes: png.length }],
      '@grace@mastodon.social': [{ url: imageUrl, alt: 'Two hands hold a blue heart', contentType: 'image/png', bytes: png.length }],
    });
    expect(platform.deps.lending.sandbox!.audit().duplicateRefs).toBe(0);
  });
});
