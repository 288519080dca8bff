import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeGateway } from '../../../functions/adapters/stripe/stripe-gateway.js';
import { FetchMastodonOAuthClient } from '../../../functions/adapters/social/mastodon-oauth-client.js';
import { seedCampaigns } from '../../../functions/dev/seed.js';
import { startStripeStandin, type StripeStandin } from '../../../functions/dev/stripe-standin/index.js';
import { assertAmountAllowed, isCurrency, type Currency } from '../../../functions/domain/donations/currencies.js';
import { CheckoutSchema } from '../../../functions/http/routes/donations.schemas.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';
import { approvedMessage } from '../social/supporter-fixtures.js';
import { startMastodonStandin, type MastodonStandin } from '../social/mastodon-standin.js';
import { anyJsonBody, brokenBody, encode, encodings, nearValidBody, oddQuery, oddSegment, visitorIp, type FuzzRequest } from './fuzz-arbitraries.js';
import { fuzzPlans, type FuzzWorld, type RoutePlan } from './fuzz-plans.js';
import { publicOperations, type OpenApiDocument, type PublicOperation } from './public-operations.js';
import { scanTable, storedRecordProblems, type Item } from './stored-records.js';

/**
 * Every public endpoint of the OpenAPI document, fed generated requests: valid ones, ones with
 * one field wrong (wrong types, huge or hostile strings, lone surrogates, NUL, RTL, prototype
 * keys, extra and missing fields), any JSON at all, malformed and oversize bodies, the wrong
 * content type, odd query strings and path parameters. Whatever comes in: never a 5xx, every
 * 4xx a JSON error with a code and a message a person can read (or, where a person's browser
 * is talking, a page), and afterwards nothing half-written in the table or at Stripe.
 *
 * Replay a failure: FUZZ_SEED=<seed printed> npx vitest run --project integration <this file> -t "<route>".
 * More runs: FUZZ_RUNS=10 multiplies every run count.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_730);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const MEDIA_TICKET_BYTES = 1_000;

interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
}

const shorten = (text: string | undefined, max = 300) => (text && text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);
/** How a request prints when a property fails (bodies can be 600 KB). */
const printable = (request: FuzzRequest): FuzzRequest =>
  Object.assign(request, { [fc.toStringMethod]: () => JSON.stringify({ ...request, path: shorten(request.path), body: shorten(request.body) }) });

// The routes come from the document the app serves, read before the tests are named.
const platform: TestPlatform = await createTestPlatform();
const operations = publicOperations((await (await platform.request('/api/openapi.json')).json()) as OpenApiDocument);

