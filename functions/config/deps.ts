import { createHash, randomUUID } from 'node:crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerOriginSecrets } from '../adapters/secrets-manager/origin-secrets.js';
import type { OriginSecrets } from '../http/middleware/origin-verify.js';
import type { TokenVerifier } from '../domain/auth/principal.js';
import { signInEndpoints, type SignInEndpoints } from '../domain/auth/sign-in.js';
import type { CampaignDeps } from '../domain/campaigns/campaign-service.js';
import type { SitePublisher } from '../domain/campaigns/ports.js';
import type { MediaStorage } from '../domain/campaigns/media.js';
import { AppError } from '../domain/shared/errors.js';
import { DEFAULT_ABUSE_POLICY, type AbusePolicy } from '../domain/pledges/abuse-policy.js';
import type { PledgeDeps } from '../domain/pledges/pledge-service.js';
import { systemClock, type Clock } from '../domain/shared/clock.js';
import { AltchaProofOfWork, DEFAULT_PROOF_OF_WORK, type ProofOfWorkSettings } from '../adapters/altcha/altcha-proof-of-work.js';
import { JwtVerifier } from '../adapters/auth/jwt-verifier.js';
import { deriveKeys } from '../adapters/crypto/keys.js';
import { KeyedHasher } from '../adapters/crypto/keyed-hasher.js';
import { HmacTokenSigner } from '../adapters/crypto/signed-tokens.js';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { DynamoCampaignRepository } from '../adapters/dynamodb/dynamo-campaign-repository.js';
import { DynamoPledgeStore } from '../adapters/dynamodb/dynamo-pledge-store.js';
import { DynamoRateLimiter } from '../adapters/dynamodb/dynamo-rate-limiter.js';
import { DynamoSpentTokens } from '../adapters/dynamodb/dynamo-spent-tokens.js';
import { createLogger, type Logger } from '../adapters/log/logger.js';
import { noMetrics, type Metrics } from '../domain/shared/metrics.js';
import { SesMailer, createSesClient } from '../adapters/ses/ses-mailer.js';
import { LambdaSitePublisher } from '../adapters/site/lambda-site-publisher.js';
import { S3MediaStorage } from '../adapters/site/s3-media-storage.js';
import { resolveAppSecret } from './app-secret.js';
import { resolveStripeSecrets, type StripeSecrets } from './stripe-secrets.js';
import Stripe from 'stripe';
import { StripeGateway } from '../adapters/stripe/stripe-gateway.js';
import { DynamoLedger, DynamoProcessedEvents } from '../adapters/dynamodb/dynamo-ledger.js';
import type { DonationDeps } from '../domain/donations/start-checkout.js';
import type { LedgerDeps } from '../domain/donations/record-payment-event.js';
import type { AnnualReceiptDeps } from '../domain/donations/annual-receipt.js';
import type { PaymentGateway } from '../domain/donations/ports.js';
import type { FinanceDeps, PayoutSource } from '../domain/finance/ports.js';
import { StripePayouts } from '../adapters/stripe/stripe-payouts.js';
import { DynamoFinanceStore } from '../adapters/dynamodb/dynamo-finance-store.js';
import type { MessageDeps } from '../domain/social/message-service.js';
import { DynamoMessageRepository } from '../adapters/dynamodb/dynamo-message-repository.js';
import type { Env } from './env.js';
import { DynamoAccountStore } from '../adapters/dynamodb/dynamo-account-store.js';
import { DynamoOrganisationAccountStore } from '../adapters/dynamodb/dynamo-organisation-accounts.js';
import type { OrganisationAccountDeps } from '../domain/social/connect-organisation-account.js';
import { adapterCredential } from '../adapters/social/organisation-credentials.js';
import { platformNetworks, socialTokenBox } from './social-dispatch.js';
import { SandboxNetworks } from '../adapters/social/sandbox-network.js';
import { sandboxLendingNetworks } from '../adapters/social/sandbox-lending.js';
import { DEFAULT_LEND_POLICY, type LendDeps, type SocialNetworks } from '../domain/social/lend-service.js';
import type { DeliveryStore, TokenBox } from '../domain/social/ports.js';
import { DynamoDeliveryStore } from '../adapters/dynamodb/dynamo-delivery-store.js';
import type { FanOutProgressStore } from '../domain/social/dispatch/fan-out-progress.js';
import type { MastodonConnectDeps } from '../domain/social/mastodon-connect/ports.js';
import { DynamoMastodonConnectStore } from '../adapters/dynamodb/dynamo-mastodon-connect-store.js';
import { FetchMastodonOAuthClient } from '../adapters/social/mastodon-oauth-client.js';
import { connectBox } from '../adapters/crypto/connect-box.js';
import { newPkcePair } from '../adapters/crypto/pkce.js';
import { DynamoPersonalDataStore } from '../adapters/dynamodb/dynamo-personal-data.js';
import type { PrivacyDeps } from '../domain/privacy/ports.js';
import { privacyDeps } from './privacy.js';

