// rjsf validators for the node schemas (draft 2020-12), with Korean or English Ajv messages.
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import localizeEn from "ajv-i18n/localize/en";
import localizeKo from "ajv-i18n/localize/ko";
import type { Lang } from "../i18n";

const AjvClass = Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>["AjvClass"];

export const validators: Record<Lang, ReturnType<typeof customizeValidator>> = {
  ko: customizeValidator({ AjvClass }, localizeKo),
  en: customizeValidator({ AjvClass }, localizeEn),
};
