// Runs monitor: who gets what from which workflow. Every row names its workflow, the patient (masked), the
// status and the next send; filters by workflow, status and patient; refreshes itself every few seconds;
// a row opens its steps, where a run can be stopped and a pending message cancelled or a skipped one retried.
// /runs/<workflow>/<run> (the appointment panel's and the patient page's links) opens at that run: unfolded,
// marked and scrolled to, and listed even when it is older than the page of runs shown.
import "../lifecycle/lifecycle.css";
import { useEffect, useMemo, useState } from "react";
import type { Answer } from "../api/client";
import type { MessageView, StepView } from "../api/generated";
import { translateNow, useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { eventTypeLabel } from "../i18n/eventTypes";
import { isCancellable, lifecycleApi, type RunFilters } from "../lifecycle/api";
import { lifecycleText, useLifecycleText } from "../lifecycle/text";
import { api } from "../api/endpoints";
import { useCan } from "../store/permissions";
import { useRoute } from "../store/router";
import { toast } from "../store/toast";
import { errorMessages, formatTime, type Loaded, LoadView, useLoad } from "./common";
import { useStepNames } from "./stepNames";
import { Icon } from "../icons/Icon";
import { WorkflowLink } from "./WorkflowLink";

type Run = Answer<"ListRuns">["runs"][number];
const REFRESH_MS = 4000;
const RUN_STATUSES = ["running", "waiting", "completed", "cancelled", "failed"] as const;
const OPEN = new Set(["running", "waiting"]);

async function act(work: () => Promise<unknown>, done: string, after: () => void): Promise<void> {
  try {
    await work();
    toast("ok", done);
  } catch (error) {
    toast("error", errorMessages(error, translateNow).join("\n"));
  }
  after();
}

function MessageLine({ message, onChange }: { message: MessageView; onChange: () => void }) {
  const t = useT();
  const canAct = useCan("run.write");
  const text = useLifecycleText();
  const lang = useLang((s) => s.lang);
  const pending = isCancellable(message);
  return (
    <div className="small" data-testid="run-message" data-status={message.status}>
      {t(`channel.${message.channel}`)} · <strong>{t(`status.${message.status}`)}</strong>{" "}
      {formatTime(message.delivered_at ?? message.sent_at ?? message.due_at, lang)}
      {(message.reason || message.error_message) && (
        <span className="muted"> · {pickLanguage(message.reason ?? message.error_message ?? "", lang)}</span>
      )}
      {canAct && pending && (
        <button
          className="link small"
          data-testid="cancel-message"
          onClick={() => void act(() => lifecycleApi.cancelMessage(message.id), lifecycleText(lang, "runs.messageCancelled"), onChange)}
        >
          ✕ {text("runs.cancelMessage")}
        </button>
      )}
      {canAct && message.status === "skipped" && (
        <button
          className="link small"
          data-testid="retry-message"
          onClick={() => void act(() => lifecycleApi.retryMessage(message.id), lifecycleText(lang, "runs.messageRetried"), onChange)}
        >
          ↻ {text("runs.retryMessage")}
        </button>
      )}
    </div>
  );
}

function StepRow({ step, name, onChange }: { step: StepView; name: string; onChange: () => void }) {
  const lang = useLang((s) => s.lang);
  const t = useT();
  const when = step.status === "waiting" ? step.due_at : (step.finished_at ?? step.started_at);
  return (
    <tr>
      <td>
        {name} {name !== step.node && <code className="muted small">{step.node}</code>}
      </td>
      <td>
        <span className={`tag status-${step.status}`}>{t(`status.${step.status}`)}</span>
      </td>
      <td className="small">{formatTime(when, lang)}</td>
      <td>
        {(step.messages ?? []).map((m) => (
          <MessageLine key={m.id} message={m} onChange={onChange} />
        ))}
        {step.reason && <div className="muted small">{pickLanguage(step.reason, lang)}</div>}
      </td>
    </tr>
  );
}

function RunSteps({ runId, refresh, onChange }: { runId: number; refresh: number; onChange: () => void }) {
  const text = useLifecycleText();
  const t = useT();
  const [run, reload] = useLoad(() => lifecycleApi.run(runId), [runId, refresh]);
  const detail = run.state === "ok" ? run.data : null;
  const stepName = useStepNames(detail?.workflow_id, detail?.version);
  const canAct = useCan("run.write");
  const changed = () => (reload(), onChange());
  return (
    <div className="run-detail" onClick={(e) => e.stopPropagation()}>
      <LoadView loaded={run} what={t("runs.title")}>
        {(r) => (
          <>
            {canAct &&
              (OPEN.has(r.status) || (r.steps ?? []).some((s) => (s.messages ?? []).some((m) => m.status === "pending" || m.status === "held"))) &&
              r.status !== "cancelled" && (
                <button
                  data-testid="stop-run"
                  onClick={() => {
                    const lang = useLang.getState().lang;
                    if (!window.confirm(lifecycleText(lang, "runs.confirmStop"))) return;
                    void act(() => lifecycleApi.cancelRun(r.id), lifecycleText(lang, "runs.stopped"), changed);
                  }}
                >
                  <Icon name="stop" /> {text("runs.stop")}
                </button>
              )}
            <table className="table" data-testid="run-steps">
              <thead>
                <tr>
                  <th>{text("runs.node")}</th>
                  <th>{text("runs.status")}</th>
                  <th>{text("runs.time")}</th>
                  <th>{text("runs.delivery")}</th>
                </tr>
              </thead>
              <tbody>
                {(r.steps ?? []).map((s, i) => (
                  <StepRow key={i} step={s} name={stepName(s)} onChange={changed} />
                ))}
              </tbody>
            </table>
          </>
        )}
      </LoadView>
    </div>
  );
}

function RunRow({
  run,
  open,
  focused,
  onToggle,
  refresh,
  onChange,
}: {
  run: Run;
  open: boolean;
  focused: boolean;
  onToggle: () => void;
  refresh: number;
  onChange: () => void;
}) {
  const t = useT();
  const text = useLifecycleText();
  const lang = useLang((s) => s.lang);
  const held = run.workflow_status === "paused" && run.next_at;
  // The run a link asked for is scrolled to once, when it is first drawn
  const scrollTo = (row: HTMLTableRowElement | null) => {
    if (row && focused && !row.dataset.scrolled) {
      row.dataset.scrolled = "1";
      row.scrollIntoView({ block: "center" });
    }
  };
  return (
    <>
      <tr
        ref={scrollTo}
        className={`clickable ${open ? "open" : ""} ${focused ? "focused" : ""}`}
        onClick={onToggle}
        onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), onToggle())}
        tabIndex={0}
        role="button"
        aria-expanded={open}
        data-testid="run-row"
        data-run-id={run.id}
        data-status={run.status}
        data-focused={focused || undefined}
      >
        <td>#{run.id}</td>
        <td data-testid="run-workflow">
          <WorkflowLink id={run.workflow_id} name={run.workflow_name ?? `#${run.workflow_id}`} />{" "}
          <span className="muted small">v{run.version}</span>
          {run.event_type && (
            <div className="muted small" data-testid="run-event" data-type={run.event_type}>
              {eventTypeLabel(run.event_type, lang)}
            </div>
          )}
        </td>
        <td>{run.patient?.name ?? ""}</td>
        <td>
          <span className={`tag status-${run.status}`}>{t(`status.${run.status}`)}</span>
          {run.reason && <div className="muted small">{pickLanguage(run.reason, lang)}</div>}
        </td>
        <td className="small" data-testid="run-next">
          {formatTime(run.next_at, lang)}
          {held && <span className="tag lifecycle-paused"> {text("runs.held")}</span>}
        </td>
        <td className="small">{formatTime(run.started_at ?? run.trigger_at, lang)}</td>
      </tr>
      {open && (
        <tr className="run-detail-row">
          <td colSpan={6}>
            <RunSteps runId={run.id} refresh={refresh} onChange={onChange} />
          </td>
        </tr>
      )}
    </>
  );
}

