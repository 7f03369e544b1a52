// Validation errors and lint findings merged into one list the canvas and the problems panel share.
import type { LintFinding, Problem, SuggestedRewrite } from "../api/generated";

export interface UiProblem {
  key: string;
  source: "validate" | "lint";
  severity: LintFinding["severity"];
  code: string;
  node: string | null;
  field: string | null;
  message: string;
  citation: string | null;
  start: number | null; // offsets into the field's raw text (lint findings)
  end: number | null;
  suggestion: SuggestedRewrite | null; // a compliant rewrite of the field's text (lint findings)
}

export function fromValidation(errors: Problem[]): UiProblem[] {
  return errors.map((e, i) => ({
    key: `v${i}:${e.code}:${e.node ?? ""}:${e.path ?? ""}`,
    source: "validate",
    severity: "error",
    code: e.code,
    node: e.node ?? null,
    field: e.path || null,
    message: e.message,
    citation: null,
    start: null,
    end: null,
    suggestion: null,
  }));
}

export function fromLint(findings: LintFinding[]): UiProblem[] {
  return findings.map((f, i) => ({
    key: `l${i}:${f.rule}:${f.node ?? ""}:${f.field ?? ""}`,
    source: "lint",
    severity: f.severity,
    code: f.rule,
    node: f.node ?? null,
    field: f.field ?? null,
    message: f.message,
    citation: f.citation ?? null,
    start: f.start ?? null,
    end: f.end ?? null,
    suggestion: f.suggestion ?? null,
  }));
}

/** A field pointer as the node sees it: "/nodes/3/params/text" (validation) and "/params/text" (lint) agree. */
export function nodeFieldPointer(field: string | null): string | null {
  if (!field) return null;
  return field.replace(/^\/nodes\/[^/]+(?=\/)/, "");
}

// Lint rules that only repeat what the params schema already refuses on the same field.
const SAID_BY_VALIDATION = new Set(["MSG-EMPTY"]);

const RANK: Record<UiProblem["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Validation errors then lint findings, without a lint finding that repeats a validation error on the same
 * node and field (an empty text is "must not be empty" once, not also "empty message"); errors first, then
 * warnings, then notes, each in the server's order (a flow's night-time warning came above the errors that block
 * publishing). */
export function mergeProblems(validation: UiProblem[], lint: UiProblem[]): UiProblem[] {
  const refused = new Set(validation.filter((p) => p.node).map((p) => `${p.node}\u0000${nodeFieldPointer(p.field)}`));
  const kept = lint.filter(
    (p) => !(SAID_BY_VALIDATION.has(p.code) && refused.has(`${p.node}\u0000${nodeFieldPointer(p.field)}`)),
  );
  return [...validation, ...kept].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export interface NodeBadge {
  errors: number;
  warnings: number;
}

export function badgesByNode(problems: UiProblem[]): Record<string, NodeBadge> {
  const out: Record<string, NodeBadge> = {};
  for (const p of problems) {
    if (!p.node) continue;
    const badge = (out[p.node] ??= { errors: 0, warnings: 0 });
    if (p.severity === "error") badge.errors++;
    else if (p.severity === "warning") badge.warnings++;
  }
  return out;
}

/** The rjsf element id of a problem's field ("/params/days" or "params.days" → "root_days"). */
export function rjsfFieldId(field: string | null): string | null {
  if (!field) return null;
  const parts = field.split(/[/.]/).filter(Boolean);
  if (parts[0] === "nodes") parts.splice(0, 2); // "/nodes/3/params/days"
  if (parts[0] === "params") parts.shift();
  else if (field.startsWith("/edges") || field.startsWith("edges")) return null;
  return parts.length ? ["root", ...parts].join("_") : null;
}

/** The node params with a suggested rewrite applied to the text at ``field`` ("/params/text",
 * "/params/variables/이름"), or null when the text changed since the check (offsets no longer fit). */
export function applySuggestion(
  params: Record<string, unknown>,
  field: string,
  suggestion: SuggestedRewrite,
): Record<string, unknown> | null {
  const parts = field.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts[0] === "params") parts.shift();
  if (parts.length === 0) return null;
  const copy: Record<string, unknown> = structuredClone(params);
  let holder: Record<string, unknown> = copy;
  for (const key of parts.slice(0, -1)) {
    const next = holder[key];
    if (typeof next !== "object" || next === null) return null;
    holder = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1] ?? "";
  const text = holder[last];
  if (typeof text !== "string" || suggestion.end > text.length || suggestion.start > suggestion.end) return null;
  holder[last] = text.slice(0, suggestion.start) + suggestion.text + text.slice(suggestion.end);
  return copy;
}

/** The text at ``field`` ("/params/text", "/params/variables/이름") of the node's params, or "" if none. */
export function fieldText(params: Record<string, unknown>, field: string): string {
  const parts = field.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts[0] === "params") parts.shift();
  let value: unknown = params;
  for (const key of parts) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : "";
}

/** The text a suggestion takes out of the field (a promotion to move), or "" when it no longer fits. */
export function suggestionExcerpt(params: Record<string, unknown>, field: string, suggestion: SuggestedRewrite): string {
  return fieldText(params, field).slice(suggestion.start, suggestion.end).trim();
}

/** An advertising SMS carrying ``moved``: the (광고) label and the clinic's name first, the free opt-out last. */
export function advertisingText(moved: string): string {
  const named = /\{\{\s*clinic\.name\s*\}\}/.test(moved) || /^[[【]/.test(moved);
  return `(광고) ${named ? "" : "{{ clinic.name }} "}${moved}\n무료수신거부 {{ clinic.optout_number }}`;
}
