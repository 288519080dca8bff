import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/client.js';
import { DynamoAccountStore } from '../../../functions/adapters/dynamodb/dynamo-account-store.js';
import { DynamoDeliveryStore } from '../../../functions/adapters/dynamodb/dynamo-delivery-store.js';
import { DynamoMessageRepository } from '../../../functions/adapters/dynamodb/dynamo-message-repository.js';
import { DynamoPledgeStore } from '../../../functions/adapters/dynamodb/dynamo-pledge-store.js';
import { silentLogger } from '../../../functions/adapters/log/logger.js';
import { createSesMessageClient } from '../../../functions/adapters/ses/ses-message-mailer.js';
import { dispatchDeps, socialEmailChannel } from '../../../functions/config/social-dispatch.js';
import { readMailbox } from '../../../functions/dev/ses-local.js';
import { confirmPledge } from '../../../functions/domain/pledges/confirm-pledge.js';
import { erasePledger, unsubscribePledger } from '../../../functions/domain/pledges/manage-own-data.js';
import type { Pledge } from '../../../functions/domain/pledges/pledge.js';
import { reviewPledges } from '../../../functions/domain/pledges/review-pledges.js';
import { forEachConcurrently } from '../../../functions/domain/shared/concurrency.js';
import { clientRefOf } from '../../../functions/domain/social/dispatch/client-ref.js';
import type { DeliveryJob, DeliveryQueue, DispatchDeps } from '../../../functions/domain/social/dispatch/ports.js';
import { processJob } from '../../../functions/domain/social/dispatch/process-job.js';
import type { LentAccount } from '../../../functions/domain/social/ports.js';
import { sendDueMessages, type SendDueDeps } from '../../../functions/domain/social/send-due-messages.js';
import type { Delivery, SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform.js';
import { approvedMessage } from './supporter-fixtures.js';

const ACCOUNTS = 1_000;
const SUBSCRIBERS = 1_500;
/** Confirmed but not asking for updates, and asking but never confirmed: never on the list. */
const NOT_SUBSCRIBED = 150;
const NEVER_CONFIRMED = 50;
const AT = '2026-07-30T09:00:00.000Z';

/**
 * World Day at a smaller scale, on DynamoDB Local and the local SES: one message to 1,000 lent
 * accounts and 1,500 pledgers who asked for updates, fanned out by the every-minute step with a
 * time budget so small that each run does one chunk of 300 targets. The fan-out takes many runs;
 * one run's queue fails half-way through a chunk, another run is killed on the spot (it never
 * answers again) and is taken over once its lease has run out. The worker posts and emails while
 * the fan-out goes on. At the end every target has one record, one post on the sandbox network
 * or one email in the local SES, never two, and the email list was read from the updates index:
 * no Scan of the table.
 */
describe('a message to thousands fans out over many runs, survives a failed and a killed run, and reaches each target once', () => {
  let platform: TestPlatform;
  let step: SendDueDeps;
  let worker: DispatchDeps;
  let message: SocialMessage;
  const commands: string[] = [];
  const run = randomUUID().slice(0, 8);
  const address = (i: number) => `pledger-${i}.${run}@example.org`;
  const subscribers: Pledge[] = [];
  const accounts: LentAccount[] = [];
  const queued: DeliveryJob[] = [];
  let failure: 'throw' | 'hang' | undefined;
  let killed = () => {};
  const queue: DeliveryQueue = {
    async send(jobs) {
      const now = failure;
      failure = undefined;
      // Half the chunk's jobs go, then the queue fails: mid-chunk, after its records were written.
      queued.push(...(now ? jobs.slice(0, Math.floor(jobs.length / 2)) : jobs));
      if (now === 'throw') throw new Error('SQS did not take 150 of 300 delivery jobs');
      if (now === 'hang') {
        killed();
        await new Promise(() => {});
      }
    },
  };
  /** The worker: every job queued so far, 16 at once; jobs seen twice find their delivery done. */
  const work = async () => {
    const jobs = queued.splice(0);
    await forEachConcurrently(jobs, 16, async (job) => void (await processJob(worker, { send: async (again) => void queued.push(...again) }, job)));
  };
  const progress = () => step.deliveries.fanOutProgress(message.id);

  const seedPledge = async (i: number, wantsUpdates: boolean, confirm: boolean): Promise<Pledge> => {
    const email = address(i);
    const pledge: Pledge = {
      id: randomUUID(), status: 'pending', review: 'ok', counted: false, suspectReasons: [], country: ['MX', 'KE', 'FR', 'EG'][i % 4]!, language: (['es', 'en', 'fr', 'ar'] as const)[i % 4]!,
      showOnWall: false, hiddenFromWall: false, wantsUpdates, name: `Pledger ${i}`, email, emailHash: platform.deps.pledges.hasher.email(email), emailDomain: 'example.org',
      ipHash: platform.deps.pledges.hasher.ip(`198.51.100.${i % 200}`), createdAt: platform.clock.now().toISOString(), version: 1,
    };
    await platform.deps.pledges.store.create(pledge);
    if (!confirm) return pledge;
    // The real confirmation: the pledge, its counters and the updates index in one transaction.
    return confirmPledge(platform.deps.pledges, platform.deps.pledges.tokens.sign('confirm', pledge.id, platform.clock.now()));
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-20T10:00:00Z');
    const deps = platform.deps;
    await forEachConcurrently(Array.from({ length: ACCOUNTS }, (_, i) => i), 16, async (i) => {
      const platformName = i % 2 === 0 ? 'mastodon' : 'bluesky';
      const account: LentAccount = {
        id: randomUUID(), owner: 'supporter', platform: platformName, handle: platformName === 'mastodon' ? `@supporter${i}.${run}@mastodon.sandbox` : `supporter${i}-${run}.bsky.sandbox`,
        followers: 10 + i, language: 'en', timeZone: 'UTC', encryptedToken: await deps.lending.tokenBox.seal(`app-password-${i}`), campaignYear: 2026,
        connectedAt: platform.clock.now().toISOString(), status: 'active',
      };
      await deps.lending.accounts.save(account);
      accounts.push(account);
    });
    await forEachConcurrently(Array.from({ length: SUBSCRIBERS + NOT_SUBSCRIBED + NEVER_CONFIRMED }, (_, i) => i), 16, async (i) => {
      const pledge = await seedPledge(i, i < SUBSCRIBERS || i >= SUBSCRIBERS + NOT_SUBSCRIBED, i < SUBSCRIBERS + NOT_SUBSCRIBED);
      if (i < SUBSCRIBERS) subscribers.push(pledge);
    });
    message = await approvedMessage(platform, 2026, { schedule: { kind: 'instant', at: AT } });
    // The network's own dedupe off: a record reset by a second fan-out would be posted again, and seen.
    deps.lending.sandbox!.configure({ dedupe: false });

    // The step's stores over a document client that notes every command it sends.
    const documents = createDocumentClient({ region: 'local', endpoint: inject('dynamoEndpoint') });
    documents.middlewareStack.add((next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'noteCommands' });
    step = {
      messages: new DynamoMessageRepository(documents, platform.tableName),
      deliveries: new DynamoDeliveryStore(documents, platform.tableName),
      accounts: new DynamoAccountStore(documents, platform.tableName),
      pledges: new DynamoPledgeStore(documents, platform.tableName, platform.clock),
      queue,
      clock: platform.clock,
      newId: randomUUID,
      fanOutPolicy: { budgetMs: 0, chunk: 300 },
    };
    worker = dispatchDeps({
      deliveries: deps.social.deliveries,
      accounts: deps.lending.accounts,
      tokens: deps.lending.tokenBox,
      networks: (name) => deps.lending.networks[name],
      messages: deps.social.messages,
      email: socialEmailChannel({
        pledges: deps.pledges.store,
        messages: deps.social.messages,
        tokenBox: deps.lending.tokenBox,
        signer: async () => deps.pledges.tokens,
        ses: createSesMessageClient({ region: 'local', endpoint: inject('sesEndpoint') }),
        sender: { from: 'blue-heart@unodc.test' },
        emailsPerSecond: 1_000,
        publicUrl: 'http://localhost:3000',
        clock: platform.clock,
      }),
      clock: platform.clock,
      logger: silentLogger,
    });
  }, 180_000);

  it('starts at the moment: the message is sending from its first chunk, whose posts go out while the fan-out goes on', async () => {
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [] });
    platform.clock.set(AT);
    expect(await sendDueMessages(step)).toEqual({ started: [message.id], finished: [] });
    expect((await platform.deps.social.messages.get(2026, message.id))?.status).toBe('sending');
    expect(await progress()).toMatchObject({ targets: 300, created: 300, runs: 1 });
    expect((await progress())?.doneAt).toBeUndefined();
    await work();
    expect(platform.deps.lending.sandbox!.posts().filter((post) => post.handle.includes(run))).toHaveLength(300);
    // Not finished while the fan-out is not done, although nothing is left to attempt: the run goes on with the next chunk.
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [] });
    expect(await progress()).toMatchObject({ targets: 600, runs: 2 });
  });

  it('goes on after a run whose queue failed half-way through a chunk, and after a run killed on the spot', async () => {
    failure = 'throw';
    await expect(sendDueMessages(step)).rejects.toThrow('SQS did not take');
    // The chunk is not counted, its records may exist: the next run writes it again, with conditions.
    expect(await progress()).toMatchObject({ targets: 600, cursor: expect.stringMatching(/^1:/), mayExistUntil: expect.stringMatching(/^1:/) });
    expect((await progress())?.holder).toBeUndefined();
    // The half that was queued is posted and emailed: writing the chunk again must not reset those records.
    await work();
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [] });
    expect(await progress()).toMatchObject({ targets: 900 });

    // On to the email list, then a run is killed on the spot in the middle of a chunk of emails.
    while ((await progress())!.targets < ACCOUNTS + 300) {
      await sendDueMessages(step);
      await work();
    }
    failure = 'hang';
    await new Promise<void>((resolve) => {
      killed = resolve;
      void sendDueMessages(step);
    });
    const held = await progress();
    expect(held?.holder).toBeDefined();
    // Held: the next minute's run leaves it alone.
    await sendDueMessages(step);
    expect((await progress())?.version).toBe(held?.version);
    expect(held).toMatchObject({ source: 'emails' });
    // What the killed run queued is emailed; once its lease has run out, the next run takes over from its cursor.
    await work();
    platform.clock.set(new Date(Date.parse(held!.holder!.until) + 1_000));
    let runs = 0;
    while (!(await progress())?.doneAt && runs++ < 50) {
      await sendDueMessages(step);
      await work();
    }
    expect(await progress()).toMatchObject({ targets: ACCOUNTS + SUBSCRIBERS, doneAt: expect.any(String) });
    expect((await progress())!.runs).toBeGreaterThanOrEqual(Math.ceil((ACCOUNTS + SUBSCRIBERS) / 300) + 2);
  }, 120_000);

  it('ends with exactly one record, and one post or one email, per target; then the message is sent', async () => {
    await work();
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [message.id] });
    const records: Delivery[] = [];
    for await (const page of platform.deps.social.deliveries.list(message.id)) records.push(...page);
    expect(records).toHaveLength(ACCOUNTS + SUBSCRIBERS);
    expect(records.filter((record) => record.state !== 'posted')).toEqual([]);
    expect(new Set(records.map((record) => record.target.id)).size).toBe(ACCOUNTS + SUBSCRIBERS);

    const sandbox = platform.deps.lending.sandbox!;
    const posts = sandbox.posts().filter((post) => post.handle.includes(run));
    expect(posts).toHaveLength(ACCOUNTS);
    expect(new Set(posts.map((post) => post.handle)).size).toBe(ACCOUNTS);
    expect(sandbox.audit(accounts.map((account) => clientRefOf(message.id, account.id)))).toMatchObject({ duplicateRefs: 0, missing: 0 });

    const mail = (await readMailbox(inject('sesEndpoint'))).filter((email) => email.destination.to.some((to) => to.endsWith(`.${run}@example.org`)) && !email.body.text?.includes('/api/pledges/confirm?token='));
    const perAddress = new Map<string, number>();
    for (const email of mail) for (const to of email.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(SUBSCRIBERS);
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
    for (const pledge of subscribers.slice(0, 20)) expect(perAddress.get(pledge.email!), pledge.email).toBe(1);
  });

  it('read the email list from the updates index, never with a Scan', () => {
    expect(commands).not.toContain('ScanCommand');
    expect(commands.filter((command) => command === 'QueryCommand').length).toBeGreaterThanOrEqual(Math.ceil(SUBSCRIBERS / 300));
    expect(commands).toContain('BatchWriteItemCommand');
  });
});

