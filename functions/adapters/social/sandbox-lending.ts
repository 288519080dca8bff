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
    return {
      platform,
      publish: (account, post) => inner.publish(credentialsFor(platform, account), post),
      findPost: (account, post) => inner.findPost(credentialsFor(platform, account), post),
      followers: (account) => inner.followers(credentialsFor(platform, account)),
    };
  };
  return Object.fromEntries(PLATFORMS.map((platform) => [platform, networkFor(platform)])) as Record<Platform, SocialNetwork>;
}
