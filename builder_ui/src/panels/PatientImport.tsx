// Patient import in two steps: choose a CSV/XLSX file → the server's dry run shows what would happen, with
// each bad row's number, column and reason → confirm to import (bad rows are skipped) or cancel.
// Both steps run as a server job (POST /api/patients/import-jobs), polled for a progress bar: a 100,000-row
// export takes a while, and the receptionist sees how far it got.
import { useEffect, useRef, useState } from "react";
import { ApiError, NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { ImportBadValue, ImportJobView, ImportPreview, ImportReport } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { ErrorList, NotAvailable } from "./common";
import { ImportPreviewTable, type Mapping, mappingText } from "./ImportPreview";
import "./patients.css";
import { Icon } from "../icons/Icon";

type Step =
  | { step: "idle" }
  | { step: "checking" | "importing"; file: File; job?: ImportJobView }
  | { step: "preview"; file: File; report: ImportReport; read: ImportPreview | null }
  | { step: "done"; report: ImportReport }
  | { step: "missing" }
  | { step: "failed"; error: unknown };

function RowErrors({ report, bad = [] }: { report: ImportReport; bad?: ImportBadValue[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
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
            <td>{pickLanguage(e.message, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const POLL_MS = 400;

function ImportProgress({ job }: { job?: ImportJobView }) {
  const t = useT();
  const percent = job?.percent ?? 0;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={100} value={percent} aria-label={t("patients.importProgress")} />{" "}
      <span data-testid="import-progress-text">
        {t("patients.importProgressText", {
          percent,
          rows: (job?.rows ?? 0).toLocaleString(),
          done: mb(job?.bytes_done ?? 0),
          total: mb(job?.bytes_total ?? 0),
        })}
      </span>
    </div>
  );
}

export function PatientImport({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [state, setState] = useState<Step>({ step: "idle" });
  const [mapping, setMapping] = useState<Mapping>({});
  const alive = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    alive.current = controller;
    return () => controller.abort(); // leaving the page stops polling (the server's job goes on)
  }, []);
  /** Start the job, show its progress while it runs, answer its report (or throw its problem). */
  const asJob = async (file: File, dryRun: boolean, text: string): Promise<ImportReport> => {
    const step = dryRun ? "checking" : "importing";
    let job = await api.startPatientImport(file, dryRun, text);
    while (job.status === "running") {
      setState({ step, file, job });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await api.patientImportJob(job.id, alive.current.signal);
    }
    if (job.status === "failed" || !job.report) throw new ApiError(422, job.errors as never);
    return job.report;
  };
  const run = async (file: File, dryRun: boolean, map: Mapping = mapping) => {
    setState({ step: dryRun ? "checking" : "importing", file });
    try {
      const text = mappingText(map);
      const [report, read] = await Promise.all([
        asJob(file, dryRun, text),
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
        <Icon name="file" /> {t("patients.chooseFile")}
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
        <>
          <p className="muted">{t(state.step === "checking" ? "patients.importChecking" : "patients.importing", { file: state.file.name })}</p>
          <ImportProgress job={state.job} />
        </>
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
          {state.report.rows === 0 && (
            <p className="notice" data-testid="import-no-rows">
              {t("patients.importNoRows")}
            </p>
          )}
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
          <p><Icon name="check" className="icon-ok" /> {t("patients.importDone", summary(state.report))}</p>
          <RowErrors report={state.report} />
        </div>
      )}
    </section>
  );
}
