import { worldDayCountdown } from '../site/countdown.js';
import { renderCount } from './counts.js';

/**
 * Recounts "N days to World Day" from the visitor's own calendar date: the page may have been
 * built days ago, and the build counts in UTC. Leaves the build's text if the forms are missing.
 */
export function initCountdown(): void {
  const time = document.querySelector<HTMLTimeElement>('time[data-countdown]');
  if (!time) return;
  const now = new Date();
  const { days, date } = worldDayCountdown({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
  if (days === 0) {
    if (time.dataset.today) time.textContent = time.dataset.today;
  } else if (!renderCount(time, days)) {
    return;
  }
  time.dateTime = date;
}
