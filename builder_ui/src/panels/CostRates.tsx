// The clinic's ₩ rates per provider and message kind: defaults, and contract rates over them (managers).
import { useState } from "react";
import { costsApi, type RateOverrides } from "../api/costs";
import type { Rate, Rates } from "../api/generated";

type Kind = Rate["kind"];
import { useT } from "../i18n";
import { toast } from "../store/toast";
import { ErrorList } from "./common";

/** The form's text per "provider/kind": the overridden rates only (blank = the default). */
function draftOf(rates: Rates): Record<string, string> {
  const draft: Record<string, string> = {};
  for (const r of rates.rates) if (r.overridden) draft[`${r.provider}/${r.kind}`] = String(r.rate_krw);
  return draft;
}

export function CostRates({ rates, canEdit, onSaved }: { rates: Rates; canEdit: boolean; onSaved: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<Record<string, string>>(() => draftOf(rates));
  const [error, setError] = useState<unknown>(null);
  const byKey = new Map(rates.rates.map((r) => [`${r.provider}/${r.kind}`, r]));

  const save = async () => {
    const overrides: RateOverrides = {};
    for (const [key, text] of Object.entries(draft)) {
      if (text.trim() === "") continue;
      const [provider, kind] = key.split("/") as [string, Kind];
      // Not a number goes to the server as text, so its 422 names the field
      const value = Number(text);
      (overrides[provider] ??= {})[kind] = Number.isNaN(value) ? (text as unknown as number) : value;
    }
    try {
      const saved = await costsApi.saveRates(overrides);
      setError(null);
      setDraft(draftOf(saved));
      toast("ok", t("costs.ratesSaved"));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section data-testid="cost-rates">
      <h3>{t("costs.rates")}</h3>
      <p className="muted small">{t("costs.ratesHint")}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t("costs.provider")}</th>
            {rates.kinds.map((k) => (
              <th key={k}>{t(`costs.kind.${k}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rates.providers.map((p) => (
            <tr key={p}>
              <td>
                {t(`costs.provider.${p}`)}
                {p === rates.active_provider && <span className="tag tag-ok"> {t("costs.active")}</span>}
              </td>
              {rates.kinds.map((k) => {
                const rate = byKey.get(`${p}/${k}`);
                const key = `${p}/${k}`;
                return (
                  <td key={k}>
                    {canEdit ? (
                      <input
                        type="text"
                        inputMode="decimal"
                        size={6}
                        value={draft[key] ?? ""}
                        placeholder={String(rate?.default_krw ?? "")}
                        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                        aria-label={`${p} ${k}`}
                        data-testid={`rate-${p}-${k}`}
                      />
                    ) : (
                      <span>{rate?.rate_krw}</span>
                    )}{" "}
                    <span className="muted small">{rate?.overridden ? t("costs.contract") : t("costs.default")}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorList error={error} testId="rates-errors" />
      {canEdit && (
        <button className="primary" onClick={() => void save()} data-testid="rates-save">
          {t("costs.saveRates")}
        </button>
      )}
    </section>
  );
}
