/**
 * The every-minute step's fan-out alone, at World Day scale, on DynamoDB Local:
 *   npx tsx bench/fan-out.ts [targets=100000] [share of lent accounts=0.25]
 * Seeds the targets as the platform stores them: lent accounts through the account store (their
 * target items and reach), pledgers who asked for updates as the pledge store writes a confirmed,
 * counted pledge (`toItem`: on the updates index), written in batches. Then fans one message out
 * the way `sendDueMessages` does (`continueFanOut` over `targetSources`: the accounts page by
 * page, then the updates index shard by shard; chunks of 1,000 read, written and queued, the
 * progress saved around each) with the step's default budget (240 s a run), to a queue that takes
 * every job at once, as SQS would (SQS's own time is not in the figure).
 * Two fan-outs over the same targets, each a fresh message:
 * - fresh: records past the progress go in with BatchWriteItem (25 a call, 8 calls in flight):
 *   the normal path;
 * - conditional: every record with a condition (100-item transactions, 4 in flight), as for the
 *   chunk after a run that died, or a message an earlier version began to fan out.
 * Reports records/s, the bench's and DynamoDB Local's CPU per record, and the time and runs
 * 400,000 targets (World Day: 100,000 accounts, 300,000 pledgers) would take at that rate.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchPut } from '../functions/adapters/dynamodb/batch-write.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.js';
import { ensureTable } from '../functions/adapters/dynamodb/create-table.js';
import { DynamoAccountStore } from '../functions/adapters/dynamodb/dynamo-account-store.js';
import { DynamoDeliveryStore } from '../functions/adapters/dynamodb/dynamo-delivery-store.js';
import { DynamoPledgeStore } from '../functions/adapters/dynamodb/dynamo-pledge-store.js';
import { toItem } from '../functions/adapters/dynamodb/pledge-items.js';
import { startDynamoDbLocal } from '../functions/dev/dynamodb-local.js';
import type { Pledge } from '../functions/domain/pledges/pledge.js';
import { forEachConcurrently } from '../functions/domain/shared/concurrency.js';
import type { DeliveryQueue } from '../functions/domain/social/dispatch/ports.js';
import { beginFanOut, continueFanOut, DEFAULT_FAN_OUT_POLICY, type ResumableFanOutDeps } from '../functions/domain/social/dispatch/resume-fan-out.js';
import type { LentAccount } from '../functions/domain/social/ports.js';
import { targetSources } from '../functions/domain/social/send-due-messages.js';
import type { SocialMessage } from '../functions/domain/social/social.js';
import { dynamoCpu } from './dynamo-cpu.js';
import { printTable } from './stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const WORLD_DAY_TARGETS = 400_000;
const COUNTRIES = [['MX', 'es'], ['KE', 'en'], ['FR', 'fr'], ['EG', 'ar'], ['CN', 'zh'], ['RU', 'ru'], ['BR', 'pt']] as const;

async function seed(client: ReturnType<typeof createDocumentClient>, tableName: string, accounts: number, pledgers: number): Promise<number> {
  const start = Date.now();
  const store = new DynamoAccountStore(client, tableName);
  const now = new Date().toISOString();
  await forEachConcurrently(Array.from({ length: accounts }, (_, i) => i), 16, async (i) => {
    const platform = i % 2 === 0 ? 'mastodon' : 'bluesky';
    const account: LentAccount = {
      id: randomUUID(), owner: 'supporter', platform, handle: platform === 'mastodon' ? `@supporter${i}@mastodon.sandbox` : `supporter${i}.bsky.sandbox`,
      followers: 100 + (i % 900), language: 'en', timeZone: 'UTC', encryptedToken: `sealed:${i}`, campaignYear: 2026, connectedAt: now, status: 'active',
    };
    // Sixteen writers share eight reach shards: a transaction that meets another is tried again.
    for (let attempt = 0; ; attempt++) {
      try {
        return await store.save(account);
      } catch (error) {
        if (attempt > 20) throw error;
      }
    }
  });
  const items = Array.from({ length: pledgers }, (_, i) => {
    const [country, language] = COUNTRIES[i % COUNTRIES.length]!;
    const pledge: Pledge = {
      id: randomUUID(), status: 'confirmed', review: 'ok', counted: true, suspectReasons: [], country, language, showOnWall: false, hiddenFromWall: false, wantsUpdates: true,
      name: `Pledger ${i}`, email: `pledger-${i}@example.org`, emailHash: `hash-${i}`, emailDomain: 'example.org', createdAt: now, confirmedAt: now, version: 2,
    };
    return toItem(pledge);
  });
  await batchPut(client, tableName, items, { concurrency: 8 });
  return Date.now() - start;
}

interface FanOutFigures {
  path: 'fresh' | 'conditional';
  targets: number;
  created: number;
  ms: number;
  runs: number;
  cpuUsPerRecord: number;
  dynamoUsPerRecord: number;
}

async function fanOutOnce(client: ReturnType<typeof createDocumentClient>, tableName: string, path: FanOutFigures['path'], dynamoCpuMs: () => number): Promise<FanOutFigures> {
  let jobs = 0;
  const queue: DeliveryQueue = { send: async (sent) => void (jobs += sent.length) };
  const deliveries = new DynamoDeliveryStore(client, tableName);
  const deps: ResumableFanOutDeps & Parameters<typeof targetSources>[0] = {
    deliveries,
    queue,
    clock: { now: () => new Date() },
    newId: randomUUID,
    accounts: new DynamoAccountStore(client, tableName),
    pledges: new DynamoPledgeStore(client, tableName),
  };
  const message: Pick<SocialMessage, 'id' | 'schedule'> = { id: randomUUID(), schedule: { kind: 'instant', at: new Date().toISOString() } };
  if (path === 'conditional') {
    await deliveries.saveFanOutProgress({ messageId: message.id, targets: 0, created: 0, runs: 0, startedAt: new Date().toISOString(), conditionalOnly: true, version: 1 }, undefined);
  } else {
    await beginFanOut(deps, message.id);
  }
  const cpu = process.cpuUsage();
  const dynamo = dynamoCpuMs();
  const start = Date.now();
  for (;;) {
    const run = await continueFanOut(deps, message, targetSources(deps, 2026), Date.now() + DEFAULT_FAN_OUT_POLICY.budgetMs);
    if (run.kind === 'done') {
      const ms = Date.now() - start;
      const used = process.cpuUsage(cpu);
      const { targets, created, runs } = run.progress;
      if (jobs !== targets) throw new Error(`${targets} targets but ${jobs} jobs`);
      return { path, targets, created, ms, runs, cpuUsPerRecord: (used.user + used.system) / targets, dynamoUsPerRecord: ((dynamoCpuMs() - dynamo) * 1000) / targets };
    }
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 100_000);
  const accountShare = Number(process.argv[3] ?? 0.25);
  const accounts = Math.round(total * accountShare);
  const dynamo = await startDynamoDbLocal();
  const dynamoCpuMs = dynamoCpu(new URL(dynamo.endpoint).port);
  const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const client = createDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
  const results: FanOutFigures[] = [];
  try {
    const tableName = `bench-fan-out-${Date.now()}`;
    await ensureTable(admin, tableName);
    const seedMs = await seed(client, tableName, accounts, total - accounts);
    console.error(`seeded ${fmt(accounts)} accounts and ${fmt(total - accounts)} pledgers in ${(seedMs / 1000).toFixed(1)} s`);
    // Warm-up (not reported): the JVM's JIT, the SDK's connections.
    const warm = `bench-fan-out-warm-${Date.now()}`;
    await ensureTable(admin, warm);
    await seed(client, warm, 1_000, 3_000);
    await fanOutOnce(client, warm, 'fresh', dynamoCpuMs);
    for (const path of ['fresh', 'conditional'] as const) {
      const figures = await fanOutOnce(client, tableName, path, dynamoCpuMs);
      results.push(figures);
      console.error(`${path}: ${fmt(figures.targets)} records in ${(figures.ms / 1000).toFixed(1)} s`);
    }
  } finally {
    client.destroy();
    admin.destroy();
    await dynamo.stop();
  }
  console.log(`\n${fmt(total)} targets (${fmt(accounts)} lent accounts, ${fmt(total - accounts)} pledgers on the updates index), chunks of ${fmt(DEFAULT_FAN_OUT_POLICY.chunk)}, ${DEFAULT_FAN_OUT_POLICY.budgetMs / 1000} s a run\n`);
  printTable(
    ['records created', 'targets', 'fan-out (s)', 'records/s', 'runs', 'bench CPU µs/record', 'DynamoDB Local CPU µs/record', `${fmt(WORLD_DAY_TARGETS)} targets at this rate (s)`, `runs of ${DEFAULT_FAN_OUT_POLICY.budgetMs / 1000} s for ${fmt(WORLD_DAY_TARGETS)}`],
    results.map((r) => {
      const rate = (r.targets / r.ms) * 1000;
      const projected = WORLD_DAY_TARGETS / rate;
      return [
        r.path === 'fresh' ? 'fresh: BatchWriteItem' : 'conditional: 100-item transactions',
        fmt(r.targets), (r.ms / 1000).toFixed(1), fmt(rate), String(r.runs), fmt(r.cpuUsPerRecord), fmt(r.dynamoUsPerRecord), fmt(projected), String(Math.ceil((projected * 1000) / DEFAULT_FAN_OUT_POLICY.budgetMs)),
      ];
    }),
  );
}

await main();
