import type { MastodonInstance, MastodonOAuthClient } from '../../domain/social/mastodon-connect/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { mastodonRetryAfterMs } from './mastodon-errors.js';
import { addressKind } from './public-address.js';

export interface MastodonOAuthClientOptions {
  /** Per request (default 10 s): a supporter is waiting. */
  timeoutMs?: number;
  /** Largest answer read (default 64 KB): these answers are a few hundred bytes. */
  maxResponseBytes?: number;
  /** Whether a host's addresses are public (default: resolve it). */
  addressKind?: (host: string) => Promise<'public' | 'private' | 'unknown'>;
  now?: () => Date;
}

/**
 * Mastodon's OAuth endpoints with plain fetch (masto has no call for the token exchange with
 * PKCE). Connecting makes our server call a host a supporter named, so every call is bounded:
 * the host must resolve to public addresses only (a public name pointing into our network is
 * refused before anything is sent; the named local stand-ins of local and test stages are
 * exempt), redirects are not followed, each request has a timeout, and at most
 * `maxResponseBytes` of an answer is read. Errors say what happened, never what was sent: no
 * code, secret or token appears in them.
 */
export class FetchMastodonOAuthClient implements MastodonOAuthClient {
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly addressKind: (host: string) => Promise<'public' | 'private' | 'unknown'>;
  private readonly now: () => Date;

  constructor(options: MastodonOAuthClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 64 * 1024;
    this.addressKind = options.addressKind ?? ((host) => addressKind(host));
    this.now = options.now ?? (() => new Date());
  }

  /** https://docs.joinmastodon.org/methods/apps/#create → Application with client_id and client_secret. */
  async registerApp(instance: MastodonInstance, app: { clientName: string; redirectUri: string; scopes: string; website: string }) {
    const answer = await this.call(instance, '/api/v1/apps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: app.clientName, redirect_uris: app.redirectUri, scopes: app.scopes, website: app.website }),
    });
    return { clientId: text(answer, 'client_id', instance), clientSecret: text(answer, 'client_secret', instance) };
  }

  /**
   * https://docs.joinmastodon.org/methods/oauth/#token with grant_type=authorization_code and the
   * PKCE code_verifier (RFC 7636 §4.5), form-encoded as RFC 6749 §4.1.3 has it.
   */
  async exchangeCode(instance: MastodonInstance, grant: { clientId: string; clientSecret: string; redirectUri: string; code: string; codeVerifier: string; scopes: string }) {
    const answer = await this.call(instance, '/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: grant.code,
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        redirect_uri: grant.redirectUri,
        code_verifier: grant.codeVerifier,
        scope: grant.scopes,
      }).toString(),
    });
    const tokenType = typeof answer.token_type === 'string' ? answer.token_type : 'Bearer';
    if (tokenType.toLowerCase() !== 'bearer') throw new SocialError('rejected', `${instance.host} issued a ${tokenType.slice(0, 20)} token, not a bearer token`);
    return { accessToken: text(answer, 'access_token', instance) };
  }

  /** https://docs.joinmastodon.org/methods/accounts/#verify_credentials → CredentialAccount. */
  async whoAmI(instance: MastodonInstance, accessToken: string) {
    const answer = await this.call(instance, '/api/v1/accounts/verify_credentials', { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } });
    return { username: text(answer, 'username', instance) };
  }

  private async call(instance: MastodonInstance, path: string, init: RequestInit): Promise<Record<string, unknown>> {
    if (!instance.local) {
      const kind = await this.addressKind(instance.host);
      if (kind === 'private') throw new SocialError('rejected', `${instance.host} points to a private network address`);
      if (kind === 'unknown') throw new SocialError('unavailable', `${instance.host} does not resolve`);
    }
    let response: Response;
    try {
      response = await fetch(`${instance.origin}${path}`, { ...init, headers: { accept: 'application/json', ...init.headers }, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new SocialError('unavailable', timedOut ? `${instance.host} did not answer in time` : `${instance.host} could not be reached`);
    }
    const body = await this.readBounded(response, instance);
    let answer: unknown;
    try {
      answer = JSON.parse(body);
    } catch {
      answer = undefined;
    }
    const said = describeError(answer);
    const status = response.status;
    if (status >= 300 && status < 400) throw new SocialError('rejected', `${instance.host} answered ${path} with a redirect`, { status });
    if (status === 401 || status === 403) throw new SocialError('auth', `${instance.host} refused: ${said ?? `HTTP ${status}`}`, { status });
    if (status === 429) throw new SocialError('rate_limited', `${instance.host} rate limit`, { status, retryAfterMs: mastodonRetryAfterMs(response.headers, this.now()) ?? 300_000 });
    if (status >= 500) throw new SocialError('unavailable', `${instance.host} answered ${status}`, { status });
    if (status >= 400) throw new SocialError('rejected', `${instance.host} refused: ${said ?? `HTTP ${status}`}`, { status });
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) throw new SocialError('rejected', `${instance.host} did not answer ${path} with a JSON object`, { status });
    return answer as Record<string, unknown>;
  }

  /** The answer's text, or `unavailable` past the limit (the rest is never read). */
  private async readBounded(response: Response, instance: MastodonInstance): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > this.maxResponseBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new SocialError('unavailable', `${instance.host} answered more than ${this.maxResponseBytes} bytes`);
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.maxResponseBytes) {
          await reader.cancel().catch(() => undefined);
          throw new SocialError('unavailable', `${instance.host} answered more than ${this.maxResponseBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof SocialError) throw error;
      throw new SocialError('unavailable', `${instance.host} stopped answering`);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** OAuth's `error_description` or `error` (RFC 6749 §5.2), Mastodon's `error`: short, and never an echo of what we sent. */
function describeError(answer: unknown): string | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const { error, error_description: description } = answer as { error?: unknown; error_description?: unknown };
  const said = typeof description === 'string' ? description : typeof error === 'string' ? error : undefined;
  return said?.slice(0, 200);
}

function text(answer: Record<string, unknown>, field: string, instance: MastodonInstance): string {
  const value = answer[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > 2_000) throw new SocialError('rejected', `${instance.host} answered without ${field}`);
  return value;
}
