// First log-in (and password reset): the one-time token arrives in the URL fragment (/setup#token=…), which
// browsers never send to a server, so it stays out of access logs and Referer headers.
import { useState } from "react";
import { setupApi } from "../api/patients";
import { useT } from "../i18n";
import { useRoute } from "../store/router";
import { useSession } from "../store/session";
import { ErrorList } from "./common";

function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token") ?? "";
}

export function SetupPage() {
  const t = useT();
  const check = useSession((s) => s.check);
  const navigate = useRoute((s) => s.navigate);
  const [token] = useState(tokenFromFragment);
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    setMismatch(password !== again);
    if (password !== again) return;
    setBusy(true);
    try {
      await setupApi.setPassword(token, password);
      // The link is spent: drop it from the address bar and history before going home, logged in.
      window.history.replaceState(null, "", "/setup");
      await check();
      navigate("/");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page login" data-testid="setup-page">
      <form
        className="login-box"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{t("setup.title")}</h2>
        {!token ? (
          <p className="error-list" role="alert" data-testid="setup-no-token">
            {t("setup.noToken")}
          </p>
        ) : (
          <>
            <p className="muted small">{t("setup.hint")}</p>
            <label>
              {t("setup.password")}
              <input
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
                data-testid="setup-password"
              />
            </label>
            <label>
              {t("setup.again")}
              <input
                type="password"
                value={again}
                onChange={(e) => setAgain(e.target.value)}
                autoComplete="new-password"
                data-testid="setup-again"
              />
            </label>
            <button className="primary" disabled={busy || !password} data-testid="setup-submit">
              {t("setup.submit")}
            </button>
            {mismatch && (
              <p className="error-list" role="alert" data-testid="setup-mismatch">
                {t("setup.mismatch")}
              </p>
            )}
            <ErrorList error={error} testId="setup-errors" />
          </>
        )}
        <p className="small">
          <a href="/" onClick={(e) => (e.preventDefault(), navigate("/"))}>
            {t("setup.toLogin")}
          </a>
        </p>
      </form>
    </main>
  );
}
