import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishDueCampaigns } from '../../../functions/domain/campaigns/publish-campaign.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

const draft = {
  theme: { en: 'Leave no victim behind', es: 'No dejar a ninguna víctima atrás' },
  summary: { en: 'Every victim deserves protection.', es: 'Toda víctima merece protección.' },
  keyMessages: [{ en: 'Anyone can be a victim.', es: 'Cualquiera puede ser víctima.' }],
  callsToAction: [{ text: { en: 'Take the pledge', es: 'Súmate' }, url: '/pledge/' }],
  hashtags: ['#EndHumanTrafficking', '#AQUIESTOY'],
  links: [{ label: { en: 'UNODC', es: 'ONUDD' }, url: 'https://www.unodc.org' }],
  partners: [{ name: 'UNODC', url: 'https://www.unodc.org' }],
  mediaKit: [],
};

interface View {
  draft: { summary: { en: string } };
  live?: { summary: { en: string } };
  publishAt?: string;
  translation: Record<string, { complete: number; missing: string[] }>;
}

/** Maria, a manager, prepares World Day 2027 in English and Spanish and publishes it. */
describe('a manager prepares, publishes, schedules and restores a campaign', () => {
  let platform: TestPlatform;
  let manager: string;
  const as = (token: string | undefined, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const put = (path: string, body: unknown) => platform.request(path, as(manager, { ...json(body), method: 'PUT' }));
  const post = (path: string, body: unknown = {}) => platform.request(path, as(manager, json(body)));
  const page = (lang: string, year = 2027) => join(platform.siteDir, lang, 'campaigns', String(year), 'index.html');

  beforeAll(async () => {
    platform = await createTestPlatform();
    manager = await platform.identity.issueToken('manager@blueheart.local');
  });

  it('saves a draft in two languages and says what falls back to English', async () => {
    const response = await put('/api/admin/campaigns/2027', draft);
    expect(response.status).toBe(200);
    const view = (await response.json()) as View;
    expect(view.translation.es).toEqual({ complete: 1, missing: [] });
    expect(view.translation.ar?.missing).toEqual(['theme', 'summary', 'keyMessages.0', 'callsToAction.0.text', 'links.0.label']);
    expect(view.live).toBeUndefined();
    expect((await platform.request('/api/campaigns/2027')).status).toBe(404);
  });

  it.each([
    ['a bad hashtag', { ...draft, hashtags: ['EndHumanTrafficking'] }, 'hashtags.0'],
    ['no English summary', { ...draft, summary: { es: 'Solo español' } }, 'summary.en'],
    ['markup in a theme', { ...draft, theme: { en: '<b>bold</b>' } }, 'theme.en'],
    ['an http link', { ...draft, links: [{ label: { en: 'x' }, url: 'http://example.org' }] }, 'links.0.url'],
    ['an unknown language', { ...draft, summary: { en: 'x', de: 'y' } }, 'summary.de'],
  ])('refuses %s, naming the field', async (_label, body, field) => {
    const response = await put('/api/admin/campaigns/2027', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: { field: string }[] } };
    expect(error.fields.map((f) => f.field)).toContain(field);
  });

  it('previews the draft exactly as it would be published, not indexed', async () => {
    const response = await platform.request('/api/admin/campaigns/2027/preview?lang=es', as(manager));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('No dejar a ninguna víctima atrás');
    expect(html).toContain('noindex');
    expect(existsSync(page('es'))).toBe(false);
  });

  it('publishes: the pages are written in every language, Arabic right to left with English marked', async () => {
    const response = await post('/api/admin/campaigns/2027/publish');
    expect(response.status).toBe(200);
    const { published } = (await response.json()) as { published: { files: number; ms: number } };
    expect(published.files).toBeGreaterThan(7);
    expect(readFileSync(page('es'), 'utf8')).toContain('No dejar a ninguna víctima atrás');
    const arabic = readFileSync(page('ar'), 'utf8');
    expect(arabic).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    expect(arabic).toMatch(/lang="en"[^>]*>Leave no victim behind/);
    expect(((await (await platform.request('/api/campaigns/2027')).json()) as { theme: { es: string } }).theme.es).toBe('No dejar a ninguna víctima atrás');
  });

  it('keeps the live version until the next publish, and records who changed what', async () => {
    await put('/api/admin/campaigns/2027', { ...draft, summary: { ...draft.summary, en: 'Every victim deserves protection and justice.' } });
    const view = (await (await platform.request('/api/admin/campaigns/2027', as(manager))).json()) as View;
    expect(view.live?.summary.en).toBe('Every victim deserves protection.');
    expect(view.draft.summary.en).toBe('Every victim deserves protection and justice.');
    const { entries } = (await (await platform.request('/api/admin/campaigns/2027/history', as(manager))).json()) as {
      entries: { action: string; by: string; changes?: { field: string; before?: unknown; after?: unknown }[]; publishedVersion?: boolean }[];
    };
    expect(entries.map((e) => e.action)).toEqual(['edit', 'publish', 'edit']);
    expect(entries[0]).toMatchObject({ by: 'manager@blueheart.local', changes: [{ field: 'summary.en', before: 'Every victim deserves protection.', after: 'Every victim deserves protection and justice.' }] });
    expect(entries[1]?.publishedVersion).toBe(true);
  });

  it('publishes on schedule, and refuses a time in the past', async () => {
    expect((await put('/api/admin/campaigns/2027/schedule', { publishAt: '2026-01-01T00:00:00Z' })).status).toBe(400);
    const at = new Date(platform.clock.now().getTime() + 3_600_000).toISOString();
    const scheduled = (await (await put('/api/admin/campaigns/2027/schedule', { publishAt: at })).json()) as View;
    expect(scheduled.publishAt).toBe(at);
    expect(await publishDueCampaigns(platform.deps.campaigns)).toEqual([]);
    platform.clock.advance(3_600_000);
    expect(await publishDueCampaigns(platform.deps.campaigns)).toEqual([2027]);
    const view = (await (await platform.request('/api/admin/campaigns/2027', as(manager))).json()) as View;
    expect(view.live?.summary.en).toBe('Every victim deserves protection and justice.');
    expect(view.publishAt).toBeUndefined();
  });

  it('unpublishes (the pages go) and restores the first published version (they come back)', async () => {
    expect((await post('/api/admin/campaigns/2027/unpublish')).status).toBe(200);
    expect(existsSync(page('en'))).toBe(false);
    expect((await platform.request('/api/campaigns/2027')).status).toBe(404);

    const { entries } = (await (await platform.request('/api/admin/campaigns/2027/history', as(manager))).json()) as { entries: { id: string; action: string }[] };
    const first = entries.filter((e) => e.action === 'publish').at(-1)!;
    const restored = await post('/api/admin/campaigns/2027/restore', { revision: first.id });
    expect(restored.status).toBe(200);
    expect(readFileSync(page('en'), 'utf8')).toContain('Every victim deserves protection.');
    expect(((await (await platform.request('/api/campaigns/2027')).json()) as { summary: { en: string } }).summary.en).toBe('Every victim deserves protection.');
  });

  it('keeps fundraising settings when an editor that does not show them saves the draft', async () => {
    const fundraising = { target: { amount: 5_000_000, currency: 'usd' }, endsAt: '2027-08-30T00:00:00Z' };
    await put('/api/admin/campaigns/2027', { ...draft, fundraising });
    const view = (await (await put('/api/admin/campaigns/2027', draft)).json()) as View & { draft: { fundraising?: unknown } };
    expect(view.draft.fundraising).toEqual(fundraising);
  });

  it('is for managers only', async () => {
    const finance = await platform.identity.issueToken('finance@blueheart.local');
    expect((await platform.request('/api/admin/campaigns', as(finance))).status).toBe(403);
    expect((await platform.request('/api/admin/campaigns')).status).toBe(401);
    expect((await platform.request('/api/admin/campaigns/2027/publish', { method: 'POST' })).status).toBe(401);
  });
});
