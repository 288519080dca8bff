/**
 * One payout reconciled end to end, the way "run now" in the console and the nightly job do it:
 * `reconcileOnePayout(deps.finance, payoutId, { trigger: 'by-hand' })` with the deps `createDeps`
 * builds, reading the payout's balance transactions from the Stripe stand-in through the official
 * `stripe` client (auto-pagination, 100 a page) and the window's ledger entries from DynamoDB
 * Local (GSI3, one query per month, 1 MB pages), then saving the run.
 *   npx tsx bench/reconcile-end-to-end.ts [sizes=1000,10000,50000]
 * Per size: a fresh table and a fresh stand-in (in its own Node process, so its CPU is measured
 * apart and the bench's own process does only what the Lambda does). N silent gifts (no webhook)
 * backdated into one UTC day five days ago, their ledger entries written through the real gateway
 * (`entriesFor` of `payment_intent.succeeded`) and `ledger.append`, then `createPayouts({ perDay })`:
 * one payout of N charges and its own balance transaction. Two untimed warm-ups, then 3 timed runs;
 * the median run is reported. Phases are timed by decorators around the PayoutSource, the ledger
 * and the store (time spent awaiting them); "engine" is the rest: the window, the ledger index and
 * the matching. HTTP requests are counted through node:diagnostics_channel. The run fails unless
 * it is clean with N matched lines and the saved record says so.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../functions/adapters/dynamodb/create-table.js';
import { createDeps } from '../functions/config/deps.js';
import { loadEnv } from '../functions/config/env.js';
import { startDynamoDbLocal } from '../functions/dev/dynamodb-local.js';
import { startStripeStandin } from '../functions/dev/stripe-standin/index.js';
import type { LedgerEntry, LedgerRepository } from '../functions/domain/donations/ledger.js';
import type { FinanceDeps, FinanceStore, PayoutSource } from '../functions/domain/finance/ports.js';
import { reconcileOnePayout } from '../functions/domain/finance/reconcile-payouts.js';
import { createLogger } from '../functions/adapters/log/logger.js';
import { median, printTable } from './stats.js';
import { dynamoCpu } from './dynamo-cpu.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const DAY_MS = 86_400_000;
/** Timed runs per size; the median is reported. */
const RUNS = 3;
/** Ledger entries written at once while seeding (each: one Stripe read, one DynamoDB transaction). */
const SEED_CONCURRENCY = 8;

// ─── The stand-in's process ────────────────────────────────────────────────────────────────────

type StandinCall =
  | { op: 'gifts'; count: number; dayStartMs: number }
  | { op: 'payouts' }
  | { op: 'cpu' }
  | { op: 'stop' };

class StandinProcess {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', ({ id, result }: { id: number; result: unknown }) => {
      this.waiting.get(id)?.resolve(result);
      this.waiting.delete(id);
    });
    // A crash (an error in the stand-in) fails whatever waits on it rather than hanging.
    child.on('exit', (code) => {
      for (const { reject } of this.waiting.values()) reject(new Error(`the stand-in's process exited with ${code}`));
      this.waiting.clear();
    });
  }

  static async start(): Promise<{ process: StandinProcess; url: string; secretKey: string }> {
    const standin = new StandinProcess(fork(fileURLToPath(import.meta.url), ['--standin'], { execArgv: process.execArgv }));
    const ready = await new Promise<{ url: string; secretKey: string }>((resolve, reject) => standin.waiting.set(0, { resolve: resolve as (result: unknown) => void, reject }));
    return { process: standin, ...ready };
  }

  call<T>(call: StandinCall): Promise<T> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.child.send({ id, call });
    });
  }

  async cpuMs(): Promise<number> {
    const { user, system } = await this.call<NodeJS.CpuUsage>({ op: 'cpu' });
    return (user + system) / 1000;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await this.call({ op: 'stop' });
  }
}

