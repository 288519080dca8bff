import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform } from '../support/browser.js';

/**
 * Ana gives from her phone: a too-small amount is caught on the page, then the local Stripe
 * test-mode page takes the test card and sends her back to the thank-you page; the receipt and
 * the campaign's total follow. Marc does the same without JavaScript.
 */
describe('a donor gives in the browser', () => {
  const session = useBrowserAndPlatform({ seed: true });

  const payOnStripePage = async (page: import('playwright-core').Page, card: string) => {
    await page.fill('#cardNumber', card);
    await page.fill('#cardExpiry', '12 / 34');
    await page.fill('#cardCvc', '123');
    await page.fill('#billingName', 'Ana López');
    if (await page.isVisible('#email')) await page.fill('#email', 'ana.browser@example.org');
    await page.click('button[type="submit"]');
  };

  it('with JavaScript: an amount below the limit is caught, then the gift goes through', async () => {
    const raisedBefore = ((await (await fetch(`${session.platform.url}/api/donations/progress?campaign=2026`)).json()) as { raised: { amount: number } }).raised.amount;
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.platform.url}/es/donate/`);
    await page.fill('#donate-customAmount', '1');
    await page.click('form[action="/api/donations/checkout"] button[type="submit"]');
    await expect.poll(() => page.getAttribute('#donate-customAmount', 'aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/es/donate/');

    await page.fill('#donate-customAmount', '25');
    await page.click('form[action="/api/donations/checkout"] button[type="submit"]');
    await page.waitForURL(`${session.platform.stripeStandin!.url}/checkout/**`);
    await payOnStripePage(page, '4242 4242 4242 4242');
    await page.waitForURL('**/es/donate/thanks/**');
    await session.platform.stripeStandin!.idle();

    const after = (await (await fetch(`${session.platform.url}/api/donations/progress?campaign=2026`)).json()) as { raised: { amount: number; currency: string } };
    expect(after.raised.amount).toBeGreaterThan(raisedBefore);
    const [receipt] = await session.platform.emailsTo('ana.browser@example.org');
    expect(receipt?.subject).toMatch(/^Recibo de tu donación BH-/);
    await page.close();
  });

  it('without JavaScript: the form posts to the payment page and back', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.platform.url}/fr/donate/`);
    await page.click('form[action="/api/donations/checkout"] button[type="submit"]');
    await page.waitForURL(`${session.platform.stripeStandin!.url}/checkout/**`);
    await payOnStripePage(page, '4242 4242 4242 4242');
    await page.waitForURL('**/fr/donate/thanks/**');
    await context.close();
  });
});
