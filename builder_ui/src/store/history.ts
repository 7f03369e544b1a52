// Undo/redo stacks of canvas snapshots (nodes and edges are immutable, so a snapshot is two references).
import type { Snapshot } from "../flow/types";

export const HISTORY_LIMIT = 100;

export interface History {
  past: Snapshot[];
  future: Snapshot[];
}

export function pushed(history: History, current: Snapshot): History {
  const last = history.past[history.past.length - 1];
  if (last && last.nodes === current.nodes && last.edges === current.edges) return history;
  return { past: [...history.past, current].slice(-HISTORY_LIMIT), future: [] };
}

export function undone(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const previous = history.past[history.past.length - 1];
  if (!previous) return null;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future] }, snapshot: previous };
}

export function redone(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const next = history.future[0];
  if (!next) return null;
  return { history: { past: [...history.past, current], future: history.future.slice(1) }, snapshot: next };
}
