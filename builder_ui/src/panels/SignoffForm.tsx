// The reviewer's sign-off (medical-ad approval number, note) and the sign-offs so far. The reviewer is the
// logged-in user: the server records their name, nobody types one. Once this document is signed the form closes
// and says who signed and when (a second sign-off of the same text is a deliberate "sign again").
import { useState } from "react";
import { ApiError, NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { ReviewSignoff, Signoff } from "../api/generated";
import { useLang, useT } from "../i18n";
import { useSession } from "../store/session";
import { ErrorList, formatTime, LoadView, NotAvailable, useLoad } from "./common";
import { Icon } from "../icons/Icon";
import { useDraftNodeNames } from "./stepNames";

// A refusal because lint errors remain names rules ("MSA-GUARANTEE"); other refusals name a field (approval number).
const RULE_ID = /^[A-Z]+(-[A-Z0-9]+)+$/;

function blockedByFindings(error: unknown): boolean {
  return error instanceof ApiError && error.problems.some((p) => RULE_ID.test(p.code));
}

function SignoffHistory({ signoffs }: { signoffs: Signoff[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  if (!signoffs.length) return <p className="muted small">{t("signoff.none")}</p>;
  return (
    <ul className="list" data-testid="signoff-history">
      {signoffs.map((s) => (
        <li key={s.id}>
          <Icon name="check" className="icon-ok" /> {s.signed_by_name ?? s.reviewer_name} · {formatTime(s.signed_at, lang)}
          {s.approval_number && <> · {t("signoff.approvalNumber")} {s.approval_number}</>}
          {s.version !== null && <> · v{s.version}</>}
          {s.note && <div className="muted small">{s.note}</div>}
        </li>
      ))}
    </ul>
  );
}

/** Who signed this document and when, with the approval number: what the form turns into once signed. */
function SignedState({ signed, onAgain }: { signed: ReviewSignoff; onAgain: () => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <div className="signed-state" data-testid="signoff-signed">
      <p className="ok">
        <Icon name="check" className="icon-ok" />{" "}
        <span data-testid="signoff-signed-by">
          {t("signoff.signedBy", { name: signed.signed_by_name || signed.reviewer_name, at: formatTime(signed.signed_at, lang) })}
        </span>
        {signed.approval_number && (
          <>
            {" "}
            · {t("signoff.approvalNumber")} {signed.approval_number}
          </>
        )}
      </p>
      <button type="button" className="link small" onClick={onAgain} data-testid="signoff-again">
        {t("signoff.again")}
      </button>
    </div>
  );
}

export function SignoffForm({
  id,
  signed = null,
  onSigned,
}: {
  id: string;
  /** The sign-off of the document as it is now (null: not signed yet). */
  signed?: ReviewSignoff | null;
  onSigned?: () => void;
}) {
  const t = useT();
  const me = useSession((s) => s.me);
  const nodeName = useDraftNodeNames(Number(id));
  const [history, reload] = useLoad(() => api.signoffs(id), [id]);
  const [approval, setApproval] = useState("");
  const [note, setNote] = useState("");
  const [state, setState] = useState<"idle" | "busy" | "missing" | { error: unknown }>("idle");
  // the sign-off just made here, so the form closes at once (the review reloads behind it)
  const [justSigned, setJustSigned] = useState<ReviewSignoff | null>(null);
  const [again, setAgain] = useState(false);
  const shown = justSigned ?? signed;

  const submit = async () => {
    setState("busy");
    try {
      const made = await api.signoff(id, { approval_number: approval || undefined, note: note || undefined });
      setJustSigned({
        reviewer_name: made.reviewer_name,
        signed_by_name: made.signed_by_name ?? made.reviewer_name,
        signed_at: made.signed_at,
        approval_number: made.approval_number,
      });
      setAgain(false);
      setApproval("");
      setNote("");
      setState("idle");
      reload();
      onSigned?.();
    } catch (error) {
      setState(error instanceof NotAvailableError ? "missing" : { error });
    }
  };

  const history_ = (
    <LoadView loaded={history} what={t("signoff.title")}>
      {(list) => <SignoffHistory signoffs={list} />}
    </LoadView>
  );

  if (shown && !again) {
    return (
      <section className="signoff" data-testid="signoff-form">
        <h3>{t("signoff.title")}</h3>
        <SignedState signed={shown} onAgain={() => setAgain(true)} />
        {/* the list only when it says more than the line above (earlier sign-offs of other versions) */}
        {history.state === "ok" && history.data.length > 1 && history_}
      </section>
    );
  }

  return (
    <form
      className="signoff"
      data-testid="signoff-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t("signoff.title")}</h3>
      {history_}
      <p className="small" data-testid="signoff-reviewer">
        {t("signoff.reviewer")}: <strong>{me?.name ?? me?.user?.name ?? "—"}</strong>
      </p>
      <label>
        {t("signoff.approvalNumber")}
        <input value={approval} onChange={(e) => setApproval(e.target.value)} placeholder={t("signoff.approvalHint")} data-testid="signoff-approval" />
      </label>
      <textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("signoff.comment")} rows={3} data-testid="signoff-note" />
      <div className="row">
        <button className="primary" disabled={state === "busy"} data-testid="signoff-submit">
          {t("signoff.submit")}
        </button>
        {again && (
          <button type="button" onClick={() => setAgain(false)} data-testid="signoff-cancel">
            {t("signoff.cancel")}
          </button>
        )}
      </div>
      {state === "missing" && <NotAvailable what={t("signoff.title")} />}
      {typeof state === "object" && blockedByFindings(state.error) && (
        <p className="error-list" data-testid="signoff-blocked">
          {t("signoff.blocked")}
        </p>
      )}
      {typeof state === "object" && <ErrorList error={state.error} testId="signoff-errors" nodeName={nodeName} />}
    </form>
  );
}
