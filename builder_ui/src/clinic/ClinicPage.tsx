// 병원 정보 / Clinic profile: what messages say about the clinic ({{ clinic.* }}) and the clinic-wide rules.
// Managers edit it; everyone else reads it. The server checks every field and names the bad one.
import { useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { useT } from "../i18n";
import { useCan } from "../store/permissions";
import { toast } from "../store/toast";
import { ErrorList, LoadView, useLoad } from "../panels/common";
import { type ClinicProfile, clinicApi } from "./api";
import { SelfBookingSettings } from "./SelfBookingSettings";
import { useClinic } from "./store";
import "./clinic.css";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

interface Draft {
  name: string;
  phone: string;
  address: string;
  map_url: string;
  optout_number: string;
  sender_numbers: string;
  kakao_channel: string;
  business_hours: Record<string, string>;
  holidays: string;
  officer_name: string;
  officer_phone: string;
  officer_email: string;
  sms_start: string;
  friendtalk_start: string;
  night_end: string;
  signoff_required_for_ads: boolean;
}

function draftOf(p: ClinicProfile): Draft {
  return {
    name: p.name,
    phone: p.phone,
    address: p.address,
    map_url: p.map_url,
    optout_number: p.optout_number,
    sender_numbers: p.sender_numbers.join("\n"),
    kakao_channel: p.kakao_channel,
    business_hours: Object.fromEntries(WEEKDAYS.map((d) => [d, p.business_hours[d] ?? ""])),
    holidays: p.holidays.join("\n"),
    officer_name: p.privacy_officer.name ?? "",
    officer_phone: p.privacy_officer.phone ?? "",
    officer_email: p.privacy_officer.email ?? "",
    sms_start: p.night_windows.sms_start,
    friendtalk_start: p.night_windows.friendtalk_start,
    night_end: p.night_windows.end,
    signoff_required_for_ads: p.signoff_required_for_ads,
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

function bodyOf(d: Draft) {
  return {
    name: d.name,
    phone: d.phone,
    address: d.address,
    map_url: d.map_url,
    optout_number: d.optout_number,
    sender_numbers: lines(d.sender_numbers),
    kakao_channel: d.kakao_channel,
    business_hours: d.business_hours,
    holidays: lines(d.holidays),
    privacy_officer: { name: d.officer_name, phone: d.officer_phone, email: d.officer_email },
    night_windows: { sms_start: d.sms_start, friendtalk_start: d.friendtalk_start, end: d.night_end },
    signoff_required_for_ads: d.signoff_required_for_ads,
  };
}

function ProfileForm({ profile }: { profile: ClinicProfile }) {
  const t = useT();
  const canEdit = useCan("settings.write");
  const setClinic = useClinic((s) => s.set);
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(profile)), [profile]);
  const bad = new Set(error instanceof ApiError ? error.problems.map((p) => p.path.split("/")[1]) : []);

  const field = (key: keyof Draft, label: string, hint?: string, wide = false) => (
    <label className={bad.has(key) ? "field-error" : ""}>
      {label}
      {wide ? (
        <textarea
          value={String(draft[key])}
          disabled={!canEdit}
          rows={3}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          data-testid={`clinic-${key}`}
        />
      ) : (
        <input
          value={String(draft[key])}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          data-testid={`clinic-${key}`}
        />
      )}
      {hint && <span className="muted small">{hint}</span>}
    </label>
  );

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await clinicApi.saveProfile(bodyOf(draft));
      setClinic(saved);
      setDraft(draftOf(saved));
      toast("ok", t("clinic.saved"));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="clinic-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t("clinic.basics")}</legend>
        {field("name", t("clinic.name"))}
        {field("phone", t("clinic.phone"), t("clinic.phoneHint"))}
        {field("address", t("clinic.address"))}
        {field("map_url", t("clinic.mapUrl"))}
        {field("kakao_channel", t("clinic.kakaoChannel"))}
      </fieldset>
      <fieldset>
        <legend>{t("clinic.sending")}</legend>
        {field("optout_number", t("clinic.optout"), t("clinic.optoutHint"))}
        {field("sender_numbers", t("clinic.senders"), t("clinic.sendersHint"), true)}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.signoff_required_for_ads}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...draft, signoff_required_for_ads: e.target.checked })}
            data-testid="clinic-signoff_required_for_ads"
          />
          {t("clinic.signoffRequired")}
        </label>
        <div className="row">
          {field("sms_start", t("clinic.smsNight"))}
          {field("friendtalk_start", t("clinic.friendtalkNight"))}
          {field("night_end", t("clinic.nightEnd"))}
        </div>
        <p className="muted small">{t("clinic.nightHint")}</p>
      </fieldset>
      <fieldset>
        <legend>{t("clinic.hours")}</legend>
        <div className="row wrap">
          {WEEKDAYS.map((day) => (
            <label key={day} className={bad.has("business_hours") ? "field-error" : ""}>
              {t(`clinic.day.${day}`)}
              <input
                value={draft.business_hours[day] ?? ""}
                placeholder="09:00-18:00"
                disabled={!canEdit}
                onChange={(e) => setDraft({ ...draft, business_hours: { ...draft.business_hours, [day]: e.target.value } })}
                data-testid={`clinic-hours-${day}`}
              />
            </label>
          ))}
        </div>
        {field("holidays", t("clinic.holidays"), t("clinic.holidaysHint"), true)}
      </fieldset>
      <fieldset>
        <legend>{t("clinic.officer")}</legend>
        {field("officer_name", t("clinic.officerName"))}
        {field("officer_phone", t("clinic.officerPhone"))}
        {field("officer_email", t("clinic.officerEmail"))}
      </fieldset>
      <ErrorList error={error} testId="clinic-errors" />
      {canEdit && (
        <button className="primary" disabled={busy} data-testid="clinic-save">
          {t("clinic.save")}
        </button>
      )}
    </form>
  );
}

export function ClinicPage() {
  const t = useT();
  const [loaded] = useLoad(clinicApi.profile, []);
  return (
    <main className="page clinic-page" data-testid="clinic-page">
      <h2>{t("clinic.title")}</h2>
      <p className="muted small">{t("clinic.intro")}</p>
      <LoadView loaded={loaded} what={t("clinic.title")}>
        {(profile: ClinicProfile) => <ProfileForm profile={profile} />}
      </LoadView>
      <SelfBookingSettings />
    </main>
  );
}
