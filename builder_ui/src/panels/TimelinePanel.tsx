// What a sample patient would receive and when, from POST /api/simulate ("1일차 10:00 알림톡 …").
import { memo, useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { CampaignPreview, EventIn, SimulationResult } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { sampleEvent } from "../lint/sampleEvent";
import { CampaignEnrolments } from "../preview/CampaignEnrolments";
import { CaseForm, type PreviewCase, SAMPLE_CASE } from "../preview/CaseForm";
import { sameSeoulDay, seoulIso } from "../preview/dates";
import { MessageItem } from "../preview/MessageItem";
import { editorStore, useEditor } from "../store/editor";
import { useCan } from "../store/permissions";
import { ErrorList, NotAvailable } from "./common";

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "ok"; result: SimulationResult; campaign: CampaignPreview | { error: unknown } | null }
  | { kind: "missing" }
  | { kind: "error"; error: unknown };

function TimelinePanelView() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [days, setDays] = useState(30);
  const [marketing, setMarketing] = useState(true);
  const [nightAds, setNightAds] = useState(false);
  const [previewCase, setPreviewCase] = useState<PreviewCase>(SAMPLE_CASE);
  const [origin, setOrigin] = useState(seoulIso(SAMPLE_CASE.occurredAt));
  const lang = useLang((s) => s.lang);
  // A campaign (a trigger that starts runs on a schedule) also previews the clinic's patients it would enrol.
  const isCampaign = useEditor((s) => s.nodes.some((n) => s.catalogue[n.data.nodeType]?.starts_runs === "schedule"));
  // Real patients (the search, a campaign's enrolments) need patient.read: a reviewer previews the sample patient
  // only, instead of meeting a refusal
  const canReadPatients = useCan("patient.read");
  const procedures = useEditor((s) => {
    const trigger = Object.values(s.catalogue).find((n) => n.type === "trigger.appointment_booked");
    const items = (trigger?.schema.properties as Record<string, { items?: { oneOf?: { const: string; title: string }[] } }> | undefined)
      ?.procedures?.items?.oneOf;
    return items ?? [];
  });
  const procedureChoices = procedures.map((p) => ({ code: p.const, title: pickLanguage(p.title, lang) }));
  const run = async () => {
    setState({ kind: "busy" });
    const workflow = editorStore.getState().document();
    try {
      // The sample patient's consents decide whether advertising is sent, held until 08:00 or skipped.
      const chosen = previewCase.patient;
      // A real patient's ledger: only what is granted (no entry is "never asked", not "revoked").
      const consents = chosen
        ? Object.fromEntries(Object.entries(chosen.consents).filter(([, granted]) => granted))
        : { treatment: true, marketing, night_ads: nightAds };
      const who = chosen
        ? { chart_no: chosen.chart_no ?? undefined, name: chosen.name ?? undefined, phone: chosen.phone ?? undefined }
        : null;
      const patient = { ...(who ?? {}), ...(chosen?.birth_date ? { birth_date: chosen.birth_date } : {}), opted_out: chosen?.opted_out ?? false, consents };
      // sampleEvent builds a DESIGN.md event from the trigger's catalogue entry; the server checks it like any other.
      const event = sampleEvent(workflow, editorStore.getState().catalogue) as EventIn;
      event.occurred_at = seoulIso(previewCase.occurredAt);
      if (who?.phone) event.patient = { ...event.patient, ...who } as EventIn["patient"];
      if (event.appointment) {
        event.appointment = {
          ...event.appointment,
          starts_at: seoulIso(previewCase.startsAt),
          ...(previewCase.procedure ? { procedure: previewCase.procedure } : {}),
        };
      }
      setOrigin(event.occurred_at);
      const [result, campaign] = await Promise.all([
        api.simulate({ workflow, event, patient, days }),
        // (its own error, e.g. a reviewer may not read patients, leaves the sample patient's preview standing)
        isCampaign && canReadPatients
          ? api.simulateCampaign({ workflow, after: event.occurred_at, days, limit: 10 }).catch((error: unknown) => ({ error }))
          : null,
      ]);
      setState({ kind: "ok", result, campaign });
    } catch (error) {
      setState(error instanceof NotAvailableError ? { kind: "missing" } : { kind: "error", error });
    }
  };

  return (
    <section className="timeline" data-testid="timeline-panel">
      <CaseForm value={previewCase} onChange={setPreviewCase} procedures={procedureChoices} />
      {sameSeoulDay(seoulIso(previewCase.occurredAt), seoulIso(previewCase.startsAt)) && (
        <p className="small notice" data-testid="preview-same-day-note">
          {t("preview.sameDayNote")}
        </p>
      )}
      <div className="row">
        <button onClick={() => void run()} disabled={state.kind === "busy"} data-testid="run-preview">
          ▶ {t("timeline.run")}
        </button>
        <label className="small">
          {t("timeline.days")}{" "}
          <input type="number" min={1} max={400} value={days} onChange={(e) => setDays(Number(e.target.value) || 30)} />
        </label>
        <label className="small" hidden={previewCase.patient !== null}>
          <input type="checkbox" checked={marketing} onChange={(e) => setMarketing(e.target.checked)} />{" "}
          {t("purpose.marketing")}
        </label>
        <label className="small" hidden={previewCase.patient !== null}>
          <input type="checkbox" checked={nightAds} onChange={(e) => setNightAds(e.target.checked)} />{" "}
          {t("purpose.night_ads")}
        </label>
        <span className="muted small">{t("timeline.hint")}</span>
      </div>
      {state.kind === "missing" && <NotAvailable what={t("timeline.title")} />}
      {state.kind === "error" && <ErrorList error={state.error} />}
      {state.kind === "ok" && (
        <>
          {state.campaign && ("error" in state.campaign ? <ErrorList error={state.campaign.error} /> : <CampaignEnrolments preview={state.campaign} />)}
          {state.campaign && <h4>{t("preview.campaignCase")}</h4>}
          {state.result.messages.length === 0 && <p className="muted">{t("timeline.empty")}</p>}
          <ol className="timeline-list">
            {[...state.result.messages]
              .sort((a, b) => a.at.localeCompare(b.at))
              .map((m, i) => (
                <MessageItem key={i} message={m} origin={origin} />
              ))}
          </ol>
          {state.result.skipped.length > 0 && (
            <ul className="skipped small">
              {state.result.skipped.map((s, i) => (
                <li key={i}>
                  <code>{s.node}</code> {t("timeline.skipped")}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export const TimelinePanel = memo(TimelinePanelView);
