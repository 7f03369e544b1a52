// The cost ledger: a month's spend per channel and kind, what "all by SMS/LMS" would have cost, and rates.
import { useState } from "react";
import { costsApi } from "../api/costs";
import type { Figures, Ledger } from "../api/generated";
import { useLang, useT } from "../i18n";
import { useCan } from "../store/permissions";
import { CostRates } from "./CostRates";
import { LoadView, useLoad } from "./common";
import { savingClass, savingTone } from "./savingTone";

/** This month in Asia/Seoul as YYYY-MM (the ledger's time zone of record). */
function seoulMonth(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit" }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

export function won(value: number, lang: string): string {
  return `₩${value.toLocaleString(lang === "en" ? "en-US" : "ko-KR", { maximumFractionDigits: 2 })}`;
}

// The three headline figures, larger than the table below them
const FIGURE = { fontSize: 15, padding: "6px 12px" } as const;

function percent(f: Figures): string {
  return f.saving_percent === null ? "—" : `${f.saving_percent}%`;
}

function LedgerView({ ledger }: { ledger: Ledger }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const total = ledger.totals;
  return (
    <>
      <div className="row" data-testid="cost-totals">
        <div className="tag" style={FIGURE} data-testid="cost-spent">
          {t("costs.spent")}: <strong>{won(total.spent_krw, lang)}</strong> · {t("costs.messages", { n: total.messages })}
        </div>
        <div className="tag" style={FIGURE} data-testid="cost-sms-equivalent">
          {t("costs.allBySms")}: <strong>{won(total.sms_equivalent_krw, lang)}</strong>
        </div>
        <div
          className={savingClass(total.saving_krw)}
          style={FIGURE}
          data-testid="cost-saving"
          data-tone={savingTone(total.saving_krw)}
        >
          {t("costs.saving")}: <strong>{won(total.saving_krw, lang)}</strong> ({percent(total)})
        </div>
      </div>
      {ledger.rows.length === 0 ? (
        <p className="muted">{t("costs.empty")}</p>
      ) : (
        <table className="table" data-testid="cost-rows">
          <thead>
            <tr>
              <th>{t("costs.channel")}</th>
              <th>{t("costs.provider")}</th>
              <th>{t("costs.kindHeader")}</th>
              <th>{t("costs.count")}</th>
              <th>{t("costs.spent")}</th>
              <th>{t("costs.allBySms")}</th>
              <th>{t("costs.saving")}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.rows.map((r) => (
              <tr key={`${r.channel}/${r.provider}/${r.kind}/${r.failover}`} data-testid="cost-row">
                <td>
                  {t(`channel.${r.channel}`)}
                  {r.failover && <span className="muted small"> ({t("costs.failover")})</span>}
                </td>
                <td>{t(`costs.provider.${r.provider}`)}</td>
                <td>{t(`costs.kind.${r.kind}`)}</td>
                <td>{r.messages}</td>
                <td>{won(r.spent_krw, lang)}</td>
                <td>{won(r.sms_equivalent_krw, lang)}</td>
                <td>{won(r.saving_krw, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("costs.trend")}</h3>
      <table className="table" data-testid="cost-trend">
        <tbody>
          {ledger.trend.map((m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td>{t("costs.messages", { n: m.messages })}</td>
              <td>{won(m.spent_krw, lang)}</td>
              <td className="muted">
                {t("costs.saving")} {won(m.saving_krw, lang)} ({percent(m)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CostsPage() {
  const t = useT();
  const [month, setMonth] = useState(seoulMonth);
  const [ledger, reloadLedger] = useLoad(() => costsApi.ledger(month), [month]);
  const [rates, reloadRates] = useLoad(costsApi.rates, []);
  const canEdit = useCan("settings.write");
  return (
    <main className="page costs" data-testid="costs">
      <div className="row">
        <h2>{t("costs.title")}</h2>
        <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} data-testid="costs-month" />
        <span className="muted small">{t("costs.timezone")}</span>
      </div>
      <LoadView loaded={ledger} what={t("costs.title")}>
        {(data) => <LedgerView ledger={data} />}
      </LoadView>
      <LoadView loaded={rates} what={t("costs.rates")}>
        {(data) => (
          <CostRates
            rates={data}
            canEdit={canEdit}
            onSaved={() => {
              reloadRates();
              reloadLedger();
            }}
          />
        )}
      </LoadView>
      <p className="muted small">{t("costs.howCounted")}</p>
    </main>
  );
}
