// Stored messaging-provider credentials (runtime/credentials/api.py). Secrets come back masked, never as values.
import { request } from "./client";

export type StoredProvider = "solapi" | "nhncloud";

export interface CredentialField {
  key: string;
  secret: boolean;
  required: boolean;
  choices: string[];
  set: boolean;
  masked?: string | null; // secrets: "••••1234"
  value?: string; // non-secret fields: the stored value
}

export interface ProviderCredentials {
  provider: StoredProvider;
  stored: boolean;
  active: boolean;
  updated_at: string | null;
  updated_by: string | null;
  fields: CredentialField[];
}

export interface CredentialsView {
  active_provider: StoredProvider | null;
  providers: ProviderCredentials[];
}

export interface ConnectionCheck {
  ok: boolean;
  message: string;
  provider: string;
}

const base = "/api/channels/credentials";
const one = (provider: StoredProvider) => `${base}/${encodeURIComponent(provider)}`;

export const channelsApi = {
  credentials: () => request<CredentialsView>(base),
  save: (provider: StoredProvider, fields: Record<string, string>, active: boolean) =>
    request<CredentialsView>(one(provider), { method: "PUT", body: { fields, active } }),
  remove: (provider: StoredProvider) => request<null>(one(provider), { method: "DELETE" }),
  test: (provider: StoredProvider) => request<ConnectionCheck>(`${one(provider)}/test`, { method: "POST" }),
};
