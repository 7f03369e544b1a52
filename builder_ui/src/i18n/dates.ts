// How the product writes a day and a time, on every page (appointment book, runs, patients, sign-offs): in Seoul
// time (the clinic's zone of record, whatever the browser's), Korean "2026년 12월 8일 (화) 오후 3:00", English
// "Tue 8 Dec 2026, 3:00 PM" — the same words the patient's booking link and the HTML report use.
import type { Lang } from "./index";

const WEEKDAYS_KO = ["일", "월", "화", "수", "목", "금", "토"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface SeoulParts {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number; // 0–23
  minute: number;
}

const SEOUL = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  weekday: "short",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** The Seoul calendar parts of a moment, or null when ``at`` is not a date. A bare day ("2026-12-08") is that day. */
function seoulParts(at: string | Date): SeoulParts | null {
  if (typeof at === "string" && /^\d{4}-\d\d-\d\d$/.test(at)) {
    const year = Number(at.slice(0, 4));
    const month = Number(at.slice(5, 7));
    const day = Number(at.slice(8, 10));
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    return Number.isNaN(weekday) ? null : { year, month, day, weekday, hour: 0, minute: 0 };
  }
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return null;
  const parts = SEOUL.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    weekday: WEEKDAYS_EN.indexOf(get("weekday")),
    hour: Number(get("hour")) % 24,
    minute: Number(get("minute")),
  };
}

function clock(p: SeoulParts, lang: Lang): string {
  const hour = p.hour % 12 || 12;
  const minute = String(p.minute).padStart(2, "0");
  if (lang === "en") return `${hour}:${minute} ${p.hour < 12 ? "AM" : "PM"}`;
  return `${p.hour < 12 ? "오전" : "오후"} ${hour}:${minute}`;
}

function day(p: SeoulParts, lang: Lang, withYear: boolean): string {
  if (lang === "en") return `${WEEKDAYS_EN[p.weekday]} ${p.day} ${MONTHS_EN[p.month - 1]}${withYear ? ` ${p.year}` : ""}`;
  return `${withYear ? `${p.year}년 ` : ""}${p.month}월 ${p.day}일 (${WEEKDAYS_KO[p.weekday]})`;
}

/** "2026년 12월 8일 (화) 오후 3:00" / "Tue 8 Dec 2026, 3:00 PM"; "" for no value, the text itself if unreadable.
 * ``year: "other"`` says the year only when it is not this one (the editor's preview: "12월 9일 (수) 오전 10:00",
 * a campaign's next spring firing "2027년 3월 15일 (월) 오전 10:00"). */
export function formatDateTime(
  value: string | Date | null | undefined,
  lang: Lang,
  { year = "always" }: { year?: "always" | "other" } = {},
): string {
  if (!value) return "";
  const p = seoulParts(value);
  if (!p) return String(value);
  const withYear = year === "always" || p.year !== seoulParts(new Date())?.year;
  return lang === "en" ? `${day(p, "en", withYear)}, ${clock(p, "en")}` : `${day(p, "ko", withYear)} ${clock(p, "ko")}`;
}

/** "2026년 12월 8일 (화)" / "Tue 8 Dec 2026" (``withYear`` false: "12월 8일 (화)", a week's column heads). */
export function formatDay(value: string | Date | null | undefined, lang: Lang, withYear = true): string {
  if (!value) return "";
  const p = seoulParts(value);
  return p ? day(p, lang, withYear) : String(value);
}

/** "오후 3:00" / "3:00 PM": the time of a moment in Seoul. */
export function formatClock(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return "";
  const p = seoulParts(value);
  return p ? clock(p, lang) : String(value);
}
