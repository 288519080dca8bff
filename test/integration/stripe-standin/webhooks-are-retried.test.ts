import { afterEach, describe, expect, it } from 'vitest';
import { oneOffSession, payOnPage, startWorld } from './support.js';

describe('webhooks are delivered like Stripe delivers them', () => {
  let world: Awaited<ReturnType<typeof startWorld>> | undefined;
  afterEach(() => world?.stop());

  it('retries an endpoint that fails twice with backoff (1 s, 2 s), so it gets the event three times', async () => {
    world = await startWorld({ failEachEvent: 2 });
    const session = await oneOffSession(world.stripe);
    const started = Date.now();
    await payOnPage(session.url!, { number: '4242424242424242' });
    await world.standin.idle();
    const first = world.standin.events()[0]!;
    const attempts = world.standin.deliveries().filter((attempt) => attempt.eventId === first.id);
    expect(attempts.map((attempt) => attempt.status)).toEqual([503, 503, 200]);
    expect(attempts[2]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(2900);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(world.standin.deliveries()).toHaveLength(9); // three events, three attempts each
    expect(world.receiver.received.map((event) => event.id).sort()).toEqual(world.standin.events().map((event) => event.id).sort());
    expect(world.receiver.rejected).toEqual([]);
  });

  it('redelivers an event on request, signed afresh, for idempotency tests', async () => {
    world = await startWorld();
    const session = await oneOffSession(world.stripe);
    await payOnPage(session.url!, { number: '4242424242424242' });
    await world.standin.idle();
    const completed = world.standin.events().find((event) => event.type === 'checkout.session.completed')!;
    await world.standin.redeliver(completed.id);
    expect(world.receiver.received.filter((event) => event.id === completed.id)).toHaveLength(2);
    expect(world.receiver.rejected).toEqual([]);
  });

  it('deliverAll sends waiting retries now, without waiting out the backoff', async () => {
    world = await startWorld({ failEachEvent: 1, retryDelaysMs: [60_000] });
    const session = await oneOffSession(world.stripe);
    await payOnPage(session.url!, { number: '4242424242424242' });
    const started = Date.now();
    await world.standin.deliverAll();
    await world.standin.deliverAll();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(world.receiver.received).toHaveLength(3);
  });
});
