import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../../web/i18n/index.js';
import { createTestPlatform, form, json, type TestPlatform } from '../../support/test-platform.js';

/**
 * The donate page's statement form without JavaScript: a plain form post to the annual-receipt
 * endpoint lands on the static "statement requested" page in the form's language, the same
 * whether or not the address gave; a bad field is the server's form-errors page.
 */
describe('asking for a year statement with a plain form post', () => {
  let platform: TestPlatform;
  const donor = 'lucia.statement@example.org';

  beforeAll(async () => {
    platform = await createTestPlatform();
    const donations = platform.deps.donations;
    await donations.ledger.append({
      id: 'gift:ch_statement_form_1',
      kind: 'gift',
      occurredAt: '2025-11-20T10:00:00Z',
      amount: 5_000,
      currency: 'eur',
      settlement: { amount: 5_400, fee: 180, net: 5_220, currency: 'usd', exchangeRate: 1.08, balanceTransactionId: 'txn_statement_form_1' },
      stripe: { chargeId: 'ch_statement_form_1' },
      donorCategory: 'individual',
      frequency: 'once',
      language: 'es',
      anonymous: true,
      receiptNumber: 'BH-2025-000042',
      donor: { email: donor },
      donorKey: donations.donorKey(donor),
    });
  });

  it('answers 303 to the statement-requested page in the form language, and emails the statement', async () => {
    const response = await platform.request('/api/donations/annual-receipt', form({ email: donor, year: '2025', language: 'es' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/es/donate/statement-requested/');
    const emails = await platform.emailsTo(donor);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe('Tu resumen de donaciones 2025');
    expect(emails[0]?.body.text).toContain('BH-2025-000042');
  });

  it('answers the same for an address that never gave, and sends nothing', async () => {
    const stranger = 'nobody.statement@example.org';
    const response = await platform.request('/api/donations/annual-receipt', form({ email: stranger, year: '2025', language: 'es' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/es/donate/statement-requested/');
    expect(await platform.emailsTo(stranger)).toEqual([]);
  });

  it('renders the form-errors page in the form language for a bad email', async () => {
    const response = await platform.request('/api/donations/annual-receipt', form({ email: 'not-an-address', year: '2025', language: 'es' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    expect(html).toContain(messagesFor('es').server.formErrors.title);
    expect(html).toContain(messagesFor('es').form.fieldErrors.email);
  });

  it('refuses a year that is not a calendar year, in Arabic', async () => {
    for (const year of ['', 'last year', '1999', '20255']) {
      const response = await platform.request('/api/donations/annual-receipt', form({ email: donor, year, language: 'ar' }));
      expect(response.status, year).toBe(400);
      expect(await response.text(), year).toMatch(/<html lang="ar" dir="rtl">/);
    }
  });

  it('still answers JSON clients with 202 and no redirect', async () => {
    const response = await platform.request('/api/donations/annual-receipt', json({ email: 'someone.else@example.org', year: 2025, language: 'en' }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'sent-if-found' });
  });
});
