// A campaign's schedule picked like a calendar: every day / week / month / year, which days, what times.
// The stored value stays the cron the server reads; an expression the picker cannot show opens the
// advanced field, where cron may also be typed by hand.
import type { WidgetProps } from "@rjsf/utils";
import { useState } from "react";
import { useT } from "../i18n";
import { DEFAULT_SCHEDULE, fromCron, type Repeat, type Schedule, toCron } from "./schedule";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function toggle(list: number[], n: number): number[] {
  return list.includes(n) ? list.filter((x) => x !== n) : [...list, n].sort((a, b) => a - b);
}

export function ScheduleWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange } = props;
  const t = useT();
  const cron = typeof value === "string" ? value : "";
  const parsed = fromCron(cron);
  const [advanced, setAdvanced] = useState(cron !== "" && parsed === null);
  const schedule: Schedule = parsed ?? DEFAULT_SCHEDULE;
  const off = disabled || readonly;
  const set = (patch: Partial<Schedule>) => onChange(toCron({ ...schedule, ...patch }));

  return (
    <div className="schedule-picker" data-testid="schedule-picker">
      {!advanced && (
        <>
          <div className="schedule-row" role="radiogroup" aria-label={t("schedule.repeat")}>
            {(["daily", "weekly", "monthly", "yearly"] as Repeat[]).map((r) => (
              <label key={r} className={schedule.repeat === r ? "chip on" : "chip"}>
                <input
                  type="radio"
                  name={`${id}-repeat`}
                  checked={schedule.repeat === r}
                  disabled={off}
                  onChange={() => set({ repeat: r })}
                  data-testid={`schedule-${r}`}
                />
                {t(`schedule.${r}`)}
              </label>
            ))}
          </div>
          {schedule.repeat === "yearly" && (
            <div className="schedule-row" aria-label={t("schedule.months")}>
              {MONTHS.map((m) => (
                <label key={m} className={schedule.months.includes(m) ? "chip on" : "chip"}>
                  <input
                    type="checkbox"
                    checked={schedule.months.includes(m)}
                    disabled={off}
                    onChange={() => set({ months: toggle(schedule.months, m) })}
                    data-testid={`schedule-month-${m}`}
                  />
                  {t("schedule.month", { n: m })}
                </label>
              ))}
            </div>
          )}
          {(schedule.repeat === "monthly" || schedule.repeat === "yearly") && (
            <label className="schedule-row">
              {t("schedule.day")}
              <input
                type="number"
                min={1}
                max={31}
                value={schedule.days[0] ?? 1}
                disabled={off}
                onChange={(e) => set({ days: [Math.min(31, Math.max(1, Number(e.target.value) || 1))] })}
                data-testid="schedule-day"
              />
              {t("schedule.daySuffix")}
            </label>
          )}
          {schedule.repeat === "weekly" && (
            <div className="schedule-row" aria-label={t("schedule.weekdays")}>
              {WEEKDAYS.map((d) => (
                <label key={d} className={schedule.weekdays.includes(d) ? "chip on" : "chip"}>
                  <input
                    type="checkbox"
                    checked={schedule.weekdays.includes(d)}
                    disabled={off}
                    onChange={() => set({ weekdays: toggle(schedule.weekdays, d) })}
                    data-testid={`schedule-weekday-${d}`}
                  />
                  {t(`schedule.weekday${d}`)}
                </label>
              ))}
            </div>
          )}
          <div className="schedule-row">
            {t("schedule.times")}
            {schedule.times.map((time, i) => (
              <span key={i} className="schedule-time">
                <input
                  type="time"
                  value={time}
                  step={60}
                  disabled={off}
                  onChange={(e) => e.target.value && set({ times: schedule.times.map((x, j) => (j === i ? e.target.value : x)) })}
                  data-testid={`schedule-time-${i}`}
                />
                {schedule.times.length > 1 && !off && (
                  <button type="button" className="form-button form-button-remove" onClick={() => set({ times: schedule.times.filter((_, j) => j !== i) })}>
                    ✕ {t("schedule.removeTime")}
                  </button>
                )}
              </span>
            ))}
            {!off && schedule.times.length < 6 && (
              <button
                type="button"
                className="form-button form-button-add"
                onClick={() => set({ times: [...schedule.times, schedule.times[schedule.times.length - 1] ?? "10:00"] })}
              >
                ＋ {t("schedule.addTime")}
              </button>
            )}
          </div>
        </>
      )}
      <details open={advanced} onToggle={(e) => setAdvanced((e.target as HTMLDetailsElement).open)}>
        <summary data-testid="schedule-advanced">{t("schedule.advanced")}</summary>
        <input
          id={id}
          type="text"
          value={cron}
          disabled={off}
          onChange={(e) => onChange(e.target.value)}
          placeholder="0 10 * * 1"
          data-testid="schedule-cron"
        />
        <small className="muted">{t("schedule.cronHelp")}</small>
      </details>
    </div>
  );
}
