import type Stripe from 'stripe';
import { StripeStandinError, invalid, missing, notFound } from '../errors.js';
import type { FormObject } from '../form.js';
import { nowSeconds } from '../ids.js';
import { newCheckoutSession } from '../objects/checkout-session.js';
import { allowOnly, hash, int, isUrl, metadata, requiredStr, str } from '../params.js';
import type { SessionRequest } from '../state.js';
import type { Engine } from './context.js';

const SESSION_PARAMS = [
  'mode', 'line_items', 'success_url', 'cancel_url', 'customer', 'customer_email', 'client_reference_id', 'metadata',
  'payment_intent_data', 'subscription_data', 'locale', 'expand', 'payment_method_types', 'submit_type', 'ui_mode', 'customer_creation',
] as const;

/** Checkout's own languages (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale). Arabic is not one. */
export const CHECKOUT_LOCALES = [
  'auto', 'bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'hr', 'hu', 'id', 'it', 'ja', 'ko',
  'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW',
];

/** Stripe's minimum charge per currency, in minor units (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, jpy: 50, sek: 300, nok: 300, dkk: 250 };

/** `POST /v1/checkout/sessions` for one-off and monthly gifts: inline `price_data` only. */
export function createCheckoutSession(engine: Engine, params: FormObject): Stripe.Checkout.Session {
  allowOnly(params, SESSION_PARAMS);
  const mode = requiredStr(params, 'mode');
  if (mode !== 'payment' && mode !== 'subscription') {
    throw invalid('mode', `Invalid mode: must be one of payment or subscription (the stand-in does not emulate setup mode).`);
  }
  const successUrl = requiredStr(params, 'success_url');
  if (!isUrl(successUrl)) throw invalid('success_url', 'Not a valid URL');
  const cancelUrl = str(params, 'cancel_url') ?? null;
  if (cancelUrl !== null && !isUrl(cancelUrl)) throw invalid('cancel_url', 'Not a valid URL');
  const locale = str(params, 'locale') ?? null;
  if (locale !== null && !CHECKOUT_LOCALES.includes(locale)) {
    throw invalid('locale', `Invalid locale: must be one of ${CHECKOUT_LOCALES.join(', ')}`);
  }
  const customer = str(params, 'customer') ?? null;
  if (customer !== null && !engine.state.customers.has(customer)) throw notFound('customer', customer, 'customer');
  const customerEmail = str(params, 'customer_email') ?? null;
  if (customer && customerEmail) throw invalid('customer_email', 'You may only specify one of these parameters: customer, customer_email.');

  const customerCreation = str(params, 'customer_creation') ?? null;
  if (customerCreation !== null && (mode !== 'payment' || !['always', 'if_required'].includes(customerCreation))) {
    throw invalid('customer_creation', '`customer_creation` can only be used in `payment` mode, as `always` or `if_required`.');
  }
  const item = lineItem(params, mode);
  const paymentIntentData = hash(params, 'payment_intent_data');
  allowOnly(paymentIntentData, ['metadata', 'description', 'receipt_email'], 'payment_intent_data');
  const subscriptionData = hash(params, 'subscription_data');
  allowOnly(subscriptionData, ['metadata', 'description'], 'subscription_data');
  if (mode === 'subscription' && params.payment_intent_data !== undefined) {
    throw invalid('payment_intent_data', 'You can not pass `payment_intent_data` in `subscription` mode.');
  }
  if (mode === 'payment' && params.subscription_data !== undefined) {
    throw invalid('subscription_data', 'You can not pass `subscription_data` in `payment` mode.');
  }

  const session = newCheckoutSession({
    mode,
    amount: item.amount,
    currency: item.currency,
    successUrl,
    cancelUrl,
    customer,
    customerEmail,
    clientReferenceId: str(params, 'client_reference_id') ?? null,
    metadata: metadata(params, 'metadata'),
    locale: locale as Stripe.Checkout.Session.Locale | null,
    pageBaseUrl: `${engine.publicBaseUrl}checkout/`,
  });
  const request: SessionRequest = {
    ...item,
    paymentIntentMetadata: metadata(paymentIntentData, 'metadata', 'payment_intent_data[metadata]'),
    ...(paymentIntentData.description !== undefined && { paymentIntentDescription: str(paymentIntentData, 'description', 'payment_intent_data[description]')! }),
    subscriptionMetadata: metadata(subscriptionData, 'metadata', 'subscription_data[metadata]'),
  };
  if (customerCreation) session.customer_creation = customerCreation as Stripe.Checkout.Session.CustomerCreation;
  engine.state.sessions.set(session.id, session);
  engine.state.sessionRequests.set(session.id, request);
  return session;
}

