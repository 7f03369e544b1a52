// The editor's top bar: name, save, publish (with the server's refusal reasons), export, layout, history.
import { memo, useState } from "react";
import type { Problem } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { useEditor } from "../store/editor";
import { useCan } from "../store/permissions";
import { useRoute } from "../store/router";
import { StartButton } from "../starts/StartButton";
import { useNodeNames, withoutNodeName } from "./ProblemsPanel";
import { exportWorkflow, publishWorkflow, saveDraft } from "./workflowActions";
import { RefusalAction } from "./RefusalAction";
import { LifecycleControls } from "../lifecycle/LifecycleControls";
import { PublishDialog } from "../lifecycle/PublishDialog";
import { useLifecycleText } from "../lifecycle/text";
import { Icon } from "../icons/Icon";

function ToolbarView() {
  const t = useT();
  const lifecycleText = useLifecycleText();
  const canWrite = useCan("workflow.write");
  const canPublish = useCan("workflow.publish");
  const lang = useLang((s) => s.lang);
  const navigate = useRoute((s) => s.navigate);
  const { meta, dirty, setMeta, undo, redo, autoLayout, canUndo, canRedo } = useEditor((s) => ({
    meta: s.meta,
    dirty: s.dirty,
    setMeta: s.setMeta,
    undo: s.undo,
    redo: s.redo,
    autoLayout: s.autoLayout,
    canUndo: s.history.past.length > 0,
    canRedo: s.history.future.length > 0,
  }));
  const [refusal, setRefusal] = useState<Problem[] | null>(null);
  const nodeName = useNodeNames();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | number | null>(null);
  // An old version, or a user who may not edit (a reviewer): the bar reads, it does not offer edits
  const ro = meta.readOnly || !canWrite;
  // An archived workflow cannot change or go live (the server answers 409): it offers "unarchive" instead
  const archived = meta.status === "archived";

  const publish = async (savedId: string | number) => {
    setConfirming(null);
    setBusy(true);
    setRefusal(null);
    const outcome = await publishWorkflow(savedId);
    setBusy(false);
    if (!outcome.ok) setRefusal(outcome.problems);
  };
  // Publishing asks first: the draft is saved, then the dialog shows what publishing it would do.
  const askToPublish = async () => {
    setRefusal(null);
    const id = await saveDraft();
    if (id !== null) setConfirming(id);
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" data-testid="toolbar">
        <button onClick={() => navigate("/")} data-testid="back-home">
          ← {t("nav.workflows")}
        </button>
        <input
          className="name-input"
          value={meta.name}
          placeholder={t("editor.namePlaceholder")}
          onChange={(e) => setMeta({ name: e.target.value })}
          readOnly={ro}
          aria-label={t("editor.name")}
          data-testid="workflow-name"
        />
        {ro && (
          <span className="tag tag-readonly" data-testid="readonly-badge">
            {meta.version !== null ? t("editor.readOnly", { version: meta.version }) : t("editor.readOnlyRole")}
          </span>
        )}
        {!ro && (
          <>
            {/* arrows only, named on hover and to screen readers: a live workflow's bar stays one row at 1280 */}
            <button
              onClick={undo}
              disabled={!canUndo}
              title={`${t("editor.undo")} (Ctrl+Z)`}
              aria-label={t("editor.undo")}
              data-testid="undo"
            >
              ↶
            </button>
            <button
              onClick={redo}
              disabled={!canRedo}
              title={`${t("editor.redo")} (Ctrl+Shift+Z)`}
              aria-label={t("editor.redo")}
              data-testid="redo"
            >
              ↷
            </button>
            <button onClick={autoLayout} data-testid="auto-layout">
              ⇅ {t("editor.layout")}
            </button>
          </>
        )}
        <span className="spacer" />
        <span className="muted small" data-testid="save-state">
          {ro ? "" : dirty ? t("editor.unsaved") : meta.id !== null ? t("editor.allSaved") : ""}
        </span>
        <button onClick={() => void exportWorkflow()} data-testid="export">
          ⬇ {t("editor.export")}
        </button>
        {!ro && (
          <>
            {/* role-aware: a reviewer reads and signs, but neither saves nor publishes */}
            {canWrite && !archived && (
              <button onClick={() => void saveDraft()} title="Ctrl+S" data-testid="save">
                <Icon name="save" /> {t("editor.save")}
              </button>
            )}
            {canPublish && !archived && (
              <button className="primary" onClick={() => void askToPublish()} disabled={busy} data-testid="publish">
                <Icon name="send" /> {t("editor.publish")}
              </button>
            )}
          </>
        )}
        <StartButton />
        {meta.publishedVersion !== null && (
          <span className="tag tag-published" data-testid="published-version">
            {t("editor.publishedVersion", { version: meta.publishedVersion })}
          </span>
        )}
        <LifecycleControls canPublish={canPublish} />
      </div>
      {archived && !ro && (
        <div className="notice small" role="status" data-testid="archived-notice">
          <Icon name="archive" /> {lifecycleText("archived.notice")}
        </div>
      )}
      {confirming !== null && (
        <PublishDialog workflowId={confirming} onConfirm={() => void publish(confirming)} onClose={() => setConfirming(null)} />
      )}
      {refusal && (
        <div className="refusal" role="alert" data-testid="publish-refusal">
          <strong>{t("editor.publishRefused")}</strong>
          <button className="link" onClick={() => setRefusal(null)} aria-label={t("common.close")}>
            ✕
          </button>
          <ul>
            {refusal.map((p, i) => (
              <li key={i} data-testid="refusal-reason">
                {p.node && (
                  <strong title={p.node} className="refusal-node">
                    {nodeName(p.node)}
                  </strong>
                )}{" "}
                {p.node ? withoutNodeName(pickLanguage(p.message, lang), nodeName(p.node)) : pickLanguage(p.message, lang)}{" "}
                <span className="muted small">{p.code}</span> <RefusalAction problem={p} earlier={refusal.slice(0, i)} workflowId={meta.id} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export const Toolbar = memo(ToolbarView);
