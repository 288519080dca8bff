import type { Clock } from '../shared/clock.js';
import { assertAmountAllowed } from './currencies.js';
import type { DonationIntent } from './donation.js';
import type { PaymentGateway } from './ports.js';

export interface DonationDeps {
  gateway: PaymentGateway;
  clock: Clock;
  publicUrl: string;
}

/** What every payment page says the gift is for. */
export const FUND_DESCRIPTION =
  'UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children: direct humanitarian, legal and financial aid to victims through NGO partners.';

/**
 * A donor chose an amount and continues to the hosted payment page. The idempotency key (one per
 * form) means a double click or a retried request gets the same session, never two.
 */
export async function startCheckout(deps: DonationDeps, intent: DonationIntent, idempotencyKey: string): Promise<{ url: string }> {
  assertAmountAllowed(intent.amount, intent.currency);
  const { url } = await deps.gateway.createCheckout(
    {
      ...intent,
      successUrl: `${deps.publicUrl}/${intent.language}/donate/thanks/?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${deps.publicUrl}/${intent.language}/donate/`,
      description: FUND_DESCRIPTION,
    },
    idempotencyKey,
  );
  return { url };
}
