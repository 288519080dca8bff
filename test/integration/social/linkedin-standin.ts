import { Hono, type Context } from 'hono';
import { randomBytes } from 'node:crypto';
import { recordRequests, serveStandin, sniffType } from './standin-http.js';

/**
 * LinkedIn's versioned REST API reduced to what LinkedInNetwork calls, answering in the shapes of
 * its documentation (learn.microsoft.com/linkedin): the Posts API (create: 201 with the URN in
 * `x-restli-id`; the `author` finder), the Images API (initializeUpload, then a PUT of the bytes
 * to the upload URL it gives), the organization follower count (networkSizes), and LinkedIn's
 * error bodies. Like LinkedIn it requires `LinkedIn-Version` and `X-Restli-Protocol-Version:
 * 2.0.0`, reads `commentary` as little text — cutting the post at the first unescaped reserved
 * character, as LinkedIn silently does — gives hashtags back as templates, refuses an author's
 * repeated text (422 DUPLICATE_POST naming the first post), and lets a post name only images its
 * author owns whose bytes arrived (one as `content.media`, 2 to 20 as `content.multiImage`).
 */

interface StandinMember {
  token: string;
  /** The organizations the member administers. */
  administers: string[];
}

export interface StoredImage {
  urn: string;
  owner: string;
  /** The token of the member who initialized the upload (the PUT must carry it). */
  token: string;
  uploadToken: string;
  /** The bytes, once PUT to the upload URL. */
  bytes?: Buffer;
  type?: string;
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

const routeOf = (method: string, path: string) => `${method} ${path.replace(/^\/rest\/networkSizes\/.+$/, '/rest/networkSizes/:urn').replace(/^\/dms-uploads\/.+$/, '/dms-uploads/:upload')}`;
/** The Images API's formats: JPG, GIF, PNG. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif'];
const failure = (status: number, code: string, message: string, serviceErrorCode = 100) => ({ status, serviceErrorCode, code, message });

export async function startLinkedInStandin(options: { version?: string } = {}) {
  const members: StandinMember[] = [];
  const posts: StoredPost[] = [];
  const images = new Map<string, StoredImage>();
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

  // Images API, "Initialize Image Upload": { initializeUploadRequest: { owner } } → { value: { uploadUrlExpiresAt, uploadUrl, image } }
  app.post('/rest/images', async (c) => {
    const member = authed(c);
    if (member instanceof Response) return member;
    if (c.req.query('action') !== 'initializeUpload') return c.json(failure(400, 'ILLEGAL_ARGUMENT', 'Unsupported action'), 400);
    const owner = String(((await c.req.json()) as { initializeUploadRequest?: { owner?: unknown } }).initializeUploadRequest?.owner ?? '');
    if (!member.administers.includes(owner)) return c.json(failure(403, 'ACCESS_DENIED', `Not enough permissions to access: images.ACTION.20260501 for ${owner}`), 403);
    const image: StoredImage = { urn: `urn:li:image:C4E10AQ${randomBytes(6).toString('hex')}`, owner, token: member.token, uploadToken: randomBytes(8).toString('hex') };
    images.set(image.urn, image);
    const uploadUrl = `${new URL(c.req.url).origin}/dms-uploads/${image.uploadToken}/uploadedImage/0?ca=vector_ads&cn=uploads&sync=0&v=beta`;
    return c.json({ value: { uploadUrlExpiresAt: Date.now() + 3_600_000, uploadUrl, image: image.urn } });
  });

  // "Upload the Image": the bytes PUT to uploadUrl with the member's token → 201. LinkedIn takes JPG, GIF and PNG.
  app.put('/dms-uploads/:upload/uploadedImage/0', async (c) => {
    const image = [...images.values()].find((candidate) => candidate.uploadToken === c.req.param('upload'));
    if (!image) return c.json(failure(404, 'NOT_FOUND', 'Upload not found'), 404);
    if (c.req.header('authorization') !== `Bearer ${image.token}`) return c.json(failure(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600), 401);
    const bytes = Buffer.from(await c.req.arrayBuffer());
    const type = sniffType(bytes);
    if (!type || !IMAGE_TYPES.includes(type)) return c.json(failure(400, 'BAD_REQUEST', 'The uploaded file is not a JPG, GIF or PNG image'), 400);
    Object.assign(image, { bytes, type });
    await recorder.stall(c);
    return c.body(null, 201);
  });

  app.post('/rest/posts', async (c) => {
    const member = authed(c);
    if (member instanceof Response) return member;
    const body = (await c.req.json()) as Record<string, unknown>;
    const author = String(body.author ?? '');
    if (author.startsWith('urn:li:organization:') && !member.administers.includes(author)) {
      return c.json(failure(403, 'ACCESS_DENIED', 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20260501'), 403);
    }
    const contentProblem = problemWithContent(body.content, author);
    if (contentProblem) return c.json(failure(422, 'UNPROCESSABLE_ENTITY', contentProblem), 422);
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
        ...(post.body.content ? { content: post.body.content } : {}),
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

  /** Why the post's `content` cannot go: images the author owns, uploaded, one as `media` or 2–20 as `multiImage`, alt text at most 4,086 characters. */
  function problemWithContent(content: unknown, author: string): string | undefined {
    if (content === undefined) return undefined;
    const { media, multiImage } = content as { media?: { id?: unknown; altText?: unknown }; multiImage?: { images?: Array<{ id?: unknown; altText?: unknown }> } };
    const named = media ? [media] : (multiImage?.images ?? []);
    if (multiImage && (named.length < 2 || named.length > 20)) return `ERROR :: /content/multiImage/images :: ${named.length} images; a MultiImage post takes 2 to 20`;
    if (!named.length) return 'ERROR :: /content :: unsupported content';
    for (const [index, image] of named.entries()) {
      const stored = typeof image.id === 'string' ? images.get(image.id) : undefined;
      if (!stored || stored.owner !== author || !stored.bytes) return `ERROR :: /content/${media ? 'media' : `multiImage/images/${index}`}/id :: ${String(image.id)} is not an uploaded image of ${author}`;
      if (image.altText !== undefined && (typeof image.altText !== 'string' || [...image.altText].length > 4_086)) return `ERROR :: altText :: must be a text of at most 4086 characters`;
    }
    return undefined;
  }

  const { url, stop } = await serveStandin(app);
  return {
    url,
    posts,
    /** Every image initialized, by URN: its owner and, once PUT, its bytes and type. */
    images,
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
