import { createHmac, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { pkceChallenge } from '../adapters/crypto/pkce.js';
import { sandboxFollowers } from '../adapters/social/sandbox-network.js';
import { escapeHtml } from '../domain/shared/escape-html.js';

/**
 * The sandbox's Mastodon instance for `npm start`: just enough of a Mastodon server's OAuth
 * (https://docs.joinmastodon.org/methods/apps/ and /methods/oauth/) for "Connect with Mastodon"
 * to be tried without a real instance. On its own port, like a real instance on its own origin:
 * the supporter really leaves the site for its authorization page, which lists the sandbox
 * accounts with Approve and Deny, and really comes back to the callback. Its access tokens are
 * the sandbox network's credentials (the lending's followers check and the blast's posts go
 * through the sandbox network, functions/adapters/social/sandbox-lending.ts), one per account
 * for the life of the process, so connecting the same account again is accepted.
 *
 * Recognised by name (`mastodon.sandbox.example`) only on local and test stages
 * (`DepsOverrides.mastodonInstances`). Never deployed.
 */
export const SANDBOX_MASTODON_HOST = 'mastodon.sandbox.example';

/** The accounts its authorization page offers: one per language of the site. */
export const SANDBOX_MASTODON_ACCOUNTS = ['ana', 'amina', 'camille', 'joao', 'li', 'olga', 'sam'] as const;

interface App {
  name: string;
  website: string | null;
  scopes: string[];
  redirectUris: string[];
  clientId: string;
  clientSecret: string;
}

interface Grant {
  clientId: string;
  username: string;
  redirectUri: string;
  scope: string;
  challenge?: string;
  issuedAt: number;
}

const CODE_LIFETIME_MS = 10 * 60_000;

export function sandboxMastodonApp(host = SANDBOX_MASTODON_HOST) {
  const apps = new Map<string, App>();
  const codes = new Map<string, Grant>();
  const tokenKey = randomBytes(32);
  const tokenOf = (username: string) => `sandbox-oauth-${createHmac('sha256', tokenKey).update(username).digest('base64url')}`;
  const userOf = (token: string | undefined) => SANDBOX_MASTODON_ACCOUNTS.find((username) => token !== undefined && tokenOf(username) === token);
  const handleOf = (username: string) => `@${username}@${host}`;
  const app = new Hono();

  const params = async (c: Context): Promise<Record<string, string>> => {
    if (c.req.method === 'GET') return c.req.query();
    const body = (c.req.header('content-type') ?? '').startsWith('application/json') ? await c.req.json().catch(() => ({})) : await c.req.parseBody();
    return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
  };

  /** Doorkeeper's checks of an authorization request, in its words; undefined when it is good. */
  const problem = (query: Record<string, string>): string | undefined => {
    const registered = apps.get(query.client_id ?? '');
    if (!registered) return 'Client authentication failed due to unknown client.';
    if (!registered.redirectUris.includes(query.redirect_uri ?? '')) return 'The redirect uri included is not valid.';
    if (query.response_type !== 'code') return 'The authorization server does not support this response type.';
    if (!(query.scope ?? 'read').split(' ').every((scope) => registered.scopes.includes(scope))) return 'The requested scope is invalid, unknown, or malformed.';
    if (query.code_challenge !== undefined && query.code_challenge_method !== 'S256') return 'The code challenge method must be S256.';
    return undefined;
  };
  const errorPage = (c: Context, text: string) => c.html(page('An error has occurred', `<p>${escapeHtml(text)}</p>`), 400);

  // POST /api/v1/apps → Application
  app.post('/api/v1/apps', async (c) => {
    const body = await params(c);
    const redirectUris = (body.redirect_uris ?? '').split(/\s+/).filter((uri) => URL.canParse(uri));
    if (!body.client_name) return c.json({ error: "Validation failed: Application name can't be blank" }, 422);
    if (redirectUris.length === 0) return c.json({ error: 'Validation failed: Redirect URI must be an absolute URI.' }, 422);
    const registered: App = {
      name: body.client_name,
      website: body.website ?? null,
      scopes: (body.scopes ?? 'read').split(' ').filter(Boolean),
      redirectUris,
      clientId: randomBytes(24).toString('base64url'),
      clientSecret: randomBytes(32).toString('base64url'),
    };
    apps.set(registered.clientId, registered);
    return c.json({ id: String(apps.size), name: registered.name, website: registered.website, scopes: registered.scopes, redirect_uri: redirectUris.join('\n'), redirect_uris: redirectUris, client_id: registered.clientId, client_secret: registered.clientSecret, client_secret_expires_at: 0 });
  });

  // GET /oauth/authorize: the page where the supporter picks a sandbox account and approves or denies.
  app.get('/oauth/authorize', (c) => {
    const query = c.req.query();
    const wrong = problem(query);
    if (wrong) return errorPage(c, wrong);
    const registered = apps.get(query.client_id!)!;
    const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method']
      .filter((name) => query[name] !== undefined)
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query[name]!)}">`)
      .join('');
    const accounts = SANDBOX_MASTODON_ACCOUNTS.map(
      (username, index) =>
        `<div><input type="radio" name="username" id="account-${username}" value="${username}"${index === 0 ? ' checked' : ''}> <label for="account-${username}">${escapeHtml(handleOf(username))} · ${sandboxFollowers(handleOf(username)).toLocaleString('en')} followers</label></div>`,
    ).join('');
    return c.html(
      page(
        `Authorize ${registered.name}`,
        `<p class="note">Sandbox Mastodon server <strong>${escapeHtml(host)}</strong>, for trying the platform locally: not a real server.</p>
<p><strong>${escapeHtml(registered.name)}</strong>${registered.website ? ` (${escapeHtml(registered.website)})` : ''} would like permission to access your account. It asks for: ${escapeHtml((query.scope ?? 'read').split(' ').join(', '))}.</p>
<form method="post" action="/oauth/authorize">${hidden}<fieldset><legend>Signed in as</legend>${accounts}</fieldset>
<p><button type="submit" name="decision" value="approve">Approve</button> <button type="submit" name="decision" value="deny">Deny</button></p></form>`,
      ),
    );
  });

  // POST /oauth/authorize: back to the app's redirect URI with a code, or with access_denied (RFC 6749 §4.1.2).
  app.post('/oauth/authorize', async (c) => {
    const body = await params(c);
    const wrong = problem(body);
    if (wrong) return errorPage(c, wrong);
    const target = new URL(body.redirect_uri!);
    const username = SANDBOX_MASTODON_ACCOUNTS.find((candidate) => candidate === body.username);
    if (body.decision !== 'approve' || !username) {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The resource owner or authorization server denied the request.');
    } else {
      const code = randomBytes(32).toString('base64url');
      codes.set(code, { clientId: body.client_id!, username, redirectUri: body.redirect_uri!, scope: body.scope ?? 'read', ...(body.code_challenge ? { challenge: body.code_challenge } : {}), issuedAt: Date.now() });
      target.searchParams.set('code', code);
    }
    if (body.state !== undefined) target.searchParams.set('state', body.state);
    return c.redirect(target.toString(), 302);
  });

  // POST /oauth/token: the code, once, with the client's credentials and the PKCE verifier (RFC 7636 §4.6).
  app.post('/oauth/token', async (c) => {
    const body = await params(c);
    const client = apps.get(body.client_id ?? '');
    if (!client || client.clientSecret !== body.client_secret) return c.json({ error: 'invalid_client', error_description: 'Client authentication failed due to unknown client.' }, 401);
    if (body.grant_type !== 'authorization_code') return c.json({ error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server.' }, 400);
    const grant = codes.get(body.code ?? '');
    codes.delete(body.code ?? '');
    const verified = grant?.challenge === undefined || pkceChallenge(body.code_verifier ?? '') === grant.challenge;
    if (!grant || grant.clientId !== client.clientId || grant.redirectUri !== body.redirect_uri || Date.now() - grant.issuedAt > CODE_LIFETIME_MS || !verified) {
      return c.json({ error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' }, 400);
    }
    return c.json({ access_token: tokenOf(grant.username), token_type: 'Bearer', scope: grant.scope, created_at: Math.floor(Date.now() / 1000) });
  });

  // GET /api/v1/accounts/verify_credentials → the token's account.
  app.get('/api/v1/accounts/verify_credentials', (c) => {
    const username = userOf(/^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1]);
    if (!username) return c.json({ error: 'The access token is invalid' }, 401);
    return c.json({ id: String(SANDBOX_MASTODON_ACCOUNTS.indexOf(username) + 1), username, acct: username, display_name: username, followers_count: sandboxFollowers(handleOf(username)) });
  });

  return app;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5"><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export interface SandboxMastodon {
  host: string;
  /** Where it answers (its origin). */
  url: string;
  stop(): Promise<void>;
}

/** Serves the sandbox instance on its own port (127.0.0.1, a free port unless given). */
export async function startSandboxMastodon(options: { port?: number; host?: string } = {}): Promise<SandboxMastodon> {
  const host = options.host ?? SANDBOX_MASTODON_HOST;
  const app = sandboxMastodonApp(host);
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  return {
    host,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
