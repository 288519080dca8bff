import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { TokenBox } from '../../domain/social/ports.js';

/**
 * The key that seals social-network credentials with `npm start` (and wherever KMS is not
 * used), derived from the one application secret like the others in `keys.ts` (HKDF-SHA256,
 * same salt, its own `info`), so a leaked signing key says nothing about sealed tokens.
 * `keys.ts` could carry it as `socialTokens: derive(appSecret, 'social-token-box/v1')`.
 */
export const deriveTokenBoxKey = (appSecret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', appSecret, 'blue-heart-platform', 'social-token-box/v1', 32));

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed token that cannot be opened: wrong key, altered, truncated, or not ours. */
export class SealedTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedTokenError';
  }
}

/**
 * AES-256-GCM with a random 96-bit nonce per seal: `v1.<nonce>.<ciphertext ‖ tag>`, both
 * base64url. The optional associated data (e.g. the account id) is authenticated but not
 * stored, so a sealed token copied onto another account does not open. With random nonces one
 * key seals at most ~2³² tokens before the nonce-collision risk matters (NIST SP 800-38D §8.3):
 * far beyond any campaign. The version prefix leaves room for a new key or algorithm.
 */
export class LocalTokenBox implements TokenBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('LocalTokenBox needs a 32-byte key');
    this.key = Buffer.from(key);
  }

  static fromAppSecret(appSecret: string): LocalTokenBox {
    return new LocalTokenBox(deriveTokenBoxKey(appSecret));
  }

  async seal(plaintext: string, associatedData?: string): Promise<string> {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${nonce.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  async open(sealed: string, associatedData?: string): Promise<string> {
    const [version, nonceText, bodyText, extra] = sealed.split('.');
    if (version !== VERSION || !nonceText || bodyText === undefined || extra !== undefined) {
      throw new SealedTokenError('not a v1 sealed token');
    }
    const nonce = Buffer.from(nonceText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw new SealedTokenError('sealed token is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      // GCM says only "unable to authenticate": the key, the data or the associated data differ.
      throw new SealedTokenError('sealed token does not open with this key (altered, or sealed with another key or for another account)');
    }
  }
}
