// EMR reservation import in the browser: choose the export → the server's dry run shows the counts, each bad
// row (row, column, why) and warnings → import, or cancel. Same diffing as `doctorsflow import-appointments`.
import { useState } from "react";
import { useLang } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { ErrorList } from "../panels/common";
import { toast } from "../store/toast";
import { bookApi, type ImportReport } from "./api";
import { type BookKey, useS } from "./strings";
import { Icon } from "../icons/Icon";

const COUNTS = ["created", "rescheduled", "cancelled", "attended", "no_show", "unchanged"] as const;

function Findings({ title, items, testId }: { title: string; items: ImportReport["errors"]; testId: string }) {
  const s = useS();
  const { lang } = useLang();
  if (items.length === 0) return null;
  return (
    <>
      <h4>
        {title} ({items.length})
      </h4>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th title={s("rowHint")}>{s("row")}</th>
            <th>{s("column")}</th>
            <th>{s("code")}</th>
            <th>{s("message")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f, i) => (
            <tr key={i}>
              {/* the API counts data rows (header excluded, 0 = the whole file); people look in the spreadsheet,
                  where the header is row 1 — as the patient import shows its rows */}
              <td data-testid="finding-row">{f.row === 0 ? s("wholeFile") : f.row + 1}</td>
              <td>{f.column}</td>
              <td>
                <code>{f.code}</code>
              </td>
              <td>{pickLanguage(f.message, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function Summary({ report, testId }: { report: ImportReport; testId: string }) {
  const s = useS();
  return (
    <div className="counts" data-testid={testId}>
      <span>
        {report.rows} {s("rows")}
      </span>
      {COUNTS.map((key) => (
        <span key={key} data-testid={`${testId}-${key}`}>
          {s(`count.${key}` as BookKey)} <strong>{report[key]}</strong>
        </span>
      ))}
    </div>
  );
}

export function ReservationImport({ onImported, onClose }: { onImported: (report: ImportReport) => void; onClose: () => void }) {
  const s = useS();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState("");
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const report = await bookApi.importFile(chosen, dryRun, mapping);
      if (dryRun) {
        setPreview(report);
        setDone(null);
      } else {
        setDone(report);
        setPreview(null);
        toast("ok", s("imported"));
        onImported(report);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel-box" data-testid="reservation-import">
      <h3>{s("importFile")}</h3>
      <p className="small muted">{s("importHint")}</p>
      <div className="row">
        <label className="button">
          <Icon name="file" /> {s("choose")}
          <input
            type="file"
            hidden
            accept=".csv,.xlsx,.txt"
            data-testid="reservation-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = "";
              if (chosen) {
                setFile(chosen);
                void run(chosen, true);
              }
            }}
          />
        </label>
        <input
          value={mapping}
          onChange={(e) => setMapping(e.target.value)}
          placeholder={s("mapping")}
          aria-label={s("mapping")}
          style={{ minWidth: 260 }}
          data-testid="reservation-mapping"
        />
        {file && <span className="small">{file.name}</span>}
        <button onClick={onClose}>{s("close")}</button>
      </div>
      <ErrorList error={error} />
      {preview && file && (
        <div data-testid="reservation-preview">
          <h4>{s("preview")}</h4>
          <Summary report={preview} testId="preview-counts" />
          <Findings title={s("errors")} items={preview.errors} testId="preview-errors" />
          <Findings title={s("warnings")} items={preview.warnings} testId="preview-warnings" />
          <div className="row">
            <button className="primary" disabled={busy} onClick={() => void run(file, false)} data-testid="reservation-confirm">
              {s("doImport")}
            </button>
            <button onClick={() => setPreview(null)}>{s("cancel")}</button>
          </div>
        </div>
      )}
      {done && (
        <div data-testid="reservation-done">
          <Summary report={done} testId="import-counts" />
          <Findings title={s("errors")} items={done.errors} testId="import-errors" />
          <Findings title={s("warnings")} items={done.warnings} testId="import-warnings" />
        </div>
      )}
    </section>
  );
}
