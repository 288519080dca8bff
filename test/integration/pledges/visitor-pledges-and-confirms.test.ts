import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/http/app.js';
import { createTestPlatform, form, json, linkToken, type TestPlatform } from '../../support/test-platform.js';

const pledge = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ana María López',
  email: 'ana.lopez@example.org',
  country: 'MX',
  language: 'es',
  showOnWall: true,
  wantsUpdates: true,
  ...overrides,
});

describe('a visitor pledges, confirms from the email, and the counter grows', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  const stats = async () => (await (await platform.request('/api/pledges/stats')).json()) as {
    total: number; byCountry: Record<string, number>; byChapter: Record<string, number>; last24h: number;
  };

  it('accepts the pledge as pending and sends a confirmation email in the pledger’s language', async () => {
    const response = await platform.request('/api/pledges', { ...json(pledge({ altcha: await platform.solvedProof() })), ip: '192.0.2.10' });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });

    const [email, ...more] = await platform.emailsTo('ana.lopez@example.org');
    expect(more).toHaveLength(0);
    expect(email?.subject).toBe('Confirma tu compromiso con el Corazón Azul');
    expect(email?.body.text).toContain('Hola, Ana María López:');
    expect(email?.body.html).toContain('lang="es"');
    expect(email?.headers).toContainEqual({ name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' });
    expect((await stats()).total).toBe(0);
  });

  it('shows a page with a button when the link is followed, without confirming yet', async () => {
    const [email] = await platform.emailsTo('ana.lopez@example.org');
    const page = await platform.request(`/api/pledges/confirm?token=${linkToken(email!, 'confirm')}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('method="post"');
    expect(html).toContain('action="/api/pledges/confirm"');
    expect(html).toContain('lang="es"');
    expect((await stats()).total).toBe(0);
  });

  it('confirms from the button and counts the pledge once, however often it is confirmed', async () => {
    const [email] = await platform.emailsTo('ana.lopez@example.org');
    const token = linkToken(email!, 'confirm');
    const confirmed = await platform.request('/api/pledges/confirm', form({ token }));
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/es/pledge/thanks/');

    const again = await platform.request('/api/pledges/confirm', json({ token }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'confirmed', country: 'MX', language: 'es' });

    expect(await stats()).toEqual({ total: 1, byCountry: { MX: 1 }, byChapter: {}, last24h: 1 });
  });

  it('never counts the same address twice, however it is written', async () => {
    const response = await platform.request('/api/pledges', json(pledge({ email: '  ANA.Lopez@Example.ORG ', country: 'FR' })));
    expect(response.status).toBe(202);
    expect((await stats()).total).toBe(1);
    expect(await platform.emailsTo('ana.lopez@example.org')).toHaveLength(1);
  });

  it('rate-limits new confirmation emails for a pending address', async () => {
    const address = 'slow.reader@example.org';
    await platform.request('/api/pledges', json(pledge({ email: address })));
    await platform.request('/api/pledges', json(pledge({ email: address })));
    expect(await platform.emailsTo(address)).toHaveLength(1);
    platform.clock.advance(11 * 60_000);
    await platform.request('/api/pledges', json(pledge({ email: address })));
    expect(await platform.emailsTo(address)).toHaveLength(2);
  });

  it('counts a chapter pledge in the chapter and in the global counter', async () => {
    const address = 'chapter@example.org';
    await platform.request('/api/pledges', json(pledge({ email: address, chapter: 'aquiestoy', country: 'EC' })));
    const [email] = await platform.emailsTo(address);
    await platform.request('/api/pledges/confirm', json({ token: linkToken(email!, 'confirm') }));
    const now = await stats();
    expect(now.byChapter).toEqual({ aquiestoy: 1 });
    expect(now.byCountry).toEqual({ MX: 1, EC: 1 });
    expect(now.total).toBe(2);
  });

  it('serves stats with Cache-Control so a CDN can absorb the peak', async () => {
    const cached = createApp({ ...platform.deps, statsMaxAgeSeconds: 5 });
    const response = await cached.request('/api/pledges/stats');
    expect(response.headers.get('cache-control')).toBe('public, max-age=5, s-maxage=5, stale-while-revalidate=30');
  });

  it('takes a plain HTML form post and sends the browser to "check your email"', async () => {
    const response = await platform.request(
      '/api/pledges',
      form({ name: 'Marie', email: 'marie@example.fr', country: 'FR', language: 'fr', showOnWall: 'on' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/fr/pledge/check-email/');
    const [email] = await platform.emailsTo('marie@example.fr');
    expect(email?.subject).toBe('Confirmez votre engagement Cœur bleu');
  });

  it('drops a bot that fills the honeypot, with the same answer and no email', async () => {
    const response = await platform.request('/api/pledges', json(pledge({ email: 'bot@example.org', website: 'http://spam.example' })));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });
    expect(await platform.emailsTo('bot@example.org')).toHaveLength(0);
  });

  it('lets a pending pledge expire after a week, and the address pledge again', async () => {
    const address = 'late@example.org';
    await platform.request('/api/pledges', json(pledge({ email: address })));
    const [first] = await platform.emailsTo(address);
    platform.clock.advance(8 * 24 * 3_600_000);
    const expired = await platform.request('/api/pledges/confirm', json({ token: linkToken(first!, 'confirm') }));
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('expired_token');

    await platform.request('/api/pledges', json(pledge({ email: address })));
    const emails = await platform.emailsTo(address);
    expect(emails).toHaveLength(2);
    const before = (await stats()).total;
    const ok = await platform.request('/api/pledges/confirm', json({ token: linkToken(emails[1]!, 'confirm') }));
    expect(ok.status).toBe(200);
    expect((await stats()).total).toBe(before + 1);
  });
});
