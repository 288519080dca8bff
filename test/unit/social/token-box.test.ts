import { describe, expect, it } from 'vitest';
import { deriveKeys } from '../../../functions/adapters/crypto/keys.js';
import { LocalTokenBox, SealedTokenError, deriveTokenBoxKey } from '../../../functions/adapters/crypto/token-box.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const box = LocalTokenBox.fromAppSecret(SECRET);
const TOKEN = 'ZA2x-app-password-or-oauth-token_é💙';

/** Flips one bit of one part of a sealed token (0 = version, 1 = nonce, 2 = ciphertext and tag). */
function flip(sealed: string, part: 1 | 2, byte: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[byte] = bytes[byte]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('LocalTokenBox (AES-256-GCM)', () => {
  it('round-trips a token, and seals in the versioned format v1.<nonce>.<ciphertext+tag>', async () => {
    const sealed = await box.seal(TOKEN);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    const [, nonce, body] = sealed.split('.');
    expect(Buffer.from(nonce!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(body!, 'base64url')).toHaveLength(Buffer.byteLength(TOKEN) + 16);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString('base64url').slice(0, 8));
    expect(await box.open(sealed)).toBe(TOKEN);
  });

  it('uses a fresh nonce every time: sealing the same token twice gives different boxes', async () => {
    const seals = await Promise.all(Array.from({ length: 50 }, () => box.seal(TOKEN)));
    expect(new Set(seals).size).toBe(50);
    expect(new Set(seals.map((sealed) => sealed.split('.')[1])).size).toBe(50);
    for (const sealed of seals) expect(await box.open(sealed)).toBe(TOKEN);
  });

  it('round-trips the empty string and a long token', async () => {
    expect(await box.open(await box.seal(''))).toBe('');
    const long = 'x'.repeat(10_000);
    expect(await box.open(await box.seal(long))).toBe(long);
  });

  it('detects tampering with the ciphertext, the tag or the nonce', async () => {
    const sealed = await box.seal(TOKEN);
    const bodyLength = Buffer.from(sealed.split('.')[2]!, 'base64url').length;
    for (const tampered of [flip(sealed, 2, 0), flip(sealed, 2, bodyLength - 1), flip(sealed, 1, 5)]) {
      await expect(box.open(tampered)).rejects.toBeInstanceOf(SealedTokenError);
    }
  });

  it('refuses a truncated box, another version, and things that are not boxes', async () => {
    const sealed = await box.seal(TOKEN);
    const [, nonce, body] = sealed.split('.');
    const shortBody = Buffer.from(body!, 'base64url').subarray(0, 10).toString('base64url');
    for (const bad of [`v1.${nonce}.${shortBody}`, `v1.${nonce}.`, `v2.${nonce}.${body}`, `v1.${nonce}`, `${sealed}.extra`, 'not a token', '']) {
      await expect(box.open(bad)).rejects.toBeInstanceOf(SealedTokenError);
    }
  });

  it('does not open with another key (another app secret)', async () => {
    const sealed = await box.seal(TOKEN);
    const other = LocalTokenBox.fromAppSecret('another-secret-of-at-least-32-characters');
    await expect(other.open(sealed)).rejects.toBeInstanceOf(SealedTokenError);
  });

  it('binds optional associated data: the box opens only for the same account', async () => {
    const sealed = await box.seal(TOKEN, 'account-1');
    expect(await box.open(sealed, 'account-1')).toBe(TOKEN);
    await expect(box.open(sealed, 'account-2')).rejects.toBeInstanceOf(SealedTokenError);
    await expect(box.open(sealed)).rejects.toBeInstanceOf(SealedTokenError);
    await expect(box.open(await box.seal(TOKEN), 'account-1')).rejects.toBeInstanceOf(SealedTokenError);
  });

  it('derives its key from the app secret apart from every other derived key', () => {
    const key = deriveTokenBoxKey(SECRET);
    expect(key).toHaveLength(32);
    expect(deriveTokenBoxKey(SECRET).equals(key)).toBe(true);
    const others = deriveKeys(SECRET);
    for (const other of [others.tokens, others.emailHash, others.ipHash, Buffer.from(others.proofOfWork, 'base64url')]) {
      expect(other.equals(key)).toBe(false);
    }
    expect(() => new LocalTokenBox(Buffer.alloc(16))).toThrow(/32-byte/);
  });
});
