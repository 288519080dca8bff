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

/**
 * Asks the API to start and, when it answers, sends the browser to the instance's authorization
 * page (the button stays busy: the page is leaving). A refusal goes to `refused` with the status
 * and the API's field errors; a network failure as status 0.
 */
export function goToInstance(
  url: string,
  payload: Record<string, unknown>,
  busy: { done(): void },
  refused: (status: number, fields?: Array<{ field: string; message: string }>) => void,
): void {
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload) })
    .then(async (response) => {
      if (response.ok) {
        window.location.assign(((await response.json()) as { authorizeUrl: string }).authorizeUrl);
        return;
      }
      busy.done();
      const answer = (await response.json().catch(() => undefined)) as { error?: { fields?: Array<{ field: string; message: string }> } } | undefined;
      refused(response.status, answer?.error?.fields);
    })
    .catch(() => {
      busy.done();
      refused(0);
    });
}

/** The exact post of a connected account (the preview with its handle), or '' when it cannot be had now. */
export async function exactPostFor(previewUrl: string, outcome: Extract<ConnectOutcome, { kind: 'connected' }>): Promise<string> {
  const params = new URLSearchParams({ language: outcome.language, platform: 'mastodon', handle: outcome.handle });
  try {
    const response = await fetch(`${previewUrl}?${params}`, { headers: { accept: 'application/json' } });
    return response.ok ? ((await response.json()) as { text: string }).text : '';
  } catch {
    return '';
  }
}
