// A patient's consents: the state now, the append-only ledger (every grant and revocation, never edited),
// recording a new entry, and 수신거부 (opt-out).
import { useState } from "react";
import { CONSENT_PURPOSES, type ConsentIn, type PatientDetail } from "../api/generated";
import { patientApi } from "../api/patients";

type Purpose = ConsentIn["purpose"];
import { useLang, useT } from "../i18n";
import { toast } from "../store/toast";
import { ErrorList, formatTime, LoadView, useLoad } from "./common";
import { Icon } from "../icons/Icon";

const METHODS: ConsentIn["method"][] = ["staff", "paper", "kiosk", "web"];

interface Props {
  patient: PatientDetail;
  writable: boolean;
  onChanged: () => void;
}

function RecordForm({ patient, onChanged }: { patient: PatientDetail; onChanged: () => void }) {
  const t = useT();
  const [method, setMethod] = useState<ConsentIn["method"]>("staff");
  const [guardian, setGuardian] = useState({ name: "", relationship: "" });
  const [when, setWhen] = useState(""); // empty: now; a paper form signed earlier gets its own date
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const record = async (purpose: Purpose, granted: boolean) => {
    setBusy(true);
    setError(null);
    const body: ConsentIn = { purpose, granted, method };
    if (guardian.name.trim() || guardian.relationship.trim()) body.guardian = guardian;
    // Local time without a zone (the server reads it as Asia/Seoul); the API wants the seconds too.
    if (when) body.occurred_at = when.length === 16 ? `${when}:00` : when;
    try {
      await patientApi.recordConsent(patient.id, body);
      toast("ok", t(granted ? "consent.grantedToast" : "consent.revokedToast", { purpose: t(`purpose.${purpose}`) }));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="consent-form">
      <div className="row small">
        <label>
          {t("consent.method")}{" "}
          <select value={method} onChange={(e) => setMethod(e.target.value as ConsentIn["method"])} data-testid="consent-method">
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("consent.when")}{" "}
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} data-testid="consent-when" />
        </label>
        <label>
          {t("consent.guardian")}{" "}
          <input value={guardian.name} onChange={(e) => setGuardian({ ...guardian, name: e.target.value })} data-testid="guardian-name" />
        </label>
        <label>
          {t("consent.relationship")}{" "}
          <input
            value={guardian.relationship}
            onChange={(e) => setGuardian({ ...guardian, relationship: e.target.value })}
            placeholder={t("consent.relationshipHint")}
            data-testid="guardian-relationship"
          />
        </label>
      </div>
      {patient.minor && <p className="small muted">{t("consent.minorHint")}</p>}
      <table className="table">
        <tbody>
          {CONSENT_PURPOSES.map((purpose) => (
            <tr key={purpose}>
              <th>{t(`purpose.${purpose}`)}</th>
              <td data-testid={`consent-state-${purpose}`}>{t(patient.consents[purpose] ? "patients.granted" : "consent.none")}</td>
              <td>
                <button disabled={busy} onClick={() => void record(purpose, true)} data-testid={`consent-grant-${purpose}`}>
                  {t("consent.grant")}
                </button>{" "}
                <button disabled={busy} onClick={() => void record(purpose, false)} data-testid={`consent-revoke-${purpose}`}>
                  {t("consent.revoke")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorList error={error} testId="consent-errors" />
    </div>
  );
}

export function ConsentPanel({ patient, writable, onChanged }: Props) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [history] = useLoad(() => patientApi.consents(patient.id), [patient]);
  return (
    <section className="card wide" data-testid="patient-consents">
      <h3>{t("consent.title")}</h3>
      {patient.reconfirm_marketing && <p className="small"><Icon name="warning" className="icon-warn" /> {t("consent.reconfirm")}</p>}
      {writable ? (
        <RecordForm patient={patient} onChanged={onChanged} />
      ) : (
        <p className="small">
          {CONSENT_PURPOSES.map((p) => `${t(`purpose.${p}`)}: ${t(patient.consents[p] ? "patients.granted" : "consent.none")}`).join(" · ")}
        </p>
      )}
      <h4>{t("consent.history")}</h4>
      <LoadView loaded={history} what={t("consent.history")}>
        {({ consents }) =>
          consents.length === 0 ? (
            <p className="muted small">{t("consent.empty")}</p>
          ) : (
            <table className="table" data-testid="consent-history">
              <thead>
                <tr>
                  <th>{t("consent.when")}</th>
                  <th>{t("consent.purpose")}</th>
                  <th>{t("consent.decision")}</th>
                  <th>{t("consent.method")}</th>
                  <th>{t("consent.guardian")}</th>
                  <th>{t("consent.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {consents.map((c) => (
                  <tr key={c.id} data-testid="consent-entry">
                    <td>{formatTime(c.occurred_at, lang)}</td>
                    <td>{t(`purpose.${c.purpose}`)}</td>
                    <td className={c.granted ? "" : "revoked"}>{t(c.granted ? "patients.granted" : "patients.revoked")}</td>
                    <td>{t(`method.${c.method}`)}</td>
                    <td>{c.guardian ? `${c.guardian.name} (${c.guardian.relationship})` : ""}</td>
                    <td className="small">{c.recorded_by_name ?? c.recorded_by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
    </section>
  );
}

export function OptOutBox({ patient, writable, onChanged }: Props) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const optOut = async (allMessages: boolean) => {
    setError(null);
    try {
      await patientApi.optOut(patient.id, allMessages);
      toast("ok", t("optout.done"));
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const advertising = patient.consents.marketing || patient.consents.night_ads;
  return (
    <section className="card" data-testid="patient-optout">
      <h3>{t("patients.optOut")}</h3>
      <p data-testid="optout-state">
        {patient.opted_out ? t("optout.all") : advertising ? t("optout.none") : t("optout.advertising")}
      </p>
      {writable && !patient.opted_out && (
        <div className="row">
          <button onClick={() => void optOut(false)} data-testid="optout-advertising">
            {t("optout.stopAds")}
          </button>
          <button className="danger" onClick={() => void optOut(true)} data-testid="optout-all">
            {t("optout.stopAll")}
          </button>
        </div>
      )}
      <ErrorList error={error} testId="optout-errors" />
    </section>
  );
}
