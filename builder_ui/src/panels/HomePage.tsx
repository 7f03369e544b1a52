// Home: the clinic's workflows (filtered by status, archived ones hidden unless asked), a new one, importing a
// JSON file, and the examples gallery.
import { useState } from "react";
import { api } from "../api/endpoints";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { useCan } from "../store/permissions";
import { useRoute } from "../store/router";
import { formatTime, LoadView, useLoad } from "./common";
import { importExample, importWorkflowFile } from "./importFile";
import { StatusBadge } from "../lifecycle/StatusBadge";
import type { WorkflowStatus } from "../lifecycle/api";
import { useLifecycleText } from "../lifecycle/text";
import { Icon } from "../icons/Icon";

// "current": every status but archived (the default: an archived workflow is history, not work)
type StatusFilter = "current" | WorkflowStatus | "all";
const FILTERS: StatusFilter[] = ["current", "active", "draft", "paused", "archived", "all"];

function shown(filter: StatusFilter, status: WorkflowStatus): boolean {
  if (filter === "all") return true;
  if (filter === "current") return status !== "archived";
  return status === filter;
}

function StatusFilterBar({
  statuses,
  filter,
  onChange,
}: {
  statuses: WorkflowStatus[];
  filter: StatusFilter;
  onChange: (filter: StatusFilter) => void;
}) {
  const text = useLifecycleText();
  const label = (f: StatusFilter) => (f === "current" || f === "all" ? text(`filter.${f}`) : text(`status.${f}`));
  return (
    <div className="row small" role="group" aria-label={text("filter.label")} data-testid="status-filter">
      {FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          className={f === filter ? "primary" : ""}
          aria-pressed={f === filter}
          onClick={() => onChange(f)}
          data-testid={`status-filter-${f}`}
        >
          {label(f)} ({statuses.filter((s) => shown(f, s)).length})
        </button>
      ))}
    </div>
  );
}

export function HomePage() {
  const t = useT();
  const canWrite = useCan("workflow.write");
  const lang = useLang((s) => s.lang);
  const navigate = useRoute((s) => s.navigate);
  const [workflows] = useLoad(api.listWorkflows, []);
  const [examples] = useLoad(api.examples, []);
  const [filter, setFilter] = useState<StatusFilter>("current");
  const lifecycleText = useLifecycleText();

  return (
    <main className="page home" data-testid="home">
      <div className="row">
        <h2>{t("home.title")}</h2>
        <span className="spacer" />
        {canWrite && (
        <label className="button">
          <Icon name="folder" /> {t("home.importFile")}
          <input
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importWorkflowFile(file);
              e.target.value = "";
            }}
          />
        </label>
        )}
        {canWrite && (
          <button className="primary" onClick={() => navigate("/workflows/new")} data-testid="new-workflow">
            ＋ {t("home.new")}
          </button>
        )}
      </div>
      {canWrite && <p className="muted small">{t("home.dropHint")}</p>}
      <LoadView loaded={workflows} what={t("home.title")}>
        {(all) => {
          if (all.length === 0) {
            return (
              <p className="muted" data-testid="no-workflows">
                {t("home.empty")}
              </p>
            );
          }
          const list = all.filter((w) => shown(filter, w.status));
          return (
            <>
              <StatusFilterBar statuses={all.map((w) => w.status)} filter={filter} onChange={setFilter} />
              {list.length === 0 ? (
                <p className="muted" data-testid="no-workflows-in-filter">
                  {lifecycleText("filter.empty")}
                </p>
              ) : (
                <table className="table" data-testid="workflow-list">
                  <thead>
                    <tr>
                      <th>{t("home.name")}</th>
                      <th>{t("home.status")}</th>
                      <th>{t("home.updated")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((w) => (
                      <tr key={String(w.id)} data-testid="workflow-row" className={w.status === "archived" ? "muted" : ""}>
                        <td>
                          <button className="link" onClick={() => navigate(`/workflows/${encodeURIComponent(String(w.id))}`)}>
                            {w.name}
                          </button>
                          {w.description && <div className="muted small">{pickLanguage(w.description, lang)}</div>}
                        </td>
                        <td>
                          <StatusBadge status={w.status} />{" "}
                          {w.published_version ? (
                            <span className="tag tag-published">{t("editor.publishedVersion", { version: w.published_version })}</span>
                          ) : null}
                        </td>
                        <td className="small">{formatTime(w.updated_at, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </LoadView>
      <h2>{t("home.examples")}</h2>
      <LoadView loaded={examples} what={t("home.examples")}>
        {(list) => (
          <div className="cards" data-testid="examples">
            {list.map((ex) => (
              <div className="card" key={ex.slug} data-testid={`example-${ex.slug}`}>
                <strong>{pickLanguage(ex.name, lang)}</strong>
                <p className="muted small">{pickLanguage(ex.description ?? "", lang)}</p>
                {canWrite && (
                  <button onClick={() => void importExample(ex.slug)} data-testid={`import-example-${ex.slug}`}>
                    {t("home.useExample")}
                  </button>
                )}
              </div>
            ))}
          </div>
        )}
      </LoadView>
    </main>
  );
}
