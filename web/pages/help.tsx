import { HOTLINES, type Hotline } from '../../functions/domain/help/hotlines.js';
import { countryName } from '../../functions/domain/shared/countries.js';
import type { Language } from '../../functions/domain/shared/languages.js';
import { formatYearMonth, translate } from '../i18n/index.js';
import { PAGE_PATHS } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** A dialable `tel:` URI (RFC 3966) from a number as the operator prints it. */
export const telHref = (phone: string): string => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;

/** Countries with a hotline, in the page language's alphabetical order. */
function hotlinesByCountry(lang: Language): { code: string; name: string; hotlines: Hotline[] }[] {
  const collator = new Intl.Collator(lang);
  const codes = [...new Set(HOTLINES.map((h) => h.country))];
  return codes
    .map((code) => ({ code, name: countryName(code, lang), hotlines: HOTLINES.filter((h) => h.country === code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** `/{lang}/help/`: national hotlines, and the emergency number first of all. */
export function HelpPage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  return (
    <Layout ctx={ctx} title={t.help.title} path={PAGE_PATHS.help} current="help">
      <div class="container narrow page">
        <h1>{t.help.title}</h1>
        <p class="panel panel-urgent">
          <strong>{t.help.emergency}</strong>
        </p>
        <p class="lead">{t.help.intro}</p>
        <h2>{t.help.hotlinesHeading}</h2>
        <ul class="hotlines">
          {hotlinesByCountry(lang).map((country) => (
            <li class="hotline-country">
              <h3>{country.name}</h3>
              {country.hotlines.map((hotline) => (
                <div class="hotline">
                  <p class="hotline-name">{hotline.name}</p>
                  <p class="hotline-actions">
                    <a class="button button-primary" href={telHref(hotline.phone)}>
                      {t.help.call} <bdi dir="ltr">{hotline.phone}</bdi>
                    </a>
                    {hotline.text ? (
                      <a class="button button-secondary" href={`sms:${hotline.text}`}>
                        {t.help.text} <bdi dir="ltr">{hotline.text}</bdi>
                      </a>
                    ) : null}
                  </p>
                  <p class="hotline-meta">
                    {hotline.hours === '24/7' ? t.help.hours247 : hotline.hours}
                    {' · '}
                    <a href={hotline.url} rel="noreferrer">
                      {t.help.website}
                    </a>
                    {' · '}
                    {translate(lang, t.help.checked, { date: formatYearMonth(lang, hotline.checked) })}
                  </p>
                </div>
              ))}
            </li>
          ))}
        </ul>
        <p>{t.help.notListed}</p>
        <p class="note">{t.help.safety}</p>
      </div>
    </Layout>
  );
}
