import { createHash } from 'node:crypto';

/** atproto's base32-sortable alphabet (https://atproto.com/specs/tid). */
const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/** A TID: 13 base32-sortable characters, the first no higher than `j` (the 64-bit value's top bit is 0). */
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * The record key of the post for one (message, target): a TID-shaped key derived from the
 * delivery's `clientRef`, so every attempt writes to the same key and the repository itself
 * refuses a second post. `app.bsky.feed.post` records are keyed by TID (the lexicon's
 * `"key": "tid"`), and a PDS checks only the syntax: 13 characters of the base32-sortable
 * alphabet encoding a 64-bit integer whose top bit is 0.
 *
 * A TID made by a clock would hold 53 bits of microseconds and 10 bits of clock id; this one holds
 * the first 63 bits of SHA-256("blue-heart/bluesky-rkey/v1" ‖ 0 ‖ clientRef), so its "time" is
 * meaningless (anywhere from 1970 to the 2260s). Nothing in the protocol orders posts by rkey
 * (clients sort by `createdAt` and the indexing time), and 63 bits make a collision between two
 * posts of one account negligible. Changing the prefix changes every key: keep it.
 */
export function blueskyRkey(clientRef: string): string {
  const digest = createHash('sha256').update(`blue-heart/bluesky-rkey/v1\0${clientRef}`).digest();
  let value = digest.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  let key = '';
  for (let i = 0; i < 13; i++) {
    key = S32[Number(value & 31n)]! + key;
    value >>= 5n;
  }
  return key;
}
