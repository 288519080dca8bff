import { beforeAll, describe, expect, it } from 'vitest';
import { SesMailer, createSesClient } from '../../../functions/adapters/ses/ses-mailer.js';
import { createApp } from '../../../functions/http/app.js';
import { freePort } from '../../../functions/dev/free-port.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

/**
 * SES is unreachable when Luis pledges: he is told to try again (503, readable), his pledge is
 * kept, and trying again once SES is back sends his confirmation straight away.
 */
describe('an email outage loses no pledge', () => {
  let platform: TestPlatform;
  let withoutEmail: ReturnType<typeof createApp>;
  const body = { name: 'Luis', email: 'luis@example.co', country: 'CO', language: 'es', showOnWall: false, wantsUpdates: false };

  beforeAll(async () => {
    platform = await createTestPlatform();
    // The real SES adapter, pointed at a port where nothing listens.
    const deadEndpoint = `http://127.0.0.1:${await freePort()}`;
    const mailer = new SesMailer(createSesClient({ region: 'local', endpoint: deadEndpoint }), { region: 'local', endpoint: deadEndpoint, from: 'blue-heart@unodc.test' });
    withoutEmail = createApp({ ...platform.deps, pledges: { ...platform.deps.pledges, mailer } });
  });

  it('answers 503 with a message a person can act on, and keeps the pledge', async () => {
    const response = await withoutEmail.request('/api/pledges', json(body));
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(error.message).toMatch(/try again/i);
    const stored = await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email('luis@example.co'));
    expect(stored).toMatchObject({ status: 'pending', country: 'CO' });
  });

  it('sends the confirmation as soon as he tries again, with the same pledge', async () => {
    const before = await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email('luis@example.co'));
    const response = await platform.request('/api/pledges', json(body));
    expect(response.status).toBe(202);
    expect(await platform.emailsTo('luis@example.co')).toHaveLength(1);
    const after = await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email('luis@example.co'));
    expect(after?.id).toBe(before?.id);
  });
});
