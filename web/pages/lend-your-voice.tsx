import type { Child } from 'hono/jsx';
import type { Campaign } from '../../functions/domain/campaigns/campaign.js';
import { LANGUAGES, LANGUAGE_NAMES } from '../../functions/domain/shared/languages.js';
import { NETWORK_NAMES } from '../../functions/domain/social/lend-emails.js';
import { PLATFORM_RULES } from '../../functions/domain/social/platform-rules.js';
import type { Platform } from '../../functions/domain/social/social.js';
import { translate } from '../i18n/index.js';
import { lendApi, lendPath, PAGE_PATHS, pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** The networks in the order the page offers them: those that post for the supporter first. */
export const LEND_PLATFORMS: readonly Platform[] = ['bluesky', 'mastodon', 'x', 'threads', 'linkedin', 'facebook'];

/** Where Bluesky supporters create an app password. */
export const BLUESKY_APP_PASSWORDS_URL = 'https://bsky.app/settings/app-passwords';

let zones: string[] | undefined;
/** Every IANA zone the runtime knows (the browser's own zone is chosen by the script). */
function timeZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
  return zones;
}

/** Which campaigns get a "Lend your voice" page: the current one and any published for later years. */
export function lendCampaigns(published: readonly Campaign[], current: Campaign | undefined): Campaign[] {
  if (!current) return [];
  return published.filter((campaign) => campaign.status === 'published' && campaign.year >= current.year);
}

/**
 * `/{lang}/campaigns/{year}/lend-your-voice/`: a supporter lends an account for the campaign's
 * coordinated message. The message is shown before they agree (the script asks the API for the
 * exact post as they choose the network, language and handle), so the form needs JavaScript:
 * without it, the page says so and shows no form. Bluesky and Mastodon post from the account
 * (an app password; for Mastodon, "Connect with Mastodon" (OAuth) first, an access token as the
 * advanced way); X, Threads, LinkedIn and Facebook take a share link by email.
 */
