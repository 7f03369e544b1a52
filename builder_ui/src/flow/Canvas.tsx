// The drawing surface: nodes from the store, drop from the palette, connections checked while dragging.
import {
  Background,
  ControlButton,
  Controls,
  type FinalConnectionState,
  type IsValidConnection,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, memo, useCallback, useEffect, useRef, useState } from "react";
import { translate, useLang, useT } from "../i18n";
import { DRAG_MIME } from "../nodes/Palette";
import { SchemaNode } from "../nodes/SchemaNode";
import { editorStore, useEditor } from "../store/editor";
import { toast } from "../store/toast";
import { refuseConnection } from "./connection";
import { NodePicker } from "./NodePicker";
import { usePicker } from "./picker";
import { ShortcutHelp } from "./ShortcutHelp";
import type { StepEdge } from "./types";

// Module scope: React Flow re-mounts every node when this object changes identity.
const nodeTypes = { step: SchemaNode };
const defaultEdgeOptions = { type: "smoothstep" as const };
// Room around the graph so the last output's handle and "+" are not at the edge; readable cards.
const fitViewOptions = { maxZoom: 1.1, minZoom: 0.75, padding: 0.2 };
const minimapColor = (n: { data: Record<string, unknown> }) => {
  const info = editorStore.getState().catalogue[String(n.data.nodeType)];
  return info?.category === "trigger" ? "#7c3aed" : info?.category === "action" ? "#059669" : "#2563eb";
};

