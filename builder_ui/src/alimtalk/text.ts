// AlimTalk #{변수} placeholders on the client — the UI's one copy of nodes/send_alimtalk/placeholders.py's
// PLACEHOLDER_RE (lint/alimtalk.ts, the template editor and picker all use it).
export const PLACEHOLDER_RE = /#\{([^{}#\n]*)\}/g;

/** Names of the placeholders in order of first appearance, without repeats. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!))];
}

/** Well-known placeholders get the expression the shipped examples use; any other starts empty. */
const KNOWN: Record<string, string> = {
  이름: "{{ patient.name }}",
  병원명: "{{ clinic.name }}",
  병원전화: "{{ clinic.phone }}",
  병원주소: "{{ clinic.address }}",
  예약일시: "{{ appointment.starts_at | datetime }}",
  수신거부번호: "{{ clinic.optout_number }}",
};

/** The node's variables with a key added for every placeholder it lacks; existing values are kept. */
export function withVariables(current: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const next = { ...current };
  for (const name of names) if (!(name in next)) next[name] = KNOWN[name] ?? "";
  return next;
}
