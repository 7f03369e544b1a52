// The event a sample patient would cause for a workflow's trigger, for the preview timeline.
import type { WorkflowDocument } from "../api/generated";

export const SAMPLE_OCCURRED_AT = "2026-12-01T09:00:00+09:00";

const EVENT_OF_TRIGGER: Record<string, string> = {
  "trigger.appointment_booked": "appointment.booked",
  "trigger.appointment_cancelled": "appointment.cancelled",
  "trigger.procedure_completed": "procedure.completed",
  "trigger.consent_granted": "consent.granted",
  "trigger.patient_created": "patient.created",
};

export function sampleEvent(doc: WorkflowDocument): Record<string, unknown> {
  const trigger = doc.nodes.find((n) => n.type.startsWith("trigger."));
  const params = (trigger?.params ?? {}) as Record<string, unknown>;
  const procedures = Array.isArray(params.procedures) ? (params.procedures as string[]) : [];
  const event: Record<string, unknown> = {
    type: EVENT_OF_TRIGGER[trigger?.type ?? ""] ?? "patient.created",
    external_id: `preview-${Date.now()}`,
    occurred_at: SAMPLE_OCCURRED_AT,
    patient: { chart_no: "A-1001", name: "김민지", phone: "010-1234-5678" },
    appointment: { id: "apt-preview", starts_at: "2026-12-03T14:30:00+09:00", procedure: procedures[0] ?? "cataract" },
  };
  if (event.type === "consent.granted") {
    event.consent = { purpose: typeof params.purpose === "string" ? params.purpose : "marketing", method: "staff" };
  }
  return event;
}

const seoulDate = (d: Date) => d.toLocaleDateString("en-CA", { timeZone: "Asia/Seoul" });
const seoulTime = (d: Date) =>
  d.toLocaleTimeString("en-GB", { timeZone: "Asia/Seoul", hour: "2-digit", minute: "2-digit", hour12: false });

/** Day number after the event (0 = the same day) and the local time "10:00". */
export function dayAndTime(at: string, origin: string = SAMPLE_OCCURRED_AT): { day: number; time: string } {
  const when = new Date(at);
  const day = Math.round(
    (Date.parse(seoulDate(when)) - Date.parse(seoulDate(new Date(origin)))) / 86_400_000,
  );
  return { day, time: seoulTime(when) };
}
