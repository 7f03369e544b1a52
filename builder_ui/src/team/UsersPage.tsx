// 사용자 관리 / Team: managers invite people by a one-time link (role chosen), change roles, switch people off
// and back on, and hand out a password-reset link. No e-mail is sent: the manager copies the link.
import { useState } from "react";
import { type UserView, clinicApi, setupLink } from "../clinic/api";
import { useLang, useT } from "../i18n";
import { useSession } from "../store/session";
import { toast } from "../store/toast";
import { ErrorList, LoadView, formatTime, useLoad } from "../panels/common";
import { Icon } from "../icons/Icon";
import "../clinic/clinic.css";

const ROLES = ["manager", "staff", "reviewer"] as const;
type ClinicRole = (typeof ROLES)[number];

function LinkBox({ who, link, onClose }: { who: string; link: string; onClose: () => void }) {
  const t = useT();
  return (
    <div className="link-box" role="status" data-testid="one-time-link">
      <p>{t("team.linkFor", { who })}</p>
      <div className="link-row">
        <input
          readOnly
          value={link}
          size={link.length}
          onFocus={(e) => e.target.select()}
          aria-label={t("team.linkFor", { who })}
          data-testid="one-time-link-url"
        />
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(link).then(() => toast("ok", t("team.copied")), () => null)}
        >
          <Icon name="clipboard" /> {t("team.copy")}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      <p className="muted small">{t("team.linkHint")}</p>
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: (user: UserView, link: string) => void }) {
  const t = useT();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<ClinicRole>("staff");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await clinicApi.invite({ email, name, role });
      onInvited(made, setupLink(made.setup_token));
      setEmail("");
      setName("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="invite-form row wrap"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t("team.name")}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="invite-name" />
      </label>
      <label>
        {t("team.email")}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="invite-email" />
      </label>
      <label>
        {t("team.role")}
        <select value={role} onChange={(e) => setRole(e.target.value as ClinicRole)} data-testid="invite-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button className="primary" disabled={busy || !email || !name} data-testid="invite-submit">
        {t("team.invite")}
      </button>
      <ErrorList error={error} testId="invite-errors" />
    </form>
  );
}

function UserRow({ user, onChanged, onLink }: { user: UserView; onChanged: () => void; onLink: (link: string) => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const me = useSession((s) => s.me);
  const self = me?.user?.id === user.id;
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const status = !user.active ? t("team.deactivated") : user.invited ? t("team.invited") : t("team.active");
  return (
    <tr data-testid={`user-${user.email}`} className={user.active ? "" : "muted"}>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>
        <select
          value={user.role}
          disabled={self || !user.active}
          onChange={(e) => void act(() => clinicApi.changeUser(user.id, { role: e.target.value }))}
          aria-label={t("team.role")}
          data-testid="user-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-testid="user-status">{status}</td>
      <td className="small">{formatTime(user.last_login_at, lang)}</td>
      <td>
        {!self && user.active && (
          <>
            <button
              onClick={() => void act(async () => onLink(setupLink((await clinicApi.passwordLink(user.id)).token)))}
              data-testid="user-reset"
            >
              {t("team.resetLink")}
            </button>{" "}
            <button
              onClick={() =>
                window.confirm(t("team.confirmDeactivate", { who: user.name })) &&
                void act(() => clinicApi.changeUser(user.id, { active: false }))
              }
              data-testid="user-deactivate"
            >
              {t("team.deactivate")}
            </button>
          </>
        )}
        {!user.active && (
          <button onClick={() => void act(() => clinicApi.changeUser(user.id, { active: true }))} data-testid="user-reactivate">
            {t("team.reactivate")}
          </button>
        )}
        <ErrorList error={error} />
      </td>
    </tr>
  );
}

export function UsersPage() {
  const t = useT();
  const [loaded, reload] = useLoad(clinicApi.users, []);
  const [link, setLink] = useState<{ who: string; url: string } | null>(null);
  return (
    <main className="page users-page" data-testid="users-page">
      <h2>{t("team.title")}</h2>
      <p className="muted small">{t("team.intro")}</p>
      <InviteForm
        onInvited={(user, url) => {
          setLink({ who: user.name, url });
          reload();
        }}
      />
      {link && <LinkBox who={link.who} link={link.url} onClose={() => setLink(null)} />}
      <LoadView loaded={loaded} what={t("team.title")}>
        {(users: UserView[]) => (
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t("team.name")}</th>
                <th>{t("team.email")}</th>
                <th>{t("team.role")}</th>
                <th>{t("team.status")}</th>
                <th>{t("team.lastLogin")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} onChanged={reload} onLink={(url) => setLink({ who: u.name, url })} />
              ))}
            </tbody>
          </table>
        )}
      </LoadView>
    </main>
  );
}
