// What a sample patient would receive and when, from POST /api/simulate ("1일차 10:00 알림톡 …").
import { memo, useState } from "react";
import { NotAvailableError } from "../api/client";
import { api } from "../api/endpoints";
import type { EventIn, SimulationResult } from "../api/generated";
import { useT } from "../i18n";
import { dayAndTime, sampleEvent } from "../lint/sampleEvent";
import { editorStore } from "../store/editor";
import { ErrorList, NotAvailable } from "./common";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "ok"; result: SimulationResult } | { kind: "missing" } | { kind: "error"; error: unknown };

function TimelinePanelView() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [days, setDays] = useState(30);
  const [marketing, setMarketing] = useState(true);
  const [nightAds, setNightAds] = useState(false);

  const run = async () => {
    setState({ kind: "busy" });
    const workflow = editorStore.getState().document();
    try {
      // The sample patient's consents decide whether advertising is sent, held until 08:00 or skipped.
      const patient = { consents: { treatment: true, marketing, night_ads: nightAds } };
      // sampleEvent builds a DESIGN.md event from the trigger's catalogue entry; the server checks it like any other.
      const event = sampleEvent(workflow, editorStore.getState().catalogue) as EventIn;
      const result = await api.simulate({ workflow, event, patient, days });
      setState({ kind: "ok", result });
    } catch (error) {
      setState(error instanceof NotAvailableError ? { kind: "missing" } : { kind: "error", error });
    }
  };

  return (
    <section className="timeline" data-testid="timeline-panel">
      <div className="row">
        <button onClick={() => void run()} disabled={state.kind === "busy"} data-testid="run-preview">
          ▶ {t("timeline.run")}
        </button>
        <label className="small">
          {t("timeline.days")}{" "}
          <input type="number" min={1} max={400} value={days} onChange={(e) => setDays(Number(e.target.value) || 30)} />
        </label>
        <label className="small">
          <input type="checkbox" checked={marketing} onChange={(e) => setMarketing(e.target.checked)} />{" "}
          {t("purpose.marketing")}
        </label>
        <label className="small">
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
                const { day, time } = dayAndTime(m.at);
                return (
                  <li key={i} data-testid="timeline-item">
                    <span className="when">
                      {day === 0 ? t("timeline.sameDay") : t("timeline.day", { day })} {time}
                    </span>
                    <span className={`channel ch-${m.channel}`}>{t(`channel.${m.channel}`)}</span>
                    <span
                      className="text"
                      title={t("timeline.expand")}
                      onClick={(e) => e.currentTarget.classList.toggle("open")}
                    >
                      {m.text}
                    </span>
                    <code className="muted small">{m.node}</code>
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
