import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforceRetention } from '../../../functions/domain/privacy/enforce-retention.js';
import { addDuration, RETENTION } from '../../../functions/domain/shared/retention.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';
import { approvedMessage, rawTable } from '../social/supporter-fixtures.js';

const seconds = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);
const after = (at: Date | string, rule: keyof typeof RETENTION) => {
  const { duration } = RETENTION[rule] as { duration: { amount: number; unit: 'day' | 'year' } };
  return seconds(addDuration(new Date(at), duration));
};

/**
 * Each kind of personal data carries the `expiresAt` its RETENTION rule gives it from the moment
 * it is written, and what TTL cannot end (a lending) the daily job ends once its campaign is
 * over: not a day before, and not while one of the campaign's messages is still to go out.
 */
describe('retention periods, enforced', () => {
  let platform: TestPlatform;
  let table: ReturnType<typeof rawTable>;
  let message: SocialMessage;
  let accountId: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-01T10:00:00Z');
    table = rawTable(platform);
  });
  afterAll(() => table.destroy());

  it('an unconfirmed pledge and its address claim expire 7 days after the pledge; rate windows expire with their window', async () => {
    const email = 'kept.briefly@example.org';
    const pledged = await platform.request('/api/pledges', { ...json({ name: 'Zoë', email, country: 'FR', language: 'fr', showOnWall: false, wantsUpdates: false, altcha: await platform.solvedProof() }), ip: '192.0.2.10' });
    expect(pledged.status).toBe(202);
    const claim = await table.item(`EMAIL#${platform.deps.pledges.hasher.email(email)}`, 'CLAIM');
    const pledge = await table.item(`PLEDGE#${String(claim!.pledgeId)}`, 'PLEDGE');
    expect(pledge!.expiresAt).toBe(after(String(pledge!.createdAt), 'unconfirmedPledge'));
    expect(claim!.expiresAt).toBe(pledge!.expiresAt);
    // The confirmation email's window (10 minutes): a keyed hash of the address, kept until the window ends plus a minute.
    const start = Math.floor(seconds(platform.clock.now()) / 600) * 600;
    const window = await table.item(`RATE#confirmation-email:${platform.deps.pledges.hasher.email(email)}#${start}`, 'RATE');
    expect(window).toMatchObject({ count: 1, expiresAt: start + 600 + 60 });
  });

  it('a delivery record expires 90 days after its post was due', async () => {
    const messageId = randomUUID();
    const dueAt = '2026-07-30T09:00:00.000Z';
    await platform.deps.social.deliveries.createAll([
      { messageId, target: { kind: 'email', id: randomUUID(), platform: 'email', language: 'en', timeZone: 'UTC', followers: 1 }, dueAt, state: 'pending', attempts: 0, clientRef: `bh-${messageId}` },
    ]);
    const [record] = await table.partition(`DELIVERY#${messageId}`);
    expect(record!.expiresAt).toBe(after(dueAt, 'socialDeliveries'));
    // The domain never sees the TTL attribute.
    const [listed] = await (async () => { for await (const page of platform.deps.social.deliveries.list(messageId)) return page; return []; })();
    expect(listed).not.toHaveProperty('expiresAt');
  });

  it('an erasure record is kept 3 years, then deleted by TTL', async () => {
    const entry = await platform.deps.privacy.personalData.erasures('2026-07');
    expect(entry).toEqual([]);
    const admin = await platform.identity.issueToken('admin@blueheart.local');
    const erased = await platform.request('/api/admin/privacy/erasures', { ...json({ email: 'kept.briefly@example.org' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    const { id, at } = (await erased.json()) as { id: string; at: string };
    const [stored] = (await table.partition('PRIVACY-AUDIT#2026-07')).filter((item) => item.id === id);
    expect(stored!.expiresAt).toBe(after(at, 'erasureRecords'));
  });

  it('keeps a lending while its campaign runs, and revokes it once the campaign is over and nothing is left to send', async () => {
    message = await approvedMessage(platform, 2026, { schedule: { kind: 'local', date: '2026-07-30', time: '09:00' } });
    const lent = await platform.request('/api/social/2026/accounts', json({ platform: 'bluesky', handle: 'kept.until.august.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'en', timeZone: 'UTC', email: 'lender@example.org', consent: true }));
    expect(lent.status).toBe(201);
    accountId = ((await lent.json()) as { account: { id: string } }).account.id;

    // The day before the lending period ends (30 July + 31 days = 30 August).
    platform.clock.set('2026-08-29T23:59:00Z');
    expect(await enforceRetention(platform.deps.privacy)).toEqual({ campaignsOver: [2023, 2024, 2025], revoked: 0 });
    // Past it, but the message is still scheduled (a manager moved it, say).
    platform.clock.set('2026-09-02T04:30:00Z');
    expect(await enforceRetention(platform.deps.privacy)).toEqual({ campaignsOver: [2023, 2024, 2025], revoked: 0 });
    expect(await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT')).toMatchObject({ status: 'active', sealedEmail: expect.stringMatching(/^v1\./) });

    const sent: SocialMessage = { ...message, status: 'sent', version: message.version + 1 };
    await platform.deps.social.messages.save(sent, message.version, { messageId: message.id, version: sent.version, at: platform.clock.now().toISOString(), by: 'scheduler', action: 'message.finish', before: 'sending', after: 'sent' });
    expect(await enforceRetention(platform.deps.privacy)).toEqual({ campaignsOver: [2023, 2024, 2025, 2026], revoked: 1 });

    const account = await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT');
    expect(account).toMatchObject({ status: 'revoked', revokedAt: '2026-09-02T04:30:00.000Z', expiresAt: after('2026-09-02T04:30:00.000Z', 'revokedAccount') });
    for (const secret of ['encryptedToken', 'sealedEmail', 'ownerKey']) expect(account).not.toHaveProperty(secret);
    expect(await table.item('SOCIAL-TARGETS#2026', `ACCOUNT#${accountId}`)).toBeUndefined();
    expect(await platform.deps.lending.accounts.reach(2026)).toMatchObject({ supporters: { accounts: 0, followers: 0 } });
    expect(await platform.deps.privacy.personalData.lentAccountsOf(platform.deps.pledges.hasher.email('lender@example.org'))).toEqual([]);

    // The next day's run finds nothing more.
    expect(await enforceRetention(platform.deps.privacy)).toEqual({ campaignsOver: [2023, 2024, 2025, 2026], revoked: 0 });
  });
});
