/**
 * The stable reference of one (message, target): sent as the idempotency key where a platform
 * takes one (Mastodon's `Idempotency-Key`), and what an attempt looks for after an uncertain one.
 */
export const clientRefOf = (messageId: string, targetId: string): string => `bh-${messageId}-${targetId}`;

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * A short form of a clientRef for platforms that need a short key (e.g. a record key): `bh` and
 * the 64-bit FNV-1a hash of the reference's UTF-8 bytes in base 36 (at most 15 characters, only
 * [0-9a-z]). Stable across processes and releases; collisions are negligible per message
 * (≈ n² / 2⁶⁵: 3 × 10⁻¹⁰ for 100,000 targets).
 */
export function shortClientRef(clientRef: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(clientRef)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return `bh${hash.toString(36)}`;
}
