import type { Campaign } from './campaign.js';
import { worldDayOf } from './campaign.js';

const ALWAYS = ['#EndHumanTrafficking', '#HumanTrafficking'];

/**
 * The World Days so far, for the archive and for demo data. Themes are UNODC's (adopted from
 * 2016; 2014 and 2015 had none), in English only until managers enter the official
 * translations. 2026 has no theme yet: managers enter it; it is published so the local site
 * has a current campaign to show.
 */
export function worldDayCampaigns(updatedAt: string): Campaign[] {
  type Fields = Pick<Campaign, 'summary' | 'keyMessages' | 'hashtags'> & Partial<Campaign>;
  const campaign = (year: number, fields: Fields): Campaign => ({
    year, day: worldDayOf(year), status: 'published', updatedAt, callsToAction: [], links: [], partners: [], mediaKit: [], ...fields,
  });
  return [
    campaign(2014, {
      summary: { en: 'The first World Day against Trafficking in Persons, set by General Assembly resolution 68/192.' },
      keyMessages: [{ en: 'Human trafficking is a crime that exploits women, men and children for many purposes.' }],
      hashtags: ALWAYS,
    }),
    campaign(2015, {
      summary: { en: 'The second World Day: a call to raise awareness of the situation of victims of human trafficking.' },
      keyMessages: [{ en: 'Victims need protection and assistance, and their rights must be respected.' }],
      hashtags: ALWAYS,
    }),
    campaign(2016, {
      theme: { en: 'Vulnerability to trafficking in persons' },
      summary: { en: 'Migrants who cannot reach their destination or have limited options are vulnerable to trafficking.' },
      keyMessages: [{ en: 'Refugees and migrants with few options are at risk of being exploited by traffickers.' }],
      hashtags: ALWAYS,
    }),
    campaign(2017, {
      theme: { en: 'Act to protect and assist trafficked persons' },
      summary: { en: 'Large mixed movements of refugees and migrants, conflict and natural disasters put people at risk of trafficking.' },
      keyMessages: [{ en: 'Protecting and assisting trafficked persons is a shared responsibility.' }],
      hashtags: [...ALWAYS, '#IGiveHope'],
    }),
    campaign(2018, {
      theme: { en: 'Responding to the trafficking of children and young people' },
      summary: { en: 'Almost one third of detected victims of trafficking are children (Global Report on Trafficking in Persons 2016).' },
      keyMessages: [{ en: 'Children and young people must be protected from traffickers, online and offline.' }],
      hashtags: [...ALWAYS, '#IGiveHope'],
    }),
    campaign(2026, {
      summary: {
        en: 'Stand with the victims of human trafficking on 30 July: take the Blue Heart pledge and share the campaign.',
        es: 'Ponte del lado de las víctimas de la trata de personas el 30 de julio: súmate al Corazón Azul y comparte la campaña.',
        fr: 'Le 30 juillet, soutenez les victimes de la traite des personnes : engagez-vous pour le Cœur bleu et partagez la campagne.',
        ar: 'قف إلى جانب ضحايا الاتجار بالبشر في 30 تموز/يوليو: قدّم تعهدك في حملة القلب الأزرق وشارك الحملة.',
      },
      keyMessages: [
        { en: 'Anyone can be a victim of human trafficking; no country is untouched.' },
        { en: 'Victims need protection, assistance and access to justice.' },
      ],
      hashtags: [...ALWAYS, '#IGiveHope'],
      callsToAction: [
        { text: { en: 'Take the Blue Heart pledge', es: 'Súmate al Corazón Azul', fr: 'Engagez-vous pour le Cœur bleu', ar: 'قدّم تعهدك في حملة القلب الأزرق' }, url: '/pledge/' },
      ],
      links: [
        { label: { en: 'UN Voluntary Trust Fund for Victims of Trafficking in Persons' }, url: 'https://www.unodc.org/unodc/en/human-trafficking-fund/' },
      ],
      partners: [{ name: 'UNODC', url: 'https://www.unodc.org' }],
      // Demo figures, after the 2017 World Day fundraiser that reached its US$ 50,000 target.
      fundraising: {
        target: { amount: 5_000_000, currency: 'usd' },
        endsAt: '2026-12-31T23:59:59Z',
        matcher: { name: 'Example Foundation (demo)', cap: { amount: 1_000_000, currency: 'usd' }, startsAt: '2026-07-01T00:00:00Z', endsAt: '2026-12-31T23:59:59Z' },
      },
    }),
  ];
}
