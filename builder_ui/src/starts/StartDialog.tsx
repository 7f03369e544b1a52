// "직접 실행 / Start": choose patients (or a filter), preview who would start and what each gets first,
// then start. The server (runtime/manual_start.py) enrols nobody twice and checks consent again at send.
import { useState } from "react";
import { api } from "../api/endpoints";
import type { PatientSummary } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { ErrorList, formatTime } from "../panels/common";
import "../panels/patients.css";
import "./starts.css";
import { useRoute } from "../store/router";
import { type StartAnswer, type StartBody, startApi } from "./api";
import { useStartText } from "./strings";
import { Icon } from "../icons/Icon";

type Mode = "patients" | "filter";
interface Filter {
  procedure: string;
  tag: string;
  last_visit_after: string;
  last_visit_before: string;
  consent: "" | "treatment" | "marketing" | "night_ads";
}
const NO_FILTER: Filter = { procedure: "", tag: "", last_visit_after: "", last_visit_before: "", consent: "" };

function filterBody(filter: Filter): NonNullable<StartBody["filter"]> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value.trim()) out[key] = value.trim();
  return out as NonNullable<StartBody["filter"]>;
}

function PatientPicker({ chosen, onChange }: { chosen: PatientSummary[]; onChange: (next: PatientSummary[]) => void }) {
  const s = useStartText();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<PatientSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const search = async () => {
    setError(null);
    try {
      setHits((await api.patients(q)).filter((p) => !p.erased));
    } catch (e) {
      setError(e);
    }
  };
  const has = new Set(chosen.map((p) => p.id));
  return (
    <div data-testid="start-picker">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder={s("search")} aria-label={s("search")} data-testid="start-search" />
        <button type="submit" data-testid="start-search-go">
          <Icon name="search" label={s("search")} />
        </button>
      </form>
      <ErrorList error={error} testId="start-search-errors" />
      <ul className="start-list">
        {hits.map((p) => (
          <li key={p.id}>
            <span>
              {p.name} <span className="muted small">{p.chart_no ?? ""} {p.phone}</span>
            </span>
            <button disabled={has.has(p.id)} onClick={() => onChange([...chosen, p])} data-testid={`start-add-${p.id}`}>
              {s("add")}
            </button>
          </li>
        ))}
      </ul>
      <p className="small" data-testid="start-chosen-count">{s("chosen", { n: chosen.length })}</p>
      <ul className="start-list">
        {chosen.map((p) => (
          <li key={p.id} data-testid="start-chosen">
            <span>{p.name}</span>
            <button className="link" onClick={() => onChange(chosen.filter((c) => c.id !== p.id))}>
              {s("remove")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FilterForm({ filter, onChange }: { filter: Filter; onChange: (next: Filter) => void }) {
  const s = useStartText();
  const field = (key: "procedure" | "tag" | "last_visit_after" | "last_visit_before", label: string, type = "text") => (
    <label className="start-field">
      <span>{label}</span>
      <input type={type} value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.target.value })} data-testid={`start-filter-${key}`} />
    </label>
  );
  return (
    <div className="start-filter" data-testid="start-filter">
      {field("procedure", s("procedure"))}
      {field("tag", s("tag"))}
      {field("last_visit_after", s("lastVisitAfter"), "date")}
      {field("last_visit_before", s("lastVisitBefore"), "date")}
      <label className="start-field">
        <span>{s("consent")}</span>
        <select value={filter.consent} onChange={(e) => onChange({ ...filter, consent: e.target.value as Filter["consent"] })} data-testid="start-filter-consent">
          <option value="">{s("anyConsent")}</option>
          <option value="treatment">{s("treatment")}</option>
          <option value="marketing">{s("marketing")}</option>
          <option value="night_ads">{s("night_ads")}</option>
        </select>
      </label>
    </div>
  );
}

function PreviewTable({ answer }: { answer: StartAnswer }) {
  const s = useStartText();
  const t = useT();
  const lang = useLang((st) => st.lang);
  return (
    <table className="table start-preview" data-testid="start-preview">
      <thead>
        <tr>
          <th>{s("patient")}</th>
          <th>{s("first")}</th>
        </tr>
      </thead>
      <tbody>
        {answer.preview.map((row) => {
          const first = row.first;
          return (
            <tr key={row.patient.id} data-testid="start-preview-row">
              <td>
                {row.patient.name} <span className="muted small">{row.patient.phone}</span>
              </td>
              <td>
                {!row.enrol && <span className="badge">{s("already")}</span>}
                {first?.at && (
                  <>
                    <span className="small">
                      {formatTime(first.at, lang)} · {t(`channel.${first.channel}`)} ·{" "}
                      <span className={`badge ${first.decision === "send" ? "badge-ok" : "badge-warning"}`}>{s(first.decision ?? "send")}</span>
                    </span>
                    <div className="start-text">{first.text}</div>
                    {first.reason && <div className="muted small">{pickLanguage(first.reason, lang)}</div>}
                  </>
                )}
                {first && !first.at && <span className="muted small">{s("noMessage")}: {pickLanguage(first.reason ?? "", lang)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The dialog. ``patients`` given: only those (the patient page's "이 환자에게 시작"); else pick or filter. */
export function StartDialog({
  workflowId,
  workflowName,
  patients,
  onClose,
}: {
  workflowId: string | number;
  workflowName: string;
  patients?: PatientSummary[];
  onClose: () => void;
}) {
  const s = useStartText();
  const navigate = useRoute((st) => st.navigate);
  const [mode, setMode] = useState<Mode>("patients");
  const [chosen, setChosen] = useState<PatientSummary[]>(patients ?? []);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [preview, setPreview] = useState<StartAnswer | null>(null);
  const [done, setDone] = useState<StartAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const body = (dryRun: boolean): StartBody =>
    mode === "filter" ? { filter: filterBody(filter), dry_run: dryRun } : { patient_ids: chosen.map((p) => p.id), dry_run: dryRun };
  const call = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await startApi.start(workflowId, body(dryRun));
      if (dryRun) setPreview(answer);
      else setDone(answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const changed = () => setPreview(null); // a new choice needs a new preview before starting
  const canPreview = mode === "filter" || chosen.length > 0;

  return (
    <div className="modal-backdrop">
      <div className="card modal start-dialog" role="dialog" aria-modal="true" aria-labelledby="start-title" data-testid="start-dialog">
        <h3 id="start-title">{s("title", { name: workflowName })}</h3>
        {done ? (
          <>
            <p data-testid="start-done">{s("started", { n: done.patients, runs: done.runs.length })}</p>
            <div className="row">
              <button className="primary" onClick={() => navigate(`/runs/${workflowId}`)} data-testid="start-view-runs">
                {s("viewRuns")}
              </button>
              <button onClick={onClose} data-testid="start-close">
                {s("close")}
              </button>
            </div>
          </>
        ) : (
          <>
            {!patients && (
              <div className="row" role="tablist">
                <button role="tab" aria-selected={mode === "patients"} className={mode === "patients" ? "primary" : ""} onClick={() => { setMode("patients"); changed(); }} data-testid="start-mode-patients">
                  {s("byPatients")}
                </button>
                <button role="tab" aria-selected={mode === "filter"} className={mode === "filter" ? "primary" : ""} onClick={() => { setMode("filter"); changed(); }} data-testid="start-mode-filter">
                  {s("byFilter")}
                </button>
              </div>
            )}
            {patients ? (
              <p>{patients.map((p) => p.name).join(", ")}</p>
            ) : mode === "patients" ? (
              <PatientPicker chosen={chosen} onChange={(next) => { setChosen(next); changed(); }} />
            ) : (
              <FilterForm filter={filter} onChange={(next) => { setFilter(next); changed(); }} />
            )}
            {preview && (
              <>
                <p data-testid="start-preview-head">{preview.patients > 0 ? s("previewHead", { n: preview.patients }) : s("nothing")}</p>
                <PreviewTable answer={preview} />
                <p className="muted small">{s("consentNote")}</p>
              </>
            )}
            <ErrorList error={error} testId="start-errors" />
            <div className="row">
              <button onClick={() => void call(true)} disabled={busy || !canPreview} data-testid="start-preview-button">
                {s("preview")}
              </button>
              <button className="primary" onClick={() => void call(false)} disabled={busy || !preview || preview.patients === 0} data-testid="start-confirm">
                {s("start", { n: preview?.patients ?? 0 })}
              </button>
              <button onClick={onClose} data-testid="start-cancel">
                {s("close")}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
