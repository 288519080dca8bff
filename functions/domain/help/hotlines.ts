/**
 * Where to get help, per country. Kept as data so national partners can correct it in review.
 * Every entry was taken from the operator's public page; `checked` says when. Before a
 * deployment, the office that runs the site must re-check each number.
 */
export interface Hotline {
  country: string;
  name: string;
  phone: string;
  /** Text/SMS line where one exists. */
  text?: string;
  url: string;
  hours: string;
  checked: string;
}

export const HOTLINES: readonly Hotline[] = [
  { country: 'US', name: 'National Human Trafficking Hotline', phone: '1-888-373-7888', text: '233733', url: 'https://humantraffickinghotline.org', hours: '24/7', checked: '2026-11' },
  { country: 'CA', name: 'Canadian Human Trafficking Hotline', phone: '1-833-900-1010', url: 'https://www.canadianhumantraffickinghotline.ca', hours: '24/7', checked: '2026-11' },
  { country: 'GB', name: 'Modern Slavery & Exploitation Helpline', phone: '08000 121 700', url: 'https://www.modernslaveryhelpline.org', hours: '24/7', checked: '2026-11' },
  { country: 'MX', name: 'Línea Nacional contra la Trata de Personas', phone: '800 5533 000', url: 'https://www.consejociudadanomx.org', hours: '24/7', checked: '2026-11' },
  { country: 'ES', name: 'Policía Nacional – Trata de seres humanos', phone: '900 10 50 90', url: 'https://www.policia.es', hours: '24/7', checked: '2026-11' },
  { country: 'AU', name: 'Australian Federal Police', phone: '131 237', url: 'https://www.afp.gov.au', hours: '24/7', checked: '2026-11' },
];

/** Hotlines for a country; an empty list means "call your local emergency number". */
export const hotlinesFor = (country: string): Hotline[] => HOTLINES.filter((h) => h.country === country);
