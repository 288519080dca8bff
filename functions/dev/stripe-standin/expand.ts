import type Stripe from 'stripe';
import { StripeStandinError } from './errors.js';
import type { StandinState } from './state.js';

type Json = { [key: string]: unknown };

/**
 * `expand[]` as Stripe reads it (https://docs.stripe.com/expand): dotted paths, up to four
 * levels, each step replacing an id with the object it names. Lists are walked through `data`.
 * Some properties exist only when expanded (`charge.refunds`, `invoice.payments`).
 */
export function expand<T>(value: T, paths: string[], state: StandinState): T {
  let result = structuredClone(value) as unknown as Json;
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4) throw invalidExpand(path, 'You cannot expand more than 4 levels of a property.');
    result = walk(result, parts, path, state) as Json;
  }
  return result as T;
}

function walk(node: unknown, parts: string[], path: string, state: StandinState): unknown {
  if (parts.length === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => walk(item, parts, path, state));
  const [head, ...rest] = parts as [string, ...string[]];
  const object = node as Json;
  let field = object[head];
  if (field === undefined) field = virtual(object, head, state);
  if (field === undefined) throw invalidExpand(path, `This property cannot be expanded (${head}).`);
  if (typeof field === 'string') {
    const found = state.lookup(field);
    if (!found) throw invalidExpand(path, `This property cannot be expanded (${head}).`);
    field = structuredClone(found);
  }
  object[head] = walk(field, rest, path, state);
  return object;
}

/** Properties Stripe includes only on request. */
function virtual(object: Json, property: string, state: StandinState): unknown {
  if (object.object === 'charge' && property === 'refunds') {
    const refunds = [...state.refunds.values()].filter((refund) => refund.charge === object.id).reverse();
    return list(refunds, `/v1/charges/${String(object.id)}/refunds`);
  }
  if (object.object === 'invoice' && property === 'payments') {
    const payments = [...state.invoicePayments.values()].filter((payment) => payment.invoice === object.id);
    return list(payments, `/v1/invoice_payments`);
  }
  return undefined;
}

export function list<T>(data: T[], url: string, hasMore = false): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

/** Stripe's cursor pagination, newest first: `limit` (1–100, default 10), `starting_after`, `ending_before`. */
export function paginate<T extends { id: string }>(
  items: T[],
  query: { limit?: unknown; starting_after?: unknown; ending_before?: unknown },
  url: string,
): Stripe.ApiList<T> {
  const newestFirst = [...items].reverse();
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new StripeStandinError(400, 'invalid_request_error', 'This value must be greater than or equal to 1 and less than or equal to 100.', { code: 'parameter_invalid_integer', param: 'limit' });
  }
  let start = 0;
  let end = newestFirst.length;
  if (typeof query.starting_after === 'string') {
    const index = newestFirst.findIndex((item) => item.id === query.starting_after);
    if (index === -1) throw new StripeStandinError(404, 'invalid_request_error', `No such object: '${query.starting_after}'`, { code: 'resource_missing', param: 'starting_after' });
    start = index + 1;
  } else if (typeof query.ending_before === 'string') {
    const index = newestFirst.findIndex((item) => item.id === query.ending_before);
    if (index === -1) throw new StripeStandinError(404, 'invalid_request_error', `No such object: '${query.ending_before}'`, { code: 'resource_missing', param: 'ending_before' });
    end = index;
    start = Math.max(0, end - limit);
  }
  const page = newestFirst.slice(start, Math.min(end, start + limit));
  return list(page, url, start + page.length < end);
}

const invalidExpand = (path: string, message: string) =>
  new StripeStandinError(400, 'invalid_request_error', message, { code: 'parameter_invalid', param: `expand[${path}]` });
