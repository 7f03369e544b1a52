// Publishing asks first, showing what it would do: the trigger, how many patients the next 7 days would
// enrol, what each receives first, and other live workflows on an overlapping trigger (a warning).
import "./lifecycle.css";
import { useEffect, useState } from "react";
import type { Answer } from "../api/client";
import { useLang, useLocalized, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { ErrorList } from "../panels/common";
import { lifecycleApi } from "./api";
import { useLifecycleText } from "./text";
import { Icon } from "../icons/Icon";

type Impact = Answer<"PublishImpact">;

export function PublishDialog({
  workflowId,
  onConfirm,
  onClose,
}: {
  workflowId: string | number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const text = useLifecycleText();
  const t = useT();
  const lang = useLang((s) => s.lang);
  const localized = useLocalized();
  const [impact, setImpact] = useState<Impact | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    lifecycleApi.impact(workflowId).then(
      (answer) => live && setImpact(answer),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [workflowId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const filterText = impact?.trigger ? (impact.trigger.filter?.[lang] ?? impact.trigger.filter?.ko ?? "") : "";
  return (
    <div className="lifecycle-backdrop" role="presentation" onClick={onClose}>
      <div
        className="publish-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="publish-dialog-title"
        data-testid="publish-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h3 id="publish-dialog-title">{text("publish.title")}</h3>
        {error !== null && <ErrorList error={error} />}
        {impact === null && error === null && <p className="muted">{text("publish.loading")}</p>}
        {impact !== null && (
          <dl className="impact">
            <dt>{text("publish.trigger")}</dt>
            <dd data-testid="impact-trigger">
              {impact.trigger ? localized(impact.trigger.label as { ko: string; en: string }) : "-"}
              {filterText && <span className="muted small"> · {filterText}</span>}
            </dd>
            <dt>{text("publish.enrol")}</dt>
            <dd data-testid="impact-enrol-figure" data-bound={impact.enrol_bound}>
              {impact.enrol_bound === "none" ? (
                <strong data-testid="impact-enrol">{text("publish.noForecast")}</strong>
              ) : (
                <>
                  {impact.enrol_bound === "maximum" && <span>{text("publish.atMost")} </span>}
                  <strong data-testid="impact-enrol">{impact.enrol_next_7_days}</strong> {text("publish.enrolUnit")}
                </>
              )}
              <div className="muted small">{pickLanguage(impact.basis, lang)}</div>
            </dd>
            <dt>{text("publish.first")}</dt>
            <dd>
              {impact.first_messages.length === 0 && <span className="muted">{text("publish.noSend")}</span>}
              <ul className="plain">
                {impact.first_messages.map((m) => (
                  <li key={m.node} data-testid="impact-first-message">
                    {/* an unnamed node is called by its type, in the editor's language */}
                    <strong>{m.label && m.name === m.label.ko ? localized(m.label as { ko: string; en: string }) : m.name}</strong> ·{" "}
                    {t(`channel.${m.channel}`)}
                    {(m.after_labels ?? []).length > 0 && (
                      <span className="muted small">
                        {" "}
                        (<Icon name="timer" /> {(m.after_labels ?? []).map((label) => pickLanguage(label, lang)).join(" → ")})
                      </span>
                    )}
                    <div className="message-text small">{m.template ? `[${m.template}] ` : ""}{m.text}</div>
                  </li>
                ))}
              </ul>
            </dd>
            {impact.overlapping.length > 0 && (
              <>
                <dt>{text("publish.overlap")}</dt>
                <dd>
                  <ul className="plain">
                    {impact.overlapping.map((o) => (
                      <li key={o.id} data-testid="impact-overlap">
                        {o.name} <span className="muted small">({text(`status.${o.status}`)})</span>
                        {o.same_filter && <span className="tag lifecycle-warning"> {text("publish.sameFilter")}</span>}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        )}
        {impact?.warnings.map((w, i) => (
          <p key={i} className="refusal small" role="alert" data-testid="impact-warning">
            ⚠ {pickLanguage(w, lang)}
          </p>
        ))}
        <div className="row">
          <span className="spacer" />
          <button onClick={onClose} data-testid="publish-cancel">
            {text("publish.cancel")}
          </button>
          <button className="primary" onClick={onConfirm} disabled={impact === null} data-testid="publish-confirm">
            <Icon name="send" /> {text("publish.confirm")}
          </button>
        </div>
      </div>
    </div>
  );
}
