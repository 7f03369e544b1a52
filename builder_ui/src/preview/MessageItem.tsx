// One message of a preview: which day after the start and when ("3일차 10:00", "12월 9일 (수) 오전 10:00"), the
// channel, the text, the node's name and, for AlimTalk, the SMS failover path (as the server rendered it for
// a campaign's patient, else from the node's settings).
import { memo } from "react";
import type { EnrolmentMessage, SimulatedMessage } from "../api/generated";
import { useLang, useLocalized, useT } from "../i18n";
import { dayAndTime } from "../lint/sampleEvent";
import { editorStore, useEditor } from "../store/editor";
import { calendarDate } from "./dates";

function MessageItemView({ message, origin }: { message: SimulatedMessage | EnrolmentMessage; origin: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const localized = useLocalized();
  const node = useEditor((s) => s.nodes.find((n) => n.id === message.node));
  const { day, time } = dayAndTime(message.at, origin);
  const rendered = "failover" in message ? message.failover : undefined;
  const failover =
    rendered !== undefined
      ? (rendered ?? false)
      : (node?.data.params.failover as { channel?: string; text?: string | null } | false | undefined);
  const failoverText =
    message.channel !== "alimtalk" || node?.data.nodeType !== "send.alimtalk" || failover === false
      ? null
      : failover?.text
        ? t("preview.failoverText", { text: failover.text })
        : t("preview.failoverSame");
  const typeLabel = node ? editorStore.getState().catalogue[node.data.nodeType]?.label : undefined;
  const name = node?.data.label || (typeLabel ? localized(typeLabel) : message.node);
  return (
    <li data-testid="timeline-item">
      <span className="when">
        {day === 0 ? t("timeline.sameDay") : t("timeline.day", { day })} {time}
        <small className="muted" data-testid="timeline-date">
          {" "}
          {calendarDate(message.at, lang)}
        </small>
      </span>
      <span className={`channel ch-${message.channel}`}>{t(`channel.${message.channel}`)}</span>
      <span className="text" title={t("timeline.expand")} onClick={(e) => e.currentTarget.classList.toggle("open")}>
        {message.text}
      </span>
      <span className="muted small">{name}</span>
      {failoverText && (
        <span className="failover small" data-testid="timeline-failover">
          ↳ {failoverText}
        </span>
      )}
    </li>
  );
}

export const MessageItem = memo(MessageItemView);
