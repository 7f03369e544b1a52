// The drawing surface: nodes from the store, drop from the palette, connections checked while dragging.
import {
  Background,
  Controls,
  type IsValidConnection,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, memo, useCallback } from "react";
import { DRAG_MIME } from "../nodes/Palette";
import { SchemaNode } from "../nodes/SchemaNode";
import { editorStore, useEditor } from "../store/editor";
import { refuseConnection } from "./connection";
import type { StepEdge } from "./types";

// Module scope: React Flow re-mounts every node when this object changes identity.
const nodeTypes = { step: SchemaNode };
const defaultEdgeOptions = { type: "smoothstep" as const };
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
  const { screenToFlowPosition } = useReactFlow();

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
    <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={checkpoint}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ maxZoom: 1.1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable nodeColor={minimapColor} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

export const Canvas = memo(CanvasView);
