import { describe, expect, it } from 'vitest';
import type { MessageVariant } from '../../../functions/domain/social/social.js';
import {
  describeExpiredAccount, describeOrganisationExpiry, describeShareOnly, describeSupporterExpiry, instanceLimitNote, lowerLimits, platformHealthRows, supportersAsked,
  type TargetHealth,
} from '../../../web/console/messages-targets-rules.js';

const health = (over: Partial<TargetHealth> = {}): TargetHealth => ({
  campaignYear: 2026,
  active: { accounts: 0, followers: 0 },
  expired: { accounts: 0, followers: 0, asked: 0 },
  organisation: { active: 0, expired: 0 },
  supporters: { active: 0, expired: 0, shareOnly: 0 },
  byPlatform: {},
  expiredOrganisationAccounts: [],
  mastodonLimits: [],
  ...over,
});
const utc = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

describe("the console's account health before a message's moment (web/console)", () => {
  it('counts the supporters’ expired accounts and how many owners were asked, without the organisation’s', () => {
    const h = health({
      expired: { accounts: 4, followers: 900, asked: 3 },
      supporters: { active: 10, expired: 3, shareOnly: 0 },
      organisation: { active: 1, expired: 1 },
      expiredOrganisationAccounts: [{ id: 'org-1', platform: 'mastodon', handle: '@blueheart@mastodon.social', expiredAt: '2026-07-01T10:00:00.000Z', reconnectAskedAt: '2026-07-01T10:05:00.000Z' }],
    });
    expect(supportersAsked(h)).toBe(2);
    expect(describeSupporterExpiry(h)).toBe("3 supporters' accounts expired (2 asked to reconnect): they post nothing until their owners connect them again.");
    expect(describeSupporterExpiry(health({ supporters: { active: 1, expired: 1, shareOnly: 0 }, expired: { accounts: 1, followers: 5, asked: 0 } }))).toBe(
      "1 supporter's account expired (0 asked to reconnect): it posts nothing until its owner connects it again.",
    );
    expect(describeSupporterExpiry(health())).toBe('No supporter’s account has expired.');
  });

  it('says what share-only supporters get, only when there are some', () => {
    expect(describeShareOnly(health())).toBeUndefined();
    expect(describeShareOnly(health({ supporters: { active: 2_000, expired: 0, shareOnly: 1_200 } }))).toBe(
      '1,200 supporters are on a network that does not let us post for them: at the moment each gets a ready-to-post link by email instead.',
    );
  });

  it('lists platforms in their order with the accounts that will post and those expired', () => {
    expect(platformHealthRows(health({ byPlatform: { bluesky: { active: 1_500, expired: 2 }, mastodon: { active: 3, expired: 0 } } }))).toEqual([
      { label: 'Mastodon', active: '3', expired: '0' },
      { label: 'Bluesky', active: '1,500', expired: '2' },
    ]);
  });

  it('names the organisation’s expired accounts, when the network refused them and when managers were asked', () => {
    expect(describeOrganisationExpiry(health())).toBe('The organisation has no connected accounts.');
    expect(describeOrganisationExpiry(health({ organisation: { active: 2, expired: 0 } }))).toBe('None of the organisation’s accounts has expired.');
    expect(describeOrganisationExpiry(health({ organisation: { active: 1, expired: 1 } }))).toBe("1 of the organisation's accounts has expired: it posts nothing until a manager reconnects it.");
    expect(describeOrganisationExpiry(health({ organisation: { active: 0, expired: 2 } }))).toBe("2 of the organisation's accounts have expired: they post nothing until a manager reconnects them.");
    expect(describeExpiredAccount({ id: 'a', platform: 'mastodon', handle: '@blueheart@mastodon.social', expiredAt: '2026-07-01T10:00:00.000Z', reconnectAskedAt: '2026-07-01T10:05:00.000Z' }, utc)).toBe(
      '@blueheart@mastodon.social on Mastodon · refused 2026-07-01 10:00 UTC · managers asked 2026-07-01 10:05 UTC',
    );
    expect(describeExpiredAccount({ id: 'b', platform: 'bluesky', handle: 'blueheart.bsky.social' }, utc)).toBe('blueheart.bsky.social on Bluesky');
  });
});

describe("the Mastodon counter and the instances' own limits (web/console)", () => {
  const words = (n: number) => Array.from({ length: n }, () => 'heart').join(' ');
  const mastodon = (text: string, alternatives: string[] = []): MessageVariant => ({
    language: 'en', platform: 'mastodon', text, hashtags: ['BlueHeart'], link: 'https://www.unodc.org/bluehearts', mediaIds: [], altText: {}, alternatives,
  });
  const limits = [
    { instance: 'mastodon.example', maxCharacters: 300, accounts: 2 },
    { instance: 'small.example', maxCharacters: 400, accounts: 1 },
    { instance: 'mastodon.social', maxCharacters: 500, accounts: 40 },
    { instance: 'big.example', maxCharacters: 5_000, accounts: 3 },
  ];

  it('keeps only the instances below Mastodon’s default', () => {
    expect(lowerLimits(limits).map((limit) => limit.instance)).toEqual(['mastodon.example', 'small.example']);
  });

  it('asks for a shorter rewording when no approved wording fits a smaller instance, as posted', () => {
    // 70 words ≈ 420 characters: over both smaller limits once the hashtag and link are added.
    expect(instanceLimitNote(mastodon(words(70)), 2026, limits)).toEqual({
      text: '3 accounts are on instances with a lower limit: mastodon.example 300 (2), small.example 400 (1); write a shorter approved rewording for them.',
      short: true,
    });
    // A 55-word rewording (≈ 330 + hashtag and link) fits 400, not 300.
    expect(instanceLimitNote(mastodon(words(70), [words(55)]), 2026, limits)?.text).toBe(
      '3 accounts are on instances with a lower limit: mastodon.example 300 (2), small.example 400 (1); write a shorter approved rewording for those on mastodon.example.',
    );
  });

  it('says those accounts post a wording that fits once one does, and nothing when none are on smaller instances', () => {
    expect(instanceLimitNote(mastodon(words(70), [words(20)]), 2026, limits)).toEqual({
      text: '3 accounts are on instances with a lower limit: mastodon.example 300 (2), small.example 400 (1); each posts an approved wording that fits.',
      short: false,
    });
    expect(instanceLimitNote(mastodon(words(10)), 2026, [{ instance: 'tiny.example', maxCharacters: 200, accounts: 1 }])?.text).toBe(
      '1 account is on an instance with a lower limit: tiny.example 200 (1); each posts an approved wording that fits.',
    );
    expect(instanceLimitNote(mastodon(words(70)), 2026, limits.slice(2))).toBeUndefined();
    expect(instanceLimitNote({ ...mastodon(words(70)), platform: 'bluesky' }, 2026, limits)).toBeUndefined();
  });
});
