// Typed calls of the DoctorsFlow HTTP API; one function per endpoint.
import { request } from "./client";
import type {
  AlimTalkDraft,
  AlimTalkTemplate,
  ExampleInfo,
  ImportReport,
  LintReport,
  MessageLintResult,
  Me,
  NodeTypeInfo,
  Patient,
  PublishResult,
  RunInfo,
  SignoffRequest,
  Signoff,
  SimResult,
  ValidationResult,
  WorkflowDetail,
  WorkflowDocument,
  WorkflowSummary,
} from "./types";

type Id = string | number;
const optional = true;
const tpl = (code: string, action = "") => `/api/alimtalk-templates/${encodeURIComponent(code)}${action}`;
const wf = (id: Id) => `/api/workflows/${encodeURIComponent(String(id))}`;

export const api = {
  nodes: () => request<{ nodes: NodeTypeInfo[] }>("/api/nodes").then((r) => r.nodes),

  listWorkflows: () => request<{ workflows: WorkflowSummary[] }>("/api/workflows").then((r) => r.workflows),
  getWorkflow: (id: Id) => request<WorkflowDetail>(wf(id)),
  createWorkflow: (doc: WorkflowDocument) => request<WorkflowDetail>("/api/workflows", { body: doc }),
  saveWorkflow: (id: Id, doc: WorkflowDocument) => request<WorkflowDetail>(wf(id), { method: "PUT", body: doc }),
  deleteWorkflow: (id: Id) => request<null>(wf(id), { method: "DELETE" }),
  publish: (id: Id) => request<PublishResult>(`${wf(id)}/publish`, { method: "POST" }),
  getVersion: (id: Id, version: number) =>
    request<{ version: number; document: WorkflowDocument } & Partial<WorkflowDetail>>(
      `${wf(id)}/versions/${version}`,
    ),
  importWorkflow: (doc: unknown) => request<WorkflowDetail>("/api/workflows/import", { body: doc }),
  exportWorkflow: (id: Id, version?: number) =>
    request<WorkflowDocument>(`${wf(id)}/export${version ? `?version=${version}` : ""}`),

  validate: (doc: WorkflowDocument, signal?: AbortSignal) =>
    request<ValidationResult>("/api/validate", { body: doc, signal }),
  lint: (doc: WorkflowDocument, signal?: AbortSignal) =>
    request<LintReport>("/api/lint", { body: { workflow: doc }, signal, optional }),
  workflowLint: (id: Id) => request<LintReport>(`${wf(id)}/lint`, { optional }),
  signoff: (id: Id, body: SignoffRequest) => request<Signoff>(`${wf(id)}/signoff`, { body, optional }),
  signoffs: (id: Id) =>
    request<{ signoffs: Signoff[] }>(`${wf(id)}/signoffs`, { optional }).then((r) => r.signoffs),

  alimtalkTemplates: () =>
    request<{ templates: AlimTalkTemplate[] }>("/api/alimtalk-templates", { optional }).then((r) => r.templates),
  alimtalkLibrary: () =>
    request<{ templates: AlimTalkTemplate[] }>("/api/alimtalk-templates/library", { optional }).then((r) => r.templates),

  alimtalkTemplate: (code: string) => request<AlimTalkTemplate>(tpl(code)),
  createAlimtalkTemplate: (draft: AlimTalkDraft) => request<AlimTalkTemplate>("/api/alimtalk-templates", { body: draft }),
  copyAlimtalkTemplate: (code: string) =>
    request<AlimTalkTemplate>(`/api/alimtalk-templates/library/${encodeURIComponent(code)}/copy`, { method: "POST" }),
  /** Edits a draft; on an approved template the server answers a new draft (code with _V{n}). */
  updateAlimtalkTemplate: (code: string, body: Partial<Pick<AlimTalkDraft, "text" | "name" | "buttons">>) =>
    request<AlimTalkTemplate>(tpl(code), { method: "PUT", body }),
  alimtalkTransition: (code: string, action: "submit" | "approve" | "reject", reason?: string) =>
    request<AlimTalkTemplate>(tpl(code, `/${action}`), { method: "POST", body: action === "reject" ? { reason } : {} }),
  lintMessages: (messages: { id: string; channel: string; purpose: string; text: string }[], signal?: AbortSignal) =>
    request<MessageLintResult>("/api/lint", { body: { messages }, signal, optional }),

  examples: () => request<{ examples: ExampleInfo[] }>("/api/examples", { optional }).then((r) => r.examples),
  importExample: (slug: string) =>
    request<WorkflowDetail>(`/api/examples/${encodeURIComponent(slug)}/import`, { method: "POST" }),

  simulate: (body: { workflow: WorkflowDocument; event: unknown; patient?: unknown; days?: number }) =>
    request<SimResult>("/api/simulate", { body, optional }),
  runs: (workflowId?: Id) =>
    request<{ runs: RunInfo[] }>(`/api/runs${workflowId ? `?workflow_id=${encodeURIComponent(String(workflowId))}` : ""}`, { optional })
      .then((r) => r.runs),
  run: (id: Id) => request<RunInfo>(`/api/runs/${encodeURIComponent(String(id))}`, { optional }),

  patients: (q: string) =>
    // POST so the searched phone/name never lands in URLs or access logs.
    request<{ patients: Patient[] }>("/api/patients/search", { body: { q }, optional }).then((r) => r.patients),
  importPatients: (file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append("file", file);
    return request<ImportReport>(`/api/patients/import${dryRun ? "?dry_run=true" : ""}`, { form, optional });
  },

  me: () => request<Me>("/api/auth/me", { optional }),
  login: (email: string, password: string) => request<Me>("/api/auth/login", { body: { email, password }, optional }),
  logout: () => request<null>("/api/auth/logout", { method: "POST", optional }),
};
