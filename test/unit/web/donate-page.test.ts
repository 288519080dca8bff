import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldDayCampaigns } from '../../../functions/domain/campaigns/world-days.js';
import { CURRENCY_RULES, parseMajorAmount } from '../../../functions/domain/donations/currencies.js';
import { EARMARKS } from '../../../functions/domain/donations/donation.js';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { buildSite, type BuildSiteResult } from '../../../web/build.js';
import { chosenAmount, newIdempotencyKey } from '../../../web/client/donate-form.js';
import { messagesFor } from '../../../web/i18n/index.js';
import { DONATION_FIELDS, suggestedAmounts } from '../../../web/pages/components/donation-form.js';
import { asciiDigits, defaultCurrency, formatMoney, majorAmountValue } from '../../../web/site/money.js';

const JS_BUDGET_GZIP = 20 * 1024;

let outDir: string;
let result: BuildSiteResult;
const html = new Map<string, string>();
const page = (path: string): string => {
  const text = html.get(path);
  if (text === undefined) throw new Error(`not built: ${path}`);
  return text;
};
const form = (lang: string): string => /<form class="donate-form"[\s\S]*?<\/form>/.exec(page(`${lang}/donate/index.html`))?.[0] ?? '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'blue-heart-donate-'));
  result = await buildSite({ outDir, campaigns: worldDayCampaigns('2026-01-01T00:00:00Z'), now: new Date('2026-05-01T00:00:00Z') });
  for (const entry of await readdir(outDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      const path = join(entry.parentPath, entry.name);
      html.set(relative(outDir, path), await readFile(path, 'utf8'));
    }
  }
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the donate page', () => {
  it('exists in every language, Arabic right to left, with a form that posts to the checkout without JavaScript', () => {
    for (const lang of LANGUAGES) {
      const text = page(`${lang}/donate/index.html`);
      expect(text).toMatch(new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`));
      expect(text).toContain('<form class="donate-form" method="post" action="/api/donations/checkout" accept-charset="utf-8"');
      expect(text).toContain(`<button type="submit" class="button button-primary button-large" data-sending-label="${messagesFor(lang).giving.sending}">${messagesFor(lang).giving.submit}</button>`);
      expect(text).toContain(messagesFor(lang).giving.paymentNote);
    }
    expect(page('en/donate/index.html')).toContain('Continue to secure payment');
    expect(page('en/donate/index.html')).toContain('Your card details never reach this site. A receipt is emailed to you.');
  });

  it('names every field as the API reads it, and labels every control', () => {
    const text = form('en');
    for (const name of DONATION_FIELDS) expect(text, name).toMatch(new RegExp(`name="${name}"`));
    // Every visible control has a <label for>; hidden inputs carry no user input.
    for (const [, tag, id] of text.matchAll(/<(input|select|textarea)\b(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g)) {
      expect(text, `${tag}#${id}`).toMatch(new RegExp(`<label for="${id}">[^<]+`));
    }
    for (const [tag] of text.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*>/g)) expect(tag).toMatch(/\sid="/);
    expect(text).toContain('<input type="hidden" name="language" value="en"/>');
    expect(text).toContain('<input type="hidden" name="campaignYear" value="2026"/>');
    expect(text).toMatch(/<input type="hidden" name="idempotencyKey" value="" data-idempotency-key/);
    expect(text).toMatch(/<input id="donate-customAmount" name="customAmount" type="text" inputmode="decimal"/);
    expect(text).toMatch(/<input id="donate-showName" name="showName" type="checkbox" value="on"\/>/); // unticked: anonymous
    expect(text).toMatch(/<input id="donate-displayName" name="displayName" type="text" autocomplete="name" maxlength="80"/);
    expect(text).toMatch(/<input id="donate-dedication" name="dedication" type="text" maxlength="200"/);
    for (const v of ['individual', 'private-sector', 'foundation', 'government']) expect(text).toContain(`name="donorCategory" type="radio" value="${v}"`);
    expect(text).toMatch(/<option value="">Where it is most needed<\/option>/);
    for (const { id } of EARMARKS) expect(text).toContain(`<option value="${id}">`);
    for (const code of ['usd', 'eur', 'gbp', 'chf', 'jpy', 'mxn']) expect(text).toContain(`<option value="${code}"`);
  });

  it('asks for no card details and no email: Stripe takes them', () => {
    const controls = [...form('en').matchAll(/<(?:input|select|textarea)\b[^>]*>/g)].map((m) => m[0]).join('\n');
    expect(controls).not.toMatch(/card|cvc|cc-|type="email"|name="email"/i);
  });

  it('offers the currency of the language first, with its suggested amounts in the page language', () => {
    expect(form('en')).toContain('<option value="usd" selected="">US Dollar (USD)</option>');
    expect(form('fr')).toMatch(/<option value="eur" selected="">Euro \(EUR\)<\/option>/);
    expect(form('en')).toMatch(/value="25"\/><label for="donate-amount-0">US\$25<\/label>/);
    expect(form('en')).toMatch(/value="50" checked=""\/><label for="donate-amount-1">US\$50<\/label>/);
    expect(form('en')).toContain('From US$5 to US$25,000.');
    expect(form('fr')).toMatch(/<label for="donate-amount-0">25\s€<\/label>/);
    expect(form('ar')).toContain('<label for="donate-amount-0">25 دولار أمريكي</label>');
    expect(defaultCurrency('es')).toBe('eur');
    expect(defaultCurrency('zh')).toBe('usd');
    expect(form('en')).toContain('Giving from Mexico? Choose Mexican pesos (MXN).');
  });

  it('shows zero-decimal currencies without decimals (JPY), in every language', () => {
    for (const lang of LANGUAGES) {
      for (const { value, label } of suggestedAmounts(lang, 'jpy')) {
        expect(value).toMatch(/^\d+$/);
        expect(label, `${lang} ${label}`).not.toMatch(/\d[.,٫]\d{2}(?!\d)/);
      }
    }
    expect(suggestedAmounts('en', 'jpy').map((s) => s.label)).toEqual(['JP¥3,000', 'JP¥5,000', 'JP¥10,000', 'JP¥30,000']);
    expect(suggestedAmounts('zh', 'jpy')[0]?.label).toBe('JP¥3,000');
    expect(formatMoney('en', CURRENCY_RULES.jpy.min, 'jpy')).toBe('JP¥500');
    expect(formatMoney('en', 2550, 'usd')).toBe('US$25.50');
    expect(majorAmountValue(3000, 'jpy')).toBe('3000');
    expect(majorAmountValue(2550, 'usd')).toBe('25.50');
  });

  it('posts suggested amounts that the API parses back to the same minor units', () => {
    for (const currency of ['usd', 'eur', 'gbp', 'chf', 'jpy', 'mxn'] as const) {
      for (const minor of CURRENCY_RULES[currency].suggested) expect(parseMajorAmount(majorAmountValue(minor, currency), currency)).toBe(minor);
    }
  });

  it('checks amounts in the browser with the domain rules: minor units, limits, Arabic-Indic digits', () => {
    expect(chosenAmount('', '50', 'usd')).toEqual({ amount: 5_000 });
    expect(chosenAmount('25,50', '50', 'eur')).toEqual({ amount: 2_550 });
    expect(chosenAmount('3000', undefined, 'jpy')).toEqual({ amount: 3_000 });
    expect(chosenAmount('3000.5', undefined, 'jpy')).toEqual({ error: 'invalid' });
    expect(chosenAmount('4', undefined, 'usd')).toEqual({ error: 'range' });
    expect(chosenAmount('1e3', undefined, 'usd')).toEqual({ error: 'invalid' });
    expect(chosenAmount('', undefined, 'usd')).toEqual({ error: 'invalid' });
    expect(chosenAmount('٢٥٫٥٠', undefined, 'usd')).toEqual({ amount: 2_550 });
    expect(asciiDigits('١٠٠')).toBe('100');
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('loads donate.js only on the donate pages with a form (gift, statement), within the JavaScript budget', async () => {
    const scripts = (path: string) => [...page(path).matchAll(/<script\b[^>]*\ssrc="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts('en/donate/index.html')).toEqual([result.assets.siteJs, result.assets.donateJs]);
    expect(scripts('en/donate/thanks/index.html')).toEqual([result.assets.siteJs, result.assets.donateJs]);
    for (const [path, text] of html) {
      if (!/\/donate\/(thanks\/)?index\.html$/.test(path)) expect(text, path).not.toContain(result.assets.donateJs);
    }
    let total = 0;
    for (const src of scripts('ar/donate/index.html')) total += gzipSync(await readFile(join(outDir, src))).length;
    expect(total).toBeLessThanOrEqual(JS_BUDGET_GZIP);
  });

  it('has no inline script or style on the donate pages', () => {
    for (const lang of LANGUAGES) {
      for (const path of [`${lang}/donate/index.html`, `${lang}/donate/thanks/index.html`, `${lang}/donate/statement-requested/index.html`]) {
        const text = page(path);
        for (const [, attributes, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
          expect(attributes, path).toMatch(/\ssrc="\/[^"]+"/);
          expect(body, path).toBe('');
        }
        expect(text, path).not.toMatch(/<style[\s>]|\sstyle=|\son[a-z]+=/i);
      }
    }
  });

  it('renders the campaign fundraiser hidden, for the script to fill from the API (donate and home pages)', () => {
    for (const path of ['en/donate/index.html', 'en/index.html', 'ar/index.html']) {
      expect(page(path)).toMatch(/<section class="fundraising" aria-labelledby="fundraising-heading" data-fundraising="true" data-url="\/api\/donations\/progress\?campaign=2026"[^>]* hidden="">/);
    }
    const forms = /data-progress-donors="true" data-forms="([^"]+)"/.exec(page('ar/donate/index.html'))?.[1] ?? '';
    expect(Object.keys(JSON.parse(forms.replace(/&quot;/g, '"')) as object).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(page('en/donate/index.html')).toContain('aria-label="Raised towards the target"');
  });
});

describe('the donate thanks page', () => {
  it('thanks the donor in every language, says a receipt is coming, and is not indexed', () => {
    for (const lang of LANGUAGES) {
      const text = page(`${lang}/donate/thanks/index.html`);
      const t = messagesFor(lang);
      expect(text).toContain(`<h1>${t.givingThanks.title}</h1>`);
      expect(text).toContain(t.givingThanks.receipt);
      expect(text).toContain('<meta name="robots" content="noindex, nofollow"/>');
      expect(text).toContain('<meta name="referrer" content="no-referrer"/>');
      expect(text).toContain(`href="/${lang}/"`);
      expect(text).toMatch(/class="share-links"/);
      // The only form is the statement's: nothing about the gift, no token in the page.
      expect([...text.matchAll(/<form\b[^>]*>/g)].map((m) => /class="([^"]+)"/.exec(m[0])?.[1])).toEqual(['statement-form']);
    }
  });
});
