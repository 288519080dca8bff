import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, form, json, type TestPlatform } from '../../support/test-platform.js';

const valid = {
  name: 'Grace',
  email: 'grace@example.org',
  country: 'KE',
  language: 'en',
  showOnWall: false,
  wantsUpdates: false,
};

interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

describe('bad input gets a 4xx a person can read, and nothing is written', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  const expectError = async (response: Response, status: number, code: string, field?: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (field) expect(body.error.fields?.map((f) => f.field)).toContain(field);
    return body;
  };

  const cases: Array<[string, RequestInit, number, string, string?]> = [
    ['malformed JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "Grace",' }, 400, 'validation_failed', 'body'],
    ['a JSON array', json([valid]), 400, 'validation_failed'],
    ['wrong content type', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }, 415, 'unsupported_media_type'],
    ['no content type', { method: 'POST', body: JSON.stringify(valid) }, 415, 'unsupported_media_type'],
    ['a 1 MB body', json({ ...valid, name: 'x'.repeat(1024 * 1024) }), 413, 'payload_too_large'],
    ['a missing field', json({ ...valid, email: undefined }), 400, 'validation_failed', 'email'],
    ['an unknown field', json({ ...valid, isAdmin: true }), 400, 'validation_failed', 'isAdmin'],
    ['an invalid email', json({ ...valid, email: 'grace-at-example.org' }), 400, 'validation_failed', 'email'],
    ['an invalid country', json({ ...valid, country: 'XX' }), 400, 'validation_failed', 'country'],
    ['a country name instead of a code', json({ ...valid, country: 'Kenya' }), 400, 'validation_failed', 'country'],
    ['an unsupported language', json({ ...valid, language: 'de' }), 400, 'validation_failed', 'language'],
    ['markup in the name', json({ ...valid, name: '<script>alert(1)</script>' }), 400, 'validation_failed', 'name'],
    ['a string for a boolean', json({ ...valid, showOnWall: 'yes' }), 400, 'validation_failed', 'showOnWall'],
    ['an unknown chapter', json({ ...valid, chapter: 'nope' }), 400, 'validation_failed', 'chapter'],
    ['an empty name', json({ ...valid, name: '   ' }), 400, 'validation_failed', 'name'],
  ];

  it.each(cases)('%s → %i %s', async (_label, init, status, code, field) => {
    await expectError(await platform.request('/api/pledges', init), status, code, field);
  });

  it('wrote nothing and sent nothing for any of them', async () => {
    expect(await platform.emailsTo('grace@example.org')).toHaveLength(0);
    const stats = await (await platform.request('/api/pledges/stats')).json();
    expect(stats).toEqual({ total: 0, byCountry: {}, byChapter: {}, last24h: 0 });
  });

  it('answers a bad form post with an HTML page that names the field', async () => {
    const response = await platform.request('/api/pledges', form({ name: 'Grace', email: 'nope', country: 'KE', language: 'en' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('email');
    expect(html).toContain('lang="en"');
  });

  it('links the error page back to the form the visitor came from, on this site only', async () => {
    const post = (referer: string) =>
      platform.request('/api/pledges', {
        ...form({ name: 'Ana', email: 'nope', country: 'MX', language: 'es', chapter: 'aquiestoy' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', referer },
      });
    expect(await (await post('http://localhost/es/chapters/aquiestoy/')).text()).toContain('href="/es/chapters/aquiestoy/"');
    const elsewhere = await (await post('https://evil.example/phish/')).text();
    expect(elsewhere).not.toContain('evil.example');
    expect(elsewhere).toContain('href="/es/pledge/"');
  });

  it('rejects a forged confirmation token', async () => {
    await expectError(await platform.request('/api/pledges/confirm', json({ token: 'eyJwIjoiY29uZmlybSIsInMiOiJ4In0.forged-signature' })), 400, 'invalid_token', 'token');
  });

  it('rejects an unsubscribe token used to confirm', async () => {
    const token = platform.deps.pledges.tokens.sign('unsubscribe', 'some-id', platform.clock.now());
    await expectError(await platform.request('/api/pledges/confirm', json({ token })), 400, 'invalid_token');
  });

  it('answers an expired token with 410', async () => {
    const token = platform.deps.pledges.tokens.sign('confirm', 'some-id', platform.clock.now(), 60);
    platform.clock.advance(120_000);
    await expectError(await platform.request('/api/pledges/confirm', json({ token })), 410, 'expired_token');
  });

  it('answers a forged link followed from an email with an HTML page', async () => {
    const response = await platform.request('/api/pledges/confirm?token=not-a-real-token-at-all');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    await expectError(await platform.request('/api/nothing-here'), 404, 'not_found');
  });

  it('rejects a bad wall limit', async () => {
    await expectError(await platform.request('/api/pledges/wall?limit=500'), 400, 'validation_failed', 'limit');
  });
});
