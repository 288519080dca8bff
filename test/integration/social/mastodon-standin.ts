import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';

/**
 * A Mastodon instance reduced to the endpoints MastodonNetwork calls, answering with the JSON
 * shapes of the Mastodon API documentation (each endpoint names its page). It records every
 * request as it arrived, keeps Mastodon's idempotency (a repeated Idempotency-Key returns the
 * status it created), and can be told to fail the next call to an endpoint.
 */

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  json?: Record<string, unknown>;
  form?: Record<string, string | { name: string; type: string; bytes: Buffer }>;
}

export type Fault =
  | { status: number; body?: unknown; headers?: Record<string, string>; contentType?: string }
  /** Do the work (store the status), then keep the client waiting this long before answering. */
  | { storeThenStallMs: number };

interface StandinAccount {
  id: string;
  username: string;
  token: string;
  followers: number;
}

interface StoredStatus {
  id: string;
  accountId: string;
  text: string;
  mediaIds: string[];
  createdAt: string;
  visibility: string;
}

interface StoredMedia {
  id: string;
  accountId: string;
  description: string | null;
  type: string;
  name: string;
  bytes: number;
  /** GET /api/v1/media/:id calls left before processing ends (0: ready). */
  pollsLeft: number;
}

/** Our app as registered on the instance (POST /api/v1/apps). */
interface StandinApp {
  id: string;
  name: string;
  website: string | null;
  scopes: string[];
  redirectUris: string[];
  clientId: string;
  clientSecret: string;
}

/** An authorization code, until it is exchanged (once) or expires. */
interface StandinGrant {
  clientId: string;
  accountId: string;
  redirectUri: string;
  scopes: string;
  challenge?: string;
  issuedAt: number;
}

/** Matches a request to a fault: "POST /api/v1/statuses", "GET /api/v1/accounts/verify_credentials", … */
type Route = string;