/** Everything the HTTP app needs. Built once per process (or Lambda cold start). */
export interface AppDeps {
  pledges: PledgeDeps;
  campaigns: CampaignDeps;
  donations: DonationDeps & LedgerDeps & AnnualReceiptDeps;
  finance: FinanceDeps;
  /** Managers' messages, and the delivery records of their blasts (the report). */
  social: MessageDeps & { deliveries: DeliveryStore & FanOutProgressStore };
  /**
   * "Lend your voice": supporters' accounts, the networks by platform (real adapters on AWS,
   * the sandbox with `npm start` and in tests), the token box. The dispatcher takes the same
   * `lending.networks` (`(platform) => lending.networks[platform]`) and `lending.accounts`.
   */
  lending: LendDeps & { sandbox?: SandboxNetworks };
  /** "Connect with Mastodon": OAuth per instance, ending in a lending through `lending`. */
  mastodonConnect: Omit<MastodonConnectDeps, 'lending'>;
  /** The organisation's own accounts, connected by managers: the same networks, token box and account ids as lending. */
  organisation: OrganisationAccountDeps;
  auth: TokenVerifier;
  /** On AWS (ORIGIN_VERIFY_SECRET_ARN): CloudFront's X-Origin-Verify values; /api/* serves only requests that carry one. Unset locally. */
  originSecrets?: OriginSecrets;
  /** Where the console signs staff in (undefined: AUTH_SIGN_IN_URL is not set). */
  signIn?: SignInEndpoints;
  logger: Logger;
  /** How long public stats may be cached by browsers and the CDN. */
  statsMaxAgeSeconds: number;
  /** Erasure by address (pledges, lent accounts, gifts, Stripe customers) and the retention job. */
  privacy: PrivacyDeps;
}

export interface DepsOverrides {
  clock?: Clock;
  proofOfWork?: ProofOfWorkSettings;
  logger?: Logger;
  auth?: TokenVerifier;
  statsMaxAgeSeconds?: number;
  /** The least time an erasure request takes to answer (default 1.5 s: its timing must not tell a known address); tests pass 0. */
  erasureAnswerFloorMs?: number;
  policy?: AbusePolicy;
  /** Where published pages go; `npm start` writes them into its site folder. */
  publisher?: SitePublisher;
  /** CloudFront's X-Origin-Verify values (default: read from ORIGIN_VERIFY_SECRET_ARN when set). */
  originSecrets?: OriginSecrets;
  /** Where media kit uploads go; `npm start` keeps them in its site folder. */
  media?: MediaStorage;
  gateway?: PaymentGateway;
  payouts?: PayoutSource;
  /** The social networks by platform (default: the sandbox for every platform locally and in tests; Mastodon and Bluesky on AWS). */
  networks?: SocialNetworks;
  /** Seals social credentials (default: a key derived from the app secret). */
  tokenBox?: TokenBox;
  /**
   * Mastodon instances by name that answer on a local origin (`npm start`'s sandbox instance, the
   * tests' stand-in): host → origin. Honoured on local and test stages only; elsewhere only
   * public https instances can be connected.
   */
  mastodonInstances?: Record<string, string>;
  /** Business metrics (default: none counted; Lambda passes Powertools Metrics, tests a memory one). */
  metrics?: Metrics;
}

/**
 * The networks supporters' and the organisation's accounts are checked on (the dispatcher posts
 * through the same choice, `dispatchNetworks`). With `npm start` and in tests (STAGE local or
 * test) there is no real network: the sandbox stands in for every platform, and any credential is
 * accepted the first time a handle is seen (only that one afterwards). On AWS, every platform
 * with an adapter (`platformNetworks`); supporters on X, Threads, LinkedIn and Facebook take
 * share links, so only the organisation's accounts are checked there.
 */
function socialNetworks(env: Env): { networks: SocialNetworks; sandbox?: SandboxNetworks } {
  if (env.STAGE === 'local' || env.STAGE === 'test') {
    const sandbox = new SandboxNetworks();
    return { networks: sandboxLendingNetworks(sandbox), sandbox };
  }
  return { networks: platformNetworks() };
}

