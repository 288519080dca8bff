import { Hono, type Context } from 'hono';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { escapeHtml } from '../domain/shared/escape-html.js';
import { securityHeaders } from '../http/security-headers.js';

/**
 * The hosted sign-in of `npm start`, at the paths of Cognito's hosted UI (`/oauth2/authorize`,
 * `/oauth2/token`, `/logout`), so the console runs the same authorization-code flow with PKCE
 * locally as on AWS: the browser is sent to the sign-in page, comes back to the console with a
 * one-time code, and the console exchanges the code and its PKCE verifier for tokens.
 * Like Cognito's: the redirect URI must be the registered one exactly, PKCE is S256, a code is
 * good once and for five minutes, and it is bound to the client, the redirect URI and the
 * challenge. Never deployed.
 */
export interface LocalSignInOptions {
  clientId: string;
  /** The console's URL: the only callback and sign-out URL this client has. */
  consoleUrl: string;
  /** The user's name when the password is theirs. */
  authenticate(username: string, password: string): string | undefined;
  /** The access token for a signed-in user. */
  issueToken(username: string): Promise<string>;
}

const CODE_TTL_MS = 5 * 60_000;

const AuthorizeRequest = z.object({
  response_type: z.literal('code'),
  client_id: z.string(),
  redirect_uri: z.string(),
  state: z.string().max(1024).optional(),
  scope: z.string().max(1024).optional(),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/),
  code_challenge_method: z.literal('S256'),
});
type AuthorizeRequest = z.infer<typeof AuthorizeRequest>;

const TokenRequest = z.object({
  grant_type: z.literal('authorization_code'),
  client_id: z.string(),
  code: z.string(),
  redirect_uri: z.string(),
  code_verifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
});

/** RFC 7636 §4.2: the challenge is BASE64URL(SHA-256(verifier)). */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

interface IssuedCode {
  username: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

export function localSignInApp(options: LocalSignInOptions): Hono {
  const codes = new Map<string, IssuedCode>();
  const app = new Hono();
  const headers = securityHeaders();
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
  });

  /** A request the console did not make is refused here, never redirected (an open redirect). */
  const checkClient = (request: { client_id: string; redirect_uri: string }): string | undefined => {
    if (request.client_id !== options.clientId) return 'This app is not registered with the sign-in service.';
    if (request.redirect_uri !== options.consoleUrl) return 'The redirect address is not the one registered for this app.';
    return undefined;
  };

  const page = (c: Context, status: 200 | 400 | 401, body: string) =>
    c.html(
      `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>Sign in · Blue Heart (local)</title><link rel="stylesheet" href="sign-in.css"></head><body><main>${body}</main></body></html>`,
      status,
    );

  const form = (request: AuthorizeRequest, problem?: string) => {
    const hidden = Object.entries(request)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(String(value))}">`)
      .join('');
    return (
      `<h1>Sign in to the Blue Heart console</h1>` +
      (problem ? `<p role="alert" class="problem">${escapeHtml(problem)}</p>` : '') +
      `<form method="post" action="authorize">${hidden}` +
      `<p><label for="username">Email</label><input id="username" name="username" type="email" autocomplete="username" required></p>` +
      `<p><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></p>` +
      `<p><button type="submit">Sign in</button></p></form>` +
      `<p class="hint">The local sign-in of <code>npm start</code>: its users and passwords are printed when it starts. On AWS this page is Cognito's.</p>`
    );
  };

  app.get('/sign-in.css', (c) =>
    c.body(
      'body{font:1rem/1.5 system-ui,sans-serif;margin:0;background:#f4f7fb;color:#1b1b1b}main{max-width:26rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:.5rem}' +
        'label{display:block;font-weight:600}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}button{padding:.5rem 1.25rem;font:inherit;background:#0b3d91;color:#fff;border:0;border-radius:.25rem}' +
        '.problem{color:#a4000f;font-weight:600}.hint{color:#555;font-size:.9rem}',
      200,
      { 'Content-Type': 'text/css; charset=utf-8' },
    ),
  );

  app.get('/oauth2/authorize', (c) => {
    const parsed = AuthorizeRequest.safeParse(c.req.query());
    if (!parsed.success) return page(c, 400, `<h1>This sign-in link is not valid</h1><p>${escapeHtml(describe(parsed.error))}</p>`);
    const refused = checkClient(parsed.data);
    if (refused) return page(c, 400, `<h1>This sign-in link is not valid</h1><p>${escapeHtml(refused)}</p>`);
    return page(c, 200, form(parsed.data));
  });

  app.post('/oauth2/authorize', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    const parsed = AuthorizeRequest.safeParse(body);
    if (!parsed.success) return page(c, 400, `<h1>This sign-in link is not valid</h1><p>${escapeHtml(describe(parsed.error))}</p>`);
    const refused = checkClient(parsed.data);
    if (refused) return page(c, 400, `<h1>This sign-in link is not valid</h1><p>${escapeHtml(refused)}</p>`);
    const username = options.authenticate(String(body.username ?? ''), String(body.password ?? ''));
    if (!username) return page(c, 401, form(parsed.data, 'Wrong email or password.'));
    const code = randomBytes(32).toString('base64url');
    codes.set(code, { username, clientId: parsed.data.client_id, redirectUri: parsed.data.redirect_uri, challenge: parsed.data.code_challenge, expiresAt: Date.now() + CODE_TTL_MS });
    const back = new URL(parsed.data.redirect_uri);
    back.searchParams.set('code', code);
    if (parsed.data.state !== undefined) back.searchParams.set('state', parsed.data.state);
    return c.redirect(back.toString(), 302);
  });

  app.post('/oauth2/token', async (c) => {
    const parsed = TokenRequest.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.json({ error: 'invalid_request', error_description: describe(parsed.error) }, 400);
    const request = parsed.data;
    if (request.client_id !== options.clientId) return c.json({ error: 'invalid_client' }, 400);
    const issued = codes.get(request.code);
    // A code is good once, even when the exchange fails (RFC 6749 §4.1.2).
    codes.delete(request.code);
    if (!issued || issued.expiresAt < Date.now() || issued.clientId !== request.client_id || issued.redirectUri !== request.redirect_uri) {
      return c.json({ error: 'invalid_grant', error_description: 'The code is unknown, used or expired.' }, 400);
    }
    if (s256(request.code_verifier) !== issued.challenge) {
      return c.json({ error: 'invalid_grant', error_description: 'The code verifier does not match the challenge.' }, 400);
    }
    return c.json({ access_token: await options.issueToken(issued.username), token_type: 'Bearer', expires_in: 3_600 });
  });

  app.get('/logout', (c) => {
    const { client_id: clientId, logout_uri: logoutUri } = c.req.query();
    if (clientId !== options.clientId || logoutUri !== options.consoleUrl) return page(c, 400, '<h1>This sign-out link is not valid</h1>');
    return c.redirect(logoutUri, 302);
  });

  return app;
}

const describe = (error: z.ZodError): string => error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
