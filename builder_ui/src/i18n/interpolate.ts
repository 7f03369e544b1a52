// Fills "{name}" placeholders, and picks the Korean particle written after one for either ending
// ("버전 {version}을(를)" → "버전 1을", "버전 2를"; "'{name}'(으)로" → "'서울'로") by how the value is read:
// its last syllable's final consonant, digits as read aloud (1 일 → 을), Latin letters by their names (`josa`).
import { getJosaPicker } from "josa";

type Vars = Record<string, string | number>;

const PICKERS = {
  "을(를)": getJosaPicker("을"),
  "를(을)": getJosaPicker("을"),
  "이(가)": getJosaPicker("이"),
  "가(이)": getJosaPicker("이"),
  "은(는)": getJosaPicker("은"),
  "는(은)": getJosaPicker("은"),
  "과(와)": getJosaPicker("과"),
  "와(과)": getJosaPicker("과"),
  "(으)로": getJosaPicker("으로"),
} as const;
type Written = keyof typeof PICKERS;

// A placeholder, an optional closing quote or bracket, and an optional particle written both ways
const PLACEHOLDER = /\{(\w+)\}(['"’”」』)\]]?)(을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로)?/g;
// Only a value ending in a syllable, a digit or a Latin letter has a reading to choose by
const READABLE_END = /[가-힣0-9A-Za-z][)\s]*$/;

/** `text` with each `{name}` replaced by `vars[name]` (or `missing(name)`) and its particle chosen. */
export function interpolate(text: string, vars: Vars, missing: (name: string) => string = (n) => `{${n}}`): string {
  return text.replace(PLACEHOLDER, (_, name: string, close: string, particle: Written | undefined) => {
    const value = vars[name] === undefined ? missing(name) : String(vars[name]);
    if (!particle) return value + close;
    const chosen = READABLE_END.test(value) ? PICKERS[particle](value.trimEnd()) : particle;
    return value + close + chosen;
  });
}
