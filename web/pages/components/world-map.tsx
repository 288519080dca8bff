import { countryName } from '../../../functions/domain/shared/countries.js';
import { formatNumber, translate } from '../../i18n/index.js';
import { worldGeometry } from '../../map/world-geometry.js';
import { SHADE_COUNT, shadeFor, shadeRange, topCountries } from '../../site/shades.js';
import type { PageContext } from '../context.js';

/**
 * The world map of pledges: one `<path data-country="MX">` per country, titled with its name in
 * the page language. The build shades it from the snapshot when there is one; the browser
 * re-shades it (`shade-0` … `shade-5`) whenever the figures change. The table of top countries
 * carries the same figures for people who cannot see the map, and without JavaScript.
 */
export function WorldMap({ ctx }: { ctx: PageContext }) {
  const { lang, t, stats } = ctx;
  const geometry = worldGeometry();
  const byCountry = stats?.byCountry ?? {};
  return (
    <section class="map-section" aria-labelledby="map-heading">
      <h2 id="map-heading">{t.home.mapHeading}</h2>
      <div class="map-layout">
        <figure class="world-map">
          <svg
            class="map-svg"
            viewBox={`0 0 ${geometry.width} ${geometry.height}`}
            role="img"
            aria-labelledby="map-label"
            focusable="false"
            data-world-map
          >
            <title id="map-label">{t.home.mapLabel}</title>
            {geometry.shapes.map((shape) =>
              shape.code ? (
                <path d={shape.d} data-country={shape.code} class={`shade-${shadeFor(byCountry[shape.code] ?? 0)}`}>
                  <title>{countryName(shape.code, lang)}</title>
                </path>
              ) : (
                <path d={shape.d} class="map-unassigned" />
              ),
            )}
          </svg>
          <figcaption class="map-legend">
            <span class="map-legend-title">{t.home.legendHeading}</span>
            <ul>
              {Array.from({ length: SHADE_COUNT }, (_, shade) => (
                <li>
                  <span class={`swatch shade-${shade}`} aria-hidden="true"></span>
                  {legendLabel(ctx, shade)}
                </li>
              ))}
            </ul>
          </figcaption>
        </figure>
        <TopCountries ctx={ctx} />
      </div>
    </section>
  );
}

function legendLabel({ lang, t }: PageContext, shade: number): string {
  const { from, to } = shadeRange(shade);
  if (to === undefined) return translate(lang, t.home.legendAtLeast, { value: formatNumber(lang, from) });
  if (from === to) return formatNumber(lang, from);
  return new Intl.NumberFormat(lang).formatRange(from, to);
}

/** Hidden until there is something to list; the browser script fills and shows it too. */
function TopCountries({ ctx }: { ctx: PageContext }) {
  const { lang, t, stats } = ctx;
  const rows = topCountries(stats?.byCountry ?? {});
  return (
    <div class="top-countries" data-top-countries hidden={rows.length === 0}>
      <table>
        <caption>{t.home.topCountriesHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.home.countryColumn}</th>
            <th scope="col" class="numeric">
              {t.home.pledgesColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([code, count]) => (
            <tr>
              <th scope="row">{countryName(code, lang)}</th>
              <td class="numeric">{formatNumber(lang, count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