describe('public endpoints under generated input', () => {
  let stripeStandin: StripeStandin;
  let stripe: Stripe;
  let mastodon: MastodonStandin;
  let plans: Record<string, RoutePlan>;
  let before: Item[];
  const checkoutSessions: string[] = [];
  /** The statuses of the operation under test, to show the valid requests went through. */
  let answered: number[] = [];

  const send = async (request: FuzzRequest): Promise<Answer> => {
    const response = await platform.request(request.path, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
      ...(request.ip ? { ip: request.ip } : {}),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text(), headers: response.headers };
  };

  /** What is wrong with an answer, if anything. */
  const problemWith = (operation: PublicOperation, request: FuzzRequest, answer: Answer): string | undefined => {
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return 'Object.prototype was polluted';
    if (answer.status >= 500) return `answered ${answer.status}: ${shorten(answer.text)}`;
    if (answer.status < 400) return undefined;
    if (answer.type.startsWith('application/json')) {
      let error: { code?: unknown; message?: unknown } | undefined;
      try {
        error = (JSON.parse(answer.text) as { error?: typeof error }).error;
      } catch {
        return `a ${answer.status} that is not JSON: ${shorten(answer.text)}`;
      }
      if (typeof error?.code !== 'string' || !/^[a-z_]+$/.test(error.code)) return `a ${answer.status} without error.code: ${shorten(answer.text)}`;
      const message = error.message;
      if (typeof message !== 'string' || message.trim().length < 10 || /\[object |undefined|\bat \S+:\d+:\d+|\w+Error\b/.test(message)) {
        return `a ${answer.status} whose message a person cannot read: ${shorten(answer.text)}`;
      }
      return undefined;
    }
    if (answer.type.startsWith('text/html')) {
      const formPost = request.headers['content-type'] === 'application/x-www-form-urlencoded' && operation.bodyTypes.includes('application/x-www-form-urlencoded');
      if (!operation.answersPages && !formPost) return `an HTML ${answer.status} from a JSON route`;
      if (!/<h1[^>]*>[^<]{3,}/.test(answer.text)) return `an error page with no heading: ${shorten(answer.text)}`;
      if (!answer.headers.get('content-security-policy')) return 'an error page without a Content-Security-Policy';
      return undefined;
    }
    return `a ${answer.status} as ${answer.type || 'no content type'}: ${shorten(answer.text)}`;
  };

  const check = async (operation: PublicOperation, request: FuzzRequest) => {
    const answer = await send(request);
    answered.push(answer.status);
    const problem = problemWith(operation, request, answer);
    if (problem) throw new Error(`${request.method} ${shorten(request.path, 120)}: ${problem}`);
  };

  const pathOf = (operation: PublicOperation, params: Record<string, string>) => operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'x');
  const queryOf = (query: Record<string, string>) => new URLSearchParams(query).toString();
  const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
  const validParams = (operation: PublicOperation) => plans[operation.key]?.params ?? fc.constant(Object.fromEntries(operation.pathParams.map((name) => [name, 'x'])));
  const validQuery = (operation: PublicOperation) => plans[operation.key]?.query ?? fc.constant({});
  /** The body a valid request sends, encoded as documented, with the headers that go with it. */
  const validBody = (operation: PublicOperation): fc.Arbitrary<{ headers: Record<string, string>; body?: string }> => {
    const plan = plans[operation.key];
    if (plan?.raw) return plan.raw;
    if (!plan?.body) return fc.constant({ headers: {} });
    return plan.body.chain((body) => signed(plan, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  };
  const signed = (plan: RoutePlan | undefined, sent: { headers: Record<string, string>; body: string }) =>
    plan?.headers ? plan.headers(sent.body).map((headers) => ({ headers: { ...sent.headers, ...headers }, body: sent.body })) : fc.constant(sent);

  const request = (
    operation: PublicOperation,
    parts: { params: fc.Arbitrary<Record<string, string>>; query: fc.Arbitrary<string>; body: fc.Arbitrary<{ headers: Record<string, string>; body?: string }> },
  ): fc.Arbitrary<FuzzRequest> =>
    fc.record({ params: parts.params, query: parts.query, sent: parts.body, ip: visitorIp }).map(({ params, query, sent, ip }) =>
      printable({ method: operation.method, path: withQuery(pathOf(operation, params), query), headers: sent.headers, ...(sent.body !== undefined ? { body: sent.body } : {}), ...(ip ? { ip } : {}) }),
    );

  const fuzz = async (operation: PublicOperation, requests: fc.Arbitrary<FuzzRequest>, numRuns: number) => {
    await fc.assert(
      fc.asyncProperty(requests, (generated) => check(operation, generated)),
      { seed: SEED, numRuns },
    );
  };

  beforeAll(async () => {
    const webhookSecret = `whsec_${randomUUID().replaceAll('-', '')}`;
    // Stripe in test mode, locally: the checkout records the endpoint writes are kept there.
    stripeStandin = await startStripeStandin({ webhookUrl: 'http://127.0.0.1:9/nowhere', webhookSecret });
    stripe = new Stripe(stripeStandin.secretKey, { host: stripeStandin.host, port: stripeStandin.port, protocol: 'http' });
    const gateway = new StripeGateway(stripe, webhookSecret);
    platform.deps.donations.gateway = {
      ...Object.fromEntries((['verifyEvent', 'portalUrl', 'entriesFor'] as const).map((name) => [name, gateway[name].bind(gateway)])),
      createCheckout: async (checkout, key) => {
        const session = await gateway.createCheckout(checkout, key);
        checkoutSessions.push(session.id);
        return session;
      },
    } as StripeGateway;
    await seedCampaigns(platform.deps.campaigns.repository, platform.clock.now());
    await approvedMessage(platform, 2026);
    // Connect with Mastodon: a stand-in instance by name; any other name counts as private (no DNS, no network here).
    mastodon = await startMastodonStandin({ domain: 'mastodon.example' });
    platform.deps.mastodonConnect.instances.local['mastodon.example'] = mastodon.url;
    platform.deps.mastodonConnect.oauth = new FetchMastodonOAuthClient({ timeoutMs: 2_000, addressKind: () => Promise.resolve('private') });

    // Real records for the plans to point at: pledges, lendings, connections under way, upload tickets.
    for (const [i, name] of ['Ana', 'Grace Wanjiru', 'محمد', 'Zoë', 'Li Lei', 'Olga'].entries()) {
      const body = { name, email: `fuzz.setup${i}@example.org`, country: 'MX', language: 'es', showOnWall: i % 2 === 0, wantsUpdates: true, ...(i % 3 === 0 ? { chapter: 'aquiestoy' } : {}) };
      expect((await platform.request('/api/pledges', json(body))).status).toBe(202);
    }
    const accountIds: string[] = [];
    for (const handle of ['fuzz-one.bsky.social', 'fuzz-two.bsky.social']) {
      const lent = await platform.request('/api/social/2026/accounts', json({ platform: 'bluesky', handle, secret: 'abcd-efgh-ijkl-mnop', language: 'en', timeZone: 'UTC', consent: true }));
      accountIds.push(((await lent.json()) as { account: { id: string } }).account.id);
    }
    const mastodonStates: string[] = [];
    for (let i = 0; i < 2; i++) {
      const started = await platform.request('/api/social/2026/oauth/mastodon/start', json({ server: 'mastodon.example', language: 'en', timeZone: 'UTC', consent: true }));
      mastodonStates.push(new URL(((await started.json()) as { authorizeUrl: string }).authorizeUrl).searchParams.get('state')!);
    }
    const mediaTickets = await Promise.all(
      ['fuzz.png', 'fuzz-2.png'].map(async (file) => {
        const ticket = await platform.deps.campaigns.media.createUpload({ year: 2026, file, contentType: 'image/png', bytes: MEDIA_TICKET_BYTES }, platform.clock.now());
        return ticket.url.split('/').pop()!;
      }),
    );
    before = await scanTable(platform.tableName);
    const world: FuzzWorld = {
      platform,
      webhookSecret,
      pledgeIds: before.filter((item) => item.type === 'pledge').map((item) => String(item.id)),
      accountIds,
      mastodonStates,
      mediaTickets,
      sharedCheckoutKey: randomUUID(),
    };
    plans = fuzzPlans(world);
  });

  afterAll(async () => {
    await stripeStandin?.stop();
    await mastodon?.stop();
  });

  it('finds the public endpoints in the OpenAPI document, and a generator for every one that writes', () => {
    const keys = operations.map((operation) => operation.key);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/pledges', 'POST /api/donations/checkout', 'POST /api/stripe/webhook', 'POST /api/social/{year}/accounts', 'GET /api/sign-in']));
    expect(keys.some((key) => key.startsWith('POST /api/admin/'))).toBe(false);
    const unplanned = operations.filter((operation) => (operation.writes || operation.pathParams.length > 0) && !plans[operation.key]);
    expect(unplanned.map((operation) => operation.key), 'public routes that write (or take path parameters) need a plan in fuzz-plans.ts').toEqual([]);
    const stale = Object.keys(plans).filter((key) => !keys.includes(key));
    expect(stale, 'plans for routes the document no longer has').toEqual([]);
  });

  it('answers what once gave a 500 with a 4xx, or a new payment page (what this fuzzer found)', async () => {
    const gift = { amount: 5_000, currency: 'usd', frequency: 'once', donorCategory: 'individual', anonymous: true, language: 'en', idempotencyKey: randomUUID() };
    // A lone surrogate (JSON can spell one) is not text: Stripe's client threw on it.
    const broken = await send(printable({ method: 'POST', path: '/api/donations/checkout', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...gift, dedication: 'x\uD83D' }) }));
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text)).toMatchObject({ error: { code: 'validation_failed', fields: [{ field: 'dedication', message: 'is not valid Unicode text' }] } });
    // The same form sent again with another amount (after a failed attempt) opens a new page; the same choices, the same page.
    const first = await platform.request('/api/donations/checkout', json(gift));
    const again = await platform.request('/api/donations/checkout', json(gift));
    const changed = await platform.request('/api/donations/checkout', json({ ...gift, amount: 7_500 }));
    expect([first.status, again.status, changed.status]).toEqual([200, 200, 200]);
    const [a, b, c] = (await Promise.all([first.json(), again.json(), changed.json()])) as Array<{ url: string }>;
    expect(b!.url).toBe(a!.url);
    expect(c!.url).not.toBe(a!.url);
    // A manage link for a customer Stripe no longer has; a JSON null where a token was expected.
    const manage = await platform.request(`/api/donations/manage?token=${platform.deps.donations.tokens.sign('manage-giving', 'cus_gone', platform.clock.now())}`);
    expect([manage.status, manage.headers.get('content-type')]).toEqual([404, 'text/html; charset=UTF-8']);
    for (const link of ['confirm', 'unsubscribe', 'erase']) expect((await platform.request(`/api/pledges/${link}`, json(null))).status).toBe(400);
  });

  it('a pledge erased before it was confirmed, then made again, is whole and not erased (what this fuzzer found)', async () => {
    const pledge = { name: 'Amani Njoroge', email: 'amani.again@example.org', country: 'KE', language: 'en', showOnWall: true, wantsUpdates: false };
    expect((await platform.request('/api/pledges', json(pledge))).status).toBe(202);
    const id = (await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email(pledge.email)))!.id;
    expect((await platform.request('/api/pledges/erase', json({ token: platform.deps.pledges.tokens.sign('erase', id, platform.clock.now()) }))).status).toBe(200);
    expect((await platform.request('/api/pledges', json({ ...pledge, name: 'Amani' }))).status).toBe(202);
    const again = await platform.deps.pledges.store.get(id);
    expect(again).toMatchObject({ name: 'Amani', email: pledge.email, status: 'pending' });
    expect(again?.erasedAt).toBeUndefined();
  });

  for (const operation of operations) {
    it(`${operation.key}: never a 5xx, every 4xx an error a person can read`, async () => {
      answered = [];
      const plan = plans[operation.key];
      const params = validParams(operation);
      const query = validQuery(operation).map(queryOf);
      const hasBody = operation.writes && Boolean(plan?.body ?? plan?.raw);
      // Valid and nearly valid requests, sent as documented or not.
      if (plan?.body) {
        const body = fc.oneof({ weight: 1, arbitrary: plan.body }, { weight: 4, arbitrary: nearValidBody(plan.body, operation.bodyFields) });
        const sent = fc.tuple(body, encodings(operation.bodyTypes)).chain(([fields, encoding]) => signed(plan, encode(fields, encoding)));
        await fuzz(operation, request(operation, { params, query, body: sent }), runs(80));
      }
      // Any JSON, and bodies that are broken or far too large.
      if (hasBody) {
        const sent = fc.oneof(anyJsonBody, brokenBody).chain((broken) => signed(plan, broken));
        await fuzz(operation, request(operation, { params, query, body: sent }), runs(25));
      }
      // Odd query strings and path parameters around an otherwise valid request.
      const oddParams =
        operation.pathParams.length > 0
          ? fc.oneof(params, fc.dictionary(fc.constantFrom(...operation.pathParams), oddSegment, { minKeys: 1 }).chain((odd) => params.map((valid) => ({ ...valid, ...odd }))))
          : params;
      const oddQueries = fc.oneof(
        oddQuery,
        fc.tuple(query, oddQuery).map(([valid, odd]) => [valid, odd].filter(Boolean).join('&')),
        validQuery(operation).chain((valid) =>
          fc.dictionary(fc.constantFrom(...Object.keys(valid), ...operation.queryParams, 'x'), fc.string({ maxLength: 30 })).map((odd) => queryOf({ ...valid, ...odd })),
        ),
      );
      const body = hasBody ? validBody(operation) : fc.constant({ headers: {} });
      await fuzz(operation, request(operation, { params: oddParams, query: fc.oneof(query, oddQueries), body }), runs(operation.writes ? 25 : 40));
      // A fuzzer that only ever meets the front door's 400 tests nothing behind it.
      if (operation.writes && !plan?.refusesAll) expect(answered.filter((status) => status < 400).length, 'valid requests that went through').toBeGreaterThan(2);
      // Stripe's webhook: anything not signed by Stripe is a 400 (a 413 when far too large), never processed.
      if (plan?.refusesAll) expect([...new Set(answered)].filter((status) => status !== 400 && status !== 413)).toEqual([]);
    }, 300_000);
  }

  it('valid requests racing each other (confirm and erase one pledge, lend and revoke one account…): never a 5xx', async () => {
    const racing = operations.filter((operation) => operation.writes && plans[operation.key]?.body && !plans[operation.key]?.refusesAll);
    expect(racing.length).toBeGreaterThan(5);
    const valid = (operation: PublicOperation) =>
      request(operation, { params: validParams(operation), query: validQuery(operation).map(queryOf), body: validBody(operation) }).map((generated) => ({ operation, request: generated }));
    const bursts = fc.array(fc.oneof(...racing.map(valid)), { minLength: 4, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(bursts, async (burst) => {
        await Promise.all(burst.map(({ operation, request: generated }) => check(operation, generated)));
      }),
      { seed: SEED, numRuns: runs(30) },
    );
  });

  it('left no half-written record in the table', async () => {
    const after = await scanTable(platform.tableName);
    expect(after.filter((item) => item.type === 'pledge').length, 'the run stored pledges at all').toBeGreaterThan(20);
    expect(after.some((item) => item.type === 'pledge' && item.counted), 'the run confirmed pledges').toBe(true);
    expect(after.filter((item) => item.type === 'social-account').length, 'the run stored lendings').toBeGreaterThan(5);
    expect(storedRecordProblems(after, before)).toEqual([]);
  });

  it('kept no upload larger than its ticket announced, and none without a ticket', async () => {
    // What the fuzzer found: a refused upload on a ticket already used deleted the file stored before.
    const ticket = await platform.deps.campaigns.media.createUpload({ year: 2026, file: 'fuzz-kept.png', contentType: 'image/png', bytes: MEDIA_TICKET_BYTES }, platform.clock.now());
    const put = (body: string) => platform.request(new URL(ticket.url).pathname, { method: 'PUT', headers: { 'content-type': 'image/png' }, body });
    expect((await put('x'.repeat(10))).status).toBe(201);
    expect((await put('x'.repeat(MEDIA_TICKET_BYTES + 1))).status).toBe(413);
    expect((await stat(join(platform.siteDir, 'media', '2026', 'fuzz-kept.png'))).size).toBe(10);

    const files = await readdir(join(platform.siteDir, 'media'), { recursive: true, withFileTypes: true });
    const stored = files.filter((file) => file.isFile()).map((file) => join(file.parentPath, file.name));
    expect(stored.length, 'the run uploaded files').toBeGreaterThan(0);
    for (const path of stored) {
      expect(path).toMatch(/\/media\/2026\/fuzz(-2|-kept)?\.png$/);
      expect((await stat(path)).size, path).toBeLessThanOrEqual(MEDIA_TICKET_BYTES);
    }
  });

  it('left only complete checkout sessions at Stripe', async () => {
    expect(checkoutSessions.length, 'the run opened payment pages').toBeGreaterThan(5);
    for (const id of checkoutSessions) {
      const session = await stripe.checkout.sessions.retrieve(id);
      const metadata = session.metadata ?? {};
      const intent = {
        amount: session.amount_total,
        currency: session.currency,
        frequency: metadata.frequency,
        donorCategory: metadata.donorCategory,
        anonymous: metadata.anonymous === 'true',
        ...(metadata.displayName ? { displayName: metadata.displayName } : {}),
        ...(metadata.dedication ? { dedication: metadata.dedication } : {}),
        ...(metadata.campaignYear ? { campaignYear: Number(metadata.campaignYear) } : {}),
        ...(metadata.earmark ? { earmark: metadata.earmark } : {}),
        language: metadata.language,
        ...(session.customer_email ? { email: session.customer_email } : {}),
        idempotencyKey: randomUUID(),
      };
      const parsed = CheckoutSchema.safeParse(intent);
      expect(parsed.error?.issues ?? [], `session ${id}: ${JSON.stringify(intent)}`).toEqual([]);
      expect(session.mode).toBe(metadata.frequency === 'monthly' ? 'subscription' : 'payment');
      const currency = session.currency ?? '';
      expect(isCurrency(currency), `session ${id}: a currency the API offers`).toBe(true);
      expect(() => assertAmountAllowed(session.amount_total ?? 0, currency as Currency), `session ${id}: an amount the API accepts`).not.toThrow();
    }
  });
});
