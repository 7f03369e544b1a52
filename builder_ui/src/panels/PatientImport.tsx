// Patient import in two steps: choose a CSV/XLSX file → the server's dry run shows what would happen, with
// each bad row's number, column and reason → confirm to import (bad rows are skipped) or cancel.
import { useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { ImportBadValue, ImportPreview, ImportReport } from "../api/generated";
import { useT } from "../i18n";
import { ErrorList, NotAvailable } from "./common";
import { ImportPreviewTable, type Mapping, mappingText } from "./ImportPreview";
import "./patients.css";

type Step =
  | { step: "idle" }
  | { step: "checking" | "importing"; file: File }
  | { step: "preview"; file: File; report: ImportReport; read: ImportPreview | null }
  | { step: "done"; report: ImportReport }
  | { step: "missing" }
  | { step: "failed"; error: unknown };

function RowErrors({ report, bad = [] }: { report: ImportReport; bad?: ImportBadValue[] }) {
  const t = useT();
  if (report.errors.length === 0) return null;
  return (
    <table className="table" data-testid="import-errors">
      <thead>
        <tr>
          <th>{t("patients.row")}</th>
          <th>{t("patients.column")}</th>
          <th>{t("import.value")}</th>
          <th>{t("patients.code")}</th>
          <th>{t("report.message")}</th>
        </tr>
      </thead>
      <tbody>
        {report.errors.map((e, i) => (
          <tr key={i} data-testid="import-error">
            <td>{e.row}</td>
            <td>{e.column ?? ""}</td>
            <td data-testid="import-error-value">
              <code>{bad.find((b) => b.row === e.row && b.column === e.column && b.code === e.code)?.value ?? ""}</code>
            </td>
            <td>
              <code>{e.code}</code>
            </td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PatientImport({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [state, setState] = useState<Step>({ step: "idle" });
  const [mapping, setMapping] = useState<Mapping>({});
  const run = async (file: File, dryRun: boolean, map: Mapping = mapping) => {
    setState({ step: dryRun ? "checking" : "importing", file });
    try {
      const text = mappingText(map);
      const [report, read] = await Promise.all([
        api.importPatients(file, dryRun, text),
        dryRun ? api.previewPatientImport(file, text).catch(() => null) : Promise.resolve(null),
      ]);
      setState(dryRun ? { step: "preview", file, report, read } : { step: "done", report });
      if (!dryRun) onImported();
    } catch (error) {
      setState(error instanceof NotAvailableError ? { step: "missing" } : { step: "failed", error });
    }
  };
  const summary = (report: ImportReport) => ({ ...report, errors: report.errors.length });
  return (
    <section className="import-box" data-testid="patients-import">
      <h3>{t("patients.import")}</h3>
      <label className="button">
        📄 {t("patients.chooseFile")}
        <input
          type="file"
          hidden
          accept=".csv,.xlsx"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ""; // the same file may be chosen again after a fix
            setMapping({});
            if (file) void run(file, true, {});
          }}
        />
      </label>{" "}
      <span className="small muted">{t("patients.importHint")}</span>
      {(state.step === "checking" || state.step === "importing") && (
        <p className="muted">{t(state.step === "checking" ? "patients.importChecking" : "patients.importing", { file: state.file.name })}</p>
      )}
      {state.step === "missing" && <NotAvailable what={t("patients.import")} />}
      {state.step === "failed" && <ErrorList error={state.error} testId="import-failed" />}
      {state.step === "preview" && (
        <div className="import-preview" data-testid="import-preview">
          <p>
            <strong>{t("patients.previewOf", { file: state.file.name })}</strong> {t("patients.importSummary", summary(state.report))}
          </p>
          {state.read && (
            <ImportPreviewTable
              preview={state.read}
              mapping={mapping}
              onMap={(next) => {
                setMapping(next);
                void run(state.file, true, next);
              }}
            />
          )}
          <RowErrors report={state.report} bad={state.read?.bad_values} />
          <div className="row">
            <button
              className="primary"
              disabled={state.report.imported + state.report.updated === 0}
              onClick={() => void run(state.file, false)}
              data-testid="import-confirm"
            >
              {t("patients.importConfirm", { count: state.report.imported + state.report.updated })}
            </button>
            <button onClick={() => setState({ step: "idle" })} data-testid="import-cancel">
              {t("erase.cancel")}
            </button>
          </div>
        </div>
      )}
      {state.step === "done" && (
        <div data-testid="import-report">
          <p>✅ {t("patients.importDone", summary(state.report))}</p>
          <RowErrors report={state.report} />
        </div>
      )}
    </section>
  );
}
