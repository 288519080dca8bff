import { beforeAll, describe, expect, it } from 'vitest';
import { seedCampaigns } from '../../../functions/dev/seed.js';
import { saveCampaignDraft } from '../../../functions/domain/campaigns/edit-campaign.js';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform.js';

describe('World Day campaigns, read-only', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await createTestPlatform();
    await seedCampaigns(platform.deps.campaigns.repository, platform.clock.now());
    await saveCampaignDraft(platform.deps.campaigns, 2027, { summary: { en: 'Not yet' }, keyMessages: [], hashtags: [], callsToAction: [], links: [], partners: [], mediaKit: [] }, 'test');
  });

  it('lists published campaigns newest first, drafts left out', async () => {
    const response = await platform.request('/api/campaigns');
    expect(response.status).toBe(200);
    const { campaigns } = (await response.json()) as { campaigns: { year: number; theme?: { en: string }; day: string }[] };
    expect(campaigns.map((c) => c.year)).toEqual([2026, 2018, 2017, 2016, 2015, 2014]);
    expect(campaigns.find((c) => c.year === 2014)).not.toHaveProperty('theme');
    expect(campaigns.find((c) => c.year === 2017)?.theme?.en).toBe('Act to protect and assist trafficked persons');
    expect(campaigns.every((c) => c.day.endsWith('-07-30'))).toBe(true);
  });

  it('answers one year, a missing year and a nonsense year', async () => {
    expect(((await (await platform.request('/api/campaigns/2016')).json()) as { theme: { en: string } }).theme.en).toBe('Vulnerability to trafficking in persons');
    expect((await platform.request('/api/campaigns/2027')).status).toBe(404);
    expect((await platform.request('/api/campaigns/2020')).status).toBe(404);
    const bad = await platform.request('/api/campaigns/twenty');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('year');
    expect((await platform.request('/api/campaigns/1999')).status).toBe(400);
  });
});
