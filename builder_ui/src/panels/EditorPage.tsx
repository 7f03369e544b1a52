// The workflow editor: palette | canvas | inspector, toolbar on top, problems/preview/versions below.
import { ReactFlowProvider } from "@xyflow/react";
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import type { VersionSummary } from "../api/generated";
import { Canvas } from "../flow/Canvas";
import { FORMAT } from "../flow/convert";
import { useShortcuts } from "../flow/useShortcuts";
import { translate, useLang, useT } from "../i18n";
import { useLiveCheck } from "../lint/useLiveCheck";
import { Palette } from "../nodes/Palette";
import { editorStore, useEditor } from "../store/editor";
import { takeNodeCatalogueStale } from "../store/nodeCatalogue";
import { setLeaveGuard } from "../store/router";
import { ErrorList } from "./common";
import { Inspector } from "./Inspector";
import { ProblemsPanel } from "./ProblemsPanel";
import { TimelinePanel } from "./TimelinePanel";
import { Toolbar } from "./Toolbar";
import { VersionsPanel } from "./VersionsPanel";
import { toast } from "../store/toast";
import { saveDraft } from "./workflowActions";
import { useCan } from "../store/permissions";

type Tab = "problems" | "timeline" | "versions";
// Ctrl+S does nothing on an archived workflow (it cannot change; the toolbar says so)
const onSave = () => {
  if (editorStore.getState().meta.status !== "archived") void saveDraft();
};

export function EditorPage({ id, version }: { id: string | null; version: number | null }) {
  const t = useT();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [tab, setTab] = useState<Tab>("problems");
  // A reviewer (no workflow.write) reads the workflow: no palette drags or edits that could never be saved.
  const canWrite = useCan("workflow.write");
  const readOnly = useEditor((s) => s.meta.readOnly) || !canWrite;
  const publishedVersion = useEditor((s) => s.meta.publishedVersion);
  const check = useLiveCheck();
  useShortcuts(onSave, readOnly);
  useEffect(() => {
    // The node catalogue and message variables, once per page load (the editor's chunk, not the login's).
    if (Object.keys(editorStore.getState().catalogue).length && !takeNodeCatalogueStale()) return;
    api.catalogue().then(
      (c) => editorStore.getState().setCatalogue(c.nodes, c.variables),
      () => toast("error", translate(useLang.getState().lang, "editor.catalogueFailed")),
    );
  }, []);
  useEffect(() => {
    // Closing the tab with unsaved changes asks first (the browser shows its own wording).
    const warn = (e: BeforeUnloadEvent) => {
      if (editorStore.getState().dirty && !editorStore.getState().meta.readOnly) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    setLeaveGuard(() => {
      const { dirty, meta } = editorStore.getState();
      return !dirty || meta.readOnly || window.confirm(translate(useLang.getState().lang, "editor.leaveUnsaved"));
    });
    return () => {
      window.removeEventListener("beforeunload", warn);
      setLeaveGuard(null);
    };
  }, []);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    const store = editorStore.getState();
    if (id === null) {
      store.load({ format: FORMAT, name: t("editor.newName"), nodes: [], edges: [] }, {});
      setVersions([]);
      return;
    }
    // Just saved a new workflow: the canvas already holds it.
    const keep = version === null && String(store.meta.id) === id && !store.meta.readOnly;
    const sent = store.transitions;
    api.getWorkflow(id).then(
      async (detail) => {
        if (!live) return;
        setVersions(detail.versions ?? []);
        // a pause/resume/archive answered since this read was sent: its status is newer than the read's
        const now = editorStore.getState();
        const status = now.transitions === sent ? detail.status : now.meta.status;
        if (keep) return store.setStatus(status);
        const meta = { id: detail.id, publishedVersion: detail.published_version ?? null, status };
        if (version === null) {
          store.load(detail.document, { ...meta, description: detail.description ?? "" });
        } else {
          const v = await api.getVersion(id, version);
          if (live) store.load(v.document, { ...meta, readOnly: true, version });
        }
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [id, version, publishedVersion]);

  if (loadError) {
    return (
      <main className="page">
        <h2>{t("editor.loadFailed")}</h2>
        <ErrorList error={loadError} />
      </main>
    );
  }
  const problemsCount = check.status === "done" ? editorStore.getState().problems.length : null;
  return (
    <ReactFlowProvider>
      <div className="editor" data-testid="editor">
        <Toolbar />
        <div className="editor-body">
          <Palette readOnly={readOnly} />
          <Canvas readOnly={readOnly} />
          <Inspector readOnly={readOnly} />
        </div>
        <div className="editor-bottom">
          <div className="tabs" role="tablist">
            {(["problems", "timeline", "versions"] as Tab[]).map((name) => (
              <button
                key={name}
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? "tab active" : "tab"}
                onClick={() => setTab(name)}
                data-testid={`tab-${name}`}
              >
                {t(`tabs.${name}`)}
                {name === "problems" && problemsCount ? ` (${problemsCount})` : ""}
              </button>
            ))}
          </div>
          <div className="tab-body">
            {tab === "problems" && <ProblemsPanel check={check} readOnly={readOnly} />}
            {tab === "timeline" && <TimelinePanel />}
            {tab === "versions" && <VersionsPanel versions={versions} />}
          </div>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
