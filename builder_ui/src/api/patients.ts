// Calls of the patient page and first log-in (kept apart from endpoints.ts: one domain a file).
import { type Answer, type Body, request } from "./client";

const one = (id: string | number) => `/api/patients/${encodeURIComponent(String(id))}`;

export const patientApi = {
  get: (id: string | number) => request<Answer<"GetPatient">>(one(id)),
  consents: (id: string | number) => request<Answer<"ListConsents">>(`${one(id)}/consents`),
  activity: (id: string | number) => request<Answer<"PatientActivity">>(`${one(id)}/activity`, { optional: true }),
  recordConsent: (id: string | number, body: Body<"RecordConsent">) =>
    request<Answer<"RecordConsent">>(`${one(id)}/consents`, { body }),
  optOut: (id: string | number, allMessages: boolean) =>
    request<Answer<"OptOutPatient">>(`${one(id)}/opt-out`, {
      body: { all_messages: allMessages } satisfies Body<"OptOutPatient">,
    }),
  export: (id: string | number) => request<Answer<"ExportPatient">>(`${one(id)}/export`),
  erase: (id: string | number) => request<Answer<"ErasePatient">>(`${one(id)}/erase`, { method: "POST" }),
};

export const setupApi = {
  /** Uses the one-time token of a /setup#token=… link; the server sets the session cookies. */
  setPassword: (token: string, password: string) =>
    request<Answer<"SetPassword">>("/api/auth/set-password", {
      body: { token, password } satisfies Body<"SetPassword">,
    }),
};
