import { describe, expect, it } from 'vitest';
import { HmacTokenSigner } from '../../../functions/adapters/crypto/signed-tokens.js';
import { deriveKeys } from '../../../functions/adapters/crypto/keys.js';

const signer = new HmacTokenSigner(deriveKeys('a-test-secret-of-at-least-32-characters!!').tokens);
const now = new Date('2026-07-30T10:00:00Z');

describe('signed links', () => {
  it('round-trips a subject for its purpose', () => {
    expect(signer.verify('confirm', signer.sign('confirm', 'pledge-1', now, 60), now)).toBe('pledge-1');
  });

  it('refuses a token signed for another purpose', () => {
    expect(() => signer.verify('erase', signer.sign('unsubscribe', 'pledge-1', now), now)).toThrow(expect.objectContaining({ code: 'invalid_token' }));
  });

  it('refuses a token after its expiry, with its own code', () => {
    const token = signer.sign('confirm', 'pledge-1', now, 60);
    expect(() => signer.verify('confirm', token, new Date(now.getTime() + 61_000))).toThrow(expect.objectContaining({ code: 'expired_token' }));
  });

  it('refuses a token with a changed subject', () => {
    const [body, signature] = signer.sign('confirm', 'pledge-1', now).split('.');
    const tampered = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('pledge-1', 'pledge-2')).toString('base64url');
    expect(() => signer.verify('confirm', `${tampered}.${signature}`, now)).toThrow(expect.objectContaining({ code: 'invalid_token' }));
  });

  it('refuses a token signed with another secret', () => {
    const other = new HmacTokenSigner(deriveKeys('another-secret-of-at-least-32-characters').tokens);
    expect(() => signer.verify('confirm', other.sign('confirm', 'pledge-1', now), now)).toThrow(expect.objectContaining({ code: 'invalid_token' }));
  });

  it.each(['', 'abc', 'a.b.c', '..', 'bm90LWpzb24.AAAA'])('refuses garbage %j', (token) => {
    expect(() => signer.verify('confirm', token, now)).toThrow(expect.objectContaining({ code: 'invalid_token' }));
  });
});
