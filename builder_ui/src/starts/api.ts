// Calls of the manual-start screens (POST /api/workflows/{id}/start, runtime/manual_start.py).
import { type Answer, type Body, request } from "../api/client";

export type StartBody = Body<"StartWorkflow">;
export type StartAnswer = Answer<"StartWorkflow">;

export const startApi = {
  start: (workflowId: string | number, body: StartBody) =>
    request<StartAnswer>(`/api/workflows/${encodeURIComponent(String(workflowId))}/start`, { body }),
};
