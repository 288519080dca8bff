import { randomUUID } from 'node:crypto';
import type { Pledge } from '../domain/pledges/pledge.js';
import { isCounted } from '../domain/pledges/pledge.js';
import { updatePledge, type PledgeDeps } from '../domain/pledges/pledge-service.js';
import type { Language } from '../domain/shared/languages.js';
import { HOUR_MS } from '../domain/shared/clock.js';
import type { CampaignRepository } from '../domain/campaigns/ports.js';
import { worldDayCampaigns } from '../domain/campaigns/world-days.js';

/** The World Days 2014–2018 (the archive) and the 2026 campaign, published, as if by a manager. */
export async function seedCampaigns(repository: CampaignRepository, now: Date): Promise<number> {
  const campaigns = worldDayCampaigns(now.toISOString());
  await Promise.all(
    campaigns.map((live) =>
      repository.save(undefined, { year: live.year, draft: { ...live, status: 'draft' }, live, version: 1 }, {
        id: randomUUID(), year: live.year, version: 1, at: now.toISOString(), by: 'seed', action: 'publish', snapshot: live,
      }),
    ),
  );
  return campaigns.length;
}

/** Where demo pledgers come from: weights loosely follow where the campaign is active. */
const COUNTRIES: Array<[country: string, weight: number, language: Language]> = [
  ['MX', 18, 'es'], ['US', 12, 'en'], ['ES', 8, 'es'], ['FR', 7, 'fr'], ['BR', 7, 'pt'], ['CO', 5, 'es'],
  ['EC', 5, 'es'], ['GB', 5, 'en'], ['AT', 4, 'en'], ['EG', 4, 'ar'], ['MA', 3, 'ar'], ['JO', 3, 'ar'],
  ['NG', 3, 'en'], ['IN', 3, 'en'], ['CN', 3, 'zh'], ['RU', 2, 'ru'], ['PT', 2, 'pt'], ['AR', 2, 'es'],
  ['CA', 2, 'fr'], ['KE', 2, 'en'], ['PH', 2, 'en'], ['TH', 1, 'en'], ['UA', 1, 'ru'], ['SN', 1, 'fr'],
];
const FIRST_NAMES = ['Ana', 'Luis', 'Amina', 'Chen', 'Olga', 'Marie', 'João', 'Fatima', 'Kwame', 'Priya', 'Sofia', 'Omar', 'Lucía', 'Ivan', 'Grace', 'Mei', 'Youssef', 'Camille', 'Diego', 'Aisha'];

/** A deterministic pseudo-random sequence, so every seeded platform looks the same. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Demo data for `npm start`: confirmed pledges across countries over the last three days,
 * some on the wall, some in the #AQUIESTOY chapter, and a burst of suspect pledges from one
 * IP for the review screen. Written through the same store the API uses.
 */
export async function seedDemoPledges(deps: PledgeDeps, count = 320): Promise<{ confirmed: number; suspect: number }> {
  const random = sequence(2026);
  const totalWeight = COUNTRIES.reduce((sum, [, weight]) => sum + weight, 0);
  const pick = () => {
    let r = random() * totalWeight;
    for (const entry of COUNTRIES) if ((r -= entry[1]) < 0) return entry;
    return COUNTRIES[0]!;
  };
  const now = deps.clock.now().getTime();
  const pledges: Pledge[] = [];
  for (let i = 0; i < count; i++) {
    const [country, , language] = pick();
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} Demo`;
    const email = `demo-${i}@example.org`;
    const createdAt = new Date(now - random() * 72 * HOUR_MS).toISOString();
    pledges.push({
      id: randomUUID(), status: 'pending', review: 'ok', counted: false, suspectReasons: [], country, language,
      chapter: (country === 'MX' || country === 'EC') && random() < 0.6 ? 'aquiestoy' : undefined,
      showOnWall: random() < 0.4, hiddenFromWall: false, wantsUpdates: random() < 0.5, name, email,
      emailHash: deps.hasher.email(email), emailDomain: 'example.org', ipHash: deps.hasher.ip(`198.51.100.${i % 250}`),
      createdAt, version: 1,
    });
  }
  const suspects: Pledge[] = Array.from({ length: 12 }, (_, i) => ({
    ...pledges[i]!, id: randomUUID(), email: `burst-${i}@example.net`, emailHash: deps.hasher.email(`burst-${i}@example.net`),
    emailDomain: 'example.net', ipHash: deps.hasher.ip('203.0.113.7'), review: 'suspect' as const,
    suspectReasons: ['ip-burst'], showOnWall: false, createdAt: new Date(now - 2 * HOUR_MS + i * 1000).toISOString(),
  }));
  const all = [...pledges, ...suspects];
  for (let start = 0; start < all.length; start += 25) {
    await Promise.all(
      all.slice(start, start + 25).map(async (pledge) => {
        await deps.store.create(pledge);
        const confirmedAt = new Date(new Date(pledge.createdAt).getTime() + 10 * 60_000).toISOString();
        await updatePledge(deps.store, pledge.id, (current) => {
          const next: Pledge = { ...current, status: 'confirmed', confirmedAt };
          return { ...next, counted: isCounted(next) };
        });
      }),
    );
  }
  return { confirmed: pledges.length, suspect: suspects.length };
}
