import type { Edge, Node } from "@xyflow/react";
import type { DocNode } from "../api/generated";

/** A node's params (and any other JSON object the editor passes around). */
export type JsonObject = NonNullable<DocNode["params"]>;

/** Data of every canvas node: its workflow node type and params (the generic SchemaNode draws it). */
export type StepData = {
  nodeType: string;
  params: JsonObject;
  /** The node's own name ("수술 다음 날 안내"), the file's optional `label`; empty: the type's label. */
  label?: string;
  /** A sticky note on the card, the file's optional node `description`. */
  note?: string;
};
export type StepNode = Node<StepData, "step">;
export type StepEdge = Edge;

export interface Snapshot {
  nodes: StepNode[];
  edges: StepEdge[];
}
