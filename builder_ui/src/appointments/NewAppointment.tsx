// A new appointment: find the patient by name, chart no. or mobile (or enter a new one), pick the time and
// the procedure, create. The server turns it into an appointment.booked event (workflows start from it).
import { useState } from "react";
import { useLang } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { ErrorList } from "../panels/common";
import { toast } from "../store/toast";
import { bookApi, type Catalogue } from "./api";
import { useS } from "./strings";

type Found = Awaited<ReturnType<typeof bookApi.searchPatients>>[number];

export function NewAppointment({
  day,
  catalogue,
  onDone,
  onCancel,
}: {
  day: string;
  catalogue: Catalogue | null;
  /** The new appointment's id and start, so the book can turn to its day. */
  onDone: (id: number, startsAt: string | null) => void;
  onCancel: () => void;
}) {
  const s = useS();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [chosen, setChosen] = useState<Found | null>(null);
  const [fresh, setFresh] = useState({ chart_no: "", name: "", phone: "" });
  const [startsAt, setStartsAt] = useState(`${day}T10:00`);
  const [procedure, setProcedure] = useState("");
  const [doctor, setDoctor] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setError(null);
    try {
      setFound(await bookApi.searchPatients(q));
    } catch (e) {
      setError(e);
    }
  };
  const create = async () => {
    setBusy(true);
    setError(null);
    const patient = Object.fromEntries(Object.entries(fresh).filter(([, v]) => v.trim()));
    try {
      const answer = await bookApi.create({
        ...(chosen?.id !== undefined ? { patient_id: chosen.id } : { patient }),
        starts_at: startsAt,
        ...(procedure ? { procedure } : {}),
        ...(doctor ? { doctor } : {}),
      });
      const warnings = answer.events.flatMap((e) => e.warnings ?? []);
      toast(warnings.length ? "info" : "ok", (warnings[0] && pickLanguage(warnings[0].message, useLang.getState().lang)) ?? s("created"));
      onDone(answer.appointment.id, answer.appointment.starts_at ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel-box" data-testid="new-appointment">
      <h3>{s("newAppointment")}</h3>
      {chosen ? (
        <p>
          {s("chosen")}: <strong data-testid="chosen-patient">{chosen.name}</strong> {chosen.chart_no ?? ""} {chosen.phone}{" "}
          <button onClick={() => setChosen(null)}>{s("change")}</button>
        </p>
      ) : (
        <>
          <div className="row">
            <input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && void search()}
              placeholder={s("findPatient")}
              aria-label={s("findPatient")}
              data-testid="patient-query"
              style={{ minWidth: 280 }}
            />
            <button onClick={() => void search()} data-testid="patient-search">
              {s("search")}
            </button>
          </div>
          {found && found.length === 0 && <p className="muted small">{s("noMatch")}</p>}
          {found && found.length > 0 && (
            <ul data-testid="patient-results">
              {found.map((p) => (
                <li key={p.id}>
                  <button onClick={() => setChosen(p)} data-testid={`pick-patient-${p.id}`}>
                    {p.name} {p.chart_no ?? ""} {p.phone}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="small muted">{s("orNewPatient")}</p>
          <div className="form-grid">
            <label htmlFor="new-chart">{s("chart")}</label>
            <input id="new-chart" value={fresh.chart_no} onChange={(e) => setFresh({ ...fresh, chart_no: e.target.value })} data-testid="new-chart" />
            <label htmlFor="new-name">{s("name")}</label>
            <input id="new-name" value={fresh.name} onChange={(e) => setFresh({ ...fresh, name: e.target.value })} data-testid="new-name" />
            <label htmlFor="new-phone">{s("phone")}</label>
            <input id="new-phone" value={fresh.phone} onChange={(e) => setFresh({ ...fresh, phone: e.target.value })} data-testid="new-phone" />
          </div>
        </>
      )}
      <div className="form-grid">
        <label htmlFor="new-starts">{s("startsAt")}</label>
        <input id="new-starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} data-testid="new-starts-at" />
        <label htmlFor="new-procedure">{s("procedure")}</label>
        <select id="new-procedure" value={procedure} onChange={(e) => setProcedure(e.target.value)} data-testid="new-procedure">
          <option value="">—</option>
          {catalogue?.procedures.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name_ko} ({p.code})
            </option>
          ))}
        </select>
        <label htmlFor="new-doctor">{s("doctor")}</label>
        <input id="new-doctor" value={doctor} onChange={(e) => setDoctor(e.target.value)} data-testid="new-doctor" />
      </div>
      <ErrorList
        error={error}
        fields={{
          "/patient/chart_no": s("chart"),
          "/patient/name": s("name"),
          "/patient/phone": s("phone"),
          "/starts_at": s("startsAt"),
          "/procedure": s("procedure"),
          "/doctor": s("doctor"),
        }}
      />
      <div className="row">
        <button className="primary" disabled={busy} onClick={() => void create()} data-testid="create-appointment">
          {s("create")}
        </button>
        <button onClick={onCancel}>{s("cancel")}</button>
      </div>
    </section>
  );
}
