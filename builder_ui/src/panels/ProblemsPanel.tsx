// Every validation error and lint finding; clicking one selects its node and focuses the field.
import { memo } from "react";
import { useLang, useLocalized, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import type { LiveCheck } from "../lint/useLiveCheck";
import { advertisingText, applySuggestion, fieldText, suggestionExcerpt, type UiProblem } from "../lint/problems";
import { toast } from "../store/toast";
import { editorStore, useEditor } from "../store/editor";
import { Icon } from "../icons/Icon";

/** One click applies a finding's suggested rewrite to the node's text (one undo step). A "move" also adds what
 * the promotion needs to be sent lawfully: a marketing-consent check after the node and an advertising SMS
 * with the moved text, its (광고) label, the clinic's name and a free opt-out. */
function applyFix(problem: UiProblem, movedMessage: string): void {
  const { nodes, updateParams, moveToAdvertising } = editorStore.getState();
  const node = nodes.find((n) => n.id === problem.node);
  if (!node || !problem.field || !problem.suggestion) return;
  const current = node.data.params as Record<string, unknown>;
  const params = applySuggestion(current, problem.field, problem.suggestion);
  if (!params) return;
  if (problem.suggestion.kind === "move") {
    const moved = suggestionExcerpt(current, problem.field, problem.suggestion);
    // the whole text of a plain SMS moved: the advertising branch takes the node's place in the flow
    const whole = node.data.nodeType === "send.sms" && problem.field === "/params/text" && !fieldText(params, problem.field).trim();
    if (moved && moveToAdvertising(node.id, params as typeof node.data.params, advertisingText(moved), whole)) {
      toast("ok", movedMessage);
      return;
    }
  }
  updateParams(node.id, params as typeof node.data.params);
}

/** A node as its card names it: the manager's name for it, else its type's label; the id only if it is gone. */
export function useNodeNames(): (id: string) => string {
  const localized = useLocalized();
  // One string, so dragging a node (a new position, same names) does not re-render the list.
  const names = useEditor((s) =>
    s.nodes.map((n) => `${n.id}\u0000${n.data.label?.trim() || localized(s.catalogue[n.data.nodeType]?.label)}`).join("\u0001"),
  );
  const byId = new Map(names ? names.split("\u0001").map((row) => row.split("\u0000") as [string, string]) : []);
  return (id) => byId.get(id) || id;
}

/** The message without its leading "<node name> › " (the row shows the name already, in bold). */
export function withoutNodeName(message: string, name: string): string {
  const prefix = `${name} › `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** What the suggestion takes out of the text, struck through, so the manager sees it before applying. */
function TakenOut({ problem }: { problem: UiProblem }) {
  const t = useT();
  const s = problem.suggestion;
  const node = useEditor((st) => st.nodes.find((n) => n.id === problem.node));
  if (!s || !node || !problem.field || s.end <= s.start) return null;
  const excerpt = suggestionExcerpt(node.data.params as Record<string, unknown>, problem.field, s);
  if (!excerpt) return null;
  return (
    <span className="muted" data-testid="suggestion-takes-out">
      {" "}
      {t("review.suggestionTakesOut")} <del>{excerpt}</del>
    </span>
  );
}

/** ``readOnly``: an old version, or a user who may not edit (a reviewer) — the suggested rewrites are read, not
 * applied (applying changed a draft that could never be saved). */
function ProblemsPanelView({ check, readOnly }: { check: LiveCheck; readOnly: boolean }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { problems, select } = useEditor((s) => ({ problems: s.problems, select: s.select }));
  const nodeName = useNodeNames();
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.filter((p) => p.severity === "warning").length;
  return (
    <section className="problems" data-testid="problems-panel">
      <div className="problems-summary small">
        <span data-testid="problems-count">{t("problems.summary", { errors, warnings, infos: problems.length - errors - warnings })}</span>
        {check.status === "checking" && <span className="muted"> · {t("problems.checking")}</span>}
        {check.status === "failed" && <span className="sev-error"> · {t("problems.failed")}</span>}
        {!check.lintAvailable && <span className="muted"> · {t("problems.lintSoon")}</span>}
      </div>
      {errors === 0 && check.status === "done" && (
        <p className="ok small" data-testid="problems-none">
          {t("problems.none")}
        </p>
      )}
      <ul>
        {problems.map((p) => (
          <li key={p.key}>
            <button
              className={`problem sev-${p.severity}`}
              data-testid="problem"
              data-node={p.node ?? ""}
              data-code={p.code}
              onClick={() => p.node && select(p.node, p.field)}
            >
              <span className={`sev-dot sev-${p.severity}`}>{t(`severity.${p.severity}`)}</span>
              {p.node && <strong className="problem-node" title={p.node}>{nodeName(p.node)}</strong>}
              <span className="problem-message">
                {p.node ? withoutNodeName(pickLanguage(p.message, lang), nodeName(p.node)) : pickLanguage(p.message, lang)}
              </span>
              {p.citation && <span className="citation small"><Icon name="book" /> {p.citation}</span>}
              {/* a compliance rule id helps a reviewer look the rule up; a validation code is for the API only */}
              {p.source === "lint" && <span className="muted small problem-code">{p.code}</span>}
            </button>
            {p.suggestion && p.node && p.field && (
              <div className="suggestion small" data-testid="suggestion">
                <span><Icon name="idea" /> {pickLanguage(p.suggestion.message, lang)}</span>
                {p.suggestion.text.trim() && <q>{p.suggestion.text.trim()}</q>}
                <TakenOut problem={p} />
                {!readOnly && (
                  <button
                    type="button"
                    className="btn-small"
                    data-testid="apply-suggestion"
                    data-kind={p.suggestion.kind}
                    onClick={() => applyFix(p, t("problems.moved"))}
                  >
                    {t(p.suggestion.kind === "move" ? "problems.move" : "problems.apply")}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ProblemsPanel = memo(ProblemsPanelView);
