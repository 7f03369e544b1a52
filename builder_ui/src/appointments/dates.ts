// Days of the book in Seoul time (the server's zone of record), as YYYY-MM-DD strings.
export function seoulToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** "2026-12-08T14:30:00+09:00" → the Seoul day (the server answers in Seoul time). How a day or time is shown to
 * people is i18n/dates.ts. */
export function dayOf(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}


/** The value of a datetime-local input (Seoul wall clock) for an ISO time. */
export function localInput(iso: string | null): string {
  return iso ? iso.slice(0, 16) : "";
}
