import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { forEachConcurrently } from '../../../functions/domain/shared/concurrency.js';
import { organisationReconnectEmail, reconnectEmail } from '../../../functions/domain/social/reconnect-emails.js';

const input = (language: (typeof LANGUAGES)[number]) => ({
  to: 'ana@example.org',
  language,
  campaignYear: 2026,
  platform: 'mastodon' as const,
  handle: '@ana@mastodon.social',
  lendUrl: `https://blueheart.example.org/${language}/campaigns/2026/lend-your-voice/`,
  revokeUrl: 'https://blueheart.example.org/api/social/accounts/revoke?token=abc.def',
});

describe('the reconnect email', () => {
  it('is written in each of the seven languages, names the network, the account and the year, and carries both links', () => {
    const subjects = new Set<string>();
    for (const language of LANGUAGES) {
      const email = reconnectEmail(input(language));
      subjects.add(email.subject);
      expect(email).toMatchObject({ to: 'ana@example.org', language });
      expect(email.subject).toContain('2026');
      for (const part of [email.text, email.html]) {
        expect(part).toContain('Mastodon');
        expect(part).toContain('@ana@mastodon.social');
        expect(part).toContain(`/${language}/campaigns/2026/lend-your-voice/`);
        expect(part).toContain('/api/social/accounts/revoke?token=abc.def');
      }
      expect(email.html).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
    }
    expect(subjects.size).toBe(LANGUAGES.length);
    expect(reconnectEmail(input('es')).subject).toBe('Vuelve a conectar tu cuenta para el Día Mundial 2026');
    expect(reconnectEmail(input('ar')).text).toContain('أعد ربط حسابك');
  });

  it('escapes what it did not write', () => {
    const email = reconnectEmail({ ...input('en'), handle: '<b>ana</b>', revokeUrl: 'https://x.example/?a=1&b="2"' });
    expect(email.html).not.toContain('<b>ana</b>');
    expect(email.html).toContain('&#60;b&#62;ana&#60;/b&#62;');
    expect(email.html).toContain('href="https://x.example/?a=1&#38;b=&#34;2&#34;"');
  });

  it("tells the managers, in English, which of the organisation's accounts to connect again, and where", () => {
    const email = organisationReconnectEmail({ to: 'managers@example.org', platform: 'linkedin', handle: 'UNODC', consoleUrl: 'https://blueheart.example.org/console/#messages' });
    expect(email).toMatchObject({ to: 'managers@example.org', language: 'en', subject: "Reconnect the organisation's LinkedIn account UNODC" });
    expect(email.text).toContain('https://blueheart.example.org/console/#messages');
  });
});

describe('forEachConcurrently', () => {
  it('takes every item of an async iterable once, at most `limit` at a time', async () => {
    async function* pages() {
      for (let i = 0; i < 20; i++) yield i;
    }
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    await forEachConcurrently(pages(), 4, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1 + (item % 3)));
      seen.push(item);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(most).toBe(4);
  });

  it('stops taking items after an error and throws it once the items in flight have settled', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = forEachConcurrently([1, 2, 3, 4, 5, 6, 7, 8], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 2 ? 1 : 10));
      settled++;
      if (item === 2) throw new Error('DynamoDB is unreachable');
    });
    await expect(run).rejects.toThrow('DynamoDB is unreachable');
    // Item 1 was in flight when item 2 failed: it finishes, and nothing else starts.
    expect(started).toEqual([1, 2]);
    expect(settled).toBe(2);
  });
});
