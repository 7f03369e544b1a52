// Calls of the cost ledger API (runtime/billing/api.py).
import { type Answer, type Body, request } from "./client";

/** Per provider, per message kind: the clinic's ₩ rate (a provider or kind left out goes back to the default). */
export type RateOverrides = Body<"PutCostRates">["rates"];

export const costsApi = {
  ledger: (month: string) =>
    request<Answer<"GetCostLedger">>(`/api/costs/ledger?month=${encodeURIComponent(month)}`, { optional: true }),
  rates: () => request<Answer<"GetCostRates">>("/api/costs/rates", { optional: true }),
  saveRates: (rates: RateOverrides) =>
    request<Answer<"PutCostRates">>("/api/costs/rates", { method: "PUT", body: { rates } satisfies Body<"PutCostRates"> }),
};
