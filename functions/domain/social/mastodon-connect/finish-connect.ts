import { isAppError } from '../../shared/errors.js';
import { lendAccount, type LendResult } from '../lend-account.js';
import { messageToLend } from '../lend-service.js';
import { SocialError } from '../ports.js';
import { readState, type ReturnPage } from './connect-state.js';
import { resolveInstance } from './mastodon-instance.js';
import { callbackUrl, MASTODON_SCOPES, type MastodonConnectDeps } from './ports.js';

/**
 * Why a connection ended without a lending, as the page explains it:
 * - `denied`: the supporter said no at their instance.
 * - `expired`: they took longer than the state lives.
 * - `invalid`: the state is not ours (altered, truncated), or the callback lacks the code.
 * - `used`: this callback was already taken (a reload, a replay): nothing is lent twice.
 * - `refused`: the instance refused the code or the token, or the account did not check out.
 * - `unavailable`: the instance (or we) could not be reached; try again.
 * - `changed`: the campaign's message changed since the supporter agreed to it.
 * - `no-message`: there is no message to lend a voice to any more.
 * - `rate-limited`: too many lendings from their network.
 */
export type ConnectFailure = 'denied' | 'expired' | 'invalid' | 'used' | 'refused' | 'unavailable' | 'changed' | 'no-message' | 'rate-limited';

export type ConnectOutcome =
  | { kind: 'lent'; back: ReturnPage; result: LendResult }
  | { kind: 'failed'; reason: ConnectFailure; back: ReturnPage; host?: string }
  /** Not even the page to return to could be read from the state. */
  | { kind: 'lost' };

/** The callback's query as the instance sends it (RFC 6749 §4.1.2: code and state, or error and state). */
export interface CallbackInput {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
}

/**
 * Step two: the instance sent the supporter back. The state is checked (signature, expiry),
 * the flow is taken (once: a replayed callback finds nothing and lends nothing), the message must
 * still be the one they agreed to, the code is exchanged with the PKCE verifier for an access
 * token, the token tells whose account it is, and the account is lent through `lendAccount`,
 * exactly as a pasted token is: checked with the instance, sealed, consent recorded, revoke link
 * emailed. The code and the token appear in no error and no log.
 */
export async function finishMastodonConnect(deps: MastodonConnectDeps, input: CallbackInput, context: { ip?: string | undefined } = {}): Promise<ConnectOutcome> {
  const now = deps.clock.now();
  const state = readState(deps.tokens, input.state, now);
  if (!state.ok) return state.back ? { kind: 'failed', reason: state.reason, back: state.back } : { kind: 'lost' };
  const { choices } = state;
  const back: ReturnPage = { campaignYear: choices.campaignYear, language: choices.language };
  const failed = (reason: ConnectFailure): ConnectOutcome => ({ kind: 'failed', reason, back, host: choices.host });

  const flow = await deps.flows.take(choices.flowId);
  if (input.error) return failed(input.error === 'access_denied' ? 'denied' : 'refused');
  if (!flow) return failed('used');
  if (flow.expiresAt.getTime() < now.getTime()) return failed('expired');
  if (!input.code) return failed('invalid');
  const instance = resolveInstance(choices.host, deps.instances);
  if (!instance) return failed('invalid');

  try {
    const message = await messageToLend(deps.lending, choices.campaignYear);
    if (message.id !== choices.messageId || message.version !== choices.messageVersion) return failed('changed');
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return failed('no-message');
    throw error;
  }

  let accessToken: string;
  let username: string;
  try {
    const app = await deps.apps.get(instance.host, callbackUrl(deps));
    if (!app) return failed('refused');
    const clientSecret = await deps.box.open(app.sealedClientSecret);
    ({ accessToken } = await deps.oauth.exchangeCode(instance, {
      clientId: app.clientId,
      clientSecret,
      redirectUri: app.redirectUri,
      code: input.code,
      codeVerifier: flow.verifier,
      scopes: MASTODON_SCOPES,
    }));
    ({ username } = await deps.oauth.whoAmI(instance, accessToken));
  } catch (error) {
    if (error instanceof SocialError) return failed(error.kind === 'auth' || error.kind === 'rejected' ? 'refused' : 'unavailable');
    throw error;
  }

  try {
    const result = await lendAccount(
      deps.lending,
      {
        campaignYear: choices.campaignYear,
        platform: 'mastodon',
        handle: `@${username}@${instance.host}`,
        server: instance.host,
        secret: accessToken,
        language: choices.language,
        timeZone: choices.timeZone,
        email: flow.sealedEmail ? await deps.box.open(flow.sealedEmail) : undefined,
        consent: true,
      },
      context,
    );
    return { kind: 'lent', back, result };
  } catch (error) {
    if (!isAppError(error)) throw error;
    switch (error.code) {
      case 'rate_limited':
        return failed('rate-limited');
      case 'not_found':
        return failed('no-message');
      case 'unavailable':
        return failed('unavailable');
      default:
        return failed('refused');
    }
  }
}