export async function startMastodonStandin(options: { domain?: string; maxCharacters?: number } = {}) {
  const domain = options.domain ?? 'mastodon.example';
  /** The instance's post length (`configuration.statuses.max_characters`): Mastodon's default unless the admins set another. */
  let maxCharacters = options.maxCharacters ?? 500;
  const accounts: StandinAccount[] = [];
  const statuses: StoredStatus[] = [];
  const media = new Map<string, StoredMedia>();
  const idempotency = new Map<string, { statusId: string; at: number }>();
  const faults = new Map<Route, Fault[]>();
  const requests: SeenRequest[] = [];
  const stalls = new WeakMap<Request, number>();
  const oauth = { apps: new Map<string, StandinApp>(), codes: new Map<string, StandinGrant>(), tokens: new Map<string, string>() };
  let nextId = 110_000_000_000_000_000n;
  const newId = () => String(nextId++);
  /** How many polls the next uploads need before they are processed (0: answered 200 at once). */
  let processingPolls = 0;

  const app = new Hono();

  // Record the request as it arrived, then apply a planned fault for this route, if any.
  const record = async (c: Context, next: () => Promise<void>) => {
    const seen: SeenRequest = {
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      headers: Object.fromEntries(Object.entries(c.req.header()).map(([name, value]) => [name.toLowerCase(), value])),
    };
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/json')) seen.json = (await c.req.raw.clone().json()) as Record<string, unknown>;
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      const form = await c.req.raw.clone().formData();
      seen.form = {};
      for (const [name, value] of form.entries()) {
        seen.form[name] = typeof value === 'string' ? value : { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
      }
    }
    requests.push(seen);
    const route = `${c.req.method} ${routeOf(c.req.path)}`;
    const fault = faults.get(route)?.shift();
    if (fault && 'status' in fault) {
      const body = fault.contentType === 'text/html' ? String(fault.body ?? '<html><body>Bad gateway</body></html>') : JSON.stringify(fault.body ?? { error: 'Something went wrong' });
      return new Response(body, { status: fault.status, headers: { 'content-type': fault.contentType ?? 'application/json; charset=utf-8', ...fault.headers } });
    }
    if (fault && 'storeThenStallMs' in fault) stalls.set(c.req.raw, fault.storeThenStallMs);
    await next();
  };
  app.use('/api/*', record);
  app.use('/oauth/*', record);

  const me = (c: Context): StandinAccount | Response => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const account = accounts.find((candidate) => candidate.token === token || (token !== undefined && oauth.tokens.get(token) === candidate.id));
    // https://docs.joinmastodon.org/methods/accounts/#verify_credentials — 401: "The access token is invalid"
    if (!account) return c.json({ error: 'The access token is invalid' }, 401, { 'WWW-Authenticate': 'Bearer realm="Doorkeeper", error="invalid_token"' });
    return account;
  };
  const stall = async (c: Context) => {
    const ms = stalls.get(c.req.raw);
    if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
  };
  // Mastodon's API takes form parameters or JSON alike.
  const formOrJson = async (c: Context): Promise<Record<string, unknown>> =>
    (c.req.header('content-type') ?? '').startsWith('application/json') ? ((await c.req.json()) as Record<string, unknown>) : ((await c.req.parseBody({ all: true })) as Record<string, unknown>);

  // https://docs.joinmastodon.org/methods/instance/#v2 → Instance (public: no token needed).
  app.get('/api/v2/instance', (c) => c.json(instanceJson()));

  // https://docs.joinmastodon.org/methods/accounts/#verify_credentials → CredentialAccount
  app.get('/api/v1/accounts/verify_credentials', (c) => {
    const account = me(c);
    if (account instanceof Response) return account;
    return c.json({ ...accountJson(account), source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [], follow_requests_count: 0 }, role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false } });
  });

  // https://docs.joinmastodon.org/methods/accounts/#statuses → Array of Status, newest first; limit: default 20, max 40
  app.get('/api/v1/accounts/:id/statuses', (c) => {
    const account = me(c);
    if (account instanceof Response) return account;
    const owner = accounts.find((candidate) => candidate.id === c.req.param('id'));
    if (!owner) return c.json({ error: 'Record not found' }, 404);
    const limit = Math.min(40, Number(c.req.query('limit') ?? 20));
    const list = statuses.filter((status) => status.accountId === owner.id).reverse().slice(0, limit);
    return c.json(list.map((status) => statusJson(status, owner)));
  });

  // https://docs.joinmastodon.org/methods/media/#v2 → MediaAttachment: 200 when processed at once,
  // 202 with `url: null` while processing continues in the background.
  app.post('/api/v2/media', async (c) => {
    const account = me(c);
    if (account instanceof Response) return account;
    const form = await c.req.formData();
    const file = form.get('file');
    if (!(file instanceof File)) return c.json({ error: 'Validation failed: File content type is invalid, File is invalid' }, 422);
    // app/models/media_attachment.rb: the types it takes, IMAGE_LIMIT 16 MB and VIDEO_LIMIT 99 MB, descriptions up to 1,500 characters.
    const kind = MASTODON_IMAGE_TYPES.includes(file.type) ? 'image' : MASTODON_VIDEO_TYPES.includes(file.type) ? 'video' : undefined;
    if (!kind) return c.json({ error: 'Validation failed: File content type is invalid, File is invalid' }, 422);
    const limit = kind === 'image' ? 16 * 1024 * 1024 : 99 * 1024 * 1024;
    if (file.size > limit) return c.json({ error: `Validation failed: File file size must be less than ${limit / 1024 / 1024} MB` }, 422);
    const description = form.get('description');
    if (typeof description === 'string' && [...description].length > 1_500) return c.json({ error: 'Validation failed: Description is too long (maximum is 1500 characters)' }, 422);
    const stored: StoredMedia = {
      id: newId(),
      accountId: account.id,
      description: (form.get('description') as string | null) ?? null,
      type: file.type,
      name: file.name,
      bytes: file.size,
      pollsLeft: processingPolls,
    };
    media.set(stored.id, stored);
    return c.json(mediaJson(stored), stored.pollsLeft ? 202 : 200);
  });

  // https://docs.joinmastodon.org/methods/media/#get → 200 MediaAttachment when processed, 206 while still processing
  app.get('/api/v1/media/:id', (c) => {
    const account = me(c);
    if (account instanceof Response) return account;
    const stored = media.get(c.req.param('id'));
    if (!stored || stored.accountId !== account.id) return c.json({ error: 'Record not found' }, 404);
    if (stored.pollsLeft > 0) stored.pollsLeft--;
    return c.json(mediaJson(stored), stored.pollsLeft ? 206 : 200);
  });

  // https://docs.joinmastodon.org/methods/statuses/#create → Status. "Idempotency-Key: Prevent duplicate
  // submissions of the same status. Idempotency keys are stored for up to 1 hour."
  // 422: {"error": "Validation failed: Text character limit of 500 exceeded"}.
  app.post('/api/v1/statuses', async (c) => {
    const account = me(c);
    if (account instanceof Response) return account;
    const body = (await c.req.json()) as { status?: string; media_ids?: string[]; visibility?: string };
    const key = c.req.header('idempotency-key');
    const known = key ? idempotency.get(`${account.id}:${key}`) : undefined;
    if (known && Date.now() - known.at < 3_600_000) {
      return c.json(statusJson(statuses.find((status) => status.id === known.statusId)!, account));
    }
    const text = body.status ?? '';
    const mediaIds = body.media_ids ?? [];
    if (!text && mediaIds.length === 0) return c.json({ error: "Validation failed: Text can't be blank" }, 422);
    if (statusLength(text) > maxCharacters) return c.json({ error: `Validation failed: Text character limit of ${maxCharacters} exceeded` }, 422);
    // PostStatusService#validate_media!: at most 4, and a video alone.
    if (mediaIds.length > 4) return c.json({ error: 'Validation failed: Cannot attach more than 4 files' }, 422);
    if (mediaIds.length > 1 && mediaIds.some((id) => MASTODON_VIDEO_TYPES.includes(media.get(id)?.type ?? ''))) {
      return c.json({ error: 'Validation failed: Cannot attach a video to a post that already contains images' }, 422);
    }
    for (const id of mediaIds) {
      const attached = media.get(id);
      if (!attached || attached.accountId !== account.id) return c.json({ error: 'Validation failed: Media attachments is invalid' }, 422);
      if (attached.pollsLeft > 0) return c.json({ error: 'Cannot attach files that have not finished processing. Try again in a moment!' }, 422);
    }
    const status: StoredStatus = { id: newId(), accountId: account.id, text, mediaIds, createdAt: new Date().toISOString(), visibility: body.visibility ?? 'public' };
    statuses.push(status);
    if (key) idempotency.set(`${account.id}:${key}`, { statusId: status.id, at: Date.now() });
    await stall(c);
    return c.json(statusJson(status, account));
  });

  // ── OAuth: our app's registration and the authorization code flow with PKCE ──────────────

  // https://docs.joinmastodon.org/methods/apps/#create → Application (with client_id and client_secret).
  // 422 {"error": "Validation failed: Redirect URI must be an absolute URI."} without redirect_uris.
  app.post('/api/v1/apps', async (c) => {
    const body = await formOrJson(c);
    const name = String(body.client_name ?? '');
    const redirectUris = [body.redirect_uris ?? []].flat().map(String).flatMap((uri) => uri.split('\n')).filter(Boolean);
    if (!name) return c.json({ error: "Validation failed: Application name can't be blank" }, 422);
    if (redirectUris.length === 0 || !redirectUris.every((uri) => URL.canParse(uri))) return c.json({ error: 'Validation failed: Redirect URI must be an absolute URI.' }, 422);
    await stall(c);
    const registered: StandinApp = {
      id: newId(),
      name,
      website: body.website ? String(body.website) : null,
      scopes: String(body.scopes ?? 'read').split(' ').filter(Boolean),
      redirectUris,
      clientId: randomBytes(32).toString('base64url'),
      clientSecret: randomBytes(32).toString('base64url'),
    };
    oauth.apps.set(registered.clientId, registered);
    return c.json({
      id: registered.id,
      name: registered.name,
      website: registered.website,
      scopes: registered.scopes,
      redirect_uri: registered.redirectUris.join('\n'),
      redirect_uris: registered.redirectUris,
      vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
      client_id: registered.clientId,
      client_secret: registered.clientSecret,
      client_secret_expires_at: 0,
    });
  });

  /**
   * https://docs.joinmastodon.org/methods/oauth/#authorize: response_type=code, client_id,
   * redirect_uri (one registered), scope (within the app's), state, and for PKCE code_challenge
   * with code_challenge_method=S256. A bad request is Doorkeeper's error page (400), never a
   * redirect. Good: the page where the signed-in user approves (POST /oauth/authorize) or denies
   * (the same form with _method=delete, as Doorkeeper's Rails form sends it).
   */
  const authorizationRequest = (params: Record<string, string | undefined>): { ok: true; app: StandinApp } | { ok: false; error: string } => {
    const registered = oauth.apps.get(params.client_id ?? '');
    if (!registered) return { ok: false, error: 'invalid_client' };
    if (!params.redirect_uri || !registered.redirectUris.includes(params.redirect_uri)) return { ok: false, error: 'invalid_redirect_uri' };
    if (params.response_type !== 'code') return { ok: false, error: 'unsupported_response_type' };
    const scopes = (params.scope ?? 'read').split(' ').filter(Boolean);
    if (!scopes.every((scope) => registered.scopes.includes(scope))) return { ok: false, error: 'invalid_scope' };
    if (params.code_challenge !== undefined && (params.code_challenge_method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(params.code_challenge))) return { ok: false, error: 'invalid_request' };
    return { ok: true, app: registered };
  };
  const errorPage = (c: Context, error: string) => c.html(`<!doctype html><title>An error has occurred</title><h1>An error has occurred</h1><p>${error}</p>`, 400);

  app.get('/oauth/authorize', (c) => {
    const checked = authorizationRequest(c.req.query());
    if (!checked.ok) return errorPage(c, checked.error);
    const hidden = Object.entries(c.req.query()).map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`).join('');
    return c.html(
      `<!doctype html><title>Authorization required</title><form method="post" action="/oauth/authorize">${hidden}<p>${checked.app.name} would like permission to access your account</p><button>Authorize</button></form><form method="post" action="/oauth/authorize"><input type="hidden" name="_method" value="delete">${hidden}<button>Deny</button></form>`,
    );
  });

  app.post('/oauth/authorize', async (c) => {
    const params = (await formOrJson(c)) as Record<string, string | undefined>;
    const checked = authorizationRequest(params);
    if (!checked.ok) return errorPage(c, checked.error);
    const target = new URL(params.redirect_uri!);
    if (params._method === 'delete') {
      // RFC 6749 §4.1.2.1, worded as Doorkeeper words it.
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The resource owner or authorization server denied the request.');
    } else {
      const account = accounts.find((candidate) => candidate.username === params.username);
      if (!account) return c.json({ error: 'The stand-in needs the signed-in username' }, 400);
      const code = randomBytes(32).toString('base64url');
      oauth.codes.set(code, {
        clientId: checked.app.clientId,
        accountId: account.id,
        redirectUri: params.redirect_uri!,
        scopes: params.scope ?? 'read',
        ...(params.code_challenge ? { challenge: params.code_challenge } : {}),
        issuedAt: Date.now(),
      });
      target.searchParams.set('code', code);
    }
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    return c.redirect(target.toString(), 302);
  });

  // https://docs.joinmastodon.org/methods/oauth/#token → Token. Codes are single use and live 10
  // minutes; a PKCE code needs code_verifier with BASE64URL(SHA256(verifier)) = the challenge
  // (RFC 7636 §4.6). Errors as RFC 6749 §5.2 words them, through Doorkeeper.
  app.post('/oauth/token', async (c) => {
    const body = (await formOrJson(c)) as Record<string, string | undefined>;
    const client = oauth.apps.get(body.client_id ?? '');
    if (!client || client.clientSecret !== body.client_secret) {
      return c.json({ error: 'invalid_client', error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' }, 401);
    }
    if (body.grant_type !== 'authorization_code') return c.json({ error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server.' }, 400);
    const grant = oauth.codes.get(body.code ?? '');
    oauth.codes.delete(body.code ?? '');
    const verifierMatches = grant?.challenge === undefined || createHash('sha256').update(body.code_verifier ?? '', 'ascii').digest('base64url') === grant.challenge;
    if (!grant || grant.clientId !== client.clientId || grant.redirectUri !== body.redirect_uri || Date.now() - grant.issuedAt > 600_000 || !verifierMatches) {
      return c.json({ error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' }, 400);
    }
    const accessToken = randomBytes(32).toString('base64url');
    oauth.tokens.set(accessToken, grant.accountId);
    return c.json({ access_token: accessToken, token_type: 'Bearer', scope: grant.scopes, created_at: Math.floor(Date.now() / 1000) });
  });

  // A media kit file on the platform's own site, for the default media loader.
  app.get('/media/:file', (c) => c.body(PNG, 200, { 'content-type': 'image/png' }));

  function instanceJson() {
    // https://docs.joinmastodon.org/entities/Instance/
    return {
      domain,
      title: 'Mastodon',
      version: '4.3.0',
      source_url: 'https://github.com/mastodon/mastodon',
      description: 'A stand-in instance for the tests.',
      usage: { users: { active_month: accounts.length } },
      thumbnail: { url: `https://files.${domain}/site_uploads/files/000/000/001/@1x/thumbnail.png` },
      languages: ['en'],
      configuration: {
        urls: { streaming: `wss://${domain}` },
        vapid: { public_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=' },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 },
        media_attachments: {
          supported_mime_types: [...MASTODON_IMAGE_TYPES, ...MASTODON_VIDEO_TYPES],
          image_size_limit: 16_777_216,
          image_matrix_limit: 33_177_600,
          video_size_limit: 103_809_024,
          video_frame_rate_limit: 120,
          video_matrix_limit: 8_294_400,
        },
        polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
        translation: { enabled: false },
      },
      registrations: { enabled: false, approval_required: false, message: null },
      api_versions: { mastodon: 2 },
      contact: { email: `admin@${domain}`, account: null },
      rules: [],
    };
  }

  function accountJson(account: StandinAccount) {
    // https://docs.joinmastodon.org/entities/Account/
    return {
      id: account.id,
      username: account.username,
      acct: account.username,
      display_name: account.username,
      locked: false,
      bot: false,
      discoverable: true,
      group: false,
      created_at: '2023-01-01T00:00:00.000Z',
      note: '',
      url: `https://${domain}/@${account.username}`,
      uri: `https://${domain}/users/${account.username}`,
      avatar: `https://${domain}/avatars/original/missing.png`,
      avatar_static: `https://${domain}/avatars/original/missing.png`,
      header: `https://${domain}/headers/original/missing.png`,
      header_static: `https://${domain}/headers/original/missing.png`,
      followers_count: account.followers,
      following_count: 12,
      statuses_count: statuses.filter((status) => status.accountId === account.id).length,
      last_status_at: null,
      emojis: [],
      fields: [],
    };
  }

  function mediaJson(stored: StoredMedia) {
    // https://docs.joinmastodon.org/entities/MediaAttachment/
    const ready = stored.pollsLeft === 0;
    return {
      id: stored.id,
      type: stored.type === 'image/gif' ? 'gifv' : stored.type.startsWith('image/') ? 'image' : stored.type.startsWith('video/') ? 'video' : 'unknown',
      url: ready ? `https://files.${domain}/media_attachments/files/${stored.id}/original/${stored.name}` : null,
      preview_url: `https://files.${domain}/media_attachments/files/${stored.id}/small/${stored.name}`,
      remote_url: null,
      text_url: null,
      meta: ready ? { original: { width: 1, height: 1, size: '1x1', aspect: 1 } } : {},
      description: stored.description,
      blurhash: null,
    };
  }

  function statusJson(status: StoredStatus, account: StandinAccount) {
    // https://docs.joinmastodon.org/entities/Status/
    return {
      id: status.id,
      created_at: status.createdAt,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: status.visibility,
      language: 'en',
      uri: `https://${domain}/users/${account.username}/statuses/${status.id}`,
      url: `https://${domain}/@${account.username}/${status.id}`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      edited_at: null,
      favourited: false,
      reblogged: false,
      muted: false,
      bookmarked: false,
      pinned: false,
      content: mastodonHtml(status.text),
      filtered: [],
      reblog: null,
      application: { name: 'Blue Heart', website: null },
      account: accountJson(account),
      media_attachments: status.mediaIds.map((id) => mediaJson(media.get(id)!)),
      mentions: [],
      tags: [...status.text.matchAll(/#(\p{L}[\p{L}\p{N}_]*)/gu)].map((match) => ({ name: match[1]!.toLowerCase(), url: `https://${domain}/tags/${match[1]!.toLowerCase()}` })),
      emojis: [],
      card: null,
      poll: null,
    };
  }

  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    statuses,
    media,
    addAccount(username: string, token: string, followers: number): StandinAccount {
      const account = { id: newId(), username, token, followers };
      accounts.push(account);
      return account;
    },
    statusesOf: (account: StandinAccount) => statuses.filter((status) => status.accountId === account.id),
    /** The apps registered on the instance (POST /api/v1/apps), oldest first. */
    apps: () => [...oauth.apps.values()],
    /**
     * What a supporter's browser does at the instance: opens the authorization page at
     * `authorizeUrl` (a bad request is an error page: its status is returned), then approves as
     * `username` or denies; returns where the instance sends the browser (our callback).
     */
    async authorize(authorizeUrl: string, decision: { approveAs: string } | 'deny'): Promise<{ status: number; location?: string }> {
      const page = await fetch(authorizeUrl);
      if (page.status !== 200) return { status: page.status };
      const params = new URLSearchParams(new URL(authorizeUrl).search);
      if (decision === 'deny') params.set('_method', 'delete');
      else params.set('username', decision.approveAs);
      const answer = await fetch(`${url}/oauth/authorize`, { method: 'POST', body: params, redirect: 'manual' });
      return { status: answer.status, location: answer.headers.get('location') ?? undefined };
    },
    /** The next call to `route` (e.g. "POST /api/v1/statuses") gets `fault`; several queue up. */
    failNext(route: Route, ...planned: Fault[]) {
      faults.set(route, [...(faults.get(route) ?? []), ...planned]);
    },
    /** The instance's admins set another post length (what GET /api/v2/instance says and POST /api/v1/statuses enforces). */
    setMaxCharacters(limit: number) {
      maxCharacters = limit;
    },
    /** Uploads from now on need this many GET /api/v1/media/:id polls before they are processed. */
    processUploadsAfter(polls: number) {
      processingPolls = polls;
    },
    seen: (route: Route) => requests.filter((request) => `${request.method} ${routeOf(request.path)}` === route),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type MastodonStandin = Awaited<ReturnType<typeof startMastodonStandin>>;

/**
 * A status's length as Mastodon's StatusLengthValidator counts it: every URL is 23 characters
 * (`characters_reserved_per_url`), a remote mention counts only its `@user` part, and the rest in
 * grapheme clusters.
 */
function statusLength(text: string): number {
  const counted = text.replace(/https?:\/\/[^\s<]+/g, 'x'.repeat(23)).replace(/(^|[^/\w])@(\w+)@[\w.-]+\w/g, '$1@$2');
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(counted)].length;
}

/** `/api/v1/accounts/123/statuses` → `/api/v1/accounts/:id/statuses`. */
const routeOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id');

/**
 * Status text as Mastodon renders it (app/lib/text_formatter.rb): escaped, paragraphs and
 * `<br />`, links in anchors with the scheme and the tail past 30 characters in invisible spans,
 * hashtags as tag links.
 */
export function mastodonHtml(text: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const linkify = (line: string) =>
    line
      .split(/(https?:\/\/[^\s<]+|#\p{L}[\p{L}\p{N}_]*)/u)
      .map((part, index) => {
        if (index % 2 === 0) return escape(part);
        if (part.startsWith('#')) {
          return `<a href="https://mastodon.example/tags/${escape(part.slice(1).toLowerCase())}" class="mention hashtag" rel="tag">#<span>${escape(part.slice(1))}</span></a>`;
        }
        const [, scheme, rest] = /^(https?:\/\/)(.*)$/.exec(part)!;
        const shown = rest!.slice(0, 30);
        const hidden = rest!.slice(30);
        return `<a href="${escape(part)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escape(scheme!)}</span><span class="${hidden ? 'ellipsis' : ''}">${escape(shown)}</span><span class="invisible">${escape(hidden)}</span></a>`;
      })
      .join('');
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkify).join('<br />')}</p>`)
    .join('');
}

/** A 1×1 PNG, as a media kit image. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhgHOw6nU9QAAAABJRU5ErkJggg==', 'base64');

/** What Mastodon's MediaAttachment takes as images and videos (its IMAGE_MIME_TYPES and VIDEO_MIME_TYPES, the common ones). */
const MASTODON_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif'];
const MASTODON_VIDEO_TYPES = ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'];