async function standinMain(): Promise<void> {
  // Nothing listens on the webhook URL: gifts are silent, and the payouts' three events fail once and are dropped.
  const standin = await startStripeStandin({ webhookUrl: 'http://127.0.0.1:9/nobody-listens', webhookSecret: 'whsec_bench_nobody_listens', retryDelaysMs: [], onDeliveryFailure: () => {} });
  process.on('message', async ({ id, call }: { id: number; call: StandinCall }) => {
    const answer = (result: unknown) => process.send!({ id, result });
    switch (call.op) {
      case 'gifts': {
        const paymentIntents: string[] = [];
        for (let i = 0; i < call.count; i++) {
          const at = call.dayStartMs + Math.floor((i * DAY_MS) / call.count / 1000) * 1000;
          const gift = standin.giveDemoGift({
            amount: 500 + ((i * 7_919) % 49_500),
            currency: 'usd',
            email: `donor${i}@bench.example`,
            name: `Donor ${i}`,
            createdAt: new Date(at),
            silent: true,
          });
          paymentIntents.push(gift.paymentIntent.id);
        }
        return answer(paymentIntents);
      }
      case 'payouts':
        return answer(standin.createPayouts({ perDay: true }).map(({ id, amount, currency, arrival_date }) => ({ id, amount, currency, arrivalDate: arrival_date })));
      case 'cpu':
        return answer(process.cpuUsage());
      case 'stop':
        await standin.stop();
        answer(null);
        process.disconnect(); // nothing left to run: the process exits
    }
  });
  process.send!({ id: 0, result: { url: standin.url, secretKey: standin.secretKey } });
}

// ─── Measuring ──────────────────────────────────────────────────────────────────────────────────

/** Wall-clock time awaiting a dependency, and the bench process's own CPU meanwhile (parsing, mapping). */
interface Phase {
  ms: number;
  cpuMs: number;
}

interface RunFigures {
  totalMs: number;
  /** `payouts.retrieve`. */
  payout: Phase;
  /** Awaiting the balance transactions' pages (the client's request, parse and mapping included). */
  listing: Phase;
  /** Awaiting the ledger's GSI3 pages (the SDK's request and unmarshalling included). */
  ledger: Phase;
  save: Phase;
  /** The rest: the entry window, the ledger index, the matching. */
  engine: Phase;
  benchCpuMs: number;
  standinCpuMs: number;
  dynamoCpuMs: number;
  stripePages: number;
  stripeRequests: number;
  dynamoQueries: number;
  /** Awaiting each page, in order: Stripe's balance transactions, the ledger's GSI3 pages. */
  stripePageMs: number[];
  dynamoPageMs: number[];
  ledgerPages: number;
  entries: number;
  transactions: number;
}

const phase = (): Phase => ({ ms: 0, cpuMs: 0 });
/** What the decorators and the HTTP counters add up during one run. */
let current = blank();
function blank() {
  return {
    payout: phase(), listing: phase(), ledger: phase(), save: phase(), ledgerPages: 0, entries: 0, transactions: 0, stripePages: 0, stripeRequests: 0, dynamoQueries: 0,
    /** Awaiting each page, in order (request, response, parsing and mapping). */
    stripePageMs: [] as number[],
    dynamoPageMs: [] as number[],
    counting: false,
  };
}

const cpuMsSince = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/** Where the stand-in and DynamoDB Local listen (host:port), for telling their requests apart. */
const hosts = { stripe: '', dynamo: '' };

/** Every HTTP request the process makes (the `stripe` client and the AWS SDK both use node:http). */
function countRequests(): void {
  subscribe('http.client.request.start', (message) => {
    if (!current.counting) return;
    const request = (message as { request: ClientRequest }).request;
    const host = String(request.getHeader('host'));
    if (host === hosts.stripe) {
      current.stripeRequests++;
      if (request.path.startsWith('/v1/balance_transactions?')) current.stripePages++;
    } else if (host === hosts.dynamo && String(request.getHeader('x-amz-target')).endsWith('.Query')) current.dynamoQueries++;
  });
}

/** Time (and CPU) spent awaiting each item of `source`, not the consumer's work between items. */
function timedPages<T>(source: AsyncIterable<T>, into: () => Phase, onItem: (item: T, ms: number) => void): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const inner = source[Symbol.asyncIterator]();
      return {
        next: async () => {
          const started = performance.now();
          const step = await timed(inner.next(), into);
          if (!step.done) onItem(step.value, performance.now() - started);
          return step;
        },
        async return(value?: unknown) {
          return inner.return ? inner.return(value) : { done: true as const, value: undefined };
        },
      };
    },
  };
}

async function timed<T>(work: Promise<T>, into: () => Phase): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work;
  } finally {
    const target = into();
    target.ms += performance.now() - started;
    target.cpuMs += cpuMsSince(cpu);
  }
}

