// Small shared pieces: the "not available yet" state, error lists, loading, dates.
import { type ReactNode, useEffect, useState } from "react";
import { ApiError, NotAvailableError } from "../api/client";
import { type Translate, useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { Icon } from "../icons/Icon";
import { formatDateTime } from "../i18n/dates";

export function NotAvailable({ what }: { what: string }) {
  const t = useT();
  return (
    <div className="not-available" data-testid="not-available">
      <strong><Icon name="info" /> {t("common.notAvailable")}</strong>
      <p className="muted small">{t("common.notAvailableHint", { what })}</p>
    </div>
  );
}

/** A request's error as sentences (the server's Korean messages when it sent problems). ``fields``: a form's
labels by the JSON pointer of the body field they fill, so a problem says which input it is about. */
export function errorMessages(
  error: unknown,
  t: Translate,
  fields: Record<string, string> = {},
  nodeName?: (node: string) => string,
): string[] {
  if (error instanceof ApiError) {
    const lang = useLang.getState().lang;
    return error.problems.map((p) => {
      // a node by the name people gave it when the caller knows it ("봄맞이 광고 문자", not "sms_1")
      const where = (p.node ? (nodeName?.(p.node) ?? p.node) : undefined) ?? (p.path ? fields[p.path] : undefined);
      const message = pickLanguage(p.message, lang);
      // The server may name the field itself ("환자 이름: 너무 깁니다"): then the form's label would say it twice
      const named = where !== undefined && message.toLowerCase().includes(where.toLowerCase());
      return `${where && !named ? `${where}: ` : ""}${message}`;
    });
  }
  if (error instanceof NotAvailableError) return [t("common.notAvailable")];
  return [t("common.networkError")];
}

export function ErrorList({
  error,
  testId = "error-list",
  fields,
  nodeName,
}: {
  error: unknown;
  testId?: string;
  fields?: Record<string, string>;
  nodeName?: (node: string) => string;
}) {
  const t = useT();
  if (!error) return null;
  return (
    <ul className="error-list" data-testid={testId} role="alert">
      {errorMessages(error, t, fields, nodeName).map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

export type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "missing" } | { state: "error"; error: unknown };

/** Loads data when deps change; "missing" when the API route does not exist yet. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: "loading" });
    load().then(
      (data) => live && setResult({ state: "ok", data }),
      (error: unknown) =>
        live && setResult(error instanceof NotAvailableError ? { state: "missing" } : { state: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return [result, () => setTick((n) => n + 1)];
}

export function LoadView<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  const t = useT();
  if (loaded.state === "loading") return <p className="muted">{t("common.loading")}</p>;
  if (loaded.state === "missing") return <NotAvailable what={what} />;
  if (loaded.state === "error") return <ErrorList error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

/** A moment as every page writes it: "2026년 12월 8일 (화) 오후 3:00" (i18n/dates.ts). */
export function formatTime(value: string | null | undefined, lang: string): string {
  return formatDateTime(value, lang === "en" ? "en" : "ko");
}
