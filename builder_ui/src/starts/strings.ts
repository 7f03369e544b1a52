// Texts of the manual-start screens (Korean first, English second), kept beside them.
import { useLang } from "../i18n";
import { interpolate } from "../i18n/interpolate";

const TEXTS = {
  open: ["▶ 직접 실행", "▶ Start"],
  title: ["직접 실행: {name}", "Start: {name}"],
  forPatient: ["이 환자에게 시작", "Start for this patient"],
  chooseWorkflow: ["시작할 워크플로", "Workflow to start"],
  noManualWorkflows: ["게시된 '직접 실행' 워크플로가 없습니다.", "No published manual-start workflow."],
  byPatients: ["환자 선택", "Choose patients"],
  byFilter: ["조건으로 찾기", "By filter"],
  search: ["이름·차트번호·휴대폰 검색", "Search name, chart no. or phone"],
  add: ["추가", "Add"],
  remove: ["빼기", "Remove"],
  chosen: ["선택한 환자 {n}명", "{n} patients chosen"],
  procedure: ["시술/진료 (코드 또는 이름)", "Procedure (code or name)"],
  tag: ["태그", "Tag"],
  lastVisitAfter: ["마지막 내원: 이날 이후", "Last visit on or after"],
  lastVisitBefore: ["마지막 내원: 이날 이전", "Last visit before"],
  consent: ["수신 동의", "Consent"],
  anyConsent: ["상관없음", "Any"],
  treatment: ["진료 안내", "Treatment"],
  marketing: ["마케팅", "Marketing"],
  night_ads: ["야간 광고", "Night ads"],
  preview: ["미리 보기", "Preview"],
  previewHead: ["{n}명이 시작됩니다. 각 환자가 처음 받을 메시지:", "{n} patients would start. First message of each:"],
  start: ["{n}명에게 시작", "Start for {n}"],
  started: ["{n}명 시작됨 (실행 {runs}건)", "{n} started ({runs} runs)"],
  patient: ["환자", "Patient"],
  first: ["첫 메시지", "First message"],
  already: ["이미 진행 중", "Already running"],
  send: ["발송", "sends"],
  skip: ["보내지 않음", "skipped"],
  hold: ["보류", "held"],
  noMessage: ["메시지 없음", "no message"],
  consentNote: [
    "수신 동의와 수신거부는 발송 순간에 다시 확인됩니다.",
    "Consent and opt-out are checked again at the moment of sending.",
  ],
  close: ["닫기", "Close"],
  viewRuns: ["실행 보기", "View runs"],
  nothing: ["시작할 환자가 없습니다.", "Nobody to start."],
} as const;

export type StartText = keyof typeof TEXTS;

/** The text of the chosen language, with {name} placeholders filled. */
export function useStartText(): (key: StartText, vars?: Record<string, string | number>) => string {
  const lang = useLang((s) => s.lang);
  return (key, vars) => {
    const text: string = TEXTS[key][lang === "en" ? 1 : 0];
    return vars ? interpolate(text, vars, () => "") : text;
  };
}
