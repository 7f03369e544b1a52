// Import a workflow JSON file (dropped on the page or chosen) through POST /api/workflows/import.
import { api } from "../api/endpoints";
import { translateNow as t } from "../i18n";
import { useRoute } from "../store/router";
import { toast } from "../store/toast";
import { errorMessages } from "./common";

export async function importWorkflowFile(file: File): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(await file.text());
  } catch {
    toast("error", t("import.notJson", { file: file.name }));
    return;
  }
  try {
    const detail = await api.importWorkflow(doc);
    toast("ok", t("import.done", { name: detail.name }));
    useRoute.getState().navigate(`/workflows/${encodeURIComponent(String(detail.id))}`);
  } catch (error) {
    toast("error", [t("import.failed", { file: file.name }), ...errorMessages(error, t)].join("\n"));
  }
}

export async function importExample(slug: string): Promise<void> {
  try {
    const detail = await api.importExample(slug);
    toast("ok", t("import.done", { name: detail.name }));
    useRoute.getState().navigate(`/workflows/${encodeURIComponent(String(detail.id))}`);
  } catch (error) {
    toast("error", [t("import.failed", { file: slug }), ...errorMessages(error, t)].join("\n"));
  }
}
