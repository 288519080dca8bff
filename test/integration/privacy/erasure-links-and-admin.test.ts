import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

const HOUR = 3_600_000;

/**
 * The edges of erasure on request: links that are forged, of another kind or expired get a
 * readable 4xx (a page in the person's language for the browser, JSON for API clients);
 * unknown addresses get the same 202 and no email; the admin route is for admins only, and its
 * log names the admin and a keyed hash of the address, never the address.
 */
describe('erasure links', () => {
  let platform: TestPlatform;
  const email = 'grace.erases@example.org';

  const pledge = async (address: string, language = 'fr') => {
    const response = await platform.request('/api/pledges', json({ name: 'Grace Wanjiru', email: address, country: 'KE', language, showOnWall: false, wantsUpdates: false, altcha: await platform.solvedProof() }));
    expect(response.status).toBe(202);
  };
  const ask = (address: string, ip = '198.51.100.7') => platform.request('/api/privacy/erasure-requests', { ...json({ email: address, language: 'fr' }), ip });
  const linkIn = async (address: string) => {
    const emails = (await platform.emailsTo(address)).filter((e) => e.body.text?.includes('/api/privacy/erasure?token='));
    return /\/api\/privacy\/erasure\?token=([A-Za-z0-9._-]+)/.exec(emails.at(-1)!.body.text!)![1]!;
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    await pledge(email);
  });

  it('answers 202 for an unknown address and emails nobody', async () => {
    const response = await ask('never.seen@example.org');
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'sent-if-found' });
    expect(await platform.emailsTo('never.seen@example.org')).toEqual([]);
  });

  it('answers a plain form post with a page in the form’s language, the same whether the address is known or not', async () => {
    const post = (address: string) =>
      platform.request('/api/privacy/erasure-requests', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: address, language: 'fr' }).toString() });
    const [known, unknown] = await Promise.all([post(email), post('nobody.form@example.org')]);
    expect([known.status, unknown.status]).toEqual([200, 200]);
    const [a, b] = await Promise.all([known.text(), unknown.text()]);
    expect(a).toContain('Consultez vos e-mails');
    expect(a).toBe(b);
  });

  it('refuses a forged link, and one made for another purpose, with a readable 400', async () => {
    const forged = await platform.request('/api/privacy/erasure', json({ token: 'eyJwIjoiZXJhc3VyZSJ9.forged-signature' }));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: 'invalid_token', message: expect.stringMatching(/not valid/) } });

    const pledgeErase = platform.deps.pledges.tokens.sign('erase', 'some-pledge-id', platform.clock.now());
    expect((await platform.request('/api/privacy/erasure', json({ token: pledgeErase }))).status).toBe(400);

    const page = await platform.request('/api/privacy/erasure?token=garbage.token.value', { headers: { 'accept-language': 'es' } });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('Este enlace no funciona');
    expect(html).toContain('/es/privacy/#erase');

    expect((await platform.request('/api/privacy/erasure', json(null))).status).toBe(400);
    expect((await platform.request('/api/privacy/erasure', json({ token: 'x'.repeat(600) }))).status).toBe(400);
  });

  it('opens the confirmation page in the request’s language; after 24 hours the link is refused with a 410 that says why', async () => {
    await ask(email);
    const token = await linkIn(email);
    const page = await platform.request(`/api/privacy/erasure?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Effacer mes données');

    platform.clock.advance(24 * HOUR + 60_000);
    const expired = await platform.request('/api/privacy/erasure', json({ token }));
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: 'expired_token', message: expect.stringMatching(/24 hours/) } });
    // An expired link's page is in the browser's language (the token is not trusted any more).
    const expiredPage = await platform.request(`/api/privacy/erasure?token=${token}`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
    expect(expiredPage.status).toBe(410);
    expect(await expiredPage.text()).toContain('Ce lien a expiré');
    // Nothing was erased by any of this.
    expect((await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email(email)))?.name).toBe('Grace Wanjiru');
  });

  it('takes as long to answer for a known address as for an unknown one, and a failed email is still a 202', async () => {
    const privacy = platform.deps.privacy;
    privacy.answerFloorMs = 400;
    try {
      for (const address of [email, 'never.known@example.org']) {
        const started = performance.now();
        expect((await ask(address, '198.51.100.20')).status).toBe(202);
        expect(performance.now() - started, address).toBeGreaterThanOrEqual(395);
      }
    } finally {
      privacy.answerFloorMs = 0;
    }

    const address = 'mail.down@example.org';
    await pledge(address);
    const mailer = platform.deps.pledges.mailer;
    platform.deps.pledges.mailer = { send: () => Promise.reject(new Error('SES is down')) };
    try {
      expect((await ask(address, '198.51.100.21')).status).toBe(202);
    } finally {
      platform.deps.pledges.mailer = mailer;
    }
    // The failed email gave its slot back: asking again (3 an hour) still sends.
    for (let i = 0; i < 3; i++) expect((await ask(address, '198.51.100.21')).status).toBe(202);
    expect((await platform.emailsTo(address)).filter((e) => e.body.text?.includes('/api/privacy/erasure?token='))).toHaveLength(3);
  });

  it('limits requests per connection (429), and emails an address at most 3 times an hour', async () => {
    const address = 'many.asks@example.org';
    await pledge(address);
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await ask(address, '203.0.113.99')).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(answers[10]).toBe(429);
    const links = (await platform.emailsTo(address)).filter((e) => e.body.text?.includes('/api/privacy/erasure?token='));
    expect(links).toHaveLength(3);
  });
});

describe('the admin erasure route', () => {
  let platform: TestPlatform;
  const tokens: Record<string, string | undefined> = {};
  const email = 'letter.writer@example.org';
  const month = () => platform.clock.now().toISOString().slice(0, 7);
  const call = (who: string, method: 'GET' | 'POST', body?: unknown) =>
    platform.request(method === 'GET' ? `/api/admin/privacy/erasures?month=${month()}` : '/api/admin/privacy/erasures', {
      method,
      headers: { 'content-type': 'application/json', ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    platform = await createTestPlatform();
    for (const who of ['admin', 'manager', 'finance']) tokens[who] = await platform.identity.issueToken(`${who}@blueheart.local`);
    tokens.expired = await platform.identity.issueToken('admin@blueheart.local', { expiresInSeconds: -60 });
    const { privateKey } = await generateKeyPair('ES256');
    tokens.forged = await new SignJWT({ token_use: 'access', client_id: platform.identity.clientId, username: 'admin@blueheart.local', 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'forged' })
      .setIssuer(platform.identity.issuer)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const pledged = await platform.request('/api/pledges', json({ name: 'Olga Letter', email, country: 'RU', language: 'ru', showOnWall: true, wantsUpdates: true, altcha: await platform.solvedProof() }));
    expect(pledged.status).toBe(202);
  });

  it('lets only admins in: anonymous, expired and forged tokens 401, managers and finance 403', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const body = method === 'POST' ? { email } : undefined;
      expect((await call('anonymous', method, body)).status, `${method} anonymous`).toBe(401);
      expect((await call('expired', method, body)).status, `${method} expired`).toBe(401);
      expect((await call('forged', method, body)).status, `${method} forged`).toBe(401);
      expect((await call('manager', method, body)).status, `${method} manager`).toBe(403);
      expect((await call('finance', method, body)).status, `${method} finance`).toBe(403);
    }
    expect((await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email(email)))?.name).toBe('Olga Letter');
  });

  it('answers bad input with a 400 naming the field', async () => {
    const bad = await call('admin', 'POST', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: [{ field: 'email' }] } });
    expect((await call('admin', 'POST', { email, extra: 1 })).status).toBe(400);
    const badMonth = await platform.request('/api/admin/privacy/erasures?month=2026-13', { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(badMonth.status).toBe(400);
  });

  it('erases for a request by post, and logs who, when, a hash of the address and the counts, never the address', async () => {
    const erased = await call('admin', 'POST', { email: ` ${email.toUpperCase()} `, reason: 'Letter of 2 July, ref. 14' });
    expect(erased.status).toBe(200);
    const entry = await erased.json();
    expect(entry).toMatchObject({
      channel: 'admin', by: 'admin@blueheart.local', reason: 'Letter of 2 July, ref. 14', at: platform.clock.now().toISOString(),
      emailHash: platform.deps.pledges.hasher.email(email), erased: { pledges: 1, lentAccounts: 0, donationRecords: 0, stripeCustomers: 0 },
    });
    const pledge = await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email(email));
    expect(pledge).toMatchObject({ erasedAt: expect.any(String) });
    expect(pledge?.name).toBeUndefined();

    const log = await call('admin', 'GET');
    expect(log.status).toBe(200);
    const text = await log.text();
    expect(JSON.parse(text)).toEqual({ entries: [entry] });
    expect(text.toLowerCase()).not.toContain(email);
  });
});
