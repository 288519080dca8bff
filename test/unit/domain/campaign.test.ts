import { describe, expect, it } from 'vitest';
import { currentCampaign, inLanguage, type Campaign } from '../../../functions/domain/campaigns/campaign.js';
import { worldDayCampaigns } from '../../../functions/domain/campaigns/world-days.js';

describe('campaigns', () => {
  const campaigns = worldDayCampaigns('2026-01-01T00:00:00Z');

  it('leads with this year’s published campaign, else the latest before it', () => {
    expect(currentCampaign(campaigns, new Date('2026-07-30T00:00:00Z'))?.year).toBe(2026);
    expect(currentCampaign(campaigns, new Date('2020-07-30T00:00:00Z'))?.year).toBe(2018);
    const drafts: Campaign[] = campaigns.map((c) => ({ ...c, status: c.year === 2026 ? 'draft' : c.status }));
    expect(currentCampaign(drafts, new Date('2026-07-30T00:00:00Z'))?.year).toBe(2018);
    expect(currentCampaign([], new Date())).toBeUndefined();
  });

  it('falls back to English where a translation is missing, and says so', () => {
    const summary = campaigns.find((c) => c.year === 2026)!.summary;
    expect(inLanguage(summary, 'es').language).toBe('es');
    expect(inLanguage(summary, 'zh')).toEqual({ text: summary.en, language: 'en' });
  });

  it('has no theme for 2014 and 2015, and UNODC’s themes from 2016', () => {
    expect(campaigns.filter((c) => !c.theme).map((c) => c.year)).toEqual([2014, 2015, 2026]);
    expect(campaigns.find((c) => c.year === 2018)?.theme?.en).toBe('Responding to the trafficking of children and young people');
  });
});
