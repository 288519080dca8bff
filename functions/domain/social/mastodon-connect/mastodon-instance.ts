import { publicOrigin } from '../lend-handles.js';
import type { InstancePolicy, MastodonInstance } from './ports.js';

/**
 * The Mastodon server a supporter names to connect: `mastodon.social`, `https://mastodon.social/`,
 * or their handle `@ana@mastodon.social`. Connecting makes our server call it (to register our
 * app and to exchange the code), so it must be a public https origin named by a domain: no IP
 * address, no `localhost` or internal name, no port but 443, no path, no credentials (the same
 * rule as a lent account's server, `publicOrigin`). On local and test stages the policy also
 * names local stand-ins (the sandbox instance of `npm start`, the tests' stand-in): those are
 * the only non-public origins ever called, and only by their configured name.
 *
 * What remains is a public name that resolves to a private address: the adapter refuses those
 * before calling (functions/adapters/social/mastodon-oauth-client.ts).
 */
export function resolveInstance(typed: string, policy: InstancePolicy): MastodonInstance | undefined {
  const text = typed.trim().replace(/^[@＠]+/, '');
  // A handle names its server after its last "@".
  const named = /^[^@\s/]+@([^@\s/]+)$/.exec(text)?.[1] ?? text;
  const bare = named.replace(/^https?:\/\//i, '').replace(/\/+$/, '').toLowerCase();
  const local = Object.hasOwn(policy.local, bare) ? policy.local[bare] : undefined;
  if (local) return { host: bare, origin: local.replace(/\/+$/, ''), local: true };
  const origin = publicOrigin(named);
  if (!origin) return undefined;
  return { host: new URL(origin).hostname, origin };
}
