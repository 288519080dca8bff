import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoGift } from '../../functions/dev/stripe-standin/index.js';
import { useBrowserAndPlatform, signInToConsole } from '../support/browser.js';

const DAY_MS = 86_400_000;
/** Noon UTC `days` days ago, plus `minutes`: the gifts of one day go into one payout. */
const daysAgo = (days: number, minutes = 0) => {
  const date = new Date(Date.now() - days * DAY_MS);
  date.setUTCHours(12, minutes, 0, 0);
  return date;
};
const month = (date: Date) => date.toISOString().slice(0, 7);
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Nadia in finance reconciles last week's Stripe payouts: one of them pays out a gift whose
 * webhook never arrived, so the ledger lacks it. She sees it, cannot sign the payout off without
 * a note, signs it off with one; locks an old month; records a government's bank transfer that
 * only her colleague can approve; and the approved transfer shows in the report. Managers see
 * none of it.
 */
describe('finance reconciles payouts in the console', () => {
  const session = useBrowserAndPlatform({ seed: false });
  const gifts: Record<string, DemoGift> = {};
  const payouts: Record<'lost' | 'clean' | 'old', string> = { lost: '', clean: '', old: '' };

  beforeAll(async () => {
    const stripe = session.platform.stripeStandin!;
    const give = (name: string, amount: number, at: Date, silent = false) => {
      gifts[name] = stripe.giveDemoGift({ amount, currency: 'usd', email: `${name}@example.org`, name, createdAt: at, ...(silent && { silent }) });
    };
    give('old', 4_000, daysAgo(45));
    give('ana', 5_000, daysAgo(5, 0));
    give('luis', 12_000, daysAgo(5, 10));
    give('lost', 2_500, daysAgo(5, 20), true); // paid on Stripe, its webhook never arrived
    give('chen', 7_500, daysAgo(4, 0));
    await stripe.deliverAll();
    const made = stripe.createPayouts({ asOf: new Date(), perDay: true });
    await stripe.deliverAll(); // payout.reconciliation_completed: the app reconciles each payout
    const paying = (gift: DemoGift) => made.find((p) => p.created >= gift.charge.created && p.created - gift.charge.created < DAY_MS / 1000)!.id;
    payouts.lost = paying(gifts.lost!);
    payouts.clean = paying(gifts.chen!);
    payouts.old = paying(gifts.old!);
    expect(new Set(Object.values(payouts)).size).toBe(3);
  });

  const signIn = async (username: string, hash = '') => {
    // A context of its own (axe needs one): tests end with `await page.context().close()`, so
    // nothing is left closing when the browser goes.
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${session.platform.url}/console/${hash}`);
    await signInToConsole(page, username);
    await expect.poll(() => page.isVisible('#who')).toBe(true);
    return page;
  };
  const asFinance = (hash = '') => signIn('finance@blueheart.local', hash);
  const axeViolations = async (page: Page) => {
    const results = await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  };
  const row = (page: Page, payoutId: string) => page.locator(`#payouts-rows tr[data-payout="${payoutId}"]`);
  const status = (page: Page) => page.textContent('#status');
  const financeApi = async (path: string, init: RequestInit = {}, user = 'finance@blueheart.local') => {
    const token = await session.platform.identity.issueToken(user);
    return fetch(`${session.platform.url}/api/finance${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  };

  it('shows the payout with a lost gift, and signs it off only with a note', async () => {
    const page = await asFinance();
    expect(await page.isVisible('#nav-finance')).toBe(true);
    expect(await page.isVisible('#nav-campaigns')).toBe(false);
    expect(await page.isVisible('#nav-pledges')).toBe(false);
    await expect.poll(() => page.textContent('#payouts-caption')).toMatch(/^2 payout\(s\) arrived from/); // the 45-day-old one is outside the last 35 days

    const lost = row(page, payouts.lost);
    expect(await lost.textContent()).toContain('Unreviewed');
    expect(await lost.textContent()).toContain('Discrepancies');
    expect(await lost.locator('[data-col="discrepancies"]').textContent()).toBe('1');
    expect(await row(page, payouts.clean).locator('[data-col="discrepancies"]').textContent()).toBe('0');

    await lost.getByRole('button', { name: /^Open payout/ }).click();
    await expect.poll(() => page.isVisible('#payout-detail')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('payout-title');
    expect(await page.textContent('#payout-title')).toContain(payouts.lost);
    // 50 + 120 + 25 USD, less the stand-in's fees, is what reached the bank: the totals agree.
    const usd = page.locator('#payout-totals tr[data-currency="usd"]');
    expect(await usd.locator('td').nth(0).textContent()).toBe('3');
    expect(await usd.locator('td').nth(1).textContent()).toBe('195.00 USD');
    expect(await usd.textContent()).toContain('Yes');
    // …but the ledger lacks the gift whose webhook never came.
    expect(await page.textContent('#payout-discrepancy-summary')).toBe('1 discrepancy: 1 × missing from the ledger.');
    const finding = page.locator('#payout-discrepancies tr[data-kind="missing_from_ledger"]');
    expect(await finding.textContent()).toContain(gifts.lost!.balanceTransaction.id);
    expect(await finding.locator('td').nth(2).textContent()).toBe('25.00 USD');
    expect(await page.locator('#payout-lines tr[data-outcome="discrepancy"]').textContent()).toContain(gifts.lost!.balanceTransaction.id);
    expect(await page.locator('#payout-lines tr[data-outcome="matched"]').count()).toBe(2);

    await page.click('#payout-mark');
    await expect.poll(() => page.getAttribute('#payout-note', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#payout-note-error')).toContain('is required when the payout has discrepancies');
    expect(await status(page)).toContain('say in a note why');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('payout-note');

    await page.fill('#payout-note', 'Gift paid on Stripe; its webhook was lost. Ledger entry to be replayed, ticket FIN-12.');
    await page.click('#payout-mark');
    await expect.poll(() => status(page)).toBe(`Payout ${payouts.lost} marked reconciled.`);
    expect(await page.getAttribute('#payout-note', 'aria-invalid')).toBeNull();
    expect(await row(page, payouts.lost).textContent()).toContain('Reconciled');
    expect(await page.textContent('#payout-facts')).toContain('by finance@blueheart.local');
    expect(await page.isVisible('#payout-mark-form')).toBe(false);
    expect(await page.isVisible('#payout-reopen-form')).toBe(true);

    const kept = (await (await financeApi(`/payouts/${payouts.lost}`)).json()) as { record: { state: string; reconciledBy: string; note: string } };
    expect(kept.record).toMatchObject({ state: 'reconciled', reconciledBy: 'finance@blueheart.local', note: expect.stringContaining('FIN-12') });

    // Taking it back needs a reason too.
    await page.click('#payout-reopen');
    await expect.poll(() => page.getAttribute('#payout-reason', 'aria-invalid')).toBe('true');
    await page.fill('#payout-reason', 'The ledger entry was replayed; run it again.');
    await page.click('#payout-reopen');
    await expect.poll(() => status(page)).toBe(`Payout ${payouts.lost} reopened.`);
    expect(await row(page, payouts.lost).textContent()).toContain('Unreviewed');

    // The audit log has both, with who and why.
    await page.click('#nav-finance-audit');
    await expect.poll(() => page.locator('#audit-rows tr').count()).toBe(2);
    const [reopened, marked] = await page.locator('#audit-rows tr').allTextContents();
    expect(reopened).toContain('Payout reopened');
    expect(reopened).toContain('state: reconciled → unreviewed');
    expect(marked).toContain('Payout marked reconciled');
    expect(marked).toContain('finance@blueheart.local');
    expect(marked).toContain('FIN-12');

    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('runs the check by hand and opens the payout it points at', async () => {
    const page = await asFinance('#finance-check');
    await expect.poll(() => page.isVisible('#finance-check')).toBe(true);
    await page.click('#check-run');
    await expect.poll(() => status(page)).toMatch(/^Check done: 2 payout\(s\), 1 with discrepancies/);
    expect(await page.textContent('#check-facts')).toContain('by hand (finance@blueheart.local)');
    await page.locator('#check-payouts').getByRole('button', { name: `Open payout ${payouts.lost}` }).click();
    await expect.poll(() => page.isVisible('#finance-payouts')).toBe(true);
    await expect.poll(() => page.textContent('#payout-title')).toContain(payouts.lost);
    expect(new URL(page.url()).hash).toBe('#finance-payouts');
    await page.context().close();
  });

  it('locks an old month: its payout cannot be signed off until it is unlocked, with a reason', async () => {
    const old = gifts.old!.charge.created * 1000;
    const oldPayout = (await (await financeApi(`/payouts/${payouts.old}`)).json()) as { record: { period: string } };
    const period = oldPayout.record.period;
    expect(period < month(new Date())).toBe(true);

    const page = await asFinance('#finance-periods');
    await page.fill('#periods-year', period.slice(0, 4));
    await page.click('#periods-form button[type="submit"]');
    const periodRow = page.locator(`#periods-rows tr[data-period="${period}"]`);
    await periodRow.getByRole('button', { name: `Lock ${period}` }).click();
    await page.fill('#period-reason', 'Closed with the auditors');
    await page.click('#period-confirm');
    await expect.poll(() => status(page)).toBe(`${period} locked.`);
    expect(await periodRow.textContent()).toContain('Locked by finance@blueheart.local');

    await page.click('#nav-finance-payouts');
    await page.fill('#payouts-from', day(new Date(old - 2 * DAY_MS)));
    await page.click('#payouts-form button[type="submit"]');
    const oldRow = row(page, payouts.old);
    await expect.poll(() => oldRow.textContent()).toContain('Locked');
    await oldRow.getByRole('button', { name: /^Open payout/ }).click();
    await expect.poll(() => page.textContent('#payout-title')).toContain(payouts.old);
    for (const id of ['#payout-run', '#payout-mark']) expect(await page.isDisabled(id)).toBe(true);
    expect(await page.textContent('#payout-locked')).toContain(`${period} is locked`);
    expect(await page.getAttribute('#payout-mark', 'aria-describedby')).toBe('payout-locked');
    // The API holds the rule too, whatever a page shows.
    expect((await financeApi(`/payouts/${payouts.old}/mark-reconciled`, { method: 'POST', body: '{}' })).status).toBe(409);

    await page.click('#nav-finance-periods');
    await periodRow.getByRole('button', { name: `Unlock ${period}` }).click();
    await page.click('#period-confirm');
    await expect.poll(() => page.getAttribute('#period-reason', 'aria-invalid')).toBe('true');
    await page.fill('#period-reason', 'A late refund to book');
    await page.click('#period-confirm');
    await expect.poll(() => status(page)).toBe(`${period} unlocked.`);

    await page.click('#nav-finance-payouts');
    await expect.poll(() => page.isEnabled('#payout-mark')).toBe(true);
    expect(await page.isHidden('#payout-locked')).toBe(true);
    await page.click('#payout-mark'); // a clean payout needs no note
    await expect.poll(() => status(page)).toBe(`Payout ${payouts.old} marked reconciled.`);
    await page.context().close();
  });

  it('records a bank transfer that only another finance user can approve; then the report counts it', async () => {
    const valueDate = day(new Date(Date.now() - DAY_MS));
    const page = await asFinance('#finance-receipts');
    await expect.poll(() => page.isVisible('#receipt-form')).toBe(true);
    await page.fill('#receipt-donor', 'Ministry of Justice of Ruritania');
    await page.selectOption('#receipt-category', 'government');
    await page.fill('#receipt-campaign', '2026');
    await page.selectOption('#receipt-currency', 'eur');
    await page.fill('#receipt-amount', '12 500,00');
    await page.fill('#receipt-date', valueDate);
    await page.fill('#receipt-reference', 'RUR-2026-0042');
    // Left out: what the bank credited in USD, which a euro gift needs.
    await page.click('#receipt-record');
    await expect.poll(() => page.getAttribute('#receipt-settled', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#receipt-settled-error')).toContain('is required when the gift is not in USD');
    await page.fill('#receipt-settled', '13,562.5');
    await page.click('#receipt-record');
    await expect.poll(() => status(page)).toBe('Receipt RUR-2026-0042 recorded (12,500.00 EUR). It counts once another finance user approves it.');

    const receipt = page.locator('#receipts-rows tr', { hasText: 'RUR-2026-0042' });
    expect(await receipt.getAttribute('data-status')).toBe('pending');
    expect(await receipt.textContent()).toContain('13,562.50 USD');
    const approve = receipt.getByRole('button', { name: 'Approve RUR-2026-0042' });
    expect(await approve.isDisabled()).toBe(true);
    const why = await approve.getAttribute('aria-describedby');
    expect(await page.textContent(`#${why}`)).toBe('You recorded this receipt: another finance user must approve it.');
    const id = (await receipt.getAttribute('data-receipt'))!;
    expect((await financeApi(`/offline-receipts/${id}/approve`, { method: 'POST' })).status).toBe(403);

    // Not approved, not counted.
    const reportMonths = { from: month(new Date(Date.now() - 6 * DAY_MS)), to: month(new Date()) };
    const governmentNet = async () => {
      const { report } = (await (await financeApi(`/reports?from=${reportMonths.from}&to=${reportMonths.to}&groupBy=category`)).json()) as { report: { rows: Array<{ category: string; reporting: { net: number } }> } };
      return report.rows.find((r) => r.category === 'government')?.reporting.net;
    };
    expect(await governmentNet()).toBeUndefined();

    await page.click('#sign-out');
    // Signing out ends the hosted sign-in's session too: there and back to the console.
    await page.waitForURL(`${session.platform.url}/console/`);
    await expect.poll(() => page.isVisible('#sign-in')).toBe(true);
    expect(await page.locator('#receipts-rows tr').count()).toBe(0); // nothing of the last user stays
    await signInToConsole(page, 'finance2@blueheart.local');
    // Signed out and in again, the console opens on the new user's first area: back to the receipts.
    await page.goto(`${session.platform.url}/console/#finance-receipts`);
    const theirs = page.locator('#receipts-rows tr', { hasText: 'RUR-2026-0042' });
    await expect.poll(() => theirs.getByRole('button', { name: 'Approve RUR-2026-0042' }).isEnabled()).toBe(true);
    await theirs.getByRole('button', { name: 'Approve RUR-2026-0042' }).click();
    await expect.poll(() => status(page)).toBe('Receipt RUR-2026-0042 approved: it counts from now on.');
    expect(await theirs.getAttribute('data-status')).toBe('approved');
    expect(await theirs.textContent()).toContain('by finance2@blueheart.local');
    expect(await governmentNet()).toBe(1_356_250);

    // A duplicate from the same statement line: rejected, with a reason, and never counted.
    const duplicate = { donorName: 'Ministry of Justice of Ruritania', donorCategory: 'government', amount: 1_250_000, currency: 'eur', settledAmount: 1_356_250, valueDate, bankReference: 'RUR-2026-0042-DUP' };
    expect((await financeApi('/offline-receipts', { method: 'POST', body: JSON.stringify(duplicate) })).status).toBe(201);
    await page.click('#receipts-form button[type="submit"]');
    const dup = page.locator('#receipts-rows tr', { hasText: 'RUR-2026-0042-DUP' });
    await dup.getByRole('button', { name: 'Reject RUR-2026-0042-DUP' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reject-form-title');
    await page.click('#reject-confirm');
    await expect.poll(() => page.getAttribute('#reject-reason', 'aria-invalid')).toBe('true');
    await page.fill('#reject-reason', 'Same transfer as RUR-2026-0042');
    await page.click('#reject-confirm');
    await expect.poll(() => status(page)).toBe('Receipt RUR-2026-0042-DUP rejected.');
    expect(await dup.getAttribute('data-status')).toBe('rejected');
    expect(await dup.textContent()).toContain('Why: Same transfer as RUR-2026-0042');
    expect(await page.isHidden('#reject-form')).toBe(true);
    expect(await governmentNet()).toBe(1_356_250);

    await page.click('#nav-finance-reports');
    await page.fill('#report-from', reportMonths.from);
    await page.fill('#report-to', reportMonths.to);
    await page.uncheck('#report-by-month');
    await page.click('#report-form button[type="submit"]');
    const government = page.locator('#report-rows tr[data-row="Government"]');
    await expect.poll(() => government.count()).toBe(1);
    expect(await government.locator('td').first().textContent()).toBe('1'); // one gift
    expect(await government.locator('[data-col="net"]').textContent()).toBe('13,562.50 USD');
    expect(await page.textContent('#report-rows tr[data-row="Individual"] [data-col="net"]')).not.toBe('—');
    // The chart: one bar per row, an image with a title and a description.
    const chart = page.locator('#report-chart svg[role="img"]');
    expect(await chart.locator('g.bar').count()).toBe(await page.locator('#report-rows tr').count());
    expect(await chart.locator('g.bar[data-label="Government"] title').textContent()).toBe('Government: 13,562.50 USD');
    expect(await page.textContent('#report-chart-svg-desc')).toContain('Highest: Government, 13,562.50 USD.');

    const download = page.waitForEvent('download');
    await page.click('#report-csv');
    const csv = await download;
    expect(csv.suggestedFilename()).toBe(`blue-heart-receipts-${reportMonths.from}-to-${reportMonths.to}.csv`);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toMatch(/government/);
    expect(text).toContain('13562.50');

    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows managers and admins no Finance area, and the API refuses them', async () => {
    for (const username of ['manager@blueheart.local', 'admin@blueheart.local']) {
      const page = await signIn(username, '#finance-payouts');
      await expect.poll(() => page.isVisible('#campaigns')).toBe(true);
      expect(await page.isVisible('#nav-campaigns')).toBe(true);
      expect(await page.isVisible('#nav-finance')).toBe(false);
      expect(await page.isVisible('#finance')).toBe(false);
      const answer = await page.evaluate(async () => {
        const token = sessionStorage.getItem('blue-heart-console-token');
        const response = await fetch('/api/finance/checks/latest', { headers: { authorization: `Bearer ${token}` } });
        return response.status;
      });
      expect(answer, username).toBe(403);
      await page.context().close();
    }
  });
});
