import { beforeEach, describe, expect, it } from 'vitest';
import { deriveKeys } from '../../../functions/adapters/crypto/keys.js';
import { HmacTokenSigner } from '../../../functions/adapters/crypto/signed-tokens.js';
import { LocalTokenBox } from '../../../functions/adapters/crypto/token-box.js';
import { SandboxNetworks } from '../../../functions/adapters/social/sandbox-network.js';
import type { OutgoingEmail } from '../../../functions/domain/pledges/ports.js';
import { checkTokenHealth, type TokenHealthDeps } from '../../../functions/domain/social/check-token-health.js';
import { SocialError, type LentAccount, type SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { Platform, SocialMessage } from '../../../functions/domain/social/social.js';
import { MemoryAccountStore } from './memory-account-store.js';

const SECRET = 'unit-secret-that-is-long-enough-for-hkdf-000';
const NOW = new Date('2026-07-27T09:00:00.000Z');
const DAY = 24 * 3_600_000;
const box = LocalTokenBox.fromAppSecret(SECRET);
const signer = new HmacTokenSigner(deriveKeys(SECRET).tokens);

class RecordingMailer {
  sent: OutgoingEmail[] = [];
  failing = false;
  async send(email: OutgoingEmail): Promise<void> {
    if (this.failing) throw new Error('SES is unavailable');
    this.sent.push(email);
  }
}

/** The sandbox's networks, with failures of the follower call per handle and the calls in flight counted. */
class Networks {
  readonly failures = new Map<string, SocialError | 'hang'>();
  readonly calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(readonly sandbox: SandboxNetworks, readonly platforms: readonly Platform[] = ['mastodon', 'bluesky']) {}
  for = (platform: Platform): SocialNetwork | undefined => {
    if (!this.platforms.includes(platform)) return undefined;
    const inner = this.sandbox.network(platform);
    return {
      ...inner,
      followers: async (credentials) => {
        this.calls.push(credentials.handle);
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 2));
          const failure = this.failures.get(credentials.handle);
          if (failure === 'hang') return await new Promise<number>(() => {});
          if (failure) throw failure;
          return await inner.followers(credentials);
        } finally {
          this.inFlight--;
        }
      },
    };
  };
}

const message = (campaignYear: number, status: SocialMessage['status'], at: Date | undefined): SocialMessage => ({
  id: `msg-${campaignYear}-${status}-${at?.toISOString() ?? 'none'}`,
  campaignYear,
  title: 'World Day',
  variants: [],
  status,
  ...(at ? { schedule: { kind: 'instant' as const, at: at.toISOString() } } : {}),
  createdBy: 'manager',
  createdAt: NOW.toISOString(),
  version: 4,
});

