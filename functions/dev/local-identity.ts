import { Hono } from 'hono';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Role } from '../domain/auth/principal.js';
import { localSignInApp } from './local-sign-in.js';

/**
 * A small OpenID-style issuer for `npm start`: seeded users of each role sign in and get
 * access tokens shaped like Cognito's (ES256, `token_use: access`, `client_id`,
 * `cognito:groups`), published with a JWKS so the API verifies them exactly as on AWS. The
 * console signs in through its hosted sign-in page with the authorization-code flow and PKCE
 * (./local-sign-in.ts), as it does with Cognito. Never deployed.
 */
export interface LocalUser {
  username: string;
  password: string;
  roles: Role[];
}

export const LOCAL_USERS: readonly LocalUser[] = [
  { username: 'manager@blueheart.local', password: 'blue-heart-manager', roles: ['manager'] },
  // A second manager: a social message is approved by someone other than its author.
  { username: 'manager2@blueheart.local', password: 'blue-heart-manager2', roles: ['manager'] },
  { username: 'finance@blueheart.local', password: 'blue-heart-finance', roles: ['finance'] },
  // A second finance user: offline receipts need a checker who is not the maker.
  { username: 'finance2@blueheart.local', password: 'blue-heart-finance2', roles: ['finance'] },
  { username: 'admin@blueheart.local', password: 'blue-heart-admin', roles: ['admin'] },
];

export const LOCAL_CLIENT_ID = 'blue-heart-console-local';

export interface LocalIdentity {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** Where the hosted sign-in's `/oauth2/…` paths are (AUTH_SIGN_IN_URL). */
  signInUrl: string;
  app: Hono;
  /** Signs a token for a seeded user; tests use `expiresInSeconds` < 0 for an expired one. */
  issueToken(username: string, options?: { expiresInSeconds?: number }): Promise<string>;
}

export async function createLocalIdentity(baseUrl: string): Promise<LocalIdentity> {
  const issuer = `${baseUrl}/auth`;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };

  const issueToken = async (username: string, options: { expiresInSeconds?: number } = {}) => {
    const user = LOCAL_USERS.find((u) => u.username === username);
    if (!user) throw new Error(`No local user ${username}`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ token_use: 'access', client_id: LOCAL_CLIENT_ID, username, 'cognito:groups': user.roles, scope: 'openid' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setSubject(`local-${user.roles[0]}`)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3_600))
      .sign(privateKey);
  };

  const app = new Hono();
  app.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      authorization_endpoint: `${issuer}/oauth2/authorize`,
      token_endpoint: `${issuer}/oauth2/token`,
      end_session_endpoint: `${issuer}/logout`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['ES256'],
    }),
  );
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [publicJwk] }));
  app.route('/', localSignInApp({
    clientId: LOCAL_CLIENT_ID,
    consoleUrl: `${baseUrl}/console/`,
    authenticate: (username, password) => LOCAL_USERS.find((u) => u.username === username && u.password === password)?.username,
    issueToken: (username) => issueToken(username),
  }));
  // For scripts and curl only (the console signs in with the code flow above); Cognito has no such grant.
  app.post('/token', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const body = type.includes('application/json') ? await c.req.json().catch(() => ({})) : await c.req.parseBody();
    const { username, password } = body as { username?: string; password?: string };
    const user = LOCAL_USERS.find((u) => u.username === username && u.password === password);
    if (!user) return c.json({ error: 'invalid_grant', error_description: 'Wrong user name or password.' }, 400);
    return c.json({ access_token: await issueToken(user.username), token_type: 'Bearer', expires_in: 3_600 });
  });
  return { issuer, jwksUrl: `${issuer}/.well-known/jwks.json`, clientId: LOCAL_CLIENT_ID, signInUrl: issuer, app, issueToken };
}
