import { beforeAll, describe, expect, it } from 'vitest';
import { SocialError, type SocialNetwork } from '../../functions/domain/social/ports.js';
import { signInToConsole, useBrowserAndPlatform } from '../support/browser.js';
import { expectNoRawPayload, expectOnlyEscaped, expectShownSafely, expectStrictPolicy, markupOnPage, payloads, probePage } from '../support/xss-probes.js';

const YEAR = 2026;
const DAY_MS = 86_400_000;

/** Every payload this file stores, by where it goes. */
const P = {
  firstName: payloads.word('wall'),
  refusedName: payloads.tag('pledge-name'),
  campaignTheme: payloads.quotes('theme'),
  campaignSummary: `Summary ${payloads.quotes('summary')}`,
  campaignLinkLabel: payloads.quotes('link-label'),
  campaignLinkUrl: `https://example.org/${payloads.word('link-url')}`,
  partner: payloads.quotes('partner'),
  mediaTitle: payloads.quotes('media-title'),
  mediaAlt: payloads.quotes('media-alt'),
  messageTitle: payloads.tag('message-title'),
  messageText: `World Day ${payloads.textarea('message-text')} ${payloads.script('message-text-2')}`,
  changesReason: payloads.tag('changes-reason'),
  handle: payloads.quotes('handle'),
  organisationName: payloads.quotes('organisation-account'),
  networkError: payloads.tag('network-error'),
  donorName: payloads.tag('donor'),
  payoutNote: payloads.tag('payout-note'),
  reopenReason: payloads.script('reopen-reason'),
  receiptDonor: payloads.tag('receipt-donor'),
  receiptReference: payloads.quotes('bank-ref'),
  receiptNote: payloads.textarea('receipt-note'),
  rejectReason: payloads.tag('reject-reason'),
  lockReason: payloads.script('lock-reason'),
};
const ALL = Object.values(P);

/**
 * Someone types markup where the platform shows text: a pledger's first name, a supporter's
 * handle, a manager's campaign, message and media texts, finance staff's notes, a donor's name on
 * Stripe's page, a social network's error. Stored through the real API (or the real Stripe
 * stand-in and network), then every page and email that shows them is loaded in Chromium with
 * the Content-Security-Policy switched off: the text shows as text, no payload becomes markup or
 * runs, and the pages are served with a strict policy anyway. Static pages and emails are also
 * checked at the HTML level: the payload is there, escaped. The tests run in order and build on
 * each other (the pledger of the first is sent the message of the third).
 */
