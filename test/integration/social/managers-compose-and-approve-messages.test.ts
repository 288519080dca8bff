import { beforeAll, describe, expect, it } from 'vitest';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

/**
 * Two managers prepare the World Day message: one writes it in English and Spanish for Mastodon,
 * Bluesky and X, the other approves it, it is scheduled for 09:00 everywhere; an edit after
 * approval sends it back to draft, and every step is in its history.
 */
describe('managers compose, review and schedule a coordinated message', () => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  let message: SocialMessage;

  const call = async (as: string, method: string, path: string, body?: unknown) => {
    const response = await platform.request(`/api/admin/messages${path}`, {
      ...(body !== undefined ? json(body) : {}),
      method,
      headers: { authorization: `Bearer ${tokens[as]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Array<{ field: string; message: string }> } } };
  };
  const variant = (language: string, platform: string, text: string) => ({ language, platform, text, hashtags: ['EndHumanTrafficking'], link: 'https://www.unodc.org/bluehearts', alternatives: [] });

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set(new Date('2026-07-01T10:00:00Z'));
    for (const user of ['manager', 'manager2', 'finance']) tokens[user] = await platform.identity.issueToken(`${user}@blueheart.local`);
  });

  it('creates a draft, and refuses bad input field by field', async () => {
    const bad = await call('manager', 'POST', '/2026', { title: '', variants: [variant('xx', 'myspace', ''), variant('en', 'x', 'Hi')] });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.fields!.map((f) => f.field).sort()).toEqual(['title', 'variants.0.language', 'variants.0.platform', 'variants.0.text']);
    const twice = await call('manager', 'POST', '/2026', { title: 'Twice', variants: [variant('en', 'x', 'Hi'), variant('en', 'x', 'Again')] });
    expect(twice.body.error!.fields).toEqual([{ field: 'variants', message: 'has two variants for the same language and platform' }]);
    expect((await call('manager', 'GET', '/2026')).body.messages).toEqual([]);

    const created = await call('manager', 'POST', '/2026', {
      title: 'World Day 2026: the moment',
      variants: [
        variant('en', 'mastodon', 'Today is World Day against Trafficking in Persons. Wear the Blue Heart.'),
        variant('es', 'mastodon', 'Hoy es el Día Mundial contra la Trata de Personas. #AQUIESTOY'),
        variant('en', 'x', 'x'.repeat(260)),
      ],
    });
    expect(created.status).toBe(201);
    message = created.body as unknown as SocialMessage;
    expect(message).toMatchObject({ status: 'draft', createdBy: 'manager@blueheart.local', version: 1 });
  });

  it('will not send a variant over its platform limit to review', async () => {
    const refused = await call('manager', 'POST', `/2026/${message.id}/submit`, { version: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.fields!.some((f) => f.field.startsWith('variants.2') && /280/.test(f.message))).toBe(true);
    const fixed = await call('manager', 'PUT', `/2026/${message.id}`, { version: 1, title: message.title, variants: [...message.variants.slice(0, 2), { ...message.variants[2]!, text: 'Today: #BlueHeart' }] });
    expect(fixed.status).toBe(200);
    message = fixed.body as unknown as SocialMessage;
    const submitted = await call('manager', 'POST', `/2026/${message.id}/submit`, { version: message.version });
    expect(submitted.status).toBe(200);
    message = submitted.body as unknown as SocialMessage;
    expect(message).toMatchObject({ status: 'in_review', submittedBy: 'manager@blueheart.local' });
  });

  it('is approved only by another manager, and only at the version they saw', async () => {
    const own = await call('manager', 'POST', `/2026/${message.id}/approve`, { version: message.version });
    expect(own.status).toBe(403);
    const stale = await call('manager2', 'POST', `/2026/${message.id}/approve`, { version: message.version - 1 });
    expect(stale.status).toBe(409);
    const approved = await call('manager2', 'POST', `/2026/${message.id}/approve`, { version: message.version });
    expect(approved.status).toBe(200);
    message = approved.body as unknown as SocialMessage;
    expect(message).toMatchObject({ status: 'approved', approvedBy: 'manager2@blueheart.local' });
  });

  it('schedules 09:00 local time everywhere, never in the past', async () => {
    const past = await call('manager', 'POST', `/2026/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: '2026-06-30T09:00:00Z' } });
    expect(past.status).toBe(400);
    const scheduled = await call('manager', 'POST', `/2026/${message.id}/schedule`, { version: message.version, schedule: { kind: 'local', date: '2026-07-30', time: '09:00' } });
    expect(scheduled.status).toBe(200);
    message = scheduled.body as unknown as SocialMessage;
    expect(message).toMatchObject({ status: 'scheduled', schedule: { kind: 'local', date: '2026-07-30', time: '09:00' } });
  });

  it('goes back to draft when what is posted changes after approval; a title change does not', async () => {
    const retitled = await call('manager2', 'PUT', `/2026/${message.id}`, { version: message.version, title: 'World Day 2026 — 09:00 everywhere', variants: message.variants });
    expect((retitled.body as unknown as SocialMessage).status).toBe('scheduled');
    const edited = await call('manager2', 'PUT', `/2026/${message.id}`, { version: (retitled.body as unknown as SocialMessage).version, title: 'World Day 2026 — 09:00 everywhere', variants: [{ ...message.variants[0]!, text: 'Wear the Blue Heart today.' }, ...message.variants.slice(1)] });
    expect(edited.status).toBe(200);
    message = edited.body as unknown as SocialMessage;
    expect(message).toMatchObject({ status: 'draft', editedBy: 'manager2@blueheart.local' });
    expect(message.approvedBy).toBeUndefined();
  });

  it('cancels before sending, and keeps every step in the history', async () => {
    const cancelled = await call('manager', 'POST', `/2026/${message.id}/cancel`, { version: message.version, reason: 'Postponed to next week' });
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as unknown as SocialMessage).status).toBe('cancelled');
    const history = await call('manager', 'GET', `/2026/${message.id}/history`);
    const entries = history.body.entries as Array<{ action: string; by: string; after: string }>;
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'message.create', 'message.edit', 'message.submit', 'message.approve', 'message.schedule', 'message.edit', 'message.edit', 'message.cancel',
    ]);
    expect(entries[0]).toMatchObject({ by: 'manager@blueheart.local', after: 'cancelled' });
    expect((await call('manager', 'GET', '/2026')).body.messages).toHaveLength(1);
  });

  it('is for managers only', async () => {
    expect((await call('finance', 'GET', '/2026')).status).toBe(403);
    expect((await platform.request('/api/admin/messages/2026')).status).toBe(401);
    expect((await call('manager', 'GET', '/2026/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
