// The event a sample patient would cause for a workflow's trigger, for the preview timeline. Each trigger's
// catalogue entry (GET /api/nodes) carries its sample event and which of its params shape it.
import type { NodeTypeInfo, WorkflowDocument } from "../api/generated";

export const SAMPLE_OCCURRED_AT = "2026-12-01T09:00:00+09:00";

const pointerParts = (pointer: string) =>
  pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));

function readPointer(value: unknown, pointer: string): unknown {
  for (const part of pointerParts(pointer)) {
    if (Array.isArray(value)) value = value[Number(part)];
    else if (value && typeof value === "object") value = (value as Record<string, unknown>)[part];
    else return undefined;
  }
  return value;
}

function writePointer(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointerParts(pointer);
  const last = parts.pop()!;
  for (const part of parts) target = (target[part] ??= {}) as Record<string, unknown>;
  target[last] = value;
}

export function sampleEvent(doc: WorkflowDocument, catalogue: Record<string, NodeTypeInfo>): Record<string, unknown> {
  const trigger = doc.nodes.find((n) => catalogue[n.type]?.category === "trigger");
  const info = trigger ? catalogue[trigger.type] : undefined;
  const event = structuredClone(info?.sample_event ?? { type: "patient.created", occurred_at: SAMPLE_OCCURRED_AT });
  for (const [eventPointer, paramPointer] of Object.entries(info?.sample_event_params ?? {})) {
    const value = readPointer(trigger?.params ?? {}, paramPointer);
    if (value !== undefined && value !== null) writePointer(event, eventPointer, value);
  }
  event.external_id = `preview-${Date.now()}`;
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
