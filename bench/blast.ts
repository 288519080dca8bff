/**
 * A coordinated message blasted to N supporters' accounts on the sandbox network, through the
 * real dispatcher: `fanOut` (DynamoDB Local records + the local queue), the local social worker
 * running `processJob` with C attempts at once, and `DynamoDeliveryStore`.
 *   npx tsx bench/blast.ts [sizes=10000,100000] [concurrency=64]   (BLAST_CREATE_WITH=puts|transactions, BLAST_SKIP_CREATE=1)
 * The sandbox answers after 50 ± 30 ms and fails on purpose: 2 % 429 (Retry-After 2 s), 2 % 503,
 * 1 % timeouts after storing the post, 0.5 % timeouts with nothing stored (a timeout hangs 2 s),
 * 2 % of looks fail; its own dedupe (idempotency keys) is OFF, so only the dispatcher's
 * look-before-retry stands between a timeout and a duplicate.
 * Per size, two runs on fresh tables:
 * - straight: the scheduled instant is when the fan-out starts (EventBridge Scheduler starts the
 *   send then); workers post as soon as the first records are queued. Time to the last post,
 *   posts/s, the bench process's CPU per post (dispatcher, SDK, sandbox and fan-out together)
 *   and DynamoDB Local's.
 * - killed half-way: the worker dies (`kill()`: no more answers from the store or the network,
 *   claims held, the queue gone) the moment the network stores post N/2, before the worker
 *   hears back; a fresh worker starts from the records alone (the restart scan).
 * Both runs are audited against the network's own record: posts duplicated (same clientRef, or
 * same account and text) and lost (a target with no post) must both be 0, every record must say
 * `posted` with the network's post id; otherwise the bench exits 1.
 * First, `createAll` alone: conditional Puts in parallel vs 100-item transactions, 10,000 records.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.js';
import { ensureTable } from '../functions/adapters/dynamodb/create-table.js';
import { DynamoDeliveryStore } from '../functions/adapters/dynamodb/dynamo-delivery-store.js';
import { SandboxNetworks, type SandboxOptions } from '../functions/adapters/social/sandbox-network.js';
import { startDynamoDbLocal } from '../functions/dev/dynamodb-local.js';
import { createSocialWorker, type LocalSocialWorker } from '../functions/dev/social-worker.js';
import { clientRefOf } from '../functions/domain/social/dispatch/client-ref.js';
import { fanOut, newDelivery } from '../functions/domain/social/dispatch/fan-out.js';
import { messageComposer } from '../functions/domain/social/dispatch/message-composer.js';
import type { DeliveryQueue, DispatchDeps, DispatchPolicy } from '../functions/domain/social/dispatch/ports.js';
import type { DeliveryStore } from '../functions/domain/social/ports.js';
import type { ConnectedAccount, Delivery, DeliveryTarget, Platform, SocialMessage } from '../functions/domain/social/social.js';
import { percentile, printTable } from './stats.js';
import { dynamoCpu } from './dynamo-cpu.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SANDBOX: SandboxOptions = {
  latencyMs: { min: 20, max: 80 },
  failures: { rateLimited: 0.02, unavailable: 0.02, timeoutAfterStore: 0.01, timeoutBeforeStore: 0.005, lookUnavailable: 0.02 },
  retryAfterMs: 2_000,
  timeoutMs: 2_000,
  dedupe: false,
};

/** How the fan-out writes the records (BLAST_CREATE_WITH=puts|transactions); see the createAll table. */
const CREATE_WITH = (process.env.BLAST_CREATE_WITH ?? 'transactions') as 'puts' | 'transactions';

const POLICY: Partial<DispatchPolicy> = { leaseMs: 15_000, callTimeoutMs: 5_000, maxAttempts: 8, backoff: { baseMs: 500, maxMs: 10_000 } };

// ─── The world: supporters, their accounts, the message ─────────────────────────────────────────

