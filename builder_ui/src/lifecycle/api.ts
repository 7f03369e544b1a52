// Calls of the lifecycle API: transitions, publish impact, restore/diff, the runs monitor's list and actions.
import { type Answer, request } from "../api/client";

type Id = string | number;
const wf = (id: Id) => `/api/workflows/${encodeURIComponent(String(id))}`;

export type Transition = "pause" | "resume" | "archive" | "unarchive";
export type WorkflowStatus = Answer<"GetWorkflow">["status"];

export interface RunFilters {
  workflowId?: string;
  status?: string;
  patientId?: string;
}

/** A waiting message staff may still cancel. An UNCERTAIN one may have reached the provider: the runtime asks
 *  the provider before it decides, so the server refuses to cancel it (409 message_uncertain). */
export function isCancellable(message: { status: string; error_code?: string | null }): boolean {
  return (message.status === "pending" || message.status === "held") && message.error_code !== "UNCERTAIN";
}

export const lifecycleApi = {
  transition: (id: Id, action: Transition) =>
    request<Answer<"PauseWorkflow">>(`${wf(id)}/${action}`, { method: "POST" }),
  impact: (id: Id) => request<Answer<"PublishImpact">>(`${wf(id)}/impact`),
  restore: (id: Id, version: number) =>
    request<Answer<"RestoreWorkflowVersion">>(`${wf(id)}/versions/${version}/restore`, { method: "POST" }),
  diff: (id: Id, base: number, target?: number) =>
    request<Answer<"DiffWorkflowVersions">>(`${wf(id)}/diff?base=${base}${target ? `&target=${target}` : ""}`),
  runs: (filters: RunFilters) => {
    const query = new URLSearchParams();
    if (filters.workflowId) query.set("workflow_id", filters.workflowId);
    if (filters.status) query.set("status", filters.status);
    if (filters.patientId) query.set("patient_id", filters.patientId);
    const suffix = query.toString();
    return request<Answer<"ListRuns">>(`/api/runs${suffix ? `?${suffix}` : ""}`).then((r) => r.runs);
  },
  run: (id: number) => request<Answer<"GetRun">>(`/api/runs/${id}`),
  cancelRun: (id: number) => request<Answer<"CancelRun">>(`/api/runs/${id}/cancel`, { method: "POST" }),
  cancelMessage: (id: number) => request<Answer<"CancelMessage">>(`/api/messages/${id}/cancel`, { method: "POST" }),
  retryMessage: (id: number) => request<Answer<"RetryMessage">>(`/api/messages/${id}/retry`, { method: "POST" }),
};
