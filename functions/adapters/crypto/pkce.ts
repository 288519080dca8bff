import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) with the S256 method: the verifier is 32 random bytes in base64url (43
 * characters of the unreserved set, §4.1: at least 256 bits of entropy), and the challenge is
 * BASE64URL(SHA256(ASCII(verifier))) (§4.2). Instances and our stand-ins check with
 * `pkceChallenge` the same way.
 */
export const pkceChallenge = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}
