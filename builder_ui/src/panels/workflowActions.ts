// Save, publish and export of the open workflow (used by the toolbar and by Ctrl+S).
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import type { Problem, WorkflowDocument } from "../api/generated";
import { translateNow as t } from "../i18n";
import { editorStore } from "../store/editor";
import { useRoute } from "../store/router";
import { toast } from "../store/toast";
import { errorMessages } from "./common";

/** Saves the draft (POST when new, PUT after); returns the id or null when the server refused. */
export async function saveDraft(): Promise<string | number | null> {
  const store = editorStore.getState();
  if (store.meta.readOnly) return store.meta.id;
  const doc = store.document();
  try {
    const detail = store.meta.id === null ? await api.createWorkflow(doc) : await api.saveWorkflow(store.meta.id, doc);
    editorStore.getState().markSaved({ id: detail.id, publishedVersion: detail.published_version ?? null });
    if (store.meta.id === null) useRoute.getState().navigate(`/workflows/${encodeURIComponent(String(detail.id))}`);
    toast("ok", t("editor.saved"));
    return detail.id;
  } catch (error) {
    toast("error", [t("editor.saveFailed"), ...errorMessages(error, t)].join("\n"));
    return null;
  }
}

export type PublishOutcome = { ok: true; version: number } | { ok: false; problems: Problem[] };

/** Publishes the open workflow. ``savedId``: the draft was just saved (the publish dialog saves before it asks)
 * and is published as is unless edited since — saving it again would be a second, useless PUT. */
export async function publishWorkflow(savedId: string | number | null = null): Promise<PublishOutcome> {
  const { meta, dirty } = editorStore.getState();
  const id = savedId !== null && !dirty && meta.id === savedId ? savedId : await saveDraft();
  if (id === null) return { ok: false, problems: [{ code: "save_failed", node: null, path: "", message: t("editor.saveFailed") }] };
  try {
    const result = await api.publish(id);
    editorStore.getState().markSaved({ publishedVersion: result.version });
    toast("ok", t("editor.published", { version: result.version }));
    return { ok: true, version: result.version };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problems: error.problems };
    return { ok: false, problems: [{ code: "network", node: null, path: "", message: errorMessages(error, t).join(" ") }] };
  }
}

export function downloadJson(doc: WorkflowDocument, fileName: string): void {
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function exportWorkflow(): Promise<void> {
  const { meta, document: current } = editorStore.getState();
  let doc = current();
  if (meta.id !== null && !editorStore.getState().dirty) {
    doc = await api.exportWorkflow(meta.id, meta.version ?? undefined).catch(() => doc);
  }
  const safe = (doc.name || "workflow").replace(/[\\/:*?"<>|]+/g, "_");
  downloadJson(doc, `${safe}${meta.version ? `.v${meta.version}` : ""}.json`);
}
