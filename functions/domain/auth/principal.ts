/** Who is signed in to the console, and what they may do. */
export const ROLES = ['manager', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  subject: string;
  username: string;
  roles: Role[];
}

/** Verifies a bearer token (signature, issuer, audience, expiry) and returns who it belongs to. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** Admins may do what managers and finance staff may do. */
export const hasAnyRole = (principal: Principal, allowed: readonly Role[]): boolean =>
  principal.roles.includes('admin') || principal.roles.some((role) => allowed.includes(role));
