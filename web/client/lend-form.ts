import { fillTemplate } from '../i18n/plural.js';
import { formatNumber, pageLanguage } from './counts.js';
import { fieldErrors, showErrorSummary, type FieldError } from './field-errors.js';
import { busyButton } from './busy-button.js';
import { exactPostFor, goToInstance, takeConnectOutcome, type ConnectOutcome } from './lend-connect.js';

/**
 * "Lend your voice" (pages/lend-your-voice.tsx). The form is hidden until this runs: the
 * supporter must see the exact post before agreeing, and only the API can say what it is. As the
 * network, language, time zone or handle change, the preview is asked for again; the consent box
 * is enabled once a preview is shown, and cleared when the text changes. The lending is posted
 * as JSON; the answer's field errors show next to the fields; success shows what happens next and
 * the revoke link. For Mastodon, connecting (OAuth, lend-connect.ts) is the main way: the form
 * asks only for the server and sends the supporter there; pasting a token is the advanced way.
 */

const NETWORK_NAMES: Record<string, string> = { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn', threads: 'Threads' };
const FIELDS = ['platform', 'handle', 'server', 'secret', 'email', 'language', 'timeZone', 'consent'];

interface Preview {
  text: string;
  language: string;
  requestedLanguage: string;
  posting: 'api' | 'share-link';
  dueAt?: string;
}

interface LendResult {
  account: { platform: string; handle: string; followers: number; shareOnly: boolean };
  preview: Preview;
  revokeUrl: string;
  emailSent: boolean;
}

/** Values inserted into a right-to-left sentence keep their own direction (Unicode isolates). */
const isolate = (value: string): string => (document.documentElement.dir === 'rtl' ? `\u2068${value}\u2069` : value);
const fill = (template: string, values: Record<string, string>): string =>
  fillTemplate(template, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, isolate(v)])));

export function initReach(element: HTMLElement): void {
  const url = element.dataset.lendReach;
  if (!url) return;
  fetch(url, { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) return;
      const reach = (await response.json()) as { supporters: number; expectedReach: number; messagesSent?: number; postsDelivered?: number; deliveredReach?: number };
      const expected = fill(element.dataset.template ?? '', { supporters: formatNumber(reach.supporters), reach: formatNumber(reach.expectedReach) });
      // Once a message has gone out, what it delivered comes first.
      const delivered = reach.messagesSent && element.dataset.templateDelivered
        ? fill(element.dataset.templateDelivered, { posts: formatNumber(reach.postsDelivered ?? 0), reach: formatNumber(reach.deliveredReach ?? 0) })
        : undefined;
      element.textContent = delivered ? `${delivered} ${expected}` : expected;
      element.hidden = false;
    })
    .catch(() => undefined);
}

