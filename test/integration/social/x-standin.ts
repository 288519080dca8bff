import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { recordRequests, serveStandin } from './standin-http.js';
import { addXMediaRoutes, invalidRequest } from './x-standin-media.js';

/**
 * The X API v2 reduced to the endpoints XNetwork calls, answering in the shapes of X's API
 * reference (https://docs.x.com/x-api): POST /2/tweets, GET /2/users/me, GET /2/users/:id/tweets,
 * and the media endpoints (x-standin-media.ts). It takes OAuth 2.0 bearer tokens and OAuth 1.0a
 * signatures (checked as RFC 5849 says, so a wrongly signed request fails), sends X's rate-limit
 * headers on every answer, gives post texts back as X does (links as t.co links with their
 * `entities.urls`, `& < >` escaped), refuses a text the account already posted (403 "duplicate
 * content") and media ids that are not the account's processed uploads, and can be told to fail
 * a route.
 */

interface StandinAccount {
  id: string;
  username: string;
  followers: number;
  bearer?: string;
  oauth1?: { consumerKey: string; consumerSecret: string; token: string; tokenSecret: string };
}

interface StoredPost {
  id: string;
  accountId: string;
  text: string;
  createdAt: string;
  /** The t.co link given to each link of the text, in order. */
  links: Array<{ url: string; expanded: string }>;
  /** `media.media_ids` as the post named them. */
  mediaIds: string[];
}

