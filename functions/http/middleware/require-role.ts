import type { MiddlewareHandler } from 'hono';
import { hasAnyRole, type Principal, type Role, type TokenVerifier } from '../../domain/auth/principal.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';

/**
 * Every admin route: a valid signed token (checked against the issuer's keys) and one of the
 * roles. Not a flag, not a cookie the client can forge. Admins pass too, unless `adminsToo: false`
 * (finance: separation of duties).
 */
export function requireRole(verifier: TokenVerifier, roles: readonly Role[], options: { adminsToo?: boolean } = {}): MiddlewareHandler<AppEnv> {
  const allowed = options.adminsToo === false ? (principal: Principal) => principal.roles.some((role) => roles.includes(role)) : (principal: Principal) => hasAnyRole(principal, roles);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'Sign in to use the console.');
    const principal = await verifier.verify(match[1]);
    if (!allowed(principal)) {
      throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role.`);
    }
    c.set('principal', principal);
    await next();
  };
}
