// Bring a just-placed node into view: the "+" under the lowest card, or a wire dropped near the edge, would
// otherwise put the new card below or beside the visible canvas, where the user cannot see what happened.
import type { ReactFlowInstance } from "@xyflow/react";
import type { StepEdge, StepNode } from "./types";

// A card (240 px wide) with its "+" below it; room kept from the canvas edges.
const CARD = { width: 240, height: 130 };
const MARGIN = 32;

/** Pans (never zooms) so that a card at ``position`` (flow coordinates) is inside the canvas. */
export function reveal(flow: ReactFlowInstance<StepNode, StepEdge>, position: { x: number; y: number }): void {
  const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  if (!rect) return;
  const { x, y, zoom } = flow.getViewport();
  const left = position.x * zoom + x;
  const top = position.y * zoom + y;
  const shift = (start: number, size: number, room: number) => {
    if (start + size > room - MARGIN) return Math.max(room - MARGIN - (start + size), MARGIN - start);
    return start < MARGIN ? MARGIN - start : 0;
  };
  const dx = shift(left, CARD.width * zoom, rect.width);
  const dy = shift(top, CARD.height * zoom, rect.height);
  if (dx || dy) void flow.setViewport({ x: x + dx, y: y + dy, zoom });
}
