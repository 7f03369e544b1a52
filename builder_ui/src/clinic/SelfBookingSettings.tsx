// The clinic's online self-booking page: on/off, the first and last bookable time per weekday (a weekday off =
// closed) and the slot length. The public page (/p/book/<clinic>) follows at once. Managers edit; others read.
import { useEffect, useState } from "react";
import { type Answer, type Body, request } from "../api/client";
import { useLang } from "../i18n";
import { ErrorList, LoadView, useLoad } from "../panels/common";
import { useCan } from "../store/permissions";
import { toast } from "../store/toast";

type Settings = Answer<"GetSelfBooking">;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const STEPS = [15, 20, 30, 60];

const WORDS = {
  ko: {
    title: "온라인 예약 페이지",
    help: "환자가 로그인 없이 빈 시간을 골라 예약하는 공개 페이지입니다. 필수 동의(예약·진료 안내)와 선택 동의(광고)를 따로 받습니다.",
    enabled: "온라인 예약 받기",
    address: "페이지 주소",
    open: "예약 받음",
    first: "첫 예약",
    last: "마지막 예약",
    step: "예약 간격(분)",
    save: "온라인 예약 설정 저장",
    saved: "온라인 예약 설정을 저장했습니다.",
    readOnly: "관리자만 바꿀 수 있습니다.",
    days: { mon: "월", tue: "화", wed: "수", thu: "목", fri: "금", sat: "토", sun: "일" },
  },
  en: {
    title: "Online booking page",
    help: "A public page where patients pick an open time without logging in. The required consent (booking and treatment messages) and the optional marketing consent are asked separately.",
    enabled: "Take online bookings",
    address: "Page address",
    open: "Open",
    first: "First slot",
    last: "Last slot",
    step: "Slot length (minutes)",
    save: "Save online booking",
    saved: "Online booking settings saved.",
    readOnly: "Only a manager can change these.",
    days: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" },
  },
};

function Editor({ settings }: { settings: Settings }) {
  const lang = useLang((l) => l.lang);
  const w = WORDS[lang === "en" ? "en" : "ko"];
  const canEdit = useCan("settings.write");
  const [draft, setDraft] = useState<Settings>(settings);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(settings), [settings]);
  const setDay = (day: (typeof DAYS)[number], window: string[] | null) =>
    setDraft({ ...draft, hours: { ...draft.hours, [day]: window } });
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Body<"PutSelfBooking"> = { enabled: draft.enabled, hours: draft.hours, step_minutes: draft.step_minutes };
      const saved = await request<Settings>("/api/self-booking", { method: "PUT", body });
      setDraft(saved);
      toast("ok", w.saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset disabled={!canEdit || busy}>
      <legend>{w.title}</legend>
      <p className="muted small">{w.help}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
          data-testid="self-booking-enabled"
        />
        {w.enabled}
      </label>
      <p className="small">
        {w.address}:{" "}
        <a href={draft.url} target="_blank" rel="noreferrer" data-testid="self-booking-url">
          {draft.url}
        </a>
      </p>
      <table className="table" data-testid="self-booking-hours">
        <thead>
          <tr>
            <th />
            <th>{w.open}</th>
            <th>{w.first}</th>
            <th>{w.last}</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day) => {
            const stored = draft.hours[day];
            const window: [string, string] | null = stored && stored.length === 2 ? [stored[0] ?? "", stored[1] ?? ""] : null;
            return (
              <tr key={day} data-testid={`self-booking-${day}`}>
                <th>{w.days[day]}</th>
                <td>
                  <input
                    type="checkbox"
                    checked={window !== null}
                    onChange={(e) => setDay(day, e.target.checked ? ["09:00", "17:30"] : null)}
                    aria-label={`${w.days[day]} ${w.open}`}
                    data-testid={`self-booking-${day}-open`}
                  />
                </td>
                <td>
                  {window && (
                    <input
                      type="time"
                      value={window[0]}
                      onChange={(e) => setDay(day, [e.target.value, window[1]])}
                      aria-label={`${w.days[day]} ${w.first}`}
                      data-testid={`self-booking-${day}-first`}
                    />
                  )}
                </td>
                <td>
                  {window && (
                    <input
                      type="time"
                      value={window[1]}
                      onChange={(e) => setDay(day, [window[0], e.target.value])}
                      aria-label={`${w.days[day]} ${w.last}`}
                      data-testid={`self-booking-${day}-last`}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>
        {w.step}
        <select
          value={draft.step_minutes}
          onChange={(e) => setDraft({ ...draft, step_minutes: Number(e.target.value) })}
          data-testid="self-booking-step"
        >
          {STEPS.map((step) => (
            <option key={step} value={step}>
              {step}
            </option>
          ))}
        </select>
      </label>
      <ErrorList error={error} />
      {canEdit ? (
        <button className="primary" onClick={() => void save()} data-testid="self-booking-save">
          {w.save}
        </button>
      ) : (
        <p className="muted small">{w.readOnly}</p>
      )}
    </fieldset>
  );
}

export function SelfBookingSettings() {
  const lang = useLang((l) => l.lang);
  const [loaded] = useLoad(() => request<Settings>("/api/self-booking"), []);
  return (
    <section className="clinic-form" data-testid="self-booking-settings">
      <LoadView loaded={loaded} what={WORDS[lang === "en" ? "en" : "ko"].title}>
        {(settings) => <Editor settings={settings} />}
      </LoadView>
    </section>
  );
}
