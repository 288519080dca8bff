import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { AppError } from '../../domain/shared/errors.js';
import { isLanguage, type Language } from '../../domain/shared/languages.js';
import { isCurrency } from '../../domain/donations/currencies.js';
import { DONOR_CATEGORIES, type DonorCategory } from '../../domain/donations/donation.js';
import type { LedgerEntry } from '../../domain/donations/ledger.js';
import type { CheckoutRequest, PaymentEvent, PaymentGateway } from '../../domain/donations/ports.js';

type Fact = Omit<LedgerEntry, 'receiptNumber' | 'receiptSentAt'>;

/** Marks our sessions' metadata, so payments made elsewhere on the account are left alone. */
const SOURCE = 'blue-heart';

const idOf = (value: string | { id: string } | null | undefined): string | undefined => (typeof value === 'string' ? value : value?.id);

/**
 * Stripe refuses a key reused with other parameters (400 idempotency_error), so a donor who
 * changed the amount after an attempt that failed (the form keeps its key for a retry) would be
 * stuck. The key covers the choices too: the same form with the same choices opens one page,
 * changed choices a new one.
 */
const checkoutKey = (formKey: string, request: CheckoutRequest): string =>
  `${formKey}:${createHash('sha256').update(JSON.stringify(request, Object.keys(request).sort())).digest('base64url').slice(0, 32)}`;

/** Stripe Checkout has no Arabic page; it picks the browser's language for `auto`. */
const checkoutLocale = (language: Language): Stripe.Checkout.SessionCreateParams.Locale => (language === 'ar' ? 'auto' : language);

/**
 * Stripe behind the PaymentGateway port. Webhook events are trusted only for their ids: every
 * handler retrieves the current objects (documenso's and opencollective's rule), so duplicates
 * and out-of-order deliveries produce the same ledger.
 */
