// One patient: contact data (full, audit-logged on the server), consents with their history, opt-out,
// runs and messages, and the rights actions the role allows (export, erase).
import type { PatientDetail } from "../api/generated";
import { patientApi } from "../api/patients";
import "./patients.css";
import { useLang, useT } from "../i18n";
import { useRoute } from "../store/router";
import { formatTime, LoadView, useLoad } from "./common";
import { PatientActivity } from "./PatientActivity";
import { ConsentPanel, OptOutBox } from "./PatientConsents";
import { PatientRights } from "./PatientRights";
import { useCanAny } from "../store/permissions";
import { StartForPatient } from "../starts/StartForPatient";

function Contact({ patient }: { patient: PatientDetail }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const rows: [string, string][] = [
    ["patients.name", patient.name || "—"],
    ["patients.chart", patient.chart_no || "—"],
    ["patients.phone", patient.phone_display || patient.phone || "—"],
    ["patient.birthDate", patient.birth_date || "—"],
    ["patient.sex", patient.sex ? t(`sex.${patient.sex}`) : "—"],
    ["patient.tags", patient.tags.join(", ") || "—"],
    ["patient.created", formatTime(patient.created_at, lang) || "—"],
    ["patient.lastActivity", formatTime(patient.last_activity_at, lang) || "—"],
  ];
  return (
    <section className="card" data-testid="patient-contact">
      <h3>{t("patient.contact")}</h3>
      <table className="table">
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th>{t(key)}</th>
              <td data-testid={`patient-${key.split(".")[1]}`}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {patient.minor && <p className="small" data-testid="patient-minor">{t("patient.minor")}</p>}
    </section>
  );
}

export function PatientDetailPage({ id }: { id: string }) {
  const t = useT();
  const can = useCanAny();
  const navigate = useRoute((s) => s.navigate);
  const [patient, reload] = useLoad(() => patientApi.get(id), [id]);
  return (
    <main className="page patient" data-testid="patient-detail">
      <div className="row">
        <button onClick={() => navigate("/patients")} data-testid="patient-back">
          ← {t("patients.title")}
        </button>
        <h2 data-testid="patient-title">
          {patient.state === "ok" ? (patient.data.name || t("patient.erasedName")) : t("patient.title")}
        </h2>
        {patient.state === "ok" && patient.data.erased_at && (
          <span className="badge badge-error" data-testid="patient-erased">
            {t("patient.erased")}
          </span>
        )}
      </div>
      <LoadView loaded={patient} what={t("patient.title")}>
        {(p) => {
          const writable = can("patient.write") && !p.erased_at;
          return (
            <div className="patient-grid">
              <Contact patient={p} />
              <OptOutBox patient={p} writable={writable} onChanged={reload} />
              <ConsentPanel patient={p} writable={writable} onChanged={reload} />
              {can("run.read") && <PatientActivity id={p.id} />}
              {can("event.write") && <StartForPatient patient={p} />}
              <PatientRights patient={p} onErased={reload} />
            </div>
          );
        }}
      </LoadView>
    </main>
  );
}
