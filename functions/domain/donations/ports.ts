import type { DonationIntent } from './donation.js';
import type { LedgerEntry } from './ledger.js';

export interface CheckoutRequest extends DonationIntent {
  successUrl: string;
  cancelUrl: string;
  /** The fund's name and what the gift supports, shown on the payment page. */
  description: string;
}

/** A verified payment-provider event, reduced to what the platform needs. */
export interface PaymentEvent {
  id: string;
  type: string;
  /** The id of the object the event is about (a session, an invoice, a charge, a dispute). */
  objectId: string;
}

/**
 * The payment provider (Stripe): checkout, and the truth about what happened. Handlers trust an
 * event only for its ids and re-read the objects, so order and duplicates do not matter.
 */
export interface PaymentGateway {
  createCheckout(request: CheckoutRequest, idempotencyKey: string): Promise<{ id: string; url: string }>;
  /** Verifies the signature over the raw body; an `invalid_token` AppError when it does not hold. */
  verifyEvent(rawBody: string, signature: string | undefined): Promise<PaymentEvent>;
  /** A page where a monthly donor changes or cancels the gift (Stripe's customer portal). */
  portalUrl(customerId: string, returnUrl: string): Promise<string>;
  /** The ledger entries an event implies, read fresh from the provider (empty for unrelated events). */
  entriesFor(event: PaymentEvent): Promise<Array<Omit<LedgerEntry, 'receiptNumber' | 'receiptSentAt'>>>;
  /**
   * Erasure: the provider forgets a customer's personal data (name, email, address, payment
   * methods) and ends their recurring gifts. `gone` when it was deleted before; safe to repeat.
   */
  deleteCustomer(customerId: string): Promise<'deleted' | 'gone'>;
}

/** Which provider events were fully processed: a redelivery is answered at once. */
export interface ProcessedEvents {
  has(eventId: string): Promise<boolean>;
  remember(eventId: string, at: Date): Promise<void>;
}
