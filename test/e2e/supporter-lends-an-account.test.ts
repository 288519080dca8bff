import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageVariant, SocialMessage } from '../../functions/domain/social/social.js';
import { useBrowserAndPlatform } from '../support/browser.js';

const variant = (language: MessageVariant['language'], platform: MessageVariant['platform'], text: string, alternatives: string[] = []): MessageVariant => ({
  language, platform, text, hashtags: ['EndHumanTrafficking'], link: 'https://www.unodc.org/bluehearts', mediaIds: [], altText: {}, alternatives,
});

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

/**
 * Ana, in Mexico, opens "Lend your voice" for World Day 2026 in Spanish: she sees the exact post
 * before agreeing (the wording changes to the one chosen for her account once she types her
 * handle), lends her Bluesky account with an app password, and takes it back from the link on
 * the success screen. The page passes axe in English and Arabic; without JavaScript it says it
 * needs it and shows no form.
 */
describe('a supporter lends an account in the browser', () => {
  const session = useBrowserAndPlatform({ seed: true });
  const lendPage = (lang: string) => `${session.platform.url}/${lang}/campaigns/2026/lend-your-voice/`;

  beforeAll(async () => {
    const at = new Date().toISOString();
    const message: SocialMessage = {
      id: randomUUID(),
      campaignYear: 2026,
      title: 'World Day 2026: the moment',
      variants: [
        variant('en', 'bluesky', 'Today is World Day against Trafficking in Persons. Wear the Blue Heart.', ['Trafficking hides in plain sight. Wear the Blue Heart today.']),
        variant('es', 'bluesky', 'Hoy es el Día Mundial contra la Trata de Personas. Lleva el Corazón Azul.', ['La trata se esconde a la vista de todos. Lleva el Corazón Azul.', 'En el Día Mundial estamos con las víctimas de la trata.']),
        variant('ar', 'bluesky', 'اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص. ارتدِ القلب الأزرق.'),
        variant('en', 'x', 'Today: World Day against Trafficking in Persons. #BlueHeart'),
      ],
      status: 'approved',
      createdBy: 'manager@blueheart.local',
      createdAt: at,
      approvedBy: 'manager2@blueheart.local',
      version: 3,
    };
    await session.platform.deps.social.messages.save(message, undefined, { messageId: message.id, version: 3, at, by: 'manager2@blueheart.local', action: 'message.approve', before: 'in_review', after: 'approved' });
  });

  it('in Spanish: sees the exact post first, lends her Bluesky account, and can revoke it', async () => {
    const context = await session.browser.newContext({ locale: 'es-MX', timezoneId: 'America/Mexico_City' });
    const page = await context.newPage();
    await page.goto(`${session.platform.url}/es/campaigns/2026/`);
    await page.click('a[href="/es/campaigns/2026/lend-your-voice/"]');
    await page.waitForURL('**/es/campaigns/2026/lend-your-voice/');
    await expect.poll(() => page.isVisible('form[data-lend-form]')).toBe(true);
    expect(await page.inputValue('#lend-timeZone')).toBe('America/Mexico_City');

    // Before agreeing: the message, in Spanish, with its hashtag and tagged link; no agreeing before it shows.
    await expect.poll(() => page.textContent('[data-preview-text]')).toContain('Día Mundial contra la Trata de Personas');
    const general = (await page.textContent('[data-preview-text]'))!;
    expect(general).toContain('#EndHumanTrafficking');
    expect(general).toContain('utm_source=bluesky');

    // Her handle picks her wording: the page shows exactly what the API will post for her.
    await page.fill('#lend-handle', 'ana.bsky.social');
    const expected = (await (await fetch(`${session.platform.url}/api/social/2026/preview?language=es&platform=bluesky&handle=ana.bsky.social`)).json()) as { text: string };
    await expect.poll(() => page.textContent('[data-preview-text]')).toBe(expected.text);
    await page.fill('#lend-secret', 'abcd-efgh-ijkl-mnop');
    await page.fill('#lend-email', 'ana.voice@example.mx');

    // Without the box ticked, nothing is posted.
    await page.click('button[type="submit"]');
    await expect.poll(() => page.isVisible('#lend-consent-error')).toBe(true);
    expect(await page.getAttribute('#lend-consent', 'aria-invalid')).toBe('true');

    await page.check('#lend-consent');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.isVisible('[data-lend-done]')).toBe(true);
    expect(await page.textContent('[data-done-text]')).toContain('Tu cuenta de Bluesky ana.bsky.social publicará el mensaje una sola vez');
    expect(await page.textContent('[data-done-post]')).toBe(expected.text);
    expect(await page.isVisible('[data-done-emailed]')).toBe(true);
    expect(await page.isVisible('form[data-lend-form]')).toBe(false);
    const [email] = await session.platform.emailsTo('ana.voice@example.mx');
    expect(email?.subject).toBe('Prestaste tu voz al Día Mundial 2026');

    // The reach counts her followers; the revoke link asks before it acts.
    const reach = (await (await fetch(`${session.platform.url}/api/social/2026/reach`)).json()) as { supporters: number; expectedReach: number };
    expect(reach.supporters).toBe(1);
    await page.click('[data-done-revoke]');
    await page.waitForURL('**/api/social/accounts/revoke?token=*');
    expect(await page.textContent('h1')).toBe('Revoca tu cuenta prestada');
    await page.click('form[action="/api/social/accounts/revoke"] button[type="submit"]');
    await expect.poll(() => page.textContent('h1')).toBe('Revocada');
    const after = (await (await fetch(`${session.platform.url}/api/social/2026/reach`)).json()) as { supporters: number };
    expect(after.supporters).toBe(0);
    await context.close();
  });

  it('shows a refused app password next to its field', async () => {
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    await page.fill('#lend-handle', 'ana.bsky.social');
    await page.fill('#lend-secret', 'wxyz-wxyz-wxyz-wxyz');
    await expect.poll(() => page.isEnabled('#lend-consent')).toBe(true);
    await page.check('#lend-consent');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.isVisible('#lend-secret-error')).toBe(true);
    expect(await page.textContent('#lend-secret-error')).toBe('Check the app password or token: the network did not accept it.');
    expect(await page.getAttribute('#lend-secret', 'aria-invalid')).toBe('true');
    expect(await page.isVisible('[data-error-summary]')).toBe(true);
    await context.close();
  });

  it('offers networks that take share links: no password asked, the email required', async () => {
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    await page.check('#lend-platform-x');
    await expect.poll(() => page.isVisible('#lend-secret')).toBe(false);
    expect(await page.isVisible('#lend-server')).toBe(false);
    expect(await page.getAttribute('#lend-email', 'required')).not.toBeNull();
    await expect.poll(() => page.textContent('[data-preview-text]')).toContain('Today: World Day against Trafficking in Persons.');
    await page.check('#lend-platform-threads');
    await expect.poll(() => page.textContent('[data-preview-status]')).toContain('no wording for this network yet');
    expect(await page.isDisabled('#lend-consent')).toBe(true);
    await context.close();
  });

  for (const lang of ['en', 'ar']) {
    it(`passes axe in ${lang}, with the preview shown and after lending`, async () => {
      const context = await session.browser.newContext();
      const page = await context.newPage();
      await page.goto(lendPage(lang));
      await expect.poll(() => page.isVisible('[data-preview-text]')).toBe(true);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await axe(page)).toEqual([]);
      await page.fill('#lend-handle', `axe-${lang}.bsky.social`);
      await page.fill('#lend-secret', 'abcd-efgh-ijkl-mnop');
      await expect.poll(() => page.isEnabled('#lend-consent')).toBe(true);
      await page.check('#lend-consent');
      await page.click('button[type="submit"]');
      await expect.poll(() => page.isVisible('[data-lend-done]')).toBe(true);
      expect(await page.isVisible('[data-done-not-emailed]')).toBe(true);
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }

  it('without JavaScript: says it needs it, and shows no form', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    expect(await page.isVisible('.lend-needs-js')).toBe(true);
    expect(await page.isVisible('form[data-lend-form]')).toBe(false);
    await context.close();
  });
});
