// The preview's dates: when a message of the preview goes out is written as everywhere else (i18n/dates.ts),
// the year said only when it is not this one; and the Seoul wall-clock values of the preview case's inputs.
import type { Lang } from "../i18n";
import { formatDateTime } from "../i18n/dates";

/** "12월 9일 (수) 오전 10:00" / "Wed 9 Dec, 10:00 AM", in Seoul time; another year than this one is said first
 * ("2027년 3월 15일 (월) 오전 10:00", a campaign's next spring firing). */
export function calendarDate(at: string | Date, lang: Lang): string {
  return formatDateTime(at, lang, { year: "other" });
}

/** A datetime-local value ("2026-12-09T10:00") read as Seoul time, as ISO 8601 with +09:00. */
export function seoulIso(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+09:00`;
}

/** Seoul wall-clock "YYYY-MM-DDTHH:MM" of a moment (for datetime-local inputs). */
export function seoulLocal(at: Date): string {
  const text = at.toLocaleString("sv-SE", { timeZone: "Asia/Seoul", hour12: false });
  return text.replace(" ", "T").slice(0, 16);
}

/** Same Seoul calendar day? */
export function sameSeoulDay(a: string, b: string): boolean {
  return seoulLocal(new Date(a)).slice(0, 10) === seoulLocal(new Date(b)).slice(0, 10);
}
