import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../../functions/adapters/social/sandbox-network.js';
import type { LendPreview } from '../../../functions/domain/social/lend-preview.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, form, json, type TestPlatform } from '../../support/test-platform.js';
import { answer, approvedMessage, rawTable, revokeTokenIn } from './supporter-fixtures.js';

/**
 * Ana in Mexico lends her Bluesky account to World Day 2026 in Spanish: she sees the exact post
 * first, the app password is checked with the network and stored sealed, her followers join
 * the expected reach, and the confirmation email's revoke link takes it all back.
 */
describe('a supporter lends an account and revokes it', () => {
  let platform: TestPlatform;
  let table: ReturnType<typeof rawTable>;
  let message: SocialMessage;
  const secret = 'abcd-efgh-ijkl-mnop';
  const email = 'ana.lends@example.mx';
  let accountId: string;
  let revokeToken: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-01T10:00:00Z');
    table = rawTable(platform);
  });
  afterAll(() => table.destroy());

  it('has nothing to lend a voice to before a message is approved', async () => {
    const none = await answer(platform.request('/api/social/2026/preview?language=es&platform=bluesky'));
    expect(none.status).toBe(404);
    expect(none.body.error!.message).toMatch(/no message to lend your voice to yet/);
    const lend = await answer(platform.request('/api/social/2026/accounts', json({ platform: 'bluesky', handle: 'ana.bsky.social', secret, language: 'es', timeZone: 'America/Mexico_City', consent: true })));
    expect(lend.status).toBe(404);
  });

  it('shows the exact post before she agrees: her language, her wording, the tagged link', async () => {
    message = await approvedMessage(platform, 2026, { schedule: { kind: 'local', date: '2026-07-30', time: '09:00' } });
    const general = await answer<LendPreview>(platform.request('/api/social/2026/preview?language=es&platform=bluesky'));
    expect(general.status).toBe(200);
    expect(general.body).toMatchObject({ messageId: message.id, language: 'es', posting: 'api', schedule: { kind: 'local', time: '09:00' } });
    expect(general.body.text).toContain('Hoy es el Día Mundial contra la Trata de Personas.');
    expect(general.body.text).toContain('#EndHumanTrafficking');
    expect(general.body.text).toContain('https://www.unodc.org/bluehearts?utm_source=bluesky&utm_medium=social&utm_campaign=world-day-2026');
    expect(general.body.length.ok).toBe(true);

    const hers = await answer<LendPreview>(platform.request('/api/social/2026/preview?language=es&platform=bluesky&handle=%40Ana.bsky.social&timeZone=America%2FMexico_City'));
    expect(hers.status).toBe(200);
    const wordings = [message.variants[1]!.text, ...message.variants[1]!.alternatives];
    expect(wordings.some((w) => hers.body.text.startsWith(w))).toBe(true);
    // 09:00 in Mexico City (UTC−6 all year since 2022) is 15:00 UTC.
    expect(hers.body.dueAt).toBe('2026-07-30T15:00:00.000Z');

    const french = await answer<LendPreview>(platform.request('/api/social/2026/preview?language=fr&platform=bluesky'));
    expect(french.body).toMatchObject({ requestedLanguage: 'fr', language: 'en' });
    const linkedin = await answer(platform.request('/api/social/2026/preview?language=en&platform=linkedin'));
    expect(linkedin.status).toBe(404);
    expect(linkedin.body.error!.message).toMatch(/no wording for LinkedIn/);
  });

  it('lends: the password is checked, sealed, never stored in clear; her followers count', async () => {
    const preview = await answer<LendPreview>(platform.request('/api/social/2026/preview?language=es&platform=bluesky&handle=ana.bsky.social'));
    const lent = await answer<{ account: { id: string; followers: number; handle: string; shareOnly: boolean }; preview: LendPreview; revokeToken: string; revokeUrl: string; emailSent: boolean }>(
      platform.request('/api/social/2026/accounts', {
        ...json({ platform: 'bluesky', handle: '@Ana.bsky.social', secret, language: 'es', timeZone: 'America/Mexico_City', email: 'Ana.Lends@example.mx', consent: true }),
        ip: '203.0.113.7',
      }),
    );
    expect(lent.status).toBe(201);
    accountId = lent.body.account.id;
    expect(lent.body.account).toMatchObject({ handle: 'ana.bsky.social', followers: sandboxFollowers('ana.bsky.social'), shareOnly: false });
    expect(lent.body.preview.text).toBe(preview.body.text);
    expect(lent.body.emailSent).toBe(true);
    expect(lent.body.revokeUrl).toBe(`http://localhost:3000/api/social/accounts/revoke?token=${lent.body.revokeToken}`);
    expect(JSON.stringify(lent.body)).not.toContain(secret);

    const item = await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT');
    expect(item).toMatchObject({ status: 'active', platform: 'bluesky', language: 'es', timeZone: 'America/Mexico_City', campaignYear: 2026, consent: { messageId: message.id, messageVersion: 3 } });
    expect(item!.encryptedToken).toMatch(/^v1\./);
    expect(item!.sealedEmail).toMatch(/^v1\./);
    const raw = JSON.stringify(item);
    expect(raw).not.toContain(secret);
    expect(raw.toLowerCase()).not.toContain(email);
    expect(await platform.deps.lending.tokenBox.open(item!.encryptedToken as string)).toBe(secret);

    const target = await table.item('SOCIAL-TARGETS#2026', `ACCOUNT#${accountId}`);
    expect(target).toMatchObject({ id: accountId, status: 'active', followers: sandboxFollowers('ana.bsky.social') });
    expect(target!.encryptedToken).toBeUndefined();
    expect(target!.sealedEmail).toBeUndefined();

    const reach = await answer(platform.request('/api/social/2026/reach'));
    expect(reach.body).toEqual({
      campaignYear: 2026, supporters: 1, supporterFollowers: sandboxFollowers('ana.bsky.social'), organisationAccounts: 0, organisationFollowers: 0,
      expectedReach: sandboxFollowers('ana.bsky.social'), messagesSent: 0, postsDelivered: 0, deliveredReach: 0,
    });
  });

  it('emails her in Spanish what will be posted, with the revoke link', async () => {
    const [sent] = await platform.emailsTo(email);
    expect(sent?.subject).toBe('Prestaste tu voz al Día Mundial 2026');
    expect(sent!.body.text).toContain('tu cuenta de Bluesky ana.bsky.social publicará este mensaje, una sola vez');
    expect(sent!.body.text).not.toContain(secret);
    revokeToken = revokeTokenIn(sent!.body.text);
  });

  it('lending the same account again replaces the lending: one account, one post', async () => {
    const again = await answer<{ account: { id: string } }>(platform.request('/api/social/2026/accounts', json({ platform: 'bluesky', handle: 'ana.bsky.social', secret, language: 'en', timeZone: 'Europe/Vienna', consent: true })));
    expect(again.status).toBe(201);
    expect(again.body.account.id).toBe(accountId);
    const targets = [];
    for await (const page of platform.deps.lending.accounts.targetsOf(2026)) targets.push(...page);
    expect(targets.map((t) => [t.id, t.language, t.timeZone, t.encryptedToken])).toEqual([[accountId, 'en', 'Europe/Vienna', '']]);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 1, expectedReach: sandboxFollowers('ana.bsky.social') });
  });

  it('the revoke link shows a page with a button: following it revokes nothing', async () => {
    const response = await platform.request(`/api/social/accounts/revoke?token=${revokeToken}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('action="/api/social/accounts/revoke"');
    expect(html).toContain(`value="${revokeToken}"`);
    expect(html).toContain('ana.bsky.social');
    expect(html).toContain('lang="en"');
    expect((await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT'))!.status).toBe('active');
  });

  it('the button revokes: token and email deleted in one write, off the targets, reach down', async () => {
    const response = await platform.request('/api/social/accounts/revoke', form({ token: revokeToken }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Revoked');

    const item = await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT');
    expect(item).toMatchObject({ status: 'revoked', revokedAt: '2026-07-01T10:00:00.000Z' });
    expect(item!.encryptedToken).toBeUndefined();
    expect(item!.sealedEmail).toBeUndefined();
    expect(item!.ownerKey).toBeUndefined();
    expect(await table.item('SOCIAL-TARGETS#2026', `ACCOUNT#${accountId}`)).toBeUndefined();
    const targets = [];
    for await (const page of platform.deps.lending.accounts.targetsOf(2026)) targets.push(...page);
    expect(targets).toEqual([]);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 0, expectedReach: 0 });
  });

  it('revoking again is harmless and says so', async () => {
    const twice = await answer(platform.request('/api/social/accounts/revoke', json({ token: revokeToken })));
    expect(twice).toMatchObject({ status: 200, body: { status: 'revoked', platform: 'bluesky', handle: 'ana.bsky.social' } });
    const page = await platform.request(`/api/social/accounts/revoke?token=${revokeToken}`);
    expect(await page.text()).toContain('already revoked');
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 0, expectedReach: 0 });
  });

  it('a forged or altered revoke token is refused, as a page or as JSON', async () => {
    const altered = `${revokeToken.slice(0, -2)}xx`;
    expect((await answer(platform.request('/api/social/accounts/revoke', json({ token: altered })))).status).toBe(400);
    const pledgeToken = platform.deps.pledges.tokens.sign('erase', accountId, platform.clock.now());
    expect((await answer(platform.request('/api/social/accounts/revoke', json({ token: pledgeToken })))).body.error!.code).toBe('invalid_token');
    const page = await platform.request(`/api/social/accounts/revoke?token=${altered}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('lends again after revoking, with a new token sealed', async () => {
    const back = await answer<{ account: { id: string } }>(platform.request('/api/social/2026/accounts', json({ platform: 'bluesky', handle: 'ana.bsky.social', secret, language: 'es', timeZone: 'America/Mexico_City', consent: true })));
    expect(back.status).toBe(201);
    expect((await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT'))!.status).toBe('active');
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 1 });
  });
});
