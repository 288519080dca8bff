import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../functions/adapters/log/logger.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { WORLD_DAY_VARIANTS } from '../social/supporter-fixtures.js';
import { startTestPlatform } from '../../support/running-platform.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * Ana pledged, gave once, gives monthly and lent her Bluesky account, all with one address. She
 * asks on the privacy page to erase her data, confirms from the email, and afterwards nothing in
 * the table names her: not her address, not her name, not the sealed copy of her address. The
 * counters, the campaign's progress and the finance report are what they were; Stripe no longer
 * has her as a customer (so the monthly gift has ended); her account is revoked. Nothing she
 * typed ever reached a log line.
 */
describe('a person erases everything the platform holds about them', () => {
  let platform: Running;
  let stripe: Stripe;
  const logLines: string[] = [];
  const run = randomUUID().slice(0, 8);
  const email = `ana.${run}@example.org`;
  const pledgeName = `Ana Pledger ${run}`;
  const billingName = `Ana Donor ${run}`;
  const displayName = `Ana the Giver ${run}`;
  const dedication = `For my sister ${run}`;
  const year = new Date().getUTCFullYear();
  const month = new Date().toISOString().slice(0, 7);
  let sealedEmail: string;
  let accountId: string;
  let financeToken: string;
  let adminToken: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const rawItems = async () => {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: platform.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateScan({ client }, { TableName: platform.tableName, ConsistentRead: true })) items.push(...(page.Items ?? []));
    client.destroy();
    return items;
  };
  const itemsMentioning = async (needle: string) => (await rawItems()).filter((item) => JSON.stringify(item).toLowerCase().includes(needle.toLowerCase()));
  const give = async (frequency: 'once' | 'monthly', amount: number) => {
    const response = await post('/api/donations/checkout', {
      amount, currency: 'usd', frequency, donorCategory: 'individual', anonymous: false, displayName, dedication, campaignYear: year, language: 'es', email, idempotencyKey: randomUUID(),
    });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    const paid = await fetch(`${platform.stripeStandin!.url}/checkout/${new URL(url).pathname.split('/').pop()}/pay`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cardNumber: '4242424242424242', cardExpiry: '12 / 34', cardCvc: '123', billingName, email }),
    });
    expect(paid.status).toBe(303);
    await platform.stripeStandin!.idle();
  };
  const snapshot = async () => ({
    stats: await (await fetch(`${platform.url}/api/pledges/stats`)).json(),
    progress: await (await fetch(`${platform.url}/api/donations/progress?campaign=${year}`)).json(),
    report: await (await fetch(`${platform.url}/api/finance/reports?from=${month}&to=${month}`, { headers: { authorization: `Bearer ${financeToken}` } })).json(),
    reach: await (await fetch(`${platform.url}/api/social/${year}/reach`)).json(),
  });
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    platform = await startTestPlatform({ logger: createLogger('debug', (line) => logLines.push(line)) });
    stripe = new Stripe(platform.stripeStandin!.secretKey, { host: platform.stripeStandin!.host, port: platform.stripeStandin!.port, protocol: 'http' });
    financeToken = await platform.identity.issueToken('finance@blueheart.local');
    adminToken = await platform.identity.issueToken('admin@blueheart.local');

    // She pledges (solving the proof of work as her browser would) and confirms from the email.
    const challenge = (await platform.deps.pledges.proofOfWork.createChallenge(new Date())) as Challenge;
    const altcha = Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString('base64');
    const pledged = await post('/api/pledges', { name: pledgeName, email, country: 'MX', language: 'es', showOnWall: true, wantsUpdates: true, organisation: `Org ${run}`, altcha });
    expect(pledged.status).toBe(202);
    const confirmToken = /\/api\/pledges\/confirm\?token=([A-Za-z0-9._-]+)/.exec((await platform.emailsTo(email))[0]!.body.text!)![1]!;
    expect((await post('/api/pledges/confirm', { token: confirmToken })).status).toBe(200);

    // She gives once and monthly (two Stripe customers with her address).
    await give('once', 5_000);
    await give('monthly', 2_000);

    // She lends her Bluesky account to this year's message.
    const at = new Date().toISOString();
    const message: SocialMessage = {
      id: randomUUID(), campaignYear: year, title: 'World Day', variants: WORLD_DAY_VARIANTS, status: 'approved',
      createdBy: 'manager@blueheart.local', createdAt: at, submittedBy: 'manager@blueheart.local', approvedBy: 'manager2@blueheart.local', version: 3,
    };
    await platform.deps.social.messages.save(message, undefined, { messageId: message.id, version: 3, at, by: 'manager2@blueheart.local', action: 'message.approve', before: 'in_review', after: 'approved' });
    const lent = await post(`/api/social/${year}/accounts`, { platform: 'bluesky', handle: `ana-${run}.bsky.social`, secret: 'abcd-efgh-ijkl-mnop', language: 'es', timeZone: 'America/Mexico_City', email, consent: true });
    expect(lent.status).toBe(201);
    accountId = ((await lent.json()) as { account: { id: string } }).account.id;
    const account = (await rawItems()).find((item) => item.PK === `SOCIAL-ACCOUNT#${accountId}`)!;
    sealedEmail = String(account.sealedEmail);
    expect(sealedEmail).toMatch(/^v1\./);
    before = await snapshot();
  });
  afterAll(async () => platform?.stop());

  it('holds her data before (so the checks below can fail)', async () => {
    expect((await itemsMentioning(email)).map((item) => String(item.type)).sort()).toEqual(expect.arrayContaining(['ledger-entry', 'pledge']));
    expect(await itemsMentioning(pledgeName)).toHaveLength(1);
    expect((await itemsMentioning(billingName)).length).toBeGreaterThanOrEqual(2);
    expect(await itemsMentioning(sealedEmail)).toHaveLength(1);
    expect(before.stats).toMatchObject({ total: 1 });
    expect(before.progress).toMatchObject({ donors: 2 });
  });

  it('answers the same neutral 202 for her address and for an unknown one, and emails only her', async () => {
    const asks = await Promise.all([post('/api/privacy/erasure-requests', { email: ` ${email.toUpperCase()} `, language: 'es' }), post('/api/privacy/erasure-requests', { email: `nobody.${run}@example.org`, language: 'es' })]);
    expect(asks.map((r) => r.status)).toEqual([202, 202]);
    const [mine, unknown] = await Promise.all(asks.map((r) => r.json()));
    expect(mine).toEqual(unknown);
    expect(await platform.emailsTo(`nobody.${run}@example.org`)).toEqual([]);
    const [request] = (await platform.emailsTo(email)).filter((e) => e.subject.startsWith('Confirma: borrar'));
    expect(request?.body.text).toContain('24 horas');
    expect(request?.body.text).not.toContain(pledgeName);
  });

  it('confirms from the page the link opens (a GET erases nothing), and erases everything', async () => {
    const [request] = (await platform.emailsTo(email)).filter((e) => e.subject.startsWith('Confirma: borrar'));
    const link = /(http\S+\/api\/privacy\/erasure\?token=\S+)/.exec(request!.body.text!)![1]!;
    const page = await fetch(link.replace('http://localhost:3000', platform.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="es"');
    expect(html).toContain('Borrar mis datos');
    expect(await itemsMentioning(email)).not.toEqual([]);

    const token = new URL(link).searchParams.get('token')!;
    const erased = await fetch(`${platform.url}/api/privacy/erasure`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    expect(erased.status).toBe(200);
    const done = await erased.text();
    expect(done).toContain('Tus datos están borrados');
    expect(done).toContain('Compromisos borrados: 1');
    expect(done).toContain('Perfiles de pago borrados en Stripe: 2');
  });

  it('leaves no item in the table with her address, her names, her dedication or her sealed address', async () => {
    for (const needle of [email, pledgeName, billingName, displayName, dedication, `Org ${run}`, sealedEmail]) {
      expect(await itemsMentioning(needle), needle).toEqual([]);
    }
  });

  it('keeps the counts, the progress, the finance report and the books as they were', async () => {
    const after = await snapshot();
    expect(after.stats).toEqual(before.stats);
    expect(after.progress).toEqual(before.progress);
    expect(after.report).toEqual(before.report);
    // Her account no longer counts toward the expected reach.
    expect(before.reach).toMatchObject({ supporters: 1 });
    expect(after.reach).toMatchObject({ supporters: 0, supporterFollowers: 0 });
    const gifts = (await rawItems()).filter((item) => item.type === 'ledger-entry');
    expect(gifts).toHaveLength(2);
    for (const gift of gifts) {
      expect(gift).toMatchObject({ kind: 'gift', currency: 'usd', campaignYear: year, anonymous: true, receiptNumber: expect.stringMatching(/^BH-\d{4}-\d{6}$/) });
      expect(gift.stripe).toMatchObject({ chargeId: expect.stringMatching(/^ch_/), customerId: expect.stringMatching(/^cus_/) });
      expect(gift).not.toHaveProperty('donor');
      expect(gift).not.toHaveProperty('donorKey');
      expect(gift.donorErasedAt).toEqual(expect.any(String));
    }
    expect(gifts.map((gift) => gift.amount).sort()).toEqual([2_000, 5_000]);
  });

  it('deleted her Stripe customers, which ended the monthly gift', async () => {
    const customers = [...new Set((await rawItems()).filter((item) => item.type === 'ledger-entry').map((item) => (item.stripe as { customerId: string }).customerId))];
    expect(customers).toHaveLength(2);
    for (const id of customers) {
      const customer = await stripe.customers.retrieve(id);
      expect(customer).toEqual({ id, object: 'customer', deleted: true });
    }
    const subscription = platform.stripeStandin!.events().find((e) => e.type === 'customer.subscription.created')!.data.object as { id: string };
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('canceled');
  });

  it('revoked her lent account: no credential, no sealed address, gone from the targets, deleted by TTL in 30 days', async () => {
    const items = await rawItems();
    const account = items.find((item) => item.PK === `SOCIAL-ACCOUNT#${accountId}`)!;
    expect(account).toMatchObject({ status: 'revoked' });
    for (const secret of ['encryptedToken', 'sealedEmail', 'ownerKey']) expect(account).not.toHaveProperty(secret);
    expect(account.expiresAt).toBe(Math.floor(Date.parse(String(account.revokedAt)) / 1000) + 30 * 86_400);
    expect(items.filter((item) => String(item.SK) === `ACCOUNT#${accountId}` && String(item.PK).startsWith('SOCIAL-TARGETS#'))).toEqual([]);
    expect(items.filter((item) => String(item.PK).startsWith('SOCIAL-OWNER#'))).toEqual([]);
  });

  it('logs the erasure without the address, and erasing again finds nothing more', async () => {
    const log = await fetch(`${platform.url}/api/admin/privacy/erasures?month=${month}`, { headers: { authorization: `Bearer ${adminToken}` } });
    const { entries } = (await log.json()) as { entries: Array<Record<string, unknown>> };
    expect(entries).toEqual([
      expect.objectContaining({ channel: 'email-link', by: 'self', emailHash: platform.deps.pledges.hasher.email(email), erased: { pledges: 1, lentAccounts: 1, donationRecords: 2, stripeCustomers: 2 } }),
    ]);
    const again = await post('/api/admin/privacy/erasures', { email, reason: 'Letter of 2 July, ref. 14' }, { authorization: `Bearer ${adminToken}` });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ channel: 'admin', by: 'admin@blueheart.local', erased: { pledges: 0, lentAccounts: 0, donationRecords: 0, stripeCustomers: 0 } });
  });

  it('never wrote her address or names to a log line', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const logs = logLines.join('\n').toLowerCase();
    for (const needle of [email, pledgeName, billingName, displayName, dedication]) expect(logs).not.toContain(needle.toLowerCase());
  });
});
