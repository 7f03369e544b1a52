// Fixed values (`const`) in the node forms: rjsf shows them as a text box nobody should type in ("sms" under
// the AlimTalk failover) and, when the user switches a oneOf back to an object option, leaves them out of the
// data (`{"failover": {}}`, which the server rightly refuses). Here they are hidden and always filled in.
type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The object-shaped schema a value follows: the schema itself, or its first object option of a oneOf/anyOf. */
function objectSchema(schema: Schema): Schema | undefined {
  if (isObject(schema.properties)) return schema;
  const options = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  return options?.find((o) => isObject(o) && isObject(o.properties));
}

/** ``data`` with every missing `const` member of its (nested) object schemas filled in. */
export function withConsts(schema: Schema | undefined, data: unknown): unknown {
  const shape = schema && isObject(data) ? objectSchema(schema) : undefined;
  if (!shape || !isObject(data)) return data;
  let out: Record<string, unknown> = data;
  for (const [key, property] of Object.entries(shape.properties as Record<string, Schema>)) {
    if (!isObject(property)) continue;
    // (rjsf leaves an emptied or never-filled member in place as undefined)
    const next = out[key] !== undefined ? withConsts(property, out[key]) : "const" in property ? property.const : undefined;
    if (next !== undefined && next !== out[key]) out = { ...out, [key]: next };
  }
  return out;
}

/** uiSchema entries hiding every `const` property (at any depth, options of a oneOf included). */
export function hiddenConsts(schema: Schema | undefined, ui: Record<string, unknown> = {}): Record<string, unknown> {
  const shape = schema ? objectSchema(schema) : undefined;
  if (!shape) return ui;
  for (const [key, property] of Object.entries(shape.properties as Record<string, Schema>)) {
    if (!isObject(property)) continue;
    const entry = (ui[key] ?? {}) as Record<string, unknown>;
    if ("const" in property) ui[key] = { ...entry, "ui:widget": "hidden" };
    else if (objectSchema(property)) ui[key] = hiddenConsts(property, entry);
  }
  return ui;
}