export class StripeGateway implements PaymentGateway {
  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
  ) {}

  async createCheckout(request: CheckoutRequest, idempotencyKey: string): Promise<{ id: string; url: string }> {
    const monthly = request.frequency === 'monthly';
    const metadata: Stripe.MetadataParam = {
      source: SOURCE,
      campaignYear: request.campaignYear ? String(request.campaignYear) : '',
      donorCategory: request.donorCategory,
      anonymous: String(request.anonymous),
      displayName: request.anonymous ? '' : (request.displayName ?? ''),
      dedication: request.dedication ?? '',
      earmark: request.earmark ?? '',
      language: request.language,
      frequency: request.frequency,
    };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: monthly ? 'subscription' : 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency,
              unit_amount: request.amount,
              product_data: { name: 'Gift to the UN Voluntary Trust Fund for Victims of Trafficking in Persons', description: request.description },
              ...(monthly ? { recurring: { interval: 'month' as const } } : {}),
            },
          },
        ],
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        locale: checkoutLocale(request.language),
        metadata,
        ...(request.email ? { customer_email: request.email } : {}),
        ...(monthly
          ? { subscription_data: { metadata } }
          : { submit_type: 'donate' as const, customer_creation: 'always' as const, payment_intent_data: { metadata, description: request.description } }),
      },
      { idempotencyKey: checkoutKey(idempotencyKey, request) },
    );
    if (!session.url) throw new AppError('unavailable', 'The payment page could not be opened; please try again.');
    return { id: session.id, url: session.url };
  }

  async portalUrl(customerId: string, returnUrl: string): Promise<string> {
    try {
      const session = await this.stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
      return session.url;
    } catch (error) {
      // A link to a customer Stripe no longer has (deleted since the receipt was sent).
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
        throw new AppError('not_found', 'Stripe no longer knows this monthly gift: it may have been removed. Write to us if it still takes payments.', { cause: error });
      }
      throw error;
    }
  }

  /**
   * Erasure deletes the customer (`DELETE /v1/customers/:id`) rather than blanking its fields:
   * deletion removes the name, email, address, phone, metadata and saved payment methods in one
   * call and cancels the customer's subscriptions at once. Blanking would leave the payment
   * methods and, worse, a monthly gift still charging a person we may no longer send receipts to.
   * Charges, refunds and balance transactions stay on Stripe (the ledger and reconciliation
   * need their ids); Stripe keeps the card details of past charges under its own legal duties.
   */
  async deleteCustomer(customerId: string): Promise<'deleted' | 'gone'> {
    try {
      await this.stripe.customers.del(customerId);
      return 'deleted';
    } catch (error) {
      // Deleted before (a repeated erasure, or by hand in the dashboard): nothing left to do.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return 'gone';
      throw error;
    }
  }

  async verifyEvent(rawBody: string, signature: string | undefined): Promise<PaymentEvent> {
    let event: Stripe.Event;
    try {
      event = await this.stripe.webhooks.constructEventAsync(rawBody, signature ?? '', this.webhookSecret);
    } catch (error) {
      throw new AppError('invalid_token', 'The Stripe signature is missing, forged or too old.', { cause: error });
    }
    return { id: event.id, type: event.type, objectId: (event.data.object as { id: string }).id };
  }

  async entriesFor(event: PaymentEvent): Promise<Fact[]> {
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = await this.stripe.checkout.sessions.retrieve(event.objectId);
        const paymentIntent = idOf(session.payment_intent);
        if (session.mode !== 'payment' || session.payment_status !== 'paid' || !paymentIntent) return [];
        return this.giftsFromPaymentIntent(paymentIntent, { checkoutSessionId: session.id });
      }
      case 'payment_intent.succeeded':
        return this.giftsFromPaymentIntent(event.objectId);
      case 'invoice.paid':
        return this.giftsFromInvoice(event.objectId);
      case 'charge.refunded':
        return this.refundsOfCharge(event.objectId);
      case 'charge.dispute.created':
      case 'charge.dispute.closed':
      case 'charge.dispute.funds_withdrawn':
      case 'charge.dispute.funds_reinstated':
        return this.disputeEntries(event.objectId);
      default:
        return [];
    }
  }

  /** A succeeded payment intent of ours → its gift (metadata from the intent, or as given). */
  private async giftsFromPaymentIntent(id: string, extra: { checkoutSessionId?: string; metadata?: Stripe.Metadata; invoiceId?: string; subscriptionId?: string } = {}): Promise<Fact[]> {
    const intent = await this.stripe.paymentIntents.retrieve(id, { expand: ['latest_charge.balance_transaction', 'customer'] });
    const metadata = extra.metadata ?? intent.metadata;
    const charge = intent.latest_charge as Stripe.Charge | null;
    if (intent.status !== 'succeeded' || metadata.source !== SOURCE || !charge || typeof charge === 'string') return [];
    const balance = charge.balance_transaction as Stripe.BalanceTransaction | null;
    if (!balance || typeof balance === 'string') throw new AppError('unavailable', `Stripe has no balance transaction for ${charge.id} yet.`, { retryable: true });
    const erased = typeof intent.customer === 'object' && intent.customer !== null && 'deleted' in intent.customer && intent.customer.deleted === true;
    return [
      {
        id: `gift:${charge.id}`,
        kind: 'gift',
        occurredAt: new Date(charge.created * 1000).toISOString(),
        amount: charge.amount,
        currency: currencyOf(charge.currency),
        settlement: settlementOf(balance),
        stripe: {
          chargeId: charge.id,
          paymentIntentId: intent.id,
          ...(idOf(intent.customer) ? { customerId: idOf(intent.customer) } : {}),
          ...(extra.checkoutSessionId ? { checkoutSessionId: extra.checkoutSessionId } : {}),
          ...(extra.invoiceId ? { invoiceId: extra.invoiceId } : {}),
          ...(extra.subscriptionId ? { subscriptionId: extra.subscriptionId } : {}),
        },
        // A customer deleted since (erasure on request) keeps no donor data here, whatever the
        // charge still says: a late or repeated event must not bring the name and address back.
        ...(erased ? withoutDonor(fromMetadata(metadata)) : fromMetadata(metadata)),
        donor: erased ? {} : { ...(charge.billing_details.name ? { name: charge.billing_details.name } : {}), ...((charge.billing_details.email ?? charge.receipt_email) ? { email: (charge.billing_details.email ?? charge.receipt_email)! } : {}) },
      },
    ];
  }

  /** A paid invoice of a monthly gift → one gift per payment, with the subscription's metadata. */
  private async giftsFromInvoice(id: string): Promise<Fact[]> {
    const invoice = await this.stripe.invoices.retrieve(id, { expand: ['payments'] });
    const details = invoice.parent?.subscription_details;
    if (!details || details.metadata?.source !== SOURCE) return [];
    const subscriptionId = idOf(details.subscription);
    const gifts: Fact[] = [];
    for (const payment of invoice.payments?.data ?? []) {
      const intent = idOf(payment.payment.payment_intent);
      if (intent) gifts.push(...(await this.giftsFromPaymentIntent(intent, { metadata: details.metadata, invoiceId: invoice.id, ...(subscriptionId ? { subscriptionId } : {}) })));
    }
    return gifts;
  }

  /** The gift first (it may not be recorded yet), then one entry per succeeded refund. */
  private async refundsOfCharge(id: string): Promise<Fact[]> {
    const charge = await this.stripe.charges.retrieve(id, { expand: ['refunds.data.balance_transaction'] });
    const intent = idOf(charge.payment_intent);
    const gift = intent ? await this.giftsFromPaymentIntent(intent) : [];
    const refunds = (charge.refunds?.data ?? []).filter((refund) => refund.status === 'succeeded');
    return [
      ...gift,
      ...refunds.map((refund): Fact => {
        const balance = refund.balance_transaction as Stripe.BalanceTransaction;
        return {
          ...placeholderDetails(),
          id: `refund:${refund.id}`,
          kind: 'refund',
          occurredAt: new Date(refund.created * 1000).toISOString(),
          amount: -refund.amount,
          currency: currencyOf(refund.currency),
          settlement: settlementOf(balance),
          stripe: { chargeId: charge.id, refundId: refund.id, ...(intent ? { paymentIntentId: intent } : {}) },
        };
      }),
    ];
  }

  /** A dispute takes the money back (with a fee); winning it reinstates the money. */
  private async disputeEntries(id: string): Promise<Fact[]> {
    const dispute = await this.stripe.disputes.retrieve(id);
    const chargeId = idOf(dispute.charge)!;
    return dispute.balance_transactions.map((balance): Fact => ({
      ...placeholderDetails(),
      id: `${balance.amount < 0 ? 'dispute' : 'dispute_reversal'}:${dispute.id}`,
      kind: balance.amount < 0 ? 'dispute' : 'dispute_reversal',
      occurredAt: new Date(balance.created * 1000).toISOString(),
      amount: balance.amount < 0 ? -dispute.amount : dispute.amount,
      currency: currencyOf(dispute.currency),
      settlement: settlementOf(balance),
      stripe: { chargeId, disputeId: dispute.id },
    }));
  }
}

