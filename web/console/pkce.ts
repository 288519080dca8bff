/**
 * PKCE (RFC 7636) for the console's sign-in, with the Web Crypto API only (browsers, and Node
 * for the unit test): a random verifier, and its S256 challenge BASE64URL(SHA-256(verifier)).
 */
export const base64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** 32 random bytes: a 43-character verifier (the RFC's minimum length, 256 bits of entropy). */
export const randomVerifier = (): string => base64Url(crypto.getRandomValues(new Uint8Array(32)));

export async function s256Challenge(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
