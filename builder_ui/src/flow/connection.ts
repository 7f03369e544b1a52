// Which connections the canvas accepts while the user drags: never into a trigger, only from a port the
// node type has, no duplicates, no self-loops, no cycles (file format v1).
import type { NodeTypeInfo } from "../api/generated";

export interface Link {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export type RefusalReason = "self" | "into_trigger" | "no_port" | "duplicate" | "cycle" | "unknown_node";

export function refuseConnection(
  link: Link,
  typeOf: (id: string) => NodeTypeInfo | undefined,
  edges: readonly Link[],
): RefusalReason | null {
  if (link.source === link.target) return "self";
  const source = typeOf(link.source);
  const target = typeOf(link.target);
  if (!source || !target) return "unknown_node";
  if (target.inputs.length === 0) return "into_trigger";
  const port = link.sourceHandle ?? "out";
  if (!source.outputs.includes(port)) return "no_port";
  if (edges.some((e) => e.source === link.source && (e.sourceHandle ?? "out") === port && e.target === link.target)) {
    return "duplicate";
  }
  if (reaches(link.target, link.source, edges)) return "cycle";
  return null;
}

/** True when `to` can be reached from `from` along the edges. */
export function reaches(from: string, to: string, edges: readonly Link[]): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}