// https://docs.x.com/x-api/fundamentals/response-codes-and-errors
const UNAUTHORIZED = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };
const DUPLICATE = { detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', title: 'Forbidden', status: 403 };

const routeOf = (method: string, path: string) =>
  `${method} ${path.replace(/^\/2\/users\/\d+\//, '/2/users/:id/').replace(/^\/2\/media\/upload\/\d+\/(append|finalize)$/, '/2/media/upload/:id/$1')}`;

export async function startXStandin() {
  const accounts: StandinAccount[] = [];
  const posts: StoredPost[] = [];
  let nextId = 1_850_000_000_000_000_000n;
  const newId = () => String(nextId++);
  /** What the rate-limit headers say next (x-rate-limit-* on every answer). */
  let window = { limit: 200, remaining: 199, reset: Math.floor(Date.now() / 1000) + 900 };

  const app = new Hono();
  const recorder = recordRequests(app, routeOf);

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('x-rate-limit-limit', String(window.limit));
    c.res.headers.set('x-rate-limit-remaining', String(window.remaining));
    c.res.headers.set('x-rate-limit-reset', String(window.reset));
  });

  /** The account the request is signed for, or X's 401. */
  const authed = (c: Context): StandinAccount | Response => {
    const authorization = c.req.header('authorization') ?? '';
    const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
    const account = bearer ? accounts.find((candidate) => candidate.bearer === bearer) : oauth1Account(c, authorization);
    return account ?? c.json(UNAUTHORIZED, 401);
  };

  const oauth1Account = (c: Context, authorization: string): StandinAccount | undefined => {
    if (!authorization.startsWith('OAuth ')) return undefined;
    const oauth = Object.fromEntries([...authorization.slice(6).matchAll(/([\w]+)="([^"]*)"/g)].map(([, key, value]) => [key!, decodeURIComponent(value!)]));
    const account = accounts.find((candidate) => candidate.oauth1?.token === oauth.oauth_token && candidate.oauth1?.consumerKey === oauth.oauth_consumer_key);
    if (!account || oauth.oauth_signature_method !== 'HMAC-SHA1' || !oauth.oauth_signature) return undefined;
    // RFC 5849 §3.4.1: method, base URI, and the sorted, encoded oauth_* and query parameters.
    const url = new URL(c.req.url);
    const params = [...Object.entries(oauth).filter(([key]) => key !== 'oauth_signature'), ...url.searchParams.entries()]
      .map(([key, value]) => [encode(key), encode(value)] as const)
      .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
      .map(([key, value]) => `${key}=${value}`)
      .join('&');
    const base = [c.req.method, encode(`${url.origin}${url.pathname}`), encode(params)].join('&');
    const key = `${encode(account.oauth1!.consumerSecret)}&${encode(account.oauth1!.tokenSecret)}`;
    const expected = createHmac('sha1', key).update(base).digest();
    const given = Buffer.from(oauth.oauth_signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected) ? account : undefined;
  };

  const media = addXMediaRoutes(app, { authed, newId, stall: recorder.stall });

  // https://docs.x.com/x-api/posts/creation-of-a-post → 201 { data: { id, text, edit_history_tweet_ids } }
  app.post('/2/tweets', async (c) => {
    const account = authed(c);
    if (account instanceof Response) return account;
    const body = (await c.req.json()) as { text?: string; media?: { media_ids?: string[] } };
    const text = body.text ?? '';
    const mediaIds = body.media?.media_ids ?? [];
    const mediaProblem = body.media ? (mediaIds.length ? media.problemWith(account.id, mediaIds) : 'media_ids must name at least one media.') : undefined;
    if (mediaProblem) return invalidRequest(c, 'media.media_ids', mediaIds.join(','), mediaProblem);
    if ((!text && !mediaIds.length) || [...text].length > 280) {
      return c.json({ errors: [{ parameters: { text: [text] }, message: 'Your Tweet text is too long.' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' }, 400);
    }
    if (posts.some((post) => post.accountId === account.id && post.text === text)) return c.json(DUPLICATE, 403);
    const links = [...text.matchAll(/https?:\/\/\S+/g)].map(([expanded]) => ({ expanded, url: `https://t.co/${randomBytes(5).toString('hex')}` }));
    const post: StoredPost = { id: newId(), accountId: account.id, text, createdAt: new Date().toISOString(), links, mediaIds };
    posts.push(post);
    await recorder.stall(c);
    return c.json({ data: { id: post.id, text: shownText(post), edit_history_tweet_ids: [post.id] } }, 201);
  });

  // https://docs.x.com/x-api/users/user-lookup-me → { data: { id, name, username, public_metrics? } }
  app.get('/2/users/me', (c) => {
    const account = authed(c);
    if (account instanceof Response) return account;
    const fields = (c.req.query('user.fields') ?? '').split(',');
    const publicMetrics = { followers_count: account.followers, following_count: 81, tweet_count: posts.filter((post) => post.accountId === account.id).length, listed_count: 3, like_count: 12 };
    return c.json({ data: { id: account.id, name: `Blue Heart (${account.username})`, username: account.username, ...(fields.includes('public_metrics') ? { public_metrics: publicMetrics } : {}) } });
  });

  // https://docs.x.com/x-api/users/get-posts → { data: [Post], meta: { result_count, newest_id, oldest_id } }, newest first
  app.get('/2/users/:id/tweets', (c) => {
    const account = authed(c);
    if (account instanceof Response) return account;
    const max = Number(c.req.query('max_results') ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100) {
      return c.json({ errors: [{ parameters: { max_results: [String(max)] }, message: `The \`max_results\` query parameter value [${max}] is not between 5 and 100` }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' }, 400);
    }
    const fields = (c.req.query('tweet.fields') ?? '').split(',');
    const list = posts.filter((post) => post.accountId === c.req.param('id')).reverse().slice(0, max);
    if (!list.length) return c.json({ meta: { result_count: 0 } });
    return c.json({
      data: list.map((post) => ({
        id: post.id,
        text: shownText(post),
        edit_history_tweet_ids: [post.id],
        ...(fields.includes('created_at') ? { created_at: post.createdAt } : {}),
        ...(fields.includes('entities') && post.links.length ? { entities: { urls: urlEntities(post) } } : {}),
      })),
      meta: { result_count: list.length, newest_id: list[0]!.id, oldest_id: list.at(-1)!.id },
    });
  });

  const { url, stop } = await serveStandin(app);
  return {
    url,
    posts,
    /** Every upload, by media id: its bytes, type, state and alt text. */
    media: media.media,
    setStatusReads: media.setStatusReads,
    requests: recorder.requests,
    failNext: recorder.failNext,
    seen: recorder.seen,
    stop,
    addAccount(account: Omit<StandinAccount, 'id'>): StandinAccount {
      const added = { ...account, id: newId() };
      accounts.push(added);
      return added;
    },
    postsOf: (account: StandinAccount) => posts.filter((post) => post.accountId === account.id),
    /** What x-rate-limit-* say from now on. */
    setRateWindow(next: typeof window) {
      window = next;
    },
  };
}

export type XStandin = Awaited<ReturnType<typeof startXStandin>>;

/** The text as X gives it back: links as t.co links, `& < >` as entities. */
function shownText(post: StoredPost): string {
  let text = post.text;
  for (const link of post.links) text = text.replace(link.expanded, link.url);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** entities.urls: positions in code points of the shown text. */
function urlEntities(post: StoredPost) {
  const shown = [...shownText(post)];
  return post.links.map((link) => {
    const start = shown.join('').indexOf(link.url);
    const startPoint = [...shown.join('').slice(0, start)].length;
    return { start: startPoint, end: startPoint + link.url.length, url: link.url, expanded_url: link.expanded, display_url: link.expanded.replace(/^https?:\/\//, '').slice(0, 26) + '…' };
  });
}

/** RFC 3986 percent-encoding, as OAuth 1.0a signs. */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
