// Validation errors and lint findings merged into one list the canvas and the problems panel share.
import type { LintFinding, Problem } from "../api/generated";

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
  }));
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
