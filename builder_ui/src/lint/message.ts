// Message preview helpers: sample-patient rendering of {{ … }} and the EUC-KR byte count (SMS ≤ 90 bytes).
// {{ clinic.* }} shows the logged-in clinic's own values (병원 정보); an empty one stays visible as written.
import { clinicContext, useClinic } from "../clinic/store";
import { editorStore } from "../store/editor";

export const SMS_LIMIT_BYTES = 90;

export const SAMPLE_CONTEXT: Record<string, string> = {
  "patient.name": "김민지",
  "patient.chart_no": "A-1001",
  "patient.phone": "010-1234-5678",
  "appointment.starts_at": "2026-12-03 14:30",
  "appointment.procedure": "cataract",
};

/** The server's sample of each patient and appointment variable (GET /api/nodes: the doctor, the confirm link
 *  of real length); clinic values are the clinic's own, so an empty one stays visible as written. */
function serverSamples(): Record<string, string> {
  const samples = editorStore.getState().variables.filter((v) => v.sample && !v.name.startsWith("clinic."));
  return Object.fromEntries(samples.map((v) => [v.name, v.sample]));
}

/** Replaces {{ path }} and {{ path | filter }} with sample values and the clinic's own; unknown or empty stay visible. */
export function renderSample(text: string, context?: Record<string, string>): string {
  context ??= { ...SAMPLE_CONTEXT, ...serverSamples(), ...clinicContext(useClinic.getState().profile) };
  return text.replace(/\{\{\s*([\w.]+)\s*(?:\|[^}]*)?\}\}/g, (whole, path: string) => context[path] ?? whole);
}

/** Bytes in EUC-KR (CP949): ASCII is 1 byte, Hangul and other characters 2. */
export function eucKrBytes(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += ch.codePointAt(0)! < 0x80 ? 1 : 2;
  return bytes;
}

export function smsKind(text: string): "SMS" | "LMS" {
  return eucKrBytes(text) > SMS_LIMIT_BYTES ? "LMS" : "SMS";
}

/** Text values of params at the node type's text_fields pointers ("/text", "/variables/*"). */
export function textFieldValues(params: Record<string, unknown>, pointers: string[]): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, parts: string[], path: string) => {
    if (!parts.length) {
      if (typeof value === "string" && value) out.push({ path, text: value });
      return;
    }
    if (!value || typeof value !== "object") return;
    const [head, ...rest] = parts;
    const entries = head === "*" ? Object.entries(value) : [[head!, (value as Record<string, unknown>)[head!]] as const];
    for (const [key, child] of entries) walk(child, rest, `${path}/${key}`);
  };
  for (const pointer of pointers) walk(params, pointer.split("/").filter(Boolean), "");
  return out;
}
