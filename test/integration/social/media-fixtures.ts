/** Media kit fixtures for the social tests: what a campaign draft holds, as the admin API takes it. */

/** The 2026 campaign's media kit: a small image (text alternative in English and Spanish), a large one, a PDF. */
export const MEDIA_KIT = [
  { id: 'heart-1', kind: 'image', file: 'blue-heart-1a2b.png', contentType: 'image/png', bytes: 180_000, title: { en: 'Blue Heart' }, alt: { en: 'A blue heart held in two hands', es: 'Un corazón azul entre dos manos' } },
  { id: 'poster-2', kind: 'image', file: 'poster-3c4d.png', contentType: 'image/png', bytes: 1_400_000, title: { en: 'Poster' }, alt: { en: 'The World Day poster' } },
  { id: 'guide-3', kind: 'pdf', file: 'guide-5e6f.pdf', contentType: 'application/pdf', bytes: 90_000, title: { en: 'Guide' } },
];

export const campaignWithKit = (mediaKit: unknown[] = MEDIA_KIT) => ({
  summary: { en: 'Every victim deserves protection.' },
  keyMessages: [],
  callsToAction: [],
  hashtags: ['#EndHumanTrafficking'],
  links: [],
  partners: [],
  mediaKit,
});
