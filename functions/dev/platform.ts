import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDeps, type AppDeps, type DepsOverrides } from '../config/deps.js';
import { loadEnv } from '../config/env.js';
import { ensureTable } from '../adapters/dynamodb/create-table.js';
import { backfillUpdatesIndex } from '../adapters/dynamodb/backfill-updates-index.js';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { UPDATES_INDEX } from '../adapters/dynamodb/table-definition.js';
import { createApp } from '../http/app.js';
import { startDynamoDbLocal, type EmbeddedDynamo } from './dynamodb-local.js';
import { createLocalIdentity, type LocalIdentity } from './local-identity.js';
import { startSesLocal, type EmbeddedSes } from './ses-local.js';
import { seedCampaigns, seedDemoPledges } from './seed.js';
import { seedDemoDonations } from './seed-donations.js';
import { DEMO_ORGANISATION_ACCOUNT, seedOrganisationAccount } from './seed-social.js';
import { startStripeStandin, type StripeStandin } from './stripe-standin/index.js';
import { startScheduler } from './scheduler.js';
import { SCHEDULED_JOBS } from '../config/schedules.js';
import { publishDueCampaigns } from '../domain/campaigns/publish-campaign.js';
import { checkRecentPayouts } from '../domain/finance/reconcile-payouts.js';
import { sendDueMessages, sendingCampaignYears } from '../domain/social/send-due-messages.js';
import { campaignMedia, dispatchDeps, reconnectParts } from '../config/social-dispatch.js';
import { tokenHealthDeps } from '../config/token-health.js';
import { checkTokenHealth } from '../domain/social/check-token-health.js';
import { startSocialWorker } from './social-worker.js';
import { socialEmailChannel } from '../config/social-dispatch.js';
import { createSesMessageClient } from '../adapters/ses/ses-message-mailer.js';
import type { PledgeStats } from '../domain/pledges/pledge.js';
import { systemClock } from '../domain/shared/clock.js';
import { LocalSitePublisher } from '../adapters/site/local-site-publisher.js';
import { LocalMediaStorage } from '../adapters/site/local-media-storage.js';
import { deriveKeys } from '../adapters/crypto/keys.js';
import { HmacTokenSigner } from '../adapters/crypto/signed-tokens.js';
import { liveCampaigns } from '../domain/campaigns/campaign-service.js';
import { createSiteServer } from './site-server.js';
import { startSandboxMastodon, type SandboxMastodon } from './sandbox-mastodon.js';
import { enforceRetention } from '../domain/privacy/enforce-retention.js';

export interface PlatformOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: boolean;
  /** Connect the organisation's demo Mastodon account on the sandbox (`npm start`; tests that count a blast's targets leave it out). */
  demoAccounts?: boolean;
  /** Keep DynamoDB data (and the app secret that signs email links) across restarts. */
  dataDir?: string;
  /** Where the static site is built and served from. */
  webDir?: string;
  onProgress?: (step: string) => void;
  /**
   * Run the scheduled jobs on their schedules (default). Tests turn it off and call `runJob`,
   * so that no every-minute run races the step a test takes.
   */
  scheduler?: boolean;
  /** Reuse engines that are already running (tests start them once). */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  tableName?: string;
  deps?: DepsOverrides;
}

export interface Platform {
  url: string;
  /** The local Stripe stand-in, when no STRIPE_SECRET_KEY was given. */
  stripeStandin?: StripeStandin;
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  identity: LocalIdentity;
  /** The sandbox's Mastodon instance ("Connect with Mastodon" locally): its name and where it answers. */
  sandboxMastodon: SandboxMastodon;
  deps: AppDeps;
  /** Runs a scheduled job now, as its schedule would (tests; the scheduler runs them on time). */
  runJob(name: string): Promise<unknown>;
  /** Resolves once the local social worker has nothing queued or running. */
  socialIdle(): Promise<void>;
  stop(): Promise<void>;
}

/** The local SES has no sending rate; this keeps a local blast's pace close to a real account's. */
const LOCAL_EMAILS_PER_SECOND = 50;

