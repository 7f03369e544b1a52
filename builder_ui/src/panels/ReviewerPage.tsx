// Reviewer: every workflow with its lint status, the full report of one, and the sign-off form.
import { useEffect, useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { LintReport, WorkflowSummary } from "../api/generated";
import { useT } from "../i18n";
import { useRoute } from "../store/router";
import { LoadView, useLoad } from "./common";
import { LintReportView } from "./LintReportView";
import { SignoffForm } from "./SignoffForm";

type Status = LintReport | "missing" | "error" | undefined;

function LintStatus({ status }: { status: Status }) {
  const t = useT();
  if (status === undefined) return <span className="muted small">…</span>;
  if (status === "missing") return <span className="muted small">{t("common.notAvailable")}</span>;
  if (status === "error") return <span className="sev-error small">{t("common.networkError")}</span>;
  if (status.errors) return <span className="tag tag-error">{t("reviewer.errors", { n: status.errors })}</span>;
  if (status.warnings) return <span className="tag tag-warning">{t("reviewer.warnings", { n: status.warnings })}</span>;
  return <span className="tag tag-ok">{t("reviewer.clean")}</span>;
}

export function ReviewerPage({ id }: { id: string | null }) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const [workflows] = useLoad(api.listWorkflows, []);
  const [statuses, setStatuses] = useState<Record<string, Status>>({});

  useEffect(() => {
    if (workflows.state !== "ok") return;
    let live = true;
    for (const w of workflows.data) {
      api.workflowLint(w.id).then(
        (report) => live && setStatuses((s) => ({ ...s, [String(w.id)]: report })),
        (error: unknown) =>
          live && setStatuses((s) => ({ ...s, [String(w.id)]: error instanceof NotAvailableError ? "missing" : "error" })),
      );
    }
    return () => {
      live = false;
    };
  }, [workflows]);

  const current = id ? statuses[id] : undefined;
  return (
    <main className="page reviewer" data-testid="reviewer">
      <h2>{t("reviewer.title")}</h2>
      <div className="split">
        <LoadView loaded={workflows} what={t("reviewer.title")}>
          {(list: WorkflowSummary[]) => (
            <ul className="list" data-testid="reviewer-list">
              {list.map((w) => (
                <li key={String(w.id)} className={String(w.id) === id ? "current" : ""}>
                  <button className="link" onClick={() => navigate(`/reviewer/${encodeURIComponent(String(w.id))}`)}>
                    {w.name}
                  </button>{" "}
                  <LintStatus status={statuses[String(w.id)]} />
                </li>
              ))}
            </ul>
          )}
        </LoadView>
        <section className="report">
          {!id && <p className="muted">{t("reviewer.pick")}</p>}
          {id && current === "missing" && <p className="muted">{t("common.notAvailable")}</p>}
          {id && current && typeof current === "object" && (
            <>
              <LintReportView report={current} />
              <SignoffForm id={id} />
            </>
          )}
        </section>
      </div>
    </main>
  );
}
