// Home: the clinic's workflows, a new one, importing a JSON file, and the examples gallery.
import { api } from "../api/endpoints";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { useCan } from "../store/permissions";
import { useRoute } from "../store/router";
import { formatTime, LoadView, useLoad } from "./common";
import { importExample, importWorkflowFile } from "./importFile";
import { StatusBadge } from "../lifecycle/StatusBadge";

export function HomePage() {
  const t = useT();
  const canWrite = useCan("workflow.write");
  const lang = useLang((s) => s.lang);
  const navigate = useRoute((s) => s.navigate);
  const [workflows] = useLoad(api.listWorkflows, []);
  const [examples] = useLoad(api.examples, []);

  return (
    <main className="page home" data-testid="home">
      <div className="row">
        <h2>{t("home.title")}</h2>
        <span className="spacer" />
        {canWrite && (
        <label className="button">
          📂 {t("home.importFile")}
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
      <p className="muted small">{t("home.dropHint")}</p>
      <LoadView loaded={workflows} what={t("home.title")}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted" data-testid="no-workflows">
              {t("home.empty")}
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
          )
        }
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
