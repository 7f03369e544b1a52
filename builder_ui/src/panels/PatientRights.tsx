// The patient's rights: export everything held (JSON download) and erase, behind a dialog that names
// what erasure does. Each button shows only when the role holds the action.
import { useState } from "react";
import type { PatientDetail } from "../api/generated";
import { patientApi } from "../api/patients";
import { useT } from "../i18n";
import { toast } from "../store/toast";
import { ErrorList } from "./common";
import { useCanAny } from "../store/permissions";

const CONSEQUENCES = ["erase.personal", "erase.runs", "erase.messages", "erase.ledger", "erase.never", "erase.final"];

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

function EraseDialog({ patient, onClose, onErased }: { patient: PatientDetail; onClose: () => void; onErased: () => void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    setBusy(true);
    try {
      await patientApi.erase(patient.id);
      toast("ok", t("erase.done"));
      onClose();
      onErased();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <div className="card modal" role="dialog" aria-modal="true" aria-labelledby="erase-title" data-testid="erase-dialog">
        <h3 id="erase-title">{t("erase.title", { name: patient.name ?? "" })}</h3>
        <ul>
          {CONSEQUENCES.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <div className="row">
          <button className="danger" disabled={busy} onClick={() => void erase()} data-testid="erase-confirm">
            {t("erase.confirm")}
          </button>
          <button onClick={onClose} data-testid="erase-cancel">
            {t("erase.cancel")}
          </button>
        </div>
        <ErrorList error={error} testId="erase-errors" />
      </div>
    </div>
  );
}

export function PatientRights({ patient, onErased }: { patient: PatientDetail; onErased: () => void }) {
  const t = useT();
  const can = useCanAny();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canExport = can("patient.export");
  const canErase = can("patient.erase") && !patient.erased_at;
  if (!canExport && !canErase) return null;
  const exportJson = async () => {
    setError(null);
    try {
      download(`patient-${patient.id}.json`, await patientApi.export(patient.id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" data-testid="patient-rights">
      <h3>{t("rights.title")}</h3>
      <div className="row">
        {canExport && (
          <button onClick={() => void exportJson()} data-testid="patient-export">
            ⬇ {t("rights.export")}
          </button>
        )}
        {canErase && (
          <button className="danger" onClick={() => setConfirming(true)} data-testid="patient-erase">
            {t("rights.erase")}
          </button>
        )}
      </div>
      <ErrorList error={error} testId="rights-errors" />
      {confirming && <EraseDialog patient={patient} onClose={() => setConfirming(false)} onErased={onErased} />}
    </section>
  );
}