const settlementOf = (balance: Stripe.BalanceTransaction): LedgerEntry['settlement'] => ({
  amount: balance.amount,
  fee: balance.fee,
  net: balance.net,
  currency: balance.currency,
  exchangeRate: balance.exchange_rate,
  balanceTransactionId: balance.id,
});

function currencyOf(code: string): LedgerEntry['currency'] {
  if (!isCurrency(code)) throw new AppError('validation_failed', `Stripe reported a currency this platform does not take: ${code}.`);
  return code;
}

/** The gift's own metadata, as the donate page set it; unknown values fall back safely. */
function fromMetadata(metadata: Stripe.Metadata): Pick<LedgerEntry, 'campaignYear' | 'donorCategory' | 'earmark' | 'frequency' | 'language' | 'anonymous' | 'displayName' | 'dedication'> {
  const year = Number(metadata.campaignYear);
  const category = metadata.donorCategory as DonorCategory;
  const language = metadata.language ?? 'en';
  return {
    ...(Number.isInteger(year) && year > 2000 ? { campaignYear: year } : {}),
    donorCategory: DONOR_CATEGORIES.includes(category) ? category : 'individual',
    ...(metadata.earmark ? { earmark: metadata.earmark } : {}),
    frequency: metadata.frequency === 'monthly' ? 'monthly' : 'once',
    language: isLanguage(language) ? language : 'en',
    anonymous: metadata.anonymous !== 'false',
    ...(metadata.displayName ? { displayName: metadata.displayName } : {}),
    ...(metadata.dedication ? { dedication: metadata.dedication } : {}),
  };
}

/** The gift's details without what names the donor: their name on the donor list and a dedication. */
function withoutDonor<T extends { displayName?: string; dedication?: string; anonymous: boolean }>(details: T): Omit<T, 'displayName' | 'dedication'> {
  const { displayName: _name, dedication: _dedication, ...rest } = details;
  return { ...rest, anonymous: true };
}

/** Refunds and disputes take their gift's details when recorded (domain: withGiftDetails). */
const placeholderDetails = () => ({ donorCategory: 'individual' as const, frequency: 'once' as const, language: 'en' as const, anonymous: true });
