// Run monitor: the runs of a workflow and, for one run, each step with its time and delivery state.
import { useState } from "react";
import { api } from "../api/endpoints";
import type { RunDetail, StepView } from "../api/generated";
import { useLang, useT } from "../i18n";
import { useRoute } from "../store/router";
import { formatTime, LoadView, useLoad } from "./common";

function StepRow({ step }: { step: StepView }) {
  const lang = useLang((s) => s.lang);
  const t = useT();
  const when = step.status === "waiting" ? step.due_at : (step.finished_at ?? step.started_at);
  return (
    <tr>
      <td>
        <code>{step.node}</code> <span className="muted small">{step.type ?? ""}</span>
      </td>
      <td>
        <span className={`tag status-${step.status}`}>{t(`status.${step.status}`)}</span>
      </td>
      <td className="small">{formatTime(when, lang)}</td>
      <td>
        {(step.messages ?? []).map((m) => (
          <div key={m.id} className="small" data-testid="run-message">
            {t(`channel.${m.channel}`)} · <strong>{t(`status.${m.status}`)}</strong>{" "}
            {formatTime(m.delivered_at ?? m.sent_at ?? m.due_at, lang)}
            {(m.reason || m.error_message) && <span className="muted"> · {m.reason ?? m.error_message}</span>}
          </div>
        ))}
        {step.reason && <div className="muted small">{step.reason}</div>}
      </td>
    </tr>
  );
}

function RunSteps({ runId }: { runId: number }) {
  const t = useT();
  const [run] = useLoad(() => api.run(runId), [runId]);
  return (
    <LoadView loaded={run} what={t("runs.title")}>
      {(r: RunDetail) => (
        <table className="table" data-testid="run-steps">
          <thead>
            <tr>
              <th>{t("runs.node")}</th>
              <th>{t("runs.status")}</th>
              <th>{t("runs.time")}</th>
              <th>{t("runs.delivery")}</th>
            </tr>
          </thead>
          <tbody>
            {(r.steps ?? []).map((s, i) => (
              <StepRow key={i} step={s} />
            ))}
          </tbody>
        </table>
      )}
    </LoadView>
  );
}

export function RunsPage({ workflowId }: { workflowId: string | null }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const navigate = useRoute((s) => s.navigate);
  const [workflows] = useLoad(api.listWorkflows, []);
  const [runs, reload] = useLoad(() => api.runs(workflowId ?? undefined), [workflowId]);
  const [open, setOpen] = useState<number | null>(null);

  return (
    <main className="page runs" data-testid="runs">
      <div className="row">
        <h2>{t("runs.title")}</h2>
        <select
          value={workflowId ?? ""}
          onChange={(e) => navigate(e.target.value ? `/runs/${encodeURIComponent(e.target.value)}` : "/runs")}
          data-testid="runs-workflow"
        >
          <option value="">{t("runs.all")}</option>
          {workflows.state === "ok" &&
            workflows.data.map((w) => (
              <option key={String(w.id)} value={String(w.id)}>
                {w.name}
              </option>
            ))}
        </select>
        <button onClick={reload}>⟳ {t("runs.refresh")}</button>
      </div>
      <LoadView loaded={runs} what={t("runs.title")}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t("runs.empty")}</p>
          ) : (
            <ul className="list" data-testid="run-list">
              {list.map((r) => (
                <li key={r.id} data-testid="run-row">
                  <button className="link" onClick={() => setOpen(open === r.id ? null : r.id)}>
                    #{r.id} · {t(`status.${r.status}`)} · {r.event_type ?? ""} · {r.patient?.name ?? ""} ·{" "}
                    {formatTime(r.started_at ?? r.trigger_at, lang)}
                  </button>
                  {r.reason && <span className="muted small"> {r.reason}</span>}
                  {open === r.id && <RunSteps runId={r.id} />}
                </li>
              ))}
            </ul>
          )
        }
      </LoadView>
    </main>
  );
}
