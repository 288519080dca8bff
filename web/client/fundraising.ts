import { fillTemplate } from '../i18n/plural.js';
import { currencyDecimals, formatMoney } from '../site/money.js';
import { pageLanguage, renderCount } from './counts.js';

const EVERY_MS = 15_000;
const DAY_MS = 86_400_000;

interface Money {
  amount: number;
  currency: string;
}

/** `GET /api/donations/progress?campaign=<year>`; amounts in minor units. */
interface Progress {
  raised: Money;
  donors: number;
  target?: Money;
  matched?: Money & { cap?: number; remaining?: number; matcher?: string };
  endsAt?: string;
}

const isMoney = (value: unknown): value is Money => {
  const v = value as Partial<Money> | null | undefined;
  return !!v && Number.isFinite(v.amount) && typeof v.currency === 'string' && /^[a-z]{3}$/i.test(v.currency);
};

const isProgress = (value: unknown): value is Progress => {
  const v = value as Partial<Progress> | null;
  return (
    !!v &&
    isMoney(v.raised) &&
    Number.isInteger(v.donors) &&
    (v.target === undefined || isMoney(v.target)) &&
    (v.matched === undefined || isMoney(v.matched))
  );
};

/**
 * The campaign fundraiser panel (pages/components/fundraising-progress.tsx): shown and filled
 * from the donations API, refreshed every ~15 s while the page is visible. A 404 (no
 * fundraiser), an error or an answer of the wrong shape leave it as it is: hidden at first.
 */
export function initFundraising(): void {
  const panel = document.querySelector<HTMLElement>('[data-fundraising]');
  const url = panel?.dataset.url;
  if (!panel || !url) return;
  let previous = '';
  const refresh = async (): Promise<void> => {
    if (document.hidden) return;
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      const progress: unknown = response.ok ? await response.json() : undefined;
      const key = JSON.stringify(progress);
      if (!isProgress(progress) || key === previous) return;
      previous = key;
      render(panel, progress);
    } catch {
      // Offline or no fundraiser: keep what the panel shows.
    }
  };
  void refresh();
  setInterval(refresh, EVERY_MS);
  document.addEventListener('visibilitychange', () => void refresh());
}

function render(panel: HTMLElement, progress: Progress): void {
  const lang = pageLanguage();
  const rtl = document.documentElement.dir === 'rtl';
  const isolate = (value: string): string => (rtl ? `\u2068${value}\u2069` : value);
  // Totals in whole units of the currency: "US$31,251", not "US$31,250.50".
  const money = (value: Money): string => {
    const unit = 10 ** currencyDecimals(value.currency);
    return isolate(formatMoney(lang, Math.round(value.amount / unit) * unit, value.currency));
  };
  const find = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-progress-${name}]`);
  const data = panel.dataset;
  const { raised, target, matched } = progress;

  const raisedText = find('raised');
  const withTarget = target && target.amount > 0 && target.currency === raised.currency;
  if (raisedText) {
    raisedText.textContent = withTarget
      ? fillTemplate(data.raisedOfTarget ?? '', { raised: money(raised), target: money(target) })
      : fillTemplate(data.raised ?? '', { raised: money(raised) });
  }
  const bar = find<HTMLProgressElement>('bar');
  if (bar) {
    bar.hidden = !withTarget;
    if (withTarget) {
      const percent = Math.min(100, Math.max(0, (raised.amount / target.amount) * 100));
      bar.value = Math.round(percent * 10) / 10;
      bar.textContent = `${Math.round(percent)}%`;
    }
  }
  const donors = find('donors');
  if (donors) renderCount(donors, progress.donors);

  const days = find('days');
  const ends = progress.endsAt ? Date.parse(progress.endsAt) : NaN;
  if (days) {
    const left = ends - Date.now();
    days.hidden = !(left > 0);
    if (left > 0) {
      const count = Math.ceil(left / DAY_MS);
      if (count <= 1) days.textContent = data.lastDay ?? '';
      else renderCount(days, count);
    }
  }

  const match = find('matched');
  if (match) {
    match.hidden = !matched;
    if (matched) {
      const parts = [fillTemplate(data.matched ?? '', { matched: money(matched), matcher: isolate(matched.matcher ?? '') })];
      if (typeof matched.remaining === 'number' && matched.remaining > 0) {
        parts.push(fillTemplate(data.matchRemaining ?? '', { remaining: money({ amount: matched.remaining, currency: matched.currency }) }));
      }
      match.textContent = parts.join(' · ');
    }
  }
  panel.hidden = false;
}
