import { describe, expect, it } from 'vitest';
import { checkLength, PLATFORM_RULES, shareLink } from '../../../functions/domain/social/platform-rules.js';

describe('platform length rules', () => {
  it('X: 280 weighted characters, a link counts 23 however long, CJK counts 2', () => {
    expect(checkLength('x', 'a'.repeat(280))).toEqual({ length: 280, limit: 280, unit: 'weighted characters', ok: true, over: 0 });
    expect(checkLength('x', 'a'.repeat(281))).toMatchObject({ length: 281, ok: false, over: 1 });

    const link = 'https://www.unodc.org/unodc/en/endht/index.html?utm_source=x&utm_medium=social&utm_campaign=world-day-2026';
    expect(checkLength('x', `Read more ${link}`).length).toBe('Read more '.length + 23);
    expect(checkLength('x', 'https://a.io').length).toBe(23);

    expect(checkLength('x', '人口販売に反対').length).toBe(14);
    expect(checkLength('x', '反'.repeat(140)).ok).toBe(true);
    expect(checkLength('x', '反'.repeat(141))).toMatchObject({ length: 282, ok: false, over: 2 });
    // Arabic and Cyrillic weigh 1.
    expect(checkLength('x', 'مرحبا').length).toBe(5);
  });

  it('Bluesky: 300 graphemes, so an emoji ZWJ sequence or a flag is one, and Arabic counts its letters', () => {
    const family = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units
    expect(checkLength('bluesky', family)).toMatchObject({ length: 1, unit: 'graphemes', ok: true });
    expect(checkLength('bluesky', '🇺🇳💙').length).toBe(2);
    expect(checkLength('bluesky', 'e\u0301').length).toBe(1); // e + combining acute
    expect(checkLength('bluesky', 'معًا ضد الاتجار بالبشر').length).toBe(21); // the tanween mark joins its letter
    expect(checkLength('bluesky', 'a'.repeat(299) + family)).toMatchObject({ length: 300, ok: true, over: 0 });
    expect(checkLength('bluesky', 'a'.repeat(300) + family)).toMatchObject({ length: 301, ok: false, over: 1 });
  });

  it('Bluesky: within 300 graphemes but over 3,000 bytes is still refused', () => {
    const check = checkLength('bluesky', '👨‍👩‍👧‍👦'.repeat(200)); // 25 bytes each
    expect(check).toMatchObject({ length: 200, ok: false, problem: 'more than 3,000 bytes of UTF-8' });
    expect(check.over).toBeLessThan(0);
  });

  it('Mastodon: 500 by default or the instance’s own, links count 23, remote mentions count their @user', () => {
    expect(checkLength('mastodon', 'a'.repeat(500))).toMatchObject({ length: 500, limit: 500, unit: 'characters', ok: true });
    expect(checkLength('mastodon', 'a'.repeat(501))).toMatchObject({ ok: false, over: 1 });
    expect(checkLength('mastodon', 'a'.repeat(501), { mastodonLimit: 5000 })).toMatchObject({ limit: 5000, ok: true });

    const link = 'https://www.unodc.org/unodc/en/human-trafficking/index.html?utm_source=mastodon';
    expect(checkLength('mastodon', `See ${link} now`).length).toBe(4 + 23 + 4);
    expect(checkLength('mastodon', 'Thanks @unodc@mastodon.social!').length).toBe('Thanks @unodc!'.length);
    expect(checkLength('mastodon', 'a'.repeat(476) + ' ' + link)).toMatchObject({ length: 500, ok: true });
    expect(checkLength('mastodon', 'a'.repeat(477) + ' ' + link)).toMatchObject({ length: 501, ok: false, over: 1 });
    // Glued to a word it is not a link to Mastodon either, so it counts in full.
    expect(checkLength('mastodon', 'a' + link).length).toBe(1 + link.length);
    expect(checkLength('mastodon', '👨‍👩‍👧‍👦').length).toBe(1);
  });

  it('LinkedIn, Threads and Facebook', () => {
    expect(checkLength('linkedin', 'a'.repeat(3000)).ok).toBe(true);
    expect(checkLength('linkedin', 'a'.repeat(3001))).toMatchObject({ ok: false, over: 1, limit: 3000 });
    expect(checkLength('facebook', 'a'.repeat(63_207))).toMatchObject({ ok: false, over: 1, limit: 63_206 });
    expect(checkLength('threads', 'a'.repeat(501))).toMatchObject({ ok: false, over: 1, limit: 500 });
    // Threads counts an emoji as its UTF-8 bytes: 💙 is 4, 🇺🇳 is 8.
    expect(checkLength('threads', 'Hi 💙🇺🇳').length).toBe(3 + 4 + 8);
  });

  it('states image limits only where sure, and who posts for supporters', () => {
    expect(PLATFORM_RULES.x.maxImages).toBe(4);
    expect(PLATFORM_RULES.linkedin.maxImages).toBeUndefined();
    expect(Object.entries(PLATFORM_RULES).filter(([, r]) => r.supporterPosting === 'api').map(([p]) => p)).toEqual(['bluesky', 'mastodon']);
  });
});

describe('share links', () => {
  const url = 'https://blueheart.example/2026?utm_source=x';
  it('pre-fills each network’s share page', () => {
    expect(shareLink('x', 'Stand #WithVictims', url)).toBe(`https://x.com/intent/post?text=Stand%20%23WithVictims%20${encodeURIComponent(url)}`);
    expect(shareLink('bluesky', `Stand ${url}`, url)).toBe(`https://bsky.app/intent/compose?text=${encodeURIComponent(`Stand ${url}`)}`);
    expect(shareLink('threads', 'Stand', url)).toMatch(/^https:\/\/www\.threads\.net\/intent\/post\?text=Stand%20https%3A/);
    expect(shareLink('facebook', 'ignored', url)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(shareLink('linkedin', 'ignored', url)).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`);
  });

  it('has none for Mastodon, nor for link-only pages without a link', () => {
    expect(shareLink('mastodon', 'Stand', url)).toBeUndefined();
    expect(shareLink('facebook', 'Stand')).toBeUndefined();
  });
});
