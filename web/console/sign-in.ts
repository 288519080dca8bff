/**
 * Signing staff in: the authorization-code flow with PKCE against the hosted sign-in (Cognito on
 * AWS, `npm start`'s local issuer at the same paths), whose endpoints the API names
 * (`GET /api/sign-in`). The verifier and `state` wait in sessionStorage while the browser is
 * away; coming back, the state must match (no sign-in this tab did not start) and the code is
 * exchanged once for the access token.
 */
import { randomVerifier, s256Challenge } from './pkce.js';

interface SignInEndpoints {
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl: string;
  scope: string;
}

const PENDING_KEY = 'blue-heart-console-sign-in';
/** The console's own address, registered as the client's callback and sign-out URL. */
const consoleUrl = (): string => `${location.origin}/console/`;

async function endpoints(): Promise<SignInEndpoints> {
  const response = await fetch('/api/sign-in');
  if (!response.ok) throw new Error('Sign-in is not configured on this platform.');
  return (await response.json()) as SignInEndpoints;
}

/** Sends the browser to the hosted sign-in; it comes back to the console with `?code&state`. */
export async function startSignIn(): Promise<void> {
  const sign = await endpoints();
  const verifier = randomVerifier();
  const state = randomVerifier();
  // The area asked for (#finance-…) is kept across the round trip.
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const url = new URL(sign.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: sign.clientId,
    redirect_uri: consoleUrl(),
    scope: sign.scope,
    state,
    code_challenge: await s256Challenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from the hosted sign-in: the access token, or undefined when this page load
 * is not a return from it. Throws with a message for the user when the sign-in failed.
 */
export async function finishSignIn(): Promise<string | undefined> {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const error = query.get('error');
  if (!code && !error) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { verifier: string; state: string; hash: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${location.pathname}${pending?.hash ?? ''}`);
  if (error) throw new Error(`Sign-in did not complete: ${query.get('error_description') ?? error}.`);
  if (!pending || query.get('state') !== pending.state) throw new Error('This sign-in was not started from this tab; sign in again.');
  const sign = await endpoints();
  const response = await fetch(sign.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: sign.clientId, code: code!, redirect_uri: consoleUrl(), code_verifier: pending.verifier }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error_description?: string; error?: string };
  if (!body.access_token) throw new Error(`Sign-in did not complete: ${body.error_description ?? body.error ?? `the sign-in service answered ${response.status}`}.`);
  return body.access_token;
}

/** Ends the hosted sign-in's session too, so the next sign-in asks for the password again. */
export async function signOutEverywhere(): Promise<void> {
  const sign = await endpoints().catch(() => undefined);
  if (!sign) return;
  const url = new URL(sign.logoutUrl);
  url.search = new URLSearchParams({ client_id: sign.clientId, logout_uri: consoleUrl() }).toString();
  location.assign(url.toString());
}
