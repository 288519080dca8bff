import type { Mailer, TokenSigner } from '../pledges/ports.js';
import type { Clock } from '../shared/clock.js';
import type { Metrics } from '../shared/metrics.js';
import { AppError } from '../shared/errors.js';
import type { LedgerEntry, LedgerRepository } from './ledger.js';
import type { PaymentEvent, PaymentGateway, ProcessedEvents } from './ports.js';
import { CURRENCY_RULES } from './currencies.js';
import { receiptEmail } from './receipt-email.js';
import type { Fundraising } from '../campaigns/campaign.js';

export interface LedgerDeps {
  newId: () => string;
  tokens: TokenSigner;
  publicUrl: string;
  /** Keyed hash of a normalised address (the pledges' hasher): the donor's key in the ledger. */
  donorKey: (email: string) => string;
  /** The campaign's fundraising settings (target, matcher), from the live campaign. */
  fundraising: (campaignYear: number) => Promise<Fundraising | undefined>;
  gateway: PaymentGateway;
  ledger: LedgerRepository;
  processed: ProcessedEvents;
  mailer: Mailer;
  clock: Clock;
  /** Events processed or duplicate, gifts recorded and their amounts, as business metrics; absent: not counted. */
  metrics?: Metrics;
}

/**
 * One verified event: re-read what it is about, append what is new, send receipts not yet sent,
 * and only then remember the event. Any failure throws, the webhook answers 5xx, and the
 * provider delivers again; every step before the failure is found done and skipped.
 */
export async function recordPaymentEvent(deps: LedgerDeps, event: PaymentEvent): Promise<{ appended: number; duplicate: boolean }> {
  if (await deps.processed.has(event.id)) {
    deps.metrics?.count('WebhookEventDuplicate');
    return { appended: 0, duplicate: true };
  }
  let appended = 0;
  for (const fact of await deps.gateway.entriesFor(event)) {
    const entry = fact.kind === 'gift' ? withDonorKey(deps, await withMatching(deps, fact)) : await withGiftDetails(deps.ledger, fact);
    if (!(await deps.ledger.get(entry.id))) {
      // A receipt number only for a gift not seen before (a lost race leaves a gap, never a duplicate).
      const receiptNumber = entry.kind === 'gift' ? await deps.ledger.nextReceiptNumber(Number(entry.occurredAt.slice(0, 4))) : undefined;
      if ((await deps.ledger.append({ ...entry, ...(receiptNumber ? { receiptNumber } : {}) })) === 'appended') {
        appended++;
        if (entry.kind === 'gift') countGift(deps, entry);
      }
    }
    if (entry.kind === 'gift') {
      // Both steps are safe to repeat, so a delivery after any failure completes them.
      await deps.ledger.countDonor(entry);
      await sendReceiptOnce(deps, entry.id);
    }
  }
  await deps.processed.remember(event.id, deps.clock.now());
  deps.metrics?.count('WebhookEventProcessed');
  return { appended, duplicate: false };
}

/** A gift new to the ledger: one more, and its amount in its currency's major unit. */
function countGift(deps: LedgerDeps, gift: Pick<LedgerEntry, 'amount' | 'currency'>): void {
  deps.metrics?.count('DonationRecorded');
  deps.metrics?.amount('DonationAmount', gift.amount / 10 ** CURRENCY_RULES[gift.currency].decimals, gift.currency);
}

/** Refunds and disputes carry their gift's campaign, category and earmark into reports. */
async function withGiftDetails(ledger: LedgerRepository, fact: Omit<LedgerEntry, 'receiptNumber' | 'receiptSentAt'>): Promise<LedgerEntry> {
  const gift = await ledger.giftForCharge(fact.stripe.chargeId);
  if (!gift) {
    // The gift's own event has not been processed yet: let the provider retry this one later.
    throw new AppError('unavailable', `The gift for charge ${fact.stripe.chargeId} is not in the ledger yet.`, { retryable: true });
  }
  const { campaignYear, donorCategory, earmark, frequency, language, anonymous, displayName, dedication, matchable, donorKey } = gift;
  return { ...fact, campaignYear, donorCategory, earmark, frequency, language, anonymous, displayName, dedication, matchable, donorKey };
}

const withDonorKey = <T extends Omit<LedgerEntry, 'receiptNumber' | 'receiptSentAt'>>(deps: LedgerDeps, gift: T): T =>
  gift.donor?.email ? { ...gift, donorKey: deps.donorKey(gift.donor.email.trim().toLowerCase()) } : gift;

/** A gift made inside the campaign's matching window counts toward the matcher's pledge. */
async function withMatching<T extends Omit<LedgerEntry, 'receiptNumber' | 'receiptSentAt'>>(deps: LedgerDeps, gift: T): Promise<T> {
  const matcher = gift.campaignYear ? (await deps.fundraising(gift.campaignYear))?.matcher : undefined;
  const at = gift.occurredAt;
  return matcher && at >= matcher.startsAt && at <= matcher.endsAt ? { ...gift, matchable: true } : gift;
}

/**
 * Claim, send, mark. The claim names this attempt (a token), so each step can be repeated when
 * its answer is lost without becoming a second claim; a delivery that finds another attempt's
 * claim leaves the receipt to it. Two deliveries of one gift therefore send one email. A failed
 * send gives the claim back and fails the delivery, and the provider's retry sends it. A claim
 * that was never marked (its attempt gave up or crashed) can be taken over after 10 minutes, so
 * a receipt is not lost; only then could one be sent twice.
 */
async function sendReceiptOnce(deps: LedgerDeps, id: string): Promise<void> {
  const gift = await deps.ledger.get(id);
  if (!gift || gift.receiptSentAt || !gift.donor?.email) return;
  const token = deps.newId();
  const at = deps.clock.now().toISOString();
  if (!(await repeated(() => deps.ledger.claimReceipt(id, token, at)))) return;
  // Monthly donors get a signed link to Stripe's portal, to change or cancel the gift themselves.
  const manageUrl =
    gift.frequency === 'monthly' && gift.stripe.customerId
      ? `${deps.publicUrl}/api/donations/manage?token=${deps.tokens.sign('manage-giving', gift.stripe.customerId, deps.clock.now())}`
      : undefined;
  try {
    await deps.mailer.send(receiptEmail(gift, manageUrl));
  } catch (error) {
    await repeated(() => deps.ledger.releaseReceipt(id, token));
    throw error;
  }
  await repeated(() => deps.ledger.markReceiptSent(id, token, deps.clock.now().toISOString()));
}

/** Repeats an idempotent step, with a short growing pause, when it fails (a timeout, a lost answer). */
async function repeated<T>(step: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}
