import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform } from '../support/browser.js';

const PAGES = [
  '/',
  '/pledge/',
  '/pledge/check-email/',
  '/pledge/thanks/',
  '/help/',
  '/privacy/',
  '/chapters/aquiestoy/',
  '/campaigns/',
  '/campaigns/2026/',
  '/campaigns/2016/',
  '/media-kit/',
  '/donate/',
  '/donate/thanks/',
  '/donate/statement-requested/',
  '/trust-fund/',
];

describe('every public page passes axe (WCAG 2.2 AA) in English and Arabic', () => {
  const session = useBrowserAndPlatform({ seed: true });

  for (const language of ['en', 'ar']) {
    for (const path of PAGES) {
      it(`/${language}${path}`, async () => {
        const context = await session.browser.newContext();
        const page = await context.newPage();
        await page.goto(`${session.platform.url}/${language}${path}`);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
        await context.close();
      });
    }
  }
});
