// Where a new node goes: where it was dropped, unless a node is already there — then just below the node
// in the way (repeatedly), so two drops on the same spot land side by side instead of one hiding the other.
import type { StepNode } from "./types";

type Point = { x: number; y: number };
type Box = Point & { width: number; height: number };

// A node's size before the canvas has measured it (.step-node: 240 px + padding, about four lines high)
const NEW_NODE = { width: 264, height: 100 };
const GAP = 16;

function box(node: StepNode): Box {
  const width = node.measured?.width ?? node.width ?? NEW_NODE.width;
  const height = node.measured?.height ?? node.height ?? NEW_NODE.height;
  return { ...node.position, width, height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/** The nearest free spot at or below ``wanted`` for a new node among ``nodes``. */
export function freeSpot(wanted: Point, nodes: StepNode[]): Point {
  const boxes = nodes.map(box);
  const spot = { ...wanted };
  for (let tries = 0; tries < nodes.length + 1; tries++) {
    const inTheWay = boxes.find((b) => overlaps({ ...spot, ...NEW_NODE }, b));
    if (!inTheWay) break;
    spot.y = inTheWay.y + inTheWay.height + GAP;
  }
  return spot;
}
