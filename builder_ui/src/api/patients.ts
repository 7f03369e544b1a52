// Typed calls of the patient page and first log-in (kept apart from endpoints.ts: one domain a file).
import { request } from "./client";

export type Purpose = "treatment" | "marketing" | "night_ads";
export const PURPOSES: Purpose[] = ["treatment", "marketing", "night_ads"];

export interface PatientDetail {
  id: number;
  chart_no: string | null;
  name: string | null;
  phone: string | null;
  phone_display: string | null;
  birth_date: string | null;
  sex: string | null;
  tags: string[];
  opted_out: boolean;
  minor: boolean;
  erased_at: string | null;
  created_at: string | null;
  last_activity_at: string | null;
  consents: Record<Purpose, boolean>;
  reconfirm_marketing: boolean;
}

export interface ConsentEntry {
  id: number;
  purpose: Purpose;
  granted: boolean;
  method: string;
  text_version: string | null;
  recorded_by: string;
  occurred_at: string;
  recorded_at: string;
  guardian: { name: string; relationship: string } | null;
}

export interface ConsentIn {
  purpose: Purpose;
  granted: boolean;
  method: "paper" | "kiosk" | "web" | "staff";
  occurred_at?: string;
  guardian?: { name: string; relationship: string };
}

export interface PatientRun {
  id: number;
  workflow_id: number;
  workflow_name: string | null;
  version: number;
  status: string;
  trigger_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  reason: string | null;
}

export interface PatientMessage {
  id: number;
  run_id: number | null;
  node: string;
  channel: string;
  purpose: string;
  status: string;
  text: string;
  reason: string | null;
  due_at: string | null;
  sent_at: string | null;
  delivered_at: string | null;
}

const one = (id: string | number) => `/api/patients/${encodeURIComponent(String(id))}`;

export const patientApi = {
  get: (id: string | number) => request<PatientDetail>(one(id)),
  consents: (id: string | number) =>
    request<{ consents: ConsentEntry[]; current: Record<Purpose, boolean> }>(`${one(id)}/consents`),
  activity: (id: string | number) =>
    request<{ runs: PatientRun[]; messages: PatientMessage[] }>(`${one(id)}/activity`, { optional: true }),
  recordConsent: (id: string | number, body: ConsentIn) => request<ConsentEntry>(`${one(id)}/consents`, { body }),
  optOut: (id: string | number, allMessages: boolean) =>
    request<{ revoked: string[]; opted_out: boolean }>(`${one(id)}/opt-out`, { body: { all_messages: allMessages } }),
  export: (id: string | number) => request<Record<string, unknown>>(`${one(id)}/export`),
  erase: (id: string | number) => request<{ erased: boolean }>(`${one(id)}/erase`, { method: "POST" }),
};

export const setupApi = {
  /** Uses the one-time token of a /setup#token=… link; the server sets the session cookies. */
  setPassword: (token: string, password: string) =>
    request<{ user: { email: string; name: string }; csrf_token: string }>("/api/auth/set-password", {
      body: { token, password },
    }),
};
