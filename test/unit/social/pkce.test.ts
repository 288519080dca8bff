import { describe, expect, it } from 'vitest';
import { newPkcePair, pkceChallenge } from '../../../functions/adapters/crypto/pkce.js';

describe('PKCE (RFC 7636, S256)', () => {
  it('computes the challenge of RFC 7636 Appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes fresh 43-character verifiers of the unreserved set, each with its challenge', () => {
    const pairs = Array.from({ length: 200 }, () => newPkcePair());
    for (const { verifier, challenge } of pairs) {
      // §4.1: 43 to 128 of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"
      expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43}$/);
      expect(challenge).toBe(pkceChallenge(verifier));
      expect(challenge).not.toBe(verifier);
    }
    expect(new Set(pairs.map((pair) => pair.verifier)).size).toBe(pairs.length);
  });
});
