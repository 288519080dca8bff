import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { periodOf } from '../../domain/finance/finance.js';
import { approveOfflineReceipt, recordOfflineReceipt, rejectOfflineReceipt } from '../../domain/finance/offline-receipts.js';
import { lockPeriod, periodsOfYear, unlockPeriod } from '../../domain/finance/period-locks.js';
import { checkRecentPayouts, reconcileOnePayout } from '../../domain/finance/reconcile-payouts.js';
import { markPayoutReconciled, reopenPayout } from '../../domain/finance/review-payout.js';
import { listPayouts, offlineReceiptsBetween, auditLogOf } from '../../domain/finance/finance-queries.js';
import { financeReport, financeReportCsv, journalCsvBetween } from '../../domain/finance/finance-reports.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../middleware/require-role.js';
import { documentRoute } from '../openapi.js';
import { readValidBody } from '../read-body.js';
import { validate } from '../validate.js';
import {
  AuditEntrySchema,
  CheckSchema,
  FinanceSettingsSchema,
  MarkReconciledSchema,
  OfflineReceiptIdSchema,
  OfflineReceiptInputSchema,
  OfflineReceiptSchema,
  OptionalReasonSchema,
  PayoutDetailSchema,
  PayoutIdSchema,
  PayoutListQuerySchema,
  PayoutListSchema,
  PayoutRecordSchema,
  PeriodListSchema,
  PeriodLockSchema,
  PeriodParamSchema,
  PeriodRangeQuerySchema,
  ReasonSchema,
  ReportQuerySchema,
  ReportSchema,
  YearQuerySchema,
} from './finance.schemas.js';
import { z } from '@hono/zod-openapi';

const TAG = 'Console: finance';

/**
 * The finance console's API. Only the finance role: money follows separation of duties, so an
 * admin is not let in by default here (unlike the manager routes).
 */
