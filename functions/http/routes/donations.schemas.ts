import { z } from '@hono/zod-openapi';
import { CURRENCIES } from '../../domain/donations/currencies.js';
import { DONOR_CATEGORIES, EARMARK_IDS } from '../../domain/donations/donation.js';
import { LanguageCode } from './pledges.schemas.js';

const noMarkup = (value: string) => !/[<>]/.test(value);

export const CheckoutSchema = z
  .strictObject({
    amount: z.number({ message: 'must be a whole number in the smallest unit of the currency (cents)' }).int('must be a whole number in the smallest unit of the currency (cents)'),
    currency: z.enum(CURRENCIES, { message: `must be one of ${CURRENCIES.join(', ')}` }),
    frequency: z.enum(['once', 'monthly'], { message: 'must be once or monthly' }),
    donorCategory: z.enum(DONOR_CATEGORIES, { message: `must be one of ${DONOR_CATEGORIES.join(', ')}` }),
    anonymous: z.boolean({ message: 'must be true or false' }),
    displayName: z.string().trim().min(1).max(80, 'must be 80 characters or fewer').refine(noMarkup, 'must not contain < or >').optional(),
    dedication: z.string().trim().max(200, 'must be 200 characters or fewer').refine(noMarkup, 'must not contain < or >').optional(),
    campaignYear: z.number().int().min(2014).max(2100).optional(),
    earmark: z.enum(EARMARK_IDS, { message: 'is not a purpose the fund offers' }).optional(),
    language: LanguageCode,
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be an email address' })).optional(),
    /** One per form: a double click or a retry gets the same payment page, never two. */
    idempotencyKey: z.uuid({ message: 'must be a UUID generated once per form' }),
  })
  .refine((input) => input.anonymous || input.displayName, { message: 'is needed to show your name on the donor list', path: ['displayName'] })
  .openapi('DonationCheckout');

export const CheckoutResponseSchema = z.object({ url: z.url() }).openapi('DonationCheckoutSession');

export const ProgressQuerySchema = z.strictObject({
  campaign: z.coerce.number({ message: 'must be a campaign year, e.g. 2026' }).int().min(2014).max(2100),
});

const MoneySchema = z.object({ amount: z.number().int(), currency: z.string() });
export const ProgressSchema = z
  .object({
    campaignYear: z.number(),
    target: MoneySchema.optional(),
    raised: MoneySchema,
    donors: z.number().int(),
    matched: z.object({ amount: z.number(), currency: z.string(), cap: z.number(), remaining: z.number(), matcher: z.string() }).optional(),
    endsAt: z.string().optional(),
    daysLeft: z.number().int().optional(),
  })
  .openapi('CampaignProgress');

/** A plain HTML form sends the amount as typed (major units) and checkboxes as "on". */
export function checkoutFormToInput(form: Record<string, string>, parseAmount: (text: string, currency: string) => number | undefined): Record<string, unknown> {
  const input: Record<string, unknown> = { ...form };
  input.anonymous = form.showName !== 'on';
  delete input.showName;
  // A typed amount wins over the suggested one it replaces.
  const typed = form.customAmount?.trim() ? form.customAmount : form.amount;
  delete input.customAmount;
  input.amount = parseAmount(typed ?? '', form.currency ?? '') ?? Number.NaN;
  if (form.campaignYear) input.campaignYear = Number(form.campaignYear);
  for (const key of ['displayName', 'dedication', 'earmark', 'email', 'campaignYear']) if (form[key] === '') delete input[key];
  if (!form.idempotencyKey) input.idempotencyKey = crypto.randomUUID();
  return input;
}

export const AnnualReceiptSchema = z
  .strictObject({
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be the email address you gave with' })),
    year: z.number({ message: 'must be a calendar year, e.g. 2026' }).int().min(2014).max(2100),
    language: LanguageCode,
  })
  .openapi('AnnualReceiptRequest');

/**
 * A plain HTML form sends the year as text: four digits become a number, anything else a NaN
 * that the schema refuses with its own message. Empty fields count as missing.
 */
export function annualReceiptFormToInput(form: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = { ...form };
  const year = form.year?.trim() ?? '';
  input.year = /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  if (form.year === undefined) delete input.year;
  for (const key of ['email', 'language']) if (form[key] === '') delete input[key];
  return input;
}

export const ManageQuerySchema = z.strictObject({ token: z.string().min(10, 'is not a complete link').max(2_000) });
