import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../../functions/domain/chapters/chapters.js';
import type { PledgeStats } from '../../../functions/domain/pledges/pledge.js';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { buildSite, type BuildSiteResult } from '../../../web/build.js';

const SNAPSHOT: PledgeStats = {
  total: 12_847,
  byCountry: { MX: 5_120, EC: 1_900, FR: 640 },
  byChapter: { aquiestoy: 7_020 },
  last24h: 311,
};

const PAGES = [
  'index.html',
  'pledge/index.html',
  'pledge/check-email/index.html',
  'pledge/thanks/index.html',
  'help/index.html',
  'privacy/index.html',
  'donate/index.html',
  'donate/thanks/index.html',
  'donate/statement-requested/index.html',
  'trust-fund/index.html',
  'campaigns/index.html',
  'media-kit/index.html',
  ...CHAPTERS.map((c) => `chapters/${c.slug}/index.html`),
];

let outDir: string;
let result: BuildSiteResult;
const html = new Map<string, string>();

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

const page = (path: string): string => {
  const text = html.get(path);
  if (text === undefined) throw new Error(`not built: ${path}`);
  return text;
};

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'blue-heart-site-'));
  result = await buildSite({ outDir, statsSnapshot: SNAPSHOT, publicUrl: 'https://blueheart.example.org/' });
  for (const file of await htmlFiles(outDir)) html.set(relative(outDir, file), await readFile(file, 'utf8'));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('buildSite', () => {
  it('writes every page in every language, the root language chooser and a 404 page', () => {
    for (const lang of LANGUAGES) for (const path of PAGES) expect(html.has(`${lang}/${path}`), `${lang}/${path}`).toBe(true);
    expect(html.has('index.html')).toBe(true);
    expect(html.has('404.html')).toBe(true);
    expect(result.pages).toBe(LANGUAGES.length * PAGES.length + 2);
  });

  it('is fast enough to run at every start of the local server', () => {
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it('marks up each page with its language and direction: Arabic is right-to-left', () => {
    for (const path of PAGES) {
      expect(page(`ar/${path}`)).toMatch(/<html lang="ar" dir="rtl">/);
      expect(page(`en/${path}`)).toMatch(/<html lang="en" dir="ltr">/);
      expect(page(`es/${path}`)).toMatch(/<html lang="es" dir="ltr">/);
      expect(page(`fr/${path}`)).toMatch(/<html lang="fr" dir="ltr">/);
    }
  });

  it('has no inline script, inline style or event handler anywhere (CSP: script-src/style-src self)', () => {
    for (const [path, text] of html) {
      for (const [, attributes, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, path).toMatch(/\ssrc="\/[^"]+"/);
        expect(body, path).toBe('');
      }
      expect(text, path).not.toMatch(/<style[\s>]/i);
      expect(text, path).not.toMatch(/\sstyle=/i);
      expect(text, path).not.toMatch(/\son[a-z]+=/i);
      expect(text, path).not.toMatch(/javascript:/i);
    }
  });

  it('links only stylesheets and scripts that it wrote', () => {
    for (const [path, text] of html) {
      for (const [, url] of text.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="(\/[^"]*\.(?:js|css|svg))"/g)) {
        expect(existsSync(join(outDir, url ?? '')), `${path} → ${url}`).toBe(true);
      }
    }
    expect(result.assets.css).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    for (const stable of ['site.css', 'site.js', 'pledge.js', 'favicon.svg']) expect(existsSync(join(outDir, stable)), stable).toBe(true);
  });

  it('puts a quick-exit link and a help link on every public page', () => {
    const publicPages = [...html].filter(([path]) => !path.startsWith('console/'));
    expect(publicPages.length).toBe(html.size - 1);
    for (const [path, text] of publicPages) {
      expect(text, path).toMatch(/<a class="quick-exit" href="https:\/\/www\.google\.com\/" rel="noreferrer" data-quick-exit/);
      expect(text, path).toMatch(/<a class="safety-help" href="\/[a-z]{2}\/help\/">/);
    }
  });

  it('links every language version of a page with hreflang, absolute when the public URL is known', () => {
    for (const lang of LANGUAGES) {
      const text = page(`${lang}/pledge/index.html`);
      for (const other of LANGUAGES) {
        expect(text).toContain(`<link rel="alternate" hreflang="${other}" href="https://blueheart.example.org/${other}/pledge/"/>`);
        expect(text).toMatch(new RegExp(`<a href="/${other}/pledge/" lang="${other}" hreflang="${other}"`));
      }
      expect(text).toContain('<link rel="alternate" hreflang="x-default" href="https://blueheart.example.org/"/>');
    }
  });

  it('draws the world map with one titled path per country, shaded from the snapshot', () => {
    const home = page('es/index.html');
    const mexico = /<path d="M[^"]+" data-country="MX" class="shade-4"><title>México<\/title><\/path>/;
    expect(home).toMatch(mexico);
    expect(page('ar/index.html')).toMatch(/data-country="MX" class="shade-4"><title>المكسيك<\/title>/);
    expect(home).toMatch(/data-country="BR" class="shade-0"/);
    expect(home.match(/data-country="[A-Z]{2}"/g)?.length).toBeGreaterThan(150);
    expect(home).not.toMatch(/data-country="AQ"/);
  });

  it('renders the snapshot into the counter and the table of top countries', () => {
    const home = page('en/index.html');
    expect(home).toMatch(/<strong class="count">12,847<\/strong> people have taken the pledge/);
    expect(home).toMatch(/<strong class="count">311<\/strong> in the last 24 hours/);
    expect(home).toMatch(/<th scope="row">Mexico<\/th><td class="numeric">5,120<\/td>/);
    expect(page('fr/index.html')).toMatch(/<strong class="count">12\u202f847<\/strong> personnes se sont engagées/);
    expect(page('en/index.html')).toContain('World Day against Trafficking in Persons · 30 July');
  });

  it('gives every pledge form field a label, and marks up the honeypot as the API expects', () => {
    const form = page('en/pledge/index.html');
    expect(form).toMatch(/<form class="pledge-form" method="post" action="\/api\/pledges"/);
    const fields = ['name', 'email', 'country', 'language', 'organisation', 'showOnWall', 'wantsUpdates', 'website'];
    for (const field of fields) {
      expect(form, field).toMatch(new RegExp(`<label for="pledge-${field}">[^<]+`));
      expect(form, field).toMatch(new RegExp(`<(?:input|select) id="pledge-${field}" name="${field}"`));
    }
    expect(form).toMatch(/<input id="pledge-name" name="name" type="text" autocomplete="name" required="" maxlength="100"/);
    expect(form).toMatch(/<input id="pledge-email" name="email" type="email" autocomplete="email"/);
    expect(form).toMatch(/<select id="pledge-country" name="country" autocomplete="country" required="">/);
    expect(form).toMatch(/autocomplete="organization" maxlength="120"/);
    expect(form).toMatch(/<input id="pledge-showOnWall" name="showOnWall" type="checkbox" value="on"\/>/);
    expect(form).toMatch(/<label for="pledge-website">Leave this empty<\/label><input id="pledge-website" name="website" type="text" tabindex="-1" autocomplete="off"\/>/);
    // The proof of work is added by the script only: a post without JavaScript carries none.
    expect(form).not.toMatch(/name="altcha"/);
    expect(form).not.toMatch(/name="chapter"/);
  });

  it('preselects the page language and sorts countries in that language', () => {
    const es = page('es/pledge/index.html');
    expect(es).toMatch(/<option value="es" lang="es" selected="">Español<\/option>/);
    const names = [...es.matchAll(/<option value="[A-Z]{2}">([^<]+)<\/option>/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(240);
    expect(names).toEqual([...names].sort(new Intl.Collator('es').compare));
  });

  it('gives each chapter its own page in every language: counter, hidden chapter field, first country', () => {
    for (const lang of LANGUAGES) {
      const text = page(`${lang}/chapters/aquiestoy/index.html`);
      expect(text).toContain('<input type="hidden" name="chapter" value="aquiestoy"/>');
      expect(text).toMatch(/<option value="MX" selected="">/);
      expect(text).toMatch(/data-live-stats="true" data-chapter="aquiestoy"/);
      expect(text).toMatch(/<p class="lead" lang="es" dir="ltr">/);
    }
    expect(page('en/chapters/aquiestoy/index.html')).toMatch(/<strong class="count">7,020<\/strong> people have pledged with #AQUIESTOY/);
    // The chapter's own language comes first in its switcher.
    expect(page('en/chapters/aquiestoy/index.html')).toMatch(/<ul><li><a href="\/es\/chapters\/aquiestoy\/" lang="es"/);
  });

  it('lists hotlines with dialable tel: links and the emergency advice first', () => {
    const help = page('en/help/index.html');
    expect(help).toContain('href="tel:18883737888"');
    expect(help).toContain('href="sms:233733"');
    expect(help).toMatch(/In an emergency, call your local emergency number now\./);
  });

  it('shares with plain links and the campaign hashtags, no SDK', () => {
    const thanks = page('en/pledge/thanks/index.html');
    for (const host of ['twitter.com/intent/tweet', 'www.facebook.com/sharer', 'wa.me', 't.me/share', 'www.linkedin.com/sharing', 'mailto:']) {
      expect(thanks).toContain(host);
    }
    expect(thanks).toContain(encodeURIComponent('#EndHumanTrafficking #HumanTrafficking'));
    expect(thanks).toContain(encodeURIComponent('https://blueheart.example.org/en/'));
  });
});

describe('buildSite without a stats snapshot', () => {
  it('says where the live count will appear, and keeps the top-countries table hidden', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blue-heart-site-'));
    try {
      await buildSite({ outDir: dir });
      const home = await readFile(join(dir, 'en/index.html'), 'utf8');
      expect(home).toContain('>The live count will appear here.</p>');
      expect(home).toContain('<div class="top-countries" data-top-countries="true" hidden="">');
      expect(home).toContain('<link rel="alternate" hreflang="fr" href="/fr/"/>');
      const thanks = await readFile(join(dir, 'en/pledge/thanks/index.html'), 'utf8');
      expect(thanks).not.toContain('facebook.com');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
