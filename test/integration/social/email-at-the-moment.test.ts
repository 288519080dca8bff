import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createSesMessageClient } from '../../../functions/adapters/ses/ses-message-mailer.js';
import { silentLogger } from '../../../functions/adapters/log/logger.js';
import { dispatchDeps, socialEmailChannel } from '../../../functions/config/social-dispatch.js';
import type { StoredEmail } from '../../../functions/dev/ses-local.js';
import { processJob } from '../../../functions/domain/social/dispatch/process-job.js';
import type { DeliveryJob, DeliveryQueue, DispatchDeps } from '../../../functions/domain/social/dispatch/ports.js';
import { deliveryReport, deliveryReportCsv } from '../../../functions/domain/social/delivery-report.js';
import { sendDueMessages, type SendDueDeps } from '../../../functions/domain/social/send-due-messages.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, form, json, linkToken, type TestPlatform } from '../../support/test-platform.js';
import { answer, approvedMessage, variant, WORLD_DAY_VARIANTS } from './supporter-fixtures.js';

/**
 * At the moment of a message, email goes to the pledgers who asked for updates (each in their
 * language, with one-click unsubscribe) and to supporters on share-link networks (their ready
 * post on X). The every-minute step fans out, people change their minds, the worker sends: each
 * email once, to those who may still be written to. Over DynamoDB Local and the local SES, with
 * the worker's own composition (config/social-dispatch.ts) and a queue the test hands out.
 */
