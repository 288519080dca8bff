import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaigns } from '../../../functions/dev/seed.js';
import { startTestPlatform } from '../../support/running-platform.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

interface Progress {
  raised: { amount: number; currency: string };
  donors: number;
  target?: { amount: number };
  matched?: { amount: number; remaining: number };
}

/**
 * Ana gives US$ 50 to the 2026 campaign through the local Stripe stand-in: the payment page,
 * the signed webhooks, the ledger, the receipt in Spanish, the progress bar. Then Stripe
 * redelivers everything and a refund follows; the ledger stays exact.
 */
describe('a donor gives through Stripe and gets a receipt', () => {
  let platform: Running;
  let stripe: Stripe;
  const progress = async () => (await (await fetch(`${platform.url}/api/donations/progress?campaign=2026`)).json()) as Progress;
  const checkout = (body: Record<string, unknown>) =>
    fetch(`${platform.url}/api/donations/checkout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const gift = {
    amount: 5_000, currency: 'usd', frequency: 'once', donorCategory: 'individual', anonymous: false, displayName: 'Ana',
    campaignYear: 2026, language: 'es', email: 'ana.donor@example.org',
  };

  /** What a person does on the payment page: type a test card and pay. */
  const pay = async (checkoutUrl: string, card: string) => {
    const session = new URL(checkoutUrl).pathname.split('/').pop();
    return fetch(`${platform.stripeStandin!.url}/checkout/${session}/pay`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cardNumber: card, cardExpiry: '12 / 34', cardCvc: '123', billingName: 'Ana López', email: 'ana.donor@example.org' }),
    });
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    await seedCampaigns(platform.deps.campaigns.repository, new Date('2026-01-01T00:00:00Z'));
    const standin = platform.stripeStandin!;
    stripe = new Stripe(standin.secretKey, { host: standin.host, port: standin.port, protocol: 'http' });
  });
  afterAll(async () => platform?.stop());

  it('opens one payment page per form, however often it is submitted', async () => {
    const idempotencyKey = randomUUID();
    const [first, second] = await Promise.all([checkout({ ...gift, idempotencyKey }), checkout({ ...gift, idempotencyKey })]);
    expect(first.status).toBe(200);
    const { url } = (await first.json()) as { url: string };
    expect(((await second.json()) as { url: string }).url).toBe(url);
    expect(url.startsWith(platform.stripeStandin!.url)).toBe(true);
  });

  it('records the paid gift once, sends a receipt in Spanish, and the progress bar moves', async () => {
    const { url } = (await (await checkout({ ...gift, idempotencyKey: randomUUID() })).json()) as { url: string };
    const declined = await pay(url, '4000 0000 0000 0002');
    expect(declined.status).toBe(402);
    const paid = await pay(url, '4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toMatch(/\/es\/donate\/thanks\/\?session_id=cs_test_/);
    await platform.stripeStandin!.idle();

    const now = await progress();
    expect(now.raised).toEqual({ amount: 5_000, currency: 'usd' });
    expect(now.donors).toBe(1);
    expect(now.target?.amount).toBe(5_000_000);
    expect(now.matched).toMatchObject({ amount: 5_000, remaining: 995_000 });

    const [receipt, ...more] = await platform.emailsTo('ana.donor@example.org');
    expect(more).toHaveLength(0);
    expect(receipt?.subject).toMatch(/^Recibo de tu donación BH-\d{4}-000001$/);
    expect(receipt?.body.text).toContain('US$');
    expect(receipt?.body.text).toContain('Fondo Fiduciario');
  });

  it('changes nothing when Stripe delivers every event again', async () => {
    const before = await progress();
    for (const event of platform.stripeStandin!.events()) await platform.stripeStandin!.redeliver(event.id);
    expect(await progress()).toEqual(before);
    expect(await platform.emailsTo('ana.donor@example.org')).toHaveLength(1);
  });

  it('takes a refund off the total', async () => {
    const charge = platform.stripeStandin!.events().find((event) => event.type === 'charge.succeeded')?.data.object as Stripe.Charge;
    await stripe.refunds.create({ charge: charge.id });
    await platform.stripeStandin!.idle();
    expect((await progress()).raised.amount).toBe(0);
    const entry = await platform.deps.donations.ledger.get(`gift:${charge.id}`);
    expect(entry).toMatchObject({ kind: 'gift', amount: 5_000, currency: 'usd', campaignYear: 2026, donorCategory: 'individual', settlement: { fee: 175, net: 4_825 } });
  });

  it.each([
    ['zero', { amount: 0 }, 'amount'],
    ['negative', { amount: -500 }, 'amount'],
    ['above the limit', { amount: 100_000_000 }, 'amount'],
    ['a fraction of a cent', { amount: 10.5 }, 'amount'],
    ['an unsupported currency', { currency: 'btc' }, 'currency'],
    ['no name for the donor list', { anonymous: false, displayName: undefined }, 'displayName'],
  ])('refuses %s', async (_label, change, field) => {
    const response = await checkout({ ...gift, idempotencyKey: randomUUID(), ...change });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: { field: string }[] } };
    expect(error.fields.map((f) => f.field)).toContain(field);
  });

  it('refuses a webhook with a forged or stale signature, and writes nothing', async () => {
    const before = await progress();
    const payload = JSON.stringify(platform.stripeStandin!.events()[0]);
    const post = (signature: string) => fetch(`${platform.url}/api/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_the_real_secret' });
    expect((await post(forged)).status).toBe(400);
    expect((await post('t=1,v1=deadbeef')).status).toBe(400);
    expect((await fetch(`${platform.url}/api/stripe/webhook`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await progress()).toEqual(before);
  });
});