/** Every pledger on the updates index, through the store's own paging. */
async function listed(store: DynamoPledgeStore | TestPlatform['deps']['pledges']['store']): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.updateSubscribers(after, 50);
    ids.push(...page.items.map((item) => item.id));
    after = page.next;
  } while (after !== undefined);
  return ids;
}

describe('the updates index follows each pledger', () => {
  it('holds a pledger from confirmation until they unsubscribe, erase their data or are invalidated, with every change of the pledge', async () => {
    const platform = await createTestPlatform();
    const deps = platform.deps.pledges;
    const run = randomUUID().slice(0, 8);
    const pledge = async (name: string, wantsUpdates = true, ip = '198.51.100.7'): Promise<Pledge> => {
      const email = `${name}.${run}@example.org`;
      const pending: Pledge = {
        id: randomUUID(), status: 'pending', review: 'ok', counted: false, suspectReasons: [], country: 'KE', language: 'en', showOnWall: true, hiddenFromWall: false, wantsUpdates,
        name, email, emailHash: deps.hasher.email(email), emailDomain: 'example.org', ipHash: deps.hasher.ip(ip), createdAt: platform.clock.now().toISOString(), version: 1,
      };
      await deps.store.create(pending);
      return pending;
    };
    const confirm = (p: Pledge) => confirmPledge(deps, deps.tokens.sign('confirm', p.id, platform.clock.now()));

    const [grace, lena, chen, omar, pedro, nadia] = [await pledge('grace'), await pledge('lena'), await pledge('chen'), await pledge('omar', false), await pledge('pedro'), await pledge('nadia', true, '203.0.113.9')];
    expect(await listed(deps.store)).toEqual([]);
    for (const p of [grace, lena, chen, omar, nadia]) await confirm(p);
    // Pedro never confirmed; Omar did not ask for updates.
    expect((await listed(deps.store)).sort()).toEqual([grace.id, lena.id, chen.id, nadia.id].sort());
    const pages = [];
    for (let after: string | undefined, shard = 0; shard < 8; shard++) {
      const page = await deps.store.updateSubscribers(after, 100);
      pages.push(...page.items);
      after = page.next;
    }
    expect(pages.find((item) => item.id === grace.id)).toEqual({ id: grace.id, language: 'en', country: 'KE' });

    await unsubscribePledger(deps, deps.tokens.sign('unsubscribe', lena.id, platform.clock.now()));
    await erasePledger(deps, deps.tokens.sign('erase', chen.id, platform.clock.now()));
    const day = new Date(platform.clock.now().getTime() - 3_600_000);
    expect(await reviewPledges(deps, 'invalidate', { from: day, to: new Date(day.getTime() + 7_200_000), ipHash: deps.hasher.ip('203.0.113.9') })).toMatchObject({ changed: 1 });
    expect(await listed(deps.store)).toEqual([grace.id]);
    // Restored by a manager, Nadia counts again and is back on the list.
    await reviewPledges(deps, 'restore', { from: day, to: new Date(day.getTime() + 7_200_000), ipHash: deps.hasher.ip('203.0.113.9') });
    expect((await listed(deps.store)).sort()).toEqual([grace.id, nadia.id].sort());
    void pedro;
  });

  it('is read with Queries on its index, one shard after the other, never a Scan', async () => {
    const platform = await createTestPlatform();
    const documents = createDocumentClient({ region: 'local', endpoint: inject('dynamoEndpoint') });
    const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
    documents.middlewareStack.add((next, context) => async (args) => {
      sent.push({ name: String(context.commandName), input: args.input as Record<string, unknown> });
      return next(args);
    }, { step: 'initialize', name: 'noteCommands' });
    const store = new DynamoPledgeStore(documents, platform.tableName, platform.clock);
    expect(await listed(store)).toEqual([]);
    expect(sent.map((command) => command.name)).toEqual(Array(8).fill('QueryCommand'));
    expect(sent.map((command) => command.input.IndexName)).toEqual(Array(8).fill('GSI4'));
  });
});