describe('a coordinated message reaches the email list and share-only supporters at its moment', () => {
  let platform: TestPlatform;
  let message: SocialMessage;
  let step: SendDueDeps;
  let worker: DispatchDeps;
  const queued: DeliveryJob[] = [];
  const queue: DeliveryQueue = { send: async (jobs) => void queued.push(...jobs) };
  const run = randomUUID().slice(0, 8);
  const address = (who: string) => `${who}.${run}@example.org`;
  const AT = '2026-07-30T09:00:00.000Z';

  const pledgers = {
    grace: { name: 'Grace Wanjiru', country: 'KE', language: 'en', wantsUpdates: true },
    amina: { name: 'Amina Haddad', country: 'EG', language: 'ar', wantsUpdates: true },
    omar: { name: 'Omar Diallo', country: 'FR', language: 'fr', wantsUpdates: false },
    lena: { name: 'Lena Vidal', country: 'ES', language: 'es', wantsUpdates: true },
    chen: { name: 'Chen Wei', country: 'CN', language: 'zh', wantsUpdates: true },
  } as const;

  const pledge = async (who: keyof typeof pledgers, ip: string) => {
    const response = await platform.request('/api/pledges', { ...json({ ...pledgers[who], email: address(who), showOnWall: false, altcha: await platform.solvedProof() }), ip });
    expect(response.status, who).toBe(202);
  };
  const isConfirmation = (email: StoredEmail) => Boolean(email.body.text?.includes('/api/pledges/confirm?token='));
  const confirmationOf = async (who: string) => (await platform.emailsTo(address(who))).find(isConfirmation)!;
  /** What a pledger got besides the confirmation of their pledge. */
  const messageEmails = async (who: string): Promise<StoredEmail[]> => (await platform.emailsTo(address(who))).filter((email) => !isConfirmation(email));
  const header = (email: StoredEmail, name: string) => email.headers?.find((h) => h.name === name)?.value;
  const runWorker = async () => {
    const jobs = queued.splice(0);
    return Promise.all(jobs.map((job) => processJob(worker, queue, job)));
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-20T10:00:00Z');
    let ip = 10;
    for (const who of Object.keys(pledgers) as Array<keyof typeof pledgers>) {
      await pledge(who, `192.0.2.${ip++}`);
      const confirmed = await platform.request('/api/pledges/confirm', json({ token: linkToken(await confirmationOf(who), 'confirm') }));
      expect(confirmed.status, who).toBe(200);
    }
    // Pedro asked for updates but never confirmed: not on the list.
    await platform.request('/api/pledges', { ...json({ name: 'Pedro', country: 'PT', language: 'pt', wantsUpdates: true, email: address('pedro'), showOnWall: false, altcha: await platform.solvedProof() }), ip: '192.0.2.99' });

    message = await approvedMessage(platform, 2026, {
      schedule: { kind: 'instant', at: AT },
      variants: [...WORLD_DAY_VARIANTS, variant('en', 'facebook', 'Today is World Day against Trafficking in Persons. Trafficking hides in plain sight: wear the Blue Heart with us.')],
    });
    // Lucía lends her X account: X takes no posts from us, so she will get her share link by email.
    const lent = await answer(platform.request('/api/social/2026/accounts', json({ platform: 'x', handle: '@lucia_es', language: 'es', timeZone: 'Europe/Madrid', email: address('lucia'), consent: true })));
    expect(lent.status).toBe(201);

    const deps = platform.deps;
    step = { ...deps.social, accounts: deps.lending.accounts, pledges: deps.pledges.store, queue };
    worker = dispatchDeps({
      deliveries: deps.social.deliveries,
      accounts: deps.lending.accounts,
      tokens: deps.lending.tokenBox,
      networks: (platform) => deps.lending.networks[platform],
      messages: deps.social.messages,
      email: socialEmailChannel({
        pledges: deps.pledges.store,
        messages: deps.social.messages,
        tokenBox: deps.lending.tokenBox,
        signer: async () => deps.pledges.tokens,
        ses: createSesMessageClient({ region: 'local', endpoint: inject('sesEndpoint') }),
        sender: { from: 'blue-heart@unodc.test' },
        emailsPerSecond: 50,
        publicUrl: 'http://localhost:3000',
        clock: platform.clock,
      }),
      clock: platform.clock,
      logger: silentLogger,
    });
  });

  it('fans out to the opted-in, confirmed pledgers and the share-only supporter, at the moment', async () => {
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [] });
    platform.clock.set(AT);
    expect(await sendDueMessages(step)).toEqual({ started: [message.id], finished: [] });
    const { summary } = await deliveryReport(platform.deps.social.deliveries, message.id);
    expect(summary).toMatchObject({ total: 5, pending: 5 });
    expect(summary.byPlatform).toMatchObject({ email: { total: 4, expectedReach: 4 }, x: { total: 1 } });
    expect(queued).toHaveLength(5);
  });

  it('writes to each pledger once, in their language, with one-click unsubscribe; not to those who left meanwhile', async () => {
    // Between the fan-out and the send, Lena unsubscribes (one click, RFC 8058) and Chen erases her data.
    const lena = await platform.request(`/api/pledges/unsubscribe?token=${linkToken(await confirmationOf('lena'), 'unsubscribe')}`, form({ 'List-Unsubscribe': 'One-Click' }));
    expect(lena.status).toBe(200);
    const chen = await platform.request('/api/pledges/erase', json({ token: linkToken(await confirmationOf('chen'), 'erase') }));
    expect(chen.status).toBe(200);

    const outcomes = await runWorker();
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['posted', 'posted', 'posted', 'skipped', 'skipped']);

    const [grace, ...moreForGrace] = await messageEmails('grace');
    expect(moreForGrace).toEqual([]);
    expect(grace!.subject).toBe('Blue Heart: our message for World Day 2026');
    expect(grace!.body.text).toContain('Trafficking hides in plain sight: wear the Blue Heart with us.');
    expect(grace!.body.text).toContain('utm_source=email&utm_medium=email&utm_campaign=world-day-2026');
    expect(header(grace!, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/api\/pledges\/unsubscribe\?token=[\w.-]+>$/);
    expect(header(grace!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const [amina, ...moreForAmina] = await messageEmails('amina');
    expect(moreForAmina).toEqual([]);
    expect(amina!.subject).toBe('القلب الأزرق: رسالتنا في اليوم العالمي 2026');
    expect(amina!.body.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(amina!.body.text).toContain('اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص');
    expect(header(amina!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    for (const who of ['omar', 'lena', 'chen', 'pedro']) expect(await messageEmails(who), who).toEqual([]);

    const { summary, problems } = await deliveryReport(platform.deps.social.deliveries, message.id);
    expect(summary.byPlatform.email).toMatchObject({ total: 4, posted: 2, skipped: 2, failed: 0, expectedReach: 4, deliveredReach: 2 });
    expect(problems.map((p) => p.error).sort()).toEqual(['no longer subscribed', 'the pledger erased their data']);
    // The CSV: one row per pledger, kind and platform `email`, reach 1 for each email that went.
    let csv = '';
    for await (const chunk of deliveryReportCsv(platform.deps.social.deliveries, message.id)) csv += chunk;
    const rows = csv.trim().split('\r\n').slice(1).map((row) => row.split(','));
    const emailRows = rows.filter((row) => row[0] === 'email');
    expect(emailRows.map((row) => row[2])).toEqual(['email', 'email', 'email', 'email']);
    expect(emailRows.filter((row) => row[6] === 'posted').map((row) => [row[12], row[13]])).toEqual([['1', '1'], ['1', '1']]);
  });

  it('emails the share-only supporter her ready post on X and her revoke link, once', async () => {
    const emails = (await platform.emailsTo(address('lucia'))).filter((email) => email.subject.startsWith('Ha llegado el momento'));
    expect(emails).toHaveLength(1);
    const [lucia] = emails;
    expect(lucia!.subject).toBe('Ha llegado el momento: publica el mensaje del Día Mundial en X');
    const text = 'Hoy: Día Mundial contra la Trata de Personas. #CorazónAzul';
    const shareUrl = /https:\/\/x\.com\/intent\/post\?text=\S+/.exec(lucia!.body.text ?? '')?.[0];
    expect(decodeURIComponent(new URL(shareUrl!).searchParams.get('text')!)).toContain(text);
    expect(lucia!.body.text).toMatch(/\/api\/social\/accounts\/revoke\?token=[\w.-]+/);
    expect(lucia!.headers?.some((h) => h.name === 'List-Unsubscribe')).toBeFalsy();
    const { summary } = await deliveryReport(platform.deps.social.deliveries, message.id);
    expect(summary.byPlatform.x).toMatchObject({ total: 1, posted: 1 });
  });

  it('lets a pledger leave the list in one click from the email itself', async () => {
    const [grace] = await messageEmails('grace');
    const oneClick = header(grace!, 'List-Unsubscribe')!.slice(1, -1).replace('http://localhost:3000', '');
    const left = await platform.request(oneClick, form({ 'List-Unsubscribe': 'One-Click' }));
    expect(left.status).toBe(200);
  });

  it('sends nothing more however often the step and the worker run, and the message ends sent', async () => {
    const everyone = ['grace', 'amina', 'lucia', 'lena', 'chen', 'omar', 'pedro'];
    const count = async () => (await Promise.all(everyone.map((who) => platform.emailsTo(address(who))))).flat().length;
    const before = await count();
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [message.id] });
    expect(await sendDueMessages(step)).toEqual({ started: [], finished: [] });
    // Every job handed out again, as SQS may: each finds its delivery done.
    for await (const page of platform.deps.social.deliveries.list(message.id)) queued.push(...page.map((d) => ({ messageId: message.id, targetId: d.target.id })));
    expect(queued).toHaveLength(5);
    const outcomes = await runWorker();
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(await count()).toBe(before);
    expect((await platform.deps.social.messages.get(2026, message.id))?.status).toBe('sent');
  });
});
