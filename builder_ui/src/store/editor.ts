// The editor's one zustand store: the graph, its history, the node catalogue, problems and selection.
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from "@xyflow/react";
import { deepEquals } from "@rjsf/utils";
import { createStore, useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { NodeTypeInfo, TemplateVariable, WorkflowDocument } from "../api/generated";
import type { JsonObject } from "../flow/types";
import { edgeId, newNodeId, toDocument, toFlow } from "../flow/convert";
import { layoutNodes } from "../flow/layout";
import { freeSpot } from "../flow/placement";
import { schemaDefaults } from "../nodes/defaults";
import type { Snapshot, StepEdge, StepNode } from "../flow/types";
import type { UiProblem } from "../lint/problems";
import { type History, pushed, redone, undone } from "./history";

export interface WorkflowMeta {
  id: string | number | null;
  name: string;
  description: string;
  readOnly: boolean;
  version: number | null; // set when a published version is open (read-only)
  publishedVersion: number | null;
  /** The workflow's lifecycle status (null: not saved yet, or not known yet); archived means no save, no publish. */
  status: "draft" | "active" | "paused" | "archived" | null;
}

export interface EditorState {
  catalogue: Record<string, NodeTypeInfo>;
  /** The {{ variables }} a message may use, with a sample value (the forms' variable picker). */
  variables: TemplateVariable[];
  meta: WorkflowMeta;
  nodes: StepNode[];
  edges: StepEdge[];
  history: History;
  clipboard: Snapshot | null;
  problems: UiProblem[];
  /** Each node's card sentence by node id (POST /api/nodes/summaries, refreshed with the live check). */
  summaries: Record<string, { ko: string; en: string }>;
  focusField: string | null;
  dirty: boolean;
  revision: number; // bumps on every graph or params change (drives the live checks)
  loads: number; // bumps when another document is loaded (the canvas fits its view to it)
  /** Bumps when a lifecycle transition is answered: a workflow read sent before it carries the old status. */
  transitions: number;

  setCatalogue: (nodes: NodeTypeInfo[], variables?: TemplateVariable[]) => void;
  load: (doc: WorkflowDocument, meta: Partial<WorkflowMeta>) => void;
  setMeta: (meta: Partial<WorkflowMeta>) => void;
  markSaved: (meta: Partial<WorkflowMeta>) => void;
  /** The lifecycle status as the server last said it (changes neither the document nor the undo history). */
  setStatus: (status: WorkflowMeta["status"]) => void;
  /** The status a pause, resume, archive or unarchive answered with (reads sent before it no longer set it). */
  transitioned: (status: WorkflowMeta["status"]) => void;
  onNodesChange: (changes: NodeChange<StepNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  addNode: (nodeType: string, position: { x: number; y: number }) => string;
  updateParams: (id: string, params: JsonObject) => void;
  /** Renames a node or edits its sticky note (one undo step per node and pause, like typing in params). */
  updateNode: (id: string, patch: { label?: string; note?: string }) => void;
  /** Adds a node and wires it from an output port (the wire-drop picker and the "+" on each output). */
  addConnected: (nodeType: string, position: { x: number; y: number }, from: { source: string; port: string }) => string;
  /** One undo step: the node takes ``params`` (its promotion cut out) and a marketing-consent check after it
   * sends ``advertisingText`` as an advertising SMS. With ``replace`` (the whole message was the promotion) the
   * consent check and the SMS take the node's place: its incoming links lead to the check, and what followed it
   * follows both the SMS and the check's "no". Returns the new SMS node's id (null: no such node). */
  moveToAdvertising: (id: string, params: JsonObject, advertisingText: string, replace?: boolean) => string | null;
  setSummaries: (summaries: Record<string, { ko: string; en: string }>) => void;
  checkpoint: () => void;
  deleteSelected: () => void;
  copySelection: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
  autoLayout: () => void;
  select: (id: string | null, field?: string | null) => void;
  setProblems: (problems: UiProblem[]) => void;
  document: () => WorkflowDocument;
}

/** Equal params whatever their key order (rjsf orders keys as the schema does); undefined members count as absent. */
export function sameParams(a: unknown, b: unknown): boolean {
  const plain = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  return deepEquals(plain(a), plain(b));
}

const emptyMeta: WorkflowMeta = {
  id: null,
  name: "",
  description: "",
  readOnly: false,
  version: null,
  publishedVersion: null,
  status: null,
};
const emptyHistory: History = { past: [], future: [] };

export function createEditorStore() {
  return createStore<EditorState>()((set, get) => {
    /** Applies a graph change after saving the current graph for undo. */
    const edit = (next: Partial<Pick<EditorState, "nodes" | "edges">>) => {
      const { nodes, edges, history, revision } = get();
      set({ ...next, history: pushed(history, { nodes, edges }), dirty: true, revision: revision + 1 });
    };
    const restore = (result: { history: History; snapshot: Snapshot } | null) => {
      if (result) set({ ...result.snapshot, history: result.history, dirty: true, revision: get().revision + 1 });
    };
    let lastParamsEdit = { id: "", at: 0 };

    return {
      catalogue: {},
      variables: [],
      meta: emptyMeta,
      nodes: [],
      edges: [],
      history: emptyHistory,
      clipboard: null,
      problems: [],
      summaries: {},
      focusField: null,
      dirty: false,
      revision: 0,
      loads: 0,
      transitions: 0,

      setCatalogue: (list, variables = get().variables) =>
        set({ catalogue: Object.fromEntries(list.map((n) => [n.type, n])), variables }),
      load: (doc, meta) => {
        const flow = toFlow(doc);
        const nodes = flow.needsLayout ? layoutNodes(flow.nodes, flow.edges) : flow.nodes;
        set({
          meta: { ...emptyMeta, name: doc.name ?? "", description: doc.description ?? "", ...meta },
          nodes,
          edges: flow.edges,
          history: emptyHistory,
          problems: [],
          summaries: {},
          focusField: null,
          dirty: false,
          revision: get().revision + 1,
          loads: get().loads + 1,
        });
      },
      setMeta: (meta) => set({ meta: { ...get().meta, ...meta }, dirty: true, revision: get().revision + 1 }),
      markSaved: (meta) => set({ meta: { ...get().meta, ...meta }, dirty: false }),
      setStatus: (status) => set({ meta: { ...get().meta, status } }),
      transitioned: (status) => set({ meta: { ...get().meta, status }, transitions: get().transitions + 1 }),

      onNodesChange: (changes) => {
        const structural = changes.some((c) => c.type === "remove" || c.type === "add");
        const nodes = applyNodeChanges(changes, get().nodes);
        if (structural) edit({ nodes });
        else set({ nodes, dirty: get().dirty || changes.some((c) => c.type === "position" && !c.dragging) });
      },
      onEdgesChange: (changes) => {
        const edges = applyEdgeChanges(changes, get().edges);
        if (changes.some((c) => c.type === "remove")) edit({ edges });
        else set({ edges });
      },
      onConnect: (c) => {
        const port = c.sourceHandle ?? "out";
        const edge: StepEdge = { ...c, id: edgeId(c.source, port, c.target), sourceHandle: port, targetHandle: "in" };
        edit({ edges: addEdge(edge, get().edges) });
      },
      addNode: (nodeType, position) => {
        const id = newNodeId(nodeType, get().nodes.map((n) => n.id));
        const node: StepNode = {
          id,
          type: "step",
          position: freeSpot(position, get().nodes),
          data: { nodeType, params: schemaDefaults(get().catalogue[nodeType]?.schema) },
          selected: true,
        };
        edit({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), node] });
        return id;
      },
      updateParams: (id, params) => {
        const current = get().nodes.find((n) => n.id === id);
        if (!current || sameParams(current.data.params, params)) return;
        // Typing in a form is one undo step per node and pause, not one per keystroke.
        const now = Date.now();
        const grouped = lastParamsEdit.id === id && now - lastParamsEdit.at < 1500;
        lastParamsEdit = { id, at: now };
        const nodes = get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, params } } : n));
        if (grouped) set({ nodes, dirty: true, revision: get().revision + 1 });
        else edit({ nodes });
      },
      updateNode: (id, patch) => {
        const current = get().nodes.find((n) => n.id === id);
        if (!current) return;
        const now = Date.now();
        const grouped = lastParamsEdit.id === `meta:${id}` && now - lastParamsEdit.at < 1500;
        lastParamsEdit = { id: `meta:${id}`, at: now };
        const nodes = get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n));
        if (grouped) set({ nodes, dirty: true, revision: get().revision + 1 });
        else edit({ nodes });
      },
      addConnected: (nodeType, position, from) => {
        const id = newNodeId(nodeType, get().nodes.map((n) => n.id));
        const node: StepNode = {
          id,
          type: "step",
          position: freeSpot(position, get().nodes),
          data: { nodeType, params: schemaDefaults(get().catalogue[nodeType]?.schema) },
          selected: true,
        };
        const edge: StepEdge = {
          id: edgeId(from.source, from.port, id),
          source: from.source,
          target: id,
          sourceHandle: from.port,
          targetHandle: "in",
        };
        edit({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), node], edges: [...get().edges, edge] });
        return id;
      },
      moveToAdvertising: (id, params, advertisingText, replace = false) => {
        const { nodes, edges, catalogue } = get();
        const source = nodes.find((n) => n.id === id);
        if (!source) return null;
        const port = catalogue[source.data.nodeType]?.outputs?.[0] ?? "out";
        const taken = nodes.map((n) => n.id);
        const consentId = newNodeId("branch.consent", taken);
        const adId = newNodeId("send.sms", [...taken, consentId]);
        const { x, y } = source.position;
        const consent: StepNode = {
          id: consentId,
          type: "step",
          position: replace ? { x, y } : { x: x + 300, y: y + 150 },
          data: { nodeType: "branch.consent", params: { purpose: "marketing" } },
          selected: false,
        };
        const ad: StepNode = {
          id: adId,
          type: "step",
          position: replace ? { x: x + 300, y: y + 150 } : { x: x + 300, y: y + 300 },
          data: { nodeType: "send.sms", params: { purpose: "advertising", text: advertisingText } },
          selected: true,
        };
        const link = (from: string, fromPort: string, to: string): StepEdge => ({
          id: edgeId(from, fromPort, to),
          source: from,
          target: to,
          sourceHandle: fromPort,
          targetHandle: "in",
        });
        if (replace) {
          const kept = edges.filter((e) => e.source !== id && e.target !== id);
          const incoming = edges.filter((e) => e.target === id).map((e) => link(e.source, e.sourceHandle ?? "out", consentId));
          const after = edges.filter((e) => e.source === id).map((e) => e.target);
          const onward = after.flatMap((target) => [link(adId, "out", target), link(consentId, "no", target)]);
          edit({
            nodes: [...nodes.filter((n) => n.id !== id).map((n) => ({ ...n, selected: false })), consent, ad],
            edges: [...kept, ...incoming, link(consentId, "yes", adId), ...onward],
          });
          return adId;
        }
        edit({
          nodes: [
            ...nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, params }, selected: false } : { ...n, selected: false })),
            consent,
            ad,
          ],
          edges: [...edges, link(id, port, consentId), link(consentId, "yes", adId)],
        });
        return adId;
      },
      setSummaries: (summaries) => set({ summaries }),
      checkpoint: () => {
        const { nodes, edges, history } = get();
        set({ history: pushed(history, { nodes, edges }) });
      },
      deleteSelected: () => {
        const gone = new Set(get().nodes.filter((n) => n.selected).map((n) => n.id));
        const edges = get().edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
        if (!gone.size && edges.length === get().edges.length) return;
        edit({ nodes: get().nodes.filter((n) => !gone.has(n.id)), edges });
      },
      copySelection: () => {
        const nodes = get().nodes.filter((n) => n.selected);
        const ids = new Set(nodes.map((n) => n.id));
        const edges = get().edges.filter((e) => ids.has(e.source) && ids.has(e.target));
        if (nodes.length) set({ clipboard: { nodes, edges } });
      },
      paste: () => {
        const clip = get().clipboard;
        if (!clip) return;
        const taken = get().nodes.map((n) => n.id);
        const rename = new Map<string, string>();
        for (const n of clip.nodes) {
          const id = newNodeId(n.data.nodeType, [...taken, ...rename.values()]);
          rename.set(n.id, id);
        }
        const pasted: StepNode[] = clip.nodes.map((n) => ({
          ...n,
          id: rename.get(n.id)!,
          position: { x: n.position.x + 40, y: n.position.y + 40 },
          data: structuredClone(n.data),
          selected: true,
        }));
        const pastedEdges: StepEdge[] = clip.edges.map((e) => {
          const source = rename.get(e.source)!;
          const target = rename.get(e.target)!;
          return { ...e, id: edgeId(source, e.sourceHandle ?? "out", target), source, target, selected: false };
        });
        edit({
          nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), ...pasted],
          edges: [...get().edges, ...pastedEdges],
        });
        set({ clipboard: { nodes: pasted, edges: pastedEdges } });
      },
      undo: () => restore(undone(get().history, { nodes: get().nodes, edges: get().edges })),
      redo: () => restore(redone(get().history, { nodes: get().nodes, edges: get().edges })),
      autoLayout: () => edit({ nodes: layoutNodes(get().nodes, get().edges) }),
      select: (id, field = null) =>
        set({ nodes: get().nodes.map((n) => ({ ...n, selected: n.id === id })), focusField: field }),
      setProblems: (problems) => set({ problems }),
      document: () => {
        const { meta, nodes, edges } = get();
        return toDocument(meta.name, meta.description, nodes, edges);
      },
    };
  });
}

export const editorStore = createEditorStore();

/** Reads the editor store with a shallow-compared selector. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, useShallow(selector));
}
