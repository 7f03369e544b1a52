// Korean first, English second; the choice is remembered in localStorage.
import { create } from "zustand";
import en from "./en.json";
import { interpolate } from "./interpolate";
import ko from "./ko.json";

export type Lang = "ko" | "en";
type Dict = Record<string, string>;
const dicts: Record<Lang, Dict> = { ko, en };
const STORAGE_KEY = "doctorsflow.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ko";
  } catch {
    return "ko";
  }
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const useLang = create<LangState>((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
}));

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  // A value the server added later (a new status) shows as itself: "status.held" → "held".
  const text = dicts[lang][key] ?? dicts.ko[key] ?? key.slice(key.lastIndexOf(".") + 1);
  if (!vars) return text;
  return interpolate(text, vars);
}

/** Translate outside React (actions, notices) in the language chosen now. */
export const translateNow: Translate = (key, vars) => translate(useLang.getState().lang, key, vars);

/** The translate function of the current language (re-renders on switch). */
export function useT(): Translate {
  const lang = useLang((s) => s.lang);
  return (key, vars) => translate(lang, key, vars);
}

/** Picks the current language from a {ko, en} label of the API. */
export function useLocalized(): (value: { ko: string; en: string } | undefined) => string {
  const lang = useLang((s) => s.lang);
  return (value) => (value ? value[lang] || value.ko : "");
}
