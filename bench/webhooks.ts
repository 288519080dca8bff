/**
 * Stripe webhook events recorded per second, end to end on one machine: the app served over
 * HTTP, the Stripe stand-in (which the gateway re-reads every event from), DynamoDB Local, SES.
 *   npx tsx bench/webhooks.ts [events=1000] [concurrency=8]
 * Donor traffic is made first with the stand-in's webhooks held back (gifts, refunds, disputes,
 * monthly gifts). The queue of signed events, shuffled, is then drained into
 * POST /api/stripe/webhook; a 5xx (a refund before its gift) goes back in the queue as Stripe
 * would retry it. A second pass delivers every event again (duplicates). The run fails unless the
 * ledger equals what Stripe moved.
 */
import { deliver } from '../test/integration/donations/replay-harness.js';
import { expectedFromStripe, generateTraffic, seededRandom, shuffle } from '../test/integration/donations/stripe-traffic.js';
import { startDonationsBenchPlatform } from './donations-platform.js';
import { percentile, printTable } from './stats.js';

const target = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 8);
const random = seededRandom(42);
const platform = await startDonationsBenchPlatform();
const { harness } = platform;

try {
  const generating = performance.now();
  const traffic = await generateTraffic({ standin: harness.standin, stripe: harness.stripe, openCheckout: harness.openCheckout, minEvents: target, random, emailTag: `bench${Date.now().toString(36)}` });
  const generated = (performance.now() - generating) / 1000;
  const events = harness.standin.events();
  const first = await deliver(platform.http, shuffle([...events], random), { concurrency, random });
  const again = await deliver(platform.http, shuffle([...events], random), { concurrency, random });

  const expected = await expectedFromStripe(harness.stripe, harness.standin, traffic);
  for (const [year, campaign] of expected.campaigns) {
    const totals = await harness.ledger.totals(year);
    if (totals.raised.usd !== campaign.raised) throw new Error(`${year}: ledger ${totals.raised.usd}, Stripe ${campaign.raised}`);
  }

  const row = (label: string, report: typeof first) => [
    label,
    String(report.events),
    String(report.deliveries),
    (report.events / (report.elapsedMs / 1000)).toFixed(0),
    percentile(report.latencies, 50).toFixed(1),
    percentile(report.latencies, 95).toFixed(1),
    percentile(report.latencies, 99).toFixed(1),
  ];
  console.log(`\n${events.length} events from ${traffic.chargeIds.length} charges, ${traffic.refunds} refunds, ${traffic.disputeIds.length} disputes, ${traffic.subscriptionIds.length} monthly donors (generated in ${generated.toFixed(1)} s); concurrency ${concurrency}\n`);
  printTable(
    ['pass', 'events', 'POSTs (with retries)', 'events/s', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)'],
    [row('first delivery (shuffled)', first), row('every event again (duplicates)', again)],
  );
  console.log(`\nLedger equals Stripe's balance transactions for ${[...expected.campaigns.keys()].join(', ')}.`);
} finally {
  await platform.stop();
}
