// Dates of the preview as a receptionist reads them: "12월 9일(화) 10:00" (Seoul), English "Tue, Dec 9 10:00".
import type { Lang } from "../i18n";

const WEEKDAYS_KO = ["일", "월", "화", "수", "목", "금", "토"];

function seoulParts(at: string | Date) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Seoul",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(typeof at === "string" ? new Date(at) : at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday")),
    weekdayEn: get("weekday"),
    time: `${get("hour")}:${get("minute")}`,
  };
}

/** "12월 9일(화) 10:00" / "Tue, Dec 9 10:00", in Seoul time; another year than this one is said first
 * ("2027년 3월 15일(월) 10:00", a campaign's next spring firing). */
export function calendarDate(at: string | Date, lang: Lang): string {
  const p = seoulParts(at);
  const otherYear = p.year !== seoulParts(new Date()).year;
  if (lang === "ko") return `${otherYear ? `${p.year}년 ` : ""}${p.month}월 ${p.day}일(${WEEKDAYS_KO[p.weekday] ?? ""}) ${p.time}`;
  const month = new Date(2000, p.month - 1, 1).toLocaleString("en-US", { month: "short" });
  return `${p.weekdayEn}, ${month} ${p.day}${otherYear ? `, ${p.year}` : ""} ${p.time}`;
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
