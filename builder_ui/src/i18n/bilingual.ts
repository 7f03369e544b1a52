// Server texts are "한국어 / English" (Korean first); show the part of the chosen language.
import type { Lang } from "./index";

const SEPARATOR = " / ";

/** The first " / " outside brackets: a Korean part may gloss a word in English, "(언제든 / any time)". */
function separatorAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (depth === 0 && text.startsWith(SEPARATOR, i)) return i;
  }
  return -1;
}

function pickPart(text: string, lang: Lang): string {
  const at = separatorAt(text);
  if (at < 0) return text;
  return lang === "ko" ? text.slice(0, at) : text.slice(at + SEPARATOR.length);
}

/** "제목 / Title — '인용' — 설명 / explanation": each " — " part is bilingual on its own. */
export function pickLanguage(text: string, lang: Lang): string {
  return text
    .split(" — ")
    .map((part) => pickPart(part, lang))
    .join(" — ");
}

/** A copy of a JSON Schema whose titles and descriptions are in one language (for the generated forms). */
export function localizeSchema<T>(schema: T, lang: Lang): T {
  if (Array.isArray(schema)) return schema.map((item) => localizeSchema(item, lang)) as T;
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    const isText = (key === "title" || key === "description") && typeof value === "string";
    // "properties" maps field names to schemas: a field literally named "title" is not a title text.
    out[key] = isText ? pickLanguage(value as string, lang) : localizeSchema(value, lang);
  }
  return out as T;
}
