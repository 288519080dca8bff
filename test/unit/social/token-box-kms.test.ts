import { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { KmsTokenBox } from '../../../functions/adapters/crypto/kms-token-box.js';
import { SealedTokenError } from '../../../functions/adapters/crypto/token-box.js';

const KEY_ID = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

interface SeenRequest {
  target: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * A KMS client whose middleware stack answers instead of the network: the innermost
 * middleware (deserialize step, inside the client's own deserializer) sees the request as it
 * would leave (serialized and signed), records it, and hands back a raw response in KMS's JSON
 * protocol for the client to parse as usual.
 * The fake "encrypts" by wrapping the plaintext with the key and context, as KMS's own
 * CiphertextBlob names its key: enough to check what is sent and what comes back, no crypto.
 */
function interceptedKms(): { kms: KMSClient; seen: SeenRequest[] } {
  const kms = new KMSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  const seen: SeenRequest[] = [];
  kms.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: string | Uint8Array };
      const text = typeof request.body === 'string' ? request.body : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength).toString('utf8');
      const body = JSON.parse(text) as Record<string, unknown>;
      const target = request.headers['x-amz-target'] ?? '';
      seen.push({ target, headers: request.headers, body });
      const answer = (statusCode: number, payload: unknown) => ({
        response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode(JSON.stringify(payload)) },
      });
      if (target === 'TrentService.Encrypt') {
        const wrapped = JSON.stringify({ key: body.KeyId, context: body.EncryptionContext, plaintext: body.Plaintext });
        return answer(200, { CiphertextBlob: Buffer.from(wrapped).toString('base64'), KeyId: body.KeyId, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
      }
      if (target === 'TrentService.Decrypt') {
        let wrapped: { key: string; context: unknown; plaintext: string };
        try {
          wrapped = JSON.parse(Buffer.from(body.CiphertextBlob as string, 'base64').toString('utf8'));
        } catch {
          return answer(400, { __type: 'InvalidCiphertextException', message: '' });
        }
        if (wrapped.key !== body.KeyId) return answer(400, { __type: 'IncorrectKeyException', message: 'The key ID in the request does not identify a CMK that can perform this operation.' });
        if (JSON.stringify(wrapped.context) !== JSON.stringify(body.EncryptionContext)) return answer(400, { __type: 'InvalidCiphertextException', message: '' });
        return answer(200, { Plaintext: wrapped.plaintext, KeyId: body.KeyId, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
      }
      return answer(400, { __type: 'UnsupportedOperationException', message: target });
    },
    { step: 'deserialize', priority: 'low', name: 'answerLikeKms' },
  );
  return { kms, seen };
}

describe('KmsTokenBox (shape, no network)', () => {
  it('seals with one Encrypt call: the key, the UTF-8 token and the social-token context, signed', async () => {
    const { kms, seen } = interceptedKms();
    const sealed = await new KmsTokenBox(kms, KEY_ID).seal('app-pass-wørd-💙');
    expect(sealed).toMatch(/^kms1\.[A-Za-z0-9_-]+$/);
    expect(seen).toHaveLength(1);
    const [encrypt] = seen;
    expect(encrypt!.target).toBe('TrentService.Encrypt');
    expect(encrypt!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(encrypt!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/kms\/aws4_request/);
    expect(encrypt!.body).toEqual({
      KeyId: KEY_ID,
      Plaintext: Buffer.from('app-pass-wørd-💙').toString('base64'),
      EncryptionContext: { purpose: 'social-token' },
    });
  });

  it('opens with one Decrypt call naming the key and the same context, and gets the token back', async () => {
    const { kms, seen } = interceptedKms();
    const box = new KmsTokenBox(kms, KEY_ID);
    const sealed = await box.seal('oauth-token-123', 'account-7');
    expect(await box.open(sealed, 'account-7')).toBe('oauth-token-123');
    const decrypt = seen[1]!;
    expect(decrypt.target).toBe('TrentService.Decrypt');
    expect(decrypt.body).toEqual({
      KeyId: KEY_ID,
      CiphertextBlob: Buffer.from(sealed.slice('kms1.'.length), 'base64url').toString('base64'),
      EncryptionContext: { purpose: 'social-token', account: 'account-7' },
    });
  });

  it("maps KMS's refusals (another account's context, another key, an altered blob) to SealedTokenError", async () => {
    const { kms } = interceptedKms();
    const box = new KmsTokenBox(kms, KEY_ID);
    const sealed = await box.seal('oauth-token-123', 'account-7');
    await expect(box.open(sealed, 'account-8')).rejects.toBeInstanceOf(SealedTokenError);
    await expect(new KmsTokenBox(kms, `${KEY_ID}-other`).open(sealed, 'account-7')).rejects.toBeInstanceOf(SealedTokenError);
    await expect(box.open('kms1.bm90LWpzb24', 'account-7')).rejects.toBeInstanceOf(SealedTokenError);
    await expect(box.open('v1.abc.def')).rejects.toBeInstanceOf(SealedTokenError);
  });

  it('refuses what KMS Encrypt cannot take before calling it', async () => {
    const { kms, seen } = interceptedKms();
    const box = new KmsTokenBox(kms, KEY_ID);
    await expect(box.seal('')).rejects.toThrow(RangeError);
    await expect(box.seal('x'.repeat(4097))).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});