export function initLendForm(form: HTMLFormElement): void {
  const $ = (selector: string) => form.querySelector<HTMLElement>(selector);
  const summary = $('[data-error-summary]');
  const summaryList = summary?.querySelector('[data-error-list]');
  const button = form.querySelector<HTMLButtonElement>('button[data-submit="lend"]');
  const connectButton = form.querySelector<HTMLButtonElement>('button[data-submit="connect"]');
  const useToken = form.querySelector<HTMLInputElement>('#lend-useToken');
  const consent = form.querySelector<HTMLInputElement>('#lend-consent')!;
  const status = $('[data-preview-status]')!;
  const body = $('[data-preview-body]')!;
  const postText = $('[data-preview-text]')!;
  const fallback = $('[data-preview-fallback]')!;
  const when = $('[data-preview-when]')!;
  const done = document.querySelector<HTMLElement>('[data-lend-done]');
  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | RadioNodeList | null;
  const value = (name: string): string => {
    const element = control(name);
    return element && 'value' in element ? String(element.value ?? '').trim() : '';
  };
  const platform = (): string => form.querySelector<HTMLInputElement>('input[name="platform"]:checked')?.value ?? 'bluesky';
  const posting = (): string => form.querySelector<HTMLInputElement>('input[name="platform"]:checked')?.dataset.posting ?? 'api';
  /** The way of lending on Mastodon: connecting (OAuth), or an access token pasted (advanced). */
  const mode = (): string => (platform() !== 'mastodon' ? platform() : useToken?.checked ? 'mastodon-token' : 'mastodon-connect');

  // The browser's own time zone, offered even if the page's list lacks it.
  const zone = control('timeZone') as HTMLSelectElement;
  try {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone) {
      if (![...zone.options].some((option) => option.value === browserZone)) zone.add(new Option(browserZone.replace(/_/g, ' '), browserZone));
      zone.value = browserZone;
    }
  } catch {
    // Keep UTC.
  }

  /** Shows what applies to the chosen network: fields, hints, labels; required-ness and descriptions follow. */
  const applyPlatform = (): void => {
    const chosen = platform();
    const kind = posting();
    const way = mode();
    const applies = (target: string | undefined) => target === 'all' || target === chosen || target === kind || target === way;
    for (const field of form.querySelectorAll<HTMLElement>('[data-only], [data-hide-in]')) {
      const only = field.dataset.only;
      const shown = (!only || only.split(' ').includes(chosen)) && field.dataset.hideIn !== way;
      field.hidden = !shown;
      for (const input of field.querySelectorAll<HTMLInputElement>('input, select')) input.disabled = !shown;
    }
    for (const hint of form.querySelectorAll<HTMLElement>('.lend-hint[data-for]')) hint.hidden = !applies(hint.dataset.for);
    for (const field of form.querySelectorAll<HTMLElement>('.field[data-field]')) {
      const input = field.querySelector<HTMLElement>('input:not([type="checkbox"]), select');
      if (!input) continue;
      const hints = [...field.querySelectorAll<HTMLElement>('p.hint[id]')].filter((hint) => !hint.hidden).map((hint) => hint.id);
      const errors = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
      const describedBy = [...errors, ...hints].join(' ');
      if (describedBy) input.setAttribute('aria-describedby', describedBy);
      else input.removeAttribute('aria-describedby');
    }
    const email = control('email') as HTMLInputElement;
    email.required = kind === 'share-link';
    const marker = form.querySelector<HTMLElement>('#lend-email-field [data-optional-marker]');
    if (marker) marker.hidden = kind === 'share-link';
    const connecting = way === 'mastodon-connect';
    (control('handle') as HTMLInputElement).required = kind === 'api' && !connecting;
    (control('secret') as HTMLInputElement).required = kind === 'api' && !connecting;
    (control('server') as HTMLInputElement).required = connecting;
    const serverMarker = form.querySelector<HTMLElement>('#lend-server-field [data-optional-marker]');
    if (serverMarker) serverMarker.hidden = connecting;
    if (button) button.hidden = connecting;
    if (connectButton) connectButton.hidden = !connecting;
  };

  let shown: string | undefined;
  /** The preview last asked for (answered or on its way); cleared when it could not be shown. */
  let askedFor: string | undefined;
  let request = 0;
  const setStatus = (text: string | undefined): void => {
    status.textContent = text ?? '';
    status.hidden = !text;
  };
  const refreshPreview = (): void => {
    const params = new URLSearchParams({ language: value('language'), platform: platform() });
    // Connecting names no account yet: the general wording (the account's own is shown once connected).
    const named = posting() === 'api' && mode() !== 'mastodon-connect';
    if (named && value('handle')) params.set('handle', value('handle'));
    if (named && value('server')) params.set('server', value('server'));
    if (value('timeZone')) params.set('timeZone', value('timeZone'));
    // The same question again (a field that is not part of it changed): the shown answer stands,
    // and nothing on the page moves under the supporter's pointer.
    if (askedFor === params.toString()) return;
    askedFor = params.toString();
    const mine = ++request;
    setStatus(status.dataset.loading);
    fetch(`${form.dataset.previewUrl}?${params}`, { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (mine !== request) return;
        if (response.ok) {
          const preview = (await response.json()) as Preview;
          if (preview.text !== shown) consent.checked = false;
          shown = preview.text;
          postText.textContent = preview.text;
          fallback.hidden = preview.language === preview.requestedLanguage;
          if (preview.dueAt) {
            const date = new Intl.DateTimeFormat(pageLanguage(), { dateStyle: 'long', timeStyle: 'short', timeZone: value('timeZone') || undefined }).format(new Date(preview.dueAt));
            when.textContent = fill(when.dataset.template ?? '', { date });
            when.hidden = false;
          } else {
            when.hidden = true;
          }
          body.hidden = false;
          setStatus(undefined);
          consent.disabled = false;
          return;
        }
        const answer = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        noPreview(response.status === 404 ? (/wording/i.test(answer?.error?.message ?? '') ? status.dataset.noWording : status.dataset.none) : status.dataset.error);
      })
      .catch(() => {
        if (mine === request) noPreview(status.dataset.error);
      });
  };
  const noPreview = (text: string | undefined): void => {
    shown = undefined;
    askedFor = undefined;
    body.hidden = true;
    consent.checked = false;
    consent.disabled = true;
    setStatus(text);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name === 'platform' || name === 'useToken') applyPlatform();
    if (['platform', 'useToken', 'language', 'timeZone', 'handle', 'server'].includes(name)) refreshPreview();
  });
  form.addEventListener('input', (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name !== 'handle' && name !== 'server') return;
    clearTimeout(typing);
    typing = setTimeout(refreshPreview, 400);
  });

  const errors = fieldErrors(form, {
    controlFor: (field) => document.getElementById(`lend-${field}`),
    errorFor: (field) => document.getElementById(`lend-${field}-error`),
  });
  const clearErrors = (): void => {
    errors.clear();
    if (summary) summary.hidden = true;
  };
  const showFieldErrors = (fields: FieldError[]): void => {
    const known = fields.filter((f) => FIELDS.includes(f.field));
    const { marked, unmatched } = errors.show(known);
    const others = fields.filter((f) => !FIELDS.includes(f.field)).map((f) => f.message);
    showErrorSummary(summary, summaryList, [...marked.map(({ text, control }) => ({ text, target: control })), ...[...unmatched, ...others].map((text) => ({ text }))]);
  };

  const submitting = busyButton(button);
  const connecting = busyButton(connectButton);
  const errorTexts = document.querySelector<HTMLElement>('[data-connect-errors]');
  const connectError = (reason: string): string =>
    errorTexts?.querySelector<HTMLElement>(`[data-reason="${CSS.escape(reason)}"]`)?.textContent ?? form.dataset.errorGeneric ?? '';

  /** A refused request as the page shows it: field errors at their fields, else one line above the form. */
  const showRefusal = (code: number, fields?: FieldError[]): void => {
    if (code === 400 && fields?.length) return showFieldErrors(fields);
    if (code === 404) return noPreview(status.dataset.none);
    const text = code === 429 ? form.dataset.errorRateLimited : code === 503 && mode() === 'mastodon-connect' ? connectError('unavailable') : form.dataset.errorGeneric;
    showErrorSummary(summary, summaryList, [{ text: text ?? '' }]);
  };

  /** Mastodon, connecting: the API answers the instance's authorization page, and the browser goes there. */
  const connect = (): void => {
    connecting.start();
    const payload = { server: value('server'), language: value('language'), timeZone: value('timeZone'), consent: true, ...(value('email') ? { email: value('email') } : {}) };
    goToInstance(form.dataset.connectUrl ?? '', payload, connecting, showRefusal);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submitting.busy || connecting.busy) return;
    clearErrors();
    if (!consent.checked) {
      showFieldErrors([{ field: 'consent', message: '' }]);
      return;
    }
    if (mode() === 'mastodon-connect') return connect();
    submitting.start();
    const api = posting() === 'api';
    const payload: Record<string, unknown> = {
      platform: platform(),
      language: value('language'),
      timeZone: value('timeZone'),
      consent: true,
      ...(value('handle') ? { handle: value('handle') } : {}),
      ...(api && value('server') ? { server: value('server') } : {}),
      ...(api && value('secret') ? { secret: value('secret') } : {}),
      ...(value('email') ? { email: value('email') } : {}),
    };
    const finish = submitting.done;
    fetch(form.dataset.accountsUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
    })
      .then(async (response) => {
        finish();
        if (response.status === 201) return showDone((await response.json()) as LendResult);
        const answer = (await response.json().catch(() => undefined)) as { error?: { fields?: FieldError[] } } | undefined;
        showRefusal(response.status, answer?.error?.fields);
      })
      .catch(() => {
        finish();
        showRefusal(0);
      });
  });

  const showDone = (result: LendResult): void => {
    if (!done) return;
    const network = NETWORK_NAMES[result.account.platform] ?? result.account.platform;
    const text = done.querySelector<HTMLElement>('[data-done-text]')!;
    text.textContent = fill((result.account.shareOnly ? text.dataset.share : text.dataset.api) ?? '', { network, handle: result.account.handle });
    const followers = done.querySelector<HTMLElement>('[data-done-followers]')!;
    followers.textContent = fill(followers.dataset.template ?? '', { count: formatNumber(result.account.followers) });
    followers.hidden = result.account.shareOnly;
    const post = done.querySelector<HTMLElement>('[data-done-post]')!;
    post.textContent = result.preview.text;
    post.hidden = !result.preview.text;
    done.querySelector<HTMLAnchorElement>('[data-done-revoke]')!.href = result.revokeUrl;
    done.querySelector<HTMLElement>('[data-done-emailed]')!.hidden = !result.emailSent;
    done.querySelector<HTMLElement>('[data-done-not-emailed]')!.hidden = result.emailSent;
    // The secret leaves the page with the form.
    (control('secret') as HTMLInputElement).value = '';
    form.hidden = true;
    done.hidden = false;
    done.focus();
  };

  /** Back from the supporter's Mastodon server: what happened there. */
  const showConnectOutcome = (outcome: ConnectOutcome): void => {
    if (outcome.kind === 'connected') {
      void exactPostFor(form.dataset.previewUrl ?? '', outcome).then((text) =>
        showDone({
          account: { platform: 'mastodon', handle: outcome.handle, followers: outcome.followers, shareOnly: false },
          preview: { text, language: outcome.language, requestedLanguage: outcome.language, posting: 'api' },
          revokeUrl: outcome.revokeUrl,
          emailSent: outcome.emailed,
        }),
      );
      return;
    }
    const mastodon = form.querySelector<HTMLInputElement>('input[name="platform"][value="mastodon"]');
    if (mastodon) mastodon.checked = true;
    if (useToken) useToken.checked = false;
    if (outcome.server) (control('server') as HTMLInputElement).value = outcome.server;
    applyPlatform();
    showErrorSummary(summary, summaryList, [{ text: connectError(outcome.reason) }]);
  };

  form.hidden = false;
  const outcome = takeConnectOutcome();
  if (outcome) showConnectOutcome(outcome);
  else applyPlatform();
  refreshPreview();
}