export function financeRoutes(deps: AppDeps) {
  const finance = deps.finance;
  const app = new OpenAPIHono<AppEnv>();
  // Money and audit data never sit in a cache, errors included.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('*', requireRole(deps.auth, ['finance'], { adminsToo: false }));
  const user = (c: Context<AppEnv>) => c.get('principal').username;
  const payoutId = (c: Context<AppEnv>) => validate(PayoutIdSchema, { id: c.req.param('id') }).id;

  documentRoute(app, {
    method: 'get', path: '/settings', tag: TAG, secured: true,
    summary: 'What the finance console needs to know about this deployment: the reporting currency.',
    responses: { 200: { description: 'Settings', schema: FinanceSettingsSchema } },
  });
  app.get('/settings', (c) => c.json({ reportingCurrency: finance.reportingCurrency }));

  documentRoute(app, {
    method: 'get', path: '/payouts', tag: TAG, query: PayoutListQuerySchema as never, secured: true,
    summary: 'Stripe payouts that arrived between two dates (every page), with their reconciliation state.',
    responses: { 200: { description: 'Newest first', schema: PayoutListSchema } },
  });
  app.get('/payouts', async (c) => {
    const range = validate(PayoutListQuerySchema, c.req.query());
    return c.json({ payouts: await listPayouts(finance, range) });
  });

  documentRoute(app, {
    method: 'get', path: '/payouts/{id}', tag: TAG, params: PayoutIdSchema, secured: true,
    summary: "A payout line by line against the ledger, computed now (not saved): matched lines, each discrepancy, totals per currency.",
    responses: { 200: { description: 'The reconciliation', schema: PayoutDetailSchema } },
  });
  app.get('/payouts/:id', async (c) => {
    const { result, record } = await reconcileOnePayout(finance, payoutId(c), { trigger: 'by-hand', by: user(c), save: false });
    const lock = await finance.store.lock(periodOf(result.payout.arrivalDate));
    const { payout, ...reconciliation } = result;
    return c.json({ payout, record: record ?? null, locked: Boolean(lock?.locked), reconciliation });
  });

  documentRoute(app, {
    method: 'post', path: '/payouts/{id}/reconcile', tag: TAG, params: PayoutIdSchema, secured: true,
    summary: "Runs the payout's reconciliation now and keeps its findings.",
    responses: { 200: { description: 'The payout record with this run', schema: PayoutRecordSchema } },
  });
  app.post('/payouts/:id/reconcile', async (c) => {
    const { record } = await reconcileOnePayout(finance, payoutId(c), { trigger: 'by-hand', by: user(c) });
    return c.json(record!);
  });

  documentRoute(app, {
    method: 'post', path: '/payouts/{id}/mark-reconciled', tag: TAG, params: PayoutIdSchema, body: MarkReconciledSchema, secured: true,
    summary: 'Signs a payout off. With discrepancies, a note saying why is required. Refused in a locked month.',
    responses: { 200: { description: 'Marked', schema: PayoutRecordSchema }, 409: { description: 'Already marked, changed meanwhile, or the month is locked' } },
  });
  app.post('/payouts/:id/mark-reconciled', async (c) => {
    const id = payoutId(c);
    const { note } = await readValidBody(c, MarkReconciledSchema);
    return c.json(await markPayoutReconciled(finance, id, user(c), note));
  });

  documentRoute(app, {
    method: 'post', path: '/payouts/{id}/reopen', tag: TAG, params: PayoutIdSchema, body: ReasonSchema, secured: true,
    summary: 'Takes a sign-off back, with a reason. Refused in a locked month.',
    responses: { 200: { description: 'Reopened', schema: PayoutRecordSchema }, 409: { description: 'Not marked, changed meanwhile, or the month is locked' } },
  });
  app.post('/payouts/:id/reopen', async (c) => {
    const id = payoutId(c);
    const { reason } = await readValidBody(c, ReasonSchema);
    return c.json(await reopenPayout(finance, id, user(c), reason));
  });

  documentRoute(app, {
    method: 'get', path: '/checks/latest', tag: TAG, secured: true,
    summary: 'The latest check of all recent payouts (nightly or by hand): payouts with discrepancies, gifts no payout paid out.',
    responses: { 200: { description: 'The check, or null before the first', schema: z.object({ check: CheckSchema.nullable() }) } },
  });
  app.get('/checks/latest', async (c) => c.json({ check: (await finance.store.latestCheck()) ?? null }));

  documentRoute(app, {
    method: 'post', path: '/checks', tag: TAG, secured: true,
    summary: 'Runs the nightly check now (every payout of the last 35 days); emails finance when something needs a look.',
    responses: { 200: { description: 'The check', schema: CheckSchema } },
  });
  app.post('/checks', async (c) => c.json(await checkRecentPayouts(finance, { trigger: 'by-hand', by: user(c) })));

  documentRoute(app, {
    method: 'get', path: '/periods', tag: TAG, query: YearQuerySchema as never, secured: true,
    summary: "The months of a year and whether each is locked.",
    responses: { 200: { description: 'Months, oldest first', schema: PeriodListSchema } },
  });
  app.get('/periods', async (c) => {
    const { year } = validate(YearQuerySchema, c.req.query());
    return c.json({ periods: await periodsOfYear(finance, year) });
  });

  documentRoute(app, {
    method: 'post', path: '/periods/{period}/lock', tag: TAG, params: PeriodParamSchema, body: OptionalReasonSchema, secured: true,
    summary: 'Locks a closed month: no sign-off or offline receipt in it changes until it is unlocked with a reason.',
    responses: { 200: { description: 'Locked', schema: PeriodLockSchema }, 409: { description: 'Already locked' } },
  });
  app.post('/periods/:period/lock', async (c) => {
    const { period } = validate(PeriodParamSchema, { period: c.req.param('period') });
    const { reason } = await readValidBody(c, OptionalReasonSchema);
    return c.json(await lockPeriod(finance, period, user(c), reason));
  });

  documentRoute(app, {
    method: 'post', path: '/periods/{period}/unlock', tag: TAG, params: PeriodParamSchema, body: ReasonSchema, secured: true,
    summary: 'Reopens a locked month; the reason is kept in the audit log.',
    responses: { 200: { description: 'Unlocked', schema: PeriodLockSchema }, 409: { description: 'Not locked' } },
  });
  app.post('/periods/:period/unlock', async (c) => {
    const { period } = validate(PeriodParamSchema, { period: c.req.param('period') });
    const { reason } = await readValidBody(c, ReasonSchema);
    return c.json(await unlockPeriod(finance, period, user(c), reason));
  });

  documentRoute(app, {
    method: 'get', path: '/audit', tag: TAG, query: PeriodRangeQuerySchema as never, secured: true,
    summary: 'The append-only audit log of finance actions in a range of months: who, when, what, before and after.',
    responses: { 200: { description: 'Newest first', schema: z.object({ entries: z.array(AuditEntrySchema) }) } },
  });
  app.get('/audit', async (c) => {
    const range = validate(PeriodRangeQuerySchema, c.req.query());
    return c.json({ entries: await auditLogOf(finance, range) });
  });

  documentRoute(app, {
    method: 'get', path: '/offline-receipts', tag: TAG, query: PeriodRangeQuerySchema as never, secured: true,
    summary: 'Receipts by bank transfer with a value date in a range of months, in every state.',
    responses: { 200: { description: 'Newest first', schema: z.object({ receipts: z.array(OfflineReceiptSchema) }) } },
  });
  app.get('/offline-receipts', async (c) => {
    const range = validate(PeriodRangeQuerySchema, c.req.query());
    return c.json({ receipts: await offlineReceiptsBetween(finance, range) });
  });

  documentRoute(app, {
    method: 'post', path: '/offline-receipts', tag: TAG, body: OfflineReceiptInputSchema, secured: true,
    summary: 'Records a receipt from the bank statement. It counts only once a different finance user approves it.',
    responses: { 201: { description: 'Recorded, pending approval', schema: OfflineReceiptSchema } },
  });
  app.post('/offline-receipts', async (c) => {
    const input = await readValidBody(c, OfflineReceiptInputSchema);
    return c.json(await recordOfflineReceipt(finance, input, user(c)), 201);
  });

  documentRoute(app, {
    method: 'post', path: '/offline-receipts/{id}/approve', tag: TAG, params: OfflineReceiptIdSchema, secured: true,
    summary: 'The checker approves: the receipt counts from now on. Refused to the user who recorded it (403).',
    responses: { 200: { description: 'Approved', schema: OfflineReceiptSchema }, 409: { description: 'Already decided, or the month is locked' } },
  });
  app.post('/offline-receipts/:id/approve', async (c) => {
    const { id } = validate(OfflineReceiptIdSchema, { id: c.req.param('id') });
    return c.json(await approveOfflineReceipt(finance, id, user(c)));
  });

  documentRoute(app, {
    method: 'post', path: '/offline-receipts/{id}/reject', tag: TAG, params: OfflineReceiptIdSchema, body: ReasonSchema, secured: true,
    summary: 'Rejects a pending receipt, with a reason.',
    responses: { 200: { description: 'Rejected', schema: OfflineReceiptSchema }, 409: { description: 'Already decided, or the month is locked' } },
  });
  app.post('/offline-receipts/:id/reject', async (c) => {
    const { id } = validate(OfflineReceiptIdSchema, { id: c.req.param('id') });
    const { reason } = await readValidBody(c, ReasonSchema);
    return c.json(await rejectOfflineReceipt(finance, id, user(c), reason));
  });

  const csv = (c: Context<AppEnv>, name: string, range: { from: string; to: string }, text: string) =>
    c.body(text, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="blue-heart-${name}-${range.from}-to-${range.to}.csv"` });

  documentRoute(app, {
    method: 'get', path: '/reports', tag: TAG, query: ReportQuerySchema as never, secured: true,
    summary: 'Receipts of a range of months grouped by month, donor category, campaign and/or currency, with totals in the reporting currency.',
    responses: { 200: { description: 'The report', schema: z.object({ report: ReportSchema }) } },
  });
  app.get('/reports', async (c) => {
    const { groupBy, ...range } = validate(ReportQuerySchema, c.req.query());
    return c.json({ report: await financeReport(finance, range, groupBy) });
  });

  documentRoute(app, {
    method: 'get', path: '/reports.csv', tag: TAG, query: ReportQuerySchema as never, secured: true,
    summary: 'The same report as UTF-8 CSV (with BOM; formula-safe).',
    responses: { 200: { description: 'CSV', csv: true } },
  });
  app.get('/reports.csv', async (c) => {
    const { groupBy, ...range } = validate(ReportQuerySchema, c.req.query());
    return csv(c, 'receipts', range, await financeReportCsv(finance, range, groupBy));
  });

  documentRoute(app, {
    method: 'get', path: '/journal.csv', tag: TAG, query: PeriodRangeQuerySchema as never, secured: true,
    summary: 'Double-entry journal of the months for an accounting system: date, account, debit, credit, currency, reference.',
    responses: { 200: { description: 'CSV', csv: true } },
  });
  app.get('/journal.csv', async (c) => {
    const range = validate(PeriodRangeQuerySchema, c.req.query());
    return csv(c, 'journal', range, await journalCsvBetween(finance, range));
  });

  return app;
}
