import { translate } from '../../i18n/index.js';
import { pageHref } from '../../site/paths.js';
import { absoluteUrl, type PageContext } from '../context.js';

const HASHTAGS = '#EndHumanTrafficking #HumanTrafficking';

/**
 * Plain share links: each network's own share URL, no SDK, nothing loaded from them until the
 * visitor clicks. Networks that share a URL only (Facebook, LinkedIn, Telegram) are listed only
 * when the build knows the public URL. `text` and `path` (below `/{lang}/`) default to the pledge's.
 */
export function ShareLinks({ ctx, text: shareText, path }: { ctx: PageContext; text?: string; path?: string }) {
  const { lang, t } = ctx;
  const message = shareText ?? t.thanks.shareText;
  const url = ctx.publicUrl ? absoluteUrl(ctx, pageHref(lang, path)) : undefined;
  const text = [message, url, HASHTAGS].filter(Boolean).join(' ');
  const q = encodeURIComponent;
  const links: { network: string; href: string }[] = [
    { network: 'X', href: `https://twitter.com/intent/tweet?text=${q(text)}` },
    ...(url ? [{ network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` }] : []),
    { network: 'WhatsApp', href: `https://wa.me/?text=${q(text)}` },
    ...(url
      ? [
          { network: 'Telegram', href: `https://t.me/share/url?url=${q(url)}&text=${q(`${message} ${HASHTAGS}`)}` },
          { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
        ]
      : []),
  ];
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t.thanks.shareHeading}</h2>
      <ul class="share-links">
        {links.map(({ network, href }) => (
          <li>
            <a class="button button-secondary" href={href} rel="noreferrer">
              {translate(lang, t.thanks.shareOn, { network })}
            </a>
          </li>
        ))}
        <li>
          <a class="button button-secondary" href={`mailto:?subject=${q(t.thanks.emailSubject)}&body=${q(text)}`}>
            {t.thanks.shareByEmail}
          </a>
        </li>
      </ul>
    </section>
  );
}
