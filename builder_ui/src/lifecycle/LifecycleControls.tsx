// The editor toolbar's lifecycle part: the workflow's status and the buttons that move it (pause, resume,
// archive, unarchive). Publishing stays the toolbar's own button (with its confirmation dialog).
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import { errorMessages } from "../panels/common";
import { translateNow } from "../i18n";
import { editorStore, useEditor } from "../store/editor";
import { toast } from "../store/toast";
import { lifecycleApi, type Transition, type WorkflowStatus } from "./api";
import { StatusBadge } from "./StatusBadge";
import { lifecycleText, useLifecycleText } from "./text";
import { useLang } from "../i18n";
import { Icon, type IconName } from "../icons/Icon";

const ACTION_ICONS: Record<Transition, IconName> = { pause: "pause", resume: "play", archive: "archive", unarchive: "undo" };

const ALLOWED: Record<WorkflowStatus, Transition[]> = {
  draft: ["archive"],
  active: ["pause", "archive"],
  paused: ["resume", "archive"],
  archived: ["unarchive"],
};

export function LifecycleControls({ canPublish }: { canPublish: boolean }) {
  const text = useLifecycleText();
  const { id, publishedVersion, readOnly, status } = useEditor((s) => ({
    id: s.meta.id,
    publishedVersion: s.meta.publishedVersion,
    readOnly: s.meta.readOnly,
    status: s.meta.status,
  }));
  const [busy, setBusy] = useState(false);
  // In the editor store, so the toolbar knows too (an archived workflow offers neither save nor publish)
  const setStatus = (next: WorkflowStatus | null) => editorStore.getState().setStatus(next);

  useEffect(() => {
    let live = true;
    if (id === null) {
      setStatus(null);
      return;
    }
    // a read answered after a pause/resume/archive carries the status from before it (a slow line): dropped
    const sent = editorStore.getState().transitions;
    const current = () => live && editorStore.getState().transitions === sent;
    api.getWorkflow(id).then(
      (detail) => current() && setStatus(detail.status),
      () => current() && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [id, publishedVersion]);

  if (id === null || status === null) return null;

  const move = async (action: Transition) => {
    const lang = useLang.getState().lang;
    if (action === "pause" && !window.confirm(lifecycleText(lang, "confirm.pause"))) return;
    if (action === "archive" && !window.confirm(lifecycleText(lang, "confirm.archive"))) return;
    setBusy(true);
    try {
      const detail = await lifecycleApi.transition(id, action);
      editorStore.getState().transitioned(detail.status);
      toast("ok", lifecycleText(lang, `done.${action}`));
    } catch (error) {
      toast("error", errorMessages(error, translateNow).join("\n"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="lifecycle-controls" data-testid="lifecycle-controls">
      <StatusBadge status={status} />
      {canPublish &&
        !readOnly &&
        ALLOWED[status].map((action) => (
          <button key={action} onClick={() => void move(action)} disabled={busy} data-testid={`workflow-${action}`}>
            <Icon name={ACTION_ICONS[action]} /> {text(action)}
          </button>
        ))}
    </span>
  );
}