const unconfiguredGateway: PaymentGateway = {
  createCheckout: () => Promise.reject(new AppError('unavailable', 'Online giving is not configured on this deployment.')),
  verifyEvent: () => Promise.reject(new AppError('unavailable', 'Online giving is not configured on this deployment.')),
  portalUrl: () => Promise.reject(new AppError('unavailable', 'Online giving is not configured on this deployment.')),
  entriesFor: () => Promise.resolve([]),
  deleteCustomer: () => Promise.reject(new AppError('unavailable', 'Online giving is not configured on this deployment.')),
};

const unconfiguredPayouts: PayoutSource = {
  // eslint-disable-next-line require-yield
  payouts: async function* () {
    throw new AppError('unavailable', 'Stripe is not configured on this deployment.');
  },
  payout: () => Promise.reject(new AppError('unavailable', 'Stripe is not configured on this deployment.')),
  // eslint-disable-next-line require-yield
  balanceTransactions: async function* () {
    throw new AppError('unavailable', 'Stripe is not configured on this deployment.');
  },
};

/** Stripe, at its own address or at the local stand-in's (STRIPE_API_URL). */
function stripeClient(secrets: StripeSecrets, apiUrl: string | undefined): Stripe {
  const local = apiUrl ? new URL(apiUrl) : undefined;
  return new Stripe(secrets.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(local ? { host: local.hostname, port: Number(local.port), protocol: local.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
}

/** Until the publish function is wired (PUBLISH_FUNCTION_NAME), publishing says so plainly. */
const unconfiguredPublisher: SitePublisher = {
  publishSite: () => Promise.reject(new AppError('unavailable', 'Publishing the site is not configured on this deployment.')),
};

const unconfiguredMedia: MediaStorage = {
  createUpload: () => Promise.reject(new AppError('unavailable', 'Media uploads are not configured on this deployment.')),
};

/** Read at cold start, like the app secret: a function that cannot read it does not start. */
async function loadOriginSecrets(env: Env): Promise<OriginSecrets | undefined> {
  if (!env.ORIGIN_VERIFY_SECRET_ARN) return undefined;
  return new SecretsManagerOriginSecrets(env.ORIGIN_VERIFY_SECRET_ARN, { client: new SecretsManagerClient({ region: env.AWS_REGION }) }).load();
}

/** The composition root: the only place that knows which adapter serves which port. */
export async function createDeps(env: Env, overrides: DepsOverrides = {}): Promise<AppDeps> {
  const clock = overrides.clock ?? systemClock;
  const [appSecret, originSecrets] = await Promise.all([resolveAppSecret(env), overrides.originSecrets ?? loadOriginSecrets(env)]);
  const keys = deriveKeys(appSecret);
  const documents = createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
  const ses = createSesClient({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT });
  const stripeSecrets = overrides.gateway && overrides.payouts ? undefined : await resolveStripeSecrets(env);
  const stripe = stripeSecrets ? stripeClient(stripeSecrets, env.STRIPE_API_URL) : undefined;
  const gateway = overrides.gateway ?? (stripe ? new StripeGateway(stripe, stripeSecrets!.webhookSecret) : unconfiguredGateway);
  const mailer = new SesMailer(ses, { region: env.AWS_REGION, endpoint: env.SES_ENDPOINT, from: env.SES_FROM_ADDRESS, configurationSet: env.SES_CONFIGURATION_SET });
  const campaignRepository = new DynamoCampaignRepository(documents, env.TABLE_NAME);
  const hasher = new KeyedHasher(keys);
  const tokens = new HmacTokenSigner(keys.tokens);
  const limiter = new DynamoRateLimiter(documents, env.TABLE_NAME);
  const ledger = new DynamoLedger(documents, env.TABLE_NAME);
  const messageRepository = new DynamoMessageRepository(documents, env.TABLE_NAME);
  const social = socialNetworks(env);
  // Supporters' lendings and the organisation's own accounts: checked on the networks the dispatcher posts through, sealed in one box.
  const networks = overrides.networks ?? social.networks;
  // KMS on AWS (SOCIAL_TOKEN_KEY_ARN), a key derived from the app secret locally: the worker opens with the same rule.
  const tokenBox = overrides.tokenBox ?? socialTokenBox(env, appSecret);
  const accountIdOf = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 24);
  const deps: Omit<AppDeps, 'privacy'> = {
    pledges: {
      store: new DynamoPledgeStore(documents, env.TABLE_NAME, clock),
      limiter,
      proofOfWork: new AltchaProofOfWork(
        keys.proofOfWork,
        new DynamoSpentTokens(documents, env.TABLE_NAME),
        overrides.proofOfWork ?? DEFAULT_PROOF_OF_WORK,
      ),
      mailer,
      hasher,
      tokens,
      clock,
      newId: randomUUID,
      policy: overrides.policy ?? DEFAULT_ABUSE_POLICY,
      publicUrl: env.PUBLIC_URL,
      metrics: overrides.metrics ?? noMetrics,
    },
    campaigns: {
      repository: campaignRepository,
      publisher:
        overrides.publisher ??
        (env.PUBLISH_FUNCTION_NAME ? new LambdaSitePublisher({ functionName: env.PUBLISH_FUNCTION_NAME }) : unconfiguredPublisher),
      media: overrides.media ?? (env.MEDIA_BUCKET ? new S3MediaStorage(env.MEDIA_BUCKET) : unconfiguredMedia),
      clock,
      newId: randomUUID,
    },
    donations: {
      newId: randomUUID,
      donorKey: (email) => hasher.email(email),
      tokens,
      limiter,
      gateway,
      ledger,
      processed: new DynamoProcessedEvents(documents, env.TABLE_NAME),
      fundraising: async (year) => (await campaignRepository.get(year))?.live?.fundraising,
      mailer,
      clock,
      publicUrl: env.PUBLIC_URL,
      metrics: overrides.metrics ?? noMetrics,
    },
    finance: {
      source: overrides.payouts ?? (stripe ? new StripePayouts(stripe) : unconfiguredPayouts),
      store: new DynamoFinanceStore(documents, env.TABLE_NAME),
      ledger,
      mailer,
      clock,
      newId: randomUUID,
      ...(env.FINANCE_EMAIL ? { financeEmail: env.FINANCE_EMAIL } : {}),
      reportingCurrency: env.REPORTING_CURRENCY,
      publicUrl: env.PUBLIC_URL,
    },
    originSecrets,
    social: { messages: messageRepository, campaigns: campaignRepository, deliveries: new DynamoDeliveryStore(documents, env.TABLE_NAME), clock, newId: randomUUID },
    lending: {
      accounts: new DynamoAccountStore(documents, env.TABLE_NAME),
      messages: messageRepository,
      ...(overrides.networks ? { networks: overrides.networks } : social),
      tokenBox,
      tokens,
      hasher,
      limiter,
      mailer,
      clock,
      accountIdOf,
      policy: DEFAULT_LEND_POLICY,
      publicUrl: env.PUBLIC_URL,
    },
    organisation: { accounts: new DynamoOrganisationAccountStore(documents, env.TABLE_NAME), networks, tokenBox, clock, newId: randomUUID, accountIdOf, credentialFormat: adapterCredential, policy: DEFAULT_LEND_POLICY },
    mastodonConnect: mastodonConnectDeps(env, overrides, { appSecret, tokens, limiter, clock, documents }),
    auth: overrides.auth ?? new JwtVerifier({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL }),
    signIn: env.AUTH_SIGN_IN_URL ? signInEndpoints(env.AUTH_SIGN_IN_URL, env.AUTH_AUDIENCE) : undefined,
    logger: overrides.logger ?? createLogger(env.LOG_LEVEL),
    statsMaxAgeSeconds: overrides.statsMaxAgeSeconds ?? 5,
  };
  return { ...deps, privacy: privacyDeps(deps, new DynamoPersonalDataStore(documents, env.TABLE_NAME), overrides.erasureAnswerFloorMs) };
}

/** Connecting Mastodon accounts: our apps and the flows under way in the table, the instances' OAuth endpoints. */
function mastodonConnectDeps(
  env: Env,
  overrides: DepsOverrides,
  shared: Pick<MastodonConnectDeps, 'tokens' | 'limiter' | 'clock'> & { appSecret: string; documents: ReturnType<typeof createDocumentClient> },
): Omit<MastodonConnectDeps, 'lending'> {
  const store = new DynamoMastodonConnectStore(shared.documents, env.TABLE_NAME);
  const localStage = env.STAGE === 'local' || env.STAGE === 'test';
  return {
    apps: store,
    flows: store,
    oauth: new FetchMastodonOAuthClient(),
    box: connectBox(shared.appSecret),
    tokens: shared.tokens,
    limiter: shared.limiter,
    clock: shared.clock,
    newId: randomUUID,
    newPkce: newPkcePair,
    instances: { local: localStage ? { ...overrides.mastodonInstances } : {} },
    clientName: 'Blue Heart',
    publicUrl: env.PUBLIC_URL,
    flowTtlSeconds: 15 * 60,
  };
}
