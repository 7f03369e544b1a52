// A message's own text with the spans lint found marked (offsets of findings are into the raw text).
import { memo, type ReactNode } from "react";
import type { UiProblem } from "./problems";

export interface Span {
  start: number;
  end: number;
  severity: string;
  message: string;
}

/** Non-overlapping spans in order; a span starting inside the previous one is dropped. */
export function orderedSpans(spans: Span[], length: number): Span[] {
  const out: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (span.start < 0 || span.end > length || span.end <= span.start) continue;
    if (last && span.start < last.end) continue;
    out.push(span);
  }
  return out;
}

function HighlightedView({ text, spans }: { text: string; spans: Span[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of orderedSpans(spans, text.length)) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={span.start} className={`mark-${span.severity}`} title={span.message} data-testid="lint-mark">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(text.slice(at));
  return <div className="highlighted">{parts}</div>;
}

export const Highlighted = memo(HighlightedView);

/** Lint findings of one node's field that carry text offsets. */
export function spansFor(problems: UiProblem[], node: string, field: string): Span[] {
  return problems
    .filter((p) => p.node === node && p.field === `/params${field}` && p.start !== null && p.end !== null)
    .map((p) => ({ start: p.start!, end: p.end!, severity: p.severity, message: p.message }));
}