export function LendYourVoicePage({ ctx, campaign }: { ctx: PageContext; campaign: Campaign }) {
  const { lang, t } = ctx;
  const l = t.lend;
  const f = l.form;
  const year = campaign.year;
  const api = lendApi(year);
  const title = translate(lang, l.title, { year: String(year) });
  return (
    <Layout ctx={ctx} title={title} description={l.intro} path={lendPath(year)} current="campaigns" scripts={['lend']}>
      <div class="container narrow page lend-page">
        <h1>{title}</h1>
        <p class="lead">{l.intro}</p>
        <p class="lend-reach" data-lend-reach={api.reach} data-template={l.reach} data-template-delivered={l.reachDelivered} hidden></p>
        <section aria-labelledby="lend-how">
          <h2 id="lend-how">{l.howHeading}</h2>
          <ol>
            {l.how.map((step) => (
              <li>{step}</li>
            ))}
          </ol>
        </section>
        <noscript>
          <p class="lend-needs-js" role="note">
            {l.needsJs}
          </p>
        </noscript>
        <form
          class="pledge-form lend-form"
          data-lend-form
          data-year={String(year)}
          data-preview-url={api.preview}
          data-accounts-url={api.accounts}
          data-connect-url={api.mastodonConnect}
          data-error-generic={f.errorGeneric}
          data-error-rate-limited={f.errorRateLimited}
          aria-labelledby="lend-form-heading"
          novalidate
          hidden
        >
          <h2 id="lend-form-heading">{f.heading}</h2>
          <div class="error-summary" tabindex={-1} data-error-summary hidden>
            <h2 class="error-summary-title">{t.form.errorSummaryTitle}</h2>
            <ul data-error-list></ul>
          </div>

          <fieldset class="choices radio-choices" data-field="platform">
            <legend>{f.platform}</legend>
            <p class="field-error" id="lend-platform-error" data-message={f.fieldErrors.platform} hidden></p>
            {LEND_PLATFORMS.map((platform, index) => {
              const id = index === 0 ? 'lend-platform' : `lend-platform-${platform}`;
              const api = PLATFORM_RULES[platform].supporterPosting === 'api';
              return (
                <div class="checkbox radio">
                  <input id={id} name="platform" type="radio" value={platform} checked={index === 0} data-posting={api ? 'api' : 'share-link'} />
                  <label for={id}>
                    <span class="lend-network">{NETWORK_NAMES[platform]}</span> <span class="lend-posting">({api ? f.postsForYou : f.sharesByLink})</span>
                  </label>
                </div>
              );
            })}
          </fieldset>

          <Field name="handle" label={f.handle} error={f.fieldErrors.handle} hideIn="mastodon-connect" hints={[
            ['bluesky', f.handleHintBluesky],
            ['mastodon', f.handleHintMastodon],
            ['share-link', f.handleHintShare],
          ]}>
            <input id="lend-handle" name="handle" type="text" autocomplete="username" spellcheck={false} autocapitalize="none" maxlength={200} dir="ltr" />
          </Field>

          <Field name="server" label={f.server} optional={t.form.optional} error={f.fieldErrors.server} only="mastodon bluesky" hints={[
            ['bluesky', f.serverHintBluesky],
            ['mastodon-token', f.serverHintMastodon],
            ['mastodon-connect', f.serverHintConnect],
          ]}>
            <input id="lend-server" name="server" type="text" inputmode="url" autocomplete="off" spellcheck={false} autocapitalize="none" maxlength={200} dir="ltr" />
          </Field>

          <div class="field lend-advanced" data-only="mastodon" id="lend-useToken-field" hidden>
            <div class="checkbox">
              <input id="lend-useToken" name="useToken" type="checkbox" value="on" aria-describedby="lend-useToken-hint" />
              <label for="lend-useToken">{f.useToken}</label>
            </div>
            <p class="hint" id="lend-useToken-hint">
              {f.useTokenHint}
            </p>
          </div>

          <Field name="secret" label={f.secretBluesky} labels={{ bluesky: f.secretBluesky, mastodon: f.secretMastodon }} error={f.fieldErrors.secret} only="mastodon bluesky" hideIn="mastodon-connect" hints={[
            ['bluesky', f.secretBlueskyHint],
            ['mastodon', f.secretMastodonHint],
          ]}>
            <p class="hint lend-hint" data-for="bluesky">
              <a href={BLUESKY_APP_PASSWORDS_URL} rel="noreferrer" target="_blank">
                {f.secretBlueskyLink}
              </a>
            </p>
            <input id="lend-secret" name="secret" type="password" autocomplete="off" spellcheck={false} autocapitalize="none" maxlength={500} dir="ltr" />
          </Field>

          <Field name="email" label={f.email} optional={t.form.optional} error={f.fieldErrors.email} hints={[
            ['api', f.emailHint],
            ['share-link', f.emailHintShare],
          ]}>
            <input id="lend-email" name="email" type="email" autocomplete="email" spellcheck={false} maxlength={254} dir="ltr" />
          </Field>

          <Field name="language" label={f.language} error={f.fieldErrors.language} hints={[['all', f.languageHint]]}>
            <select id="lend-language" name="language">
              {LANGUAGES.map((l) => (
                <option value={l} lang={l} selected={l === lang}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </Field>

          <Field name="timeZone" label={f.timeZone} error={f.fieldErrors.timeZone} hints={[['all', f.timeZoneHint]]}>
            <select id="lend-timeZone" name="timeZone" dir="ltr">
              {timeZones().map((zone) => (
                <option value={zone} selected={zone === 'UTC'}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </Field>

          <section class="lend-preview" aria-labelledby="lend-preview-heading" data-lend-preview>
            <h3 id="lend-preview-heading">{f.previewHeading}</h3>
            <p class="lend-preview-status" role="status" data-preview-status data-loading={f.previewLoading} data-none={f.previewNone} data-no-wording={f.previewNoWording} data-error={f.previewError}>
              {f.previewLoading}
            </p>
            <div data-preview-body hidden>
              <p class="lend-hint" data-for="api">
                {f.previewIntro}
              </p>
              <p class="lend-hint" data-for="share-link" hidden>
                {f.previewIntroShare}
              </p>
              <blockquote class="lend-post" dir="auto" data-preview-text></blockquote>
              <p class="note" data-preview-fallback hidden>
                {f.previewFallback}
              </p>
              <p class="note" data-preview-when data-template={f.previewWhen} hidden></p>
            </div>
          </section>

          <div class="field" data-field="consent">
            <p class="field-error" id="lend-consent-error" data-message={f.fieldErrors.consent} hidden></p>
            <div class="checkbox">
              <input id="lend-consent" name="consent" type="checkbox" value="on" disabled />
              <label for="lend-consent">
                <span class="lend-hint" data-for="api">
                  {f.consent}
                </span>
                <span class="lend-hint" data-for="share-link" hidden>
                  {f.consentShare}
                </span>
              </label>
            </div>
          </div>

          <p class="privacy-note">
            {f.privacyNote} <a href={pageHref(lang, PAGE_PATHS.privacy)}>{t.form.privacyLink}</a>
          </p>
          {/* One action per way of lending; the script shows the one that applies (the first is the form's default). */}
          <button type="submit" class="button button-primary button-large" data-submit="lend" data-sending-label={f.sending}>
            {f.submit}
          </button>
          <button type="submit" class="button button-primary button-large" data-submit="connect" data-sending-label={f.connecting} hidden>
            {f.connect}
          </button>
          <div data-connect-errors hidden>
            {Object.entries({ ...f.connectErrors, 'no-message': f.previewNone, 'rate-limited': f.errorRateLimited }).map(([reason, text]) => (
              <p data-reason={reason}>{text}</p>
            ))}
          </div>
        </form>

        <section class="lend-done" tabindex={-1} aria-labelledby="lend-done-heading" data-lend-done hidden>
          <h2 id="lend-done-heading">{l.done.heading}</h2>
          <p class="lead" data-done-text data-api={l.done.textApi} data-share={l.done.textShare}></p>
          <p data-done-followers data-template={l.done.followers} hidden></p>
          <blockquote class="lend-post" dir="auto" data-done-post></blockquote>
          <h3>{l.done.revokeHeading}</h3>
          <p>{l.done.revokeText}</p>
          <p>
            <a class="button button-secondary" href="#" data-done-revoke>
              {l.done.revokeLink}
            </a>
          </p>
          <p class="note" data-done-emailed hidden>
            {l.done.emailed}
          </p>
          <p class="note" data-done-not-emailed hidden>
            {l.done.notEmailed}
          </p>
        </section>
      </div>
    </Layout>
  );
}

interface FieldProps {
  name: string;
  label: string;
  /** A label per network, where it differs (the secret: app password or access token). */
  labels?: Partial<Record<Platform, string>>;
  optional?: string;
  error: string;
  /** Hints, each for a network, for `api` or `share-link` networks, for a way of lending on Mastodon, or for `all`: the script shows the ones that apply. */
  hints: Array<[Platform | 'api' | 'share-link' | 'mastodon-connect' | 'mastodon-token' | 'all', string]>;
  /** The networks the field is for (space-separated); others hide it. */
  only?: string;
  /** A way of lending that does without the field (`mastodon-connect`: OAuth needs no handle or token). */
  hideIn?: string;
  children: Child;
}

function Field(props: FieldProps) {
  const id = `lend-${props.name}`;
  const hintIds = props.hints.map((_, i) => `${id}-hint-${i}`);
  return (
    <div class="field" data-field={props.name} data-only={props.only} data-hide-in={props.hideIn} id={`${id}-field`}>
      <label for={id}>
        {props.labels ? (
          Object.entries(props.labels).map(([platform, text], i) => (
            <span class="lend-hint" data-for={platform} hidden={i > 0}>
              {text}
            </span>
          ))
        ) : (
          props.label
        )}
        {props.optional ? (
          <span class="marker" data-optional-marker>
            {' '}({props.optional})
          </span>
        ) : null}
      </label>
      {props.hints.map(([target, text], i) => (
        <p class="hint lend-hint" id={hintIds[i]} data-for={target} hidden={!(target === 'all' || target === 'bluesky' || target === 'api')}>
          {text}
        </p>
      ))}
      <p class="field-error" id={`${id}-error`} data-message={props.error} hidden></p>
      {props.children}
    </div>
  );
}
