import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeGateway } from '../../../functions/adapters/stripe/stripe-gateway.js';
import { startStripeStandin, type StripeStandin } from '../../../functions/dev/stripe-standin/index.js';

/**
 * The Stripe side of erasure, through the PaymentGateway port against the stand-in: the customer
 * is deleted (again is harmless), Stripe answers its stub from then on, and an event about one of
 * its gifts that arrives late (a retry, a resend from the dashboard) brings back no donor data.
 */
describe('Stripe forgets an erased donor', () => {
  let standin: StripeStandin;
  let stripe: Stripe;
  let gateway: StripeGateway;

  beforeAll(async () => {
    const webhookSecret = `whsec_${randomUUID().replaceAll('-', '')}`;
    standin = await startStripeStandin({ webhookUrl: 'http://127.0.0.1:9/nowhere', webhookSecret, retryDelaysMs: [] });
    stripe = new Stripe(standin.secretKey, { host: standin.host, port: standin.port, protocol: 'http' });
    gateway = new StripeGateway(stripe, webhookSecret);
  });
  afterAll(async () => standin?.stop());

  it('deletes the customer once, answers its stub afterwards, and a late event about its gift names nobody', async () => {
    const gift = standin.giveDemoGift({
      amount: 2_500, currency: 'eur', email: 'late.event@example.org', name: 'Lena Late',
      metadata: { anonymous: 'false', displayName: 'Lena L.', dedication: 'For Grandma' },
    });
    const event = { id: 'evt_late', type: 'payment_intent.succeeded', objectId: gift.paymentIntent.id };
    const [before] = await gateway.entriesFor(event);
    expect(before).toMatchObject({ donor: { name: 'Lena Late', email: 'late.event@example.org' }, displayName: 'Lena L.', dedication: 'For Grandma', anonymous: false });
    const customerId = before!.stripe.customerId!;
    expect(customerId).toMatch(/^cus_/);

    expect(await gateway.deleteCustomer(customerId)).toBe('deleted');
    expect(await gateway.deleteCustomer(customerId)).toBe('gone');
    expect(await stripe.customers.retrieve(customerId)).toEqual({ id: customerId, object: 'customer', deleted: true });
    expect(standin.events().map((e) => e.type)).toContain('customer.deleted');

    const [after] = await gateway.entriesFor(event);
    expect(after).toMatchObject({ id: before!.id, amount: 2_500, currency: 'eur', settlement: before!.settlement, stripe: before!.stripe, donor: {}, anonymous: true });
    expect(after).not.toHaveProperty('displayName');
    expect(after).not.toHaveProperty('dedication');
    expect(JSON.stringify(after)).not.toMatch(/Lena|late\.event/);
  });
});