describe('stored XSS probes: user text stays text on every page and in every email', () => {
  const session = useBrowserAndPlatform({ seed: false });
  const url = (path: string) => `${session.platform.url}${path}`;

  const api = async <T = Record<string, unknown>>(user: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) headers.authorization = `Bearer ${await session.platform.identity.issueToken(`${user}@blueheart.local`)}`;
    const response = await fetch(url(path), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  const ok = async <T = Record<string, unknown>>(user: string | undefined, method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await api<T>(user, method, path, body);
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(300);
    return answer.body;
  };
  const htmlOf = async (path: string) => {
    const response = await fetch(url(path));
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const emailsTo = async (address: string) => session.platform.emailsTo(address);
  /** Every email the platform sent: the rendered HTML holds no payload unescaped, and opened in a browser, nothing runs. */
  const checkEveryEmail = async () => {
    const emails = (await fetch(`${session.platform.sesEndpoint}/store`).then((r) => r.json())) as { emails: Array<{ subject: string; body: { html?: string } }> };
    const probe = await probePage(session.browser);
    for (const email of emails.emails) {
      if (!email.body.html) continue;
      expectNoRawPayload(email.body.html, ALL, `email "${email.subject}"`);
      await probe.page.setContent(email.body.html);
      expect(await markupOnPage(probe.page), `email "${email.subject}"`).toEqual([]);
    }
    // The local mailbox (npm start's) lists them all, subjects and text.
    await probe.page.goto(url('/mailbox/'));
    expect(await markupOnPage(probe.page), 'the local mailbox').toEqual([]);
    expect(probe.dialogs).toEqual([]);
    await probe.close();
    return emails.emails.length;
  };

  const consoleAs = async (username: string, hash: string) => {
    const probe = await probePage(session.browser);
    const response = await probe.page.goto(url(`/console/${hash}`));
    expectStrictPolicy(response, 'the console');
    await signInToConsole(probe.page, username);
    return probe;
  };

  beforeAll(async () => {
    // The campaign year's page exists once the campaign is published (the lend page is one of its pages).
    await ok('manager', 'PUT', `/api/admin/campaigns/${YEAR}`, {
      summary: { en: 'World Day against Trafficking in Persons.' }, keyMessages: [], callsToAction: [], hashtags: [], links: [], partners: [], mediaKit: [],
    });
    await ok('manager', 'POST', `/api/admin/campaigns/${YEAR}/publish`, {});
  });

  it('the probes see a payload that became markup (so their silence means something)', async () => {
    const probe = await probePage(session.browser);
    await probe.page.setContent(`<a href="${payloads.url('self-test-3')}">x</a><p>${payloads.tag('self-test')}</p><input value="${payloads.quotes('self-test-2')}'>`);
    await expect.poll(() => probe.dialogs).toEqual(['self-test']);
    const found = await markupOnPage(probe.page);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('window.__xss = self-test'), expect.stringContaining('<img onerror='), expect.stringContaining('<input onfocus='), expect.stringContaining('<a href="javascript:')]));
    await probe.close();
  });

  it('a pledger’s first name: refused as markup, and shown as text on the wall, in the console and in the email', async () => {
    const pledge = (name: string, email: string) => ({ name, email, country: 'KE', language: 'en', showOnWall: true, wantsUpdates: true });
    const refused = await api<{ error: { fields: Array<{ field: string }> } }>(undefined, 'POST', '/api/pledges', pledge(P.refusedName, 'refused@example.org'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f) => f.field)).toEqual(['name']);

    await ok(undefined, 'POST', '/api/pledges', pledge(P.firstName, 'pledger@example.org'));
    const [confirmation] = await emailsTo('pledger@example.org');
    expectOnlyEscaped(confirmation!.body.html!, P.firstName, 'the confirmation email');
    const link = /https?:\/\/[^\s"]+\/api\/pledges\/confirm\?token=[\w.-]+/.exec(confirmation!.body.text ?? '')![0];

    // The pledger follows the link, confirms, lands on the thank-you page; then the wall shows the name.
    const probe = await probePage(session.browser);
    expectStrictPolicy(await probe.page.goto(link.replace(/^https?:\/\/[^/]+/, session.platform.url)), 'the confirm page');
    expect(await markupOnPage(probe.page)).toEqual([]);
    await probe.page.click('main form button[type="submit"]');
    await probe.page.waitForURL(/\/en\/pledge\/thanks\/$/);
    expect(await markupOnPage(probe.page)).toEqual([]);
    expectStrictPolicy(await fetch(url('/en/pledge/thanks/')), 'the thank-you page');
    expectStrictPolicy(await probe.page.goto(url('/en/')), 'the home page');
    await expectShownSafely(probe, [P.firstName], 'the wall on the home page');
    expect(await probe.page.locator('.wall-name').allTextContents()).toContain(P.firstName);
    await probe.close();

    const manager = await consoleAs('manager@blueheart.local', '#pledges');
    await expectShownSafely(manager, [P.firstName], 'the console’s wall entries');
    await manager.close();

    // Not stored, but answered: a form post's error page about a field named with markup.
    const field = payloads.tag('field-name');
    const errorPage = await fetch(url('/api/pledges'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ [field]: 'x', language: 'en' }) });
    expect(errorPage.status).toBe(400);
    expectStrictPolicy(errorPage, 'the form errors page');
    expectNoRawPayload(await errorPage.text(), [field], 'the form errors page');
  });

  it('campaign texts, links, partners and media kit titles: escaped in the published pages, text in the browser', async () => {
    const refused = await api('manager', 'PUT', `/api/admin/campaigns/${YEAR}`, { summary: { en: payloads.tag('summary') }, keyMessages: [], callsToAction: [], hashtags: [], links: [], partners: [], mediaKit: [] });
    expect(refused.status).toBe(400);
    const javascriptLink = await api('manager', 'PUT', `/api/admin/campaigns/${YEAR}`, {
      summary: { en: 'x' }, keyMessages: [], callsToAction: [], hashtags: [], links: [{ label: { en: 'x' }, url: payloads.url('link') }], partners: [], mediaKit: [],
    });
    expect(javascriptLink.status).toBe(400);

    const ticket = await ok<{ item: { id: string; kind: 'image'; file: string; contentType: string; bytes: number }; upload: { url: string } }>('manager', 'POST', `/api/admin/campaigns/${YEAR}/media`, {
      fileName: `${payloads.quotes('file')}.png`, contentType: 'image/png', bytes: 68,
    });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhgHOw6nU9QAAAABJRU5ErkJggg==', 'base64');
    expect((await fetch(url(new URL(ticket.upload.url).pathname), { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png.subarray(0, 68) })).status).toBe(201);
    await ok('manager', 'PUT', `/api/admin/campaigns/${YEAR}`, {
      theme: { en: P.campaignTheme },
      summary: { en: P.campaignSummary },
      keyMessages: [{ en: P.campaignTheme }],
      callsToAction: [{ text: { en: P.campaignLinkLabel }, url: P.campaignLinkUrl }],
      hashtags: ['#BlueHeart'],
      links: [{ label: { en: P.campaignLinkLabel }, url: P.campaignLinkUrl }],
      partners: [{ name: P.partner, url: P.campaignLinkUrl }],
      mediaKit: [{ ...ticket.item, title: { en: P.mediaTitle }, alt: { en: P.mediaAlt } }],
    });
    await ok('manager', 'POST', `/api/admin/campaigns/${YEAR}/publish`, {});

    const campaignPage = await htmlOf(`/en/campaigns/${YEAR}/`);
    for (const text of [P.campaignTheme, P.campaignSummary, P.campaignLinkLabel, P.campaignLinkUrl, P.partner, P.mediaTitle, P.mediaAlt]) expectOnlyEscaped(campaignPage, text, 'the campaign page');
    expectOnlyEscaped(await htmlOf('/en/media-kit/'), P.mediaTitle, 'the media kit page');
    expectNoRawPayload(await htmlOf('/en/'), ALL, 'the home page');
    expectNoRawPayload(await htmlOf(`/en/campaigns/`), ALL, 'the campaigns archive');

    const probe = await probePage(session.browser);
    expectStrictPolicy(await probe.page.goto(url(`/en/campaigns/${YEAR}/`)), 'the campaign page');
    await expectShownSafely(probe, [P.campaignTheme, P.campaignSummary, P.campaignLinkLabel, P.partner, P.mediaTitle, P.mediaAlt], 'the campaign page');
    // The link is the manager's, whole, in an href (and nothing more).
    expect(await probe.page.evaluate((href) => [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href') === href).length, P.campaignLinkUrl)).toBeGreaterThan(0);
    expectStrictPolicy(await probe.page.goto(url('/en/media-kit/')), 'the media kit page');
    await expectShownSafely(probe, [P.mediaTitle, P.mediaAlt], 'the media kit page');
    await probe.close();

    const preview = await fetch(url(`/api/admin/campaigns/${YEAR}/preview?lang=en`), { headers: { authorization: `Bearer ${await session.platform.identity.issueToken('manager@blueheart.local')}` } });
    const previewHtml = await preview.text();
    for (const text of [P.campaignTheme, P.campaignSummary, P.mediaTitle]) expectOnlyEscaped(previewHtml, text, 'the console’s campaign preview');

    const manager = await consoleAs('manager@blueheart.local', '#campaigns');
    await manager.page.getByRole('button', { name: `Edit the ${YEAR} campaign` }).click();
    await expectShownSafely(manager, [P.campaignTheme, P.partner, P.mediaTitle], 'the campaign editor');
    await manager.close();
  });

  it('a message, its history, a supporter’s handle and a network’s error: text on the lend page, the revoke page, the console and in every email', async () => {
    const variants = (['bluesky', 'x'] as const).map((platform) => ({ language: 'en', platform, text: P.messageText, hashtags: ['BlueHeart'], link: 'https://www.unodc.org/bluehearts' }));
    let message = await ok<{ id: string; version: number }>('manager', 'POST', `/api/admin/messages/${YEAR}`, { title: P.messageTitle, variants });
    message = await ok('manager', 'POST', `/api/admin/messages/${YEAR}/${message.id}/submit`, { version: message.version });
    message = await ok('manager2', 'POST', `/api/admin/messages/${YEAR}/${message.id}/request-changes`, { version: message.version, reason: P.changesReason });
    message = await ok('manager', 'POST', `/api/admin/messages/${YEAR}/${message.id}/submit`, { version: message.version });
    message = await ok('manager2', 'POST', `/api/admin/messages/${YEAR}/${message.id}/approve`, { version: message.version });

    // Supporters lend: a share-link account named with quotes, and a Bluesky account.
    const refusedHandle = await api(undefined, 'POST', `/api/social/${YEAR}/accounts`, { platform: 'x', handle: payloads.tag('handle'), language: 'en', timeZone: 'UTC', email: 'x.supporter@example.org', consent: true });
    expect(refusedHandle.status).toBe(400);
    const lent = await ok<{ revokeToken: string; account: { handle: string } }>(undefined, 'POST', `/api/social/${YEAR}/accounts`, { platform: 'x', handle: P.handle, language: 'en', timeZone: 'UTC', email: 'x.supporter@example.org', consent: true });
    expect(lent.account.handle).toBe(`@${P.handle}`);
    const xRevokeToken = lent.revokeToken;
    await ok(undefined, 'POST', `/api/social/${YEAR}/accounts`, { platform: 'bluesky', handle: 'probe.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'en', timeZone: 'UTC', consent: true });
    const [lendEmail] = await emailsTo('x.supporter@example.org');
    expectOnlyEscaped(lendEmail!.body.html!, P.messageText, 'the lending confirmation email');

    // The organisation's own account, named by a manager.
    const organisation = await api('manager', 'POST', '/api/admin/social/accounts', { platform: 'linkedin', handle: P.organisationName, secret: 'linkedin-token-0123456789abcdef', authorUrn: 'urn:li:organization:2414183', language: 'en', timeZone: 'UTC' });
    expect(organisation.status, JSON.stringify(organisation.body)).toBe(201);

    const probe = await probePage(session.browser);
    expectStrictPolicy(await probe.page.goto(url(`/en/campaigns/${YEAR}/lend-your-voice/`)), 'the lend page');
    await expectShownSafely(probe, [P.messageText], 'the lend page’s preview');
    expectStrictPolicy(await probe.page.goto(url(`/api/social/accounts/revoke?token=${xRevokeToken}`)), 'the revoke page');
    await expectShownSafely(probe, [P.handle], 'the revoke page');
    expectOnlyEscaped(await (await fetch(url(`/api/social/accounts/revoke?token=${xRevokeToken}`))).text(), P.handle, 'the revoke page');
    await probe.close();

    // The moment: Bluesky refuses the post with markup in its error; the share link goes out by email.
    const bluesky = session.platform.deps.lending.networks.bluesky!;
    const refusing: SocialNetwork = { ...bluesky, publish: () => Promise.reject(new SocialError('rejected', P.networkError)) };
    session.platform.deps.lending.networks.bluesky = refusing;
    try {
      const at = new Date(Date.now() + 1_000).toISOString();
      message = await ok('manager2', 'POST', `/api/admin/messages/${YEAR}/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at } });
      await new Promise((resolve) => setTimeout(resolve, Date.parse(at) - Date.now() + 50));
      await session.platform.runJob('send-due-messages');
      await session.platform.socialIdle();
      await session.platform.runJob('send-due-messages');
    } finally {
      session.platform.deps.lending.networks.bluesky = bluesky;
    }
    const [, update] = await emailsTo('pledger@example.org');
    expect(update, 'the message email to a pledger who asked for updates').toBeDefined();
    expectOnlyEscaped(update!.body.html!, P.messageText, 'the message email to pledgers');
    const shareLink = (await emailsTo('x.supporter@example.org')).find((email) => email.messageId !== lendEmail!.messageId);
    expect(shareLink, 'the share-link email').toBeDefined();
    expectOnlyEscaped(shareLink!.body.html!, P.messageText, 'the share-link email');

    const manager = await consoleAs('manager@blueheart.local', '#messages');
    await manager.page.fill('#messages-year', String(YEAR));
    await manager.page.click('#messages-year-form button[type="submit"]');
    await expectShownSafely(manager, [P.messageTitle, P.organisationName], 'the messages list and the organisation’s accounts');
    await manager.page.locator('#messages-rows button').first().click();
    await expectShownSafely(manager, [P.messageTitle, P.messageText, P.changesReason, P.networkError], 'the message, its history and its delivery report');
    await manager.close();
  });

  it('finance: a donor’s name from Stripe, notes, reasons and bank receipts are text in the console and in the receipt', async () => {
    const stripe = session.platform.stripeStandin!;
    const paidAt = new Date(Date.now() - 3 * DAY_MS);
    stripe.giveDemoGift({ amount: 5_000, currency: 'usd', email: 'donor@example.org', name: P.donorName, createdAt: paidAt });
    await stripe.deliverAll();
    const [receipt] = await emailsTo('donor@example.org');
    expect(receipt, 'the receipt').toBeDefined();
    expectOnlyEscaped(receipt!.body.html!, P.donorName, 'the receipt email');
    const [payout] = stripe.createPayouts({ asOf: new Date() });
    await stripe.deliverAll();

    await ok('finance', 'POST', `/api/finance/payouts/${payout!.id}/reconcile`, {});
    await ok('finance', 'POST', `/api/finance/payouts/${payout!.id}/mark-reconciled`, { note: P.payoutNote });
    const day = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    const recorded = await ok<{ id: string }>('finance', 'POST', '/api/finance/offline-receipts', {
      donorName: P.receiptDonor, donorCategory: 'government', amount: 100_000, currency: 'usd', valueDate: day, bankReference: P.receiptReference, note: P.receiptNote,
    });
    await ok('finance2', 'POST', `/api/finance/offline-receipts/${recorded.id}/reject`, { reason: P.rejectReason });
    await ok('finance', 'POST', '/api/finance/periods/2025-01/lock', { reason: P.lockReason });

    const finance = await consoleAs('finance@blueheart.local', '#finance-payouts');
    await finance.page.locator(`#payouts-rows tr[data-payout="${payout!.id}"]`).getByRole('button', { name: /^Open payout/ }).click();
    await expectShownSafely(finance, [P.payoutNote], 'the payout');
    await ok('finance', 'POST', `/api/finance/payouts/${payout!.id}/reopen`, { reason: P.reopenReason });
    await finance.page.click('#nav-finance-receipts');
    await expectShownSafely(finance, [P.receiptDonor, P.receiptReference, P.receiptNote, P.rejectReason], 'the bank receipts');
    await finance.page.click('#nav-finance-periods');
    await finance.page.fill('#periods-year', '2025');
    await finance.page.click('#periods-form button[type="submit"]');
    await expectShownSafely(finance, [P.lockReason], 'the periods');
    await finance.page.click('#nav-finance-audit');
    await expectShownSafely(finance, [P.payoutNote, P.reopenReason, P.rejectReason], 'the audit log');
    await finance.close();
  });

  it('sent no email with a payload in its markup', async () => {
    expect(await checkEveryEmail(), "confirmation, lending, share link, message, receipt").toBeGreaterThanOrEqual(5);
  });
});
