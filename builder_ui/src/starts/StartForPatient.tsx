// The patient page's "이 환자에게 시작": pick one of the clinic's published manual workflows, then the
// same preview-then-start dialog for this one patient.
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import type { PatientDetail } from "../api/generated";
import { StartDialog } from "./StartDialog";
import { useStartText } from "./strings";

interface Choice {
  id: number;
  name: string;
}

async function manualWorkflows(): Promise<Choice[]> {
  const live = (await api.listWorkflows()).filter((w) => w.published_version != null);
  const found = await Promise.all(
    live.map(async (w) => {
      const version = await api.getVersion(w.id, Number(w.published_version));
      return version.document.nodes.some((n) => n.type === "trigger.manual") ? { id: w.id, name: w.name } : null;
    }),
  );
  return found.filter((c): c is Choice => c !== null);
}

export function StartForPatient({ patient }: { patient: PatientDetail }) {
  const s = useStartText();
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [picked, setPicked] = useState<string>("");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    manualWorkflows().then(
      (found) => live && (setChoices(found), setPicked(found[0] ? String(found[0].id) : "")),
      () => live && setChoices([]),
    );
    return () => {
      live = false;
    };
  }, []);
  if (patient.erased_at) return null;
  const chosen = choices?.find((c) => String(c.id) === picked);
  const summary = {
    id: patient.id,
    chart_no: patient.chart_no ?? null,
    name: patient.name ?? "",
    phone: patient.phone_display ?? "",
    sex: patient.sex ?? null,
    opted_out: false,
    erased: false,
    consents: {} as never,
  };
  return (
    <section className="card" data-testid="start-for-patient">
      <h3>{s("forPatient")}</h3>
      {choices !== null && choices.length === 0 ? (
        <p className="muted small">{s("noManualWorkflows")}</p>
      ) : (
        <div className="row">
          <select value={picked} onChange={(e) => setPicked(e.target.value)} aria-label={s("chooseWorkflow")} data-testid="start-patient-workflow">
            {(choices ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button className="primary" disabled={!chosen} onClick={() => setOpen(true)} data-testid="start-patient-open">
            {s("forPatient")}
          </button>
        </div>
      )}
      {open && chosen && <StartDialog workflowId={chosen.id} workflowName={chosen.name} patients={[summary]} onClose={() => setOpen(false)} />}
    </section>
  );
}