const theMessage = (id: string, at: string): SocialMessage => ({
  id,
  campaignYear: 2026,
  title: 'World Day 2026: blast',
  variants: (['mastodon', 'bluesky'] as const).map((platform) => ({
    language: 'en',
    platform,
    text: 'Human trafficking is a crime that hides in plain sight. Learn the signs.',
    hashtags: ['EndHumanTrafficking', 'BlueHeart'],
    link: 'https://www.unodc.org/blueheart/',
    mediaIds: [],
    altText: {},
    alternatives: ['Trafficked people work in our streets, fields and factories. Look closer.', 'On World Day, wear the Blue Heart: trafficking hides in plain sight.'],
  })),
  schedule: { kind: 'instant', at },
  status: 'sending',
  createdBy: 'manager-a@blueheart.local',
  createdAt: '2026-07-01T00:00:00.000Z',
  approvedBy: 'manager-b@blueheart.local',
  version: 4,
});

function world(size: number, seed: number) {
  const sandbox = new SandboxNetworks({ ...SANDBOX, seed });
  const accounts = new Map<string, ConnectedAccount>();
  const targets: DeliveryTarget[] = [];
  for (let i = 0; i < size; i++) {
    const platform: Platform = i % 2 === 0 ? 'mastodon' : 'bluesky';
    const handle = platform === 'mastodon' ? `@supporter${i}@mastodon.sandbox` : `supporter${i}.bsky.sandbox`;
    const connected = sandbox.connect(platform, handle);
    const id = randomUUID();
    accounts.set(id, {
      id, owner: 'supporter', platform, handle, followers: connected.followers, language: 'en', timeZone: 'UTC',
      encryptedToken: `sealed:${connected.token}`, campaignYear: 2026, connectedAt: '2026-07-01T00:00:00.000Z', status: 'active',
    });
    targets.push({ kind: 'supporter', id, platform, language: 'en', timeZone: 'UTC', followers: connected.followers });
  }
  return { sandbox, accounts, targets };
}

/** Store calls, counted (each is one DynamoDB request, or a Query page for `list`). */
class CountingStore implements DeliveryStore {
  counts = { put: 0, claim: 0, claimRefused: 0, update: 0, get: 0 };
  constructor(private readonly inner: DeliveryStore) {}
  async createAll(deliveries: readonly Delivery[]) {
    this.counts.put += deliveries.length;
    return this.inner.createAll(deliveries);
  }
  get(messageId: string, targetId: string) {
    this.counts.get++;
    return this.inner.get(messageId, targetId);
  }
  async claim(messageId: string, targetId: string, token: string, now: Date, leaseMs: number) {
    this.counts.claim++;
    const claimed = await this.inner.claim(messageId, targetId, token, now, leaseMs);
    if (!claimed) this.counts.claimRefused++;
    return claimed;
  }
  update(messageId: string, targetId: string, token: string, change: Partial<Delivery>) {
    this.counts.update++;
    return this.inner.update(messageId, targetId, token, change);
  }
  list(messageId: string) {
    return this.inner.list(messageId);
  }
}

// ─── One run ────────────────────────────────────────────────────────────────────────────────────

interface RunResult {
  size: number;
  kind: 'straight' | 'killed half-way';
  fanOutMs: number;
  firstPostMs: number;
  halfMs: number;
  p99Ms: number;
  lastPostMs: number;
  postsPerSecond: number;
  cpuMsPerPost: number;
  dynamoCpuMsPerPost: number;
  store: CountingStore['counts'];
  network: SandboxNetworks['counters'];
  attempts: { max: number; over1: number };
  duplicates: number;
  duplicateTexts: number;
  lost: number;
  notPosted: number;
  wrongPostId: number;
  kill?: { inFlight: number; recovered: number; orphans: number; orphansFound: number; scanMs: number; resumedAfterMs: number };
}

