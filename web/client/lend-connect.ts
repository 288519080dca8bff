import { API } from '../site/paths.js';

/**
 * "Connect with Mastodon" on the lend page: the start (the API answers the supporter's
 * instance's authorization page, where the browser goes next) and the way back (the API's
 * callback sends the browser to this page with the outcome in the fragment, which never reaches
 * a server: functions/http/routes/mastodon-connect.ts).
 */
export type ConnectOutcome =
  | { kind: 'connected'; handle: string; language: string; followers: number; emailed: boolean; revokeUrl: string }
  | { kind: 'failed'; reason: string; server?: string };

/** The outcome in the address, once: it is removed from the address bar (and history) as it is read. */
export function takeConnectOutcome(): ConnectOutcome | undefined {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const result = params.get('mastodon');
  if (!result) return undefined;
  // The revoke token must not stay in the address bar or the history.
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  if (result !== 'connected') return { kind: 'failed', reason: result, ...(params.get('server') ? { server: params.get('server')! } : {}) };
  return {
    kind: 'connected',
    handle: params.get('handle') ?? '',
    language: params.get('language') ?? '',
    followers: Number(params.get('followers') ?? 0) || 0,
    emailed: params.get('emailed') === '1',
    revokeUrl: `${API.socialRevoke}?token=${encodeURIComponent(params.get('revoke') ?? '')}`,
  };
}

export type StartAnswer =
  | { ok: true; authorizeUrl: string }
  | { ok: false; status: number; fields?: Array<{ field: string; message: string }> };

/** Asks the API to start; on success the caller sends the browser to `authorizeUrl`. */
export async function startConnect(url: string, payload: Record<string, unknown>): Promise<StartAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  if (response.ok) {
    const { authorizeUrl } = (await response.json()) as { authorizeUrl: string };
    return { ok: true, authorizeUrl };
  }
  const answer = (await response.json().catch(() => undefined)) as { error?: { fields?: Array<{ field: string; message: string }> } } | undefined;
  return { ok: false, status: response.status, ...(answer?.error?.fields ? { fields: answer.error.fields } : {}) };
}
