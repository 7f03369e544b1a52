// The reviewer's sign-off: approve or request changes, with a comment.
import { useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import { useT } from "../i18n";
import { ErrorList, NotAvailable } from "./common";

export function SignoffForm({ id }: { id: string }) {
  const t = useT();
  const [decision, setDecision] = useState("approved");
  const [comment, setComment] = useState("");
  const [state, setState] = useState<"idle" | "busy" | "done" | "missing" | { error: unknown }>("idle");

  const submit = async () => {
    setState("busy");
    try {
      await api.signoff(id, { decision, comment });
      setState("done");
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
      <label>
        <input type="radio" name="decision" checked={decision === "approved"} onChange={() => setDecision("approved")} />{" "}
        {t("signoff.approve")}
      </label>
      <label>
        <input type="radio" name="decision" checked={decision === "changes_requested"} onChange={() => setDecision("changes_requested")} />{" "}
        {t("signoff.changes")}
      </label>
      <textarea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t("signoff.comment")} rows={3} />
      <button className="primary" disabled={state === "busy"}>
        {t("signoff.submit")}
      </button>
      {state === "done" && <p className="ok">{t("signoff.done")}</p>}
      {state === "missing" && <NotAvailable what={t("signoff.title")} />}
      {typeof state === "object" && <ErrorList error={state.error} />}
    </form>
  );
}