/** Production's finance deps with timing decorators around Stripe, the ledger and the store. */
function instrumented(finance: FinanceDeps): FinanceDeps {
  const stripe = finance.source;
  const source: PayoutSource = {
    payouts: (range) => stripe.payouts(range),
    payout: (id) => timed(stripe.payout(id), () => current.payout),
    // The client fetches a page when its buffer runs out: at items 0, 100, 200 … the wait is that page's.
    balanceTransactions: (payoutId) =>
      timedPages(stripe.balanceTransactions(payoutId), () => current.listing, (_txn, ms) => {
        if (current.transactions++ % 100 === 0) current.stripePageMs.push(ms);
      }),
  };
  const ledger = decorate<LedgerRepository>(finance.ledger, {
    entriesBetween: (target) => (from: string, to: string) =>
      timedPages(target.entriesBetween(from, to), () => current.ledger, (page: LedgerEntry[], ms) => {
        current.dynamoPageMs.push(ms);
        current.ledgerPages++;
        current.entries += page.length;
      }),
  });
  const store = decorate<FinanceStore>(finance.store, {
    saveRun: (target) => (...args: Parameters<FinanceStore['saveRun']>) => timed(target.saveRun(...args), () => current.save),
  });
  return { ...finance, source, ledger, store };
}

function decorate<T extends object>(target: T, methods: { [K in keyof T]?: (target: T) => T[K] }): T {
  return new Proxy(target, {
    get(object, property) {
      const wrap = methods[property as keyof T];
      if (wrap) return wrap(object);
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}


// ─── The benchmark ──────────────────────────────────────────────────────────────────────────────

interface SizeResult {
  size: number;
  seed: { giftsMs: number; ledgerMs: number; payoutsMs: number };
  runs: RunFigures[];
  median: RunFigures;
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
  countRequests();
  const dynamo = await startDynamoDbLocal();
  const dynamoPort = new URL(dynamo.endpoint).port;
  const dynamoCpuMs = dynamoCpu(dynamoPort);
  const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      results.push(await measureSize(size, dynamo.endpoint, admin, dynamoCpuMs));
      console.error(`${size}: done`);
    }
  } finally {
    admin.destroy();
    await dynamo.stop();
  }
  report(results);
}

async function measureSize(size: number, dynamoEndpoint: string, admin: DynamoDBClient, dynamoCpuMs: () => number): Promise<SizeResult> {
  const tableName = `bench-reconcile-e2e-${size}`;
  await ensureTable(admin, tableName);
  const standin = await StandinProcess.start();
  try {
    const env = loadEnv({
      STAGE: 'local',
      AWS_REGION: 'local',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_FROM_ADDRESS: 'blue-heart@unodc.local',
      SES_ENDPOINT: 'http://127.0.0.1:9',
      PUBLIC_URL: 'http://localhost:3000',
      APP_SECRET: 'bench-reconcile-end-to-end-secret-0123456789',
      STRIPE_SECRET_KEY: standin.secretKey,
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_nobody_listens',
      STRIPE_API_URL: standin.url,
      // Never called: reconciliation by hand is given its trigger directly, not through the HTTP app.
      AUTH_ISSUER: 'http://127.0.0.1:9/issuer',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
      AUTH_AUDIENCE: 'bench',
      LOG_LEVEL: 'error',
    });
    const deps = await createDeps(env, { logger: createLogger('error') });
    hosts.stripe = new URL(standin.url).host;
    hosts.dynamo = new URL(dynamoEndpoint).host;

    // The gifts: one UTC day, five days ago, so they are available and paid out in one payout.
    const dayStartMs = Math.floor(Date.now() / DAY_MS) * DAY_MS - 5 * DAY_MS;
    let started = performance.now();
    const paymentIntents = await standin.process.call<string[]>({ op: 'gifts', count: size, dayStartMs });
    const giftsMs = performance.now() - started;

    // Their ledger entries, as the webhook would write them (without the receipt email).
    started = performance.now();
    const year = new Date(dayStartMs).getUTCFullYear();
    let next = 0;
    let seedStripeMs = 0;
    let seedAppendMs = 0;
    await Promise.all(
      Array.from({ length: SEED_CONCURRENCY }, async () => {
        while (next < paymentIntents.length) {
          const i = next++;
          let t = performance.now();
          const facts = await deps.donations.gateway.entriesFor({ id: `evt_bench_${i}`, type: 'payment_intent.succeeded', objectId: paymentIntents[i]! });
          if (facts.length !== 1) throw new Error(`${paymentIntents[i]} gave ${facts.length} ledger entries`);
          const fact = facts[0]!;
          const entry: LedgerEntry = {
            ...fact,
            ...(fact.donor?.email ? { donorKey: deps.donations.donorKey(fact.donor.email) } : {}),
            receiptNumber: `BH-${year}-${String(i + 1).padStart(6, '0')}`,
            receiptSentAt: fact.occurredAt,
          };
          seedStripeMs += performance.now() - t;
          t = performance.now();
          if ((await appendRetrying(deps.donations.ledger, entry)) !== 'appended') throw new Error(`${entry.id} was already in the ledger`);
          seedAppendMs += performance.now() - t;
        }
      }),
    );
    const ledgerMs = performance.now() - started;
    console.error(`${size}: ledger seeding: entriesFor ${(seedStripeMs / 1000).toFixed(1)} s, append ${(seedAppendMs / 1000).toFixed(1)} s (summed over ${SEED_CONCURRENCY} workers), ${appendRetries} retried appends`);

    started = performance.now();
    const payouts = await standin.process.call<{ id: string; amount: number }[]>({ op: 'payouts' });
    const payoutsMs = performance.now() - started;
    if (payouts.length !== 1) throw new Error(`expected one payout, Stripe made ${payouts.length}`);
    const payoutId = payouts[0]!.id;
    console.error(`${size}: seeded in ${((giftsMs + ledgerMs + payoutsMs) / 1000).toFixed(1)} s (gifts ${(giftsMs / 1000).toFixed(1)} s, ledger ${(ledgerMs / 1000).toFixed(1)} s, payout ${(payoutsMs / 1000).toFixed(1)} s)`);

    const finance = instrumented(deps.finance);
    // Warm-up: JIT (ours and DynamoDB Local's), connections.
    for (let i = 0; i < 2; i++) await runOnce(finance, payoutId, size, standin.process, dynamoCpuMs);
    const runs: RunFigures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(finance, payoutId, size, standin.process, dynamoCpuMs));
    const middle = [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(RUNS / 2)]!;
    return { size, seed: { giftsMs, ledgerMs, payoutsMs }, runs, median: middle };
  } finally {
    await standin.process.stop();
  }
}

