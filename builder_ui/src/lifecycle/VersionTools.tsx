// Beside each published version: restore it as the draft, or see what changed between it and the draft.
// Restoring rewrites the draft (workflow.write): a reviewer, who reads, compares but is not offered it.
import "./lifecycle.css";
import { useState } from "react";
import type { Answer } from "../api/client";
import { translateNow, useLang } from "../i18n";
import { errorMessages } from "../panels/common";
import { editorStore } from "../store/editor";
import { useCan } from "../store/permissions";
import { toast } from "../store/toast";
import { lifecycleApi } from "./api";
import { lifecycleText, useLifecycleText } from "./text";

type Diff = Answer<"DiffWorkflowVersions">;

function show(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function VersionTools({ workflowId, version }: { workflowId: string | number; version: number }) {
  const text = useLifecycleText();
  const [diff, setDiff] = useState<Diff | null>(null);
  const canRestore = useCan("workflow.write");

  const restore = async () => {
    const lang = useLang.getState().lang;
    if (!window.confirm(lifecycleText(lang, "versions.confirmRestore", { version }))) return;
    try {
      const detail = await lifecycleApi.restore(workflowId, version);
      const meta = { id: detail.id, publishedVersion: detail.published_version ?? null, status: detail.status };
      editorStore.getState().load(detail.document, { ...meta, description: detail.description ?? "" });
      toast("ok", lifecycleText(lang, "versions.restored", { version }));
    } catch (error) {
      toast("error", errorMessages(error, translateNow).join("\n"));
    }
  };

  const compare = async () => {
    if (diff) return setDiff(null);
    try {
      setDiff(await lifecycleApi.diff(workflowId, version));
    } catch (error) {
      toast("error", errorMessages(error, translateNow).join("\n"));
    }
  };

  return (
    <>
      {canRestore && (
        <>
          <button className="link small" onClick={() => void restore()} data-testid={`restore-version-${version}`}>
            ↩ {text("versions.restore")}
          </button>{" "}
        </>
      )}
      <button className="link small" onClick={() => void compare()} data-testid={`diff-version-${version}`}>
        ⇄ {text("versions.diff")}
      </button>
      {diff && (
        <div className="version-diff" data-testid="version-diff">
          <strong className="small">{text("diff.title", { base: diff.base, target: diff.target })}</strong>
          {diff.changes.length === 0 ? (
            <p className="muted small">{text("diff.none")}</p>
          ) : (
            <ul className="plain small">
              {diff.changes.map((c, i) => (
                <li key={i} data-testid="diff-change" className={`diff-${c.change}`}>
                  <span className="tag">{text(`diff.${c.change}`)}</span> <code>{c.path}</code>{" "}
                  {c.change !== "added" && <del>{show(c.before)}</del>} {c.change !== "removed" && <ins>{show(c.after)}</ins>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
