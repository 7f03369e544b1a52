// AlimTalk templates: the clinic's own (with their Kakao review state) and the shipped library to copy from.
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import type { AlimTalkTemplate } from "../api/generated";
import { useT } from "../i18n";
import { invalidateAlimTalkTemplates } from "../lint/alimtalk";
import { ErrorList, LoadView, useLoad } from "../panels/common";
import { useCan } from "../store/permissions";
import { toast } from "../store/toast";
import { StatusBadge, TemplateEditor } from "./TemplateEditor";
import "./templates.css";

type Selection = { kind: "none" } | { kind: "new" } | { kind: "code"; code: string };

function Library({ own, onCopied }: { own: Set<string>; onCopied: (t: AlimTalkTemplate) => void }) {
  const t = useT();
  const canWrite = useCan("workflow.write");
  const [library] = useLoad(api.alimtalkLibrary, []);
  const [error, setError] = useState<unknown>(null);
  const copy = async (code: string) => {
    setError(null);
    try {
      const copied = await api.copyAlimtalkTemplate(code);
      toast("ok", t("tpl.copied", { code }));
      onCopied(copied);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section data-testid="tpl-library">
      <h3>{t("tpl.library")}</h3>
      <p className="muted small">{t("tpl.libraryHint")}</p>
      <ErrorList error={error} />
      <LoadView loaded={library} what={t("tpl.library")}>
        {(list) => (
          <table className="table">
            <tbody>
              {list.map((x) => (
                <tr key={x.code} data-testid={`tpl-library-${x.code}`}>
                  <td>
                    <strong>{x.name}</strong>
                    <div className="muted small">
                      <code>{x.code}</code> · {t(`tpl.category.${x.category ?? "notice"}`)} · {t(`tpl.specialty.${x.specialty ?? "common"}`)}
                    </div>
                  </td>
                  <td className="nowrap">
                    {own.has(x.code) ? (
                      <span className="muted small">{t("tpl.alreadyCopied")}</span>
                    ) : (
                      canWrite && (
                        <button onClick={() => void copy(x.code)} data-testid={`tpl-copy-${x.code}`}>
                          {t("tpl.copy")}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadView>
    </section>
  );
}

export function TemplatesPage() {
  const t = useT();
  const canWrite = useCan("workflow.write");
  const [templates, reload] = useLoad(api.alimtalkTemplates, []);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  // The editor keeps its own copy of the fields; a changed template (or code) starts it afresh.
  const [revision, setRevision] = useState(0);
  // The last list stays shown while a reload runs, so an open editor keeps its fields and errors.
  const [own, setOwn] = useState<AlimTalkTemplate[]>([]);
  useEffect(() => {
    if (templates.state === "ok") setOwn(templates.data);
  }, [templates]);
  const selected = selection.kind === "code" ? own.find((x) => x.code === selection.code) : undefined;

  const changed = (saved: AlimTalkTemplate) => {
    invalidateAlimTalkTemplates(); // the editor's picker and preview read the new state
    setSelection({ kind: "code", code: saved.code });
    setRevision((n) => n + 1);
    reload();
  };

  return (
    <main className="page templates" data-testid="templates">
      <div className="row">
        <h2>{t("tpl.title")}</h2>
        <span className="spacer" />
        {canWrite && (
          <button onClick={() => setSelection({ kind: "new" })} data-testid="tpl-new">
            + {t("tpl.new")}
          </button>
        )}
      </div>
      <div className="tpl-layout">
        <div>
          <section data-testid="tpl-own">
            <h3>{t("tpl.own")}</h3>
            <LoadView loaded={templates.state === "loading" && own.length ? { state: "ok", data: own } : templates} what={t("tpl.title")}>
              {(list) =>
                list.length === 0 ? (
                  <p className="muted">{t("tpl.noneYet")}</p>
                ) : (
                  <table className="table">
                    <tbody>
                      {list.map((x) => (
                        <tr
                          key={x.code}
                          className={`clickable ${selected?.code === x.code ? "selected" : ""}`}
                          onClick={() => setSelection({ kind: "code", code: x.code })}
                          data-testid={`tpl-row-${x.code}`}
                        >
                          <td>
                            <strong>{x.name}</strong>
                            <div className="muted small">
                              <code>{x.code}</code>
                            </div>
                          </td>
                          <td className="nowrap">
                            <StatusBadge status={x.status} />
                            {x.status === "rejected" && x.rejection_reason && (
                              <div className="sev-error small">{x.rejection_reason}</div>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )
              }
            </LoadView>
          </section>
          <Library own={new Set(own.map((x) => x.code))} onCopied={changed} />
        </div>
        <div>
          {selection.kind === "new" && <TemplateEditor key="new" template={null} onSaved={changed} onStored={reload} />}
          {selected && <TemplateEditor key={`${selected.code}:${revision}`} template={selected} onSaved={changed} onStored={reload} />}
          {selection.kind === "none" && <p className="muted">{t("tpl.pick")}</p>}
        </div>
      </div>
    </main>
  );
}
