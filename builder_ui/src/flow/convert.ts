// Workflow document (file format v1) ⇄ canvas nodes and edges.
import type { DocEdge, DocNode, WorkflowDocument } from "../api/generated";
import type { StepEdge, StepNode } from "./types";

export const FORMAT = "doctorsflow.workflow/v1" as const;

export function edgeId(source: string, port: string, target: string): string {
  return `${source}:${port}->${target}`;
}

export function toFlow(doc: WorkflowDocument): { nodes: StepNode[]; edges: StepEdge[]; needsLayout: boolean } {
  const nodes: StepNode[] = (doc.nodes ?? []).map((n, i) => ({
    id: n.id,
    type: "step",
    position: n.position ?? { x: 0, y: i * 120 },
    data: {
      nodeType: n.type,
      params: n.params ?? {},
      ...(n.label ? { label: n.label } : {}),
      ...(n.description ? { note: n.description } : {}),
    },
  }));
  const edges: StepEdge[] = (doc.edges ?? []).map((e) => {
    const port = e.sourcePort ?? "out";
    return { id: edgeId(e.source, port, e.target), source: e.source, target: e.target, sourceHandle: port, targetHandle: "in" };
  });
  const needsLayout = nodes.length > 1 && (doc.nodes ?? []).some((n) => !n.position);
  return { nodes, edges, needsLayout };
}

export function toDocument(name: string, description: string, nodes: StepNode[], edges: StepEdge[]): WorkflowDocument {
  const docNodes: DocNode[] = nodes.map((n) => {
    const node: DocNode = {
      id: n.id,
      type: n.data.nodeType,
      params: n.data.params,
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    };
    if (n.data.label?.trim()) node.label = n.data.label.trim();
    if (n.data.note?.trim()) node.description = n.data.note.trim();
    return node;
  });
  const docEdges: DocEdge[] = edges.map((e) => {
    const port = e.sourceHandle ?? "out";
    return port === "out" ? { source: e.source, target: e.target } : { source: e.source, target: e.target, sourcePort: port };
  });
  const doc: WorkflowDocument = { format: FORMAT, name, nodes: docNodes, edges: docEdges };
  if (description) doc.description = description;
  return doc;
}

/** A fresh id for a node of this type, readable in files and lint reports ("wait_duration_2"). */
export function newNodeId(nodeType: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = nodeType.replace(/[^a-zA-Z0-9]+/g, "_");
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!used.has(id)) return id;
  }
}
