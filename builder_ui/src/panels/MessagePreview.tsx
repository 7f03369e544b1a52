// The message fields of a node rendered for a sample patient, with the EUC-KR byte count and SMS/LMS.
import { memo } from "react";
import type { NodeTypeInfo } from "../api/generated";
import type { JsonObject } from "../flow/types";
import { useT } from "../i18n";
import { fillTemplate, useAlimTalkTemplate } from "../lint/alimtalk";
import { Highlighted, spansFor } from "../lint/Highlighted";
import { useEditor } from "../store/editor";
import { eucKrBytes, renderSample, SMS_LIMIT_BYTES, smsKind, textFieldValues } from "../lint/message";
import { useClinic } from "../clinic/store";
import { useRoute } from "../store/router";

function Bubble({ path, text, countBytes }: { path: string; text: string; countBytes: boolean }) {
  const t = useT();
  const bytes = eucKrBytes(text);
  return (
    <div className="bubble-wrap">
      <div className="bubble" data-testid={`preview-text-${path}`}>
        {text}
      </div>
      {countBytes && (
        <div className="byte-count small" data-testid="sms-bytes">
          {t("preview.bytes", { bytes, limit: SMS_LIMIT_BYTES })}{" "}
          <span className={`kind kind-${smsKind(text)}`} data-testid="sms-kind">
            {smsKind(text)}
          </span>
        </div>
      )}
    </div>
  );
}

function AlimTalkBody({ params }: { params: JsonObject }) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  useClinic((s) => s.profile); // re-render when the clinic's values arrive
  const template = useAlimTalkTemplate(params.template);
  if (template === undefined) return null;
  if (template === null) return <p className="muted small">{t("preview.noTemplate")}</p>;
  const variables = (params.variables ?? {}) as Record<string, unknown>;
  return (
    <>
      <p className="small">
        {t("preview.template")} <code>{template.code}</code> · {template.name} · {template.status}
      </p>
      {template.status !== "approved" && (
        <p className="error-list small" data-testid="template-unapproved">
          {t((template.status as string) === "library" ? "preview.libraryTemplate" : "preview.unapprovedTemplate")}{" "}
          <button className="link" onClick={() => navigate("/alimtalk-templates")} data-testid="open-templates">
            {t("preview.openTemplates")}
          </button>
        </p>
      )}
      <Bubble path="/template" text={fillTemplate(template.text, variables)} countBytes={false} />
    </>
  );
}

function MessagePreviewView({ nodeId, params, info }: { nodeId: string; params: JsonObject; info: NodeTypeInfo }) {
  const t = useT();
  const problems = useEditor((s) => s.problems);
  useEditor((s) => s.variables); // re-render when the server's samples arrive
  useClinic((s) => s.profile); // re-render when the clinic's values arrive
  const alimtalk = info.channel === "alimtalk";
  // AlimTalk variables are parts of the template, not messages: the template is the preview.
  const texts = textFieldValues(params, info.text_fields).filter((f) => !(alimtalk && f.path.startsWith("/variables")));
  const countBytes = info.channel === "sms" || alimtalk; // an AlimTalk's failover goes as SMS/LMS
  return (
    <section className="message-preview" data-testid="message-preview">
      <h4>{t("preview.message")}</h4>
      {alimtalk && <AlimTalkBody params={params} />}
      {!alimtalk && texts.length === 0 && <p className="muted small">{t("preview.noText")}</p>}
      {texts.map(({ path, text }) => {
        const spans = spansFor(problems, nodeId, path);
        return (
          <div key={path}>
            <Bubble path={path} text={renderSample(text)} countBytes={countBytes} />
            {spans.length > 0 && <Highlighted text={text} spans={spans} />}
          </div>
        );
      })}
      <p className="muted small">{t("preview.samplePatient")}</p>
    </section>
  );
}

export const MessagePreview = memo(MessagePreviewView);
