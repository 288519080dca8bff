import { describe, expect, it } from 'vitest';
import { base64Url, randomVerifier, s256Challenge } from '../../../web/console/pkce.js';
import { s256 } from '../../../functions/dev/local-sign-in.js';

describe("the console's PKCE", () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character URL-safe verifiers, each new', () => {
    const verifiers = new Set(Array.from({ length: 50 }, randomVerifier));
    expect(verifiers.size).toBe(50);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('agrees with the sign-in service on every challenge', async () => {
    for (const verifier of [randomVerifier(), randomVerifier()]) expect(await s256Challenge(verifier)).toBe(s256(verifier));
    expect(base64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });
});
