// This patient's workflow runs and messages (read-only), newest first.
import { patientApi } from "../api/patients";
import { useLang, useT } from "../i18n";
import { RunLink } from "./RunLink";
import { useCan } from "../store/permissions";
import { errorMessages, formatTime, LoadView, useLoad } from "./common";
import { isCancellable, lifecycleApi } from "../lifecycle/api";
import { lifecycleText } from "../lifecycle/text";
import { toast } from "../store/toast";
import { translateNow } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { Icon } from "../icons/Icon";

/** Stop a run or cancel a message from the patient page, then reload the activity. */
async function stopThen(work: () => Promise<unknown>, done: string, reload: () => void): Promise<void> {
  try {
    await work();
    toast("ok", done);
  } catch (error) {
    toast("error", errorMessages(error, translateNow).join("\n"));
  }
  reload();
}

export function PatientActivity({ id }: { id: number }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [activity, reload] = useLoad(() => patientApi.activity(id), [id]);
  const canStop = useCan("run.write"); // stopping a run, cancelling a message: what the server would refuse stays hidden
  return (
    <section className="card" data-testid="patient-activity">
      <h3>{t("patient.activity")}</h3>
      <LoadView loaded={activity} what={t("patient.activity")}>
        {({ runs, messages }) => (
          <>
            <h4>{t("patient.runs")}</h4>
            {runs.length === 0 ? (
              <p className="muted small">{t("runs.empty")}</p>
            ) : (
              <table className="table" data-testid="patient-runs">
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id}>
                      <td className="when small">{formatTime(r.started_at, lang)}</td>
                      <td>
                        <RunLink workflowId={r.workflow_id} runId={r.id}>
                          {r.workflow_name ?? `#${r.workflow_id}`} v{r.version}
                        </RunLink>
                      </td>
                      <td>{t(`status.${r.status}`)}</td>
                      <td className="small muted">{r.reason ? pickLanguage(r.reason, lang) : ""}</td>
                      <td>
                        {canStop && (r.status === "running" || r.status === "waiting") && (
                          <button
                            className="link small"
                            data-testid="patient-stop-run"
                            onClick={() =>
                              window.confirm(lifecycleText(lang, "runs.confirmStop")) &&
                              void stopThen(() => lifecycleApi.cancelRun(r.id), lifecycleText(lang, "runs.stopped"), reload)
                            }
                          >
                            <Icon name="stop" /> {lifecycleText(lang, "runs.stop")}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h4>{t("patient.messages")}</h4>
            {messages.length === 0 ? (
              <p className="muted small">{t("patient.noMessages")}</p>
            ) : (
              <table className="table" data-testid="patient-messages">
                <tbody>
                  {messages.map((m) => (
                    <tr key={m.id}>
                      <td className="when small">{formatTime(m.sent_at ?? m.due_at, lang)}</td>
                      <td className="when">{t(`channel.${m.channel}`)}</td>
                      <td className="when">{t(`status.${m.status}`)}</td>
                      <td className="message-text">
                        {m.text}
                        {m.reason && <div className="muted small">{pickLanguage(m.reason, lang)}</div>}
                      </td>
                      <td>
                        {canStop && isCancellable(m) && (
                          <button
                            className="link small"
                            data-testid="patient-cancel-message"
                            onClick={() =>
                              void stopThen(() => lifecycleApi.cancelMessage(m.id), lifecycleText(lang, "runs.messageCancelled"), reload)
                            }
                          >
                            ✕ {lifecycleText(lang, "runs.cancelMessage")}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadView>
    </section>
  );
}
