import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform } from '../support/browser.js';

describe('an Arabic-speaking visitor reads the site right to left', () => {
  const session = useBrowserAndPlatform();

  it('is sent to /ar/ by Accept-Language and laid out right to left', async () => {
    const page = await session.browser.newPage({ locale: 'ar-EG', extraHTTPHeaders: { 'Accept-Language': 'ar-EG,ar;q=0.9' } });
    await page.goto(`${session.platform.url}/`);
    expect(new URL(page.url()).pathname).toBe('/ar/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');

    await page.goto(`${session.platform.url}/ar/pledge/`);
    const label = await page.textContent('label[for="pledge-name"]');
    expect(label).toMatch(/[\u0600-\u06FF]/);
    // Mirrored layout: the form's labels start at the right edge.
    const box = await page.locator('label[for="pledge-name"]').boundingBox();
    const input = await page.locator('#pledge-name').boundingBox();
    expect(box!.x + box!.width).toBeGreaterThan(input!.x + input!.width - 2);
    await page.close();
  });

  it('has a visible quick exit and a help link on every page', async () => {
    const page = await session.browser.newPage();
    for (const path of ['/ar/', '/ar/pledge/', '/ar/help/', '/ar/privacy/', '/en/', '/en/pledge/', '/es/chapters/aquiestoy/']) {
      await page.goto(`${session.platform.url}${path}`);
      await expect(page.locator('[data-quick-exit]').isVisible(), path).resolves.toBe(true);
      expect(await page.locator('a[href$="/help/"]').count(), path).toBeGreaterThan(0);
    }
    await page.close();
  });
});
