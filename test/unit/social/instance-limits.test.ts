import { describe, expect, it } from 'vitest';
import { chooseFittingWording, chooseWording } from '../../../functions/domain/social/choose-variant.js';
import { messageComposer } from '../../../functions/domain/social/dispatch/message-composer.js';
import { instanceOf, wordingFor } from '../../../functions/domain/social/instance-limits.js';
import { checkLength } from '../../../functions/domain/social/platform-rules.js';
import { SocialError } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount, Delivery, MessageVariant, SocialMessage } from '../../../functions/domain/social/social.js';
import { targetHealth } from '../../../functions/domain/social/target-health.js';

const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
/** 6 characters a word with its space: 60 words ≈ 360 characters, 30 ≈ 180. */
const LONG = `Long: ${words(60, 'heart')}`;
const SHORT_A = `Short A: ${words(30, 'blue')}`;
const SHORT_B = `Short B: ${words(30, 'hope')}`;
const variant: MessageVariant = { language: 'en', platform: 'mastodon', text: LONG, hashtags: ['BlueHeart'], link: 'https://www.unodc.org/bluehearts', mediaIds: [], altText: {}, alternatives: [SHORT_A, SHORT_B] };
const ids = Array.from({ length: 400 }, (_, i) => `acct-${i}`);

const account = (id: string, over: Partial<ConnectedAccount> = {}): ConnectedAccount => ({
  id, owner: 'supporter', platform: 'mastodon', handle: `@${id}@mastodon.example`, server: 'https://mastodon.example', followers: 10, language: 'en', timeZone: 'UTC', encryptedToken: 'sealed', connectedAt: '', status: 'active', ...over,
});
const compose = (wording: string) => `${wording}\n\n#BlueHeart https://www.unodc.org/bluehearts?utm_source=mastodon&utm_medium=social&utm_campaign=world-day-2026`;

describe('an approved wording that fits the account’s instance', () => {
  const fitsIn = (limit: number) => (wording: string) => checkLength('mastodon', compose(wording), { mastodonLimit: limit }).ok;

  it('is the usual wording when it fits, so nothing changes for accounts on roomy instances', () => {
    for (const id of ids) expect(chooseFittingWording(variant, id, 'supporter', fitsIn(500))).toBe(chooseWording(variant, id));
  });

  it('is the stable choice among the wordings that fit: the same every time, spread over them', () => {
    const chosen = ids.map((id) => chooseFittingWording(variant, id, 'supporter', fitsIn(300)));
    expect(new Set(chosen)).toEqual(new Set([SHORT_A, SHORT_B]));
    expect(ids.map((id) => chooseFittingWording(variant, id, 'supporter', fitsIn(300)))).toEqual(chosen);
    // Accounts whose usual wording fits keep it; the others share the fitting ones.
    for (const [i, id] of ids.entries()) if (chooseWording(variant, id) !== LONG) expect(chosen[i]).toBe(chooseWording(variant, id));
    const a = chosen.filter((w) => w === SHORT_A).length;
    expect(Math.abs(a - 200)).toBeLessThan(40);
  });

  it('gives the organisation’s account the main text when it fits, else an approved rewording', () => {
    expect(chooseFittingWording(variant, 'org-1', 'organisation', fitsIn(500))).toBe(LONG);
    expect([SHORT_A, SHORT_B]).toContain(chooseFittingWording(variant, 'org-1', 'organisation', fitsIn(300)));
  });

  it('is none when nothing fits', () => {
    expect(chooseFittingWording(variant, 'acct-1', 'supporter', fitsIn(150))).toBeUndefined();
  });

  it('counts the wording as posted, with its hashtags and tagged link (the link as 23)', () => {
    const a = account('acct-1', { maxCharacters: 300 });
    const wording = wordingFor(variant, a, compose);
    expect([SHORT_A, SHORT_B]).toContain(wording);
    expect(checkLength('mastodon', compose(wording), { mastodonLimit: 300 }).ok).toBe(true);
    // Without a known limit: the usual choice, whatever its length.
    expect(wordingFor(variant, account('acct-1'), compose)).toBe(chooseWording(variant, 'acct-1'));
  });

  it('fails with the instance and its limit when no approved wording fits', () => {
    const error = (() => {
      try {
        wordingFor(variant, account('acct-1', { maxCharacters: 150 }), compose);
      } catch (caught) {
        return caught;
      }
    })() as SocialError;
    expect(error).toBeInstanceOf(SocialError);
    expect(error.kind).toBe('rejected');
    expect(error.message).toBe("no approved wording fits mastodon.example's 150 characters");
  });

  it('names the instance by its server, else by the handle’s domain', () => {
    expect(instanceOf({ server: 'https://social.example.org/', handle: '@ana@example.org' })).toBe('social.example.org');
    expect(instanceOf({ handle: '@ana@Mastodon.Example' })).toBe('mastodon.example');
    expect(instanceOf({ handle: 'ana.bsky.social' })).toBeUndefined();
  });
});

describe('the composer at the moment', () => {
  const message: SocialMessage = { id: 'msg-1', campaignYear: 2026, title: 'World Day', variants: [variant], status: 'sending', createdBy: 'm', createdAt: '', version: 3 };
  const delivery = (id: string): Delivery => ({
    messageId: 'msg-1', target: { kind: 'supporter', id, platform: 'mastodon', language: 'en', timeZone: 'UTC', followers: 10 }, dueAt: '', state: 'claimed', attempts: 1, clientRef: `msg-1:${id}`,
  });
  const posts = messageComposer({ message: async () => message });

  it('posts a rewording that fits a 300-character instance, the same one on every attempt', async () => {
    const long = ids.find((id) => chooseWording(variant, id) === LONG)!;
    const first = await posts.postFor(delivery(long), account(long, { maxCharacters: 300 }));
    expect(first.text.startsWith('Short ')).toBe(true);
    expect(checkLength('mastodon', first.text, { mastodonLimit: 300 }).ok).toBe(true);
    expect((await posts.postFor(delivery(long), account(long, { maxCharacters: 300 }))).text).toBe(first.text);
    // The same account on a default instance posts its usual (long) wording.
    expect((await posts.postFor(delivery(long), account(long))).text.startsWith('Long: ')).toBe(true);
  });

  it('refuses to post when none fits, saying why', async () => {
    await expect(posts.postFor(delivery('acct-1'), account('acct-1', { maxCharacters: 120 }))).rejects.toMatchObject({
      kind: 'rejected',
      message: "no approved wording fits mastodon.example's 120 characters",
    });
  });
});

describe('target health: Mastodon instances by their post length', () => {
  it('counts active Mastodon accounts per instance and limit, shortest first, without handles', async () => {
    const accounts = [
      account('a', { maxCharacters: 300 }),
      account('b', { maxCharacters: 300 }),
      account('c', { maxCharacters: 300, status: 'expired' }),
      account('d', { server: 'https://small.example', maxCharacters: 400 }),
      account('e', { server: 'https://big.example', maxCharacters: 5_000 }),
      account('f'),
      account('g', { platform: 'bluesky', server: undefined, handle: 'g.bsky.social', maxCharacters: 100 }),
    ];
    const health = await targetHealth({ targetsOf: async function* () { yield accounts; } }, 2026);
    expect(health.mastodonLimits).toEqual([
      { instance: 'mastodon.example', maxCharacters: 300, accounts: 2 },
      { instance: 'small.example', maxCharacters: 400, accounts: 1 },
      { instance: 'big.example', maxCharacters: 5_000, accounts: 1 },
    ]);
    expect(JSON.stringify(health.mastodonLimits)).not.toContain('@');
  });
});
