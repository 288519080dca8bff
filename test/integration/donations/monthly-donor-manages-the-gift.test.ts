import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../support/running-platform.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/** Kwame gives US$ 20 a month, manages the gift from his receipt, and asks for his yearly statement. */
describe('a monthly donor', () => {
  let platform: Running;
  const email = 'kwame.monthly@example.org';
  const year = new Date().getUTCFullYear();
  const progress = async () => (await (await fetch(`${platform.url}/api/donations/progress?campaign=${year}`)).json()) as { raised: { amount: number }; donors: number };

  beforeAll(async () => {
    platform = await startTestPlatform();
    const response = await fetch(`${platform.url}/api/donations/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 2_000, currency: 'usd', frequency: 'monthly', donorCategory: 'individual', anonymous: true, campaignYear: year, language: 'en', email, idempotencyKey: randomUUID() }),
    });
    const { url } = (await response.json()) as { url: string };
    const session = new URL(url).pathname.split('/').pop();
    const paid = await fetch(`${platform.stripeStandin!.url}/checkout/${session}/pay`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cardNumber: '4242424242424242', cardExpiry: '12 / 34', cardCvc: '123', billingName: 'Kwame Mensah', email }),
    });
    expect(paid.status).toBe(303);
    await platform.stripeStandin!.idle();
  });
  afterAll(async () => platform?.stop());

  it('records the first month and sends a receipt with a link to manage the gift', async () => {
    expect(await progress()).toMatchObject({ raised: { amount: 2_000 }, donors: 1 });
    const [receipt] = await platform.emailsTo(email);
    expect(receipt?.body.text).toContain('This is a monthly gift');
    const link = /Change or cancel your monthly gift: (\S+)/.exec(receipt!.body.text!)?.[1];
    expect(link).toBeDefined();
    const manage = await fetch(link!, { redirect: 'manual' });
    expect(manage.status).toBe(303);
    expect(manage.headers.get('location')).toContain(platform.stripeStandin!.url);
  });

  it('records the next month from the paid invoice, and still counts one donor', async () => {
    const subscription = platform.stripeStandin!.events().find((e) => e.type === 'customer.subscription.created')!.data.object as { id: string };
    platform.stripeStandin!.advanceSubscription(subscription.id);
    await platform.stripeStandin!.idle();
    expect(await progress()).toMatchObject({ raised: { amount: 4_000 }, donors: 1 });
    expect(await platform.emailsTo(email)).toHaveLength(2);
  });

  it('sends one statement for the year to the donor’s address, and nothing to anyone else', async () => {
    const ask = (address: string) =>
      fetch(`${platform.url}/api/donations/annual-receipt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: address, year, language: 'en' }) });
    expect((await ask(` ${email.toUpperCase()} `)).status).toBe(202);
    expect((await ask('nobody@example.org')).status).toBe(202);
    const statements = (await platform.emailsTo(email)).filter((e) => e.subject === `Your ${year} giving statement`);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.body.text).toContain('Total: $40.00');
    expect(statements[0]!.body.text).toMatch(/BH-\d{4}-\d{6}[\s\S]*BH-\d{4}-\d{6}/);
    expect(await platform.emailsTo('nobody@example.org')).toHaveLength(0);
  });

  it('refuses a forged manage link', async () => {
    const response = await fetch(`${platform.url}/api/donations/manage?token=forged.token-value`, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });
});
