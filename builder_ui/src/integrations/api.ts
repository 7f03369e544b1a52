// Calls of the 연동 (integrations) section: webhook secrets (storage/accounts/api.py WebhookSecretController).
import { type Answer, type Body, request } from "../api/client";

export type WebhookSecretRow = Answer<"ListWebhookSecrets">["secrets"][number];
export type NewWebhookSecret = Answer<"CreateWebhookSecret">;

export const secretsApi = {
  list: () => request<Answer<"ListWebhookSecrets">>("/api/webhook-secrets").then((r) => r.secrets),
  create: (name: string) =>
    request<NewWebhookSecret>("/api/webhook-secrets", { body: { name } satisfies Body<"CreateWebhookSecret"> }),
  revoke: (id: number) => request<null>(`/api/webhook-secrets/${id}`, { method: "DELETE" }),
};
