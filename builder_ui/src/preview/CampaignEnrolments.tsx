// A campaign's preview: when it next fires, how many of the clinic's patients it would enrol, and for the first
// of them (names and numbers masked) what each would receive — dates with weekdays and the failover path.
import { memo } from "react";
import type { CampaignPreview } from "../api/generated";
import { useLang, useT } from "../i18n";
import { calendarDate } from "./dates";
import { MessageItem } from "./MessageItem";

function CampaignEnrolmentsView({ preview }: { preview: CampaignPreview }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <section className="campaign-enrolments" data-testid="campaign-enrolments">
      <h4>
        {t("preview.campaignTitle")}{" "}
        <span className="muted small" data-testid="campaign-fires-at">
          {t("preview.campaignFires", { at: calendarDate(preview.fires_at, lang), count: preview.enrolled })}
        </span>
      </h4>
      {preview.enrolled === 0 && <p className="muted">{t("preview.campaignNone")}</p>}
      {preview.patients.length < preview.enrolled && (
        <p className="muted small">{t("preview.campaignShown", { shown: preview.patients.length, count: preview.enrolled })}</p>
      )}
      {preview.patients.map((p) => (
        <details key={p.patient.id} open data-testid="campaign-patient">
          <summary>
            <strong>{p.patient.name}</strong> <span className="muted small">{p.patient.phone}</span>{" "}
            <span className="small">{t("preview.campaignMessages", { count: p.messages.length })}</span>
          </summary>
          <ol className="timeline-list">
            {p.messages.map((m, i) => (
              <MessageItem key={i} message={m} origin={preview.fires_at} />
            ))}
          </ol>
          {p.skipped.length > 0 && (
            <ul className="skipped small">
              {p.skipped.map((s, i) => (
                <li key={i}>
                  <code>{s.node}</code> {t("timeline.skipped")}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </section>
  );
}

export const CampaignEnrolments = memo(CampaignEnrolmentsView);
