import { AppError } from '../shared/errors.js';
import { NETWORK_NAMES } from './lend-emails.js';
import type { AccountName } from './lend-handles.js';
import { SocialError, type AccountCredentials, type SocialNetwork, type TokenBox } from './ports.js';
import type { Platform } from './social.js';

/** What checking a credential needs: the box that seals it, and how long the network may take. */
export interface CredentialCheckDeps {
  tokenBox: TokenBox;
  policy: { verifyTimeoutMs: number };
}

export interface CheckedCredential {
  /** Followers now: the account's expected reach. */
  followers: number;
  /** The credential sealed with the TokenBox, as stored with the account. */
  encryptedToken: string;
  /** Mastodon: the longest post the account's instance takes; absent elsewhere, or when the instance did not say in time. */
  maxCharacters?: number;
}

/** What a person calls the credential on each network, for the messages that name it. */
export const CREDENTIAL_NAMES: Record<Platform, string> = {
  mastodon: 'access token',
  bluesky: 'app password',
  x: 'access token',
  facebook: 'Page access token',
  linkedin: 'access token',
  threads: 'access token',
};

const fieldError = (field: string, message: string, summary?: string) =>
  new AppError('validation_failed', summary ?? `Please check the form: ${field} ${message}.`, { fields: [{ field, message }] });

/**
 * Checks a credential with its network and seals it: the network is asked for the account's
 * followers with it (proof that it works, and the expected reach), then it is sealed with the
 * TokenBox. Used by supporters lending an account and by managers connecting the organisation's.
 * A refused credential is a 400 on `secret` that never repeats it; the credential appears in no
 * error and no log.
 */
export async function checkAndSealCredential(
  deps: CredentialCheckDeps,
  network: SocialNetwork,
  name: AccountName,
  secret: string,
): Promise<CheckedCredential> {
  const credentials = { handle: name.handle, ...(name.server ? { server: name.server } : {}), token: secret };
  const [followers, maxCharacters] = await Promise.all([followersWith(deps, network, credentials), maxCharactersOf(deps, network, credentials)]);
  return { followers, encryptedToken: await deps.tokenBox.seal(secret), ...(maxCharacters ? { maxCharacters } : {}) };
}

/**
 * The account's server's post length, where servers set their own (Mastodon), read beside the
 * credential check. Never fails a lending: an instance that does not say in time is counted at
 * the network's default, and a post too long for it then fails at the moment with its refusal.
 */
async function maxCharactersOf(deps: CredentialCheckDeps, network: SocialNetwork, credentials: AccountCredentials): Promise<number | undefined> {
  if (!network.maxCharacters) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), deps.policy.verifyTimeoutMs);
  });
  try {
    const limit = await Promise.race([network.maxCharacters(credentials), timeout]);
    return limit !== undefined && Number.isInteger(limit) && limit > 0 ? limit : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function followersWith(deps: CredentialCheckDeps, network: SocialNetwork, credentials: AccountCredentials): Promise<number> {
  const networkName = NETWORK_NAMES[network.platform];
  const credential = CREDENTIAL_NAMES[network.platform];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SocialError('unavailable', 'no answer in time')), deps.policy.verifyTimeoutMs);
  });
  try {
    const followers = await Promise.race([network.followers(credentials), timeout]);
    return Number.isFinite(followers) && followers > 0 ? Math.round(followers) : 0;
  } catch (error) {
    if (error instanceof SocialError) {
      switch (error.kind) {
        case 'auth':
          throw fieldError(
            'secret',
            network.platform === 'mastodon'
              ? `was refused by ${networkName}: check the handle, the server and the access token`
              : `was refused by ${networkName}: check the handle and the ${credential}`,
            `${networkName} refused the ${credential}. Check the handle and the ${network.platform === 'mastodon' ? 'token' : credential}, then try again.`,
          );
        case 'rate_limited':
          throw new AppError('rate_limited', `${networkName} is asking us to slow down. Please try again in a few minutes.`);
        case 'rejected':
          throw fieldError('handle', `was not accepted by ${networkName}`);
        default:
          break;
      }
    }
    const where = credentials.server ? new URL(credentials.server).hostname : networkName;
    throw new AppError('unavailable', `We could not reach ${where} to check your account. Check the server's name, or try again in a few minutes.`, { retryable: true, cause: error });
  } finally {
    clearTimeout(timer);
  }
}