describe('the token health check', () => {
  let sandbox: SandboxNetworks;
  let networks: Networks;
  let accounts: MemoryAccountStore;
  let mailer: RecordingMailer;
  let messages: SocialMessage[];
  let deps: TokenHealthDeps;
  let ids = 0;

  /** An account lent (or connected) on the sandbox, stored as lending stores it. */
  const lend = async (handle: string, options: { platform?: Platform; owner?: LentAccount['owner']; campaignYear?: number; email?: string; followers?: number; language?: LentAccount['language']; shareOnly?: boolean } = {}) => {
    const platform = options.platform ?? 'bluesky';
    const sandboxAccount = options.shareOnly ? undefined : sandbox.connect(platform, handle, options.followers ?? 500);
    const owner = options.owner ?? 'supporter';
    const account: LentAccount = {
      id: `acct-${++ids}`,
      owner,
      platform,
      handle,
      followers: options.followers ?? 500,
      language: options.language ?? 'es',
      timeZone: 'America/Mexico_City',
      encryptedToken: sandboxAccount ? await box.seal(sandboxAccount.token) : '',
      ...(owner === 'supporter' ? { campaignYear: options.campaignYear ?? 2026 } : {}),
      connectedAt: '2026-07-01T00:00:00.000Z',
      status: 'active',
      ...(options.shareOnly ? { shareOnly: true } : {}),
      ...(options.email === undefined && owner === 'supporter' ? { sealedEmail: await box.seal(`${handle.replace(/\W/g, '')}@example.org`) } : {}),
      ...(options.email ? { sealedEmail: await box.seal(options.email) } : {}),
    };
    accounts.put(account);
    return account;
  };

  beforeEach(() => {
    sandbox = new SandboxNetworks();
    networks = new Networks(sandbox);
    accounts = new MemoryAccountStore();
    mailer = new RecordingMailer();
    messages = [message(2026, 'scheduled', new Date(NOW.getTime() + 2 * DAY))];
    deps = {
      messages: { listByCampaign: async (year) => messages.filter((m) => m.campaignYear === year) },
      accounts,
      tokenBox: box,
      networks: networks.for,
      mailer,
      signer: async () => signer,
      clock: { now: () => new Date(NOW) },
      newToken: () => `claim-${Math.random()}`,
      publicUrl: 'https://blueheart.example.org',
      managersEmail: 'managers@blueheart.example.org',
      policy: { concurrency: 4, callTimeoutMs: 200 },
    };
  });

  it('tries the accounts of a message due within 3 days, and none for a message 10 days ahead or not scheduled', async () => {
    await lend('ana.bsky.social');
    expect(await checkTokenHealth(deps)).toMatchObject({ upcoming: [{ campaignYear: 2026, messageId: messages[0]!.id }], checked: 1, healthy: 1, expired: 0 });

    networks.calls.length = 0;
    messages = [
      message(2026, 'scheduled', new Date(NOW.getTime() + 10 * DAY)),
      message(2026, 'draft', new Date(NOW.getTime() + DAY)),
      message(2026, 'cancelled', new Date(NOW.getTime() + DAY)),
      message(2026, 'approved', undefined),
      message(2026, 'scheduled', new Date(NOW.getTime() - 60_000)),
    ];
    expect(await checkTokenHealth(deps)).toMatchObject({ upcoming: [], checked: 0 });
    expect(networks.calls).toEqual([]);

    // Approved with a schedule (rescheduling), within the window: tried.
    messages = [message(2026, 'approved', new Date(NOW.getTime() + 3 * DAY))];
    expect((await checkTokenHealth(deps)).checked).toBe(1);
  });

  it("marks a refused account expired and emails its owner once, in their language, with the lend page and the revoke link; another run sends nothing", async () => {
    const ana = await lend('ana.bsky.social', { email: 'ana@example.org', language: 'es' });
    const luis = await lend('luis.bsky.social', { email: 'luis@example.org' });
    sandbox.expireToken('bluesky', ana.handle);

    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 2, healthy: 1, expired: 1, asked: 1, askFailed: 0 });
    const stored = (await accounts.get(ana.id))!;
    expect(stored).toMatchObject({ status: 'expired', expiredAt: NOW.toISOString(), reconnectAsked: { at: NOW.toISOString(), expiredAt: NOW.toISOString() } });
    expect(stored.reconnectClaim).toBeUndefined();
    expect((await accounts.get(luis.id))!.status).toBe('active');

    expect(mailer.sent).toHaveLength(1);
    const [email] = mailer.sent;
    expect(email).toMatchObject({ to: 'ana@example.org', language: 'es', subject: 'Vuelve a conectar tu cuenta para el Día Mundial 2026' });
    expect(email!.text).toContain('https://blueheart.example.org/es/campaigns/2026/lend-your-voice/');
    const token = /\/api\/social\/accounts\/revoke\?token=([\w.-]+)/.exec(email!.text)![1]!;
    expect(signer.verify('revoke-social', token, NOW)).toBe(ana.id);

    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 1, expired: 0, asked: 0 });
    expect(mailer.sent).toHaveLength(1);
  });

  it('leaves an account whose network is down, rate-limited or silent as it is, for the next run', async () => {
    const a = await lend('a.bsky.social');
    const b = await lend('b.bsky.social');
    const c = await lend('c.bsky.social');
    networks.failures.set(a.handle, new SocialError('rate_limited', '429', { retryAfterMs: 60_000 }));
    networks.failures.set(b.handle, new SocialError('unavailable', '503'));
    networks.failures.set(c.handle, 'hang');
    const warnings: string[] = [];
    expect(await checkTokenHealth({ ...deps, warn: (text, fields) => void warnings.push(`${text} ${fields.kind}`) })).toMatchObject({ checked: 3, unreachable: 3, expired: 0, asked: 0 });
    for (const account of [a, b, c]) expect((await accounts.get(account.id))!.status).toBe('active');
    expect(accounts.writes).toEqual([]);
    expect(mailer.sent).toEqual([]);
    expect(warnings.sort()).toEqual(expect.arrayContaining([expect.stringContaining('rate_limited'), expect.stringContaining('unavailable')]));

    networks.failures.clear();
    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 3, healthy: 3, unreachable: 0 });
  });

  it('stores a follower count that changed (once), and writes nothing for one that did not', async () => {
    const grew = await lend('grew.bsky.social', { followers: 500 });
    await lend('same.bsky.social', { followers: 800 });
    sandbox.setFollowers('bluesky', grew.handle, 1_250);
    expect(await checkTokenHealth(deps)).toMatchObject({ healthy: 2, refreshed: 1 });
    expect((await accounts.get(grew.id))!.followers).toBe(1_250);
    expect(accounts.writes).toEqual([{ method: 'refreshFollowers', id: grew.id }]);
    expect(await checkTokenHealth(deps)).toMatchObject({ healthy: 2, refreshed: 0 });
    expect(accounts.writes).toHaveLength(1);
  });

  it("tells the managers about the organisation's refused accounts, trying each once whatever the campaigns", async () => {
    messages.push(message(2027, 'scheduled', new Date(NOW.getTime() + DAY)));
    const org = await lend('blueheart.bsky.social', { owner: 'organisation' });
    sandbox.expireToken('bluesky', org.handle);
    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 1, expired: 1, asked: 1 });
    expect(networks.calls).toEqual([org.handle]);
    expect(mailer.sent.map((email) => [email.to, email.language, email.subject])).toEqual([
      ['managers@blueheart.example.org', 'en', "Reconnect the organisation's Bluesky account blueheart.bsky.social"],
    ]);
    expect(mailer.sent[0]!.text).toContain('https://blueheart.example.org/console/#messages');
  });

  it('asks nobody when there is no address (a supporter who gave no email, no managers mailbox), and records no ask', async () => {
    const silent = await lend('silent.bsky.social', { email: '' });
    const org = await lend('org.bsky.social', { owner: 'organisation' });
    for (const account of [silent, org]) sandbox.expireToken('bluesky', account.handle);
    expect(await checkTokenHealth({ ...deps, managersEmail: undefined })).toMatchObject({ expired: 2, asked: 0, noAddress: 2 });
    expect(mailer.sent).toEqual([]);
    expect((await accounts.get(silent.id))!.reconnectAsked).toBeUndefined();
    // Once the managers' mailbox is configured, the next run tells them.
    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 0, asked: 1, noAddress: 1 });
    expect(mailer.sent.map((email) => email.to)).toEqual(['managers@blueheart.example.org']);
  });

  it('asks again on the next run when the email could not be sent', async () => {
    const ana = await lend('ana.bsky.social', { email: 'ana@example.org' });
    sandbox.expireToken('bluesky', ana.handle);
    mailer.failing = true;
    expect(await checkTokenHealth(deps)).toMatchObject({ expired: 1, asked: 0, askFailed: 1 });
    expect((await accounts.get(ana.id))!).toMatchObject({ status: 'expired' });
    expect((await accounts.get(ana.id))!.reconnectClaim).toBeUndefined();
    mailer.failing = false;
    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 0, expired: 0, asked: 1 });
    expect(mailer.sent.map((email) => email.to)).toEqual(['ana@example.org']);
  });

  it('skips share-link accounts, platforms without an adapter and accounts revoked meanwhile', async () => {
    await lend('ana', { platform: 'x', shareOnly: true });
    await lend('page', { platform: 'facebook', owner: 'organisation' });
    const revoked = await lend('gone.bsky.social');
    accounts.put({ ...revoked, status: 'revoked', encryptedToken: '' });
    expect(await checkTokenHealth(deps)).toMatchObject({ checked: 0, skipped: 2 });
    expect(networks.calls).toEqual([]);
  });

  it('never has more than `concurrency` network calls in flight', async () => {
    for (let i = 0; i < 25; i++) await lend(`s${i}.bsky.social`);
    expect(await checkTokenHealth({ ...deps, policy: { concurrency: 3 } })).toMatchObject({ checked: 25, healthy: 25 });
    expect(networks.maxInFlight).toBe(3);
  });

  it('while a message is sending, asks the owners of expired accounts not asked yet, and tries no active account', async () => {
    messages = [message(2026, 'sending', new Date(NOW.getTime() - 60_000))];
    const ana = await lend('ana.bsky.social', { email: 'ana@example.org' });
    await lend('luis.bsky.social');
    await accounts.markExpired(ana.id, new Date(NOW.getTime() - 30_000));
    expect(await checkTokenHealth(deps)).toMatchObject({ upcoming: [], checked: 0, asked: 1 });
    expect(networks.calls).toEqual([]);
    expect(mailer.sent.map((email) => email.to)).toEqual(['ana@example.org']);
  });
});
