import { describe, expect, it } from 'vitest';
import { deriveKeys } from '../../../functions/adapters/crypto/keys.js';
import { HmacTokenSigner } from '../../../functions/adapters/crypto/signed-tokens.js';
import { readState, returnPageOf, signState, type ConnectChoices } from '../../../functions/domain/social/mastodon-connect/connect-state.js';

const signer = new HmacTokenSigner(deriveKeys('a-test-secret-of-at-least-32-characters!!').tokens);
const otherSigner = new HmacTokenSigner(deriveKeys('another-secret-of-at-least-32-characters!').tokens);
const NOW = new Date('2026-07-01T10:00:00Z');
const TTL = 15 * 60;
const choices: ConnectChoices = {
  flowId: '5b0f3c1e-0d6a-4f7e-9a51-3f8a2c1d9e10',
  campaignYear: 2026,
  language: 'ar',
  timeZone: 'Africa/Cairo',
  host: 'mastodon.social',
  messageId: 'msg-1',
  messageVersion: 3,
};
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('the state of a Mastodon connection', () => {
  it('carries the supporter’s choices, signed, and the page to return to in front', () => {
    const state = signState(signer, choices, NOW, TTL);
    expect(state).toMatch(/^2026-ar~[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(readState(signer, state, later(TTL - 1))).toEqual({ ok: true, choices });
    // Characters that survive a URL query unescaped, and no email in it.
    expect(encodeURIComponent(state)).toBe(state);
  });

  it('expires: past its life it says so, and still knows the page to return to', () => {
    const state = signState(signer, choices, NOW, TTL);
    expect(readState(signer, state, later(TTL + 1))).toEqual({ ok: false, reason: 'expired', back: { campaignYear: 2026, language: 'ar' } });
  });

  it('refuses a forged or altered state (another key, a changed byte, another purpose)', () => {
    const state = signState(signer, choices, NOW, TTL);
    const back = { campaignYear: 2026, language: 'ar' };
    expect(readState(signer, signState(otherSigner, choices, NOW, TTL), NOW)).toEqual({ ok: false, reason: 'invalid', back });
    const [front, signed] = state.split('~') as [string, string];
    const [body, mac] = signed.split('.') as [string, string];
    const altered = Buffer.from(body, 'base64url').toString('utf8').replace('mastodon.social', 'evil.example');
    expect(readState(signer, `${front}~${Buffer.from(altered).toString('base64url')}.${mac}`, NOW)).toEqual({ ok: false, reason: 'invalid', back });
    const revokeToken = signer.sign('revoke-social', JSON.stringify({ f: 'x' }), NOW);
    expect(readState(signer, `2026-ar~${revokeToken}`, NOW)).toEqual({ ok: false, reason: 'invalid', back });
    // A validly signed body that is not a set of choices.
    expect(readState(signer, `2026-ar~${signer.sign('mastodon-connect', '{"f":1}', NOW, TTL)}`, NOW)).toEqual({ ok: false, reason: 'invalid', back });
  });

  it('trusts the clear part only to choose the page: the signed choices win', () => {
    const state = signState(signer, choices, NOW, TTL).replace(/^2026-ar/, '2027-en');
    expect(readState(signer, state, NOW)).toEqual({ ok: true, choices });
  });

  it('has no page to return to when the clear part is missing or not a year and a language', () => {
    for (const state of [undefined, '', 'garbage', '2026-xx~abc.def', '1999-en~abc.def', '2026-EN~abc.def', '<script>~a.b']) {
      expect(readState(signer, state, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(returnPageOf('2026-es~anything')).toEqual({ campaignYear: 2026, language: 'es' });
  });
});
