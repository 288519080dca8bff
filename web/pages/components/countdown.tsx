import { pluralForms } from '../../i18n/index.js';
import { utcDay, worldDayCountdown } from '../../site/countdown.js';
import { calendarHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';
import { CountText } from './count-text.js';
import { CalendarIcon } from './icons.js';

/**
 * "N days to World Day", counted at build time from `ctx.now`; site.js recounts it from the
 * visitor's own date on load (client/countdown.ts), so a page built days ago stays right. On
 * 30 July itself: "Today is World Day".
 */
export function Countdown({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const { days, date } = worldDayCountdown(utcDay(ctx.now ?? new Date()));
  return (
    <div class="countdown">
      <p class="countdown-text">
        <time datetime={date} data-countdown data-forms={JSON.stringify(pluralForms(lang, t.worldDay.countdown))} data-today={t.worldDay.today}>
          {days === 0 ? t.worldDay.today : <CountText lang={lang} forms={t.worldDay.countdown} count={days} />}
        </time>
      </p>
      <a class="button button-secondary button-on-dark" href={calendarHref(lang)} type="text/calendar">
        <CalendarIcon />
        {t.worldDay.addToCalendar}
      </a>
    </div>
  );
}
