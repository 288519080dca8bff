import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform, signInToConsole, typeOnHostedSignIn } from '../support/browser.js';

/** Maria, a campaign manager, signs in, restores a suspect burst and hides a wall entry. */
describe('a manager works in the console', () => {
  const session = useBrowserAndPlatform({ seed: true });
  const signedIn = async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.platform.url}/console/`);
    await signInToConsole(page, 'manager@blueheart.local');
    await page.click('#nav-pledges');
    return page;
  };
  const total = async () => ((await (await fetch(`${session.platform.url}/api/pledges/stats`)).json()) as { total: number }).total;

  it('signs in on the hosted sign-in page (code flow with PKCE), refusing a wrong password first', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.platform.url}/console/#pledges`);
    await typeOnHostedSignIn(page, 'manager@blueheart.local', 'wrong');
    await expect.poll(() => page.textContent('[role="alert"]')).toContain('Wrong email or password');
    expect(page.url()).toContain('/auth/oauth2/authorize');
    await typeOnHostedSignIn(page, 'manager@blueheart.local', 'blue-heart-manager');
    await page.waitForURL(`${session.platform.url}/console/#pledges`);
    // The code and state are gone from the address bar once exchanged.
    expect(page.url()).not.toContain('code=');
    await expect.poll(() => page.isVisible('#review')).toBe(true);
    expect(await page.textContent('[data-bind="username"]')).toBe('manager@blueheart.local');
    await page.close();
  });

  it('finds the suspect burst and restores it; the counter follows', async () => {
    const before = await total();
    const page = await signedIn();
    await page.click('#review-form button[type="submit"]');
    await expect.poll(() => page.textContent('#review-caption')).toBe('12 pledge(s) match.');
    expect(await page.textContent('#review-rows')).toContain('ip-burst');
    expect(await page.textContent('#review-rows')).not.toContain('@');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#restore');
    await expect.poll(() => page.textContent('#status')).toBe('12 of 12 matching pledge(s) restored.');
    expect(await total()).toBe(before + 12);
    await page.close();
  });

  it('hides an entry from the public wall', async () => {
    const page = await signedIn();
    const entries = page.locator('#wall-entries li');
    await expect.poll(() => entries.count()).toBeGreaterThan(0);
    const wallBefore = ((await (await fetch(`${session.platform.url}/api/pledges/wall?limit=50`)).json()) as { entries: { id: string }[] }).entries;
    await entries.first().locator('button').click();
    await expect.poll(() => page.textContent('#status')).toContain('is no longer on the wall');
    const wallAfter = ((await (await fetch(`${session.platform.url}/api/pledges/wall?limit=50`)).json()) as { entries: { id: string }[] }).entries;
    expect(wallAfter.map((e) => e.id)).not.toContain(wallBefore[0]!.id);
    await page.close();
  });

  it('shows a finance user no manager tools', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.platform.url}/console/`);
    await signInToConsole(page, 'finance@blueheart.local');
    // The finance area instead: payouts first; no link to campaigns or pledges.
    await page.waitForSelector('#finance', { state: 'visible' });
    expect(await page.isVisible('#nav-campaigns')).toBe(false);
    expect(await page.isVisible('#nav-pledges')).toBe(false);
    expect(await page.isVisible('#campaigns')).toBe(false);
    expect(await page.isVisible('#pledges')).toBe(false);
    await page.close();
  });

  it('serves readable API docs from its own origin', async () => {
    const page = await session.browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${session.platform.url}/api/docs`);
    await expect.poll(() => page.textContent('#swagger-ui'), { timeout: 20_000 }).toContain('Blue Heart Platform API');
    expect(await page.textContent('#swagger-ui')).toContain('/api/pledges/stats');
    expect(failed).toEqual([]);
    await page.close();
  });
});
