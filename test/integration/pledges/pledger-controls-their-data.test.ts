import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, form, json, linkToken, type TestPlatform } from '../../support/test-platform.js';

describe('the wall, unsubscribe and erasure', () => {
  let platform: TestPlatform;
  let manager: string;
  const wall = async () => ((await (await platform.request('/api/pledges/wall')).json()) as { entries: { id: string; firstName: string; country: string }[] }).entries;
  const stats = async () => ((await (await platform.request('/api/pledges/stats')).json()) as { total: number }).total;

  const confirmed = async (name: string, email: string, showOnWall: boolean) => {
    await platform.request('/api/pledges', json({ name, email, country: 'SN', language: 'fr', showOnWall, wantsUpdates: true }));
    const [mail] = await platform.emailsTo(email);
    await platform.request('/api/pledges/confirm', json({ token: linkToken(mail!, 'confirm') }));
    return mail!;
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    manager = await platform.identity.issueToken('manager@blueheart.local');
    await confirmed('Awa Diop Ndiaye', 'awa@example.sn', true);
    await confirmed('Private Person', 'private@example.sn', false);
  });

  it('shows only pledgers who opted in, by first name and country', async () => {
    const entries = await wall();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ firstName: 'Awa', country: 'SN' });
    expect(JSON.stringify(entries)).not.toMatch(/Diop|Private|@/);
  });

  it('lets a manager hide an entry and show it again, without touching the count', async () => {
    const [entry] = await wall();
    const hide = await platform.request(`/api/admin/pledges/${entry!.id}/wall`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: JSON.stringify({ hidden: true }),
    });
    expect(hide.status).toBe(200);
    expect(await wall()).toHaveLength(0);
    expect(await stats()).toBe(2);
    await platform.request(`/api/admin/pledges/${entry!.id}/wall`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: JSON.stringify({ hidden: false }),
    });
    expect(await wall()).toHaveLength(1);
  });

  it('exports confirmed pledges with consent flags as spreadsheet-safe UTF-8 CSV', async () => {
    await confirmed('=HYPERLINK("http://evil.example")', 'formula@example.sn', false);
    const response = await platform.request('/api/admin/pledges/export.csv', { headers: { authorization: `Bearer ${manager}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheet programs read any script correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('id,confirmedAt,name,email,country,language')).toBe(true);
    expect(csv).toContain('Awa Diop Ndiaye,awa@example.sn,SN,fr');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('unsubscribes with one click (RFC 8058) from the List-Unsubscribe link', async () => {
    const [mail] = await platform.emailsTo('private@example.sn');
    const token = linkToken(mail!, 'unsubscribe');
    const response = await platform.request(`/api/pledges/unsubscribe?token=${token}`, form({ 'List-Unsubscribe': 'One-Click' }));
    expect(response.status).toBe(200);
    const stored = await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email('private@example.sn'));
    expect(stored?.wantsUpdates).toBe(false);
  });

  it('erases the pledger’s personal data; the count stays and the wall forgets them', async () => {
    const [mail] = await platform.emailsTo('awa@example.sn');
    const token = linkToken(mail!, 'erase');
    const page = await platform.request(`/api/pledges/erase?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/api/pledges/erase"');

    const response = await platform.request('/api/pledges/erase', json({ token }));
    expect(await response.json()).toEqual({ status: 'erased' });
    const stored = await platform.deps.pledges.store.findByEmailHash(platform.deps.pledges.hasher.email('awa@example.sn'));
    expect(stored).toMatchObject({ status: 'confirmed', counted: true, country: 'SN' });
    expect(stored).not.toHaveProperty('name');
    expect(stored).not.toHaveProperty('email');
    expect(stored).not.toHaveProperty('ipHash');
    expect(await wall()).toHaveLength(0);
    expect(await stats()).toBe(3);

    const csv = await (await platform.request('/api/admin/pledges/export.csv', { headers: { authorization: `Bearer ${manager}` } })).text();
    expect(csv).not.toContain('awa@example.sn');
    // Pledging again with the erased address does not count twice.
    await platform.request('/api/pledges', json({ name: 'Awa', email: 'awa@example.sn', country: 'SN', language: 'fr', showOnWall: true, wantsUpdates: true }));
    expect(await platform.emailsTo('awa@example.sn')).toHaveLength(1);
    expect(await stats()).toBe(3);
  });
});
