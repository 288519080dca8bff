import type { RateLimiter, TokenSigner } from '../../pledges/ports.js';
import type { Clock } from '../../shared/clock.js';
import type { LendDeps } from '../lend-service.js';
import type { TokenBox } from '../ports.js';

/**
 * What posting from a lent Mastodon account needs (functions/adapters/social/mastodon-network.ts):
 * `read:accounts` (verify_credentials: who the token is, and followers), `read:statuses` (the
 * account's latest statuses, to find a post after an uncertain attempt: Mastodon answers 403 to
 * a token without it, even for public statuses), `write:statuses` (the post) and `write:media`
 * (its images, and asking whether an upload is processed).
 */
export const MASTODON_SCOPES = 'read:accounts read:statuses write:statuses write:media';

/**
 * A Mastodon server as we call it. `host` names it (the handle's domain, the key of its app
 * registration); `origin` is where requests go: `https://<host>`, except for the sandbox and
 * test stand-ins allowed on local and test stages (`local`), which answer on a local http port.
 */
export interface MastodonInstance {
  host: string;
  origin: string;
  local?: true;
}

/** Which instances may be named: any public one, plus (local and test stages only) named local stand-ins. */
export interface InstancePolicy {
  /** host → origin, e.g. `mastodon.sandbox.example` → `http://127.0.0.1:4123`. Empty on AWS. */
  local: Record<string, string>;
}

/** Our OAuth application on one instance (`POST /api/v1/apps`), registered once and kept. */
export interface MastodonApp {
  host: string;
  redirectUri: string;
  scopes: string;
  clientId: string;
  /** The client secret, sealed with the connect box (never stored or logged in the clear). */
  sealedClientSecret: string;
  registeredAt: string;
}

export interface MastodonAppStore {
  get(host: string, redirectUri: string): Promise<MastodonApp | undefined>;
  /**
   * Keeps `app` unless an app for the same host, redirect URI and scopes is already kept:
   * false then (a concurrent first connection won), and the caller uses the kept one.
   */
  putIfAbsent(app: MastodonApp): Promise<boolean>;
}

/** What the server keeps of a connection between start and callback: the PKCE verifier and the email. */
export interface ConnectFlow {
  id: string;
  /** RFC 7636 code_verifier: never leaves the server except to the instance's token endpoint. */
  verifier: string;
  /** The supporter's email, sealed: it must not travel in the `state` (the instance would see it in its logs). */
  sealedEmail?: string;
  expiresAt: Date;
}

export interface ConnectFlowStore {
  create(flow: ConnectFlow): Promise<void>;
  /** Removes the flow and returns it, once: a replayed callback gets undefined. */
  take(id: string): Promise<ConnectFlow | undefined>;
}

/**
 * The instance's OAuth endpoints. Failures are `SocialError`s: `auth` or `rejected` when the
 * instance refused (4xx), `rate_limited`, and `unavailable` when it could not be reached, did
 * not answer in time, answered too much or not in JSON.
 */
export interface MastodonOAuthClient {
  /** POST /api/v1/apps → client_id, client_secret. */
  registerApp(instance: MastodonInstance, app: { clientName: string; redirectUri: string; scopes: string; website: string }): Promise<{ clientId: string; clientSecret: string }>;
  /** POST /oauth/token, grant_type=authorization_code, with the PKCE verifier → access_token. */
  exchangeCode(
    instance: MastodonInstance,
    grant: { clientId: string; clientSecret: string; redirectUri: string; code: string; codeVerifier: string; scopes: string },
  ): Promise<{ accessToken: string }>;
  /** GET /api/v1/accounts/verify_credentials → the token's account. */
  whoAmI(instance: MastodonInstance, accessToken: string): Promise<{ username: string }>;
}

/** An RFC 7636 pair: a fresh random verifier and its S256 challenge. */
export type NewPkce = () => { verifier: string; challenge: string };

export interface MastodonConnectDeps {
  /** The lending the callback ends in (the same path as a pasted token). */
  lending: LendDeps;
  apps: MastodonAppStore;
  flows: ConnectFlowStore;
  oauth: MastodonOAuthClient;
  /** Seals what the API itself must open again (client secrets, the email between start and callback). */
  box: TokenBox;
  /** Signs the `state` (purpose `mastodon-connect`). */
  tokens: TokenSigner;
  limiter: RateLimiter;
  clock: Clock;
  newId: () => string;
  newPkce: NewPkce;
  instances: InstancePolicy;
  /** Shown on the instance's authorization page. */
  clientName: string;
  /** Absolute URL of the site and API: the callback and the app's website. */
  publicUrl: string;
  /** How long a supporter has at their instance (the state and the flow expire then). */
  flowTtlSeconds: number;
}

export const MASTODON_CALLBACK_PATH = '/api/social/oauth/mastodon/callback';

export const callbackUrl = (deps: Pick<MastodonConnectDeps, 'publicUrl'>): string => `${deps.publicUrl}${MASTODON_CALLBACK_PATH}`;
