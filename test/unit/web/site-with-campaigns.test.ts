import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../../functions/domain/chapters/chapters.js';
import { worldDayCampaigns } from '../../../functions/domain/campaigns/world-days.js';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { buildSite, type BuildSiteResult } from '../../../web/build.js';
import { readAssetManifest } from '../../../web/publish-pages.js';

const ORIGIN = 'https://blueheart.example.org';
const CAMPAIGNS = worldDayCampaigns('2026-01-01T00:00:00Z');
const JS_BUDGET_GZIP = 20 * 1024;

let outDir: string;
let result: BuildSiteResult;
const html = new Map<string, string>();

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'blue-heart-campaigns-'));
  result = await buildSite({ outDir, campaigns: CAMPAIGNS, now: new Date('2026-05-01T00:00:00Z'), publicUrl: ORIGIN });
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.html'))) {
    const path = join(entry.parentPath, entry.name);
    html.set(relative(outDir, path), await readFile(path, 'utf8'));
  }
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Public pages: everything but the console and the API docs. */
const publicPages = () => [...html].filter(([path]) => !path.startsWith('console/') && !path.startsWith('api-docs/'));

describe('buildSite with the published campaigns', () => {
  it('writes the campaign pages, archive, media kit, donate and trust-fund pages in every language', () => {
    for (const lang of LANGUAGES) {
      for (const path of ['campaigns/', 'media-kit/', 'donate/', 'trust-fund/', ...CAMPAIGNS.map((c) => `campaigns/${c.year}/`)]) {
        expect(html.has(`${lang}/${path}index.html`), `${lang}/${path}`).toBe(true);
      }
      expect(existsSync(join(outDir, `${lang}/world-day.ics`))).toBe(true);
    }
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it('has no inline script, inline style or event handler on any page', () => {
    for (const [path, text] of html) {
      for (const [, attributes, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, path).toMatch(/\ssrc="\/[^"]+"/);
        expect(body, path).toBe('');
      }
      expect(text, path).not.toMatch(/<style[\s>]/i);
      expect(text, path).not.toMatch(/\sstyle=/i);
      expect(text, path).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('gives every public page Open Graph and X card metadata, absolute URLs, the page locale first', () => {
    const locales = { en: 'en_US', fr: 'fr_FR', es: 'es_ES', ar: 'ar_AR', zh: 'zh_CN', ru: 'ru_RU', pt: 'pt_PT' } as const;
    for (const [path, text] of publicPages()) {
      for (const tag of ['og:title', 'og:description', 'og:type', 'og:url', 'og:locale', 'og:image']) {
        expect(text, `${path} ${tag}`).toMatch(new RegExp(`<meta property="${tag}" content="[^"]+"/>`));
      }
      expect(text, path).toContain(`<meta property="og:image" content="${ORIGIN}/social-card.png"/>`);
      expect(text, path).toContain('<meta name="twitter:card" content="summary_large_image"/>');
      expect(text, path).toMatch(new RegExp(`<meta property="og:url" content="${ORIGIN}/`));
      const lang = /^<!doctype html>\n<html lang="([a-z]{2})"/.exec(text)?.[1] as keyof typeof locales;
      expect(text, path).toContain(`<meta property="og:locale" content="${locales[lang]}"/>`);
      expect(text.match(/property="og:locale:alternate"/g), path).toHaveLength(LANGUAGES.length - 1);
    }
    expect(html.get('en/campaigns/2018/index.html')).toContain(`<meta property="og:url" content="${ORIGIN}/en/campaigns/2018/"/>`);
    expect(html.get('en/campaigns/2018/index.html')).toContain('<meta property="og:type" content="article"/>');
  });

  it('copies the 1200×630 social card into the site', async () => {
    const png = await readFile(join(outDir, 'social-card.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('lists every indexed page in every language in the sitemap, each with all its hreflang alternates', async () => {
    const sitemap = await readFile(join(outDir, 'sitemap.xml'), 'utf8');
    const paths = ['', 'pledge/', 'help/', 'privacy/', 'donate/', 'trust-fund/', 'campaigns/', 'media-kit/', ...CHAPTERS.map((c) => `chapters/${c.slug}/`), ...CAMPAIGNS.map((c) => `campaigns/${c.year}/`), 'campaigns/2026/lend-your-voice/'];
    const entries = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1] ?? '');
    expect(entries).toHaveLength(paths.length * LANGUAGES.length);
    for (const path of paths) {
      for (const lang of LANGUAGES) {
        const entry = entries.find((e) => e.includes(`<loc>${ORIGIN}/${lang}/${path}</loc>`));
        expect(entry, `${lang}/${path}`).toBeDefined();
        for (const other of LANGUAGES) expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="${other}" href="${ORIGIN}/${other}/${path}"/>`);
        expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${ORIGIN}/"/>`);
        expect(html.has(`${lang}/${path}index.html`), `${lang}/${path} exists`).toBe(true);
      }
    }
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  });

  it(`keeps each public page's JavaScript within ${JS_BUDGET_GZIP / 1024} KB gzip; pages without forms load only site.js`, async () => {
    const sizes = new Map<string, number>();
    for (const [path, text] of publicPages()) {
      const scripts = [...text.matchAll(/<script\b[^>]*\ssrc="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
      let total = 0;
      for (const src of scripts) {
        if (!sizes.has(src)) sizes.set(src, gzipSync(await readFile(join(outDir, src))).length);
        total += sizes.get(src) ?? 0;
      }
      expect(total, path).toBeLessThanOrEqual(JS_BUDGET_GZIP);
      if (!text.includes('<form')) expect(scripts, path).toEqual([result.assets.siteJs]);
    }
  });

  it('records its hashed asset URLs in /assets/manifest.json for the publisher', async () => {
    expect(await readAssetManifest(outDir)).toEqual(result.assets);
  });

  it('lists donation and trust-fund facts with the language’s number and currency formats', () => {
    expect(html.get('en/donate/index.html')).toContain('About 3,000 people a year receive direct support from the fund.');
    expect(html.get('en/donate/index.html')).toContain('<form class="donate-form" method="post" action="/api/donations/checkout"');
    expect(html.get('en/trust-fund/index.html')).toContain('up to US$25,000 a year for up to 3 years');
    expect(html.get('en/trust-fund/index.html')).toMatch(/By March 2019, the fund had received US\$6\.7m from 30 member states, 33 private-sector entities/);
    expect(html.get('fr/trust-fund/index.html')).toMatch(/jusqu’à 25\s000\s\$US par an/);
    expect(html.get('ru/trust-fund/index.html')).toMatch(/6,7\sмлн\s\$/);
  });

  it('links the new pages from the header and footer on every page', () => {
    for (const lang of LANGUAGES) {
      const text = html.get(`${lang}/help/index.html`) ?? '';
      for (const path of ['campaigns/', 'donate/', 'media-kit/', 'trust-fund/', 'help/']) expect(text, `${lang} ${path}`).toContain(`href="/${lang}/${path}"`);
      expect(text).toContain('class="quick-exit"');
    }
  });
});
