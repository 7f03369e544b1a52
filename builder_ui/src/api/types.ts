// Shapes of the DoctorsFlow HTTP API (docs/ARCHITECTURE.md, shared/DESIGN.md).

export type Localized = { ko: string; en: string };
export type Category = "trigger" | "flow" | "action";
export type JsonObject = Record<string, unknown>;

export interface NodeTypeInfo {
  type: string;
  category: Category;
  label: Localized;
  description: Localized;
  icon: string;
  schema: JsonObject;
  inputs: string[];
  outputs: string[];
  text_fields: string[];
  channel: "alimtalk" | "friendtalk" | "sms" | null;
  purpose: "informational" | "advertising" | null;
  events: string[];
  terminal: boolean;
  starts_runs: "event" | "schedule" | "manual" | null;
  /** Triggers: an event that starts a run for a sample patient (the preview timeline). */
  sample_event: Record<string, unknown> | null;
  /** Event JSON pointer ← params JSON pointer: the trigger's params that shape its sample event. */
  sample_event_params: Record<string, string>;
  /** Editor hints, e.g. `template_picker`: the param picked from the clinic's AlimTalk templates. */
  ui: { template_picker?: string };
}

export interface DocNode {
  id: string;
  type: string;
  params?: JsonObject;
  position?: { x: number; y: number };
}

export interface DocEdge {
  source: string;
  target: string;
  sourcePort?: string;
}

export interface WorkflowDocument {
  format: "doctorsflow.workflow/v1";
  name: string;
  description?: string;
  nodes: DocNode[];
  edges: DocEdge[];
}

export interface Problem {
  code: string;
  node?: string | null;
  path?: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: Problem[];
}

export type Severity = "error" | "warning" | "info";

export interface LintFinding {
  rule: string;
  severity: Severity;
  node?: string | null;
  field?: string | null;
  start?: number | null;
  end?: number | null;
  message: string;
  citation?: string | null;
}

export interface LintReport {
  findings: LintFinding[];
  errors: number;
  warnings: number;
}

export interface WorkflowSummary {
  id: string | number;
  name: string;
  description?: string | null;
  updated_at?: string;
  published_version?: number | null;
}

export interface VersionInfo {
  version: number;
  published_at?: string;
  published_by?: string | null;
}

export interface WorkflowDetail extends WorkflowSummary {
  document: WorkflowDocument;
  created_at?: string;
  versions: VersionInfo[];
}

export interface PublishResult {
  workflow_id: string | number;
  version: number;
  document: WorkflowDocument;
  published_at: string;
}

export interface ExampleInfo {
  slug: string;
  name: string;
  description?: string;
}

export interface SimMessage {
  at: string;
  node: string;
  channel: string;
  to?: string;
  text: string;
}

export interface SimResult {
  messages: SimMessage[];
  skipped: { node: string; reason: string }[];
}

export interface RunMessage {
  id: number;
  node: string;
  channel: string;
  kind?: string;
  status: string; // pending | sent | delivered | failed | skipped | held …
  to?: string | null;
  text?: string;
  reason?: string | null;
  due_at?: string | null;
  sent_at?: string | null;
  delivered_at?: string | null;
  error_message?: string | null;
}

export interface RunStep {
  node: string;
  type?: string;
  status: string;
  started_at?: string | null;
  finished_at?: string | null;
  due_at?: string | null;
  reason?: string | null;
  messages?: RunMessage[];
}

export interface RunInfo {
  id: number;
  workflow_id?: number;
  version?: number;
  status: string;
  event_type?: string | null;
  patient?: { id: number; name?: string; phone?: string } | null;
  trigger_at?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  reason?: string | null;
  steps?: RunStep[];
}

export interface Patient {
  id?: string | number;
  chart_no: string;
  name?: string;
  phone?: string;
  consents?: Record<string, boolean | string | null>;
  opted_out?: boolean;
}

export interface ImportReport {
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: { row: number; column?: string; code: string; message: string }[];
}

export interface Me {
  id?: string | number;
  name?: string;
  email?: string;
  role?: string;
  /** Actions the caller may take (storage/accounts/permissions.py); absent when the server has no auth. */
  permissions?: string[];
}

export interface SignoffRequest {
  reviewer_name: string;
  approval_number?: string;
  note?: string;
}

export interface Signoff {
  id: number;
  workflow_id: number;
  version: number | null;
  reviewer_name: string;
  approval_number: string | null;
  note: string;
  warnings: number;
  signed_at: string;
  signed_by?: string | null;
}

export interface AlimTalkButton {
  type: string;
  name: string;
  link_mobile?: string;
  link_pc?: string;
}

export interface AlimTalkTemplate {
  code: string;
  name: string;
  status: string;
  text: string;
  variables: string[];
  category?: string;
  specialty?: string;
  version?: number;
  buttons?: AlimTalkButton[];
  rejection_reason?: string | null;
  description?: string;
}

/** The fields a draft is created or edited with (PUT takes text, name and buttons). */
export interface AlimTalkDraft {
  code: string;
  name: string;
  category: string;
  text: string;
  buttons: AlimTalkButton[];
}

export interface MessageLintResult {
  results: { id?: string | null; findings: LintFinding[] }[];
  errors: number;
  warnings: number;
}
