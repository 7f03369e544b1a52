// One AlimTalk template: edit a draft (with live compliance lint), submit it, record Kakao's decision,
// or start a new version of an approved one. Which actions show follows the role and the lifecycle
// (nodes/send_alimtalk/template.py): draft → submitted → approved | rejected; rejected edits go back to draft.
import { useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import {
  type AlimTalkButton,
  type AlimTalkDraftIn,
  type AlimTalkTemplate,
  type LintFinding,
  type Problem,
  TEMPLATE_CATEGORIES,
} from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { errorMessages } from "../panels/common";
import { useCan } from "../store/permissions";
import { toast } from "../store/toast";
import { MarkedText } from "./MarkedText";
import { placeholders } from "./text";

/** A draft being edited always has its button list. */
type Draft = AlimTalkDraftIn & { buttons: AlimTalkButton[] };

const BUTTON_TYPES = ["WL", "AL", "DS", "BK", "MD", "AC", "BC", "BT"];
const LINT_DEBOUNCE_MS = 300;

/** Problems by field ("/text", "/code", "/buttons/0" …); those without a path go under "". */
function byField(error: unknown, t: ReturnType<typeof useT>): Record<string, string[]> {
  const lang = useLang.getState().lang;
  if (!(error instanceof ApiError)) return { "": errorMessages(error, t) };
  const out: Record<string, string[]> = {};
  for (const p of error.problems as Problem[]) {
    const field = (p.path ?? "").split("/").slice(0, 2).join("/");
    (out[field] ??= []).push(pickLanguage(p.message, lang));
  }
  return out;
}

function FieldErrors({ messages, field }: { messages?: string[]; field: string }) {
  if (!messages?.length) return null;
  return (
    <ul className="error-list" role="alert" data-testid={`tpl-error-${field || "general"}`}>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

function useTextLint(text: string): LintFinding[] | null {
  const [findings, setFindings] = useState<LintFinding[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      if (!text.trim()) return setFindings([]);
      api
        .lintMessages([{ id: "template", channel: "alimtalk", purpose: "informational", text }], controller.signal)
        .then((r) => setFindings(r.results[0]?.findings ?? []))
        .catch(() => !controller.signal.aborted && setFindings(null));
    }, LINT_DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [text]);
  return findings;
}

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`tpl-status tpl-status-${status}`} data-testid="tpl-status">
      {t(`tpl.status.${status}`)}
    </span>
  );
}

function ButtonsEditor({
  buttons,
  onChange,
  readOnly,
  errors,
}: {
  buttons: AlimTalkButton[];
  onChange: (b: AlimTalkButton[]) => void;
  readOnly: boolean;
  errors: Record<string, string[]>;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<AlimTalkButton>) =>
    onChange(buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset className="tpl-buttons" disabled={readOnly}>
      <legend>{t("tpl.buttons")}</legend>
      {buttons.map((b, i) => (
        <div key={i} className="row" data-testid={`tpl-button-${i}`}>
          <select value={b.type} onChange={(e) => set(i, { type: e.target.value })} aria-label={t("tpl.buttonType")}>
            {BUTTON_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`tpl.buttonType.${type}`)}
              </option>
            ))}
          </select>
          <input value={b.name} maxLength={14} onChange={(e) => set(i, { name: e.target.value })} placeholder={t("tpl.buttonName")} />
          {b.type === "WL" && (
            <input
              value={b.link_mobile ?? ""}
              onChange={(e) => set(i, { link_mobile: e.target.value })}
              placeholder={t("tpl.buttonLink")}
            />
          )}
          {!readOnly && (
            <button onClick={() => onChange(buttons.filter((_, j) => j !== i))} aria-label={t("tpl.removeButton")}>
              ✕
            </button>
          )}
          <FieldErrors messages={errors[`/buttons/${i}`]} field={`buttons-${i}`} />
        </div>
      ))}
      {!readOnly && buttons.length < 5 && (
        <button onClick={() => onChange([...buttons, { type: "WL", name: "", link_mobile: "" }])} data-testid="tpl-add-button">
          + {t("tpl.addButton")}
        </button>
      )}
    </fieldset>
  );
}

