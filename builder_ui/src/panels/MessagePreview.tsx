// The message fields of a node rendered for a sample patient, with the EUC-KR byte count and SMS/LMS.
import { memo } from "react";
import type { JsonObject, NodeTypeInfo } from "../api/types";
import { useT } from "../i18n";
import { eucKrBytes, renderSample, SMS_LIMIT_BYTES, smsKind, textFieldValues } from "../lint/message";

function MessagePreviewView({ params, info }: { params: JsonObject; info: NodeTypeInfo }) {
  const t = useT();
  const texts = textFieldValues(params, info.text_fields);
  const showsSms = info.channel === "sms" || info.channel === "alimtalk"; // AlimTalk fails over to SMS
  return (
    <section className="message-preview" data-testid="message-preview">
      <h4>{t("preview.message")}</h4>
      {texts.length === 0 && <p className="muted small">{t("preview.noText")}</p>}
      {texts.map(({ path, text }) => {
        const rendered = renderSample(text);
        const bytes = eucKrBytes(rendered);
        return (
          <div key={path} className="bubble-wrap">
            <div className="bubble" data-testid={`preview-text-${path}`}>
              {rendered}
            </div>
            {showsSms && (
              <div className="byte-count small" data-testid="sms-bytes">
                {t("preview.bytes", { bytes, limit: SMS_LIMIT_BYTES })}{" "}
                <span className={`kind kind-${smsKind(rendered)}`} data-testid="sms-kind">
                  {smsKind(rendered)}
                </span>
              </div>
            )}
          </div>
        );
      })}
      <p className="muted small">{t("preview.samplePatient")}</p>
    </section>
  );
}

export const MessagePreview = memo(MessagePreviewView);
