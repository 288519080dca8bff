import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform } from '../support/browser.js';

const confirmLink = (text: string) => {
  const link = /(http:\/\/\S+\/api\/pledges\/confirm\?token=[A-Za-z0-9._-]+)/.exec(text)?.[1];
  if (!link) throw new Error('no confirmation link in the email');
  return link;
};

/**
 * Suzie-style story (alphagov/e-petitions): Ana in Mexico pledges on the Spanish site with
 * JavaScript, confirms from the email, and sees the counter and the map grow; Marc does the same
 * in a browser without JavaScript.
 */
describe('a visitor pledges in the browser and confirms from the email', () => {
  const session = useBrowserAndPlatform();

  const fillPledge = async (page: Page, fields: { name: string; email: string; country: string; wall: boolean }) => {
    await page.fill('#pledge-name', fields.name);
    await page.fill('#pledge-email', fields.email);
    await page.selectOption('#pledge-country', fields.country);
    if (fields.wall) await page.check('#pledge-showOnWall');
  };

  it('with JavaScript: pledge, confirm, and the counter and map grow', async () => {
    const page = await session.browser.newPage({ locale: 'es-MX' });
    await page.goto(`${session.platform.url}/`);
    expect(new URL(page.url()).pathname).toBe('/es/');
    await expect.poll(() => page.textContent('[data-stat="total"]')).toMatch(/\b0\b/);

    await page.goto(`${session.platform.url}/es/pledge/`);
    await fillPledge(page, { name: 'Ana López', email: 'ana@example.mx', country: 'MX', wall: true });
    await page.click('button[type="submit"]');
    await page.waitForURL('**/es/pledge/check-email/');

    const [email] = await session.platform.emailsTo('ana@example.mx');
    expect(email?.subject).toBe('Confirma tu compromiso con el Corazón Azul');
    await page.goto(confirmLink(email!.body.text!));
    await page.click('form[action="/api/pledges/confirm"] button[type="submit"]');
    await page.waitForURL('**/es/pledge/thanks/');
    expect(await page.locator('a[href*="twitter.com"], a[href*="x.com"]').count()).toBeGreaterThan(0);

    await page.goto(`${session.platform.url}/es/`);
    await expect.poll(() => page.textContent('[data-stat="total"]'), { timeout: 20_000 }).toMatch(/\b1\b/);
    await expect.poll(() => page.getAttribute('[data-country="MX"]', 'class'), { timeout: 20_000 }).not.toMatch(/shade-0/);
    await expect.poll(() => page.textContent('[data-wall-list]'), { timeout: 20_000 }).toContain('Ana');
    expect(await page.textContent('[data-wall-list]')).not.toContain('López');
    await page.close();
  });

  it('without JavaScript: the form posts, the email confirms, the thank-you page shows', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${session.platform.url}/fr/pledge/`);
    await fillPledge(page, { name: 'Marc', email: 'marc@example.fr', country: 'FR', wall: false });
    await page.click('button[type="submit"]');
    await page.waitForURL('**/fr/pledge/check-email/');

    const [email] = await session.platform.emailsTo('marc@example.fr');
    await page.goto(confirmLink(email!.body.text!));
    await page.click('form[action="/api/pledges/confirm"] button[type="submit"]');
    await page.waitForURL('**/fr/pledge/thanks/');
    const stats = (await (await fetch(`${session.platform.url}/api/pledges/stats`)).json()) as { byCountry: Record<string, number> };
    expect(stats.byCountry.FR).toBe(1);
    await context.close();
  });

  it('shows field errors next to the fields when the input is wrong', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.platform.url}/en/pledge/`);
    await fillPledge(page, { name: 'Grace <b>', email: 'grace@example.org', country: 'KE', wall: false });
    await page.click('button[type="submit"]');
    await expect.poll(() => page.getAttribute('#pledge-name', 'aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/en/pledge/');
    await page.close();
  });
});
