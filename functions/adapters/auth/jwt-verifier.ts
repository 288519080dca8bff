import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../domain/shared/errors.js';
import { ROLES, type Principal, type Role, type TokenVerifier } from '../../domain/auth/principal.js';

export interface JwtSettings {
  issuer: string;
  /** The app client id: Cognito access tokens carry it as `client_id`, ID tokens as `aud`. */
  audience: string;
  jwksUrl: string;
}

/**
 * Verifies access tokens the way Cognito issues them (RS256/ES256, keys from the pool's JWKS,
 * `token_use: access`, roles in `cognito:groups`). The local sign-in issues the same shape, so
 * `npm start` exercises this exact code.
 */
export class JwtVerifier implements TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly settings: JwtSettings,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { issuer: this.settings.issuer, algorithms: ['RS256', 'ES256'] }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new AppError('unauthenticated', expired ? 'Your session has expired; sign in again.' : 'The sign-in token is not valid.', {
        cause: error,
      });
    }
    const audience = payload.client_id ?? payload.aud;
    if (payload.token_use !== 'access' || audience !== this.settings.audience || !payload.sub) {
      throw new AppError('unauthenticated', 'The sign-in token is not valid.');
    }
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]) : [];
    return {
      subject: payload.sub,
      username: String(payload.username ?? payload['cognito:username'] ?? payload.sub),
      roles: groups.filter((group): group is Role => (ROLES as readonly unknown[]).includes(group)),
    };
  }
}