function lineItem(params: FormObject, mode: 'payment' | 'subscription'): Pick<SessionRequest, 'amount' | 'currency' | 'productName' | 'interval'> {
  const items = params.line_items;
  if (items === undefined) throw missing('line_items');
  if (!Array.isArray(items) || items.length !== 1 || typeof items[0] !== 'object' || Array.isArray(items[0])) {
    throw invalid('line_items', 'The stand-in takes exactly one line item: line_items[0][price_data]…');
  }
  const item = items[0] as FormObject;
  allowOnly(item, ['price_data', 'quantity', 'price'], 'line_items[0]');
  if (item.price !== undefined) throw invalid('line_items[0][price]', 'The stand-in supports inline line_items[0][price_data] only, not stored prices.');
  const quantity = int(item, 'quantity', 'line_items[0][quantity]');
  if (quantity === undefined) throw missing('line_items[0][quantity]');
  if (quantity < 1) throw invalid('line_items[0][quantity]', 'This value must be greater than or equal to 1.');
  const price = hash(item, 'price_data', 'line_items[0][price_data]');
  if (Object.keys(price).length === 0) throw missing('line_items[0][price_data]');
  allowOnly(price, ['currency', 'unit_amount', 'product_data', 'recurring', 'tax_behavior'], 'line_items[0][price_data]');
  const currency = requiredStr(price, 'currency', 'line_items[0][price_data][currency]').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalid('line_items[0][price_data][currency]', `Invalid currency: ${currency}.`);
  const unitAmount = int(price, 'unit_amount', 'line_items[0][price_data][unit_amount]');
  if (unitAmount === undefined) throw missing('line_items[0][price_data][unit_amount]');
  if (unitAmount < 0) throw invalid('line_items[0][price_data][unit_amount]', 'This value must be greater than or equal to 0.');
  const product = hash(price, 'product_data', 'line_items[0][price_data][product_data]');
  allowOnly(product, ['name', 'description', 'metadata'], 'line_items[0][price_data][product_data]');
  const productName = requiredStr(product, 'name', 'line_items[0][price_data][product_data][name]');
  const recurring = hash(price, 'recurring', 'line_items[0][price_data][recurring]');
  allowOnly(recurring, ['interval', 'interval_count'], 'line_items[0][price_data][recurring]');
  const interval = str(recurring, 'interval', 'line_items[0][price_data][recurring][interval]') ?? null;
  if (interval !== null && !['day', 'week', 'month', 'year'].includes(interval)) {
    throw invalid('line_items[0][price_data][recurring][interval]', `Invalid interval: must be one of day, week, month, or year`);
  }
  if (mode === 'subscription' && interval === null) throw invalid('line_items', 'You must provide at least one recurring price in `subscription` mode when using prices.');
  if (mode === 'payment' && interval !== null) {
    throw invalid('line_items', 'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.');
  }
  const amount = unitAmount * quantity;
  const minimum = MINIMUM[currency] ?? 50;
  if (amount < minimum) {
    throw new StripeStandinError(400, 'invalid_request_error', `The Checkout Session's total amount due must add up to at least ${minimum} ${currency} (in the currency's smallest unit).`, {
      code: 'amount_too_small',
      param: 'line_items[0][price_data][unit_amount]',
    });
  }
  return { amount, currency, productName, interval: interval as SessionRequest['interval'] };
}

export function requireOpenSession(engine: Engine, id: string): Stripe.Checkout.Session {
  const session = engine.state.sessions.get(id);
  if (!session) throw notFound('checkout.session', id);
  if (session.status === 'open' && session.expires_at < nowSeconds()) session.status = 'expired';
  return session;
}
