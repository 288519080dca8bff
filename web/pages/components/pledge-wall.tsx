import type { PageContext } from '../context.js';

/**
 * Recent pledgers who opted in. Filled by the browser from /api/pledges/wall with textContent
 * only (names are user text), so the section stays hidden without JavaScript.
 */
export function PledgeWall({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section class="wall" aria-labelledby="wall-heading" data-wall hidden>
      <h2 id="wall-heading">{t.home.wallHeading}</h2>
      <p class="wall-intro">{t.home.wallIntro}</p>
      <ul class="wall-list" data-wall-list></ul>
      <p class="wall-empty" data-wall-empty hidden>
        {t.home.wallEmpty}
      </p>
    </section>
  );
}
