// The appointment book (예약): day and week views and a list with filters (doctor, procedure, status);
// new appointments, the EMR reservation import, and each appointment's panel with its runs and messages.
import { useEffect, useState } from "react";
import { useLang } from "../i18n";
import { formatDay } from "../i18n/dates";
import { LoadView, useLoad } from "../panels/common";
import { useRoute } from "../store/router";
import { bookApi, type Catalogue, type Filters } from "./api";
import { AppointmentPanel } from "./AppointmentDetail";
import { addDays, dayOf, seoulToday, weekStart } from "./dates";
import { NewAppointment } from "./NewAppointment";
import { ReservationImport } from "./ReservationImport";
import { useS } from "./strings";
import { DayView, ListView, WeekView } from "./views";
import { useRequestCount } from "./requestCount";
import "./book.css";
import { Icon } from "../icons/Icon";

type Mode = "day" | "week" | "list";
const STATUSES = ["booked", "confirmed", "attended", "completed", "no_show", "cancelled"] as const;

function range(mode: Mode, day: string): [string, string] {
  if (mode === "day") return [day, day];
  if (mode === "week") return [weekStart(day), addDays(weekStart(day), 6)];
  return [day, addDays(day, 30)];
}

export function AppointmentsPage() {
  const s = useS();
  const { lang } = useLang();
  const navigate = useRoute((r) => r.navigate);
  const [mode, setMode] = useState<Mode>("day");
  const [day, setDay] = useState(seoulToday());
  const [filters, setFilters] = useState<Filters>({ doctor: "", procedure: "", status: "" });
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [from, to] = range(mode, day);
  const [loaded, reload] = useLoad(() => bookApi.list(from, to, filters), [from, to, filters.doctor, filters.procedure, filters.status]);
  useEffect(() => {
    bookApi.catalogue().then(setCatalogue, () => setCatalogue(null));
  }, []);
  const step = mode === "day" ? 1 : mode === "week" ? 7 : 30;
  const doctors = loaded.state === "ok" ? [...new Set(loaded.data.map((a) => a.doctor).filter((d): d is string => !!d))] : [];

  return (
    <main className="page book" data-testid="appointments">
      <div className="row">
        <h2>{s("title")}</h2>
        <button className="primary" onClick={() => setAdding(true)} data-testid="new-appointment-open">
          ＋ {s("newAppointment")}
        </button>
        <button onClick={() => setImporting(true)} data-testid="reservation-import-open">
          <Icon name="inbox" /> {s("importFile")}
        </button>
        <button onClick={() => navigate("/appointments/procedures")} data-testid="procedures-open">
          {s("procedures")}
        </button>
        <button onClick={() => navigate("/appointments/requests")} data-testid="requests-open">
          {s("requests")}
          <RequestCountBadge />
        </button>
      </div>
      {adding && (
        <NewAppointment
          day={day}
          catalogue={catalogue}
          onCancel={() => setAdding(false)}
          onDone={(id, startsAt) => {
            setAdding(false);
            // Turn the book to the appointment's day (booked for next week, it would not be on today's page).
            const booked = dayOf(startsAt);
            if (booked && booked !== day) setDay(booked);
            else reload();
            setOpen(id);
          }}
        />
      )}
      {importing && (
        <ReservationImport
          onImported={(report) => {
            // An EMR export covers the coming days, not only the one on screen (found driving it: "no appointments
            // in this period" right after importing three): the book turns to the list of the next 30 days.
            const changed = report.created + report.rescheduled + report.cancelled + report.attended + report.no_show;
            if (changed > 0 && (mode !== "list" || day !== seoulToday())) {
              setMode("list");
              setDay(seoulToday());
            } else reload();
          }}
          onClose={() => setImporting(false)}
        />
      )}
      <div className="book-toolbar">
        <span className="segmented">
          {(["day", "week", "list"] as const).map((m) => (
            <button key={m} className={mode === m ? "active" : ""} onClick={() => setMode(m)} data-testid={`view-${m}`}>
              {s(m)}
            </button>
          ))}
        </span>
        <button onClick={() => setDay(addDays(day, -step))} aria-label={s("prev")} data-testid="book-prev">
          ◀
        </button>
        <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} aria-label={s("day")} data-testid="book-day-input" />
        <button onClick={() => setDay(addDays(day, step))} aria-label={s("next")} data-testid="book-next">
          ▶
        </button>
        <button onClick={() => setDay(seoulToday())}>{s("today")}</button>
        <select value={filters.doctor} onChange={(e) => setFilters({ ...filters, doctor: e.target.value })} aria-label={s("doctor")} data-testid="filter-doctor">
          <option value="">
            {s("doctor")}: {s("any")}
          </option>
          {[...new Set([...doctors, filters.doctor].filter(Boolean))].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select value={filters.procedure} onChange={(e) => setFilters({ ...filters, procedure: e.target.value })} aria-label={s("procedure")} data-testid="filter-procedure">
          <option value="">
            {s("procedure")}: {s("any")}
          </option>
          {catalogue?.procedures.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name_ko}
            </option>
          ))}
        </select>
        <select value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value })} aria-label={s("status")} data-testid="filter-status">
          <option value="">
            {s("status")}: {s("any")}
          </option>
          {STATUSES.map((st) => (
            <option key={st} value={st}>
              {s(`status.${st}`)}
            </option>
          ))}
        </select>
        <span className="small muted" data-testid="book-range">
          {from === to ? formatDay(from, lang) : `${formatDay(from, lang)} ~ ${formatDay(to, lang)}`}
        </span>
      </div>
      <LoadView loaded={loaded} what={s("title")}>
        {(appointments) =>
          mode === "day" ? (
            <DayView appointments={appointments} open={setOpen} />
          ) : mode === "week" ? (
            <WeekView first={from} appointments={appointments} open={setOpen} />
          ) : (
            <ListView appointments={appointments} open={setOpen} />
          )
        }
      </LoadView>
      {open !== null && <AppointmentPanel id={open} catalogue={catalogue} onClose={() => setOpen(null)} onChanged={reload} />}
    </main>
  );
}

function RequestCountBadge() {
  const open = useRequestCount((c) => c.open);
  return open ? <span className="nav-badge">{open}</span> : null;
}
