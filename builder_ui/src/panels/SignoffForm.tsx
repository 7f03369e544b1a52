// The reviewer's sign-off (medical-ad approval number, note) and the sign-offs so far. The reviewer is the
// logged-in user: the server records their name, nobody types one.
import { useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { Signoff } from "../api/generated";
import { useLang, useT } from "../i18n";
import { useSession } from "../store/session";
import { ErrorList, formatTime, LoadView, NotAvailable, useLoad } from "./common";
import { Icon } from "../icons/Icon";

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

export function SignoffForm({ id, onSigned }: { id: string; onSigned?: () => void }) {
  const t = useT();
  const me = useSession((s) => s.me);
  const [history, reload] = useLoad(() => api.signoffs(id), [id]);
  const [approval, setApproval] = useState("");
  const [note, setNote] = useState("");
  const [state, setState] = useState<"idle" | "busy" | "done" | "missing" | { error: unknown }>("idle");

  const submit = async () => {
    setState("busy");
    try {
      await api.signoff(id, { approval_number: approval || undefined, note: note || undefined });
      setState("done");
      reload();
      onSigned?.();
    } catch (error) {
      setState(error instanceof NotAvailableError ? "missing" : { error });
    }
  };

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
      <LoadView loaded={history} what={t("signoff.title")}>
        {(list) => <SignoffHistory signoffs={list} />}
      </LoadView>
      <p className="small" data-testid="signoff-reviewer">
        {t("signoff.reviewer")}: <strong>{me?.name ?? me?.user?.name ?? "—"}</strong>
      </p>
      <label>
        {t("signoff.approvalNumber")}
        <input value={approval} onChange={(e) => setApproval(e.target.value)} placeholder={t("signoff.approvalHint")} />
      </label>
      <textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("signoff.comment")} rows={3} />
      <button className="primary" disabled={state === "busy"} data-testid="signoff-submit">
        {t("signoff.submit")}
      </button>
      {state === "done" && <p className="ok">{t("signoff.done")}</p>}
      {state === "missing" && <NotAvailable what={t("signoff.title")} />}
      {typeof state === "object" && <ErrorList error={state.error} testId="signoff-errors" />}
    </form>
  );
}
