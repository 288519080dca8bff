import { PLATFORMS, type Platform } from '../../domain/social/social.js';
import { SocialError, type AccountCredentials, type SocialNetwork } from '../../domain/social/ports.js';
import type { SandboxNetworks } from './sandbox-network.js';

/**
 * The sandbox as "Lend your voice" meets it with `npm start`: a supporter types a handle and an
 * app password (or access token) as they would for the real network. The first time a handle
 * is seen, its sandbox account is created (with a made-up, stable follower count) and that
 * password becomes the account's; later, only the same password is accepted (another one is
 * refused with a 401, as the real network would). Every call is passed to the sandbox with the
 * sandbox's own token for the account, so `SandboxNetworks.expireToken` still expires it and the
 * dispatcher's posts land in the sandbox's record. Kept in memory, like the sandbox itself: after
 * a restart (`DATA_DIR` keeps the lent accounts) the first call with an account's stored
 * credential makes it the account's again, so a blast after a restart still posts.
 *
 * The dispatcher must post through the same object the API lends through (`deps.lending.networks`
 * in one process), or it would not know the passwords.
 *
 * Every platform is offered, so the organisation's own accounts on X, Facebook and LinkedIn
 * connect and post locally too: their credential, as the adapter reads it once sealed (X's
 * OAuth 1.0a keys, a Page id with its token, an author URN with its token: a JSON string), is
 * taken as the password. Share-only supporters there hold no credential and never reach it.
 */
export function sandboxLendingNetworks(sandbox: SandboxNetworks): Record<Platform, SocialNetwork> {
  const passwords = new Map<string, { secret: string; sandboxToken: string }>();
  const key = (platform: Platform, handle: string) => `${platform}:${handle}`;

  const credentialsFor = (platform: Platform, account: AccountCredentials): AccountCredentials => {
    const known = passwords.get(key(platform, account.handle));
    if (!known) {
      const created = sandbox.connect(platform, account.handle);
      passwords.set(key(platform, account.handle), { secret: account.token, sandboxToken: created.token });
      return { ...account, token: created.token };
    }
    if (known.secret !== account.token) throw new SocialError('auth', '401 Invalid identifier or password', { status: 401 });
    return { ...account, token: known.sandboxToken };
  };

  const networkFor = (platform: Platform): SocialNetwork => {
    const inner = sandbox.network(platform);
    // async: a refused password rejects the call's promise, as a network's answer would, rather than throwing at the caller.
    return {
      platform,
      publish: async (account, post) => inner.publish(credentialsFor(platform, account), post),
      findPost: async (account, post) => inner.findPost(credentialsFor(platform, account), post),
      followers: async (account) => inner.followers(credentialsFor(platform, account)),
      // The instance's post length is public: no password involved.
      ...(inner.maxCharacters ? { maxCharacters: inner.maxCharacters } : {}),
    };
  };
  return Object.fromEntries(PLATFORMS.map((platform) => [platform, networkFor(platform)])) as Record<Platform, SocialNetwork>;
}
