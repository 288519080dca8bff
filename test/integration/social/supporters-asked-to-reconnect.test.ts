import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenHealthReport } from '../../../functions/domain/social/check-token-health.js';
import type { LentAccount } from '../../../functions/domain/social/ports.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import type { TargetHealth } from '../../../functions/domain/social/target-health.js';
import { reconnectParts } from '../../../functions/config/social-dispatch.js';
import { askToReconnect } from '../../../functions/domain/social/ask-to-reconnect.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { createTestPlatform } from '../../support/test-platform.js';
import { revokeTokenIn, WORLD_DAY_VARIANTS } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;
const DAY = 24 * 3_600_000;

/** A message the managers wrote and approved, scheduled for one instant (written straight through the repository). */
async function scheduledMessage(platform: Running, campaignYear: number, at: Date): Promise<SocialMessage> {
  const now = new Date().toISOString();
  const message: SocialMessage = {
    id: randomUUID(), campaignYear, title: `World Day ${campaignYear}`, variants: WORLD_DAY_VARIANTS.filter((v) => v.platform !== 'x'), status: 'scheduled',
    schedule: { kind: 'instant', at: at.toISOString() }, createdBy: 'manager@blueheart.local', createdAt: now, submittedBy: 'manager@blueheart.local', approvedBy: 'manager2@blueheart.local', version: 4,
  };
  await platform.deps.social.messages.save(message, undefined, { messageId: message.id, version: 4, at: now, by: 'manager@blueheart.local', action: 'message.schedule', before: 'approved', after: 'scheduled' });
  return message;
}

