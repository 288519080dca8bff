import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { PENDING_LIFETIME_MS } from '../../../functions/adapters/dynamodb/pledge-items.js';
import { CONFIRMATION_TTL_SECONDS } from '../../../functions/domain/pledges/pledge-service.js';
import { lendingEndsOn } from '../../../functions/domain/privacy/enforce-retention.js';
import { ERASURE_LINK_TTL_SECONDS } from '../../../functions/domain/privacy/request-erasure.js';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { addDuration, durationSeconds, expiresAfter, RETENTION, RETENTION_RULE_IDS } from '../../../functions/domain/shared/retention.js';
import { stagePolicy } from '../../../infra/stacks/stage.js';
import { messagesFor } from '../../../web/i18n/index.js';
import { PrivacyPage, retentionRows } from '../../../web/pages/privacy.js';
import { renderDocument } from '../../../web/pages/render.js';
import { STABLE_ASSETS } from '../../../web/site/assets.js';

/** The retention table is the one place lifetimes are written down: the code and the notice must say the same. */
describe('the retention table', () => {
  it('gives the lifetimes the code uses', () => {
    expect(PENDING_LIFETIME_MS / 1000).toBe(durationSeconds(RETENTION.unconfirmedPledge.duration));
    expect(CONFIRMATION_TTL_SECONDS).toBe(durationSeconds(RETENTION.confirmationLink.duration));
    expect(ERASURE_LINK_TTL_SECONDS).toBe(24 * 3_600);
    expect(lendingEndsOn(2026).toISOString()).toBe('2026-08-30T00:00:00.000Z');
  });

  it('says what infra keeps logs for in production', () => {
    const prod = stagePolicy('prod');
    const days = { 6: logs.RetentionDays.SIX_MONTHS, 3: logs.RetentionDays.THREE_MONTHS } as Record<number, logs.RetentionDays>;
    expect(RETENTION.applicationLogs.duration.unit).toBe('month');
    expect(prod.logRetention).toBe(days[RETENTION.applicationLogs.duration.amount]);
    expect(RETENTION.accessLogs.duration.unit).toBe('month');
    expect(prod.accessLogRetention).toBe(days[RETENTION.accessLogs.duration.amount]);
    expect(prod.accessLogRetentionDays).toBe(RETENTION.accessLogs.duration.amount * 30);
  });

  it('adds calendar months and years in UTC, and days exactly', () => {
    expect(addDuration(new Date('2026-01-31T12:00:00Z'), { amount: 10, unit: 'year' }).toISOString()).toBe('2036-01-31T12:00:00.000Z');
    expect(addDuration(new Date('2026-07-30T00:00:00Z'), { amount: 31, unit: 'day' }).toISOString()).toBe('2026-08-30T00:00:00.000Z');
    expect(expiresAfter('2026-07-30T09:00:00.000Z', { amount: 90, unit: 'day' })).toBe(Date.parse('2026-10-28T09:00:00Z') / 1000);
  });

  it('names where each rule is enforced and why, and every rule that is not kept has a duration', () => {
    for (const id of RETENTION_RULE_IDS) {
      const rule = RETENTION[id];
      expect(rule.where, id).not.toBe('');
      expect(rule.why, id).not.toBe('');
      if (rule.enforcement !== 'kept') expect('duration' in rule, id).toBe(true);
    }
  });
});

describe('the privacy notice', () => {
  for (const lang of LANGUAGES) {
    it(`lists every retention rule with its duration in ${lang}, and the erasure form`, () => {
      const ctx = { lang, t: messagesFor(lang), assets: STABLE_ASSETS };
      const rows = retentionRows(ctx);
      expect(rows.map((row) => row.id)).toEqual(RETENTION_RULE_IDS);
      for (const row of rows) expect(row.period, `${lang} ${row.id}`).not.toMatch(/[{}]/);
      const html = renderDocument(PrivacyPage({ ctx }));
      expect(html).toContain('action="/api/privacy/erasure-requests"');
      expect(html).toContain(`name="language" value="${lang}"`);
      expect(html.match(/<tr data-rule=/g)).toHaveLength(RETENTION_RULE_IDS.length);
      // The numbers come from the table (the language's own digits for Arabic).
      const seven = new Intl.NumberFormat(lang).format(7);
      expect(rows.find((row) => row.id === 'unconfirmedPledge')!.period).toContain(seven);
    });
  }

  it('says it in English as the table does', () => {
    const rows = retentionRows({ lang: 'en', t: messagesFor('en') });
    expect(rows.find((row) => row.id === 'unconfirmedPledge')!.period).toBe('7 days after you pledged');
    expect(rows.find((row) => row.id === 'donationRecords')!.period).toBe('10 years after the end of the financial year, as accounting law requires');
    expect(rows.find((row) => row.id === 'erasureLink')!.period).toBe('Works for 24 hours');
  });
});
