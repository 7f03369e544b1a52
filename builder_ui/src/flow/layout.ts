// Auto-layout: a layered top-to-bottom drawing by dagre.
import dagre from "@dagrejs/dagre";
import type { StepEdge, StepNode } from "./types";

const WIDTH = 220;
const HEIGHT = 80;

export function layoutNodes(nodes: StepNode[], edges: StepEdge[]): StepNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 50, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.measured?.width ?? WIDTH, height: n.measured?.height ?? HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    if (!p) return n;
    const w = n.measured?.width ?? WIDTH;
    const h = n.measured?.height ?? HEIGHT;
    return { ...n, position: { x: Math.round(p.x - w / 2), y: Math.round(p.y - h / 2) } };
  });
}
