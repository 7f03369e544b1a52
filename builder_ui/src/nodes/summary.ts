// A one-line summary of a node's params for the canvas ("days: 1 · at: 10:00").
import type { JsonObject } from "../flow/types";

function short(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.map(short).filter(Boolean).join(", ");
  if (typeof value === "object") return "…";
  const text = String(value);
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

export function summarize(params: JsonObject): string {
  return Object.entries(params)
    .map(([key, value]) => [key, short(value)] as const)
    .filter(([, v]) => v)
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${v}`)
    .join(" · ");
}