async function run(size: number, kill: boolean, concurrency: number, endpoint: string, admin: DynamoDBClient, dynamoCpuMs: () => number): Promise<RunResult> {
  const tableName = `bench-blast-${size}-${kill ? 'kill' : 'straight'}-${Date.now()}`;
  await ensureTable(admin, tableName);
  const client = createDocumentClient({ region: 'local', endpoint });
  const store = new CountingStore(new DynamoDeliveryStore(client, tableName, { createWith: CREATE_WITH }));
  const { sandbox, accounts, targets } = world(size, kill ? 29 : 30);
  const messageId = randomUUID();
  let tokens = 0;
  let message: SocialMessage | undefined;
  let worker: LocalSocialWorker | undefined;
  let killedAt: number | undefined;
  /** Posts the dying worker sent and never heard back about: stored by the network, unknown to the records. */
  const orphans = new Set<string>();
  let inFlightAtKill = 0;
  let dying: LocalSocialWorker | undefined;
  const deps: DispatchDeps = {
    deliveries: store,
    accounts: { get: async (id) => accounts.get(id), tokenExpired: async () => {} },
    tokens: { seal: async (text) => `sealed:${text}`, open: async (sealed) => sealed.slice('sealed:'.length) },
    networks: (platform) => {
      const network = sandbox.network(platform);
      if (!kill) return network;
      return {
        platform,
        publish: async (account, post) => {
          const sentBy = worker;
          try {
            const published = await network.publish(account, post);
            // Dies the moment the network has post N/2, before the worker hears back.
            if (killedAt === undefined && sandbox.posts().length >= size / 2) {
              killedAt = Date.now();
              inFlightAtKill = worker!.stats.running;
              dying = worker;
              orphans.add(post.clientRef);
              worker!.kill();
            }
            return published;
          } finally {
            if (killedAt !== undefined && sentBy === dying && sandbox.postsOf(platform, account.handle).some((p) => p.clientRef === post.clientRef)) orphans.add(post.clientRef);
          }
        },
        findPost: (account, post) => network.findPost(account, post),
        followers: (account) => network.followers(account),
      };
    },
    posts: messageComposer({ message: async () => message }),
    clock: { now: () => new Date() },
    newToken: () => `${process.pid}-${++tokens}`,
    policy: POLICY,
  };
  // The queue the fan-out sends to outlives a worker (as SQS does): it forwards to the current one.
  const queue: DeliveryQueue = { send: (jobs, options) => worker!.queue.send(jobs, options) };
  worker = createSocialWorker({ deps, concurrency, sendingMessages: async () => [messageId] });

  const cpuBefore = process.cpuUsage();
  const dynamoBefore = dynamoCpuMs();
  const t0 = Date.now();
  message = theMessage(messageId, new Date(t0).toISOString());
  const fanOutDone = fanOut({ deliveries: store, queue }, message, targets, new Date(t0)).then(() => Date.now() - t0);

  let killFigures: RunResult['kill'];
  if (kill) {
    while (killedAt === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
    const postsAtKill = sandbox.posts().length;
    // A fresh worker at once, knowing only the records.
    worker = createSocialWorker({ deps, concurrency, sendingMessages: async () => [messageId] });
    const recovered = await worker.recover();
    const scanMs = Date.now() - killedAt;
    await fanOutDone;
    await worker.idle();
    const resumed = sandbox.posts().slice(postsAtKill).find((post) => !orphans.has(post.clientRef));
    const after = new Map<string, Delivery>();
    for await (const page of store.list(messageId)) for (const record of page) after.set(record.clientRef, record);
    const postIdByRef = new Map(sandbox.posts().map((post) => [post.clientRef, post.id]));
    killFigures = {
      inFlight: inFlightAtKill,
      recovered,
      orphans: orphans.size,
      orphansFound: [...orphans].filter((ref) => after.get(ref)?.postId === postIdByRef.get(ref)).length,
      scanMs,
      resumedAfterMs: resumed ? resumed.at - killedAt : NaN,
    };
  } else {
    await fanOutDone;
    await worker.idle();
  }
  const end = Date.now();
  const cpu = process.cpuUsage(cpuBefore);
  const dynamoCpu = dynamoCpuMs() - dynamoBefore;
  const fanOutMs = await fanOutDone;
  await worker.stop();

  const records: Delivery[] = [];
  for await (const page of store.list(messageId)) records.push(...page);
  const audit = sandbox.audit(targets.map((target) => clientRefOf(messageId, target.id)));
  const postIdByRef = new Map(sandbox.posts().map((post) => [post.clientRef, post.id]));
  const times = sandbox.posts().map((post) => post.at - t0).sort((a, b) => a - b);
  client.destroy();
  // DynamoDB Local keeps tables in the JVM's memory: drop each run's, so runs start alike.
  await admin.send(new DeleteTableCommand({ TableName: tableName }));
  void end;
  return {
    size,
    kind: kill ? 'killed half-way' : 'straight',
    fanOutMs,
    firstPostMs: times[0] ?? NaN,
    halfMs: percentile(times, 50),
    p99Ms: percentile(times, 99),
    lastPostMs: times[times.length - 1] ?? NaN,
    postsPerSecond: size / ((times[times.length - 1] ?? NaN) / 1000),
    cpuMsPerPost: (cpu.user + cpu.system) / 1000 / size,
    dynamoCpuMsPerPost: dynamoCpu / size,
    store: store.counts,
    network: { ...sandbox.counters },
    attempts: { max: Math.max(...records.map((record) => record.attempts)), over1: records.filter((record) => record.attempts > 1).length },
    duplicates: audit.duplicateRefs,
    duplicateTexts: audit.duplicateTexts,
    lost: audit.missing,
    notPosted: records.filter((record) => record.state !== 'posted').length + (size - records.length),
    wrongPostId: records.filter((record) => record.state === 'posted' && postIdByRef.get(record.clientRef) !== record.postId).length,
    kill: killFigures,
  };
}

// ─── createAll alone ────────────────────────────────────────────────────────────────────────────

async function measureCreateAll(endpoint: string, admin: DynamoDBClient, dynamoCpuMs: () => number) {
  const size = 10_000;
  const rows: string[][] = [];
  const variants = [
    { createWith: 'puts' as const, concurrency: 16 },
    { createWith: 'puts' as const, concurrency: 32 },
    { createWith: 'puts' as const, concurrency: 64 },
    { createWith: 'transactions' as const, concurrency: 2 },
    { createWith: 'transactions' as const, concurrency: 4 },
    { createWith: 'transactions' as const, concurrency: 8 },
  ];
  for (const variant of variants) {
    const tableName = `bench-create-${variant.createWith}-${variant.concurrency}-${Date.now()}`;
    await ensureTable(admin, tableName);
    const client = createDocumentClient({ region: 'local', endpoint });
    const store = new DynamoDeliveryStore(client, tableName, variant);
    const deliveries = Array.from({ length: size }, () =>
      newDelivery({ id: 'm' }, { kind: 'supporter', id: randomUUID(), platform: 'mastodon', language: 'en', timeZone: 'UTC', followers: 10 }, new Date().toISOString()),
    );
    // In chunks of 1,000, as fanOut calls it.
    const cpu = process.cpuUsage();
    const dynamo = dynamoCpuMs();
    const start = Date.now();
    let created = 0;
    for (let i = 0; i < size; i += 1_000) created += await store.createAll(deliveries.slice(i, i + 1_000));
    const ms = Date.now() - start;
    const used = process.cpuUsage(cpu);
    const dynamoMs = dynamoCpuMs() - dynamo;
    const againStart = Date.now();
    let again = 0;
    for (let i = 0; i < size; i += 1_000) again += await store.createAll(deliveries.slice(i, i + 1_000));
    const againMs = Date.now() - againStart;
    if (created !== size || again !== 0) throw new Error(`createAll counted ${created} new then ${again}`);
    await admin.send(new DeleteTableCommand({ TableName: tableName }));
    rows.push([
      variant.createWith === 'puts' ? 'conditional Puts' : '100-item transactions',
      String(variant.concurrency),
      fmt(ms),
      fmt((size / ms) * 1000),
      ((used.user + used.system) / 1000 / size * 1000).toFixed(0),
      (dynamoMs / size * 1000).toFixed(0),
      fmt(againMs),
    ]);
    client.destroy();
    console.error(`createAll ${variant.createWith} × ${variant.concurrency}: ${ms} ms`);
  }
  printTable(['createAll (10,000 new records, chunks of 1,000)', 'in flight', 'ms', 'records/s', 'bench CPU µs/record', 'DynamoDB Local CPU µs/record', 'again, all existing (ms)'], rows);
}

// ─── Main ───────────────────────────────────────────────────────────────────────────────────────

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const secs = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '—');


