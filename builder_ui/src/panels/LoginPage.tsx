// Korean login page, shown whenever the API answers 401.
import { useState } from "react";
import { ApiError } from "../api/client";
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
  // One password that opens accounts in several clinics: the server names them (409 choose_clinic).
  const [clinics, setClinics] = useState<{ slug: string; name: string }[]>([]);
  const [clinic, setClinic] = useState("");

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password, clinic || undefined);
      loggedIn(await api.me()); // the log-in answer has the user, /me also the permissions
    } catch (e) {
      const offered = e instanceof ApiError && e.status === 409 ? choices(e.body) : [];
      if (offered.length) {
        setClinics(offered);
        setClinic(offered[0]?.slug ?? "");
      } else setError(e);
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
        {clinics.length > 0 && (
          <label>
            {t("login.clinic")}
            <select value={clinic} onChange={(e) => setClinic(e.target.value)} data-testid="login-clinic">
              {clinics.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
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

function choices(body: unknown): { slug: string; name: string }[] {
  const found = body && typeof body === "object" ? (body as { clinics?: unknown }).clinics : undefined;
  return Array.isArray(found) ? (found as { slug: string; name: string }[]) : [];
}