/** Lends a sandbox Bluesky account through the public API, as the "Lend your voice" page does. */
async function lend(platform: Running, campaignYear: number, supporter: { handle: string; email: string; language: string }): Promise<string> {
  const response = await fetch(`${platform.url}/api/social/${campaignYear}/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A Bluesky app password looks like xxxx-xxxx-xxxx-xxxx.
    body: JSON.stringify({ platform: 'bluesky', secret: 'abcd-efgh-ijkl-mnop', timeZone: 'America/Mexico_City', consent: true, ...supporter }),
  });
  expect(response.status, `${supporter.handle}: ${response.status === 201 ? '' : await response.clone().text()}`).toBe(201);
  return ((await response.json()) as { account: { id: string } }).account.id;
}

/** The emails to an address that link to the "Lend your voice" page (the lending confirmation does not). */
const reconnectEmails = async (platform: Running, address: string) => (await platform.emailsTo(address)).filter((email) => email.body.text?.includes('/lend-your-voice/'));

async function targets(platform: Running, year: number): Promise<TargetHealth> {
  const token = await platform.identity.issueToken('manager@blueheart.local');
  const response = await fetch(`${platform.url}/api/admin/messages/${year}/targets`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as TargetHealth;
}

/**
 * Two days before World Day's message, the daily check finds that Ana revoked the app password
 * she lent on Bluesky's side: her account is marked expired and she gets one email, in Spanish,
 * to connect again (or revoke); Luis's account still works and his new follower count joins the
 * expected reach. Nothing happens for a message ten days ahead, and nothing twice.
 */
describe('the daily token health check asks supporters to reconnect, once', () => {
  let platform: Running;
  const run = (address: string) => `${address.split('@')[0]}+${randomUUID().slice(0, 8)}@example.org`;
  const ana = { handle: 'ana.health.bsky.social', email: run('ana@example.org'), language: 'es' };
  const luis = { handle: 'luis.health.bsky.social', email: run('luis@example.org'), language: 'en' };
  const far = { handle: 'far.health.bsky.social', email: run('far@example.org'), language: 'fr' };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startTestPlatform();
    await scheduledMessage(platform, 2026, new Date(Date.now() + 2 * DAY));
    await scheduledMessage(platform, 2027, new Date(Date.now() + 10 * DAY));
    ids.ana = await lend(platform, 2026, ana);
    ids.luis = await lend(platform, 2026, luis);
    ids.far = await lend(platform, 2027, far);
  });
  afterAll(async () => platform?.stop());

  it('marks the refused account expired, emails its owner once in Spanish, and refreshes the others’ followers with the reach', async () => {
    const sandbox = platform.deps.lending.sandbox!;
    sandbox.expireToken('bluesky', ana.handle);
    sandbox.expireToken('bluesky', far.handle);
    sandbox.setFollowers('bluesky', luis.handle, 4_321);
    const before = await platform.deps.lending.accounts.reach(2026);
    const anaFollowers = (await platform.deps.lending.accounts.get(ids.ana!))!.followers;

    const report = (await platform.runJob('check-token-health')) as TokenHealthReport;
    expect(report).toMatchObject({ checked: 2, healthy: 1, refreshed: 1, expired: 1, asked: 1, unreachable: 0, askFailed: 0 });
    expect(report.upcoming.map((message) => message.campaignYear)).toEqual([2026]);

    const emails = await reconnectEmails(platform, ana.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('Vuelve a conectar tu cuenta para el Día Mundial 2026');
    expect(emails[0]!.body.text).toContain(`${platform.url}/es/campaigns/2026/lend-your-voice/`);
    expect(emails[0]!.body.html).toContain('dir="ltr"');
    const revokePage = await fetch(`${platform.url}/api/social/accounts/revoke?token=${revokeTokenIn(emails[0]!.body.text)}`);
    expect(revokePage.status).toBe(200);

    const stored = (await platform.deps.lending.accounts.get(ids.ana!)) as LentAccount;
    expect(stored.status).toBe('expired');
    expect(stored.reconnectAsked?.expiredAt).toBe(stored.expiredAt);
    expect((await platform.deps.lending.accounts.get(ids.luis!))!.followers).toBe(4_321);
    expect(before.supporters).toMatchObject({ accounts: 2 });
    expect(before.supporters.followers - anaFollowers).not.toBe(4_321);
    expect(await platform.deps.lending.accounts.reach(2026)).toMatchObject({ supporters: { accounts: 1, followers: 4_321 } });
    expect(await reconnectEmails(platform, luis.email)).toEqual([]);
  });

  it('shows managers how many targets are active and expired, and whose owner was asked', async () => {
    expect(await targets(platform, 2026)).toMatchObject({
      campaignYear: 2026,
      active: { accounts: 1, followers: 4_321 },
      expired: { accounts: 1, asked: 1 },
      supporters: { active: 1, expired: 1, shareOnly: 0 },
      organisation: { active: 0, expired: 0 },
      byPlatform: { bluesky: { active: 1, expired: 1 } },
      expiredOrganisationAccounts: [],
    });
    const anonymous = await fetch(`${platform.url}/api/admin/messages/2026/targets`);
    expect(anonymous.status).toBe(401);
  });

  it('does nothing for a message ten days ahead', async () => {
    expect((await platform.deps.lending.accounts.get(ids.far!))!.status).toBe('active');
    expect(await reconnectEmails(platform, far.email)).toEqual([]);
    expect(await targets(platform, 2027)).toMatchObject({ active: { accounts: 1 }, expired: { accounts: 0 } });
  });

  it('sends no second email when it runs again', async () => {
    const again = (await platform.runJob('check-token-health')) as TokenHealthReport;
    expect(again).toMatchObject({ checked: 1, expired: 0, asked: 0, refreshed: 0 });
    expect(await reconnectEmails(platform, ana.email)).toHaveLength(1);
  });
});

/**
 * At the moment, Grace's token is refused when her post is due (she revoked it after the last
 * daily check): the delivery fails as expired, and she gets the reconnect email, in Portuguese,
 * once, however often the worker, the every-minute step and the daily check run afterwards.
 */
describe('an account refused at the moment: its owner is asked to reconnect by the worker, once', () => {
  let platform: Running;
  const grace = { handle: 'grace.moment.bsky.social', email: `grace+${randomUUID().slice(0, 8)}@example.org`, language: 'pt' };

  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.stop());

  it('fails the delivery as expired and sends one email', async () => {
    const at = new Date(Date.now() + 3_000);
    const message = await scheduledMessage(platform, 2026, at);
    const id = await lend(platform, 2026, grace);
    platform.deps.lending.sandbox!.expireToken('bluesky', grace.handle);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toMatchObject({ started: [message.id] });
    await platform.socialIdle();
    const delivery = await platform.deps.social.deliveries.get(message.id, id);
    expect(delivery).toMatchObject({ state: 'failed', error: 'token expired: the supporter was asked to reconnect' });
    expect((await platform.deps.lending.accounts.get(id))!.status).toBe('expired');

    const emails = await reconnectEmails(platform, grace.email);
    expect(emails.map((email) => email.subject)).toEqual(['Volte a ligar a sua conta para o Dia Mundial 2026']);

    await platform.runJob('send-due-messages');
    await platform.socialIdle();
    expect(await platform.runJob('check-token-health')).toMatchObject({ asked: 0 });
    expect(await reconnectEmails(platform, grace.email)).toHaveLength(1);
  });
});

/**
 * The once-per-expiry claim on DynamoDB Local: the daily check and a worker (or two runs) meeting
 * the same expired account at the same moment send one email; a new expiry after Ana lends again
 * is asked about again.
 */
describe('asking to reconnect is claimed once per expiry in the account store', () => {
  it('sends one email for concurrent asks, and asks again for a later expiry', async () => {
    const platform = await createTestPlatform();
    const lending = platform.deps.lending;
    const sent: string[] = [];
    const deps = {
      ...reconnectParts({ PUBLIC_URL: 'http://localhost:3000', MANAGERS_EMAIL: undefined }, { tokenBox: lending.tokenBox, signer: async () => lending.tokens, mailer: { send: async (email: { to: string }) => void sent.push(email.to) } }),
      accounts: lending.accounts,
      clock: platform.clock,
    };
    const account: LentAccount = {
      id: `acct-${randomUUID()}`, owner: 'supporter', platform: 'bluesky', handle: 'ana.claim.bsky.social', followers: 10, language: 'es', timeZone: 'Europe/Madrid',
      encryptedToken: await lending.tokenBox.seal('abcd-efgh-ijkl-mnop'), sealedEmail: await lending.tokenBox.seal('ana.claim@example.org'), campaignYear: 2026,
      connectedAt: platform.clock.now().toISOString(), status: 'active',
    };
    await lending.accounts.save(account);
    expect(await askToReconnect(deps, account.id)).toBe('already'); // active: nothing to ask
    await lending.accounts.markExpired(account.id, platform.clock.now());

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => askToReconnect(deps, account.id)));
    expect(outcomes.filter((outcome) => outcome === 'asked')).toHaveLength(1);
    expect(sent).toEqual(['ana.claim@example.org']);
    expect(await askToReconnect(deps, account.id)).toBe('already');

    // She lends again (a new lending replaces the account); weeks later the network refuses it again.
    await lending.accounts.save({ ...account, connectedAt: platform.clock.now().toISOString() });
    platform.clock.advance(21 * DAY);
    await lending.accounts.markExpired(account.id, platform.clock.now());
    expect(await askToReconnect(deps, account.id)).toBe('asked');
    expect(sent).toHaveLength(2);
  });
});
