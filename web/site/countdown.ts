/**
 * Days until the next World Day (30 July), by calendar date: 0 on the day itself. Shared with
 * the browser (`client/countdown.ts`), which recomputes it from the visitor's own date.
 */
export function worldDayCountdown(today: { year: number; month: number; day: number }): { days: number; date: string } {
  const start = Date.UTC(today.year, today.month - 1, today.day);
  let year = today.year;
  if (start > Date.UTC(year, 6, 30)) year += 1;
  const target = Date.UTC(year, 6, 30);
  return { days: Math.round((target - start) / 86_400_000), date: `${year}-07-30` };
}

/** The UTC calendar date of an instant: the build has no visitor time zone. */
export const utcDay = (now: Date) => ({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() });
