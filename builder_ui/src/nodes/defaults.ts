// Params a new node starts with: the top-level `default`s of its schema.
import type { JsonObject } from "../flow/types";

export function schemaDefaults(schema: JsonObject | undefined): JsonObject {
  const properties = (schema?.properties ?? {}) as Record<string, { default?: unknown }>;
  const out: JsonObject = {};
  for (const [key, prop] of Object.entries(properties)) {
    if (prop && typeof prop === "object" && "default" in prop) out[key] = structuredClone(prop.default);
  }
  return out;
}
