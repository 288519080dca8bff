import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { GRAPH_API_VERSION } from '../../../functions/adapters/social/facebook-network.js';
import { parseMultipart, recordRequests, serveStandin, sniffType, type FilePart } from './standin-http.js';

/**
 * The Graph API reduced to what FacebookNetwork calls on a Page, answering in the shapes of
 * Meta's documentation: POST /{page-id}/feed and GET /{page-id}/posts
 * (https://developers.facebook.com/docs/pages-api/posts), POST /{page-id}/photos
 * (https://developers.facebook.com/docs/graph-api/reference/photo/#Creating), GET
 * /{page-id}?fields=followers_count (https://developers.facebook.com/docs/graph-api/reference/page),
 * and errors as Graph error objects (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 * It takes the token as Graph does (`access_token`, in the form, multipart or not, or the
 * query), checks a photo's bytes (a type a Page takes, under 4 MB), lets a post attach only the
 * Page's unpublished photos (`attached_media`), refuses a message identical to the Page's last
 * one (506), and can be told to fail a route.
 */

interface StandinPage {
  id: string;
  name: string;
  followers: number;
  token: string;
}

interface StoredPost {
  id: string;
  pageId: string;
  message: string;
  link?: string;
  /** The photos the post attached, in order. */
  photos: string[];
  createdTime: string;
}

export interface StoredPhoto {
  id: string;
  pageId: string;
  file: FilePart;
  published: boolean;
  alt?: string;
  /** The post that attached it. */
  postId?: string;
}

/** Photos a Page takes: JPEG, PNG, GIF, WebP, under 4 MB (the Photo reference). */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const PHOTO_MAX_BYTES = 4 * 1024 * 1024;

const V = GRAPH_API_VERSION.replace('.', '\\.');
const routeOf = (method: string, path: string) => `${method} ${path.replace(new RegExp(`^/${V}/\\d+`), `/${GRAPH_API_VERSION}/:page`)}`;

/** A Graph error object as Graph answers it (HTTP 400 unless said otherwise). */
export const graphError = (code: number, message: string, more: Record<string, unknown> = {}) => ({
  error: { message, type: code === 190 || code === 32 ? 'OAuthException' : 'FacebookApiException', code, fbtrace_id: `A${randomBytes(8).toString('hex')}`, ...more },
});

