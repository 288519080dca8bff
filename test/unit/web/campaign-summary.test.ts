import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldDayCampaigns } from '../../../functions/domain/campaigns/world-days.js';
import { buildSite } from '../../../web/build.js';

describe('the home page shows the current campaign', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'blue-heart-campaign-'));
  const campaign = worldDayCampaigns('2026-01-01T00:00:00Z').find((c) => c.year === 2026)!;
  const page = (lang: string) => readFileSync(join(outDir, lang, 'index.html'), 'utf8');

  beforeAll(async () => {
    await buildSite({ outDir, campaign: { ...campaign, theme: { en: 'A theme only in English' } } });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('in the page language where translated', () => {
    expect(page('es')).toContain('Día Mundial 2026');
    expect(page('es')).toContain(campaign.summary.es);
    expect(page('es')).toContain('#EndHumanTrafficking');
  });

  it('in English, marked as English and left to right, where not translated', () => {
    expect(page('ar')).toMatch(/<p class="campaign-theme" lang="en" dir="ltr">A theme only in English<\/p>/);
    expect(page('zh')).toMatch(/<p lang="en" dir="ltr">Stand with the victims/);
  });

  it('leaves the section out when there is no campaign', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'blue-heart-campaign-'));
    await buildSite({ outDir: bare });
    expect(readFileSync(join(bare, 'en', 'index.html'), 'utf8')).not.toContain('campaign-heading');
    rmSync(bare, { recursive: true, force: true });
  });
});
