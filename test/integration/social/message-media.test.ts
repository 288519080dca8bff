import { beforeAll, describe, expect, it } from 'vitest';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';
import { campaignWithKit, MEDIA_KIT } from './media-fixtures.js';
import { answer, variant } from './supporter-fixtures.js';

/**
 * A manager attaches media kit images to a message: each must be in the campaign's kit, of a
 * type and size the variant's network takes, and described in the variant's language. The API
 * answers 400 naming the field (`variants.2.mediaIds`) otherwise.
 */
describe('managers attach media from the campaign media kit', () => {
  let platform: TestPlatform;
  let token: string;
  const call = (method: string, path: string, body?: unknown) =>
    answer<SocialMessage>(platform.request(path, { ...(body !== undefined ? json(body) : {}), method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }));

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set(new Date('2026-07-01T10:00:00Z'));
    token = await platform.identity.issueToken('manager@blueheart.local');
    expect((await call('PUT', '/api/admin/campaigns/2026', campaignWithKit())).status).toBe(200);
  });

  it('refuses media that are not in the kit, too large or of a kind the network does not take, naming each variant', async () => {
    const refused = await call('POST', '/api/admin/messages/2026', {
      title: 'With media',
      variants: [
        { ...variant('en', 'mastodon', 'Wear the Blue Heart.'), mediaIds: ['heart-1', 'nope'] },
        { ...variant('en', 'x', 'Wear the Blue Heart.'), mediaIds: ['guide-3'] },
        { ...variant('en', 'bluesky', 'Wear the Blue Heart.'), mediaIds: ['poster-2'] },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.fields).toEqual([
      { field: 'variants.0.mediaIds', message: 'has nope, which is not in the media kit of the 2026 campaign' },
      { field: 'variants.1.mediaIds', message: 'has “Guide”, which cannot go: X takes PNG, JPEG, WebP, GIF, MP4 in a post, not PDF' },
      { field: 'variants.2.mediaIds', message: 'has “Poster”, which is 1.4 MB; Bluesky takes PNG files up to 1 MB' },
    ]);
    expect((await call('GET', '/api/admin/messages/2026')).body).toEqual({ messages: [] });
  });

  it('needs a text alternative in the variant’s language, written or from the kit', async () => {
    const refused = await call('POST', '/api/admin/messages/2026', {
      title: 'In French',
      variants: [{ ...variant('fr', 'mastodon', 'Portez le Cœur bleu.'), mediaIds: ['heart-1'] }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.fields!.map((f) => f.field)).toEqual(['variants.0.altText.heart-1']);
    expect(refused.body.error!.message).toMatch(/no text alternative in French/);
  });

  it('refuses at the schema what needs no kit: the same item twice, alt text over X’s 1,000 characters', async () => {
    const refused = await call('POST', '/api/admin/messages/2026', {
      title: 'Twice',
      variants: [{ ...variant('en', 'x', 'Hi'), mediaIds: ['heart-1', 'heart-1'], altText: { 'heart-1': 'a'.repeat(1_001) } }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.fields!.map((f) => f.field)).toEqual(['variants.0.mediaIds', 'variants.0.altText.heart-1']);
  });

  it('saves the kit’s text alternative in the variant’s language where none was written, and checks the kit again at submission', async () => {
    const created = await call('POST', '/api/admin/messages/2026', {
      title: 'World Day',
      variants: [
        { ...variant('es', 'bluesky', 'Lleva el Corazón Azul.'), mediaIds: ['heart-1'], altText: { stray: 'dropped' } },
        { ...variant('en', 'mastodon', 'Wear the Blue Heart.'), mediaIds: ['poster-2', 'heart-1'], altText: { 'poster-2': 'Our poster: a blue heart on white' } },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.variants.map((v) => v.altText)).toEqual([
      { 'heart-1': 'Un corazón azul entre dos manos' },
      { 'poster-2': 'Our poster: a blue heart on white', 'heart-1': 'A blue heart held in two hands' },
    ]);

    // The poster leaves the kit before the message goes to review.
    expect((await call('PUT', '/api/admin/campaigns/2026', campaignWithKit([MEDIA_KIT[0]]))).status).toBe(200);
    const refused = await call('POST', `/api/admin/messages/2026/${created.body.id}/submit`, { version: created.body.version });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.fields).toEqual([{ field: 'variants.1.mediaIds', message: 'has poster-2, which is not in the media kit of the 2026 campaign' }]);
  });
});
