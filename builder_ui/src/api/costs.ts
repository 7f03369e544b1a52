// Typed calls of the cost ledger API (runtime/billing/api.py).
import { request } from "./client";

export type Kind = "sms" | "lms" | "alimtalk" | "friendtalk";

export interface Figures {
  messages: number;
  spent_krw: number;
  sms_equivalent_krw: number;
  saving_krw: number;
  saving_percent: number | null;
}

export interface LedgerRow extends Figures {
  channel: string;
  provider: string;
  kind: Kind;
  failover: boolean;
}

export interface Ledger {
  month: string;
  timezone: string;
  rows: LedgerRow[];
  totals: Figures;
  trend: ({ month: string } & Figures)[];
}

export interface Rate {
  provider: string;
  kind: Kind;
  rate_krw: number;
  default_krw: number;
  overridden: boolean;
}

export interface Rates {
  providers: string[];
  kinds: Kind[];
  active_provider: string;
  rates: Rate[];
}

export type RateOverrides = Record<string, Partial<Record<Kind, number>>>;

export const costsApi = {
  ledger: (month: string) => request<Ledger>(`/api/costs/ledger?month=${encodeURIComponent(month)}`, { optional: true }),
  rates: () => request<Rates>("/api/costs/rates", { optional: true }),
  saveRates: (rates: RateOverrides) => request<Rates>("/api/costs/rates", { method: "PUT", body: { rates } }),
};
