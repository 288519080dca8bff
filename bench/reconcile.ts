/**
 * Reconciliation of payouts against the ledger at 10,000, 100,000 and 1,000,000 balance
 * transactions: time and memory for each, and the ratios between sizes (linear ≈ 10×).
 *   npx tsx bench/reconcile.ts [sizes=10000,100000,1000000] [keepLines=all|discrepancies|both]
 * Each size runs in its own Node process (--expose-gc), so peak RSS is that size's alone.
 * Synthetic data: payouts of 2,000 transactions (charges 85 %, refunds 7 %, disputes 3 %,
 * dispute reversals 1 %, Stripe fees 4 %), one ledger entry per ledgered transaction, Stripe-
 * shaped ids; 5 of each discrepancy kind injected. The run fails unless exactly those are found.
 * Timed: building the ledger index from pages of 1,000 entries, reconciling every payout from
 * pages of 100 transactions (an async iterable, as a Stripe list is read), and the summary.
 */
import { fork } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LedgerIndex } from '../functions/domain/reconciliation/ledger-index.js';
import { reconcilePayout, type ReconcileOptions } from '../functions/domain/reconciliation/reconcile-payout.js';
import { summarizeReconciliation } from '../functions/domain/reconciliation/summarize-reconciliation.js';
import type { BalanceTransaction, DiscrepancyKind, LedgerLine, Payout, PayoutReconciliation } from '../functions/domain/reconciliation/types.js';
import { printTable } from './stats.js';

const PER_PAYOUT = 2_000;
const INJECTED = 5;
/** Timed runs per size; the median is reported. */
const RUNS = 5;

interface Measured {
  size: number;
  keepLines: 'all' | 'discrepancies';
  payouts: number;
  entries: number;
  generateMs: number;
  indexMs: number;
  reconcileMs: number;
  summaryMs: number;
  /** Garbage collection inside the timed part (V8's gc entries), median run. */
  gcMs: number;
  inputHeapMiB: number;
  engineHeapMiB: number;
  peakRssMiB: number;
  peakRssAboveStartMiB: number;
  found: Partial<Record<DiscrepancyKind, number>>;
}

if (process.argv[2] === '--child') {
  const result = await measure(Number(process.argv[3]), process.argv[4] as Measured['keepLines']);
  process.send!(result);
} else {
  const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
  const modeArg = process.argv[3] ?? 'both';
  const modes: Measured['keepLines'][] = modeArg === 'both' ? ['all', 'discrepancies'] : [modeArg as Measured['keepLines']];
  const results: Measured[] = [];
  for (const keepLines of modes) for (const size of sizes) results.push(await inChild(size, keepLines));
  console.log(`\nNode ${process.version}; ${PER_PAYOUT.toLocaleString('en')} transactions per payout; ${INJECTED} of each discrepancy kind injected and found.\n`);
  printTable(
    ['transactions', 'lines kept', 'payouts', 'ledger entries', 'index (ms)', 'reconcile (ms)', 'total (ms)', 'of which GC (ms)', 'µs / txn', 'engine heap Δ (MiB)', 'input heap (MiB)', 'peak RSS (MiB)', 'RSS above start (MiB)'],
    results.map((r) => {
      const total = r.indexMs + r.reconcileMs + r.summaryMs;
      return [r.size.toLocaleString('en'), r.keepLines, String(r.payouts), r.entries.toLocaleString('en'), r.indexMs.toFixed(0), r.reconcileMs.toFixed(0), total.toFixed(0), r.gcMs.toFixed(0), ((total * 1000) / r.size).toFixed(2), r.engineHeapMiB.toFixed(1), r.inputHeapMiB.toFixed(1), r.peakRssMiB.toFixed(0), r.peakRssAboveStartMiB.toFixed(0)];
    }),
  );
  console.log('');
  const ratioRows: string[][] = [];
  for (const keepLines of modes) {
    const of = (size: number) => results.find((r) => r.size === size && r.keepLines === keepLines);
    for (let i = 1; i < sizes.length; i++) {
      const small = sizes[i - 1]!;
      const large = sizes[i]!;
      const a = of(small);
      const b = of(large);
      if (!a || !b) continue;
      const time = (r: Measured) => r.indexMs + r.reconcileMs + r.summaryMs;
      const noGc = (r: Measured) => time(r) - r.gcMs;
      ratioRows.push([`${large.toLocaleString('en')} / ${small.toLocaleString('en')}`, keepLines, (time(b) / time(a)).toFixed(1), (noGc(b) / noGc(a)).toFixed(1), (b.engineHeapMiB / a.engineHeapMiB).toFixed(1), (b.peakRssAboveStartMiB / a.peakRssAboveStartMiB).toFixed(1)]);
    }
  }
  printTable(['ratio', 'lines kept', 'time', 'time without GC', 'engine heap Δ', 'RSS above start'], ratioRows);
}