export function RunsPage({ workflowId, runId = null }: { workflowId: string | null; runId?: number | null }) {
  const text = useLifecycleText();
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const [workflows] = useLoad(api.listWorkflows, []);
  const [status, setStatus] = useState("");
  const [patientId, setPatientId] = useState("");
  const [live, setLive] = useState(true);
  const [refresh, setRefresh] = useState(0);
  const filters: RunFilters = { workflowId: workflowId ?? undefined, status: status || undefined, patientId: patientId || undefined };
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<number | null>(runId);
  // The run a link opened: unfolded on arrival, and read on its own in case the list's page does not hold it
  const [focus, setFocus] = useState<Run | null>(null);
  useEffect(() => {
    setOpen(runId);
    setFocus(null);
    if (runId === null) return;
    let alive = true;
    lifecycleApi.run(runId).then(
      (run) => alive && setFocus(run),
      (failure: unknown) => alive && toast("error", errorMessages(failure, translateNow).join("\n")),
    );
    return () => {
      alive = false;
    };
  }, [runId]);

  useEffect(() => {
    let alive = true;
    lifecycleApi.runs(filters).then(
      (list) => alive && (setRuns(list), setError(null)),
      (failure: unknown) => alive && setError(failure),
    );
    return () => {
      alive = false;
    };
  }, [workflowId, status, patientId, refresh]);

  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [live]);

  // Patients seen in the runs (masked names): the patient filter's choices, kept while filtering.
  const [patients, setPatients] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    if (!runs) return;
    setPatients((known) => {
      const next = new Map(known);
      for (const r of runs) if (r.patient) next.set(r.patient.id, r.patient.name);
      return next.size === known.size ? known : next;
    });
  }, [runs]);
  const patientChoices = useMemo(() => [...patients.entries()].sort((a, b) => a[1].localeCompare(b[1])), [patients]);
  const shown = useMemo(() => {
    if (!runs || !focus || runs.some((r) => r.id === focus.id)) return runs;
    const fits = (!workflowId || String(focus.workflow_id) === workflowId) && (!status || focus.status === status);
    return fits && (!patientId || String(focus.patient?.id) === patientId) ? [focus, ...runs] : runs;
  }, [runs, focus, workflowId, status, patientId]);
  const loaded: Loaded<Run[]> = error ? { state: "error", error } : shown === null ? { state: "loading" } : { state: "ok", data: shown };

  return (
    <main className="page runs" data-testid="runs">
      <div className="row">
        <h2>{text("runs.title")}</h2>
        <select
          value={workflowId ?? ""}
          onChange={(e) => navigate(e.target.value ? `/runs/${encodeURIComponent(e.target.value)}` : "/runs")}
          aria-label={text("runs.workflow")}
          data-testid="runs-workflow"
        >
          <option value="">{text("runs.allWorkflows")}</option>
          {workflows.state === "ok" &&
            workflows.data.map((w) => (
              <option key={String(w.id)} value={String(w.id)}>
                {w.name}
              </option>
            ))}
        </select>
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={text("runs.status")} data-testid="runs-status">
          <option value="">{text("runs.allStatuses")}</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select value={patientId} onChange={(e) => setPatientId(e.target.value)} aria-label={text("runs.patient")} data-testid="runs-patient">
          <option value="">{text("runs.allPatients")}</option>
          {patientChoices.map(([id, name]) => (
            <option key={id} value={String(id)}>
              {name} (#{id})
            </option>
          ))}
        </select>
        <label className="small">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} data-testid="runs-live" /> {text("runs.live")}
        </label>
        <button onClick={() => setRefresh((n) => n + 1)} data-testid="runs-refresh">
          {text("runs.refresh")}
        </button>
      </div>
      <LoadView loaded={loaded} what={text("runs.title")}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{text("runs.empty")}</p>
          ) : (
            <table className="table runs-table" data-testid="run-list">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{text("runs.workflow")}</th>
                  <th>{text("runs.patient")}</th>
                  <th>{text("runs.status")}</th>
                  <th>{text("runs.next")}</th>
                  <th>{text("runs.started")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <RunRow
                    key={r.id}
                    run={r}
                    open={open === r.id}
                    focused={runId === r.id}
                    onToggle={() => setOpen(open === r.id ? null : r.id)}
                    refresh={refresh}
                    onChange={() => setRefresh((n) => n + 1)}
                  />
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
    </main>
  );
}
