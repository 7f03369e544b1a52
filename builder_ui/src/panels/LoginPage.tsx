// Korean login page, shown whenever the API answers 401.
import { useState } from "react";
import { api } from "../api/endpoints";
import { useT } from "../i18n";
import { useSession } from "../store/session";
import { ErrorList } from "./common";

export function LoginPage() {
  const t = useT();
  const loggedIn = useSession((s) => s.loggedIn);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password);
      loggedIn(await api.me()); // the log-in answer has the user, /me also the permissions
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page login" data-testid="login-page">
      <form
        className="login-box"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{t("login.title")}</h2>
        <label>
          {t("login.email")}
          <input value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" data-testid="login-email" />
        </label>
        <label>
          {t("login.password")}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </label>
        <button className="primary" disabled={busy} data-testid="login-submit">
          {t("login.submit")}
        </button>
        {/* 401/429: the server's own message; "server unreachable" only when no answer came (common.tsx) */}
        <ErrorList error={error} testId="login-errors" />
        <p className="small">
          <button type="button" className="link" onClick={() => setForgot(!forgot)} data-testid="login-forgot">
            {t("login.forgot")}
          </button>
        </p>
        {forgot && (
          <p className="muted small" data-testid="login-forgot-answer">
            {t("login.forgotAnswer")}
          </p>
        )}
      </form>
    </main>
  );
}
