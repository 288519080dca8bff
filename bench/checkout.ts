/**
 * Opening a payment page: POST /api/donations/checkout (validation, the gateway, the Stripe
 * client, the stand-in's session) against the same session made with the raw `stripe` client.
 *   npx tsx bench/checkout.ts [requests=300]
 * Requests are sequential (latency, not throughput), each with a new idempotency key, after 20
 * warm-up requests of each kind. The stand-in runs in the same process as the app.
 */
import { randomUUID } from 'node:crypto';
import { startDonationsBenchPlatform } from './donations-platform.js';
import { percentile, printTable } from './stats.js';

const total = Number(process.argv[2] ?? 300);
const platform = await startDonationsBenchPlatform();
const { harness } = platform;
const gift = { amount: 5_000, currency: 'usd', frequency: 'once', donorCategory: 'individual', anonymous: true, campaignYear: 2026, language: 'en', email: 'bench@example.org' };

async function viaPlatform(): Promise<void> {
  const response = await platform.http.request('/api/donations/checkout', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...gift, idempotencyKey: randomUUID() }),
  });
  if (response.status !== 200) throw new Error(`checkout answered ${response.status}`);
  await response.arrayBuffer();
}

/** The session the gateway asks for, made directly (same parameters as StripeGateway.createCheckout). */
async function viaStripe(): Promise<void> {
  const metadata = { source: 'blue-heart', campaignYear: '2026', donorCategory: 'individual', anonymous: 'true', displayName: '', dedication: '', earmark: '', language: 'en', frequency: 'once' };
  await harness.stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 5_000, product_data: { name: 'Gift', description: 'Bench' } } }],
      success_url: 'http://localhost:3000/en/donate/thanks/?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost:3000/en/donate/',
      locale: 'en', metadata, customer_email: 'bench@example.org', submit_type: 'donate', customer_creation: 'always',
      payment_intent_data: { metadata, description: 'Bench' },
    },
    { idempotencyKey: randomUUID() },
  );
}

async function measure(run: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < total; i++) {
    const at = performance.now();
    await run();
    times.push(performance.now() - at);
  }
  return times;
}

try {
  // Interleaved halves, so drift (JIT, GC, the table growing) does not favour one side.
  const raw = [...(await measure(viaStripe))];
  const api = [...(await measure(viaPlatform))];
  raw.push(...(await measure(viaStripe)));
  api.push(...(await measure(viaPlatform)));
  const row = (label: string, times: number[]) => [label, String(times.length), ...[50, 95, 99].map((p) => percentile(times, p).toFixed(1))];
  printTable(['path', 'requests', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)'], [
    row('raw stripe client → stand-in (sessions.create)', raw),
    row('POST /api/donations/checkout → stand-in', api),
  ]);
  console.log(`\nRatio platform/raw: p50 ${(percentile(api, 50) / percentile(raw, 50)).toFixed(2)}×, p95 ${(percentile(api, 95) / percentile(raw, 95)).toFixed(2)}×, p99 ${(percentile(api, 99) / percentile(raw, 99)).toFixed(2)}×`);
} finally {
  await platform.stop();
}
