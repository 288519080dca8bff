import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, json, linkToken, type TestPlatform } from '../../support/test-platform.js';

describe('counters stay exact when many pledgers confirm at once', () => {
  let platform: TestPlatform;
  const countries = ['MX', 'FR', 'EG', 'CN', 'RU'];
  const pledgers = Array.from({ length: 40 }, (_, i) => ({
    email: `pledger-${i}@gmail.com`,
    country: countries[i % countries.length]!,
  }));

  beforeAll(async () => {
    platform = await createTestPlatform();
    await Promise.all(
      pledgers.map((p) =>
        platform.request('/api/pledges', json({ name: 'Pledger', email: p.email, country: p.country, language: 'en', showOnWall: false, wantsUpdates: false })),
      ),
    );
  });

  it('counts each confirmation exactly once, even when every link is clicked twice at the same moment', async () => {
    const tokens = await Promise.all(pledgers.map(async (p) => linkToken((await platform.emailsTo(p.email))[0]!, 'confirm')));
    const responses = await Promise.all(
      [...tokens, ...tokens].map((token) => platform.request('/api/pledges/confirm', json({ token }))),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const stats = (await (await platform.request('/api/pledges/stats')).json()) as { total: number; byCountry: Record<string, number> };
    expect(stats.total).toBe(40);
    expect(stats.byCountry).toEqual({ MX: 8, FR: 8, EG: 8, CN: 8, RU: 8 });
  });
});
