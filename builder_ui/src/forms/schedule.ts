// The schedule picker's model ⇄ a 5-field cron (Seoul time): what a receptionist picks (every day, week,
// month or year, and at what times) written as the cron the server stores; anything else is "advanced".

export type Repeat = "daily" | "weekly" | "monthly" | "yearly";

export interface Schedule {
  repeat: Repeat;
  times: string[]; // "HH:MM", same minute for every time when more than one
  weekdays: number[]; // 0 = Sunday … 6 = Saturday (weekly)
  days: number[]; // 1–31 (monthly, yearly)
  months: number[]; // 1–12 (yearly)
}

export const DEFAULT_SCHEDULE: Schedule = { repeat: "weekly", times: ["10:00"], weekdays: [1], days: [1], months: [1] };

function numbers(field: string, low: number, high: number): number[] | null {
  if (field === "*") return null;
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(field);
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (start < low || end > high || start > end) throw new Error(field);
    for (let i = start; i <= end; i++) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The picker's reading of a cron, or null when only the advanced field can show it. */
export function fromCron(cron: string): Schedule | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  try {
    const minutes = numbers(fields[0]!, 0, 59);
    const hours = numbers(fields[1]!, 0, 23);
    const days = numbers(fields[2]!, 1, 31);
    const months = numbers(fields[3]!, 1, 12);
    const weekdays = numbers(fields[4]!, 0, 7);
    if (!minutes || !hours || minutes.length !== 1) return null;
    const times = hours.map((h) => `${pad(h)}:${pad(minutes[0]!)}`);
    const base = { ...DEFAULT_SCHEDULE, times };
    if (weekdays && !days && !months) return { ...base, repeat: "weekly", weekdays: [...new Set(weekdays.map((d) => d % 7))].sort() };
    if (weekdays) return null;
    if (days && months) return { ...base, repeat: "yearly", days, months };
    if (days && !months) return { ...base, repeat: "monthly", days };
    if (!days && !months) return { ...base, repeat: "daily" };
    return null;
  } catch {
    return null;
  }
}

/** The cron of a picked schedule (times share the first time's minute: cron cannot say 09:30 and 14:00). */
export function toCron(s: Schedule): string {
  const times = s.times.length ? s.times : ["10:00"];
  const minute = Number(times[0]!.split(":")[1] ?? 0);
  const hours = [...new Set(times.map((t) => Number(t.split(":")[0] ?? 0)))].sort((a, b) => a - b).join(",");
  const list = (xs: number[], fallback: number) => (xs.length ? [...new Set(xs)].sort((a, b) => a - b).join(",") : String(fallback));
  switch (s.repeat) {
    case "daily":
      return `${minute} ${hours} * * *`;
    case "weekly":
      return `${minute} ${hours} * * ${list(s.weekdays, 1)}`;
    case "monthly":
      return `${minute} ${hours} ${list(s.days, 1)} * *`;
    case "yearly":
      return `${minute} ${hours} ${list(s.days, 1)} ${list(s.months, 1)} *`;
  }
}
