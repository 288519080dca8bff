import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { renderServerPage, type ServerPage } from '../../../web/render-server-page.js';

const HOSTILE = '"><script>alert(1)</script>';

describe('renderServerPage', () => {
  it('escapes a hostile token in the confirmation form', () => {
    const html = renderServerPage({ kind: 'confirm', lang: 'en', token: HOSTILE });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('escapes hostile field messages and refuses a javascript: or off-site back link', () => {
    for (const backHref of ['javascript:alert(1)', '//evil.example/', 'https://evil.example/', ' /en/']) {
      const html = renderServerPage({
        kind: 'form-errors',
        lang: 'fr',
        fields: [{ field: 'favouriteColour', message: HOSTILE }],
        backHref,
      });
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('href="/fr/pledge/"');
      expect(html).not.toContain('evil.example');
      expect(html).not.toContain('javascript:');
    }
  });

  it('keeps a same-site back link and words known field errors in the page language', () => {
    const html = renderServerPage({
      kind: 'form-errors',
      lang: 'es',
      fields: [{ field: 'email', message: 'must be an email address, e.g. ana@example.org' }],
      backHref: '/es/chapters/aquiestoy/',
    });
    expect(html).toContain('href="/es/chapters/aquiestoy/"');
    expect(html).toContain('Escribe un correo electrónico válido');
  });

  it('asks for a button press to confirm, with no script that could submit on its own', () => {
    const html = renderServerPage({ kind: 'confirm', lang: 'es', token: 'tok_1234567890' });
    expect(html).toMatch(/<form method="post" action="\/api\/pledges\/confirm" class="token-form"><input type="hidden" name="token" value="tok_1234567890"\/><button type="submit"/);
    expect(html).toContain('Confirmar mi compromiso');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module" src="/site.js">']);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
    // No language switcher: it would drop the token.
    expect(html).not.toContain('language-switcher');
  });

  it('posts unsubscribe and erase to their endpoints and explains that the pledge still counts', () => {
    const unsubscribe = renderServerPage({ kind: 'unsubscribe', lang: 'en', token: 'tok_1234567890' });
    expect(unsubscribe).toContain('action="/api/pledges/unsubscribe"');
    const erase = renderServerPage({ kind: 'erase', lang: 'en', token: 'tok_1234567890' });
    expect(erase).toContain('action="/api/pledges/erase"');
    expect(erase).toContain('Your pledge still counts in the totals, anonymously.');
  });

  it('renders every message in every language, right-to-left in Arabic, with the site layout', () => {
    const messages = ['unsubscribed', 'erased', 'link-invalid', 'link-expired', 'not-found', 'rate-limited', 'error'] as const;
    for (const lang of LANGUAGES) {
      for (const message of messages) {
        const page: ServerPage = { kind: 'message', lang, message };
        const html = renderServerPage(page);
        expect(html.startsWith('<!doctype html>')).toBe(true);
        expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
        expect(html).toContain('<link rel="stylesheet" href="/site.css"/>');
        expect(html).toContain('data-quick-exit');
        expect(html).not.toMatch(/\sstyle=/);
      }
    }
  });

  it('takes the hashed asset URLs when the caller knows them', () => {
    const assets = { css: '/assets/site.abc.css', siteJs: '/assets/site.abc.js', pledgeJs: '/assets/pledge.abc.js', donateJs: '/assets/donate.abc.js', favicon: '/favicon.svg' };
    const html = renderServerPage({ kind: 'message', lang: 'en', message: 'error' }, { assets });
    expect(html).toContain('href="/assets/site.abc.css"');
    expect(html).toContain('src="/assets/site.abc.js"');
  });
});
