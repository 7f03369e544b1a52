// A workflow's lifecycle status as a coloured tag (draft / active / paused / archived).
import "./lifecycle.css";
import { useLifecycleText } from "./text";
import type { WorkflowStatus } from "./api";

export function StatusBadge({ status, testId = "workflow-status" }: { status: WorkflowStatus; testId?: string }) {
  const text = useLifecycleText();
  return (
    <span className={`tag lifecycle-${status}`} data-testid={testId} data-status={status}>
      {text(`status.${status}`)}
    </span>
  );
}
