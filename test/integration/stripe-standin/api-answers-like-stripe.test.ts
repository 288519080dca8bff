import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld } from './support.js';

describe('the stand-in answers errors like Stripe', () => {
  let world: Awaited<ReturnType<typeof startWorld>>;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const validSession: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'Gift' } } }],
    success_url: 'http://localhost/ok',
  };

  it('refuses a wrong key with 401 (StripeAuthenticationError)', async () => {
    const wrong = new Stripe('sk_test_wrong_key_123456', { host: world.standin.host, port: world.standin.port, protocol: 'http' });
    await expect(wrong.checkout.sessions.create(validSession)).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    const raw = await fetch(`${world.standin.url}/v1/payouts`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') } });
  });

  it('answers a bad form parameter with 400 and { error: { type, code, message, param } }', async () => {
    const post = (body: string) =>
      fetch(`${world.standin.url}/v1/checkout/sessions`, { method: 'POST', body, headers: { authorization: `Bearer ${world.standin.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' } });
    const unknown = await post('mode=payment&colour=blue');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'colour', message: 'Received unknown parameter: colour', doc_url: expect.any(String) } });
    const badAmount = await post('mode=payment&success_url=http://x.test/&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=ten&line_items[0][price_data][product_data][name]=G');
    expect(await badAmount.json()).toMatchObject({ error: { code: 'parameter_invalid_integer', param: 'line_items[0][price_data][unit_amount]' } });
    const broken = await post('metadata[oops=1');
    expect(broken.status).toBe(400);

    await expect(world.stripe.checkout.sessions.create({ ...validSession, locale: 'ar' as Stripe.Checkout.SessionCreateParams.Locale })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      param: 'locale',
    });
    await expect(world.stripe.checkout.sessions.create({ ...validSession, mode: 'subscription' })).rejects.toMatchObject({ param: 'line_items' });
    await expect(
      world.stripe.checkout.sessions.create({ ...validSession, line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 10, product_data: { name: 'Gift' } } }] }),
    ).rejects.toMatchObject({ code: 'amount_too_small' });
    await expect(world.stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('refuses an Idempotency-Key reused with other parameters (400 idempotency_error)', async () => {
    await world.stripe.checkout.sessions.create(validSession, { idempotencyKey: 'key-1' });
    await expect(world.stripe.checkout.sessions.create({ ...validSession, client_reference_id: 'other' }, { idempotencyKey: 'key-1' })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
    });
  });
});
