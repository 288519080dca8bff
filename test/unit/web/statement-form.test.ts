import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../functions/domain/shared/languages.js';
import { renderStaticPages } from '../../../web/builder/pages.js';
import { messagesFor } from '../../../web/i18n/index.js';
import { STATEMENT_FIELDS, StatementSection, statementYears } from '../../../web/pages/components/statement-form.js';
import { renderCampaignSiteFiles } from '../../../web/publish-pages.js';
import { STABLE_ASSETS } from '../../../web/site/assets.js';

const MAY_2026 = new Date('2026-05-01T00:00:00Z');

const section = (lang: Language, now = MAY_2026): string =>
  StatementSection({ ctx: { lang, t: messagesFor(lang), assets: STABLE_ASSETS, now } }).toString();

/** Every visible control of some HTML has an id and a `<label for>` with text. */
function expectLabelled(html: string): void {
  const controls = [...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*>/g)].map((m) => m[0]);
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect(id, control).toBeDefined();
    expect(html, control).toMatch(new RegExp(`<label for="${id}">[^<]+</label>`));
  }
}

describe('the statement section', () => {
  it.each(['en', 'ar'] as const)('renders in %s with labelled fields, posting to the annual-receipt endpoint without JavaScript', (lang) => {
    const t = messagesFor(lang).statement;
    const html = section(lang);
    expect(html).toContain(`<section class="statement-section" id="statement" aria-labelledby="statement-heading"><h2 id="statement-heading">${t.heading}</h2>`);
    expect(html).toMatch(/<form class="statement-form" method="post" action="\/api\/donations\/annual-receipt" accept-charset="utf-8"/);
    for (const name of STATEMENT_FIELDS) expect(html, name).toContain(`name="${name}"`);
    expectLabelled(html);
    expect(html).toContain(`<label for="statement-email">${t.email}</label>`);
    expect(html).toContain(`<label for="statement-year">${t.year}</label>`);
    expect(html).toMatch(/<input id="statement-email" name="email" type="email" autocomplete="email" required=""[^>]*aria-describedby="statement-email-hint"/);
    expect(html).toContain(`<input type="hidden" name="language" value="${lang}"/>`);
    expect(html).toContain(`>${t.submit}</button>`);
    // The live region is there from the start (empty), so what the script writes is announced.
    expect(html).toContain('<p class="statement-status" role="status" aria-live="polite" data-statement-status="true"></p>');
    expect(html).toContain(`data-sent="${t.sent}"`);
  });

  it('offers this year and the five before, newest first; last year is chosen from January to March', () => {
    expect(statementYears(new Date('2026-05-01T00:00:00Z'))).toEqual({ years: [2026, 2025, 2024, 2023, 2022, 2021], selected: 2026 });
    expect(statementYears(new Date('2026-01-01T00:00:00Z')).selected).toBe(2025);
    expect(statementYears(new Date('2026-03-31T23:59:59Z')).selected).toBe(2025);
    expect(statementYears(new Date('2026-04-01T00:00:00Z')).selected).toBe(2026);
    expect(statementYears(new Date('2026-12-31T23:59:59Z')).selected).toBe(2026);
    const options = (html: string) => [...html.matchAll(/<option value="(\d{4})"( selected="")?>/g)].map((m) => `${m[1]}${m[2] ? '*' : ''}`);
    expect(options(section('en', new Date('2027-02-10T00:00:00Z')))).toEqual(['2027', '2026*', '2025', '2024', '2023', '2022']);
    expect(options(section('ar'))).toEqual(['2026*', '2025', '2024', '2023', '2022', '2021']);
  });

  it('has its wording in every language, the year in the sentence shown after the request', () => {
    for (const lang of LANGUAGES) {
      const t = messagesFor(lang).statement;
      expect(t.sent, lang).toContain('{year}');
      expect(t.pageText, lang).not.toContain('{');
      for (const [key, value] of Object.entries(t)) if (typeof value === 'string') expect(value.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('sits below the gift form on the donate page and on the thanks page, built for the build moment', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    const campaignFiles = renderCampaignSiteFiles({ campaigns: [], now });
    const staticFiles = renderStaticPages({ assets: STABLE_ASSETS, now });
    const file = (files: { path: string; contents: string | Uint8Array }[], path: string) => String(files.find((f) => f.path === path)?.contents ?? '');
    for (const lang of ['en', 'ar'] as const) {
      const donate = file(campaignFiles, `${lang}/donate/index.html`);
      expect(donate.indexOf('class="statement-form"')).toBeGreaterThan(donate.indexOf('class="donate-form"'));
      expect(donate).toContain('<option value="2025" selected="">');
      const thanks = file(staticFiles, `${lang}/donate/thanks/index.html`);
      expect(thanks).toContain('class="statement-form"');
      expect(thanks).toContain('<option value="2025" selected="">');
    }
  });

  it('has a page for plain form posts in every language, not indexed, saying the same whether or not the address gave', () => {
    const files = renderStaticPages({ assets: STABLE_ASSETS, now: MAY_2026 });
    for (const lang of LANGUAGES) {
      const t = messagesFor(lang).statement;
      const html = String(files.find((f) => f.path === `${lang}/donate/statement-requested/index.html`)?.contents ?? '');
      expect(html).toContain(`<h1>${t.pageTitle}</h1>`);
      expect(html).toContain(t.pageText);
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
      expect(html).toContain(`href="/${lang}/donate/"`);
    }
  });
});