function inChild(size: number, keepLines: Measured['keepLines']): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', String(size), keepLines], { execArgv: [...process.execArgv, '--expose-gc'] });
    let result: Measured | undefined;
    child.on('message', (message) => (result = message as Measured));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`child for ${size} exited with ${code}`))));
  });
}

async function measure(size: number, keepLines: Measured['keepLines']): Promise<Measured> {
  // Several full collections with turns of the event loop between, so concurrent sweeping has finished before heapUsed is read.
  const gc = async () => {
    for (let i = 0; i < 3; i++) {
      globalThis.gc?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const mib = (bytes: number) => bytes / 1024 / 1024;
  const baseRss = process.memoryUsage().rss;
  // Warm-up on a separate small data set, so the 10k figure is not mostly JIT compilation.
  await run(generate(20_000), keepLines);
  await gc();
  const baseHeap = process.memoryUsage().heapUsed;
  const generating = performance.now();
  const data = generate(size);
  const generateMs = performance.now() - generating;
  await gc();
  const inputHeap = process.memoryUsage().heapUsed;

  const runs: Omit<Awaited<ReturnType<typeof run>>, 'results' | 'ledger'>[] = [];
  let engineHeap = 0;
  for (let i = 0; i < RUNS; i++) {
    let measured: Awaited<ReturnType<typeof run>> | null = await run(data, keepLines);
    await gc();
    const held = process.memoryUsage().heapUsed;
    const { results: _results, ledger: _ledger, ...figures } = measured;
    runs.push(figures);
    measured = null;
    await gc();
    // What the ledger index and the payout results hold: the heap with them minus the heap without.
    engineHeap = held - process.memoryUsage().heapUsed;
  }
  runs.sort((a, b) => a.indexMs + a.reconcileMs + a.summaryMs - (b.indexMs + b.reconcileMs + b.summaryMs));
  const median = runs[Math.floor(RUNS / 2)]!;
  return {
    size,
    keepLines,
    payouts: data.payouts.length,
    entries: median.entries,
    generateMs,
    indexMs: median.indexMs,
    reconcileMs: median.reconcileMs,
    summaryMs: median.summaryMs,
    gcMs: median.gcMs,
    inputHeapMiB: mib(inputHeap - baseHeap),
    engineHeapMiB: mib(engineHeap),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    peakRssAboveStartMiB: process.resourceUsage().maxRSS / 1024 - mib(baseRss),
    found: median.found,
  };
}

/** One timed reconciliation of the whole data set, checked against what was injected. */
async function run(data: ReturnType<typeof generate>, keepLines: Measured['keepLines']) {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  let started = performance.now();
  const ledger = new LedgerIndex();
  for (let i = 0; i < data.entries.length; i += 1_000) ledger.addAll(data.entries.slice(i, i + 1_000));
  const indexMs = performance.now() - started;

  started = performance.now();
  const options: ReconcileOptions = { keepLines };
  const results: PayoutReconciliation[] = [];
  for (const { payout, transactions } of data.payouts) results.push(await reconcilePayout(payout, pages(transactions, 100), ledger, options));
  const reconcileMs = performance.now() - started;

  started = performance.now();
  const summary = summarizeReconciliation(results, ledger);
  const summaryMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 50)); // gc entries arrive asynchronously
  observer.disconnect();

  const found = Object.fromEntries(Object.entries(summary.counts).filter(([, n]) => n > 0)) as Measured['found'];
  const expected: Partial<Record<DiscrepancyKind, number>> = {
    missing_from_ledger: INJECTED,
    missing_from_stripe: INJECTED,
    amount_mismatch: INJECTED,
    currency_mismatch: INJECTED,
    fee_difference: INJECTED,
    // A payout amount (and its own transaction) one cent more than its lines: its net differs.
    net_differs_from_payout: INJECTED,
  };
  if (JSON.stringify(found) !== JSON.stringify(expected)) throw new Error(`found ${JSON.stringify(found)}, injected ${JSON.stringify(expected)}`);
  const transactions = data.payouts.reduce((n, p) => n + p.transactions.length, 0);
  const keptLines = results.reduce((n, r) => n + r.lines.length, 0);
  if (keepLines === 'all' && keptLines !== transactions) throw new Error(`kept ${keptLines} of ${transactions} lines`);
  return { indexMs, reconcileMs, summaryMs, gcMs, entries: ledger.size, found, results, ledger };
}

