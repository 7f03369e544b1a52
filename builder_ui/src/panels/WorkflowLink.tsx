// A workflow's name that opens it in the editor in this tab (an app route, not a page load). It stays a real link,
// so the browser's own "open in new tab" still works when a user asks for it with a modifier or middle click.
import type { MouseEvent } from "react";
import { useRoute } from "../store/router";

export function workflowPath(id: string | number): string {
  return `/workflows/${encodeURIComponent(String(id))}`;
}

export function WorkflowLink({ id, name, testId = "workflow-link" }: { id: string | number; name: string; testId?: string }) {
  const navigate = useRoute((s) => s.navigate);
  const href = workflowPath(id);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.stopPropagation(); // inside a clickable row (the runs list) the click opens the workflow, not the row
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} className="workflow-link" onClick={open} data-testid={testId}>
      {name}
    </a>
  );
}