/** The app secret: random per run in memory; kept in DATA_DIR so links in sent emails keep working. */
function localSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'app-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The whole platform on one port, with embedded engines: what `npm start` runs, and what the
 * integration and browser tests start. The API is the same Hono app Lambda runs.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const progress = options.onProgress ?? (() => {});
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
  };
  try {
    const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });

    let dynamo: Pick<EmbeddedDynamo, 'endpoint'> = { endpoint: options.dynamoEndpoint ?? '' };
    if (!options.dynamoEndpoint) {
      progress(dataDir ? `Starting DynamoDB Local (data in ${dataDir})` : 'Starting DynamoDB Local (in memory)');
      const started = await startDynamoDbLocal({ dataDir: dataDir && join(dataDir, 'dynamodb') });
      stops.push(started.stop);
      dynamo = started;
    }
    let ses: Pick<EmbeddedSes, 'endpoint'> = { endpoint: options.sesEndpoint ?? '' };
    if (!options.sesEndpoint) {
      progress('Starting the local SES (aws-ses-v2-local)');
      const started = await startSesLocal();
      stops.push(started.stop);
      ses = started;
    }

    const tableName = options.tableName ?? 'blue-heart-local';
    progress(`Creating table ${tableName} from the CDK table definition`);
    const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { indexesAdded } = await ensureTable(admin, tableName);
    admin.destroy();
    if (indexesAdded.includes(UPDATES_INDEX)) {
      // A DATA_DIR table from before the updates index: its pledgers who asked for updates are put on it once.
      const documents = createDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
      const { indexed } = await backfillUpdatesIndex(documents, tableName);
      documents.destroy();
      progress(`Put ${indexed} pledgers who asked for updates on the new updates index`);
    }

    const webDir = options.webDir ?? resolve('web/dist');
    const site = createSiteServer({ webDir });
    const server = await listen(options.port ?? 3000, options.host ?? '127.0.0.1', site.fetch);
    stops.push(() => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://localhost:${port}`;

    const identity = await createLocalIdentity(url);
    const appSecret = localSecret(dataDir);

    // Real Stripe in test mode when its keys are given (with `stripe listen --forward-to …`),
    // otherwise the stand-in, which signs its webhooks to this platform exactly as Stripe would.
    let stripe = { STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET, STRIPE_API_URL: undefined as string | undefined };
    let stripeStandin: StripeStandin | undefined;
    if (!stripe.STRIPE_SECRET_KEY) {
      progress('Starting the local Stripe test-mode stand-in');
      const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
      stripeStandin = await startStripeStandin({ webhookUrl: `${url}/api/stripe/webhook`, webhookSecret });
      stops.push(stripeStandin.stop);
      stripe = { STRIPE_SECRET_KEY: stripeStandin.secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: stripeStandin.url };
    }
    const env = loadEnv({
      STAGE: 'local',
      AWS_REGION: 'local',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      SES_FROM_ADDRESS: 'blue-heart@unodc.local',
      PUBLIC_URL: url,
      APP_SECRET: appSecret,
      ...stripe,
      AUTH_ISSUER: identity.issuer,
      AUTH_JWKS_URL: identity.jwksUrl,
      AUTH_AUDIENCE: identity.clientId,
      AUTH_SIGN_IN_URL: identity.signInUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // The nightly reconciliation summary lands in the local mailbox.
      FINANCE_EMAIL: 'finance@blueheart.local',
      // So do requests to reconnect the organisation's social accounts.
      MANAGERS_EMAIL: 'managers@blueheart.local',
    });
    let pledgeStats: () => Promise<PledgeStats> = () => Promise.reject(new Error('not ready'));
    const publisher = new LocalSitePublisher({ siteDir: webDir, publicUrl: url, clock: systemClock, stats: () => pledgeStats() });
    const media = new LocalMediaStorage({ siteDir: webDir, publicUrl: url, tokens: new HmacTokenSigner(deriveKeys(appSecret).tokens) });
    // "Connect with Mastodon" locally: a sandbox instance on its own port, allowed by its name.
    const sandboxMastodon = await startSandboxMastodon();
    stops.push(sandboxMastodon.stop);
    progress(`Sandbox Mastodon instance at ${sandboxMastodon.url}: to try Connect with Mastodon, name the server ${sandboxMastodon.host}`);
    const deps = await createDeps(env, { publisher, media, mastodonInstances: { [sandboxMastodon.host]: sandboxMastodon.url }, ...options.deps });
    pledgeStats = () => deps.pledges.store.stats(new Date());

    if (options.seed) {
      progress('Seeding the World Day campaigns and demo pledges');
      const campaigns = await seedCampaigns(deps.campaigns.repository, new Date());
      const seeded = await seedDemoPledges(deps.pledges);
      progress(`Seeded ${campaigns} campaigns, ${seeded.confirmed} confirmed and ${seeded.suspect} suspect pledges`);
    }
    if (options.demoAccounts && (await seedOrganisationAccount(deps.organisation))) {
      progress(`Connected the organisation's sandbox account ${DEMO_ORGANISATION_ACCOUNT.handle}`);
    }
    progress('Building the static site');
    const now = new Date();
    const campaigns = await liveCampaigns(deps.campaigns.repository);
    const built = await site.build({ stats: await deps.pledges.store.stats(now), campaigns, now, publicUrl: url });
    progress(`Built ${built.pages} pages`);

    const api = createApp(deps, { clientIp: (c) => getConnInfo(c).remote.address });
    // Coordinated messages: the same worker code as the SQS Lambda, in-process, over the networks
    // supporters lend accounts through (the sandbox locally). A restart queues what is unfinished.
    const deliveries = deps.social.deliveries;
    const reconnect = reconnectParts(env, { ...deps.lending, signer: async () => deps.lending.tokens });
    const socialWorker = await startSocialWorker({
      deps: dispatchDeps({
        deliveries,
        accounts: deps.lending.accounts,
        reconnect,
        tokens: deps.lending.tokenBox,
        networks: (platform) => deps.lending.networks[platform],
        messages: deps.social.messages,
        // The networks fetch each image from the local site server, as they would from CloudFront.
        media: campaignMedia(deps.campaigns.repository, url),
        email: socialEmailChannel({
          pledges: deps.pledges.store,
          messages: deps.social.messages,
          tokenBox: deps.lending.tokenBox,
          signer: async () => deps.pledges.tokens,
          ses: createSesMessageClient({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT }),
          sender: { from: env.SES_FROM_ADDRESS, configurationSet: env.SES_CONFIGURATION_SET },
          emailsPerSecond: LOCAL_EMAILS_PER_SECOND,
          publicUrl: env.PUBLIC_URL,
          clock: deps.social.clock,
        }),
        clock: deps.social.clock,
        logger: deps.logger,
        // Tests that read the business metrics pass a memory one; npm start counts nothing.
        metrics: options.deps?.metrics,
      }),
      concurrency: 16,
      sendingMessages: async () => {
        const messages = (await Promise.all(sendingCampaignYears(new Date()).map((year) => deps.social.messages.listByCampaign(year)))).flat();
        return messages.filter((message) => message.status === 'sending').map((message) => message.id);
      },
      logger: deps.logger,
    });
    stops.push(() => socialWorker.stop());
    const runners: Record<string, () => Promise<unknown>> = {
      'publish-due-campaigns': () => publishDueCampaigns(deps.campaigns),
      'reconcile-payouts': () => checkRecentPayouts(deps.finance, { trigger: 'nightly' }),
      'send-due-messages': () => sendDueMessages({ ...deps.social, accounts: deps.lending.accounts, pledges: deps.pledges.store, deliveries, queue: socialWorker.queue }),
      'check-token-health': () =>
        checkTokenHealth(
          tokenHealthDeps({ ...reconnect, env, logger: deps.logger, messages: deps.social.messages, accounts: deps.lending.accounts, networks: (platform) => deps.lending.networks[platform], clock: deps.social.clock }),
        ),
      'enforce-retention': () => enforceRetention(deps.privacy),
    };
    if (options.scheduler !== false) {
      const scheduler = startScheduler(SCHEDULED_JOBS.map((job) => ({ job, run: runners[job.name]! })), deps.logger);
      stops.push(scheduler.stop);
    }
    site.mount({ api, identity, sesEndpoint: ses.endpoint, ...(stripeStandin ? { paymentPage: stripeStandin.url } : {}) });
    if (options.seed && stripeStandin) {
      // After the API is mounted: the stand-in's webhooks record the gifts and reconcile each payout.
      progress('Seeding demo donations through the Stripe stand-in, paid out day by day');
      const donations = await seedDemoDonations(stripeStandin, { now: new Date() });
      const check = await checkRecentPayouts(deps.finance, { trigger: 'nightly' });
      progress(`Seeded ${donations.gifts} gifts in ${donations.payouts} payouts; ${donations.lostWebhooks} webhook lost on purpose, so the reconciliation check found ${check.payouts.withDiscrepancies} payout to look at`);
    }
    const runJob = (name: string) => {
      const run = runners[name];
      if (!run) throw new Error(`No scheduled job ${name}`);
      return run();
    };
    return {
      url, ...(stripeStandin ? { stripeStandin } : {}), dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint, tableName, identity, sandboxMastodon, deps,
      runJob, socialIdle: () => socialWorker.idle(), stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listen(port: number, hostname: string, fetch: (request: Request, env: unknown) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolveServer(server as Server)) as Server;
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is in use. Start with PORT=<another port> npm start.`) : error),
    );
  });
}
