// 연동 / Integrations: webhook secrets for booking systems and the booking-capture extension — create (the
// secret is shown once, with a copy button), list, revoke — and copy-paste examples of a signed event.
import { useState } from "react";
import { useLang } from "../i18n";
import { interpolate } from "../i18n/interpolate";
import { ErrorList, formatTime, LoadView, useLoad } from "../panels/common";
import { useSession } from "../store/session";
import { toast } from "../store/toast";
import { type NewWebhookSecret, secretsApi } from "./api";
import { curlExample, pythonExample } from "./examples";
import "./integrations.css";
import { Icon } from "../icons/Icon";

const TEXTS = {
  title: ["연동: 웹훅 비밀키", "Integrations: webhook secrets"],
  intro: [
    "예약 시스템, 예약 수집 확장 프로그램, SOLAPI 발송 결과가 이 비밀키로 서명해 이벤트를 보냅니다.",
    "Booking systems, the booking-capture extension and SOLAPI reports sign their events with these secrets.",
  ],
  url: ["이벤트 주소", "Event address"],
  name: ["이름 (예: 네이버 예약 확장)", "Name (e.g. Naver booking extension)"],
  create: ["비밀키 만들기", "Create secret"],
  once: [
    "이 비밀키는 지금 한 번만 보입니다. 복사해서 안전한 곳에 넣으세요.",
    "This secret is shown only now. Copy it somewhere safe.",
  ],
  copy: ["복사", "Copy"],
  copied: ["복사했습니다", "Copied"],
  copyFailed: ["복사하지 못했습니다. 직접 선택해 복사하세요.", "Could not copy; select it and copy by hand."],
  hide: ["확인했습니다 (숨기기)", "Done (hide)"],
  list: ["비밀키 목록", "Secrets"],
  none: ["아직 비밀키가 없습니다.", "No secrets yet."],
  active: ["사용 중", "active"],
  revoked: ["폐기됨", "revoked"],
  revoke: ["폐기", "Revoke"],
  confirmRevoke: [
    "'{name}' 비밀키를 폐기할까요? 이 키로 서명한 요청은 바로 거절됩니다.",
    "Revoke '{name}'? Requests signed with it are refused from now on.",
  ],
  revokedToast: ["폐기했습니다", "Revoked"],
  created: ["만든 때", "Created"],
  examples: ["보내는 예시 (서명 포함)", "Examples (with the signature)"],
  examplesNote: [
    "서명: HMAC-SHA256(비밀키, \"<t>.\" + 본문) — 5분 안의 시각, 보낸 그대로의 바이트. 자세한 설명: docs/webhooks.md",
    "Signature: HMAC-SHA256(secret, \"<t>.\" + body) — a timestamp within 5 minutes, the exact bytes sent. Details: docs/webhooks.md",
  ],
  nameRequired: ["이름을 입력하세요", "Enter a name"],
} as const;
type Key = keyof typeof TEXTS;

function useText(): (key: Key, vars?: Record<string, string>) => string {
  const lang = useLang((s) => s.lang);
  return (key, vars) => {
    const text: string = TEXTS[key][lang === "en" ? 1 : 0];
    return vars ? interpolate(text, vars, () => "") : text;
  };
}

function CopyBox({ text, testId }: { text: string; testId: string }) {
  const s = useText();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast("ok", s("copied"));
    } catch {
      toast("error", s("copyFailed"));
    }
  };
  return (
    <div className="copy-box">
      <pre data-testid={testId}>{text}</pre>
      <button onClick={() => void copy()} data-testid={`${testId}-copy`}>
        <Icon name="clipboard" /> {s("copy")}
      </button>
    </div>
  );
}

export function WebhookSecrets() {
  const s = useText();
  const lang = useLang((st) => st.lang);
  const slug = useSession((st) => st.me?.clinic?.slug ?? "default");
  const [loaded, reload] = useLoad(() => secretsApi.list(), []);
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<NewWebhookSecret | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const url = `${window.location.origin}/api/webhooks/${encodeURIComponent(slug)}/events`;

  const create = async () => {
    if (!name.trim()) {
      setError(new Error(s("nameRequired")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setFresh(await secretsApi.create(name.trim()));
      setName("");
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: number, label: string) => {
    if (!window.confirm(s("confirmRevoke", { name: label }))) return;
    setError(null);
    try {
      await secretsApi.revoke(id);
      if (fresh?.id === id) setFresh(null);
      toast("ok", s("revokedToast"));
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const shownSecret = fresh?.secret ?? "whsec_…";

  return (
    <section className="card integrations" data-testid="webhook-secrets">
      <h3>{s("title")}</h3>
      <p className="muted small">{s("intro")}</p>
      <p className="small">
        {s("url")}: <code data-testid="webhook-url">{url}</code>
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={s("name")} aria-label={s("name")} maxLength={100} data-testid="secret-name" />
        <button className="primary" type="submit" disabled={busy} data-testid="secret-create">
          {s("create")}
        </button>
      </form>
      <ErrorList error={error} testId="secret-errors" />
      {fresh && (
        <div className="secret-once" role="status" data-testid="secret-once">
          <strong>{s("once")}</strong>
          <CopyBox text={fresh.secret} testId="secret-value" />
          <button onClick={() => setFresh(null)} data-testid="secret-hide">
            {s("hide")}
          </button>
        </div>
      )}
      <h4>{s("list")}</h4>
      <LoadView loaded={loaded} what={s("list")}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted small">{s("none")}</p>
          ) : (
            <table className="table" data-testid="secret-list">
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-testid={`secret-row-${row.id}`}>
                    <td>{row.name}</td>
                    <td className="small muted">
                      {s("created")}: {formatTime(row.created_at, lang)}
                    </td>
                    <td>
                      {row.revoked_at ? (
                        <span className="small muted" data-testid="secret-state">
                          {s("revoked")} {formatTime(row.revoked_at, lang)}
                        </span>
                      ) : (
                        <span className="small" data-testid="secret-state">
                          {s("active")}
                        </span>
                      )}
                    </td>
                    <td>
                      {!row.revoked_at && (
                        <button className="danger" onClick={() => void revoke(row.id, row.name)} data-testid={`secret-revoke-${row.id}`}>
                          {s("revoke")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
      <h4>{s("examples")}</h4>
      <p className="muted small">{s("examplesNote")}</p>
      <CopyBox text={curlExample(url, shownSecret)} testId="example-curl" />
      <CopyBox text={pythonExample(url, shownSecret)} testId="example-python" />
    </section>
  );
}
