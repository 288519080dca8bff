import type { MiddlewareHandler } from 'hono';
import { hasAnyRole, type Role, type TokenVerifier } from '../../domain/auth/principal.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';

/**
 * Every admin route: a valid signed token (checked against the issuer's keys) and one of the
 * roles. Not a flag, not a cookie the client can forge.
 */
export function requireRole(verifier: TokenVerifier, roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'Sign in to use the console.');
    const principal = await verifier.verify(match[1]);
    if (!hasAnyRole(principal, roles)) {
      throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role.`);
    }
    c.set('principal', principal);
    await next();
  };
}
