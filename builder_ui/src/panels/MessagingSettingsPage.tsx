// 발송 설정 / Messaging settings: a clinic's SOLAPI or NHN Cloud credentials, saved sealed on the server.
// Secret inputs are never prefilled: a stored secret shows as "저장됨 ••••1234" and a blank input keeps it.
import { useEffect, useState } from "react";
import { channelsApi } from "../api/channels";
import { type ConnectionCheck, type CredentialsView, STORED_PROVIDERS, type StoredProvider } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { toast } from "../store/toast";
import { ErrorList, LoadView, formatTime, useLoad } from "./common";
import { WebhookSecrets } from "../integrations/WebhookSecrets";
import { useCan } from "../store/permissions";
import { Icon } from "../icons/Icon";


function CredentialsForm({ view, onSaved }: { view: CredentialsView; onSaved: (next: CredentialsView) => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [provider, setProvider] = useState<StoredProvider>(view.active_provider ?? "solapi");
  const current = view.providers.find((p) => p.provider === provider);
  const [values, setValues] = useState<Record<string, string>>({});
  const [active, setActive] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);

  // Switching provider (or a fresh view after saving) refills the plain fields; secrets stay blank.
  useEffect(() => {
    const plain: Record<string, string> = {};
    for (const f of current?.fields ?? []) if (!f.secret) plain[f.key] = f.value ?? "";
    setValues(plain);
    setActive(current?.stored ? current.active : true);
    setError(null);
    setCheck(null);
  }, [provider, view]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setCheck(null);
    try {
      onSaved(await channelsApi.save(provider, values, active));
      toast("ok", t("messaging.saved"));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(t("messaging.confirmDelete"))) return;
    setBusy(true);
    setError(null);
    setCheck(null);
    try {
      await channelsApi.remove(provider);
      onSaved(await channelsApi.credentials());
      toast("ok", t("messaging.deleted"));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const test = async () => {
    setBusy(true);
    setError(null);
    try {
      setCheck(await channelsApi.test(provider));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="messaging-form" data-testid="messaging-form">
      <label>
        {t("messaging.provider")}{" "}
        <select value={provider} onChange={(e) => setProvider(e.target.value as StoredProvider)} data-testid="messaging-provider">
          {STORED_PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {t(`messaging.provider.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {current?.fields.map((f) => (
        <label key={f.key}>
          <span>
            {t(`messaging.field.${f.key}`)}
            {f.required && " *"}
          </span>
          {f.choices.length > 0 ? (
            <select value={values[f.key] ?? ""} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid={`field-${f.key}`}>
              <option value="">{t("messaging.default")}</option>
              {f.choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ) : (
            <input
              type={f.secret ? "password" : "text"}
              autoComplete={f.secret ? "new-password" : "off"}
              value={values[f.key] ?? ""}
              placeholder={f.secret && f.set ? t("messaging.keepSecret") : ""}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              data-testid={`field-${f.key}`}
            />
          )}
          {f.secret && f.set && (
            <span className="small muted" data-testid={`stored-${f.key}`}>
              {t("messaging.stored")} {f.masked}
            </span>
          )}
        </label>
      ))}
      <label className="inline">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="messaging-active" />{" "}
        {t("messaging.useForSending")}
      </label>
      <div className="row">
        <button className="primary" onClick={() => void save()} disabled={busy} data-testid="messaging-save">
          {t("messaging.save")}
        </button>
        <button onClick={() => void test()} disabled={busy || !current?.stored} data-testid="messaging-test">
          {t("messaging.test")}
        </button>
        {current?.stored && (
          <button onClick={() => void remove()} disabled={busy} data-testid="messaging-delete">
            {t("messaging.delete")}
          </button>
        )}
      </div>
      <ErrorList error={error} />
      {check && (
        <p className={check.ok ? "check-ok" : "check-failed"} role="status" data-testid="messaging-check">
          <Icon name={check.ok ? "check" : "warning"} className={check.ok ? "icon-ok" : "icon-warn"} />{" "}
          {pickLanguage(check.message, lang)}
        </p>
      )}
      {current?.stored && (
        <p className="small muted">{t("messaging.updated", { at: formatTime(current.updated_at, lang), by: current.updated_by_name ?? current.updated_by ?? "" })}</p>
      )}
    </section>
  );
}

export function MessagingSettingsPage() {
  const t = useT();
  const canIntegrate = useCan("settings.write");
  const [loaded] = useLoad(() => channelsApi.credentials(), []);
  const [view, setView] = useState<CredentialsView | null>(null);
  return (
    <main className="page messaging" data-testid="messaging-settings">
      <h2>{t("messaging.title")}</h2>
      <p className="muted small">{t("messaging.intro")}</p>
      <LoadView loaded={loaded} what={t("messaging.title")}>
        {(first) => {
          const shown = view ?? first;
          return (
            <>
              <p data-testid="messaging-active-provider">
                {t("messaging.activeNow")}:{" "}
                <strong>{shown.active_provider ? t(`messaging.provider.${shown.active_provider}`) : t("messaging.none")}</strong>
              </p>
              <CredentialsForm view={shown} onSaved={setView} />
            </>
          );
        }}
      </LoadView>
      {canIntegrate && <WebhookSecrets />}
    </main>
  );
}
