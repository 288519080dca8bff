import type Stripe from 'stripe';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { readMailbox } from '../../../functions/dev/ses-local.js';
import type { FailureRule } from './flaky-dynamo.js';
import { deliver, startReplayHarness, type ReplayHarness } from './replay-harness.js';
import { pay, seededRandom } from './stripe-traffic.js';

/**
 * The two ways the replay test (webhook-replay-is-exact) finds the ledger's side effects
 * wrong, each reduced to one gift and one chosen failure. The money stays exact in all of them;
 * the donor count and the receipt do not. Each is `it.fails` until the bug is fixed: remove
 * `.fails` with the fix, and the test must then pass.
 */
describe('a gift recorded after a storage failure', () => {
  let harness: ReplayHarness | undefined;
  afterEach(async () => harness?.stop());
  const random = seededRandom(7);
  const has = (input: Record<string, unknown>, text: string) => JSON.stringify(input).includes(text);

  /** One US$ 50 gift to 2026, paid on the stand-in; its events held back. */
  async function oneGift(rule: FailureRule | undefined, email: string): Promise<{ completed: Stripe.Event; succeeded: Stripe.Event }> {
    harness = await startReplayHarness({ dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint'), failureRate: 0, seed: 1, ...(rule ? { failureRule: rule } : {}) });
    const url = await harness.openCheckout({ amount: 5_000, currency: 'usd', frequency: 'once', campaignYear: 2026, email });
    expect((await pay(harness.standin, url, '4242 4242 4242 4242', email)).status).toBe(303);
    await harness.standin.idle();
    const find = (type: string) => harness!.standin.events().find((event) => event.type === type)!;
    return { completed: find('checkout.session.completed'), succeeded: find('payment_intent.succeeded') };
  }
  const receiptsTo = async (email: string) => (await readMailbox(inject('sesEndpoint'))).filter((sent) => sent.destination.to.includes(email));
  const once = (rule: FailureRule): FailureRule => {
    let done = false;
    return (command, input) => {
      const when = done ? undefined : rule(command, input);
      if (when) done = true;
      return when;
    };
  };

  // BUG: functions/adapters/dynamodb/dynamo-ledger.ts:274 counts the donor in separate writes
  // after the entry's transaction. When that transaction commits but the call fails (a timeout,
  // a crash) or the donor writes fail, the retry finds the entry (record-payment-event.ts:29)
  // and skips append, so the donor is never counted.
  it('counts the donor when the entry was written but the answer was lost', async () => {
    const email = `lost-answer-${Date.now()}@replay.example.org`;
    const { completed } = await oneGift(once((command, input) => (command === 'TransactWriteItemsCommand' && has(input, 'LEDGER#gift:') ? 'after' : undefined)), email);
    const report = await deliver(harness!.app, [completed], { concurrency: 1, random });
    expect(report.retried).toBe(1);
    const totals = await harness!.ledger.totals(2026);
    expect(totals.raised.usd).toBe(5_000);
    expect(totals.donors).toBe(1);
  });

  it('counts the donor when writing the donor marker failed', async () => {
    const email = `lost-donor-${Date.now()}@replay.example.org`;
    const { completed } = await oneGift(once((command, input) => (command === 'PutItemCommand' && has(input, 'DONOR#') ? 'before' : undefined)), email);
    await deliver(harness!.app, [completed], { concurrency: 1, random });
    const totals = await harness!.ledger.totals(2026);
    expect(totals.raised.usd).toBe(5_000);
    expect(totals.donors).toBe(1);
  });

  // BUG: functions/domain/donations/record-payment-event.ts:58-63 sends the receipt, then marks
  // it sent. When the mark fails, the retried event finds no receiptSentAt and sends it again.
  it('sends one receipt when marking it sent failed', async () => {
    const email = `mark-failed-${Date.now()}@replay.example.org`;
    const { completed } = await oneGift(once((command, input) => (command === 'UpdateItemCommand' && has(input, 'receiptSentAt') ? 'before' : undefined)), email);
    // The failed write is repeated in place (the claim's token makes that safe), or the delivery is.
    await deliver(harness!.app, [completed], { concurrency: 1, random });
    expect(await receiptsTo(email)).toHaveLength(1);
  });

  // BUG: the same lines read receiptSentAt and send without a condition, so two deliveries that
  // carry the same gift at once (Stripe sends checkout.session.completed and
  // payment_intent.succeeded together; a retry can overlap the original) both send it. A slow
  // mail server (here 200 ms) widens the window; the replay test hits it with none.
  it('sends one receipt when two events of the same gift arrive together', async () => {
    const email = `together-${Date.now()}@replay.example.org`;
    const { completed, succeeded } = await oneGift(undefined, email);
    const mailer = harness!.deps.donations.mailer;
    harness!.deps.donations.mailer = { ...mailer, send: async (message) => { await new Promise((r) => setTimeout(r, 200)); return mailer.send(message); } };
    await deliver(harness!.app, [completed, succeeded], { concurrency: 2, random });
    expect((await harness!.ledger.totals(2026)).raised.usd).toBe(5_000);
    expect(await receiptsTo(email)).toHaveLength(1);
  });
});