async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
  const concurrency = Number(process.argv[3] ?? 64);
  const dynamo = await startDynamoDbLocal();
  const dynamoCpuMs = dynamoCpu(new URL(dynamo.endpoint).port);
  const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const results: RunResult[] = [];
  try {
    // Warm-up (not reported): the JVM's JIT and the SDK's connections.
    await run(2_000, false, concurrency, dynamo.endpoint, admin, dynamoCpuMs);
    if (!process.env.BLAST_SKIP_CREATE) await measureCreateAll(dynamo.endpoint, admin, dynamoCpuMs);
    for (const size of sizes) {
      for (const kill of [false, true]) {
        const result = await run(size, kill, concurrency, dynamo.endpoint, admin, dynamoCpuMs);
        results.push(result);
        console.error(`${size} ${result.kind}: last post at ${secs(result.lastPostMs)} s, ${result.duplicates} duplicated, ${result.lost} lost`);
      }
    }
  } finally {
    admin.destroy();
    await dynamo.stop();
  }
  console.log(`\nconcurrency ${concurrency}, records created with ${CREATE_WITH}, lease ${POLICY.leaseMs! / 1000} s, sandbox latency ${SANDBOX.latencyMs!.min}–${SANDBOX.latencyMs!.max} ms, dedupe off\n`);
  printTable(
    ['targets', 'run', 'fan-out done (s)', 'first post (s)', '50 % (s)', '99 % (s)', 'last post (s)', 'posts/s', 'bench CPU ms/post', 'DynamoDB Local CPU ms/post', 'duplicated', 'lost'],
    results.map((r) => [fmt(r.size), r.kind, secs(r.fanOutMs), secs(r.firstPostMs), secs(r.halfMs), secs(r.p99Ms), secs(r.lastPostMs), fmt(r.postsPerSecond), r.cpuMsPerPost.toFixed(2), r.dynamoCpuMsPerPost.toFixed(2), String(r.duplicates), String(r.lost)]),
  );
  console.log('');
  printTable(
    ['targets', 'run', 'publish calls', '429', '503', 'timeouts after storing', 'timeouts, nothing stored', 'looks', 'records with > 1 attempt', 'most attempts', 'claims (refused)', 'updates', 'gets'],
    results.map((r) => [
      fmt(r.size), r.kind, fmt(r.network.publishCalls), fmt(r.network.rateLimited), fmt(r.network.unavailable), fmt(r.network.timeoutsAfterStore), fmt(r.network.timeoutsBeforeStore),
      fmt(r.network.findCalls), fmt(r.attempts.over1), String(r.attempts.max), `${fmt(r.store.claim)} (${fmt(r.store.claimRefused)})`, fmt(r.store.update), fmt(r.store.get),
    ]),
  );
  const killed = results.filter((r) => r.kill);
  if (killed.length) {
    console.log('');
    printTable(
      ['targets', 'attempts in flight at the kill', 'queued again by the new worker (restart scan)', 'posted, never recorded (orphans)', 'orphans found, not posted again', 'kill → scan done (s)', 'kill → next new post (s)'],
      killed.map((r) => [fmt(r.size), fmt(r.kill!.inFlight), fmt(r.kill!.recovered), fmt(r.kill!.orphans), fmt(r.kill!.orphansFound), secs(r.kill!.scanMs), secs(r.kill!.resumedAfterMs)]),
    );
  }
  const bad = results.filter((r) => r.duplicates > 0 || r.duplicateTexts > 0 || r.lost > 0 || r.notPosted > 0 || r.wrongPostId > 0);
  if (bad.length) {
    console.error(`FAILED: ${bad.map((r) => `${r.size} ${r.kind}: ${r.duplicates} duplicated, ${r.lost} lost, ${r.notPosted} not posted, ${r.wrongPostId} wrong post ids`).join('; ')}`);
    process.exit(1);
  }
}

await main();
