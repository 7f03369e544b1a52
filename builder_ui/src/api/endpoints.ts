// Calls of the DoctorsFlow HTTP API, one function per endpoint; each answer and body is typed by its
// operation in the generated OpenAPI types (./generated, `make ui`).
import { type Answer, type Body, request } from "./client";
import type { ImportJobView, MessageIn, WorkflowDocument } from "./generated";

type Id = string | number;
const optional = true;
const tpl = (code: string, action = "") => `/api/alimtalk-templates/${encodeURIComponent(code)}${action}`;
const wf = (id: Id) => `/api/workflows/${encodeURIComponent(String(id))}`;

export const api = {
  nodes: () => request<Answer<"ListNodeTypes">>("/api/nodes").then((r) => r.nodes),
  catalogue: () => request<Answer<"ListNodeTypes">>("/api/nodes"),

  listWorkflows: () => request<Answer<"ListWorkflows">>("/api/workflows").then((r) => r.workflows),
  getWorkflow: (id: Id) => request<Answer<"GetWorkflow">>(wf(id)),
  createWorkflow: (doc: Body<"CreateWorkflow">) => request<Answer<"CreateWorkflow">>("/api/workflows", { body: doc }),
  saveWorkflow: (id: Id, doc: Body<"UpdateWorkflow">) =>
    request<Answer<"UpdateWorkflow">>(wf(id), { method: "PUT", body: doc }),
  deleteWorkflow: (id: Id) => request<null>(wf(id), { method: "DELETE" }),
  publish: (id: Id) => request<Answer<"PublishWorkflow">>(`${wf(id)}/publish`, { method: "POST" }),
  getVersion: (id: Id, version: number) => request<Answer<"GetWorkflowVersion">>(`${wf(id)}/versions/${version}`),
  /** A file the user picked: the server checks that it is a workflow document. */
  importWorkflow: (doc: unknown) => request<Answer<"ImportWorkflow">>("/api/workflows/import", { body: doc }),
  exportWorkflow: (id: Id, version?: number) =>
    request<Answer<"ExportWorkflow">>(`${wf(id)}/export${version ? `?version=${version}` : ""}`),

  summaries: (nodes: Body<"SummarizeNodes">["nodes"], signal?: AbortSignal) =>
    request<Answer<"SummarizeNodes">>("/api/nodes/summaries", { body: { nodes }, signal }).then((r) => r.summaries),
  validate: (doc: WorkflowDocument, signal?: AbortSignal) =>
    request<Answer<"ValidateDocument">>("/api/validate", { body: doc, signal }),
  lint: (doc: WorkflowDocument, signal?: AbortSignal) =>
    request<WorkflowLintAnswer>("/api/lint", { body: { workflow: doc } satisfies Body<"Lint">, signal, optional }),
  workflowLint: (id: Id) => request<Answer<"LintWorkflow">>(`${wf(id)}/lint`, { optional }),
  signoff: (id: Id, body: Body<"SignOffWorkflow">) =>
    request<Answer<"SignOffWorkflow">>(`${wf(id)}/signoff`, { body, optional }),
  signoffs: (id: Id) => request<Answer<"ListSignoffs">>(`${wf(id)}/signoffs`, { optional }).then((r) => r.signoffs),

  alimtalkTemplates: () =>
    request<Answer<"ListAlimTalkTemplates">>("/api/alimtalk-templates", { optional }).then((r) => r.templates),
  alimtalkLibrary: () =>
    request<Answer<"ListAlimTalkLibrary">>("/api/alimtalk-templates/library", { optional }).then((r) => r.templates),

  alimtalkTemplate: (code: string) => request<Answer<"GetAlimTalkTemplate">>(tpl(code)),
  createAlimtalkTemplate: (draft: Body<"CreateAlimTalkTemplate">) =>
    request<Answer<"CreateAlimTalkTemplate">>("/api/alimtalk-templates", { body: draft }),
  copyAlimtalkTemplate: (code: string) =>
    request<Answer<"CopyAlimTalkLibraryTemplate">>(`/api/alimtalk-templates/library/${encodeURIComponent(code)}/copy`, {
      method: "POST",
    }),
  /** Edits a draft; on an approved template the server answers a new draft (code with _V{n}). */
  updateAlimtalkTemplate: (code: string, body: Body<"UpdateAlimTalkTemplate">) =>
    request<Answer<"UpdateAlimTalkTemplate">>(tpl(code), { method: "PUT", body }),
  alimtalkTransition: (code: string, action: "submit" | "approve" | "reject", reason?: string) =>
    request<Answer<"SubmitAlimTalkTemplate">>(tpl(code, `/${action}`), {
      method: "POST",
      body: (action === "reject" ? { reason } : {}) satisfies Body<"RejectAlimTalkTemplate">,
    }),
  lintMessages: (messages: MessageIn[], signal?: AbortSignal) =>
    request<MessageLintAnswer>("/api/lint", { body: { messages } satisfies Body<"Lint">, signal, optional }),

  examples: () => request<Answer<"ListExamples">>("/api/examples", { optional }).then((r) => r.examples),
  importExample: (slug: string) =>
    request<Answer<"ImportExample">>(`/api/examples/${encodeURIComponent(slug)}/import`, { method: "POST" }),

  simulate: (body: Body<"Simulate">) => request<Answer<"Simulate">>("/api/simulate", { body, optional }),
  /** A campaign's next firing: the clinic's patients it would enrol (masked) and what each would get. */
  simulateCampaign: (body: Body<"SimulateCampaign">) =>
    request<Answer<"SimulateCampaign">>("/api/simulate/campaign", { body, optional }),
  runs: (workflowId?: Id) =>
    request<Answer<"ListRuns">>(
      `/api/runs${workflowId ? `?workflow_id=${encodeURIComponent(String(workflowId))}` : ""}`,
      { optional },
    ).then((r) => r.runs),
  run: (id: Id) => request<Answer<"GetRun">>(`/api/runs/${encodeURIComponent(String(id))}`, { optional }),

  /** One page of the search, with how many matched in all. */
  patientPage: (q: string) =>
    // POST so the searched phone/name never lands in URLs or access logs.
    request<Answer<"SearchPatients">>("/api/patients/search", { body: { q } satisfies Body<"SearchPatients">, optional }),
  patients: (q: string) => api.patientPage(q).then((r) => r.patients),
  previewPatientImport: (file: File, mapping: string) => {
    const form = new FormData();
    form.append("file", file);
    if (mapping) form.append("mapping", mapping);
    return request<Answer<"PreviewPatientImport">>("/api/patients/import/preview", { form, optional });
  },
  /** A big file: the server imports it as a job; poll ``patientImportJob`` for the progress bar. */
  startPatientImport: (file: File, dryRun: boolean, mapping = "") => {
    const form = new FormData();
    form.append("file", file);
    if (mapping) form.append("mapping", mapping);
    return request<ImportJobView>(`/api/patients/import-jobs${dryRun ? "?dry_run=true" : ""}`, { form });
  },
  patientImportJob: (id: string, signal?: AbortSignal) =>
    request<Answer<"GetPatientImportJob">>(`/api/patients/import-jobs/${encodeURIComponent(id)}`, { signal }),
  importPatients: (file: File, dryRun: boolean, mapping = "") => {
    const form = new FormData();
    form.append("file", file);
    if (mapping) form.append("mapping", mapping);
    return request<Answer<"ImportPatients">>(`/api/patients/import${dryRun ? "?dry_run=true" : ""}`, { form, optional });
  },

  me: () => request<Answer<"Me">>("/api/auth/me", { optional }),
  login: (email: string, password: string, clinic?: string) =>
    request<Answer<"Login">>("/api/auth/login", {
      body: (clinic ? { email, password, clinic } : { email, password }) satisfies Body<"Login">,
      optional,
    }),
  logout: () => request<null>("/api/auth/logout", { method: "POST", optional }),
};

// POST /api/lint answers the lint report for {"workflow"} and the message report for {"messages"}.
type WorkflowLintAnswer = Extract<Answer<"Lint">, { findings: unknown }>;
type MessageLintAnswer = Extract<Answer<"Lint">, { results: unknown }>;
