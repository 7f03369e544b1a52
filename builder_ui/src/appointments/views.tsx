// The three ways to look at the book: one day, one week, a list. A click opens the appointment.
import { useLang } from "../i18n";
import type { Appointment } from "./api";
import { formatClock, formatDateTime, formatDay } from "../i18n/dates";
import { addDays, dayOf, seoulToday } from "./dates";
import { useS } from "./strings";

type Open = (id: number) => void;

export function StatusPill({ status }: { status: Appointment["status"] }) {
  const s = useS();
  return (
    <span className={`status-pill status-${status}`} data-testid="appointment-status">
      {s(`status.${status}`)}
    </span>
  );
}

function Card({ appointment, open, withTime = true }: { appointment: Appointment; open: Open; withTime?: boolean }) {
  const s = useS();
  const { lang } = useLang();
  const a = appointment;
  return (
    <button className={`appt status-${a.status}`} onClick={() => open(a.id)} data-testid={`appointment-${a.id}`}>
      {withTime && <strong>{formatClock(a.starts_at, lang)}</strong>}
      <span>
        {a.patient.name} <span className="muted small">{a.patient.chart_no ?? ""}</span>
        <br />
        <span className="small">
          {a.procedure_name ?? "—"}
          {a.procedure_unknown && (
            <span className="flag-unknown" title={s("unknownProcedure")} data-testid="unknown-procedure">
              {" "}
              ⚠
            </span>
          )}
          {a.doctor ? ` · ${a.doctor}` : ""}
        </span>
      </span>
      <span className="small">
        <StatusPill status={a.status} />
        {a.runs > 0 && (
          <span className="muted" data-testid="appointment-runs">
            {" "}
            ▶ {a.runs} · ✉ {a.messages}
          </span>
        )}
      </span>
    </button>
  );
}

export function DayView({ appointments, open }: { appointments: Appointment[]; open: Open }) {
  const s = useS();
  if (appointments.length === 0) return <p className="muted">{s("none")}</p>;
  return (
    <div className="day-list" data-testid="book-day">
      {appointments.map((a) => (
        <Card key={a.id} appointment={a} open={open} />
      ))}
    </div>
  );
}

export function WeekView({ first, appointments, open }: { first: string; appointments: Appointment[]; open: Open }) {
  const { lang } = useLang();
  const today = seoulToday();
  const days = Array.from({ length: 7 }, (_, i) => addDays(first, i));
  return (
    <div className="week" data-testid="book-week">
      {days.map((day) => (
        <section key={day} className={`week-day ${day === today ? "today" : ""}`} data-testid={`week-day-${day}`}>
          <h4>{formatDay(day, lang, false)}</h4>
          {appointments
            .filter((a) => dayOf(a.starts_at) === day)
            .map((a) => (
              <Card key={a.id} appointment={a} open={open} />
            ))}
        </section>
      ))}
    </div>
  );
}

export function ListView({ appointments, open }: { appointments: Appointment[]; open: Open }) {
  const s = useS();
  const { lang } = useLang();
  if (appointments.length === 0) return <p className="muted">{s("none")}</p>;
  return (
    <table className="table" data-testid="book-list">
      <thead>
        <tr>
          <th>{s("startsAt")}</th>
          <th>{s("patient")}</th>
          <th>{s("procedure")}</th>
          <th>{s("doctor")}</th>
          <th>{s("status")}</th>
          <th>
            {s("runs")} / {s("messages")}
          </th>
        </tr>
      </thead>
      <tbody>
        {appointments.map((a) => (
          <tr key={a.id} onClick={() => open(a.id)} data-testid={`appointment-row-${a.id}`} style={{ cursor: "pointer" }}>
            <td className="nowrap">{formatDateTime(a.starts_at, lang)}</td>
            <td>
              {a.patient.name} <span className="muted small">{a.patient.chart_no ?? ""}</span>
            </td>
            <td>
              {a.procedure_name ?? "—"}
              {a.procedure_unknown && (
                <span className="flag-unknown" title={s("unknownProcedure")} data-testid="unknown-procedure">
                  {" "}
                  ⚠ {s("unknownProcedure")}
                </span>
              )}
            </td>
            <td>{a.doctor ?? ""}</td>
            <td>
              <StatusPill status={a.status} />
            </td>
            <td>
              {a.runs} / {a.messages}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
