// Calls of the appointment book's API (typed by the generated OpenAPI operations).
import { type Answer, type Body, request } from "../api/client";

export type Appointment = Answer<"ListAppointments">["appointments"][number];
export type AppointmentDetail = Answer<"GetAppointment">;
export type Catalogue = Answer<"GetProcedureCatalogue">;
export type ImportReport = Answer<"ImportAppointments">;
export type Filters = { doctor: string; procedure: string; status: string };
export type RescheduleRequest = Answer<"ListRescheduleRequests">["requests"][number];

export const bookApi = {
  list: (from: string, to: string, filters: Filters) => {
    const query = new URLSearchParams({ from, to });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    return request<Answer<"ListAppointments">>(`/api/appointments?${query}`).then((r) => r.appointments);
  },
  get: (id: number) => request<AppointmentDetail>(`/api/appointments/${id}`),
  create: (body: Body<"CreateAppointment">) => request<Answer<"CreateAppointment">>("/api/appointments", { body }),
  update: (id: number, body: Body<"UpdateAppointment">) =>
    request<Answer<"UpdateAppointment">>(`/api/appointments/${id}`, { method: "PATCH", body }),
  importFile: (file: File, dryRun: boolean, mapping: string) => {
    const form = new FormData();
    form.append("file", file);
    if (mapping.trim()) form.append("mapping", mapping);
    return request<ImportReport>(`/api/appointments/import${dryRun ? "?dry_run=true" : ""}`, { form });
  },
  catalogue: () => request<Catalogue>("/api/procedures"),
  saveCatalogue: (body: Body<"PutProcedureCatalogue">) =>
    request<Catalogue>("/api/procedures", { method: "PUT", body }),
  requests: (status: string) =>
    request<Answer<"ListRescheduleRequests">>(`/api/reschedule-requests${status ? `?status=${status}` : ""}`),
  moveRequested: (id: number, startsAt: string) =>
    request<Answer<"RescheduleRequested">>(`/api/reschedule-requests/${id}/reschedule`, {
      body: { starts_at: startsAt } satisfies Body<"RescheduleRequested">,
    }),
  dismissRequest: (id: number) =>
    request<Answer<"DismissRescheduleRequest">>(`/api/reschedule-requests/${id}/dismiss`, { method: "POST" }),
  searchPatients: (q: string) =>
    request<Answer<"SearchPatients">>("/api/patients/search", { body: { q } satisfies Body<"SearchPatients"> }).then(
      (r) => r.patients,
    ),
};
