import { FUND_DESCRIPTION } from '../domain/donations/start-checkout.js';
import type { StripeStandin } from './stripe-standin/index.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const GIFTS = 40;

/** A deterministic pseudo-random sequence (as in seed.ts), so every seeded platform looks the same. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Currencies the donate page takes (they settle in USD in the stand-in), their usual gifts and the donors' languages. */
const CURRENCIES: Array<{ currency: string; weight: number; amounts: number[]; languages: string[] }> = [
  { currency: 'usd', weight: 10, amounts: [2_500, 5_000, 10_000, 25_000], languages: ['en', 'en', 'es'] },
  { currency: 'eur', weight: 8, amounts: [2_500, 5_000, 10_000, 25_000], languages: ['fr', 'es', 'en', 'pt'] },
  { currency: 'gbp', weight: 4, amounts: [2_000, 4_000, 8_000, 20_000], languages: ['en'] },
  { currency: 'chf', weight: 3, amounts: [2_500, 5_000, 10_000, 25_000], languages: ['fr', 'en'] },
  { currency: 'jpy', weight: 2, amounts: [3_000, 5_000, 10_000, 30_000], languages: ['en', 'zh'] },
  { currency: 'mxn', weight: 5, amounts: [50_000, 100_000, 200_000, 500_000], languages: ['es'] },
];

/** Donor categories, how often they give, and how much more than an individual. */
const CATEGORIES: Array<{ category: string; weight: number; scale: number }> = [
  { category: 'individual', weight: 26, scale: 1 },
  { category: 'private-sector', weight: 7, scale: 4 },
  { category: 'foundation', weight: 4, scale: 10 },
  { category: 'government', weight: 3, scale: 40 },
];

const PEOPLE = ['Ana López', 'Luis Ortega', 'Amina Diallo', 'Chen Wei', 'Olga Ivanova', 'Marie Dubois', 'João Silva', 'Fatima Haddad', 'Kwame Mensah', 'Priya Nair', 'Sofia Rossi', 'Omar Farouk', 'Grace Okafor', 'Camille Martin'];
const ORGANISATIONS: Record<string, string[]> = {
  'private-sector': ['Textiles Andinos S.A.', 'Northwind Logistics Ltd', 'Helvetia Hotels AG'],
  foundation: ['Fondation Lumière', 'Open Roads Foundation', 'Fundación Esperanza'],
  government: ['Ministry of Foreign Affairs', 'Federal Department of Justice', 'Office for Development Cooperation'],
};
const EARMARKS = ['small-grants', 'direct-assistance'];
const DEDICATIONS = ['In memory of my grandmother', 'For the survivors we met in Quito', 'With our staff, on World Day'];

interface PlannedGift {
  index: number;
  createdAt: Date;
  amount: number;
  currency: string;
  category: string;
  name: string;
  metadata: Record<string, string>;
}

/**
 * Demo gifts for `npm start`: 40 one-off gifts over the last `days` days (default 6) in every
 * currency the donate page takes, from individuals, companies, foundations and governments,
 * most for the 2026 campaign, some earmarked; one refunded a day later, and one whose webhook
 * never arrived (paid on Stripe, missing from the ledger: the discrepancy reconciliation finds).
 * Every delivered event reaches the app before Stripe's daily payouts are made (per UTC day,
 * with their `payout.*` events, delivered too). Deterministic for a given `now`.
 */
export async function seedDemoDonations(standin: StripeStandin, options: { now: Date; days?: number }): Promise<{ gifts: number; payouts: number; lostWebhooks: number }> {
  const days = options.days ?? 6;
  if (!(days > 0)) throw new Error(`seedDemoDonations needs a positive number of days, not ${days}`);
  const now = options.now.getTime();
  const random = sequence(2026);
  const pick = <T extends { weight: number }>(entries: T[]): T => {
    let r = random() * entries.reduce((sum, entry) => sum + entry.weight, 0);
    for (const entry of entries) if ((r -= entry.weight) < 0) return entry;
    return entries[0]!;
  };
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const planned: PlannedGift[] = [];
  for (let index = 0; index < GIFTS; index += 1) {
    const { currency, amounts, languages } = pick(CURRENCIES);
    const { category, scale } = pick(CATEGORIES);
    const amount = choose(amounts) * scale;
    const name = category === 'individual' ? PEOPLE[index % PEOPLE.length]! : choose(ORGANISATIONS[category]!);
    // Individuals are anonymous one time in three; organisations give under their name.
    const anonymous = category === 'individual' && random() < 0.35;
    const campaignYear = random() < 0.85 ? '2026' : '';
    const earmark = random() < 0.3 ? choose(EARMARKS) : '';
    const dedication = category === 'individual' && random() < 0.15 ? choose(DEDICATIONS) : '';
    // Evenly over the period (each gift in its own slot, at a random moment of it), the newest a minute ago at most.
    const slot = (days * DAY_MS - MINUTE_MS) / GIFTS;
    const createdAt = new Date(now - MINUTE_MS - Math.floor((GIFTS - 1 - index + random()) * slot));
    planned.push({
      index,
      createdAt,
      amount,
      currency,
      category,
      name,
      metadata: {
        source: 'blue-heart',
        campaignYear,
        donorCategory: category,
        anonymous: String(anonymous),
        displayName: anonymous ? '' : name,
        dedication,
        earmark,
        language: choose(languages),
        frequency: 'once',
      },
    });
  }
  planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  // The oldest individual gift is refunded; the oldest other gift's webhook is lost (both long since paid out).
  const refunded = planned.find((gift) => gift.category === 'individual') ?? planned[0]!;
  const lost = planned.find((gift) => gift !== refunded)!;

  let refundedCharge: string | undefined;
  for (const gift of planned) {
    const given = standin.giveDemoGift({
      amount: gift.amount,
      currency: gift.currency,
      email: `donor-${gift.index}@example.org`,
      name: gift.name,
      metadata: gift.metadata,
      description: FUND_DESCRIPTION,
      createdAt: gift.createdAt,
      silent: gift === lost,
    });
    if (gift === refunded) refundedCharge = given.charge.id;
  }
  // A day later, or halfway to now for a gift made less than two days ago.
  const refundAt = refunded.createdAt.getTime() + Math.min(DAY_MS, Math.floor((now - refunded.createdAt.getTime()) / 2));
  standin.refund(refundedCharge!, { reason: 'requested_by_customer', createdAt: new Date(refundAt) });

  await standin.deliverAll();
  const payouts = standin.createPayouts({ asOf: options.now, perDay: true });
  await standin.deliverAll();
  return { gifts: planned.length, payouts: payouts.length, lostWebhooks: 1 };
}
