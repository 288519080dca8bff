import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../functions/adapters/log/logger.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every answer names its request (X-Request-Id): the caller's id when it is a plain token, else
 * one the API makes. Error bodies carry the same id, and so does every log line written while the
 * request is served, whoever writes it: a support ticket quoting it finds the request's lines.
 */
describe('request ids', () => {
  let platform: TestPlatform;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    platform = await createTestPlatform();
    // Routes read the logger when they log.
    platform.deps.logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  });

  it('makes one per request and answers it', async () => {
    const [first, second] = await Promise.all([platform.request('/api/health'), platform.request('/api/health')]);
    expect(first.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it("keeps the caller's id when it is a plain token of at most 128 characters, and replaces any other", async () => {
    const idOf = async (id: string) => (await platform.request('/api/health', { headers: { 'x-request-id': id } })).headers.get('x-request-id');
    expect(await idOf('support-ticket-4711_retry=2')).toBe('support-ticket-4711_retry=2');
    expect(await idOf('a'.repeat(128))).toBe('a'.repeat(128));
    for (const bad of ['a'.repeat(129), 'two words', 'semi;colon', '{"level":"ERROR"}', 'ana@example.org']) expect(await idOf(bad)).toMatch(UUID);
  });

  it('puts the id in error bodies and on the log lines of its request', async () => {
    const answer = await platform.request('/api/pledges', { ...json({ name: 'Ana', email: 'not-an-address' }), headers: { 'content-type': 'application/json', 'x-request-id': 'ticket-42' } });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { requestId: string } }).error.requestId).toBe('ticket-42');

    const token = await platform.identity.issueToken('manager@blueheart.local');
    lines.length = 0;
    const exported = await platform.request('/api/admin/pledges/export.csv', { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'ticket-43' } });
    expect(exported.status).toBe(200);
    expect(lines.find((line) => line.message === 'admin action')).toMatchObject({ action: 'pledges.export', correlationId: 'ticket-43' });
    for (const line of lines) expect(line.correlationId).toBe('ticket-43');
  });
});
