// 성과 / Outcomes: the period's messages, delivery, cost, staff time, appointment outcomes and consents, each
// as a chart (Recharts, loaded with this page only) with a table view and a CSV of it.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { request, type Answer } from "../api/client";
import { useLang } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { LoadView, useLoad } from "../panels/common";
import { ChartCard, type TableData } from "./ChartCard";
import { useLabels } from "./labels";
import { MinutesSetting } from "./MinutesSetting";
import { savingClass, savingTone } from "../panels/savingTone";
import "./outcomes.css";

type Outcomes = Answer<"GetOutcomes">;
// Okabe–Ito: distinguishable with the common colour-vision deficiencies
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"];
const CHANNELS = ["alimtalk", "friendtalk", "sms"] as const;
const STEPS = ["queued", "sent", "delivered", "failed", "failed_over", "delivered_by_sms", "not_sent", "in_flight"] as const;
const OUTCOMES = ["attended", "no_show", "cancelled", "rescheduled", "pending"] as const;

function seoulToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
}

function shift(day: string, months: number, toDay?: number): string {
  const [y = 2000, m = 1, d = 1] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1 + months, toDay ?? d));
  return date.toISOString().slice(0, 10);
}

type Preset = "thisMonth" | "lastMonth" | "last3" | "last12";

export function presets(today: string): Record<Preset, [string, string]> {
  const firstOfMonth = `${today.slice(0, 8)}01`;
  return {
    thisMonth: [firstOfMonth, today],
    lastMonth: [shift(firstOfMonth, -1), shift(firstOfMonth, 0, 0)],
    last3: [shift(today, -3, Number(today.slice(8)) + 1), today],
    last12: [shift(today, -12, Number(today.slice(8)) + 1), today],
  };
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);
const num = (v: number) => v.toLocaleString("ko-KR", { maximumFractionDigits: 2 });

/** An axis tick of a period, short enough for a week of days side by side (2026-12-06 → 12.6, 2026-12 →
 * 2026.12): the full dates overlapped into one grey smear. Tooltips and tables keep the full period. */
