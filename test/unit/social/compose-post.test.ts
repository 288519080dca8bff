import { describe, expect, it } from 'vitest';
import { campaignTagOf, composePost, tagLink } from '../../../functions/domain/social/compose-post.js';
import type { MessageVariant } from '../../../functions/domain/social/social.js';

const variant: MessageVariant = {
  language: 'en',
  platform: 'mastodon',
  text: 'Human trafficking hides in plain sight. Learn the signs.',
  hashtags: ['EndHumanTrafficking', '#BlueHeart'],
  link: 'https://www.unodc.org/blueheart/?lang=en#signs',
  mediaIds: [],
  altText: {},
  alternatives: ['Trafficking hides in plain sight: learn the signs.'],
};
const options = { campaignTag: 'world-day-2026', source: 'mastodon' };

describe('composePost', () => {
  it('appends the hashtags and the campaign link with its utm tags after a blank line', () => {
    expect(composePost(variant, options)).toBe(
      'Human trafficking hides in plain sight. Learn the signs.\n\n#EndHumanTrafficking #BlueHeart ' +
        'https://www.unodc.org/blueheart/?lang=en&utm_source=mastodon&utm_medium=social&utm_campaign=world-day-2026#signs',
    );
  });

  it('posts an alternative wording when given one', () => {
    expect(composePost(variant, { ...options, text: variant.alternatives[0] })).toMatch(/^Trafficking hides in plain sight: learn the signs\.\n\n#End/);
  });

  it('adds each hashtag once, and none the text already has (whatever its case)', () => {
    const text = composePost({ ...variant, text: 'Wear the #blueheart today.', hashtags: ['BlueHeart', 'EndHumanTrafficking', 'endhumantrafficking', '', '# '] , link: undefined }, options);
    expect(text).toBe('Wear the #blueheart today.\n\n#EndHumanTrafficking');
    // A longer tag in the text is not the same tag.
    expect(composePost({ ...variant, text: 'Go #BlueHeartDay', hashtags: ['BlueHeart'], link: undefined }, options)).toBe('Go #BlueHeartDay\n\n#BlueHeart');
  });

  it('works for hashtags in other scripts', () => {
    expect(composePost({ ...variant, text: 'معًا #القلب_الأزرق', hashtags: ['القلب_الأزرق', 'لا_للاتجار'], link: undefined }, options)).toBe('معًا #القلب_الأزرق\n\n#لا_للاتجار');
  });

  it('tags a link the wording spells out in place rather than adding a second one', () => {
    const text = composePost({ ...variant, text: `Learn the signs: ${variant.link} today`, hashtags: [] }, options);
    expect(text).toBe('Learn the signs: https://www.unodc.org/blueheart/?lang=en&utm_source=mastodon&utm_medium=social&utm_campaign=world-day-2026#signs today');
  });

  it('is just the text when there are no hashtags and no link', () => {
    expect(composePost({ text: '  Hello  ', hashtags: [], link: undefined }, options)).toBe('Hello');
  });

  it('is deterministic', () => {
    expect(composePost(variant, options)).toBe(composePost(structuredClone(variant), { ...options }));
  });
});

describe('tagLink', () => {
  it('keeps other parameters as written and never repeats a utm tag', () => {
    const once = tagLink('https://example.org/p?q=a%20b&x=1+2', { source: 'x', campaign: 'world-day-2026' });
    expect(once).toBe('https://example.org/p?q=a%20b&x=1+2&utm_source=x&utm_medium=social&utm_campaign=world-day-2026');
    expect(tagLink(once, { source: 'x', campaign: 'world-day-2026' })).toBe(once);
    expect(tagLink('https://example.org/?utm_source=newsletter&id=7', { source: 'bluesky', campaign: 'c' })).toBe(
      'https://example.org/?id=7&utm_source=bluesky&utm_medium=social&utm_campaign=c',
    );
  });

  it('tags a link without a query, and encodes the values', () => {
    expect(tagLink('https://example.org', { source: 'email', campaign: 'día 30', medium: 'email' })).toBe(
      'https://example.org?utm_source=email&utm_medium=email&utm_campaign=d%C3%ADa%2030',
    );
  });

  it('names the campaign by its year', () => {
    expect(campaignTagOf({ campaignYear: 2026 })).toBe('world-day-2026');
  });
});
