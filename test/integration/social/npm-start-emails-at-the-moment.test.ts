import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updatePledge } from '../../../functions/domain/pledges/pledge-service.js';
import { isCounted, type Pledge } from '../../../functions/domain/pledges/pledge.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { WORLD_DAY_VARIANTS } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * The same moment as `npm start` runs it (functions/dev/platform.ts): its every-minute step and
 * its in-process worker email the pledger who asked for updates and the supporter who lent an X
 * account, once each, through the local SES.
 */
describe('npm start emails the list and share-only supporters at the moment', () => {
  let platform: Running;
  let message: SocialMessage;
  const run = randomUUID().slice(0, 8);
  const amina = `amina.${run}@example.org`;
  const lucia = `lucia.${run}@example.org`;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const pledges = platform.deps.pledges;
    const pledge: Pledge = {
      id: randomUUID(), status: 'pending', review: 'ok', counted: false, suspectReasons: [], country: 'EG', language: 'ar',
      showOnWall: false, hiddenFromWall: false, wantsUpdates: true, name: 'Amina', email: amina,
      emailHash: pledges.hasher.email(amina), emailDomain: 'example.org', createdAt: new Date().toISOString(), version: 1,
    };
    await pledges.store.create(pledge);
    await updatePledge(pledges.store, pledge.id, (current) => {
      const next: Pledge = { ...current, status: 'confirmed', confirmedAt: new Date().toISOString() };
      return { ...next, counted: isCounted(next) };
    });

    const at = new Date().toISOString();
    message = {
      id: randomUUID(), campaignYear: new Date().getUTCFullYear(), title: 'World Day', variants: WORLD_DAY_VARIANTS, status: 'scheduled',
      schedule: { kind: 'instant', at: new Date(Date.now() + 2_000).toISOString() }, createdBy: 'manager@blueheart.local', createdAt: at,
      submittedBy: 'manager@blueheart.local', approvedBy: 'manager2@blueheart.local', version: 4,
    };
    await platform.deps.social.messages.save(message, undefined, { messageId: message.id, version: 4, at, by: 'manager2@blueheart.local', action: 'message.schedule', before: 'approved', after: 'scheduled' });
    const lent = await fetch(`${platform.url}/api/social/${message.campaignYear}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', handle: '@lucia_es', language: 'es', timeZone: 'Europe/Madrid', email: lucia, consent: true }),
    });
    expect(lent.status).toBe(201);
  });
  afterAll(async () => platform?.stop());

  it('sends one email to each at the moment, and nothing more afterwards', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse((message.schedule as { at: string }).at) - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toMatchObject({ started: [message.id] });
    await platform.socialIdle();
    expect(await platform.runJob('send-due-messages')).toMatchObject({ finished: [message.id] });

    const [toAmina, ...moreToAmina] = await platform.emailsTo(amina);
    expect(moreToAmina).toEqual([]);
    expect(toAmina!.body.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(toAmina!.headers).toContainEqual({ name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' });
    const shareLinks = (await platform.emailsTo(lucia)).filter((email) => email.body.text?.includes('https://x.com/intent/post?text='));
    // The lending confirmation shows the text; the email at the moment carries the share link.
    expect(shareLinks.filter((email) => email.subject.startsWith('Ha llegado el momento'))).toHaveLength(1);

    await platform.runJob('send-due-messages');
    await platform.socialIdle();
    expect(await platform.emailsTo(amina)).toHaveLength(1);
    expect((await platform.emailsTo(lucia)).filter((email) => email.subject.startsWith('Ha llegado el momento'))).toHaveLength(1);
  });
});
