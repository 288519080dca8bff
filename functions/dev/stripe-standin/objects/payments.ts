import type Stripe from 'stripe';
import { nowSeconds, stripeId } from '../ids.js';
import type { TestCard } from '../cards.js';

const DAY = 86_400;

export function newCustomer(email: string | null, name: string | null): Stripe.Customer {
  return {
    id: stripeId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email,
    invoice_prefix: stripeId('', 8).slice(1).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export function newPaymentIntent(input: {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  receiptEmail: string | null;
}): Stripe.PaymentIntent {
  const id = stripeId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${stripeId('', 24).slice(1)}`,
    confirmation_method: 'automatic',
    created: nowSeconds(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

export interface CardDetails {
  card: TestCard;
  expMonth: number;
  expYear: number;
  name: string | null;
  email: string | null;
}

export function newCharge(intent: Stripe.PaymentIntent, details: CardDetails, paymentMethod: string): Stripe.Charge {
  const { card } = details;
  const paid = card.outcome === 'success';
  const id = stripeId('ch');
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: paid ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: null, email: details.email, name: details.name, phone: null, tax_id: null },
    calculated_statement_descriptor: 'BLUE HEART LOCAL',
    captured: paid,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: paid ? null : card.code,
    failure_message: paid ? null : card.message,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: null,
    outcome: {
      advice_code: paid ? null : 'try_again_later',
      network_advice_code: null,
      network_decline_code: null,
      network_status: paid ? 'approved_by_network' : 'declined_by_network',
      reason: paid ? null : card.declineCode,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: paid ? 'Payment complete.' : 'The bank did not return any further details with this decline.',
      type: paid ? 'authorized' : 'issuer_declined',
    },
    paid,
    payment_intent: intent.id,
    payment_method: paymentMethod,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: paid ? intent.amount : null,
        authorization_code: paid ? String(100000 + Math.floor(Math.random() * 900000)) : null,
        brand: 'visa',
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
        country: 'US',
        exp_month: details.expMonth,
        exp_year: details.expYear,
        electronic_commerce_indicator: null,
        fingerprint: card.fingerprint,
        funding: 'credit',
        installments: null,
        last4: card.number.slice(-4),
        mandate: null,
        network: 'visa',
        network_transaction_id: paid ? String(Date.now()) : null,
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: paid ? `https://pay.stripe.com/receipts/local/${id}` : null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: paid ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}

/**
 * Like a Stripe account in the US, the stand-in settles everything in USD: a charge in another
 * currency gets a balance transaction in USD at a fixed demo rate (`exchange_rate`), as Stripe
 * converts at its own rate. Rates are per major unit (1 EUR = 1.08 USD).
 */
export const SETTLEMENT_CURRENCY = 'usd';
const DEMO_RATES: Record<string, number> = { usd: 1, eur: 1.08, gbp: 1.27, chf: 1.12, jpy: 0.0066, mxn: 0.055 };
const ZERO_DECIMAL = new Set(['jpy']);

function toSettlement(amount: number, currency: string): { amount: number; rate: number | null } {
  if (currency === SETTLEMENT_CURRENCY) return { amount, rate: null };
  const rate = DEMO_RATES[currency] ?? 1;
  // Minor units to cents: a zero-decimal currency's unit is a whole yen.
  return { amount: Math.round(amount * rate * (ZERO_DECIMAL.has(currency) ? 100 : 1)), rate };
}

export function newBalanceTransaction(input: {
  amount: number;
  fee: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string;
  description: string | null;
  feeDescription?: string;
  /** Days until the funds are available: 2 for charges in this stand-in, 0 for debits. */
  availableInDays: number;
}): Stripe.BalanceTransaction {
  const created = nowSeconds();
  const settled = toSettlement(input.amount, input.currency);
  const fee = toSettlement(input.fee, input.currency).amount;
  const currency = SETTLEMENT_CURRENCY;
  return {
    id: stripeId('txn'),
    object: 'balance_transaction',
    amount: settled.amount,
    available_on: created + input.availableInDays * DAY,
    balance_type: 'payments',
    created,
    currency,
    description: input.description,
    exchange_rate: settled.rate,
    fee,
    fee_details:
      fee === 0
        ? []
        : [{ amount: fee, application: null, currency, description: input.feeDescription ?? 'Stripe processing fees', type: 'stripe_fee' }],
    net: settled.amount - fee,
    reporting_category: input.reportingCategory,
    source: input.source,
    status: input.availableInDays === 0 ? 'available' : 'pending',
    type: input.type,
  };
}
