// What a sample patient would receive and when, from POST /api/simulate ("1일차 10:00 알림톡 …").
import { memo, useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { EventIn, SimulationResult } from "../api/generated";
import { useLang, useLocalized, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { dayAndTime, sampleEvent } from "../lint/sampleEvent";
import { CaseForm, type PreviewCase, SAMPLE_CASE } from "../preview/CaseForm";
import { calendarDate, sameSeoulDay, seoulIso } from "../preview/dates";
import { editorStore, useEditor } from "../store/editor";
import { ErrorList, NotAvailable } from "./common";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "ok"; result: SimulationResult } | { kind: "missing" } | { kind: "error"; error: unknown };

function TimelinePanelView() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [days, setDays] = useState(30);
  const [marketing, setMarketing] = useState(true);
  const [nightAds, setNightAds] = useState(false);
  const [previewCase, setPreviewCase] = useState<PreviewCase>(SAMPLE_CASE);
  const [origin, setOrigin] = useState(seoulIso(SAMPLE_CASE.occurredAt));
  const lang = useLang((s) => s.lang);
  const localized = useLocalized();
  const nodes = useEditor((s) => s.nodes);
  const procedures = useEditor((s) => {
    const trigger = Object.values(s.catalogue).find((n) => n.type === "trigger.appointment_booked");
    const items = (trigger?.schema.properties as Record<string, { items?: { oneOf?: { const: string; title: string }[] } }> | undefined)
      ?.procedures?.items?.oneOf;
    return items ?? [];
  });
  const procedureChoices = procedures.map((p) => ({ code: p.const, title: pickLanguage(p.title, lang) }));
  /** An AlimTalk's failover path, said under its message. */
  const failoverOf = (nodeId: string): string | null => {
    const node = nodes.find((n) => n.id === nodeId);
    const failover = node?.data.params.failover as { channel?: string; text?: string } | false | undefined;
    if (!node || node.data.nodeType !== "send.alimtalk" || failover === false) return null;
    return failover?.text ? t("preview.failoverText", { text: failover.text }) : t("preview.failoverSame");
  };

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
      const result = await api.simulate({ workflow, event, patient, days });
      setState({ kind: "ok", result });
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
          {state.result.messages.length === 0 && <p className="muted">{t("timeline.empty")}</p>}
          <ol className="timeline-list">
            {[...state.result.messages]
              .sort((a, b) => a.at.localeCompare(b.at))
              .map((m, i) => {
                const { day, time } = dayAndTime(m.at, origin);
                const failover = m.channel === "alimtalk" ? failoverOf(m.node) : null;
                const node = nodes.find((n) => n.id === m.node);
                const name = node?.data.label || (node ? localized(editorStore.getState().catalogue[node.data.nodeType]?.label ?? { ko: m.node, en: m.node }) : m.node);
                return (
                  <li key={i} data-testid="timeline-item">
                    <span className="when">
                      {day === 0 ? t("timeline.sameDay") : t("timeline.day", { day })} {time}
                      <small className="muted" data-testid="timeline-date">
                        {" "}
                        {calendarDate(m.at, lang)}
                      </small>
                    </span>
                    <span className={`channel ch-${m.channel}`}>{t(`channel.${m.channel}`)}</span>
                    <span
                      className="text"
                      title={t("timeline.expand")}
                      onClick={(e) => e.currentTarget.classList.toggle("open")}
                    >
                      {m.text}
                    </span>
                    <span className="muted small">{name}</span>
                    {failover && (
                      <span className="failover small" data-testid="timeline-failover">
                        ↳ {failover}
                      </span>
                    )}
                  </li>
                );
              })}
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
