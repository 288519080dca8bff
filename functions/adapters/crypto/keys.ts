import { hkdfSync } from 'node:crypto';

/**
 * One application secret, many keys: HKDF (RFC 5869) derives a separate key per purpose, so a
 * leaked token key says nothing about the hashing keys, and operators manage a single secret.
 */
export interface DerivedKeys {
  tokens: Buffer;
  emailHash: Buffer;
  ipHash: Buffer;
  proofOfWork: string;
}

const derive = (secret: string, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'blue-heart-platform', info, 32));

export function deriveKeys(appSecret: string): DerivedKeys {
  return {
    tokens: derive(appSecret, 'signed-tokens/v1'),
    emailHash: derive(appSecret, 'email-hash/v1'),
    ipHash: derive(appSecret, 'ip-hash/v1'),
    proofOfWork: derive(appSecret, 'altcha/v1').toString('base64url'),
  };
}
