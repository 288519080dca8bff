import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';

/**
 * A Bluesky PDS reduced to the XRPC methods BlueskyNetwork calls, answering in the shapes of the
 * atproto lexicons (each method names its lexicon file under
 * https://github.com/bluesky-social/atproto/tree/main/lexicons). The client checks every answer
 * against those lexicons, so a wrong shape here fails the test. It records requests as they
 * arrived, issues and expires sessions, keeps a repository per account (one record per key, as
 * the real repository tree does), and can be told to fail the next call to a method.
 *
 * `@atproto/dev-env` (a real PDS, AppView and PLC in-process) would be the better partner, but it
 * needs Node ≥ 22 and this project runs on Node 20.
 */

export interface SeenRequest {
  method: string;
  nsid: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  json?: Record<string, unknown>;
  bytes?: Buffer;
}

export type Fault =
  | { status: number; error?: string; message?: string; headers?: Record<string, string> }
  /** Do the work (store the record), then keep the client waiting this long before answering. */
  | { storeThenStallMs: number };

interface StandinAccount {
  did: string;
  handle: string;
  appPassword: string;
  followers: number;
}

interface StoredRecord {
  uri: string;
  cid: string;
  value: Record<string, unknown>;
}

export async function startBlueskyStandin(options: { existingKey?: 'reference-pds' | 'already-exists' } = {}) {
  const accounts: StandinAccount[] = [];
  const accessTokens = new Map<string, { did: string; expired: boolean }>();
  const refreshTokens = new Map<string, { did: string; revoked: boolean }>();
  const records = new Map<string, StoredRecord>();
  const blobs = new Map<string, { mimeType: string; size: number }>();
  const faults = new Map<string, Fault[]>();
  const requests: SeenRequest[] = [];
  const stalls = new WeakMap<Request, number>();
  let tokenCount = 0;
  let existingKey = options.existingKey ?? 'reference-pds';

  const app = new Hono();
  let url = '';

  const xrpcError = (c: Context, status: number, error: string, message: string, headers: Record<string, string> = {}) =>
    c.json({ error, message }, status as 400, headers);

  app.use('/xrpc/*', async (c, next) => {
    const nsid = c.req.path.slice('/xrpc/'.length);
    const seen: SeenRequest = { method: c.req.method, nsid, query: c.req.query(), headers: Object.fromEntries(Object.entries(c.req.header()).map(([k, v]) => [k.toLowerCase(), v])) };
    if (c.req.method === 'POST') {
      const raw = Buffer.from(await c.req.raw.clone().arrayBuffer());
      if ((c.req.header('content-type') ?? '').startsWith('application/json')) seen.json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      else seen.bytes = raw;
    }
    requests.push(seen);
    const fault = faults.get(nsid)?.shift();
    if (fault && 'status' in fault) return xrpcError(c, fault.status, fault.error ?? 'InternalServerError', fault.message ?? 'Internal Server Error', fault.headers);
    if (fault) stalls.set(c.req.raw, fault.storeThenStallMs);
    await next();
  });

  /** The account behind the request's access token, or the XRPC error the PDS answers. */
  const authed = (c: Context): StandinAccount | Response => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return xrpcError(c, 401, 'AuthenticationRequired', 'Authentication Required');
    const session = accessTokens.get(token);
    if (!session) return xrpcError(c, 400, 'InvalidToken', 'Token could not be verified');
    if (session.expired) return xrpcError(c, 400, 'ExpiredToken', 'Token has expired');
    return accounts.find((account) => account.did === session.did)!;
  };

  const didDoc = (account: StandinAccount) => ({
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: account.did,
    alsoKnownAs: [`at://${account.handle}`],
    verificationMethod: [{ id: `${account.did}#atproto`, type: 'Multikey', controller: account.did, publicKeyMultibase: 'zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF' }],
    service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: url }],
  });

  const issueSession = (account: StandinAccount) => {
    const accessJwt = jwtLike(account.did, 'com.atproto.access', ++tokenCount);
    const refreshJwt = jwtLike(account.did, 'com.atproto.refresh', tokenCount);
    accessTokens.set(accessJwt, { did: account.did, expired: false });
    refreshTokens.set(refreshJwt, { did: account.did, revoked: false });
    return { accessJwt, refreshJwt, handle: account.handle, did: account.did, didDoc: didDoc(account), email: `${account.handle}@example.org`, emailConfirmed: true, emailAuthFactor: false, active: true };
  };

  // lexicons/com/atproto/server/createSession.json — input {identifier, password}; output {accessJwt, refreshJwt, handle, did, didDoc?, …}
  app.post('/xrpc/com.atproto.server.createSession', async (c) => {
    const { identifier, password } = (await c.req.json()) as { identifier?: string; password?: string };
    const account = accounts.find((candidate) => candidate.handle === identifier || candidate.did === identifier);
    if (!account || account.appPassword !== password) return xrpcError(c, 401, 'AuthenticationRequired', 'Invalid identifier or password');
    return c.json(issueSession(account));
  });

  // lexicons/com/atproto/server/refreshSession.json — auth: the refresh JWT; errors ExpiredToken, InvalidToken
  app.post('/xrpc/com.atproto.server.refreshSession', (c) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const refresh = refreshTokens.get(token);
    if (!refresh) return xrpcError(c, 400, 'InvalidToken', 'Token could not be verified');
    if (refresh.revoked) return xrpcError(c, 400, 'ExpiredToken', 'Token has been revoked');
    refresh.revoked = true; // refresh tokens are single-use
    return c.json(issueSession(accounts.find((account) => account.did === refresh.did)!));
  });

  // lexicons/com/atproto/server/getSession.json
  app.get('/xrpc/com.atproto.server.getSession', (c) => {
    const account = authed(c);
    if (account instanceof Response) return account;
    return c.json({ handle: account.handle, did: account.did, didDoc: didDoc(account), email: `${account.handle}@example.org`, emailConfirmed: true, emailAuthFactor: false, active: true });
  });

  // lexicons/com/atproto/identity/resolveHandle.json — output {did}
  app.get('/xrpc/com.atproto.identity.resolveHandle', (c) => {
    const account = accounts.find((candidate) => candidate.handle === c.req.query('handle'));
    if (!account) return xrpcError(c, 400, 'InvalidRequest', 'Unable to resolve handle');
    return c.json({ did: account.did });
  });

  // lexicons/com/atproto/repo/uploadBlob.json — input: the bytes (*/*); output {blob} (a blob ref: {$type: 'blob', ref: {$link: cid}, mimeType, size})
  app.post('/xrpc/com.atproto.repo.uploadBlob', async (c) => {
    const account = authed(c);
    if (account instanceof Response) return account;
    const bytes = Buffer.from(await c.req.arrayBuffer());
    const mimeType = c.req.header('content-type') ?? 'application/octet-stream';
    const ref = cidOf(0x55, bytes);
    blobs.set(ref, { mimeType, size: bytes.length });
    return c.json({ blob: { $type: 'blob', ref: { $link: ref }, mimeType, size: bytes.length } });
  });

  // lexicons/com/atproto/repo/createRecord.json — input {repo, collection, rkey?, validate?, record, swapCommit?};
  // output {uri, cid, commit?: {cid, rev}, validationStatus?}; errors InvalidSwap, and InvalidRequest for a bad record.
  // A key already taken: the reference PDS's repository tree throws "There is already a value at key",
  // which its server turns into 500 InternalServerError; `existingKey: 'already-exists'` answers as
  // other PDSes do, 400 InvalidRequest "Record already exists".
  app.post('/xrpc/com.atproto.repo.createRecord', async (c) => {
    const account = authed(c);
    if (account instanceof Response) return account;
    const input = (await c.req.json()) as { repo: string; collection: string; rkey?: string; record: Record<string, unknown> };
    if (input.repo !== account.did && input.repo !== account.handle) return xrpcError(c, 401, 'AuthenticationRequired', 'Authentication Required');
    const rkey = input.rkey ?? tidNow();
    if (input.collection === 'app.bsky.feed.post' && !/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(rkey)) {
      return xrpcError(c, 400, 'InvalidRequest', `Invalid record key: ${rkey} is not a TID`);
    }
    const problem = invalidPost(input.record, blobs);
    if (problem) return xrpcError(c, 400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`);
    const uri = `at://${account.did}/${input.collection}/${rkey}`;
    if (records.has(uri)) {
      return existingKey === 'reference-pds'
        ? xrpcError(c, 500, 'InternalServerError', 'Internal Server Error')
        : xrpcError(c, 400, 'InvalidRequest', `Record already exists: ${uri}`);
    }
    const cid = cidOf(0x71, Buffer.from(JSON.stringify(input.record)));
    records.set(uri, { uri, cid, value: input.record });
    const stall = stalls.get(c.req.raw);
    if (stall) await new Promise((resolve) => setTimeout(resolve, stall));
    return c.json({ uri, cid, commit: { cid: cidOf(0x71, Buffer.from(uri)), rev: tidNow() }, validationStatus: 'valid' });
  });

  // lexicons/com/atproto/repo/getRecord.json — output {uri, cid?, value}; error RecordNotFound
  app.get('/xrpc/com.atproto.repo.getRecord', (c) => {
    const repo = c.req.query('repo');
    const account = accounts.find((candidate) => candidate.did === repo || candidate.handle === repo);
    if (!account) return xrpcError(c, 400, 'InvalidRequest', `Could not find repo: ${repo}`);
    const uri = `at://${account.did}/${c.req.query('collection')}/${c.req.query('rkey')}`;
    const record = records.get(uri);
    if (!record) return xrpcError(c, 400, 'RecordNotFound', `Could not locate record: ${uri}`);
    return c.json(record);
  });

  // lexicons/app/bsky/actor/getProfile.json — output app.bsky.actor.defs#profileViewDetailed
  app.get('/xrpc/app.bsky.actor.getProfile', (c) => {
    const viewer = authed(c);
    if (viewer instanceof Response) return viewer;
    const actor = c.req.query('actor');
    const account = accounts.find((candidate) => candidate.did === actor || candidate.handle === actor);
    if (!account) return xrpcError(c, 400, 'InvalidRequest', 'Profile not found');
    return c.json({
      did: account.did,
      handle: account.handle,
      displayName: account.handle.split('.')[0],
      description: 'Lending my voice to the Blue Heart campaign',
      followersCount: account.followers,
      followsCount: 42,
      postsCount: [...records.keys()].filter((uri) => uri.startsWith(`at://${account.did}/app.bsky.feed.post/`)).length,
      indexedAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2024-02-06T00:00:00.000Z',
      viewer: { muted: false, blockedBy: false },
      labels: [],
    });
  });

  app.get('/media/:file', (c) => c.body(PNG, 200, { 'content-type': 'image/png' }));

  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    records,
    blobs,
    addAccount(handle: string, appPassword: string, followers: number): StandinAccount {
      const account = { did: `did:plc:${createHash('sha256').update(handle).digest('hex').slice(0, 24)}`, handle, appPassword, followers };
      accounts.push(account);
      return account;
    },
    /** Every access token issued so far now answers ExpiredToken (the client refreshes). */
    expireAccessTokens() {
      for (const session of accessTokens.values()) session.expired = true;
    },
    /** Every session is gone: access and refresh tokens (the adapter must log in again). */
    revokeSessions() {
      for (const session of accessTokens.values()) session.expired = true;
      for (const refresh of refreshTokens.values()) refresh.revoked = true;
    },
    changeAppPassword(account: StandinAccount, appPassword: string) {
      account.appPassword = appPassword;
    },
    answerExistingKeysAs(mode: 'reference-pds' | 'already-exists') {
      existingKey = mode;
    },
    postsOf: (account: StandinAccount) => [...records.values()].filter((record) => record.uri.startsWith(`at://${account.did}/app.bsky.feed.post/`)),
    /** The next call to `nsid` gets `fault`; several queue up. */
    failNext(nsid: string, ...planned: Fault[]) {
      faults.set(nsid, [...(faults.get(nsid) ?? []), ...planned]);
    },
    seen: (nsid: string) => requests.filter((request) => request.nsid === nsid),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type BlueskyStandin = Awaited<ReturnType<typeof startBlueskyStandin>>;

/**
 * What the PDS's lexicon validation would say of an app.bsky.feed.post (lexicons/app/bsky/feed/post.json,
 * and for its images lexicons/app/bsky/embed/images.json: at most 4, each a blob of image/* up to
 * 1,000,000 bytes with a required `alt`, and an optional aspectRatio of positive integers), or undefined.
 */
function invalidPost(record: Record<string, unknown>, blobs: Map<string, { mimeType: string; size: number }>): string | undefined {
  if (record.$type !== 'app.bsky.feed.post') return 'Record/$type must be app.bsky.feed.post';
  if (typeof record.text !== 'string') return 'Record/text must be a string';
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) return 'Record/createdAt must be an valid atproto datetime';
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(record.text)].length;
  if (graphemes > 300) return 'Record/text must not be longer than 300 graphemes';
  if (Buffer.byteLength(record.text) > 3000) return 'Record/text must not be longer than 3000 characters';
  type Image = { image?: { $type?: string; ref?: { $link?: string }; mimeType?: string; size?: number }; alt?: unknown; aspectRatio?: { width?: unknown; height?: unknown } };
  const embed = record.embed as { $type?: string; images?: Image[] } | undefined;
  if (embed) {
    if (embed.$type !== 'app.bsky.embed.images' || !Array.isArray(embed.images) || embed.images.length > 4) return 'Record/embed must be app.bsky.embed.images with up to 4 images';
    for (const [i, image] of embed.images.entries()) {
      if (typeof image.alt !== 'string') return `Record/embed/images/${i} must have the property "alt"`;
      const blob = blobs.get(image.image?.ref?.$link ?? '');
      if (!blob || image.image?.$type !== 'blob') return `Could not find blob: ${image.image?.ref?.$link}`;
      if (!blob.mimeType.startsWith('image/')) return `Record/embed/images/${i}/image mimeType (${blob.mimeType}) not accepted. Expected: image/*`;
      if (blob.size > 1_000_000) return `Record/embed/images/${i}/image file too large (${blob.size} bytes). Maximum is 1000000 bytes`;
      const ratio = image.aspectRatio;
      if (ratio !== undefined && ![ratio.width, ratio.height].every((n) => Number.isInteger(n) && (n as number) >= 1)) {
        return `Record/embed/images/${i}/aspectRatio must have integer width and height of at least 1`;
      }
    }
  }
  return undefined;
}

/** A CIDv1 (sha2-256) in base32, as atproto writes them: codec 0x55 raw (blobs) or 0x71 dag-cbor (records). */
function cidOf(codec: 0x55 | 0x71, bytes: Buffer): string {
  const binary = Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), createHash('sha256').update(bytes).digest()]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = 'b';
  let bits = 0;
  let value = 0;
  for (const byte of binary) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** A TID from the clock: 53 bits of microseconds, 10 bits of clock id (https://atproto.com/specs/tid). */
function tidNow(): string {
  let value = (BigInt(Date.now()) * 1000n) << 10n;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = '234567abcdefghijklmnopqrstuvwxyz'[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

const jwtLike = (did: string, scope: string, n: number) =>
  [{ typ: 'at+jwt', alg: 'ES256K' }, { scope, sub: did, iat: n, exp: n + 7200 }, `sig-${n}`].map((part) => Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url')).join('.');

/** A 1×1 PNG, as a media kit image. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhgHOw6nU9QAAAABJRU5ErkJggg==', 'base64');
