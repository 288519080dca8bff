import type Stripe from 'stripe';
import { notFound } from '../errors.js';
import type { Engine, RequestContext } from './context.js';
import { cancelSubscription } from './subscriptions.js';

/**
 * `DELETE /v1/customers/:id`, as Stripe does it: the customer and its saved card are gone, its
 * subscriptions are cancelled at once (`customer.subscription.deleted` each, then
 * `customer.deleted`), and the answer is `{ id, object: 'customer', deleted: true }`. Retrieving
 * it afterwards answers the same stub; deleting it again is a 404 `resource_missing`. Charges,
 * refunds and balance transactions stay, as on Stripe.
 */
export function deleteCustomer(engine: Engine, id: string, context: RequestContext): Stripe.DeletedCustomer {
  const { state } = engine;
  const customer = state.customers.get(id);
  if (!customer) throw notFound('customer', id);
  for (const subscription of state.subscriptions.values()) {
    if (subscription.customer !== id) continue;
    if (subscription.status !== 'canceled') cancelSubscription(engine, subscription.id, context);
    state.subscriptionCards.delete(subscription.id);
  }
  state.customers.delete(id);
  state.deletedCustomers.add(id);
  engine.outbox.emit('customer.deleted', customer, context);
  return deletedStub(id);
}

export const deletedStub = (id: string): Stripe.DeletedCustomer => ({ id, object: 'customer', deleted: true });