function CanvasView({ readOnly }: { readOnly: boolean }) {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect, addNode, checkpoint } = useEditor((s) => ({
    nodes: s.nodes,
    edges: s.edges,
    onNodesChange: s.onNodesChange,
    onEdgesChange: s.onEdgesChange,
    onConnect: s.onConnect,
    addNode: s.addNode,
    checkpoint: s.checkpoint,
  }));
  const { screenToFlowPosition, getNodesBounds, getViewport, setViewport, fitView } = useReactFlow();
  const [help, setHelp] = useState(false);
  // The overview map covers the canvas's bottom-right corner, where the last card of a wide graph sits and
  // could not be clicked: it is shown on demand (the map button under the zoom buttons).
  const [overview, setOverview] = useState(false);
  const t = useT();
  const workflowKey = useEditor((s) => s.loads);
  const initialized = useNodesInitialized();
  const placed = useRef<number | null>(null);
  // React Flow's own fit (before the first paint) only for a document that opens with nodes: on a blank canvas it
  // would fire when the first dropped node is measured and move it away from where it was dropped.
  const [startsFilled] = useState(() => editorStore.getState().nodes.length > 0);

  // Each loaded document is fitted to the canvas (React Flow's own fitView only runs once, so opening another
  // workflow in the same editor kept the previous one's pan); a graph too tall for the canvas at a readable zoom
  // starts at its trigger, not cut in the middle.
  // A blank document is not fitted: the first node a user drops stays where it was dropped (the fit used to
  // move it 60 ms later, under the user's next drag).
  useEffect(() => {
    if (placed.current === workflowKey) return;
    if (!editorStore.getState().nodes.length) {
      placed.current = workflowKey;
      return;
    }
    if (!initialized) return;
    const timer = window.setTimeout(async () => {
      placed.current = workflowKey; // (set here: a re-render that cancels the timer must not skip the fit)
      const all = editorStore.getState().nodes;
      const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      if (!all.length || !rect) return;
      await fitView(fitViewOptions);
      const bounds = getNodesBounds(all);
      const { x, zoom } = getViewport();
      if (bounds.height * zoom + 80 > rect.height) void setViewport({ x, y: 24 - bounds.y * zoom, zoom });
    }, 60);
    return () => window.clearTimeout(timer);
  }, [initialized, workflowKey, getNodesBounds, getViewport, setViewport, fitView]);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const closeHelp = useCallback(() => setHelp(false), []);

  // Tab with the mouse over the canvas: the node picker at the cursor; "?": the shortcut overlay.
  // Anywhere else Tab moves the focus as usual, so the toolbar, palette and inspector stay reachable by keyboard
  // (a keyboard-only user adds nodes from the palette with Enter).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
      if (e.key === "?") {
        e.preventDefault();
        setHelp((open) => !open);
      } else if (e.key === "Tab" && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && !readOnly) {
        const canvas = document.querySelector('[data-testid="canvas"]');
        const at = pointer.current;
        const focusFree = !el || el === document.body || (canvas?.contains(el) ?? false);
        if (!canvas || !at || !focusFree) return;
        e.preventDefault();
        usePicker.getState().open({ screen: at, flow: screenToFlowPosition(at), from: null });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly, screenToFlowPosition]);

  // A wire dropped into empty space opens the picker there; one dropped on a node that cannot take it
  // says why, in words (the handle only turned red while dragging).
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (readOnly || state.isValid || !state.fromNode || !state.fromHandle) return;
      const source = state.fromNode.id;
      const port = state.fromHandle.id ?? "out";
      if (state.fromHandle.type !== "source") return;
      const point = "changedTouches" in event ? event.changedTouches[0]! : event;
      const under = document.elementFromPoint(point.clientX, point.clientY);
      const over = state.toNode?.id ?? under?.closest(".react-flow__node")?.getAttribute("data-id") ?? null;
      if (under?.closest(".node-picker, .react-flow__controls, .react-flow__minimap")) return;
      if (over) {
        const { catalogue, nodes: current, edges: links } = editorStore.getState();
        const typeOf = (id: string) => {
          const node = current.find((n) => n.id === id);
          return node ? catalogue[node.data.nodeType] : undefined;
        };
        const reason = refuseConnection({ source, target: over, sourceHandle: port }, typeOf, links);
        if (reason) toast("error", translate(useLang.getState().lang, `connection.${reason}`));
        else editorStore.getState().onConnect({ source, target: over, sourceHandle: port, targetHandle: "in" });
        return;
      }
      const at = { x: point.clientX, y: point.clientY };
      usePicker.getState().open({ screen: at, flow: screenToFlowPosition(at), from: { source, port } });
    },
    [readOnly, screenToFlowPosition],
  );

  const isValidConnection: IsValidConnection<StepEdge> = useCallback((c) => {
    const { catalogue, nodes: current, edges: links } = editorStore.getState();
    const typeOf = (id: string) => {
      const node = current.find((n) => n.id === id);
      return node ? catalogue[node.data.nodeType] : undefined;
    };
    return refuseConnection(c, typeOf, links) === null;
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const nodeType = e.dataTransfer.getData(DRAG_MIME);
      if (!nodeType || readOnly) return;
      e.preventDefault();
      e.stopPropagation(); // not a workflow file drop
      const position = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNode(nodeType, { x: position.x - 100, y: position.y - 30 });
    },
    [addNode, readOnly, screenToFlowPosition],
  );

  return (
    <div
      className="canvas"
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onMouseMove={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onMouseLeave={() => (pointer.current = null)}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        connectionRadius={40}
        autoPanSpeed={8}
        onNodeDragStart={checkpoint}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        fitView={startsFilled}
        fitViewOptions={fitViewOptions}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        {overview && <MiniMap pannable zoomable nodeColor={minimapColor} />}
        <Controls showInteractive={false}>
          <ControlButton
            onClick={() => setOverview((shown) => !shown)}
            title={t(overview ? "canvas.hideMap" : "canvas.showMap")}
            aria-label={t(overview ? "canvas.hideMap" : "canvas.showMap")}
            aria-pressed={overview}
            data-testid="toggle-minimap"
          >
            ▦
          </ControlButton>
        </Controls>
      </ReactFlow>
      <NodePicker />
      {help && <ShortcutHelp onClose={closeHelp} />}
      <button type="button" className="help-button" onClick={() => setHelp(true)} title="?" data-testid="shortcut-help-open">
        ?
      </button>
    </div>
  );
}

export const Canvas = memo(CanvasView);
