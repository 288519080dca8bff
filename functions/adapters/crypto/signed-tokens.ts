import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/shared/errors.js';
import type { TokenPurpose, TokenSigner } from '../../domain/pledges/ports.js';

interface TokenBody {
  /** purpose */ p: TokenPurpose;
  /** subject */ s: string;
  /** expiry, epoch seconds; absent for links that must keep working (unsubscribe, erase) */ e?: number;
}

/**
 * Compact signed links: base64url(JSON body) "." base64url(HMAC-SHA256). The purpose is inside
 * the signed body, so an unsubscribe token can never confirm a pledge.
 */
export class HmacTokenSigner implements TokenSigner {
  constructor(private readonly key: Buffer) {}

  sign(purpose: TokenPurpose, subject: string, now: Date, ttlSeconds?: number): string {
    const body: TokenBody = { p: purpose, s: subject };
    if (ttlSeconds !== undefined) body.e = Math.floor(now.getTime() / 1000) + ttlSeconds;
    const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${encoded}.${this.mac(encoded).toString('base64url')}`;
  }

  verify(purpose: TokenPurpose, token: string, now: Date): string {
    const [encoded, signature, extra] = token.split('.');
    if (!encoded || !signature || extra !== undefined) throw invalid();
    const expected = this.mac(encoded);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    let body: TokenBody;
    try {
      body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as TokenBody;
    } catch {
      throw invalid();
    }
    if (body.p !== purpose || typeof body.s !== 'string') throw invalid();
    if (body.e !== undefined && body.e * 1000 < now.getTime()) {
      throw new AppError('expired_token', 'This link has expired. Pledge again to get a new one.', {
        fields: [{ field: 'token', message: 'expired' }],
      });
    }
    return body.s;
  }

  private mac(encoded: string): Buffer {
    return createHmac('sha256', this.key).update(encoded).digest();
  }
}

const invalid = () =>
  new AppError('invalid_token', 'This link is not valid. Check that you copied all of it.', {
    fields: [{ field: 'token', message: 'invalid' }],
  });
