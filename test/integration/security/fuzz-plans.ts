import fc from 'fast-check';
import Stripe from 'stripe';
import { CHAPTER_SLUGS } from '../../../functions/domain/chapters/chapters.js';
import { CURRENCIES, CURRENCY_RULES } from '../../../functions/domain/donations/currencies.js';
import { DONOR_CATEGORIES, EARMARK_IDS } from '../../../functions/domain/donations/donation.js';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { PLATFORMS } from '../../../functions/domain/social/social.js';
import type { TestPlatform } from '../../support/test-platform.js';
import { oddSegment } from './fuzz-arbitraries.js';

/**
 * What a valid request to each public route looks like, filed under the route's OpenAPI key.
 * The fuzzer breaks these one piece at a time; a public route that changes something and has
 * no plan here fails the suite (so a new write route is never left out).
 */
export interface RoutePlan {
  params?: fc.Arbitrary<Record<string, string>>;
  query?: fc.Arbitrary<Record<string, string>>;
  /** A valid body, as fields (the fuzzer encodes it as JSON, a form, or wrongly). */
  body?: fc.Arbitrary<Record<string, unknown>>;
  /** Headers that go with a body as sent (Stripe's signature header, computed over the text). */
  headers?: (body: string) => fc.Arbitrary<Record<string, string>>;
  /** A body that is not fields at all (a file), with its headers. */
  raw?: fc.Arbitrary<{ headers: Record<string, string>; body: string }>;
  /** No generated request can succeed (only Stripe can sign an event). */
  refusesAll?: true;
}

/** What the plans draw on: real pledges, lendings, Connect-with-Mastodon states and upload tickets made before the run. */
export interface FuzzWorld {
  platform: TestPlatform;
  webhookSecret: string;
  pledgeIds: string[];
  accountIds: string[];
  mastodonStates: string[];
  mediaTickets: string[];
  /** One idempotency key every checkout draws now and then: the same form posted with other amounts. */
  sharedCheckoutKey: string;
}

const word = fc.stringMatching(/^[a-z]{1,12}$/);
const email = fc.oneof(
  { weight: 4, arbitrary: word.map((local) => `${local}@example.org`) },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: word.map((local) => `${local}@gmail.com`) },
);
const language = fc.constantFrom(...LANGUAGES);
const timeZone = fc.constantFrom('Europe/Paris', 'America/Mexico_City', 'Asia/Kathmandu', 'UTC', 'Africa/Nairobi');
const year = fc.oneof({ weight: 4, arbitrary: fc.constant('2026') }, { weight: 1, arbitrary: fc.integer({ min: 2014, max: 2100 }).map(String) });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const defined = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
/** A name as people write them: letters of any script, spaces, apostrophes; never < or >. */
const personName = fc.oneof(
  fc.constantFrom('Ana', 'Grace Wanjiru', 'Zoë', 'José María', 'محمد', '李雷', 'Ольга', "O'Neil", 'Ngũgĩ wa Thiong\'o', 'Ana "Nani"', 'a & b'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((name) => name.trim().length > 0 && !/[<>]/.test(name)),
);

const tokenFor = (world: FuzzWorld, purpose: Parameters<TestPlatform['deps']['pledges']['tokens']['sign']>[0], ids: fc.Arbitrary<string>) =>
  ids.map((id) => world.platform.deps.pledges.tokens.sign(purpose, id, world.platform.clock.now(), purpose === 'confirm' ? 7 * 86_400 : undefined));

/** A token of the right kind for a real subject, for one that does not exist, or of another kind. */
const tokens = (world: FuzzWorld, purpose: 'confirm' | 'unsubscribe' | 'erase' | 'revoke-social', real: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: tokenFor(world, purpose, real.length > 0 ? fc.constantFrom(...real) : fc.uuid()) },
    { weight: 1, arbitrary: tokenFor(world, purpose, fc.uuid()) },
    { weight: 1, arbitrary: tokenFor(world, purpose === 'confirm' ? 'erase' : 'confirm', real.length > 0 ? fc.constantFrom(...real) : fc.uuid()) },
  );

/** The addresses of the pledges made before the run (see the test's setup): ones the platform knows. */
const setupEmail = fc.integer({ min: 0, max: 5 }).map((i) => `fuzz.setup${i}@example.org`);

