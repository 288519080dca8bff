import { callbackUrl, MASTODON_SCOPES, type MastodonApp, type MastodonConnectDeps, type MastodonInstance } from './ports.js';

export interface UsableApp {
  clientId: string;
  /** Opened only for the token exchange. */
  sealedClientSecret: string;
  redirectUri: string;
}

/**
 * Our application on an instance: registered the first time anyone connects from it
 * (`POST /api/v1/apps`), then kept (one item per instance) and reused by every later connection.
 * Two first connections at the same moment may both register; only the first write is kept
 * (a conditional put), and the other reuses it, so every authorization and every token exchange
 * of an instance uses one client id. The loser's app stays unused on the instance.
 */
export async function mastodonAppFor(deps: Pick<MastodonConnectDeps, 'apps' | 'oauth' | 'box' | 'clock' | 'clientName' | 'publicUrl'>, instance: MastodonInstance): Promise<UsableApp> {
  const redirectUri = callbackUrl(deps);
  const kept = await deps.apps.get(instance.host, redirectUri);
  if (kept && kept.scopes === MASTODON_SCOPES) return kept;

  const registered = await deps.oauth.registerApp(instance, { clientName: deps.clientName, redirectUri, scopes: MASTODON_SCOPES, website: deps.publicUrl });
  const app: MastodonApp = {
    host: instance.host,
    redirectUri,
    scopes: MASTODON_SCOPES,
    clientId: registered.clientId,
    sealedClientSecret: await deps.box.seal(registered.clientSecret),
    registeredAt: deps.clock.now().toISOString(),
  };
  if (await deps.apps.putIfAbsent(app)) return app;
  const winner = await deps.apps.get(instance.host, redirectUri);
  if (!winner) throw new Error(`The Mastodon app of ${instance.host} was neither kept nor found`);
  return winner;
}
