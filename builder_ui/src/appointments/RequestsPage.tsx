// Patients' reschedule requests (from their appointment link): reception calls the patient, then moves the
// appointment here (through the book: an appointment.rescheduled event, waiting reminders follow) or dismisses it.
import { useState } from "react";
import { useLang } from "../i18n";
import { ErrorList, formatTime, LoadView, useLoad } from "../panels/common";
import { useRoute } from "../store/router";
import { toast } from "../store/toast";
import { bookApi, type RescheduleRequest } from "./api";
import { refreshRequestCount } from "./requestCount";
import { type BookKey, useS } from "./strings";
import { StatusPill } from "./views";
import "./book.css";

function RequestRow({ request, onDone }: { request: RescheduleRequest; onDone: () => void }) {
  const s = useS();
  const lang = useLang((l) => l.lang);
  const appointment = request.appointment;
  const [when, setWhen] = useState(appointment.starts_at ? appointment.starts_at.slice(0, 16) : "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<unknown>, done: BookKey) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      toast("ok", s(done));
      refreshRequestCount();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = request.status === "open";
  return (
    <tr data-testid="request-row" data-status={request.status}>
      <td className="small">{formatTime(request.requested_at, lang)}</td>
      <td>
        <strong>{appointment.patient.name}</strong> <span className="muted small">{appointment.patient.chart_no ?? ""}</span>
        <div className="small muted">{appointment.patient.phone}</div>
      </td>
      <td>
        {formatTime(appointment.starts_at, lang)} · {appointment.procedure_name ?? "—"} <StatusPill status={appointment.status} />
        {request.original_starts_at && request.original_starts_at !== appointment.starts_at && (
          <div className="small muted" data-testid="request-original">
            {s("wasAt")} {formatTime(request.original_starts_at, lang)}
          </div>
        )}
      </td>
      <td>
        {open ? (
          <div className="request-actions">
            <label className="small">
              {s("newTime")}{" "}
              <input
                type="datetime-local"
                value={when}
                onChange={(e) => setWhen(e.target.value)}
                data-testid="request-new-time"
              />
            </label>
            <button
              className="primary"
              disabled={busy || !when}
              onClick={() => void act(() => bookApi.moveRequested(request.id, when), "moved")}
              data-testid="request-move"
            >
              {s("move")}
            </button>
            <button
              disabled={busy}
              onClick={() => window.confirm(s("dismissConfirm")) && void act(() => bookApi.dismissRequest(request.id), "dismissed")}
              data-testid="request-dismiss"
            >
              {s("dismiss")}
            </button>
            <ErrorList error={error} />
          </div>
        ) : (
          <span className="small" data-testid="request-outcome">
            {s(`request.${request.status}` as BookKey)} · {request.resolved_by ?? ""} · {formatTime(request.resolved_at, lang)}
          </span>
        )}
      </td>
    </tr>
  );
}

export function RequestsPage() {
  const s = useS();
  const navigate = useRoute((r) => r.navigate);
  const [status, setStatus] = useState("open");
  const [loaded, reload] = useLoad(() => bookApi.requests(status), [status]);
  return (
    <main className="page book" data-testid="reschedule-requests">
      <div className="row">
        <h2>{s("requestsTitle")}</h2>
        <button onClick={() => navigate("/appointments")} data-testid="requests-back">
          ← {s("title")}
        </button>
      </div>
      <p className="muted small">{s("requestsHelp")}</p>
      <span className="segmented">
        {(
          [
            ["open", "openOnly"],
            ["", "allRequests"],
          ] as const
        ).map(([value, label]) => (
          <button key={label} className={status === value ? "active" : ""} onClick={() => setStatus(value)} data-testid={`requests-${label}`}>
            {s(label)}
          </button>
        ))}
      </span>
      <LoadView loaded={loaded} what={s("requests")}>
        {(answer) =>
          answer.requests.length === 0 ? (
            <p className="muted" data-testid="requests-empty">
              {s("noRequests")}
            </p>
          ) : (
            <table className="table" data-testid="requests-table">
              <thead>
                <tr>
                  <th>{s("requestedAt")}</th>
                  <th>{s("patient")}</th>
                  <th>{s("appointmentAt")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {answer.requests.map((r) => (
                  <RequestRow key={r.id} request={r} onDone={reload} />
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
    </main>
  );
}
