// Korean for the few words @rjsf/core itself shows (buttons of array fields and the like).
import { englishStringTranslator, type TranslatableString } from "@rjsf/utils";
import type { Lang } from "../i18n";

const ko: Partial<Record<string, string>> = {
  "Item": "항목",
  "No items yet. Use the button below to add some.": "아직 항목이 없습니다. 아래 버튼으로 추가하세요.",
  "Yes": "예",
  "No": "아니오",
  "Close": "닫기",
  "Errors": "오류",
  "New Value": "새 값",
  "Add": "추가",
  "Add Item": "항목 추가",
  "Copy": "복사",
  "Move down": "아래로",
  "Move up": "위로",
  "Remove": "삭제",
  "Now": "지금",
  "Clear": "지우기",
  "Type": "종류",
  "Value": "값",
  "%1 Key": "%1 키",
  "Add data for optional field": "선택 항목 추가",
  "Remove data for optional field": "선택 항목 삭제",
  "No data for optional field": "선택 항목 없음",
};

export function translatorFor(lang: Lang) {
  return (key: TranslatableString, params?: string[]) => {
    const template = lang === "ko" ? ko[key] : undefined;
    return template ? englishStringTranslator(template as TranslatableString, params) : englishStringTranslator(key, params);
  };
}
