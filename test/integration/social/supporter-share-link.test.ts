import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LendPreview } from '../../../functions/domain/social/lend-preview.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';
import { answer, approvedMessage, rawTable, revokeTokenIn } from './supporter-fixtures.js';

/**
 * X forbids posting on others' behalf: Lucía gives no password, only her email, and will get a
 * ready-to-post share link at the moment. She is a target like any supporter, stored with her
 * email sealed, and can revoke the same way.
 */
describe('a supporter on a network that takes share links', () => {
  let platform: TestPlatform;
  let table: ReturnType<typeof rawTable>;
  const email = 'lucia.shares@example.es';

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-01T10:00:00Z');
    table = rawTable(platform);
    await approvedMessage(platform, 2026);
  });
  afterAll(() => table.destroy());

  it('previews the share link with the text it opens with', async () => {
    const preview = await answer<LendPreview>(platform.request('/api/social/2026/preview?language=es&platform=x'));
    expect(preview.status).toBe(200);
    expect(preview.body.posting).toBe('share-link');
    expect(preview.body.text).toContain('Hoy: Día Mundial contra la Trata de Personas. #CorazónAzul');
    expect(preview.body.shareUrl).toBe(`https://x.com/intent/post?text=${encodeURIComponent(preview.body.text)}`);
  });

  it('refuses a password, and asks for the email', async () => {
    const withSecret = await answer(platform.request('/api/social/2026/accounts', json({ platform: 'x', secret: 'hunter2', language: 'es', timeZone: 'Europe/Madrid', email, consent: true })));
    expect(withSecret.status).toBe(400);
    expect(withSecret.body.error!.fields![0]!.field).toBe('secret');
    expect(JSON.stringify(withSecret.body)).not.toContain('hunter2');
    const withoutEmail = await answer(platform.request('/api/social/2026/accounts', json({ platform: 'x', handle: 'lucia', language: 'es', timeZone: 'Europe/Madrid', consent: true })));
    expect(withoutEmail.body.error!.fields).toEqual([{ field: 'email', message: 'is required: at the moment we email you a link that opens X with the message ready' }]);
  });

  it('stores her as a share-only target with the email sealed, and emails the revoke link', async () => {
    const lent = await answer<{ account: { id: string; shareOnly: boolean; followers: number; handle: string }; preview: LendPreview }>(
      platform.request('/api/social/2026/accounts', json({ platform: 'x', handle: '@lucia_es', language: 'es', timeZone: 'Europe/Madrid', email, consent: true })),
    );
    expect(lent.status).toBe(201);
    expect(lent.body.account).toMatchObject({ shareOnly: true, followers: 0, handle: '@lucia_es' });
    expect(lent.body.preview.shareUrl).toMatch(/^https:\/\/x\.com\/intent\/post\?text=/);
    const item = await table.item(`SOCIAL-ACCOUNT#${lent.body.account.id}`, 'ACCOUNT');
    expect(item).toMatchObject({ shareOnly: true, platform: 'x', status: 'active' });
    expect(item!.encryptedToken).toBeUndefined();
    expect(item!.sealedEmail).toMatch(/^v1\./);
    expect(JSON.stringify(item)).not.toContain(email);
    expect(await platform.deps.lending.tokenBox.open(item!.sealedEmail as string)).toBe(email);

    const again = await answer<{ account: { id: string } }>(platform.request('/api/social/2026/accounts', json({ platform: 'x', language: 'es', timeZone: 'Europe/Madrid', email: email.toUpperCase(), consent: true })));
    expect(again.body.account.id).toBe(lent.body.account.id);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 1, expectedReach: 0 });

    const [sent] = await platform.emailsTo(email);
    expect(sent!.subject).toBe('Prestaste tu voz al Día Mundial 2026');
    expect(sent!.body.text).toContain('te enviaremos por correo un enlace que abre X con este mensaje listo');
    const revoked = await answer(platform.request('/api/social/accounts/revoke', json({ token: revokeTokenIn(sent!.body.text) })));
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked', platform: 'x' } });
    const after = await table.item(`SOCIAL-ACCOUNT#${lent.body.account.id}`, 'ACCOUNT');
    expect(after!.sealedEmail).toBeUndefined();
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 0 });
  });

  it('writes to Arabic speakers in Arabic, right to left', async () => {
    const lent = await answer(platform.request('/api/social/2026/accounts', json({ platform: 'mastodon', handle: '@salma@mastodon.example', secret: 'a'.repeat(43), language: 'ar', timeZone: 'Africa/Cairo', email: 'salma.lends@example.eg', consent: true })));
    expect(lent.status).toBe(201);
    const [sent] = await platform.emailsTo('salma.lends@example.eg');
    expect(sent!.subject).toBe('لقد أعرت صوتك لليوم العالمي 2026');
    expect(sent!.body.html).toContain('dir="rtl"');
    expect(sent!.body.text).toContain('اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص');
  });
});
