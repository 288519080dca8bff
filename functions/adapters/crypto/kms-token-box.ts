import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { TokenBox } from '../../domain/social/ports.js';
import { SealedTokenError } from './token-box.js';

const PREFIX = 'kms1.';
/** KMS Encrypt takes at most 4 KiB of plaintext. */
const MAX_PLAINTEXT_BYTES = 4096;

/**
 * Social-network credentials sealed by AWS KMS: `kms1.<CiphertextBlob, base64url>`.
 *
 * Direct `Encrypt`/`Decrypt` rather than envelope encryption (`GenerateDataKey` per seal):
 * OAuth tokens and app passwords are a few hundred bytes, well under KMS's 4 KiB limit, so
 * there is no bulk data for a data key to speed up — envelope encryption would add a local AES
 * layer, a wrapped key to store, and the same one KMS call per open. Directly, the key never
 * leaves KMS, every open is one `Decrypt` in CloudTrail with its encryption context, and a key
 * policy can require that context. The context `{ purpose: 'social-token' }` (plus the account
 * id when given) is authenticated, not secret: a ciphertext sealed for another purpose or another
 * account does not decrypt. The ciphertext blob names its key, but `open` passes `KeyId` too so
 * a blob from another key is refused rather than decrypted with it.
 *
 * Cost and quota: one request per seal and per open ($0.03 per 10,000; shared
 * cryptographic-operations quota per account and region), so a blast opens each account's
 * token once, not once per retry.
 */
export class KmsTokenBox implements TokenBox {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async seal(plaintext: string, associatedData?: string): Promise<string> {
    const bytes = Buffer.from(plaintext, 'utf8');
    if (bytes.length === 0 || bytes.length > MAX_PLAINTEXT_BYTES) {
      throw new RangeError(`KMS seals 1 to ${MAX_PLAINTEXT_BYTES} bytes; this token has ${bytes.length}`);
    }
    const { CiphertextBlob } = await this.kms.send(
      new EncryptCommand({ KeyId: this.keyId, Plaintext: bytes, EncryptionContext: context(associatedData) }),
    );
    if (!CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
    return PREFIX + Buffer.from(CiphertextBlob).toString('base64url');
  }

  async open(sealed: string, associatedData?: string): Promise<string> {
    if (!sealed.startsWith(PREFIX) || sealed.length === PREFIX.length) throw new SealedTokenError('not a KMS sealed token');
    try {
      const { Plaintext } = await this.kms.send(
        new DecryptCommand({
          KeyId: this.keyId,
          CiphertextBlob: Buffer.from(sealed.slice(PREFIX.length), 'base64url'),
          EncryptionContext: context(associatedData),
        }),
      );
      if (!Plaintext) throw new Error('KMS Decrypt returned no plaintext');
      return Buffer.from(Plaintext).toString('utf8');
    } catch (error) {
      // Altered, another key, or another context: KMS says InvalidCiphertextException or IncorrectKeyException.
      const name = (error as { name?: string }).name;
      if (name === 'InvalidCiphertextException' || name === 'IncorrectKeyException') {
        throw new SealedTokenError(`sealed token does not open with this key or for this account (${name})`);
      }
      throw error;
    }
  }
}

const context = (associatedData: string | undefined): Record<string, string> =>
  associatedData === undefined ? { purpose: 'social-token' } : { purpose: 'social-token', account: associatedData };
