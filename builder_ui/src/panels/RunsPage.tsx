// Run monitor: the runs of a workflow and, for one run, each step with its time and delivery state.
import { useState } from "react";
import { api } from "../api/endpoints";
import type { RunInfo } from "../api/types";
import { useLang, useT } from "../i18n";
import { useRoute } from "../store/router";
import { formatTime, LoadView, useLoad } from "./common";

function RunSteps({ runId }: { runId: string | number }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [run] = useLoad(() => api.run(runId), [runId]);
  return (
    <LoadView loaded={run} what={t("runs.title")}>
      {(r: RunInfo) => (
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
              <tr key={i}>
                <td>
                  <code>{s.node}</code>
                </td>
                <td>{s.status ?? s.state ?? ""}</td>
                <td className="small">{formatTime(s.finished_at ?? s.at ?? s.started_at ?? s.due_at, lang)}</td>
                <td>{s.delivery_state ?? s.delivery ?? ""} {s.reason ? <span className="muted small">{s.reason}</span> : null}</td>
              </tr>
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
  const [open, setOpen] = useState<string | number | null>(null);

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
                <li key={String(r.id)}>
                  <button className="link" onClick={() => setOpen(open === r.id ? null : r.id)}>
                    #{String(r.id)} · {r.status ?? r.state ?? ""} · {formatTime(r.started_at ?? r.created_at, lang)}
                  </button>
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
