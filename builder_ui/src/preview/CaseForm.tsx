// The case a preview runs on: an imported patient (searched by phone, chart number or full name; opened
// through the audited patient API), when the event happens, the appointment's time and procedure.
import { memo, useState } from "react";
import { api } from "../api/endpoints";
import type { PatientDetail, PatientSummary } from "../api/generated";
import { patientApi } from "../api/patients";
import { useT } from "../i18n";
import { useCan } from "../store/permissions";
import { toast } from "../store/toast";
import { errorMessages } from "../panels/common";
import { seoulLocal } from "./dates";

export interface PreviewCase {
  patient: PatientDetail | null; // null: the sample patient (김민지)
  occurredAt: string; // datetime-local, Seoul
  startsAt: string; // datetime-local, Seoul
  procedure: string; // a procedure code or name; "" keeps the trigger's sample
}

export const SAMPLE_CASE: PreviewCase = {
  patient: null,
  occurredAt: "2026-12-01T09:00",
  startsAt: "2026-12-03T14:30",
  procedure: "",
};

function CaseFormView({ value, onChange, procedures }: { value: PreviewCase; onChange: (c: PreviewCase) => void; procedures: { code: string; title: string }[] }) {
  const t = useT();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<PatientSummary[] | null>(null);
  const canReadPatients = useCan("patient.read"); // else only the sample patient: the search would be refused

  const search = async () => {
    if (!q.trim()) return;
    try {
      setFound(await api.patients(q.trim()));
    } catch (error) {
      toast("error", errorMessages(error, t).join(" "));
    }
  };
  const choose = async (id: number) => {
    try {
      onChange({ ...value, patient: await patientApi.get(id) });
      setFound(null);
      setQ("");
    } catch (error) {
      toast("error", errorMessages(error, t).join(" "));
    }
  };
  const now = () => {
    const start = new Date();
    onChange({ ...value, occurredAt: seoulLocal(start) });
  };
  const sameDay = () => {
    const at = new Date(`${value.occurredAt}:00+09:00`);
    onChange({ ...value, startsAt: seoulLocal(new Date(at.getTime() + 3 * 3600_000)) });
  };

  return (
    <div className="case-form" data-testid="preview-case">
      <div className="row">
        <span className="small">{t("preview.patient")}:</span>
        {value.patient ? (
          <strong data-testid="preview-patient">
            {value.patient.name ?? "?"} {value.patient.chart_no ? `(${value.patient.chart_no})` : ""}
          </strong>
        ) : (
          <span className="muted small">{t("preview.samplePatient")}</span>
        )}
        {value.patient && (
          <button type="button" className="small" onClick={() => onChange({ ...value, patient: null })}>
            {t("preview.useSample")}
          </button>
        )}
        {canReadPatients && (
          <>
            <input
              type="search"
              value={q}
              placeholder={t("preview.searchPatient")}
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && void search()}
              data-testid="preview-patient-search"
            />
            <button type="button" onClick={() => void search()} data-testid="preview-patient-find">
              {t("preview.find")}
            </button>
          </>
        )}
      </div>
      {found && (
        <ul className="case-results">
          {found.length === 0 && <li className="muted small">{t("preview.noPatient")}</li>}
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => void choose(p.id)} data-testid={`preview-choose-${p.id}`}>
                {p.name} · {p.chart_no ?? "-"} · {p.phone}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <label className="small">
          {t("preview.occurredAt")}{" "}
          <input
            type="datetime-local"
            value={value.occurredAt}
            onChange={(e) => e.target.value && onChange({ ...value, occurredAt: e.target.value })}
            data-testid="preview-occurred-at"
          />
        </label>
        <button type="button" className="small" onClick={now}>
          {t("preview.now")}
        </button>
        <label className="small">
          {t("preview.startsAt")}{" "}
          <input
            type="datetime-local"
            value={value.startsAt}
            onChange={(e) => e.target.value && onChange({ ...value, startsAt: e.target.value })}
            data-testid="preview-starts-at"
          />
        </label>
        <button type="button" className="small" onClick={sameDay} data-testid="preview-same-day">
          {t("preview.sameDay")}
        </button>
        <label className="small">
          {t("preview.procedure")}{" "}
          <select value={value.procedure} onChange={(e) => onChange({ ...value, procedure: e.target.value })} data-testid="preview-procedure">
            <option value="">{t("preview.triggerProcedure")}</option>
            {procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}

export const CaseForm = memo(CaseFormView);