export async function startFacebookStandin() {
  const pages: StandinPage[] = [];
  const posts: StoredPost[] = [];
  const photos = new Map<string, StoredPhoto>();
  let nextPostId = 1_000_000_000_000_000n;
  let nextPhotoId = 122_000_000_000_000_000n;

  const app = new Hono();
  const recorder = recordRequests(app, routeOf);
  const base = `/${GRAPH_API_VERSION}`;

  /** The Page behind the request's access token, which must be that Page's, or Graph's 190. */
  const authed = async (c: Context): Promise<{ page: StandinPage; form: Record<string, string>; files: Record<string, FilePart> } | Response> => {
    const type = c.req.header('content-type') ?? '';
    const { form, files } =
      c.req.method !== 'POST'
        ? { form: {} as Record<string, string>, files: {} }
        : type.startsWith('multipart/form-data')
          ? parseMultipart(Buffer.from(await c.req.arrayBuffer()), type)
          : { form: Object.fromEntries(new URLSearchParams(await c.req.text())), files: {} };
    const token = form.access_token ?? c.req.query('access_token');
    const page = pages.find((candidate) => candidate.id === c.req.param('page'));
    if (!token || !page || page.token !== token) {
      return c.json(graphError(190, 'Error validating access token: Session has expired on Tuesday, 21-Jul-26 10:00:00 PDT.', { error_subcode: 463 }), 400);
    }
    return { page, form, files };
  };

  // The Photo reference, "Creating": `url` or a file (`source`), `published`, `alt_text_custom` → { id } (and `post_id` once published).
  app.post(`${base}/:page/photos`, async (c) => {
    const asked = await authed(c);
    if (asked instanceof Response) return asked;
    const { page, form, files } = asked;
    const file = files.source;
    if (!file) return c.json(graphError(324, '(#324) Requires upload file'), 400);
    const type = sniffType(file.bytes);
    if (!type || !PHOTO_TYPES.includes(type) || (file.type && file.type !== type)) return c.json(graphError(324, '(#324) Missing or invalid image file'), 400);
    if (file.bytes.length > PHOTO_MAX_BYTES) return c.json(graphError(100, '(#100) Invalid parameter', { error_user_msg: 'The photo is larger than 4 MB.' }), 400);
    const published = form.published !== 'false';
    const photo: StoredPhoto = { id: String(nextPhotoId++), pageId: page.id, file, published, ...(form.alt_text_custom ? { alt: form.alt_text_custom } : {}) };
    photos.set(photo.id, photo);
    await recorder.stall(c);
    return c.json({ id: photo.id });
  });

  app.post(`${base}/:page/feed`, async (c) => {
    const asked = await authed(c);
    if (asked instanceof Response) return asked;
    const { page, form } = asked;
    const message = form.message ?? '';
    // The Page Feed reference: `attached_media` — the Page's unpublished photos, as {"media_fbid": "{photo-id}"}.
    const attached: string[] = [];
    for (let index = 0; `attached_media[${index}]` in form; index++) {
      let fbid: unknown;
      try {
        fbid = (JSON.parse(form[`attached_media[${index}]`]!) as { media_fbid?: unknown }).media_fbid;
      } catch {
        fbid = undefined;
      }
      const photo = typeof fbid === 'string' ? photos.get(fbid) : undefined;
      if (!photo || photo.pageId !== page.id || photo.published || photo.postId) {
        return c.json(graphError(100, `(#100) param attached_media[${index}] has invalid media_fbid: ${String(fbid)}`), 400);
      }
      attached.push(photo.id);
    }
    if (!message && !form.link && !attached.length) return c.json(graphError(100, '(#100) Missing message or attachment'), 400);
    const last = posts.filter((post) => post.pageId === page.id).at(-1);
    if (last && last.message === message) {
      return c.json(graphError(506, 'Duplicate status message', { error_subcode: 1455006, is_transient: false, error_user_title: 'Duplicate Post', error_user_msg: 'This status update is identical to the last one you posted. Try posting something different, or delete your previous update.' }), 400);
    }
    const post: StoredPost = { id: `${page.id}_${nextPostId++}`, pageId: page.id, message, link: form.link, photos: attached, createdTime: new Date().toISOString().replace(/\.\d+Z$/, '+0000') };
    for (const id of attached) photos.get(id)!.postId = post.id;
    posts.push(post);
    await recorder.stall(c);
    return c.json({ id: post.id });
  });

  app.get(`${base}/:page/posts`, async (c) => {
    const asked = await authed(c);
    if (asked instanceof Response) return asked;
    const { page } = asked;
    const limit = Math.min(100, Number(c.req.query('limit') ?? 25));
    const fields = (c.req.query('fields') ?? 'id').split(',');
    const list = posts.filter((post) => post.pageId === page.id).reverse().slice(0, limit);
    const data = list.map((post) => ({
      id: post.id,
      ...(fields.includes('message') ? { message: post.message } : {}),
      ...(fields.includes('permalink_url') ? { permalink_url: `https://www.facebook.com/${page.name}/posts/pfbid0${post.id.split('_')[1]}` } : {}),
      ...(fields.includes('created_time') ? { created_time: post.createdTime } : {}),
    }));
    return c.json({ data, paging: { cursors: { before: 'QVFIUmJ', after: 'QVFIUmx' } } });
  });

  app.get(`${base}/:page`, async (c) => {
    const asked = await authed(c);
    if (asked instanceof Response) return asked;
    const { page } = asked;
    const fields = (c.req.query('fields') ?? 'name').split(',');
    return c.json({ ...(fields.includes('followers_count') ? { followers_count: page.followers } : {}), ...(fields.includes('name') ? { name: page.name } : {}), id: page.id });
  });

  const { url, stop } = await serveStandin(app);
  return {
    url,
    posts,
    /** Every photo uploaded, by id: its file, whether published, its alt text, the post that attached it. */
    photos,
    requests: recorder.requests,
    failNext: recorder.failNext,
    seen: recorder.seen,
    stop,
    addPage(page: StandinPage): StandinPage {
      pages.push(page);
      return page;
    },
    postsOf: (page: StandinPage) => posts.filter((post) => post.pageId === page.id),
  };
}

export type FacebookStandin = Awaited<ReturnType<typeof startFacebookStandin>>;