export function shortPeriod(value: unknown): string {
  const text = String(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return `${Number(day[2])}.${Number(day[3])}`;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  return month ? `${month[1]}.${Number(month[2])}` : text;
}

function Bars({ data, keys, names, category, stacked, vertical }: {
  data: Record<string, string | number>[];
  keys: string[];
  names: string[];
  category: string;
  stacked?: boolean;
  vertical?: boolean; // horizontal bars, one row per category: for long Korean labels
}) {
  // numbers on bars while they fit: one series, or a few groups (six days of two series printed "180180")
  const labels = !stacked && data.length * keys.length <= 24 && (keys.length === 1 || vertical || data.length <= 5);
  return (
    <ResponsiveContainer width="100%" height={vertical ? Math.max(220, data.length * 34 + 60) : 260}>
      <BarChart data={data} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 18, right: 40, left: 8, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey={category} width={96} interval={0} />
          </>
        ) : (
          <>
            <XAxis
              dataKey={category}
              interval={data.length > 12 ? "preserveStartEnd" : 0}
              tickFormatter={category === "period" ? shortPeriod : undefined}
            />
            <YAxis allowDecimals={false} />
          </>
        )}
        <Tooltip />
        <Legend />
        {keys.map((key, i) => (
          <Bar key={key} dataKey={key} name={names[i]} fill={COLOURS[i % COLOURS.length]} stackId={stacked ? "s" : undefined} isAnimationActive={false}>
            {labels && <LabelList dataKey={key} position={vertical ? "right" : "top"} className="outcome-label" />}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function Dashboard({ data, reload }: { data: Outcomes; reload: () => void }) {
  const l = useLabels();
  const lang = useLang((s) => s.lang);
  const channelRows = data.messages.by_channel;
  const channels: TableData = {
    headers: [l("channel"), l("sent"), l("delivered")],
    rows: channelRows.map((c) => [l(c.channel), c.sent, c.delivered]),
  };
  const series: TableData = {
    headers: [l("period"), ...CHANNELS.map((c) => l(c)), l("delivered"), l("spent"), l("allBySms")],
    rows: data.series.points.map((p) => [p.period, p.alimtalk, p.friendtalk, p.sms, p.delivered, p.spent_krw, p.sms_equivalent_krw]),
  };
  const funnel: TableData = { headers: [l("step"), l("count")], rows: STEPS.map((s) => [l(s === "sent" ? "sent" : s), data.funnel[s]]) };
  const cost: TableData = {
    headers: [l("cost"), "₩"],
    rows: [
      [l("spent"), data.cost.spent_krw],
      [l("allBySms"), data.cost.sms_equivalent_krw],
      [l("saving"), data.cost.saving_krw],
    ],
  };
  const groups = [
    ["reminded", data.appointments.reminded],
    ["notReminded", data.appointments.not_reminded],
  ] as const;
  const appointments: TableData = {
    headers: [l("group"), l("total"), ...OUTCOMES.map((o) => l(o)), l("noShowRate"), l("ci")],
    rows: groups.map(([name, g]) => [
      l(name),
      g.appointments,
      ...OUTCOMES.map((o) => g[o]),
      pct(g.no_show_rate),
      g.no_show_ci ? `${pct(g.no_show_ci[0])} ~ ${pct(g.no_show_ci[1])}` : "—",
    ]),
  };
  const postopOutcomes = ["attended", "no_show", "cancelled", "pending"] as const;
  const postop: TableData = {
    headers: [l("postop"), l("count")],
    rows: [
      [l("enrolled"), data.postop.enrolled],
      [l("followUps"), data.postop.follow_ups],
      ...postopOutcomes.map((o) => [l(o), data.postop[o]]),
      [l("attendanceRate"), pct(data.postop.attendance_rate)],
    ],
  };
  const consents: TableData = {
    headers: [l("purpose"), l("granted"), l("revoked")],
    rows: [...data.consents.changes.map((c) => [l(c.purpose), c.granted, c.revoked]), [l("optOuts"), data.consents.opt_outs, null]],
  };
  const comparison = data.appointments.comparison;
  return (
    <>
      {!data.complete && <p className="muted small">{l("partial")}</p>}
      <div className="outcome-cards" data-testid="outcome-headline">
        <div className="tag outcome-figure" data-testid="outcome-sent">
          {l("sent")} <strong>{num(data.messages.sent)}</strong>
        </div>
        <div className="tag outcome-figure">
          {l("deliveryRate")} <strong>{data.funnel.delivery_percent ?? "—"}%</strong>
        </div>
        <div className="tag outcome-figure">
          {l("kakaoShare")} <strong>{data.messages.kakao_share_percent ?? "—"}%</strong>
        </div>
        <div className="tag outcome-figure" data-testid="outcome-time-saved" title={l("minutes", { n: data.time_saved.automatic_messages, m: data.time_saved.minutes_per_message })}>
          {l("timeSaved")} <strong>{num(data.time_saved.hours)}{l("hours")}</strong>
        </div>
        <div
          className={`${savingClass(data.cost.saving_krw)} outcome-figure`}
          data-testid="outcome-saving"
          data-tone={savingTone(data.cost.saving_krw)}
        >
          {l("saving")} <strong>₩{num(data.cost.saving_krw)}</strong> ({data.cost.saving_percent ?? "—"}%)
        </div>
      </div>
      <MinutesSetting key={data.time_saved.minutes_per_message} minutes={data.time_saved.minutes_per_message} onSaved={reload} />
      <div className="outcome-grid">
        <ChartCard id="channels" title={l("channels")} table={channels}>
          <Bars data={channelRows.map((c) => ({ name: l(c.channel), sent: c.sent, delivered: c.delivered }))} keys={["sent", "delivered"]} names={[l("sent"), l("delivered")]} category="name" />
        </ChartCard>
        <ChartCard id="funnel" title={l("funnel")} table={funnel}>
          <Bars data={STEPS.map((s) => ({ name: l(s), count: data.funnel[s] }))} keys={["count"]} names={[l("count")]} category="name" vertical />
        </ChartCard>
        <ChartCard id="series" title={l("series")} table={series}>
          <Bars data={data.series.points.map((p) => ({ ...p }))} keys={[...CHANNELS]} names={CHANNELS.map((c) => l(c))} category="period" stacked />
        </ChartCard>
        <ChartCard id="cost" title={l("cost")} table={cost}>
          <Bars data={data.series.points.map((p) => ({ ...p }))} keys={["spent_krw", "sms_equivalent_krw"]} names={[l("spent"), l("allBySms")]} category="period" />
        </ChartCard>
        <ChartCard
          id="appointments"
          title={l("appointments")}
          table={appointments}
          note={
            <p className="outcome-verdict" data-testid="outcome-verdict">
              {l("noShowRate")}: {l("reminded")} {pct(data.appointments.reminded.no_show_rate)} (n={data.appointments.reminded.known}) ·{" "}
              {l("notReminded")} {pct(data.appointments.not_reminded.no_show_rate)} (n={data.appointments.not_reminded.known}) — {pickLanguage(comparison.verdict, lang)}
            </p>
          }
        >
          <Bars
            data={OUTCOMES.map((o) => ({ name: l(o), reminded: data.appointments.reminded[o], not_reminded: data.appointments.not_reminded[o] }))}
            keys={["reminded", "not_reminded"]}
            names={[l("reminded"), l("notReminded")]}
            category="name"
            vertical
          />
        </ChartCard>
        <ChartCard id="postop" title={l("postop")} table={postop} note={
            data.postop.verdict ? (
              <p className="muted small" data-testid="outcome-postop-verdict">
                {pickLanguage(data.postop.verdict, lang)}
              </p>
            ) : null
          }
        >
          <Bars data={postopOutcomes.map((o) => ({ name: l(o), count: data.postop[o] }))} keys={["count"]} names={[l("count")]} category="name" />
        </ChartCard>
        <ChartCard id="consents" title={l("consents")} table={consents}>
          <Bars data={data.consents.changes.map((c) => ({ name: l(c.purpose), granted: c.granted, revoked: c.revoked }))} keys={["granted", "revoked"]} names={[l("granted"), l("revoked")]} category="name" />
        </ChartCard>
      </div>
    </>
  );
}

export default function OutcomesPage() {
  const l = useLabels();
  const today = seoulToday();
  const [range, setRange] = useState<[string, string]>(presets(today).thisMonth);
  const [draft, setDraft] = useState<[string, string]>(range);
  const [workflow, setWorkflow] = useState("");
  const [month, setMonth] = useState(today.slice(0, 7));
  const [loaded, reload] = useLoad(() => {
    const params = new URLSearchParams({ from: range[0], to: range[1] });
    if (workflow) params.set("workflow_id", workflow);
    return request<Outcomes>(`/api/outcomes?${params}`);
  }, [range[0], range[1], workflow]);
  const workflows = loaded.state === "ok" ? loaded.data.workflows : [];
  const choose = (next: [string, string]) => {
    setDraft(next);
    setRange(next);
  };
  return (
    <main className="page outcomes-page" data-testid="outcomes-page">
      <h2>{l("title")}</h2>
      <p className="muted small">{l("intro")}</p>
      <form
        className="row outcome-controls"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        {(["thisMonth", "lastMonth", "last3", "last12"] as const).map((key) => (
          <button type="button" key={key} onClick={() => choose(presets(today)[key])} data-testid={`outcome-preset-${key}`}>
            {l(key)}
          </button>
        ))}
        <label>
          {l("from")} <input type="date" value={draft[0]} onChange={(e) => setDraft([e.target.value, draft[1]])} data-testid="outcome-from" />
        </label>
        <label>
          {l("to")} <input type="date" value={draft[1]} onChange={(e) => setDraft([draft[0], e.target.value])} data-testid="outcome-to" />
        </label>
        <button type="submit" data-testid="outcome-apply">
          {l("apply")}
        </button>
        <label>
          {l("workflow")}{" "}
          <select value={workflow} onChange={(e) => setWorkflow(e.target.value)} data-testid="outcome-workflow">
            <option value="">{l("allWorkflows")}</option>
            {workflows.map((w) => (
              <option key={w.id} value={String(w.id)}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="row outcome-report">
        <strong>{l("report")}</strong>
        <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="outcome-report-month" />
        <a href={`/api/outcomes/report?month=${month}`} target="_blank" rel="noreferrer" data-testid="outcome-report-html">
          {l("reportHtml")}
        </a>
        <a href={`/api/outcomes/report?month=${month}&format=pdf`} data-testid="outcome-report-pdf">
          {l("reportPdf")}
        </a>
      </div>
      <LoadView loaded={loaded} what="/api/outcomes">
        {(data) => <Dashboard data={data} reload={reload} />}
      </LoadView>
    </main>
  );
}