let appendRetries = 0;

/** A TransactionConflict on a totals shard (parallel appends) is retried, as Stripe's redelivery would. */
async function appendRetrying(ledger: LedgerRepository, entry: LedgerEntry): Promise<'appended' | 'duplicate'> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ledger.append(entry);
    } catch (error) {
      if ((error as { code?: string }).code !== 'unavailable' || attempt >= 20) throw error;
      appendRetries++;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

async function runOnce(finance: FinanceDeps, payoutId: string, size: number, standin: StandinProcess, dynamoCpuMs: () => number): Promise<RunFigures> {
  const standinCpu = await standin.cpuMs();
  const dynamoCpu = dynamoCpuMs();
  const benchCpu = process.cpuUsage();
  current = blank();
  current.counting = true;
  const started = performance.now();
  const { result, record } = await reconcileOnePayout(finance, payoutId, { trigger: 'by-hand', by: 'bench@blueheart.local' });
  const totalMs = performance.now() - started;
  current.counting = false;
  const benchCpuMs = cpuMsSince(benchCpu);
  const { payout, listing, ledger, save } = current;
  const figures: RunFigures = {
    totalMs,
    payout,
    listing,
    ledger,
    save,
    engine: { ms: totalMs - payout.ms - listing.ms - ledger.ms - save.ms, cpuMs: benchCpuMs - payout.cpuMs - listing.cpuMs - ledger.cpuMs - save.cpuMs },
    benchCpuMs,
    standinCpuMs: (await standin.cpuMs()) - standinCpu,
    dynamoCpuMs: dynamoCpuMs() - dynamoCpu,
    stripePages: current.stripePages,
    stripeRequests: current.stripeRequests,
    dynamoQueries: current.dynamoQueries,
    stripePageMs: current.stripePageMs,
    dynamoPageMs: current.dynamoPageMs,
    ledgerPages: current.ledgerPages,
    entries: current.entries,
    transactions: current.transactions,
  };

  // A wrong result fails loudly: every gift matched, nothing else found, and the record says so.
  const problems: string[] = [];
  const discrepancies = Object.values(result.counts.discrepancies).reduce((sum, n) => sum + n, 0);
  if (result.status !== 'clean') problems.push(`status ${result.status}: ${JSON.stringify(result.discrepancies.slice(0, 3))}`);
  if (result.counts.matched !== size) problems.push(`matched ${result.counts.matched}, expected ${size}`);
  if (discrepancies !== 0) problems.push(`${discrepancies} discrepancies`);
  if (figures.transactions !== size + 1) problems.push(`Stripe listed ${figures.transactions} transactions, expected ${size + 1} (the gifts and the payout's own)`);
  if (figures.entries !== size) problems.push(`the ledger query read ${figures.entries} entries, expected ${size}`);
  if (figures.stripePages !== Math.ceil((size + 1) / 100)) problems.push(`${figures.stripePages} pages of balance transactions, expected ${Math.ceil((size + 1) / 100)}`);
  // The client retries failed requests (maxNetworkRetries: 2): a retry would hide in the times.
  if (figures.stripeRequests !== figures.stripePages + 1) problems.push(`${figures.stripeRequests} requests to Stripe for ${figures.stripePages} pages and the payout`);
  if (record?.lastRun?.status !== 'clean' || record.lastRun.trigger !== 'by-hand' || record.lastRun.counts.matched !== size) problems.push(`saved run ${JSON.stringify(record?.lastRun)}`);
  if (problems.length > 0) throw new Error(`${size} transactions: ${problems.join('; ')}`);
  return figures;
}

function report(results: SizeResult[]): void {
  const n = (value: number, digits = 0) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const spread = (ms: number[]) => [ms[0]!, median(ms), ms.at(-1)!].map((value) => n(value, value < 10 ? 1 : 0)).join(' · ');
  console.log(`\nNode ${process.version}; ${RUNS} timed runs per size after two warm-ups, median run shown; one payout of N gifts and its own balance transaction.\n`);
  printTable(
    ['gifts in the payout', 'Stripe pages', 'DynamoDB queries', 'total (ms)', 'Stripe: payout + listing (ms)', 'ledger query (ms)', 'engine (ms)', 'save (ms)', 'µs / txn', 'runs (ms)'],
    results.map(({ size, median: m, runs }) => [
      n(size),
      n(m.stripePages),
      n(m.dynamoQueries),
      n(m.totalMs),
      `${n(m.payout.ms)} + ${n(m.listing.ms)}`,
      n(m.ledger.ms),
      n(m.engine.ms),
      n(m.save.ms),
      n((m.totalMs * 1000) / size),
      runs.map((r) => n(r.totalMs)).join(' · '),
    ]),
  );
  console.log('');
  printTable(
    ['gifts', 'Stripe page awaited: first · median · last (ms)', 'stand-in CPU (ms)', 'bench CPU in listing (ms)', 'bench CPU / Stripe page (ms)', 'ledger page awaited: first · median · last (ms)', 'DynamoDB Local CPU (ms)', 'bench CPU in ledger query (ms)', 'engine CPU (ms)', 'bench CPU, whole run (ms)'],
    results.map(({ size, median: m }) => [
      n(size),
      spread(m.stripePageMs),
      n(m.standinCpuMs),
      n(m.listing.cpuMs),
      n(m.listing.cpuMs / m.stripePages, 2),
      spread(m.dynamoPageMs),
      n(m.dynamoCpuMs),
      n(m.ledger.cpuMs),
      n(m.engine.cpuMs),
      n(m.benchCpuMs),
    ]),
  );
  console.log('');
  const ratioRows: string[][] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    const ratio = (f: (r: RunFigures) => number) => (f(b.median) / f(a.median)).toFixed(1);
    ratioRows.push([
      `${n(b.size)} / ${n(a.size)}`,
      (b.size / a.size).toFixed(1),
      ratio((r) => r.totalMs),
      ratio((r) => r.listing.ms),
      ratio((r) => r.standinCpuMs),
      ratio((r) => r.listing.cpuMs),
      ratio((r) => r.ledger.ms),
      ratio((r) => r.engine.ms),
      ratio((r) => r.benchCpuMs),
    ]);
  }
  printTable(['ratio', 'size', 'total', 'Stripe listing', 'stand-in CPU', 'bench CPU in listing', 'ledger query', 'engine', 'bench CPU, whole run'], ratioRows);
  console.log('');
  printTable(
    ['gifts', 'seeding: gifts in the stand-in (s)', 'ledger entries via entriesFor + append (s)', 'createPayouts (s)'],
    results.map(({ size, seed }) => [n(size), n(seed.giftsMs / 1000, 1), n(seed.ledgerMs / 1000, 1), n(seed.payoutsMs / 1000, 1)]),
  );
}

if (process.argv[2] === '--standin') await standinMain();
else await main();
