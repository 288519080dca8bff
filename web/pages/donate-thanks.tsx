import { formatNumber, translate } from '../i18n/index.js';
import { PAGE_PATHS, pageHref } from '../site/paths.js';
import { HeartIcon } from './components/icons.js';
import { ShareLinks } from './components/share-links.js';
import { StatementSection } from './components/statement-form.js';
import type { PageContext } from './context.js';
import { GiftSupports, PEOPLE_SUPPORTED_A_YEAR } from './donate.js';
import { Layout } from './layout.js';

/**
 * `/{lang}/donate/thanks/`: where Stripe's checkout returns the donor (`?session_id=…`, which
 * the page ignores: it is static and shows nothing about the gift). Not indexed. Offers the
 * year's statement (donate.js enhances that form).
 */
export function DonateThanksPage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const g = t.givingThanks;
  return (
    <Layout ctx={ctx} title={g.title} path={PAGE_PATHS.donateThanks} scripts={['donate']} private>
      <div class="container narrow page">
        <div class="panel panel-success">
          <HeartIcon class="panel-mark" />
          <h1>{g.title}</h1>
          <p class="lead">{g.text}</p>
          <p>{g.receipt}</p>
        </div>
        <GiftSupports ctx={ctx} heading={g.supportsHeading} />
        <p class="figure-callout">{translate(lang, t.donate.reach, { count: formatNumber(lang, PEOPLE_SUPPORTED_A_YEAR) })}</p>
        <ShareLinks ctx={ctx} text={g.shareText} path={PAGE_PATHS.donate} />
        <StatementSection ctx={ctx} />
        <p class="thanks-links">
          <a href={pageHref(lang)}>{g.homeLink}</a>
          <a href={pageHref(lang, PAGE_PATHS.donate)}>{g.donateAgain}</a>
        </p>
      </div>
    </Layout>
  );
}
