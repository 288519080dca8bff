import { createHmac } from 'node:crypto';
import type { Hasher } from '../../domain/pledges/ports.js';

/** HMAC-SHA256, truncated: enough to group and look up, not reversible without the key. */
export class KeyedHasher implements Hasher {
  constructor(private readonly keys: { emailHash: Buffer; ipHash: Buffer }) {}

  email(normalisedEmail: string): string {
    return createHmac('sha256', this.keys.emailHash).update(normalisedEmail).digest('base64url').slice(0, 32);
  }

  ip(ip: string): string {
    return createHmac('sha256', this.keys.ipHash).update(ip).digest('base64url').slice(0, 12);
  }
}
