import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, json, linkToken, type TestPlatform } from '../../support/test-platform.js';

/**
 * A burst from one IP trips the abuse controls: the sender is told nothing different, the
 * pledges are held back, and a manager restores or invalidates them in bulk.
 */
describe('a manager reviews a burst of suspect pledges', () => {
  let platform: TestPlatform;
  let managerToken: string;
  const stats = async () => (await (await platform.request('/api/pledges/stats')).json()) as { total: number; byCountry: Record<string, number> };

  const pledgeAndConfirm = async (email: string, ip: string, country = 'BR', proof?: string) => {
    const response = await platform.request('/api/pledges', {
      ...json({ name: 'Joana', email, country, language: 'pt', showOnWall: true, wantsUpdates: false, ...(proof ? { altcha: proof } : {}) }),
      ip,
    });
    const body = await response.json();
    const [mail] = await platform.emailsTo(email);
    if (mail) await platform.request('/api/pledges/confirm', json({ token: linkToken(mail, 'confirm') }));
    return { status: response.status, body };
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    managerToken = await platform.identity.issueToken('manager@blueheart.local');
  });

  const asManager = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${managerToken}` } });

  it('counts pledges with a solved proof of work, and holds back a burst without one', async () => {
    // Without a proof, one IP may send 5 a minute; the rest are suspect, with identical answers.
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await pledgeAndConfirm(`burst-${i}@example.com.br`, '203.0.113.50'));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ status: 202, body: { status: 'pending' } })]));
    expect((await stats()).total).toBe(5);

    const proof = await platform.solvedProof();
    await pledgeAndConfirm('with-proof@example.net', '198.51.100.9', 'PT', proof);
    expect((await stats()).total).toBe(6);
  });

  it('treats a replayed proof of work as a red flag', async () => {
    const proof = await platform.solvedProof();
    await pledgeAndConfirm('first-use@example.net', '198.51.100.10', 'PT', proof);
    await pledgeAndConfirm('replay@example.net', '198.51.100.11', 'PT', proof);
    expect((await stats()).total).toBe(7);
    const list = await platform.request(`/api/admin/pledges?from=2026-07-30T00:00:00Z&to=2026-07-31T00:00:00Z&review=suspect`, asManager());
    const { pledges } = (await list.json()) as { pledges: { suspectReasons: string[]; ipHash: string; emailDomain: string }[] };
    expect(pledges.some((p) => p.suspectReasons.includes('proof-of-work-invalid'))).toBe(true);
    expect(pledges.filter((p) => p.suspectReasons.includes('ip-burst'))).toHaveLength(3);
    // Review shows hashes and domains, never names or addresses.
    expect(JSON.stringify(pledges)).not.toMatch(/Joana|@example/);
  });

  it('restores the burst by IP, and the counters follow', async () => {
    const list = await platform.request(`/api/admin/pledges?from=2026-07-30T00:00:00Z&to=2026-07-31T00:00:00Z&review=suspect`, asManager());
    const { pledges } = (await list.json()) as { pledges: { ipHash: string; suspectReasons: string[] }[] };
    const ipHash = pledges.find((p) => p.suspectReasons.includes('ip-burst'))!.ipHash;
    const response = await platform.request(
      '/api/admin/pledges/review',
      asManager(json({ action: 'restore', filter: { from: '2026-07-30T00:00:00Z', to: '2026-07-31T00:00:00Z', ipHash, review: 'suspect' } })),
    );
    expect(await response.json()).toEqual({ matched: 3, changed: 3 });
    expect((await stats()).total).toBe(10);
  });

  it('invalidates by email domain and country; running it twice changes nothing more', async () => {
    const body = json({ action: 'invalidate', filter: { from: '2026-07-30T00:00:00Z', to: '2026-07-31T00:00:00Z', emailDomain: 'example.com.br', country: 'BR' } });
    expect(await (await platform.request('/api/admin/pledges/review', asManager(body))).json()).toEqual({ matched: 8, changed: 8 });
    expect((await stats()).byCountry.BR).toBeUndefined();
    expect(await (await platform.request('/api/admin/pledges/review', asManager(body))).json()).toEqual({ matched: 8, changed: 0 });
    expect((await stats()).total).toBe(2);
  });

  it('validates review filters', async () => {
    const response = await platform.request(
      '/api/admin/pledges/review',
      asManager(json({ action: 'delete', filter: { from: '2026-08-01T00:00:00Z', to: '2026-07-01T00:00:00Z' } })),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: { field: string }[] } };
    expect(error.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['action']));
  });
});
