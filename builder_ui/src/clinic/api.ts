// 병원 정보 / clinic profile, team administration and the review page: their HTTP calls.
import { type Answer, type Body, request } from "../api/client";

const user = (id: number) => `/api/users/${encodeURIComponent(String(id))}`;
const wf = (id: string | number) => `/api/workflows/${encodeURIComponent(String(id))}`;

export type ClinicProfile = Answer<"GetClinicProfile">;
export type UserView = Answer<"ListUsers">["users"][number];
export type WorkflowReview = Answer<"GetWorkflowReview">;
export type ReviewRow = Answer<"ListReviews">["workflows"][number];

export const clinicApi = {
  profile: () => request<ClinicProfile>("/api/clinic"),
  saveProfile: (body: Body<"UpdateClinicProfile">) =>
    request<Answer<"UpdateClinicProfile">>("/api/clinic", { method: "PUT", body }),

  users: () => request<Answer<"ListUsers">>("/api/users").then((r) => r.users),
  invite: (body: Body<"CreateUser">) => request<Answer<"CreateUser">>("/api/users", { body }),
  changeUser: (id: number, body: Body<"UpdateUser">) =>
    request<Answer<"UpdateUser">>(user(id), { method: "PATCH", body }),
  passwordLink: (id: number) => request<Answer<"IssuePasswordLink">>(`${user(id)}/password-link`, { method: "POST" }),

  reviews: () => request<Answer<"ListReviews">>("/api/review").then((r) => r.workflows),
  review: (id: string | number) => request<WorkflowReview>(`${wf(id)}/review`),
};

/** The link a new user or a reset opens (the token in the fragment never reaches a server log). */
export function setupLink(token: string): string {
  return `${window.location.origin}/setup#token=${encodeURIComponent(token)}`;
}
