import { AppError } from '../../shared/errors.js';
import type { Language } from '../../shared/languages.js';
import { messageToLend, previewOrThrow } from '../lend-service.js';
import { SocialError } from '../ports.js';
import { signState } from './connect-state.js';
import { mastodonAppFor } from './mastodon-app.js';
import { resolveInstance } from './mastodon-instance.js';
import type { MastodonConnectDeps, MastodonInstance } from './ports.js';
import { MASTODON_SCOPES } from './ports.js';

export interface StartConnectInput {
  campaignYear: number;
  /** The supporter's server (or their handle, which names it). */
  server: string;
  language: Language;
  timeZone: string;
  email?: string | undefined;
  /** The supporter agreed to the previewed post: the route refuses the request without it. */
  consent: true;
}

export interface StartConnectResult {
  /** Where the page sends the supporter: their instance's authorization page. */
  authorizeUrl: string;
  instance: string;
}

const serverError = (message: string, summary: string) => new AppError('validation_failed', summary, { fields: [{ field: 'server', message }] });

/**
 * Step one of connecting a Mastodon account with OAuth (authorization code with PKCE, RFC 6749
 * §4.1 and RFC 7636): the instance is checked, the campaign must have a message for Mastodon in
 * the supporter's language (they saw it and agreed), our app on the instance is registered or
 * reused, and the PKCE verifier and the email wait server-side under a new flow id. The answer
 * is the instance's authorization page, with the choices in a signed, short-lived `state`.
 */
export async function startMastodonConnect(deps: MastodonConnectDeps, input: StartConnectInput, context: { ip?: string | undefined } = {}): Promise<StartConnectResult> {
  const now = deps.clock.now();
  const instance = resolveInstance(input.server, deps.instances);
  if (!instance) {
    throw serverError('must be your Mastodon server’s address, e.g. mastodon.social', 'Please check the form: server must be the address of a public Mastodon server, e.g. mastodon.social.');
  }
  await limitConnections(deps, context.ip, now);
  const message = await messageToLend(deps.lending, input.campaignYear);
  previewOrThrow(message, input.language, 'mastodon');

  const app = await mastodonAppFor(deps, instance).catch((error: unknown) => {
    throw error instanceof SocialError ? instanceError(instance, error) : error;
  });
  const flowId = deps.newId();
  const pkce = deps.newPkce();
  const email = input.email?.trim();
  await deps.flows.create({
    id: flowId,
    verifier: pkce.verifier,
    ...(email ? { sealedEmail: await deps.box.seal(email) } : {}),
    expiresAt: new Date(now.getTime() + deps.flowTtlSeconds * 1000),
  });
  const state = signState(
    deps.tokens,
    { flowId, campaignYear: input.campaignYear, language: input.language, timeZone: input.timeZone, host: instance.host, messageId: message.id, messageVersion: message.version },
    now,
    deps.flowTtlSeconds,
  );
  // https://docs.joinmastodon.org/methods/oauth/#authorize
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: MASTODON_SCOPES,
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    lang: input.language,
  });
  return { authorizeUrl: `${instance.origin}/oauth/authorize?${query}`, instance: instance.host };
}

/** Each start makes our server call an instance for someone: an IP gets as many as it may lend. */
async function limitConnections(deps: MastodonConnectDeps, ip: string | undefined, now: Date): Promise<void> {
  if (!ip) return;
  const { perIp } = deps.lending.policy;
  const key = `mastodon-connect-ip:${deps.lending.hasher.ip(ip)}`;
  const [burst, sustained] = await Promise.all([
    deps.limiter.hit(`${key}:burst`, perIp.burstWindowSeconds, now),
    deps.limiter.hit(`${key}:sustained`, perIp.sustainedWindowSeconds, now),
  ]);
  if (burst > perIp.burst || sustained > perIp.sustained) {
    throw new AppError('rate_limited', 'Too many Mastodon connections were started from your network just now. Please try again in an hour.');
  }
}

/** What registering our app on the instance ran into, as the supporter can act on it. */
function instanceError(instance: MastodonInstance, error: SocialError): AppError {
  if (error.kind === 'rate_limited') return new AppError('rate_limited', `${instance.host} is asking us to slow down. Please try again in a few minutes.`);
  if (error.kind === 'auth' || error.kind === 'rejected') {
    return serverError(
      `did not let us connect: is ${instance.host} a Mastodon server?`,
      `${instance.host} did not let us register there. Check that it is your Mastodon server’s address (the one your browser shows when you use Mastodon).`,
    );
  }
  return new AppError('unavailable', `We could not reach ${instance.host}. Check the server's address, or try again in a few minutes.`, { retryable: true, cause: error });
}
