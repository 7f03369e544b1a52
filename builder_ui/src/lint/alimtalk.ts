// AlimTalk preview: the clinic's template (or the library's) with #{변수} filled from the node's variables.
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import type { AlimTalkTemplate } from "../api/generated";
import { PLACEHOLDER_RE } from "../alimtalk/text";
import { renderSample } from "./message";

let cache: Promise<Map<string, AlimTalkTemplate>> | null = null;

/** Clinic templates override library ones of the same code; missing APIs just give an empty map. */
function loadTemplates(): Promise<Map<string, AlimTalkTemplate>> {
  cache ??= Promise.all([api.alimtalkLibrary().catch(() => []), api.alimtalkTemplates().catch(() => [])]).then(
    // A library original the clinic holds no copy of shows as "library": never sendable (issue 15).
    ([library, clinic]) =>
      new Map([...library.map((t) => ({ ...t, status: "library" as AlimTalkTemplate["status"] })), ...clinic].map((t) => [t.code, t])),
  );
  return cache;
}

/** Forget the loaded templates (a template was copied, edited or approved): the next use reloads. */
export function invalidateAlimTalkTemplates(): void {
  cache = null;
}

export function useAlimTalkTemplate(code: unknown): AlimTalkTemplate | null | undefined {
  const [template, setTemplate] = useState<AlimTalkTemplate | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (typeof code !== "string" || !code) {
      setTemplate(null);
      return;
    }
    loadTemplates().then((all) => live && setTemplate(all.get(code) ?? null));
    return () => {
      live = false;
    };
  }, [code]);
  return template;
}

/** The AlimTalk text a sample patient would get: each #{변수} replaced by its rendered variable. */
export function fillTemplate(text: string, variables: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER_RE, (whole, name: string) => {
    const value = variables[name];
    return typeof value === "string" ? renderSample(value) : whole;
  });
}