async function* pages(transactions: BalanceTransaction[], size: number): AsyncGenerator<BalanceTransaction> {
  for (let i = 0; i < transactions.length; i += size) yield* await Promise.resolve(transactions.slice(i, i + size));
}

/** Deterministic (mulberry32), so every run reconciles the same data. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stripe-shaped ids (prefix + 24 characters), so the Map keys cost what real ones do. */
function stripeId(prefix: string, n: number): string {
  return `${prefix}_1Q${n.toString(36).padStart(22, '0')}`;
}

function generate(size: number): { payouts: { payout: Payout; transactions: BalanceTransaction[] }[]; entries: LedgerLine[] } {
  const random = seeded(size);
  const payouts: { payout: Payout; transactions: BalanceTransaction[] }[] = [];
  const entries: LedgerLine[] = [];
  const entryOf = (t: BalanceTransaction, kind: LedgerLine['kind'], source: string): LedgerLine => ({
    id: `${kind}:${source}`,
    kind,
    occurredAt: '2026-07-01T10:00:00.000Z',
    settlement: { amount: t.amount, fee: t.fee, net: t.net, currency: t.currency, exchangeRate: null, balanceTransactionId: t.id },
  });
  for (let n = 0, p = 0; n < size; p++) {
    const count = Math.min(PER_PAYOUT, size - n);
    const transactions: BalanceTransaction[] = [];
    let net = 0;
    for (let i = 0; i < count; i++, n++) {
      const roll = random();
      const id = stripeId('txn', n);
      const amount = 500 + Math.floor(random() * 49_500);
      let t: BalanceTransaction;
      let kind: LedgerLine['kind'] | null;
      if (roll < 0.85) [t, kind] = [{ id, type: 'charge', amount, fee: Math.round(amount * 0.029) + 30, net: 0, currency: 'usd', sourceId: stripeId('ch', n) }, 'gift'];
      else if (roll < 0.92) [t, kind] = [{ id, type: 'refund', reportingCategory: 'refund', amount: -amount, fee: 0, net: 0, currency: 'usd', sourceId: stripeId('re', n) }, 'refund'];
      else if (roll < 0.95) [t, kind] = [{ id, type: 'adjustment', reportingCategory: 'dispute', amount: -amount, fee: 1_500, net: 0, currency: 'usd', sourceId: stripeId('dp', n) }, 'dispute'];
      else if (roll < 0.96) [t, kind] = [{ id, type: 'adjustment', reportingCategory: 'dispute_reversal', amount, fee: 0, net: 0, currency: 'usd', sourceId: stripeId('dp', n) }, 'dispute_reversal'];
      else [t, kind] = [{ id, type: 'stripe_fee', amount: -(100 + Math.floor(random() * 900)), fee: 0, net: 0, currency: 'usd', sourceId: null }, null];
      t.net = t.amount - t.fee;
      net += t.net;
      transactions.push(t);
      if (kind) entries.push(entryOf(t, kind, t.sourceId!));
    }
    const id = stripeId('po', p);
    const own: BalanceTransaction = { id: stripeId('txn_po', p), type: 'payout', amount: -net, fee: 0, net: -net, currency: 'usd', sourceId: id };
    transactions.push(own);
    payouts.push({ payout: { id, amount: net, currency: 'usd', arrivalDate: '2026-07-03T00:00:00.000Z', status: 'paid', balanceTransactionId: own.id }, transactions });
  }
  inject(payouts, entries);
  return { payouts, entries };
}

/** Five of each kind, spread over the run (payout amounts in the first payouts, lines throughout). */
function inject(payouts: { payout: Payout; transactions: BalanceTransaction[] }[], entries: LedgerLine[]): void {
  const step = Math.floor(entries.length / (INJECTED * 5 + 1));
  let at = step;
  const next = () => entries[(at += step) - step]!;
  const drop: LedgerLine[] = [];
  for (let i = 0; i < INJECTED; i++) {
    drop.push(next()); // missing from the ledger
    next().settlement.amount += 100; // amount mismatch
    next().settlement.currency = 'eur'; // currency mismatch
    next().settlement.fee += 1; // fee difference
    const phantom = next(); // an entry for a transaction no payout lists
    entries.push({ ...phantom, id: `${phantom.id}_phantom`, settlement: { ...phantom.settlement, balanceTransactionId: `${phantom.settlement.balanceTransactionId}_phantom` } });
    // Net differs from payout: the payout (and its own transaction) says one cent more than its lines.
    const { payout, transactions } = payouts[i % payouts.length]!;
    const own = transactions.at(-1)!;
    payout.amount += 1;
    own.amount -= 1;
    own.net -= 1;
  }
  for (const entry of drop) entries.splice(entries.indexOf(entry), 1);
}
