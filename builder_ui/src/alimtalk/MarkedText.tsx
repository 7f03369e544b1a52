// A template's text with its #{변수} placeholders and the spans compliance lint found marked.
import type { ReactNode } from "react";
import type { LintFinding } from "../api/generated";
import { orderedSpans, type Span } from "../lint/Highlighted";
import { PLACEHOLDER_RE } from "./text";

/** Plain text with every placeholder wrapped in a variable mark. */
function withVariables(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER_RE)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    out.push(
      <mark key={`${key}-${match.index}`} className="tpl-var" data-testid="tpl-var-mark">
        {match[0]}
      </mark>,
    );
    at = match.index + match[0].length;
  }
  out.push(text.slice(at));
  return out;
}

export function MarkedText({ text, findings }: { text: string; findings: LintFinding[] }) {
  if (!text) return null;
  const spans: Span[] = findings
    .filter((f) => f.start != null && f.end != null)
    .map((f) => ({ start: f.start!, end: f.end!, severity: f.severity, message: f.message }));
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of orderedSpans(spans, text.length)) {
    parts.push(...withVariables(text.slice(at, span.start), `p${at}`));
    parts.push(
      <mark key={`l${span.start}`} className={`mark-${span.severity}`} title={span.message} data-testid="lint-mark">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(...withVariables(text.slice(at), `p${at}`));
  return (
    <div className="highlighted tpl-marked" data-testid="tpl-marked">
      {parts}
    </div>
  );
}
