// One fetch wrapper for the whole editor: CSRF header on writes, 401 → login page, 404 of a missing
// route → "not available yet" (panels show 준비 중), ApiError bodies → typed problems.
import type { operations, Problem } from "./generated";

type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : null;
type Success<R> = 200 extends keyof R ? JsonOf<R[200]> : 201 extends keyof R ? JsonOf<R[201]> : null;

/** The success answer of an operation, by its operationId in the server's OpenAPI. */
export type Answer<K extends keyof operations> = Success<operations[K]["responses"]>;

/** The JSON request body of an operation. */
export type Body<K extends keyof operations> = operations[K] extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { "application/json": infer T } }
    ? T
    : never
  : never;

export class ApiError extends Error {
  constructor(
    public status: number,
    public problems: Problem[],
    /** The whole answer (e.g. the log-in's ``clinics`` beside ``choose_clinic``). */
    public body: unknown = null,
  ) {
    super(problems.map((p) => p.message).join("\n") || `HTTP ${status}`);
  }
}

/** The server has no such route yet (404/405 without an ApiError body). */
export class NotAvailableError extends Error {
  constructor(public path: string) {
    super(`not available: ${path}`);
  }
}

/** 401: not logged in, or a log-in refused — ``problems`` hold the server's own message ("이메일 또는 비밀번호가
 *올바르지 않습니다"), which the log-in form shows; only a request that got no answer is "server unreachable". */
export class UnauthorizedError extends ApiError {}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever any request answers 401, so the app can show the login page. */
export function onUnauthorized(fn: Listener): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

/** The readable half of a log-in (set and cleared with the session cookie): none means nobody is logged in. */
export function csrfToken(): string | null {
  const match = document.cookie.split("; ").find((c) => c.startsWith("df_csrf="));
  return match ? decodeURIComponent(match.slice("df_csrf=".length)) : null;
}

function problemsOf(status: number, body: unknown): Problem[] {
  if (body && typeof body === "object" && Array.isArray((body as { errors?: unknown }).errors)) {
    return (body as { errors: Problem[] }).errors;
  }
  const detail = body && typeof body === "object" ? (body as { detail?: unknown }).detail : undefined;
  const message = typeof detail === "string" ? detail : `HTTP ${status}`;
  return [{ code: `http_${status}`, node: null, path: "", message }];
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** A feature API that may not exist yet: any 404/405 means "not available" (panels show 준비 중). */
  optional?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body !== undefined || options.form ? "POST" : "GET");
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET" && method !== "HEAD") {
    const token = csrfToken();
    if (token) headers["X-CSRF-Token"] = token;
  }
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, { method, headers, body, credentials: "same-origin", signal: options.signal });
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (response.status === 401) {
    unauthorizedListeners.forEach((fn) => fn());
    throw new UnauthorizedError(401, problemsOf(401, parsed));
  }
  const hasApiErrors = !!parsed && typeof parsed === "object" && "errors" in parsed;
  if ((response.status === 404 || response.status === 405) && (options.optional || !hasApiErrors)) {
    throw new NotAvailableError(path);
  }
  if (!response.ok) throw new ApiError(response.status, problemsOf(response.status, parsed), parsed);
  // An SPA fallback answering an /api path with index.html means the route does not exist yet.
  if ((response.headers.get("content-type") ?? "").includes("text/html")) throw new NotAvailableError(path);
  return parsed as T;
}
