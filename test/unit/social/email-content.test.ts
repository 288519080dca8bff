import { describe, expect, it } from 'vitest';
import type { Language } from '../../../functions/domain/shared/languages.js';
import { shareLinkEmail } from '../../../functions/domain/social/share-link-emails.js';
import type { MessageVariant, SocialMessage } from '../../../functions/domain/social/social.js';
import { EMAIL_VARIANT_ORDER, emailVariant, updateEmail } from '../../../functions/domain/social/update-emails.js';

const variant = (language: Language, platform: MessageVariant['platform'], text: string, overrides: Partial<MessageVariant> = {}): MessageVariant => ({
  language,
  platform,
  text,
  hashtags: ['EndHumanTrafficking', 'BlueHeart'],
  link: 'https://www.unodc.org/bluehearts?from=kit',
  mediaIds: [],
  altText: {},
  alternatives: [],
  ...overrides,
});

const message: Pick<SocialMessage, 'campaignYear' | 'variants'> = {
  campaignYear: 2026,
  variants: [
    variant('en', 'x', 'Short: wear the Blue Heart.'),
    variant('en', 'facebook', 'Today is World Day against Trafficking in Persons. Victims are <hidden> in plain sight & need us: wear the Blue Heart. #BlueHeart'),
    variant('en', 'mastodon', 'Today is World Day. Wear the Blue Heart.'),
    variant('ar', 'mastodon', 'اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص. ارتدِ القلب الأزرق.', { link: undefined }),
    variant('ar', 'x', 'ارتدِ القلب الأزرق.'),
  ],
};

const input = (language: Language) => ({
  to: 'pledger@example.org',
  language,
  message,
  campaignUrl: `https://blueheart.example.org/${language}/campaigns/2026/`,
  unsubscribeUrl: 'https://blueheart.example.org/api/pledges/unsubscribe?token=abc.def',
});

describe('the email a pledger gets at the moment', () => {
  it('takes the wording of the platform allowing the longest post, in the pledger’s language, else English', () => {
    expect(EMAIL_VARIANT_ORDER).toEqual(['facebook', 'linkedin', 'mastodon', 'threads', 'bluesky', 'x']);
    expect(emailVariant(message, 'en')?.platform).toBe('facebook');
    expect(emailVariant(message, 'ar')).toMatchObject({ language: 'ar', platform: 'mastodon' });
    expect(emailVariant(message, 'ru')).toMatchObject({ language: 'en', platform: 'facebook' });
    expect(emailVariant({ variants: [variant('zh', 'x', '蓝心')] }, 'pt')).toBeUndefined();
    expect(updateEmail({ ...input('pt'), message: { campaignYear: 2026, variants: [variant('zh', 'x', '蓝心')] } })).toBeUndefined();
  });

  it('says the message, the campaign link tagged as from email, and the unsubscribe link (also as List-Unsubscribe)', () => {
    const email = updateEmail(input('en'))!;
    expect(email).toMatchObject({ to: 'pledger@example.org', language: 'en', subject: 'Blue Heart: our message for World Day 2026', unsubscribeUrl: input('en').unsubscribeUrl });
    const link = 'https://www.unodc.org/bluehearts?from=kit&utm_source=email&utm_medium=email&utm_campaign=world-day-2026';
    expect(email.text).toContain('Victims are <hidden> in plain sight & need us');
    // The hashtag the wording lacks is added once; the one it has is not repeated.
    expect(email.text).toContain('#BlueHeart\n\n#EndHumanTrafficking\n');
    expect(email.text.match(/#BlueHeart/g)).toHaveLength(1);
    expect(email.text).toContain(`Read more and share: ${link}`);
    expect(email.text).toContain(`Stop emails: ${input('en').unsubscribeUrl}`);
    expect(email.html).toContain('Victims are &#60;hidden&#62; in plain sight &#38; need us');
    expect(email.html).not.toContain('<hidden>');
    expect(email.html).toContain(`href="${link.replace(/&/g, '&#38;')}"`);
    expect(email.html).toContain('href="https://blueheart.example.org/api/pledges/unsubscribe?token=abc.def"');
    expect(email.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
  });

  it('is written right to left in Arabic, and links the campaign page when the variant has no link', () => {
    const email = updateEmail(input('ar'))!;
    expect(email.subject).toBe('القلب الأزرق: رسالتنا في اليوم العالمي 2026');
    expect(email.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(email.html).toContain('<blockquote lang="ar" dir="rtl"');
    expect(email.text).toContain('اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص');
    expect(email.text).toContain('https://blueheart.example.org/ar/campaigns/2026/?utm_source=email&utm_medium=email&utm_campaign=world-day-2026');
    expect(email.text).toContain(`إيقاف الرسائل: ${input('ar').unsubscribeUrl}`);
  });

  it('keeps the pledger’s language for its own words when the message falls back to English', () => {
    const email = updateEmail(input('ru'))!;
    expect(email.subject).toContain('Голубое сердце');
    expect(email.html).toMatch(/<html lang="ru" dir="ltr">/);
    expect(email.html).toContain('<blockquote lang="en" dir="ltr"');
    expect(email.text).toContain('Today is World Day against Trafficking in Persons');
  });
});

describe('the share link a share-only supporter gets at the moment', () => {
  const shareUrl = 'https://x.com/intent/post?text=Today%3A%20World%20Day&via=x';
  const base = {
    to: 'ana@example.org',
    campaignYear: 2026,
    text: 'Today: World Day against Trafficking in Persons. #BlueHeart <3',
    textLanguage: 'en' as const,
    shareUrl,
    revokeUrl: 'https://blueheart.example.org/api/social/accounts/revoke?token=r.t',
  };

  it('opens the network with the post ready, quotes the exact text, and carries the revoke link', () => {
    const email = shareLinkEmail({ ...base, language: 'en', platform: 'x' });
    expect(email.subject).toBe('It’s time: post the World Day message on X');
    expect(email.text).toContain('X opens with this message ready');
    expect(email.text).toContain(base.text);
    expect(email.text).toContain(`Post on X: ${shareUrl}`);
    expect(email.text).toContain(base.revokeUrl);
    expect(email.html).toContain(`href="${shareUrl.replace(/&/g, '&#38;')}"`);
    expect(email.html).toContain('#BlueHeart &#60;3');
    expect(email.html).toContain(`href="${base.revokeUrl}"`);
    expect(email.unsubscribeUrl).toBeUndefined();
  });

  it('asks to copy the text where the share page takes only a link, and is right to left in Arabic', () => {
    const facebook = shareLinkEmail({ ...base, language: 'en', platform: 'facebook', shareUrl: 'https://www.facebook.com/sharer/sharer.php?u=x' });
    expect(facebook.text).toContain('share the campaign on Facebook, and copy this message into your post');
    const arabic = shareLinkEmail({ ...base, language: 'ar', platform: 'linkedin', shareUrl: 'https://www.linkedin.com/sharing/share-offsite/?url=x' });
    expect(arabic.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(arabic.html).toContain('<blockquote lang="en" dir="ltr"');
    expect(arabic.subject).toBe('حان الوقت: انشر رسالة اليوم العالمي على LinkedIn');
    expect(arabic.text).toContain('انسخ هذه الرسالة');
  });
});
