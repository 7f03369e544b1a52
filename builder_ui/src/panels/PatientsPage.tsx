// Patients: search, consent status, and CSV/XLSX import with the row-level error report.
import { useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { ImportReport } from "../api/types";
import { useT } from "../i18n";
import { ErrorList, LoadView, NotAvailable, useLoad } from "./common";

const PURPOSES = ["treatment", "marketing", "night_ads"];

function consentText(value: unknown, t: (k: string) => string): string {
  if (value === true || value === "granted") return t("patients.granted");
  if (value === false || value === "revoked") return t("patients.revoked");
  return "—";
}

function ImportBox() {
  const t = useT();
  const [dryRun, setDryRun] = useState(true);
  const [result, setResult] = useState<ImportReport | "missing" | { error: unknown } | null>(null);
  const upload = async (file: File) => {
    try {
      setResult(await api.importPatients(file, dryRun));
    } catch (error) {
      setResult(error instanceof NotAvailableError ? "missing" : { error });
    }
  };
  return (
    <section className="import-box" data-testid="patients-import">
      <h3>{t("patients.import")}</h3>
      <label className="button">
        📄 {t("patients.chooseFile")}
        <input type="file" hidden accept=".csv,.xlsx" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </label>{" "}
      <label className="small">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> {t("patients.dryRun")}
      </label>
      {result === "missing" && <NotAvailable what={t("patients.import")} />}
      {result && typeof result === "object" && "error" in result && <ErrorList error={result.error} />}
      {result && typeof result === "object" && "rows" in result && (
        <div data-testid="import-report">
          <p>{t("patients.importSummary", { ...result, errors: result.errors.length })}</p>
          {result.errors.length > 0 && (
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>{t("patients.row")}</th>
                  <th>{t("patients.column")}</th>
                  <th>{t("patients.code")}</th>
                  <th>{t("report.message")}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.column ?? ""}</td>
                    <td>
                      <code>{e.code}</code>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

export function PatientsPage() {
  const t = useT();
  const [q, setQ] = useState("");
  const [patients] = useLoad(() => api.patients(q), [q]);
  return (
    <main className="page patients" data-testid="patients">
      <div className="row">
        <h2>{t("patients.title")}</h2>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("patients.search")} data-testid="patients-search" />
      </div>
      <LoadView loaded={patients} what={t("patients.title")}>
        {(list) => (
          <table className="table" data-testid="patients-table">
            <thead>
              <tr>
                <th>{t("patients.chart")}</th>
                <th>{t("patients.name")}</th>
                <th>{t("patients.phone")}</th>
                {PURPOSES.map((p) => (
                  <th key={p}>{t(`purpose.${p}`)}</th>
                ))}
                <th>{t("patients.optOut")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={String(p.id ?? p.chart_no)}>
                  <td>{p.chart_no}</td>
                  <td>{p.name ?? ""}</td>
                  <td>{p.phone ?? ""}</td>
                  {PURPOSES.map((purpose) => (
                    <td key={purpose}>{consentText(p.consents?.[purpose], t)}</td>
                  ))}
                  <td>{p.opted_out ? t("patients.optedOut") : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadView>
      <ImportBox />
    </main>
  );
}
