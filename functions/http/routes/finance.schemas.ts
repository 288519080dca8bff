import { z } from '@hono/zod-openapi';
import { CURRENCIES } from '../../domain/donations/currencies.js';
import { DONOR_CATEGORIES } from '../../domain/donations/donation.js';
import { PERIOD_PATTERN } from '../../domain/finance/finance.js';
import { DISCREPANCY_KINDS } from '../../domain/reconciliation/types.js';

/** A calendar date that exists: 2026-02-30 is refused, not rolled over. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a date in the calendar');
const period = z.string().regex(PERIOD_PATTERN, 'must be a month as YYYY-MM, e.g. 2026-07');
const reason = z.string().trim().min(3, 'must say why (3 characters or more)').max(1000, 'must be at most 1,000 characters');
const minorUnits = z.number({ message: 'must be a number' }).int('must be a whole number of minor units (cents)').positive('must be above zero').max(1e12, 'is larger than any gift');

const MAX_LIST_DAYS = 366;
export const PayoutListQuerySchema = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine((q) => q.from <= q.to, { message: 'must not be after `to`', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_LIST_DAYS * 86_400_000, { message: `the window may span ${MAX_LIST_DAYS} days at most`, path: ['to'] })
  .openapi('PayoutListQuery');

export const PayoutIdSchema = z.strictObject({ id: z.string().regex(/^po_[A-Za-z0-9_]{1,64}$/, 'must be a Stripe payout id (po_…)') });
export const MarkReconciledSchema = z.strictObject({ note: reason.optional() }).openapi('MarkReconciled');
export const ReasonSchema = z.strictObject({ reason }).openapi('Reason');
export const OptionalReasonSchema = z.strictObject({ reason: reason.optional() }).openapi('OptionalReason');
export const PeriodParamSchema = z.strictObject({ period });
export const YearQuerySchema = z.strictObject({ year: z.coerce.number({ message: 'must be a year' }).int().min(2014, 'must be 2014 or later').max(2100) });
export const PeriodRangeQuerySchema = z
  .strictObject({ from: period, to: period })
  .refine((q) => q.from <= q.to, { message: 'must not be after `to`', path: ['from'] })
  .openapi('PeriodRange');
export const ReportQuerySchema = z
  .strictObject({
    from: period,
    to: period,
    groupBy: z
      .string()
      .default('month,category')
      .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['month', 'category', 'campaign', 'currency'], { message: 'must list month, category, campaign or currency' })).min(1).max(4)),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after `to`', path: ['from'] })
  .openapi('ReportQuery');
export const OfflineReceiptIdSchema = z.strictObject({ id: z.uuid('must be an offline receipt id') });

export const OfflineReceiptInputSchema = z
  .strictObject({
    donorName: z.string().trim().min(1, 'is required').max(200),
    donorCategory: z.enum(DONOR_CATEGORIES, { message: `must be one of ${DONOR_CATEGORIES.join(', ')}` }),
    campaignYear: z.number().int().min(2014).max(2100).optional(),
    amount: minorUnits,
    currency: z.enum(CURRENCIES, { message: `must be one of ${CURRENCIES.join(', ')}` }),
    settledAmount: minorUnits.optional(),
    valueDate: calendarDate,
    bankReference: z.string().trim().min(1, 'is required').max(100),
    note: z.string().trim().max(1000).optional(),
  })
  .openapi('OfflineReceiptInput');

// ---- Answers (documentation; the handlers return the domain objects) ----

export const PayoutSchema = z
  .object({ id: z.string(), amount: z.number().int(), currency: z.string(), arrivalDate: z.string(), status: z.string(), balanceTransactionId: z.string().nullable() })
  .openapi('Payout');
export const DiscrepancySchema = z
  .object({
    kind: z.enum(DISCREPANCY_KINDS),
    payoutId: z.string().nullable(),
    balanceTransactionId: z.string().nullable(),
    entryId: z.string().nullable(),
    currency: z.string().optional(),
    stripe: z.union([z.number(), z.string()]).optional(),
    ledger: z.union([z.number(), z.string()]).optional(),
    detail: z.string(),
  })
  .openapi('Discrepancy');
const CurrencyTotalsSchema = z.object({ currency: z.string(), transactions: z.number(), gross: z.number(), fees: z.number(), net: z.number() });
const CountsSchema = z.object({ lines: z.number(), matched: z.number(), stripeOnly: z.number(), discrepancies: z.record(z.string(), z.number()) });
export const PayoutRecordSchema = z
  .object({
    payout: PayoutSchema,
    period: z.string(),
    state: z.enum(['unreviewed', 'reconciled']),
    lastRun: z.object({ at: z.string(), trigger: z.string(), by: z.string().optional(), status: z.enum(['clean', 'discrepancies']), totals: z.array(CurrencyTotalsSchema), counts: CountsSchema, discrepancies: z.array(DiscrepancySchema) }).optional(),
    reconciledBy: z.string().optional(),
    reconciledAt: z.string().optional(),
    note: z.string().optional(),
    version: z.number().int(),
  })
  .openapi('PayoutRecord');
export const PayoutListSchema = z
  .object({ payouts: z.array(z.object({ payout: PayoutSchema, record: PayoutRecordSchema.nullable(), locked: z.boolean() })) })
  .openapi('PayoutList');
export const PayoutDetailSchema = z
  .object({
    payout: PayoutSchema,
    record: PayoutRecordSchema.nullable(),
    locked: z.boolean(),
    reconciliation: z.object({
      status: z.enum(['clean', 'discrepancies']),
      totals: z.array(CurrencyTotalsSchema),
      counts: CountsSchema,
      discrepancies: z.array(DiscrepancySchema),
      lines: z.array(z.object({ balanceTransaction: z.object({ id: z.string(), type: z.string(), amount: z.number(), fee: z.number(), net: z.number(), currency: z.string(), sourceId: z.string().nullable() }), entryId: z.string().nullable(), outcome: z.string(), discrepancies: z.array(DiscrepancySchema) })),
    }),
  })
  .openapi('PayoutDetail');
export const PeriodLockSchema = z.object({ period: z.string(), locked: z.boolean(), by: z.string(), at: z.string(), reason: z.string().optional() }).openapi('PeriodLock');
export const PeriodListSchema = z.object({ periods: z.array(z.object({ period: z.string(), lock: PeriodLockSchema.nullable() })) }).openapi('PeriodList');
export const AuditEntrySchema = z
  .object({ id: z.string(), at: z.string(), by: z.string(), action: z.string(), subject: z.string(), before: z.unknown(), after: z.unknown(), reason: z.string().optional() })
  .openapi('FinanceAuditEntry');
export const OfflineReceiptSchema = OfflineReceiptInputSchema.extend({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  settledAmount: z.number().int(),
  settledCurrency: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
  version: z.number().int(),
}).openapi('OfflineReceipt');
export const CheckSchema = z
  .object({
    at: z.string(),
    trigger: z.string(),
    status: z.enum(['clean', 'discrepancies']),
    window: z.object({ from: z.string(), to: z.string() }),
    payouts: z.object({ total: z.number(), clean: z.number(), withDiscrepancies: z.number() }),
    newPayouts: z.array(z.string()),
    payoutsWithDiscrepancies: z.array(z.object({ id: z.string(), amount: z.number(), currency: z.string(), arrivalDate: z.string(), discrepancies: z.number() })),
    discrepancies: z.array(DiscrepancySchema),
    awaitingPayout: z.number(),
  })
  .openapi('ReconciliationCheck');

const MoneyTotalsSchema = z.object({ gross: z.number().int(), fees: z.number().int(), net: z.number().int() });
const ReportRowSchema = z.object({
  month: z.string().optional(),
  category: z.enum(DONOR_CATEGORIES).optional(),
  campaign: z.string().optional(),
  currency: z.string().optional(),
  gifts: z.number().int(),
  undoings: z.number().int(),
  reversals: z.number().int(),
  given: z.record(z.string(), z.number().int()),
  reporting: MoneyTotalsSchema,
  unconverted: z.record(z.string(), MoneyTotalsSchema),
});
export const ReportSchema = z
  .object({
    groupBy: z.array(z.string()),
    reportingCurrency: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    rows: z.array(ReportRowSchema),
    totals: ReportRowSchema,
    unconverted: z.record(z.string(), MoneyTotalsSchema),
  })
  .openapi('FinanceReport');

export const FinanceSettingsSchema = z.object({ reportingCurrency: z.string() }).openapi('FinanceSettings');
