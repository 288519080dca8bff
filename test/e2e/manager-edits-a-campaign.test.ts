import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform, signInToConsole } from '../support/browser.js';

const THEME = { en: 'Leave no child behind', es: 'Que ningún niño se quede atrás' };
const SUMMARY = { en: 'Children are a third of detected victims.', es: 'Los niños son un tercio de las víctimas detectadas.' };

/**
 * Maria, a campaign manager, writes the 2027 campaign in English and Spanish, sees what falls
 * back to English, previews it and publishes it; a visitor then reads it in Spanish and Arabic.
 */
describe('a manager edits a campaign', () => {
  const session = useBrowserAndPlatform();

  it('writes, checks, previews and publishes the 2027 campaign; visitors read it', async () => {
    const { url } = session.platform;
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${url}/console/`);
    await signInToConsole(page, 'manager@blueheart.local');
    await expect.poll(() => page.isVisible('#campaigns')).toBe(true);

    await page.fill('#new-year', '2027');
    await page.click('#new-campaign-form button[type="submit"]');
    await expect.poll(() => page.isVisible('#campaign-editor')).toBe(true);
    expect(await page.inputValue('#campaign-day')).toBe('2027-07-30');
    await page.check('#show-lang-es');
    await page.check('#show-lang-ar');
    expect(await page.getAttribute('#campaign-theme-ar', 'dir')).toBe('rtl');
    expect(await page.getAttribute('#campaign-theme-ar', 'lang')).toBe('ar');
    expect(await page.textContent('label[for="campaign-summary-ar"]')).toBe('Summary (Arabic)');

    await page.fill('#campaign-theme-en', THEME.en);
    await page.fill('#campaign-theme-es', THEME.es);
    await page.fill('#campaign-summary-en', SUMMARY.en);
    await page.fill('#campaign-summary-es', SUMMARY.es);

    // A hashtag that breaks the rule: the error shows at the input and in a focused summary.
    await page.fill('#campaign-hashtags', '#EndHumanTrafficking #x');
    await page.click('#save-draft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('campaign-errors');
    expect(await page.textContent('#campaign-errors')).toContain('Hashtag 2');
    expect(await page.getAttribute('#campaign-hashtags', 'aria-invalid')).toBe('true');
    const describedBy = (await page.getAttribute('#campaign-hashtags', 'aria-describedby'))!.split(' ');
    expect(await page.textContent(`#${describedBy.at(-1)}`)).toContain('#x is not a hashtag');

    await page.fill('#campaign-hashtags', '#EndHumanTrafficking, #BlueHeart');
    await page.click('#save-draft');
    await expect.poll(() => page.textContent('#status')).toBe('Draft saved.');
    expect(await page.isVisible('#campaign-errors')).toBe(false);
    expect(await page.getAttribute('#campaign-hashtags', 'aria-invalid')).toBeNull();

    // Spanish is complete; Arabic falls back to English for both texts, and its cells say so.
    expect(await page.textContent('#translation-status [data-lang="es"]')).toContain('100%');
    const arabic = await page.textContent('#translation-status [data-lang="ar"]');
    expect(arabic).toContain('0%');
    expect(arabic).toContain('Falls back to English: Theme, Summary');
    expect(await page.locator('td.falls-back #campaign-theme-ar').count()).toBe(1);
    expect(await page.locator('td.falls-back #campaign-theme-es').count()).toBe(0);
    expect(await page.textContent('#campaign-rows')).toContain(THEME.en);

    // The preview opens in a new window, rendered from the draft, under the site's CSP.
    await page.selectOption('#preview-lang', 'es');
    const [preview] = await Promise.all([page.context().waitForEvent('page'), page.click('#preview')]);
    await expect.poll(() => preview.textContent('body')).toContain(THEME.es);
    await preview.close();

    await page.click('#publish');
    await expect.poll(() => page.textContent('#status')).toContain('Published');
    expect(await page.textContent('#editor-state')).toContain('Published: the site shows this campaign.');
    await expect.poll(() => page.locator('#campaign-history button', { hasText: 'Restore this published version' }).count()).toBeGreaterThan(0);
    await page.close();

    const visitor = await session.browser.newPage();
    const spanish = await visitor.goto(`${url}/es/campaigns/2027/`);
    expect(spanish?.status()).toBe(200);
    expect(await visitor.textContent('main')).toContain(THEME.es);

    await visitor.goto(`${url}/ar/campaigns/2027/`);
    expect(await visitor.getAttribute('html', 'dir')).toBe('rtl');
    const english = visitor.locator('main [lang="en"]', { hasText: THEME.en });
    expect(await english.count()).toBeGreaterThan(0);
    await visitor.close();
  });
});
