// Patients: search, consent status (a row opens the patient), and CSV/XLSX import with a dry-run preview.
import { useState } from "react";
import { api } from "../api/endpoints";
import { CONSENT_PURPOSES } from "../api/generated";
import { useT } from "../i18n";
import { useRoute } from "../store/router";
import { LoadView, useLoad } from "./common";
import { PatientImport } from "./PatientImport";


// The list gets the state now (true/false): false means "not granted", never granted or revoked alike;
// which one it was is on the patient's page (the consent history).
function consentText(value: unknown, t: (k: string) => string): string {
  if (value === true || value === "granted") return t("patients.granted");
  if (value === "revoked") return t("patients.revoked");
  return "—";
}

export function PatientsPage() {
  const t = useT();
  const [q, setQ] = useState("");
  const navigate = useRoute((s) => s.navigate);
  const [patients, reload] = useLoad(() => api.patientPage(q), [q]);
  return (
    <main className="page patients" data-testid="patients">
      <div className="row">
        <h2>{t("patients.title")}</h2>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("patients.search")} className="patients-search" data-testid="patients-search" />
      </div>
      <LoadView loaded={patients} what={t("patients.title")}>
        {({ patients: list, total }) => (
          <>
            {/* a search that finds no one says how to search: names and phones are encrypted, matched whole */}
            {list.length === 0 && (
              <p className="notice" data-testid="patients-empty">
                {q.trim() ? t("patients.noMatch") : t("patients.none")}
              </p>
            )}
            {total > list.length && (
              <p className="muted small" data-testid="patients-shown">
                {t("patients.shownOf", { shown: list.length, total })}
              </p>
            )}
            {list.length > 0 && (
              <table className="table patients-table" data-testid="patients-table">
                <thead>
                  <tr>
                    <th>{t("patients.chart")}</th>
                    <th>{t("patients.name")}</th>
                    <th>{t("patients.phone")}</th>
                    {CONSENT_PURPOSES.map((p) => (
                      <th key={p}>{t(`purpose.${p}`)}</th>
                    ))}
                    <th>{t("patients.optOut")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr
                      key={String(p.id ?? p.chart_no)}
                      onClick={() => p.id !== undefined && navigate(`/patients/${p.id}`)}
                      data-testid={`patient-row-${p.id ?? ""}`}
                    >
                      <td>{p.chart_no}</td>
                      <td>
                        <a href={`/patients/${p.id}`} onClick={(e) => e.preventDefault()}>
                          {p.name ?? ""}
                        </a>
                      </td>
                      <td>{p.phone ?? ""}</td>
                      {CONSENT_PURPOSES.map((purpose) => (
                        <td key={purpose}>{consentText(p.consents?.[purpose], t)}</td>
                      ))}
                      <td>{p.opted_out ? t("patients.optedOut") : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadView>
      <PatientImport onImported={reload} />
    </main>
  );
}
