import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createLogger } from '../../../functions/adapters/log/logger.js';
import { MemoryMetrics } from '../../../functions/adapters/metrics/memory-metrics.js';
import { startPlatform, type Platform } from '../../../functions/dev/platform.js';
import { readMailbox } from '../../../functions/dev/ses-local.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { WORLD_DAY_VARIANTS } from '../social/supporter-fixtures.js';

/**
 * World Day on `npm start`, with every log line kept (debug level): Ana pledges and confirms,
 * Ben pledges and unsubscribes, Carla gives (a declined card first, then a paid one, and Stripe
 * delivers every event twice), Dani lends a Bluesky account with an app password and Eli a
 * Mastodon token, managers write, approve and schedule the message, and it goes out at its
 * moment: posts from both accounts, an email to Ana. Bad requests and forged links are in the
 * mix. Not one line holds an address, a name, a link's token, a card number, a password or
 * token someone lent, a staff bearer token, the app secret or a Stripe key; every request's
 * lines carry its correlation id; and the business metrics counted what happened.
 */
describe('the logs of a whole campaign day hold no personal data or secrets', () => {
  let platform: Platform;
  const lines: string[] = [];
  const metrics = new MemoryMetrics();
  const dirs = [mkdtempSync(join(tmpdir(), 'blue-heart-web-')), mkdtempSync(join(tmpdir(), 'blue-heart-data-'))];
  const run = randomUUID().slice(0, 8);
  const people = {
    ana: { name: `Ana Pledger ${run}`, email: `ana.${run}@example.org` },
    ben: { name: `Ben Pledger ${run}`, email: `ben.${run}@example.net` },
    carla: { name: `Carla Donor ${run}`, email: `carla.${run}@example.com` },
    dani: { email: `dani.${run}@example.mx`, handle: `dani-${run}.bsky.social`, secret: 'wxyz-abcd-efgh-ijkl' },
    eli: { handle: `@eli${run}@mastodon.social`, secret: `mastodon-token-${run}-0123456789abcdef` },
  };
  const cards = ['4242424242424242', '4242 4242 4242 4242', '4000000000000002', '4000 0000 0000 0002'];
  /** Everything that must never reach a log line, filled in as the day goes. */
  const secrets = new Set<string>([people.dani.secret, people.eli.secret, ...cards, ...Object.values(people).flatMap((p) => ('name' in p ? [p.name] : []))]);
  for (const person of Object.values(people)) if ('email' in person) secrets.add(person.email);
  let message: SocialMessage;
  let exportRequestId: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const staff = async (username: string) => {
    const token = await platform.identity.issueToken(`${username}@blueheart.local`);
    secrets.add(token);
    return { authorization: `Bearer ${token}` };
  };
  const mailTo = async (address: string) => (await readMailbox(platform.sesEndpoint)).filter((email) => email.destination.to.includes(address));
  const linkTokens = (text: string) => [...text.matchAll(/[?&]token=([A-Za-z0-9._~-]+)/g)].map((match) => match[1]!);
  const pledge = async (person: { name: string; email: string }) => {
    const challenge = (await platform.deps.pledges.proofOfWork.createChallenge(new Date())) as Challenge;
    const altcha = Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString('base64');
    secrets.add(altcha);
    const response = await post('/api/pledges', { name: person.name, email: person.email, country: 'MX', language: 'es', showOnWall: true, wantsUpdates: true, altcha });
    expect(response.status).toBe(202);
    const [email] = await mailTo(person.email);
    for (const token of linkTokens(email!.body.text!)) secrets.add(token);
    return email!;
  };
  const pay = async (checkoutUrl: string, card: string) =>
    fetch(`${platform.stripeStandin!.url}/checkout/${new URL(checkoutUrl).pathname.split('/').pop()}/pay`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cardNumber: card, cardExpiry: '12 / 34', cardCvc: '123', billingName: people.carla.name, email: people.carla.email }),
    });

  beforeAll(async () => {
    platform = await startPlatform({
      port: 0, seed: false, scheduler: false, webDir: dirs[0], dataDir: dirs[1],
      dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint'), tableName: `logs-${run}`,
      deps: { logger: createLogger('debug', (line) => lines.push(line)), metrics, proofOfWork: { cost: 1, counterRange: [1, 30], lifetimeSeconds: 600 }, statsMaxAgeSeconds: 0 },
    });
    secrets.add(readFileSync(join(dirs[1]!, 'app-secret'), 'utf8').trim());
    secrets.add(platform.stripeStandin!.secretKey);

    // Pledges: Ana confirms; Ben confirms, then unsubscribes; a forged confirmation is refused.
    const confirm = async (email: Awaited<ReturnType<typeof pledge>>) => {
      const token = /\/api\/pledges\/confirm\?token=([A-Za-z0-9._-]+)/.exec(email.body.text!)![1]!;
      expect((await post('/api/pledges/confirm', { token })).status).toBe(200);
    };
    await confirm(await pledge(people.ana));
    const bens = await pledge(people.ben);
    await confirm(bens);
    const unsubscribe = /\/api\/pledges\/unsubscribe\?token=([A-Za-z0-9._-]+)/.exec(bens.body.text!)![1]!;
    expect((await post('/api/pledges/unsubscribe', { token: unsubscribe })).status).toBeLessThan(300);
    expect((await post('/api/pledges/confirm', { token: 'forged.token.value' })).status).toBeGreaterThanOrEqual(400);
    expect((await post('/api/pledges', { name: people.ana.name, email: 'not-an-address', country: 'MX', language: 'es' })).status).toBe(400);

    // A gift: a declined card, then a paid one; Stripe then delivers every event again.
    const checkout = await post('/api/donations/checkout', {
      amount: 5_000, currency: 'usd', frequency: 'once', donorCategory: 'individual', anonymous: false, displayName: people.carla.name,
      campaignYear: new Date().getUTCFullYear(), language: 'es', email: people.carla.email, idempotencyKey: randomUUID(),
    });
    expect(checkout.status).toBe(200);
    const { url } = (await checkout.json()) as { url: string };
    expect((await pay(url, '4000 0000 0000 0002')).status).toBe(402);
    expect((await pay(url, '4242 4242 4242 4242')).status).toBe(303);
    await platform.stripeStandin!.idle();
    for (const event of platform.stripeStandin!.events()) await platform.stripeStandin!.redeliver(event.id);
    for (const receipt of await mailTo(people.carla.email)) for (const token of linkTokens(receipt.body.text ?? '')) secrets.add(token);

    // The message, written and approved by two managers, due in a moment; two supporters lend accounts.
    const year = new Date().getUTCFullYear();
    const manage = async (as: string, path: string, body: unknown) => {
      const response = await post(`/api/admin/messages${path}`, body, await staff(as));
      expect(response.status, path).toBeLessThan(300);
      return (await response.json()) as SocialMessage;
    };
    message = await manage('manager', `/${year}`, { title: 'World Day', variants: WORLD_DAY_VARIANTS.filter((v) => v.platform !== 'x') });
    message = await manage('manager', `/${year}/${message.id}/submit`, { version: message.version });
    message = await manage('manager2', `/${year}/${message.id}/approve`, { version: message.version });
    message = await manage('manager', `/${year}/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: new Date(Date.now() + 2_000).toISOString() } });
    const lend = (body: Record<string, unknown>) => post(`/api/social/${year}/accounts`, { language: 'es', timeZone: 'America/Mexico_City', consent: true, ...body });
    expect((await lend({ platform: 'bluesky', handle: people.dani.handle, secret: people.dani.secret, email: people.dani.email })).status).toBe(201);
    expect((await lend({ platform: 'mastodon', handle: people.eli.handle, secret: people.eli.secret })).status).toBe(201);
    expect((await lend({ platform: 'bluesky', handle: people.dani.handle, secret: 'not an app password', email: people.dani.email })).status).toBeGreaterThanOrEqual(400);
    for (const email of await mailTo(people.dani.email)) for (const token of linkTokens(email.body.text ?? '')) secrets.add(token);

    // The moment: the step fans out, the worker posts and emails, the step finishes the message.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date((message.schedule as { at: string }).at).getTime() - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toMatchObject({ started: [message.id] });
    await platform.socialIdle();
    expect(await platform.runJob('send-due-messages')).toMatchObject({ finished: [message.id] });
    for (const email of await mailTo(people.ana.email)) for (const token of linkTokens(email.body.text ?? '')) secrets.add(token);

    // A manager exports the pledges, naming the request (as a support ticket would quote it).
    exportRequestId = `support-ticket-${run}`;
    const exported = await fetch(`${platform.url}/api/admin/pledges/export.csv`, { headers: { ...(await staff('manager')), 'x-request-id': exportRequestId } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-request-id')).toBe(exportRequestId);
    // What it answers holds their names and addresses; the log line about it must not.
    expect(await exported.text()).toContain(people.ana.email);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('logged the day (so the checks below can fail)', () => {
    const messages = lines.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toEqual(expect.arrayContaining(['payment event', 'admin action']));
    expect(lines.length).toBeGreaterThan(5);
    expect(secrets.size).toBeGreaterThan(20);
  });

  it('holds no address, name, link token, card number, lent password or token, bearer token, app secret or Stripe key', () => {
    const all = lines.join('\n').toLowerCase();
    const found = [...secrets].filter((secret) => all.includes(secret.toLowerCase()));
    expect(found).toEqual([]);
    for (const pattern of [/sk_(test|live)_/, /whsec_/, /bearer /, /[a-z0-9._%+-]+@example\.(org|net|com|mx)/]) expect(all).not.toMatch(pattern);
  });

  it('writes every line as JSON with a level, a message and a timestamp', () => {
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.stringMatching(/^(DEBUG|INFO|WARN|ERROR)$/), message: expect.any(String), timestamp: expect.any(String) });
  });

  it("puts each request's correlation id on its lines: the caller's X-Request-Id, or the one the API made", () => {
    const parsed = lines.map((line) => JSON.parse(line) as { message: string; correlationId?: string; action?: string });
    expect(parsed.find((line) => line.action === 'pledges.export')?.correlationId).toBe(exportRequestId);
    const events = parsed.filter((line) => line.message === 'payment event');
    expect(events.length).toBeGreaterThan(0);
    for (const line of events) expect(line.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(events.map((line) => line.correlationId)).size).toBe(events.length);
  });

  it('counted the business events of the day', () => {
    expect(Object.fromEntries(metrics.counts)).toMatchObject({
      PledgeSubmitted: 2,
      PledgeConfirmed: 2,
      DonationRecorded: 1,
      PostDelivered: 2,
      EmailSent: 1,
    });
    expect(metrics.countOf('WebhookEventProcessed')).toBeGreaterThan(0);
    expect(metrics.countOf('WebhookEventDuplicate')).toBe(metrics.countOf('WebhookEventProcessed'));
    expect(Object.fromEntries(metrics.amounts)).toEqual({ 'DonationAmount:usd': 50 });
  });
});
