// rjsf validators for the node schemas (draft 2020-12), Korean or English messages.
// Ajv compiles schemas with `new Function`, which our Content-Security-Policy (no 'unsafe-eval') refuses: every
// keystroke logged errors and client-side validation never ran. @cfworker/json-schema interprets schemas instead.
import { type OutputUnit, type Schema, Validator } from "@cfworker/json-schema";
import { type RJSFSchema, type RJSFValidationError, type ValidatorType, toErrorSchema } from "@rjsf/utils";
import type { Lang } from "../i18n";

// Units that only say "a child failed": their children carry the real reasons.
const WRAPPERS = new Set(["properties", "items", "prefixItems", "allOf", "$ref", "$dynamicRef", "dependentSchemas"]);

const KOREAN: Record<string, string> = {
  required: "필수 항목입니다",
  type: "형식이 맞지 않습니다",
  pattern: "형식이 맞지 않습니다",
  format: "형식이 맞지 않습니다",
  enum: "허용된 값이 아닙니다",
  const: "허용된 값이 아닙니다",
  minLength: "너무 짧습니다",
  maxLength: "너무 깁니다",
  minimum: "값이 너무 작습니다",
  maximum: "값이 너무 큽니다",
  minItems: "항목이 너무 적습니다",
  maxItems: "항목이 너무 많습니다",
  minProperties: "항목이 너무 적습니다",
  maxProperties: "항목이 너무 많습니다",
  additionalProperties: "알 수 없는 항목입니다",
  oneOf: "허용된 형식 중 하나여야 합니다",
  anyOf: "허용된 형식 중 하나여야 합니다",
  uniqueItems: "같은 항목이 두 번 있습니다",
};

const compiled = new Map<string, Validator>();

function validatorFor(schema: RJSFSchema): Validator {
  const key = JSON.stringify(schema);
  let validator = compiled.get(key);
  if (!validator) {
    validator = new Validator(schema as Schema, "2020-12", false);
    compiled.set(key, validator);
  }
  return validator;
}

// "#/variables/이름" → ".variables.이름"; a missing required property is named in cfworker's message.
function propertyOf(unit: OutputUnit): string {
  const parts = unit.instanceLocation.replace(/^#/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const missing = unit.keyword === "required" ? /"([^"]+)"/.exec(unit.error)?.[1] : undefined;
  if (missing) parts.push(missing);
  return parts.map((p) => `.${p}`).join("");
}

function toRjsfErrors(units: OutputUnit[], lang: Lang): RJSFValidationError[] {
  const seen = new Set<string>();
  const errors: RJSFValidationError[] = [];
  for (const unit of units) {
    if (WRAPPERS.has(unit.keyword)) continue;
    const property = propertyOf(unit);
    const message = lang === "ko" ? (KOREAN[unit.keyword] ?? "값이 올바르지 않습니다") : unit.error;
    const id = `${property}|${unit.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    errors.push({ name: unit.keyword, property, message, params: {}, stack: `${property} ${message}`.trim(), schemaPath: unit.keywordLocation });
  }
  return errors;
}

function withRootDefinitions(schema: RJSFSchema, rootSchema: RJSFSchema | undefined): RJSFSchema {
  if (!rootSchema || rootSchema === schema || !rootSchema.$defs) return schema;
  return { ...schema, $defs: { ...rootSchema.$defs, ...(schema.$defs ?? {}) } };
}

/** The value as JSON holds it: rjsf leaves `undefined` in place of an emptied field, which cfworker refuses to
 * validate (it throws); JSON has no undefined, so the member is simply absent (an array slot becomes null). */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Validates a value that may be absent: nothing given satisfies only a schema that asks for nothing. */
function check(schema: RJSFSchema, value: unknown) {
  const json = asJson(value);
  if (json === undefined) return { valid: Object.keys(schema).length === 0, errors: [] as OutputUnit[] };
  return validatorFor(schema).validate(json);
}

function makeValidator(lang: Lang): ValidatorType {
  return {
    validateFormData(formData, schema, _customValidate, transformErrors, uiSchema) {
      const result = check(schema, formData ?? {});
      let errors = toRjsfErrors(result.errors, lang);
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      return { errors, errorSchema: toErrorSchema(errors) };
    },
    isValid(schema, formData, rootSchema) {
      return check(withRootDefinitions(schema, rootSchema), formData).valid;
    },
    rawValidation<Result>(schema: RJSFSchema, formData?: unknown) {
      return { errors: check(schema, formData).errors as Result[] };
    },
  };
}

export const validators: Record<Lang, ValidatorType> = { ko: makeValidator("ko"), en: makeValidator("en") };
