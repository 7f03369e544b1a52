// A run, named by its workflow, that opens the runs monitor at that very run (its steps unfolded), not at the
// workflow's whole list. A real link, so a modifier or middle click still opens a new tab.
import type { MouseEvent, ReactNode } from "react";
import { useRoute } from "../store/router";

export function runPath(workflowId: string | number, runId: number): string {
  return `/runs/${encodeURIComponent(String(workflowId))}/${runId}`;
}

export function RunLink({
  workflowId,
  runId,
  children,
  testId = "run-link",
}: {
  workflowId: string | number;
  runId: number;
  children: ReactNode;
  testId?: string;
}) {
  const navigate = useRoute((s) => s.navigate);
  const href = runPath(workflowId, runId);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={open} data-testid={testId}>
      {children}
    </a>
  );
}