export function TemplateEditor({
  template,
  onSaved,
  onStored,
}: {
  /** The stored template, or null for a new draft. */
  template: AlimTalkTemplate | null;
  /** Called with the template as the server now has it (maybe a new code): the page opens it afresh. */
  onSaved: (saved: AlimTalkTemplate) => void;
  /** A step stored a change but the next one failed: the page refreshes its list, this form stays. */
  onStored: () => void;
}) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const canWrite = useCan("workflow.write");
  const canDecide = useCan("settings.write");
  const status = template?.status ?? "draft";
  const editable = canWrite && (template === null || status === "draft" || status === "rejected");
  const initial: Draft = {
    code: template?.code ?? "",
    name: template?.name ?? "",
    category: template?.category ?? "notice",
    text: template?.text ?? "",
    buttons: template?.buttons ?? [],
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const findings = useTextLint(draft.text);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const lintErrors = (findings ?? []).filter((f) => f.severity === "error").length;

  const run = async (action: () => Promise<AlimTalkTemplate>, done: string) => {
    setBusy(true);
    setErrors({});
    try {
      const saved = await action();
      toast("ok", t(done, { code: saved.code }));
      onSaved(saved);
    } catch (error) {
      setErrors(byField(error, t));
    } finally {
      setBusy(false);
    }
  };
  const save = (): Promise<AlimTalkTemplate> =>
    template === null
      ? api.createAlimtalkTemplate(draft)
      : api.updateAlimtalkTemplate(template.code, { name: draft.name, text: draft.text, buttons: draft.buttons });
  const submit = async (): Promise<AlimTalkTemplate> => {
    if (template === null) throw new Error("a new template is saved before it is submitted");
    // A changed draft (or a rejected one, which an edit returns to draft) is saved first.
    if (!dirty && status !== "rejected") return api.alimtalkTransition(template.code, "submit");
    const saved = await save();
    try {
      return await api.alimtalkTransition(saved.code, "submit");
    } catch (error) {
      onStored(); // the edit is stored even though Kakao's check refused the submission
      throw error;
    }
  };

  return (
    <section className="tpl-editor card" data-testid="tpl-editor">
      <div className="row">
        <h3>{template ? template.name : t("tpl.new")}</h3>
        {template && <StatusBadge status={status} />}
        {template?.version && template.version > 1 && <span className="muted small">v{template.version}</span>}
      </div>
      {status === "rejected" && template?.rejection_reason && (
        <p className="sev-error" data-testid="tpl-rejection">
          {t("tpl.rejectedBecause")} {template.rejection_reason}
        </p>
      )}
      {status === "approved" && <p className="muted small">{t("tpl.approvedReadOnly")}</p>}
      {status === "submitted" && <p className="muted small">{t("tpl.submittedHint")}</p>}
      <FieldErrors messages={errors[""]} field="" />
      <label className="tpl-field">
        {t("tpl.code")}
        <input
          value={draft.code}
          disabled={template !== null}
          onChange={(e) => setDraft({ ...draft, code: e.target.value.toUpperCase() })}
          placeholder="POSTOP_NOTICE_D1"
          data-testid="tpl-code"
        />
      </label>
      <FieldErrors messages={errors["/code"]} field="code" />
      <label className="tpl-field">
        {t("tpl.name")}
        <input value={draft.name} disabled={!editable} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="tpl-name" />
      </label>
      <FieldErrors messages={errors["/name"]} field="name" />
      <label className="tpl-field">
        {t("tpl.category")}
        <select
          value={draft.category}
          disabled={template !== null}
          onChange={(e) => setDraft({ ...draft, category: e.target.value as AlimTalkDraftIn["category"] })}
          data-testid="tpl-category"
        >
          {TEMPLATE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`tpl.category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors messages={errors["/category"]} field="category" />
      <label className="tpl-field">
        {t("tpl.text")} <span className="muted small">{t("tpl.textHint", { n: draft.text.length })}</span>
        <textarea
          rows={8}
          value={draft.text}
          readOnly={!editable}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          data-testid="tpl-text"
        />
      </label>
      <MarkedText text={draft.text} findings={findings ?? []} />
      <p className="small" data-testid="tpl-variables">
        {t("tpl.variables")}{" "}
        {placeholders(draft.text).map((v) => (
          <code key={v} className="tpl-var">{`#{${v}}`}</code>
        ))}
      </p>
      <FieldErrors messages={errors["/text"]} field="text" />
      <div data-testid="tpl-lint">
        {findings === null ? (
          <p className="muted small">{t("tpl.lintUnavailable")}</p>
        ) : findings.length === 0 ? (
          <p className="ok small">{t("tpl.lintClean")}</p>
        ) : (
          <ul className="inspector-problems">
            {findings.map((f, i) => (
              <li key={i} className={`sev-${f.severity}`} data-testid={`tpl-lint-${f.severity}`}>
                <code>{f.rule}</code> {pickLanguage(f.message, lang)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ButtonsEditor
        buttons={draft.buttons}
        onChange={(buttons) => setDraft({ ...draft, buttons })}
        readOnly={!editable}
        errors={errors}
      />
      <div className="row tpl-actions">
        {editable && (
          <button disabled={busy || !dirty} onClick={() => void run(save, "tpl.saved")} data-testid="tpl-save">
            {t("tpl.save")}
          </button>
        )}
        {editable && template !== null && (
          <button
            className="primary"
            disabled={busy}
            title={lintErrors ? t("tpl.submitLintErrors", { n: lintErrors }) : undefined}
            onClick={() => void run(submit, "tpl.submitted")}
            data-testid="tpl-submit"
          >
            {t("tpl.submit")}
          </button>
        )}
        {template && status === "submitted" && canDecide && (
          <>
            <button className="primary" disabled={busy} onClick={() => void run(() => api.alimtalkTransition(template.code, "approve"), "tpl.approved")} data-testid="tpl-approve">
              {t("tpl.approve")}
            </button>
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("tpl.reason")} data-testid="tpl-reason" />
            <button
              className="danger"
              disabled={busy}
              onClick={() => void run(() => api.alimtalkTransition(template.code, "reject", reason), "tpl.rejected")}
              data-testid="tpl-reject"
            >
              {t("tpl.reject")}
            </button>
          </>
        )}
        {template && status === "approved" && canWrite && (
          <button
            disabled={busy}
            onClick={() => void run(() => api.updateAlimtalkTemplate(template.code, { text: template.text }), "tpl.newVersionMade")}
            data-testid="tpl-new-version"
          >
            {t("tpl.newVersion")}
          </button>
        )}
      </div>
      <FieldErrors messages={errors["/reason"]} field="reason" />
    </section>
  );
}