/** A confirmation link of an erasure request: for a known address, an unknown one, or in a language there is none of. */
const erasureToken = (world: FuzzWorld) =>
  fc
    .tuple(fc.oneof(setupEmail, email), fc.oneof(language, fc.constantFrom('xx', '')))
    .map(([address, lang]) => world.platform.deps.pledges.tokens.sign('erasure', `${lang}:${world.platform.deps.pledges.hasher.email(address)}`, world.platform.clock.now(), 86_400));

export function fuzzPlans(world: FuzzWorld): Record<string, RoutePlan> {
  const pledgeToken = (purpose: 'confirm' | 'unsubscribe' | 'erase'): RoutePlan => ({ body: tokens(world, purpose, world.pledgeIds).map((token) => ({ token })) });
  const pledgeLinkPage = (purpose: 'confirm' | 'unsubscribe' | 'erase'): RoutePlan => ({ query: tokens(world, purpose, world.pledgeIds).map((token) => ({ token })) });
  const stripe = new Stripe('sk_test_signatures_only');
  return {
    'GET /api/campaigns/{year}': { params: year.map((y) => ({ year: y })) },
    'GET /api/pledges/wall': { query: fc.integer({ min: 1, max: 50 }).map((limit) => ({ limit: String(limit) })) },
    'GET /api/donations/progress': { query: year.map((campaign) => ({ campaign })) },
    'GET /api/donations/manage': {
      // A signed link for a customer Stripe does not know (deleted since, say), or a forged one.
      query: fc.oneof(
        fc.stringMatching(/^cus_[A-Za-z0-9]{8,14}$/).map((customer) => world.platform.deps.donations.tokens.sign('manage-giving', customer, world.platform.clock.now())),
        fc.string({ minLength: 10, maxLength: 80 }),
      ).map((token) => ({ token })),
    },
    'GET /api/pledges/confirm': pledgeLinkPage('confirm'),
    'GET /api/pledges/unsubscribe': pledgeLinkPage('unsubscribe'),
    'GET /api/pledges/erase': pledgeLinkPage('erase'),
    'GET /api/social/{year}/preview': {
      params: year.map((y) => ({ year: y })),
      query: fc
        .record({ language, platform: fc.constantFrom(...PLATFORMS), handle: optional(word.map((w) => `${w}.bsky.social`)), timeZone: optional(timeZone) })
        .map((query) => defined(query) as Record<string, string>),
    },
    'GET /api/social/{year}/reach': { params: year.map((y) => ({ year: y })) },
    'GET /api/social/accounts/revoke': { query: tokens(world, 'revoke-social', world.accountIds).map((token) => ({ token })) },
    'GET /api/social/oauth/mastodon/callback': {
      query: fc.oneof(
        fc.record({ code: fc.string({ minLength: 1, maxLength: 40 }), state: fc.constantFrom(...world.mastodonStates) }),
        fc.record({ error: fc.constantFrom('access_denied', 'server_error'), state: fc.constantFrom(...world.mastodonStates) }),
      ),
    },

    'POST /api/pledges': {
      body: fc
        .record({
          name: personName,
          email,
          country: fc.constantFrom('MX', 'KE', 'FR', 'EG', 'CN', 'RU', 'BR', 'mx'),
          language,
          showOnWall: fc.boolean(),
          wantsUpdates: fc.boolean(),
          organisation: optional(fc.constantFrom('UNODC', 'Acme & Co', 'Asociación "Corazón"')),
          chapter: optional(fc.constantFrom(...CHAPTER_SLUGS)),
          website: optional(fc.constant('')),
        })
        .map(defined),
    },
    'POST /api/pledges/confirm': pledgeToken('confirm'),
    'POST /api/pledges/unsubscribe': pledgeToken('unsubscribe'),
    'POST /api/pledges/erase': pledgeToken('erase'),
    'POST /api/donations/checkout': {
      body: fc
        .constantFrom(...CURRENCIES)
        .chain((currency) =>
          fc.record({
            amount: fc.integer({ min: CURRENCY_RULES[currency].min, max: CURRENCY_RULES[currency].max }),
            currency: fc.constant(currency),
            frequency: fc.constantFrom('once', 'monthly'),
            donorCategory: fc.constantFrom(...DONOR_CATEGORIES),
            anonymous: fc.boolean(),
            displayName: personName.filter((name) => name.length <= 80),
            dedication: optional(fc.constantFrom('For Maria', 'En memoria de "Lupe"')),
            campaignYear: optional(fc.constantFrom(2026, 2025)),
            earmark: optional(fc.constantFrom(...EARMARK_IDS)),
            language,
            email: optional(email),
            idempotencyKey: fc.oneof({ weight: 5, arbitrary: fc.uuid({ version: 4 }) }, { weight: 1, arbitrary: fc.constant(world.sharedCheckoutKey) }),
          }),
        )
        .map(defined),
    },
    'POST /api/donations/annual-receipt': { body: fc.record({ email, year: fc.integer({ min: 2014, max: 2100 }), language }) },
    'POST /api/stripe/webhook': {
      refusesAll: true,
      body: fc.record({
        id: fc.stringMatching(/^evt_[A-Za-z0-9]{10,24}$/),
        object: fc.constant('event'),
        type: fc.constantFrom('checkout.session.completed', 'charge.refunded', 'invoice.paid', 'payout.reconciliation_completed', 'customer.created'),
        data: fc.record({ object: fc.record({ id: fc.stringMatching(/^(cs|ch|in|po)_[A-Za-z0-9]{10,20}$/) }) }),
      }),
      // Anything but Stripe's own signature over this body: none, garbage, another secret, or a stale one.
      headers: (body) =>
        fc.oneof(
          fc.constant({}),
          fc.string({ maxLength: 120 }).map((signature) => ({ 'stripe-signature': signature })),
          fc.constant({ 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' }) }),
          fc.constant({ 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret: world.webhookSecret, timestamp: Math.floor(Date.now() / 1000) - 3_600 }) }),
          fc.constant({ 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=` }),
        ),
    },
    'PUT /api/admin/media-uploads/{ticket}': {
      params: fc.oneof(fc.constantFrom(...world.mediaTickets), oddSegment).map((ticket) => ({ ticket })),
      raw: fc.record({
        headers: fc.constantFrom<Record<string, string>>({ 'content-type': 'image/png' }, { 'content-type': 'image/png; charset=binary' }, { 'content-type': 'text/html' }, {}),
        body: fc.oneof(fc.constant('\x89PNG\r\n\x1a\n'), fc.string({ maxLength: 200 }), fc.constant('x'.repeat(5_000))),
      }),
    },
    'POST /api/social/{year}/accounts': {
      params: year.map((y) => ({ year: y })),
      body: fc
        .constantFrom(...PLATFORMS)
        .chain((platform) =>
          fc.record({
            platform: fc.constant(platform),
            handle:
              platform === 'bluesky' ? word.map((w) => `${w}.bsky.social`) : platform === 'mastodon' ? word.map((w) => `@${w}@mastodon.example`) : optional(word.map((w) => `@${w}`)),
            secret:
              platform === 'bluesky'
                ? fc.stringMatching(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/).map((s) => s as string | undefined)
                : platform === 'mastodon'
                  ? fc.stringMatching(/^[A-Za-z0-9_-]{20,60}$/).map((s) => s as string | undefined)
                  : fc.constant(undefined),
            language: fc.constantFrom('en', 'es', 'ar'),
            timeZone,
            email: platform === 'bluesky' || platform === 'mastodon' ? optional(email) : email,
            consent: fc.constant(true),
          }),
        )
        .map(defined),
    },
    'POST /api/social/accounts/revoke': { body: tokens(world, 'revoke-social', world.accountIds).map((token) => ({ token })) },
    'POST /api/privacy/erasure-requests': { body: fc.record({ email: fc.oneof(setupEmail, email), language }) },
    'GET /api/privacy/erasure': { query: erasureToken(world).map((token) => ({ token })) },
    'POST /api/privacy/erasure': { body: erasureToken(world).map((token) => ({ token })) },
    'POST /api/social/{year}/oauth/mastodon/start': {
      params: year.map((y) => ({ year: y })),
      body: fc
        .record({
          server: fc.constantFrom('mastodon.example', 'https://mastodon.example/', '@ana@mastodon.example', 'mastodon.social'),
          language: fc.constantFrom('en', 'ar'),
          timeZone,
          email: optional(email),
          consent: fc.constant(true),
        })
        .map(defined),
    },
  };
}
