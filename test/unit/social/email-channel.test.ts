import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../../functions/domain/pledges/ports.js';
import type { Pledge } from '../../../functions/domain/pledges/pledge.js';
import { attemptDelivery } from '../../../functions/domain/social/dispatch/attempt-delivery.js';
import { newDelivery } from '../../../functions/domain/social/dispatch/fan-out.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import type { DispatchAccount, DispatchDeps } from '../../../functions/domain/social/dispatch/ports.js';
import { messageEmailChannel, type MessageEmailDeps } from '../../../functions/domain/social/email-channel.js';
import { SocialError, type SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { DeliveryTarget, SocialMessage } from '../../../functions/domain/social/social.js';

const T0 = new Date('2026-07-30T09:00:00.000Z');
const clock = { now: () => new Date(T0) };

const message: SocialMessage = {
  id: 'msg-1',
  campaignYear: 2026,
  title: 'World Day 2026',
  variants: [
    {
      language: 'en',
      platform: 'x',
      text: 'Today: World Day against Trafficking in Persons.',
      // Supporters posting through an API spread over these; a person sharing posts the main wording they agreed to.
      alternatives: ['Trafficking hides in plain sight.', 'Wear the Blue Heart today.'],
      hashtags: ['BlueHeart'],
      link: 'https://www.unodc.org/bluehearts',
      mediaIds: [],
      altText: {},
    },
    { language: 'en', platform: 'mastodon', text: 'World Day: wear the Blue Heart.', alternatives: [], hashtags: [], mediaIds: [], altText: {} },
  ],
  status: 'sending',
  createdBy: 'manager@blueheart.local',
  createdAt: T0.toISOString(),
  version: 5,
};

const pledge = (overrides: Partial<Pledge> = {}): Pledge => ({
  id: 'pledge-1',
  status: 'confirmed',
  review: 'ok',
  counted: true,
  suspectReasons: [],
  country: 'KE',
  language: 'en',
  showOnWall: false,
  hiddenFromWall: false,
  wantsUpdates: true,
  name: 'Grace',
  email: 'grace@example.org',
  emailHash: 'h',
  createdAt: T0.toISOString(),
  version: 2,
  ...overrides,
});

const shareOnly = (overrides: Partial<DispatchAccount> = {}): DispatchAccount => ({
  id: 'acct-x',
  owner: 'supporter',
  platform: 'x',
  handle: '@ana',
  followers: 0,
  language: 'es',
  timeZone: 'Europe/Madrid',
  encryptedToken: '',
  campaignYear: 2026,
  connectedAt: T0.toISOString(),
  status: 'active',
  shareOnly: true,
  sealedEmail: 'sealed:ana@example.org',
  ...overrides,
});

function channel(options: { pledges?: Pledge[]; mailer?: (email: OutgoingEmail) => Promise<{ id: string }>; pledgeRead?: () => Promise<Pledge | undefined> } = {}) {
  const sent: Array<{ email: OutgoingEmail; clientRef: string }> = [];
  const pledges = new Map((options.pledges ?? [pledge()]).map((p) => [p.id, p]));
  const deps: MessageEmailDeps = {
    pledges: { get: async (id) => (options.pledgeRead ? options.pledgeRead() : pledges.get(id)) },
    message: async (id) => (id === message.id ? message : undefined),
    mailer: {
      send: async (email, clientRef) => {
        sent.push({ email, clientRef });
        return options.mailer ? options.mailer(email) : { id: `ses-${sent.length}` };
      },
    },
    signer: async () => ({ sign: (purpose, subject) => `${purpose}.${subject}` }),
    tokenBox: { open: async (sealed) => sealed.replace(/^sealed:/, '') },
    clock,
    publicUrl: 'https://blueheart.example.org',
    campaignUrl: (year, language) => `https://blueheart.example.org/${language}/campaigns/${year}/`,
  };
  return { channel: messageEmailChannel(deps), sent };
}

const emailTarget: DeliveryTarget = { kind: 'email', id: 'pledge-1', platform: 'email', language: 'en', timeZone: 'Africa/Nairobi', followers: 1 };
const delivery = (target: DeliveryTarget = emailTarget) => newDelivery(message, target, T0.toISOString());

describe('the email channel: a pledger', () => {
  it('is sent the message with their unsubscribe link, tagged with the delivery', async () => {
    const { channel: email, sent } = channel();
    expect(await email.send(delivery())).toEqual({ id: 'ses-1' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.clientRef).toBe('bh-msg-1-pledge-1');
    expect(sent[0]!.email).toMatchObject({ to: 'grace@example.org', unsubscribeUrl: 'https://blueheart.example.org/api/pledges/unsubscribe?token=unsubscribe.pledge-1' });
  });

  it('is skipped, and nothing sent, once they unsubscribed, erased their data or their pledge stopped counting', async () => {
    for (const [changed, why] of [
      [pledge({ wantsUpdates: false, unsubscribedAt: T0.toISOString() }), 'no longer subscribed'],
      [pledge({ email: undefined, name: undefined, wantsUpdates: false, erasedAt: T0.toISOString() }), 'the pledger erased their data'],
      [pledge({ review: 'invalidated', counted: false }), 'the pledge no longer counts'],
    ] as const) {
      const { channel: email, sent } = channel({ pledges: [changed] });
      expect(await email.send(delivery())).toEqual({ skipped: why });
      expect(sent).toEqual([]);
    }
  });

  it('fails as unavailable (nothing was sent) when the pledger cannot be read, so the dispatcher retries', async () => {
    const { channel: email, sent } = channel({ pledgeRead: () => Promise.reject(new Error('ProvisionedThroughputExceededException')) });
    const error = await email.send(delivery()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocialError);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect(sent).toEqual([]);
  });
});

describe('the email channel: a share-only supporter', () => {
  it('is sent the share page with the main wording they agreed to, and their revoke link', async () => {
    const { channel: email, sent } = channel();
    const account = shareOnly();
    expect(await email.sendShareLink(delivery({ kind: 'supporter', id: account.id, platform: 'x', language: 'es', timeZone: 'Europe/Madrid', followers: 0 }), account)).toEqual({ id: 'ses-1' });
    const { email: mail } = sent[0]!;
    expect(mail.to).toBe('ana@example.org');
    expect(mail.subject).toBe('Ha llegado el momento: publica el mensaje del Día Mundial en X');
    const text = 'Today: World Day against Trafficking in Persons.\n\n#BlueHeart https://www.unodc.org/bluehearts?utm_source=x&utm_medium=social&utm_campaign=world-day-2026';
    expect(mail.text).toContain(text);
    expect(mail.text).toContain(`https://x.com/intent/post?text=${encodeURIComponent(text)}`);
    expect(mail.text).toContain('https://blueheart.example.org/api/social/accounts/revoke?token=revoke-social.acct-x');
  });

  it('fails, saying why, when the message has nothing to share on their network', async () => {
    const { channel: email, sent } = channel();
    const account = shareOnly({ platform: 'linkedin' });
    await expect(email.sendShareLink(delivery({ kind: 'supporter', id: account.id, platform: 'linkedin', language: 'es', timeZone: 'Europe/Madrid', followers: 0 }), account)).rejects.toMatchObject({
      kind: 'rejected',
      message: 'the message has no LinkedIn wording in es or English',
    });
    expect(sent).toEqual([]);
  });
});

describe('the dispatcher and a share-only supporter', () => {
  it('emails the share link once, before any network is looked up, and records it like a post', async () => {
    const store = new MemoryDeliveryStore();
    const account = shareOnly();
    const target: DeliveryTarget = { kind: 'supporter', id: account.id, platform: 'x', language: 'es', timeZone: 'Europe/Madrid', followers: 0 };
    await store.createAll([delivery(target)]);
    const asked: string[] = [];
    const xAdapter = { platform: 'x', publish: () => Promise.reject(new Error('must not post for a share-only supporter')) } as unknown as SocialNetwork;
    const { channel: email, sent } = channel();
    const deps: DispatchDeps = {
      deliveries: store,
      accounts: { get: async () => account, tokenExpired: async () => undefined },
      tokens: { seal: async (t) => t, open: async (t) => t },
      networks: (platform) => (asked.push(platform), xAdapter),
      posts: { postFor: () => Promise.reject(new Error('share-only supporters are not posted for')) },
      email,
      clock,
      newToken: () => 'claim-1',
    };
    expect(await attemptDelivery(deps, message.id, account.id)).toMatchObject({ kind: 'posted' });
    expect(await store.get(message.id, account.id)).toMatchObject({ state: 'posted', postId: 'ses-1', reach: 0, attempts: 1 });
    expect(asked).toEqual([]);
    expect(await attemptDelivery(deps, message.id, account.id)).toMatchObject({ kind: 'done' });
    expect(sent).toHaveLength(1);
  });

  it('fails with the channel’s words when the mail service refuses, and never marks the supporter’s account expired', async () => {
    const store = new MemoryDeliveryStore();
    const account = shareOnly();
    const target: DeliveryTarget = { kind: 'supporter', id: account.id, platform: 'x', language: 'es', timeZone: 'Europe/Madrid', followers: 0 };
    await store.createAll([delivery(target)]);
    const expired: string[] = [];
    const refusing = channel({ mailer: () => Promise.reject(new SocialError('auth', 'SES UnrecognizedClientException')) });
    const deps: DispatchDeps = {
      deliveries: store,
      accounts: { get: async () => account, tokenExpired: async (a) => void expired.push(a.id) },
      tokens: { seal: async (t) => t, open: async (t) => t },
      networks: () => undefined,
      posts: { postFor: () => Promise.reject(new Error('not used')) },
      email: refusing.channel,
      clock,
      newToken: () => 'claim-1',
    };
    expect(await attemptDelivery(deps, message.id, account.id)).toMatchObject({ kind: 'failed' });
    expect((await store.get(message.id, account.id))?.error).toBe('the mail service refused the platform’s credentials');
    expect(expired).toEqual([]);
  });
});
