// One appointment in a side panel: status buttons, reschedule, procedure/doctor, and what it caused
// (the runs it started and their messages). Every button sends an event through the server's ingest.
import { useState } from "react";
import { pickLanguage } from "../i18n/bilingual";
import { ErrorList, formatTime, LoadView, useLoad } from "../panels/common";
import { useLang, useT } from "../i18n";
import { eventTypeLabel } from "../i18n/eventTypes";
import { toast } from "../store/toast";
import { RunLink } from "../panels/RunLink";
import { type AppointmentDetail as Detail, bookApi, type Catalogue } from "./api";
import { localInput } from "./dates";
import { type BookKey, useS } from "./strings";
import { StatusPill } from "./views";

// The button for each status; which ones show comes from the server (next_statuses: a cancelled visit is booked again)
const ACTIONS: [Detail["status"], BookKey][] = [
  ["booked", "bookAgain"],
  ["confirmed", "confirm"],
  ["attended", "attend"],
  ["completed", "complete"],
  ["no_show", "noShow"],
  ["cancelled", "cancelAppointment"],
];

function Caused({ detail }: { detail: Detail }) {
  const s = useS();
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      <h4>{s("causedRuns")}</h4>
      {detail.run_list.length === 0 && <p className="muted small">{s("noRuns")}</p>}
      <ul data-testid="appointment-run-list">
        {detail.run_list.map((run) => (
          <li key={run.id} data-testid="appointment-run">
            <RunLink workflowId={run.workflow_id} runId={run.id}>
              {run.workflow_name}
            </RunLink>{" "}
            <span className="small muted">
              #{run.id} · {t(`status.${run.status}`)} · {eventTypeLabel(run.event_type, lang)} ·{" "}
              {formatTime(run.started_at, lang)}
            </span>
          </li>
        ))}
      </ul>
      <h4>{s("causedMessages")}</h4>
      <ul data-testid="appointment-message-list">
        {detail.message_list.map((m) => (
          <li key={m.id} data-testid="appointment-message">
            <span className="small">
              {t(`channel.${m.channel}`)} · {t(`status.${m.status}`)} · {formatTime(m.sent_at ?? m.due_at, lang)}
            </span>
            <br />
            <span className="small muted">{m.text}</span>
          </li>
        ))}
      </ul>
      <h4>{s("history")}</h4>
      <ul className="small muted">
        {detail.events.map((e, i) => (
          <li key={i}>
            <span data-testid="appointment-event" data-type={e.type}>
              {eventTypeLabel(e.type, lang)}
            </span>{" "}
            · {formatTime(e.occurred_at, lang)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AppointmentPanel({
  id,
  catalogue,
  onClose,
  onChanged,
}: {
  id: number;
  catalogue: Catalogue | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const s = useS();
  const { lang } = useLang();
  const [tick, setTick] = useState(0);
  const [loaded] = useLoad(() => bookApi.get(id), [id, tick]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [when, setWhen] = useState<string | null>(null);
  const [doctor, setDoctor] = useState<string | null>(null);

  const change = async (body: Parameters<typeof bookApi.update>[1]) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await bookApi.update(id, body);
      const warnings = answer.events.flatMap((e) => e.warnings ?? []);
      toast(warnings.length ? "info" : "ok", (warnings[0] && pickLanguage(warnings[0].message, useLang.getState().lang)) ?? s("updated"));
      setWhen(null);
      setDoctor(null);
      setTick((n) => n + 1);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="drawer" data-testid="appointment-panel" aria-label={s("oneTitle")}>
      <div className="row">
        <h3 style={{ flex: 1 }}>{s("oneTitle")}</h3>
        <button onClick={onClose} data-testid="appointment-close">
          {s("close")}
        </button>
      </div>
      <LoadView loaded={loaded} what={s("oneTitle")}>
        {(detail) => (
          <>
            <p>
              <strong>{detail.patient.name}</strong> <span className="muted">{detail.patient.chart_no ?? ""}</span>{" "}
              {detail.patient.phone} <StatusPill status={detail.status} />
            </p>
            <p>
              <span data-testid="appointment-when">{formatTime(detail.starts_at, lang)}</span> · {detail.procedure_name ?? "—"}
              {detail.doctor ? ` · ${detail.doctor}` : ""}
            </p>
            {detail.procedure_unknown && (
              <p className="flag-unknown" data-testid="unknown-procedure">
                ⚠ {s("unknownProcedure")}: {detail.procedure}
              </p>
            )}
            <div className="actions">
              {ACTIONS.filter(([status]) => detail.next_statuses.includes(status)).map(([status, label]) => (
                <button
                  key={status}
                  disabled={busy}
                  onClick={() => void change({ status })}
                  data-testid={`set-status-${status}`}
                >
                  {s(label)}
                </button>
              ))}
            </div>
            <div className="form-grid">
              <label htmlFor="reschedule-at">{s("reschedule")}</label>
              <span className="row">
                <input
                  id="reschedule-at"
                  type="datetime-local"
                  value={when ?? localInput(detail.starts_at)}
                  onChange={(e) => setWhen(e.target.value)}
                  data-testid="reschedule-at"
                />
                <button
                  disabled={busy || !when}
                  onClick={() => when && void change({ starts_at: when })}
                  data-testid="reschedule-save"
                >
                  {s("save")}
                </button>
              </span>
              <label htmlFor="change-procedure">{s("procedure")}</label>
              <select
                id="change-procedure"
                value={detail.procedure ?? ""}
                onChange={(e) => e.target.value && void change({ procedure: e.target.value })}
                data-testid="change-procedure"
              >
                <option value="">—</option>
                {detail.procedure_unknown && detail.procedure && <option value={detail.procedure}>{detail.procedure} ⚠</option>}
                {catalogue?.procedures.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name_ko} ({p.code})
                  </option>
                ))}
              </select>
              <label htmlFor="change-doctor">{s("doctor")}</label>
              <span className="row">
                <input
                  id="change-doctor"
                  value={doctor ?? detail.doctor ?? ""}
                  onChange={(e) => setDoctor(e.target.value)}
                  data-testid="change-doctor"
                />
                <button
                  disabled={busy || !doctor?.trim()}
                  onClick={() => doctor && void change({ doctor })}
                  data-testid="change-doctor-save"
                >
                  {s("save")}
                </button>
              </span>
            </div>
            <ErrorList error={error} />
            <Caused detail={detail} />
          </>
        )}
      </LoadView>
    </aside>
  );
}
