// What started a run or changed an appointment, in words: every event type the server records (webhook and book
// events, manual starts, campaign runs, patients' requests from their link). An unknown type shows as itself.
import type { Lang } from "./index";

const EVENT_LABELS: Record<string, [string, string]> = {
  "appointment.booked": ["예약 접수", "Booked"],
  "appointment.rescheduled": ["예약 변경", "Rescheduled"],
  "appointment.cancelled": ["예약 취소", "Cancelled"],
  "appointment.confirmed": ["예약 확정", "Confirmed"],
  "appointment.attended": ["내원", "Attended"],
  "appointment.no_show": ["미내원", "No-show"],
  "appointment.reschedule_requested": ["환자의 날짜 변경 요청", "Reschedule requested by the patient"],
  "procedure.completed": ["시술 완료", "Procedure completed"],
  "consent.granted": ["수신 동의", "Consent granted"],
  "consent.revoked": ["동의 철회", "Consent withdrawn"],
  "patient.created": ["환자 등록", "Patient added"],
  "manual.started": ["직접 실행", "Started by staff"],
  "schedule.fired": ["예약 발송(캠페인)", "Scheduled campaign"],
};

export function eventTypeLabel(type: string | null | undefined, lang: Lang): string {
  if (!type) return "";
  const label = EVENT_LABELS[type];
  return label ? label[lang === "en" ? 1 : 0] : type;
}
