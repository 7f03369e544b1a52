// Stored messaging-provider credentials (runtime/credentials/api.py). Secrets come back masked, never as values.
import { type Answer, type Body, request } from "./client";
import type { StoredProvider } from "./generated";

const base = "/api/channels/credentials";
const one = (provider: StoredProvider) => `${base}/${encodeURIComponent(provider)}`;

export const channelsApi = {
  credentials: () => request<Answer<"GetChannelCredentials">>(base),
  save: (provider: StoredProvider, fields: Record<string, string>, active: boolean) =>
    request<Answer<"SaveChannelCredentials">>(one(provider), {
      method: "PUT",
      body: { fields, active } satisfies Body<"SaveChannelCredentials">,
    }),
  remove: (provider: StoredProvider) => request<null>(one(provider), { method: "DELETE" }),
  test: (provider: StoredProvider) =>
    request<Answer<"TestStoredChannelCredentials">>(`${one(provider)}/test`, { method: "POST" }),
};
