import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform } from '../support/browser.js';

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
  );

/**
 * Olga pledged in Russian. Later she reads the privacy notice (how long each thing is kept, in
 * Russian), asks there to erase her data (a plain form post: no script involved), follows the
 * link in the email to a page that erases nothing until she presses its button, and is told what
 * was erased. Every page passes axe.
 */
describe('a pledger erases their data from the privacy page', () => {
  const session = useBrowserAndPlatform();
  const email = 'olga.erases@example.org';

  it('reads how long data is kept, asks, confirms from the email, and is told what was erased', async () => {
    const { platform } = session;
    const pledges = platform.deps.pledges;
    await pledges.store.create({
      id: crypto.randomUUID(), status: 'pending', review: 'ok', counted: false, suspectReasons: [], country: 'RU', language: 'ru',
      showOnWall: false, hiddenFromWall: false, wantsUpdates: false, name: 'Ольга', email, emailHash: pledges.hasher.email(email),
      emailDomain: 'example.org', createdAt: new Date().toISOString(), version: 1,
    });

    const context = await session.browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${platform.url}/ru/privacy/`);
    expect(await page.textContent('h1')).toBe('Уведомление о конфиденциальности');
    expect(await page.textContent('tr[data-rule="unconfirmedPledge"] td')).toBe('7 дней после того, как вы его дали');
    expect(await page.textContent('tr[data-rule="donationRecords"] td')).toContain('10 лет');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#erasure-email', email);
    await page.click('form.erasure-form button[type="submit"]');
    await page.waitForURL('**/api/privacy/erasure-requests');
    expect(await page.textContent('h1')).toBe('Проверьте почту');
    expect(await axeViolations(page)).toEqual([]);

    const [request] = (await platform.emailsTo(email)).filter((e) => e.body.text?.includes('/api/privacy/erasure?token='));
    expect(request?.subject).toBe('Подтвердите удаление ваших данных из «Голубого сердца»');
    const link = /(http:\/\/\S+\/api\/privacy\/erasure\?token=[A-Za-z0-9._-]+)/.exec(request!.body.text!)![1]!;
    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Удалить ваши персональные данные');
    expect(await axeViolations(page)).toEqual([]);
    expect((await pledges.store.findByEmailHash(pledges.hasher.email(email)))?.name).toBe('Ольга');

    await page.click('form[action="/api/privacy/erasure"] button[type="submit"]');
    expect(await page.textContent('h1')).toBe('Ваши данные удалены');
    expect(await page.textContent('main')).toContain('Удалено обязательств: 1');
    expect(await axeViolations(page)).toEqual([]);
    expect((await pledges.store.findByEmailHash(pledges.hasher.email(email)))?.name).toBeUndefined();
    await context.close();
  });
});
