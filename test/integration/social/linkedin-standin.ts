import { Hono, type Context } from 'hono';
import { recordRequests, serveStandin } from './standin-http.js';

/**
 * LinkedIn's versioned REST API reduced to what LinkedInNetwork calls, answering in the shapes of
 * its documentation (learn.microsoft.com/linkedin): the Posts API (create: 201 with the URN in
 * `x-restli-id`; the `author` finder), the organization follower count (networkSizes), and
 * LinkedIn's error bodies. Like LinkedIn it requires `LinkedIn-Version` and
 * `X-Restli-Protocol-Version: 2.0.0`, reads `commentary` as little text — cutting the post at the
 * first unescaped reserved character, as LinkedIn silently does — gives hashtags back as
 * templates, and refuses an author's repeated text (422 DUPLICATE_POST naming the first post).
 */

interface StandinMember {
  token: string;
  /** The organizations the member administers. */
  administers: string[];
}

interface StoredPost {
  urn: string;
  author: string;
  /** As sent (little). */
  commentary: string;
  /** What LinkedIn shows: the little text read, up to the first unescaped reserved character. */
  shown: string;
  body: Record<string, unknown>;
  createdAt: number;
}

const routeOf = (method: string, path: string) => `${method} ${path.replace(/^\/rest\/networkSizes\/.+$/, '/rest/networkSizes/:urn')}`;
const failure = (status: number, code: string, message: string, serviceErrorCode = 100) => ({ status, serviceErrorCode, code, message });

export async function startLinkedInStandin(options: { version?: string } = {}) {
  const members: StandinMember[] = [];
  const posts: StoredPost[] = [];
  const followers = new Map<string, number>();
  let nextId = 7_240_000_000_000_000_000n;

  const app = new Hono();
  const recorder = recordRequests(app, routeOf);

  /** The member behind the token, having sent the headers every versioned call needs, or LinkedIn's error. */
  const authed = (c: Context): StandinMember | Response => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const member = members.find((candidate) => candidate.token === token);
    if (!member) return c.json(failure(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600), 401);
    const version = c.req.header('linkedin-version');
    if (!version) return c.json(failure(400, 'VERSION_MISSING', 'A version must be present. Please specify a version by adding the LinkedIn-Version header.'), 400);
    if (options.version && version !== options.version) return c.json(failure(426, 'NONEXISTENT_VERSION', `Requested version ${version} is not active`), 426);
    if (c.req.header('x-restli-protocol-version') !== '2.0.0') return c.json(failure(400, 'ILLEGAL_ARGUMENT', 'Rest.li protocol version 2.0.0 is required'), 400);
    return member;
  };

  app.post('/rest/posts', async (c) => {
    const member = authed(c);
    if (member instanceof Response) return member;
    const body = (await c.req.json()) as Record<string, unknown>;
    const author = String(body.author ?? '');
    if (author.startsWith('urn:li:organization:') && !member.administers.includes(author)) {
      return c.json(failure(403, 'ACCESS_DENIED', 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20260501'), 403);
    }
    const commentary = typeof body.commentary === 'string' ? body.commentary : '';
    if (body.lifecycleState !== 'PUBLISHED' || !['PUBLIC', 'CONNECTIONS'].includes(String(body.visibility)) || typeof body.distribution !== 'object') {
      return c.json(failure(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /lifecycleState :: field is required but not found and has no default value'), 422);
    }
    const earlier = posts.find((post) => post.author === author && post.commentary === commentary);
    if (earlier) {
      return c.json({ errorDetailType: 'com.linkedin.common.error.BadRequest', message: `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${earlier.urn}`, errorDetails: { inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }] }, status: 422 }, 422);
    }
    const post: StoredPost = { urn: `urn:li:share:${nextId++}`, author, commentary, shown: readLittle(commentary), body, createdAt: Date.now() };
    posts.push(post);
    await recorder.stall(c);
    return c.body(null, 201, { 'x-restli-id': post.urn, 'x-linkedin-id': post.urn });
  });

  app.get('/rest/posts', (c) => {
    const member = authed(c);
    if (member instanceof Response) return member;
    if (c.req.query('q') !== 'author' || c.req.header('x-restli-method')?.toUpperCase() !== 'FINDER') return c.json(failure(400, 'ILLEGAL_ARGUMENT', 'Unsupported finder'), 400);
    const author = c.req.query('author') ?? '';
    const count = Math.min(100, Number(c.req.query('count') ?? 10));
    const list = posts.filter((post) => post.author === author).reverse();
    return c.json({
      paging: { start: 0, count, links: [], total: list.length },
      elements: list.slice(0, count).map((post) => ({
        id: post.urn,
        author: post.author,
        // LinkedIn gives hashtags back as templates.
        commentary: post.commentary.replace(/(^|[^\\])#([\p{L}\p{M}\p{N}]+)/gu, '$1{hashtag|\\#|$2}'),
        visibility: post.body.visibility,
        distribution: post.body.distribution,
        lifecycleState: 'PUBLISHED',
        lifecycleStateInfo: { isEditedByAuthor: false },
        isReshareDisabledByAuthor: false,
        createdAt: post.createdAt,
        publishedAt: post.createdAt,
        lastModifiedAt: post.createdAt,
      })),
    });
  });

  app.get('/rest/networkSizes/:urn', (c) => {
    const member = authed(c);
    if (member instanceof Response) return member;
    const urn = decodeURIComponent(c.req.param('urn'));
    if (c.req.query('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER' || !followers.has(urn)) return c.json(failure(404, 'NOT_FOUND', `Not found: ${urn}`), 404);
    return c.json({ firstDegreeSize: followers.get(urn) });
  });

  const { url, stop } = await serveStandin(app);
  return {
    url,
    posts,
    requests: recorder.requests,
    failNext: recorder.failNext,
    seen: recorder.seen,
    stop,
    addMember: (member: StandinMember) => members.push(member),
    addOrganization: (urn: string, count: number) => followers.set(urn, count),
    postsOf: (author: string) => posts.filter((post) => post.author === author),
  };
}

export type LinkedInStandin = Awaited<ReturnType<typeof startLinkedInStandin>>;

/** little text as LinkedIn shows it: escapes resolved, hashtags kept, and cut at the first unescaped reserved character. */
function readLittle(little: string): string {
  let shown = '';
  for (let i = 0; i < little.length; i++) {
    const char = little[i]!;
    if (char === '\\' && i + 1 < little.length) shown += little[++i];
    else if (char === '#' && /[\p{L}\p{M}\p{N}]/u.test(little[i + 1] ?? '')) shown += char;
    else if ('|{}@[]()<>#*_~'.includes(char)) return shown;
    else shown += char;
  }
  return shown;
}
