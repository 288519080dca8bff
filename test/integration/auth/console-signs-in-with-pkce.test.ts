import { beforeAll, describe, expect, it } from 'vitest';
import { s256 } from '../../../functions/dev/local-sign-in.js';
import type { SignInEndpoints } from '../../../functions/domain/auth/sign-in.js';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform.js';

/**
 * The console signs staff in with the authorization-code flow and PKCE. Locally the hosted
 * sign-in is `npm start`'s issuer at Cognito's paths; its tokens reach the API's verifier by the
 * same code path as Cognito's. Here the browser's part is played by plain requests.
 */
describe('the console signs in with the code flow and PKCE', () => {
  let platform: TestPlatform;
  let sign: SignInEndpoints;
  const consoleUrl = 'http://localhost:0/console/';
  const verifier = 'a-verifier-of-forty-three-or-more-characters-0123456789';

  /** The path of an absolute URL on the issuer, as its app sees it (mounted at /auth). */
  const onIssuer = (url: string) => url.replace(platform.identity.issuer, '');

  const authorizeQuery = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: 'code', client_id: sign.clientId, redirect_uri: consoleUrl, scope: sign.scope, state: 'state-123',
      code_challenge: s256(verifier), code_challenge_method: 'S256', ...overrides,
    });

  /** Types the password on the sign-in page: the code comes back on the redirect to the console. */
  async function signIn(password = 'blue-heart-manager', overrides: Record<string, string> = {}): Promise<Response> {
    const form = authorizeQuery(overrides);
    form.set('username', 'manager@blueheart.local');
    form.set('password', password);
    return platform.identity.app.request(onIssuer(sign.authorizeUrl), { method: 'POST', body: form });
  }
  const codeOf = (response: Response) => new URL(response.headers.get('location')!).searchParams.get('code')!;
  const exchange = (code: string, overrides: Record<string, string> = {}) =>
    platform.identity.app.request(onIssuer(sign.tokenUrl), {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: sign.clientId, code, redirect_uri: consoleUrl, code_verifier: verifier, ...overrides }),
    });

  beforeAll(async () => {
    platform = await createTestPlatform();
    const answer = await platform.request('/api/sign-in');
    expect(answer.status).toBe(200);
    sign = (await answer.json()) as SignInEndpoints;
  });

  it('names the hosted sign-in and the public client', () => {
    expect(sign).toEqual({
      clientId: platform.identity.clientId,
      authorizeUrl: `${platform.identity.issuer}/oauth2/authorize`,
      tokenUrl: `${platform.identity.issuer}/oauth2/token`,
      logoutUrl: `${platform.identity.issuer}/logout`,
      scope: 'openid email profile',
    });
  });

  it('shows the sign-in page, and refuses a wrong password there', async () => {
    const page = await platform.identity.app.request(`${onIssuer(sign.authorizeUrl)}?${authorizeQuery()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('name="code_challenge"');
    const wrong = await signIn('wrong');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong email or password.');
  });

  it('returns to the console with a code and the state, and the code and verifier buy a token the API accepts', async () => {
    const back = await signIn();
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(consoleUrl);
    expect(location.searchParams.get('state')).toBe('state-123');
    const tokens = await exchange(codeOf(back));
    expect(tokens.status).toBe(200);
    const { access_token: accessToken, token_type: type } = (await tokens.json()) as { access_token: string; token_type: string };
    expect(type).toBe('Bearer');
    const list = await platform.request('/api/admin/messages/2026', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(list.status).toBe(200);
  });

  it('takes each code once, with its own verifier and redirect only', async () => {
    const code = codeOf(await signIn());
    const wrongVerifier = await exchange(code, { code_verifier: 'another-verifier-of-forty-three-characters-000000' });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toEqual({ error: 'invalid_grant', error_description: 'The code verifier does not match the challenge.' });
    // The failed exchange used the code up: the right verifier is too late now.
    expect((await exchange(code)).status).toBe(400);

    const another = codeOf(await signIn());
    expect((await exchange(another, { redirect_uri: 'https://evil.example/console/' })).status).toBe(400);
    const third = codeOf(await signIn());
    expect((await exchange(third)).status).toBe(200);
    expect((await exchange(third)).status).toBe(400);
  });

  it('never sends the browser anywhere but the registered console', async () => {
    const elsewhere = await signIn('blue-heart-manager', { redirect_uri: 'https://evil.example/console/' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
    const noPkce = await platform.identity.app.request(`${onIssuer(sign.authorizeUrl)}?${authorizeQuery({ code_challenge_method: 'plain' })}`);
    expect(noPkce.status).toBe(400);
    const logout = await platform.identity.app.request(`${onIssuer(sign.logoutUrl)}?client_id=${sign.clientId}&logout_uri=${encodeURIComponent('https://evil.example/')}`);
    expect(logout.status).toBe(400);
  });
});
