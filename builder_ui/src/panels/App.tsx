// The application shell: navigation, language switch, login gate, page routing, file drops, notices.
import { type DragEvent, Suspense, useEffect } from "react";
import { useLang, useT } from "../i18n";
import { parseRoute, useRoute } from "../store/router";
import { useSession } from "../store/session";
import { useToasts } from "../store/toast";
import { importWorkflowFile } from "./importFile";
import { LoginPage } from "./LoginPage";
import {
  CostsPage,
  EditorPage,
  HomePage,
  MessagingSettingsPage,
  PatientDetailPage,
  PatientsPage,
  ReviewerPage,
  RunsPage,
  SetupPage,
  TemplatesPage,
  AppointmentsPage,
  ProceduresPage,
  RequestsPage,
  ClinicPage,
  UsersPage,
  OutcomesPage,
} from "./pages";
import { useClinic } from "../clinic/store";
import { useCanAny } from "../store/permissions";
import { pollRequestCount, useRequestCount } from "../appointments/requestCount";
import { Icon } from "../icons/Icon";


// [path, label, the permission that makes the page useful] — role-aware: a reviewer sees no patients or settings.
const NAV = [
  ["/", "nav.workflows", "workflow.read"],
  ["/reviewer", "nav.reviewer", "workflow.read"],
  ["/runs", "nav.runs", "run.read"],
  ["/appointments", "nav.appointments", "patient.read"],
  ["/patients", "nav.patients", "patient.read"],
  ["/alimtalk-templates", "nav.templates", "workflow.write"],
  ["/costs", "nav.costs", "run.read"],
  ["/outcomes", "nav.outcomes", "run.read"],
  ["/settings/messaging", "nav.messaging", "settings.write"],
  ["/settings/clinic", "nav.clinic", "workflow.read"],
  ["/settings/users", "nav.users", "user.manage"],
] as const;

function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={`toast toast-${x.kind}`} data-testid={`toast-${x.kind}`}>
          {x.text}
        </div>
      ))}
    </div>
  );
}

// Open reschedule requests from patients' links, on the appointments menu (polled while logged in).
function RequestBadge() {
  const open = useRequestCount((s) => s.open);
  if (!open) return null;
  return (
    <span className="nav-badge" data-testid="requests-badge" aria-label={`${open}`}>
      {open}
    </span>
  );
}

function isFileDrag(e: DragEvent): boolean {
  return e.dataTransfer.types.includes("Files");
}

export function App() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { path, navigate } = useRoute();
  const { auth, me, check, logout } = useSession();
  const route = parseRoute(path);
  const can = useCanAny();

  useEffect(() => {
    void check();
    document.documentElement.lang = useLang.getState().lang;
  }, [check]);
  useEffect(() => {
    if (auth === "in" || auth === "open") void useClinic.getState().load(); // previews show the clinic's own numbers
  }, [auth]);
  const canReadPatients = can("patient.read");
  useEffect(() => {
    pollRequestCount((auth === "in" || auth === "open") && canReadPatients);
    return () => pollRequestCount(false);
  }, [auth, canReadPatients]);

  const onDrop = (e: DragEvent) => {
    if (!isFileDrag(e)) return;
    e.preventDefault(); // never let the browser navigate to the dropped file
    const file = e.dataTransfer.files[0];
    // importing creates a workflow (workflow.write): a reviewer's drop is ignored, as her home page offers no import
    if (file && can("workflow.write")) void importWorkflowFile(file);
  };

  return (
    <div className="app" onDragOver={(e) => isFileDrag(e) && e.preventDefault()} onDrop={onDrop}>
      <header className="topbar">
        <strong className="brand"><Icon name="stethoscope" /> DoctorsFlow</strong>
        {auth !== "out" &&
          NAV.filter(([, , action]) => can(action)).map(([to, key]) => (
            <button
              key={to}
              className={`nav ${(to === "/" ? route.page === "home" || route.page === "editor" : path.startsWith(to)) ? "active" : ""}`}
              onClick={() => navigate(to)}
              data-testid={`nav-${key.split(".")[1]}`}
            >
              {t(key)}
              {to === "/appointments" && <RequestBadge />}
            </button>
          ))}
        <span className="spacer" />
        {me && (
          <span className="small user-name" title={me.name ?? me.email} data-testid="user-name">
            {me.name ?? me.email}
          </span>
        )}
        {auth === "in" && (
          <button onClick={() => void logout()} data-testid="logout">
            {t("login.logout")}
          </button>
        )}
        <button onClick={() => setLang(lang === "ko" ? "en" : "ko")} data-testid="lang-switch">
          {lang === "ko" ? "English" : "한국어"}
        </button>
      </header>
      {auth === "checking" && <p className="page muted">{t("common.loading")}</p>}
      <Suspense fallback={<p className="page muted">{t("common.loading")}</p>}>
      {route.page === "setup" && <SetupPage />}
      {auth === "out" && route.page !== "setup" && <LoginPage />}
      {(auth === "in" || auth === "open") && (
        <>
          {route.page === "home" && <HomePage />}
          {route.page === "editor" && <EditorPage id={route.id} version={route.version} />}
          {route.page === "reviewer" && <ReviewerPage id={route.id} />}
          {route.page === "runs" && <RunsPage workflowId={route.id} runId={route.run} />}
          {route.page === "patients" && <PatientsPage />}
          {route.page === "patient" && <PatientDetailPage id={route.id} />}
          {route.page === "templates" && <TemplatesPage />}
          {route.page === "costs" && <CostsPage />}
          {route.page === "outcomes" && <OutcomesPage />}
          {route.page === "messaging" && <MessagingSettingsPage />}
          {route.page === "appointments" && <AppointmentsPage />}
          {route.page === "procedures" && <ProceduresPage />}
          {route.page === "requests" && <RequestsPage />}
          {route.page === "clinic" && <ClinicPage />}
          {route.page === "users" && <UsersPage />}
          {route.page === "notFound" && <main className="page">{t("common.notFound")}</main>}
        </>
      )}
      </Suspense>
      <Toasts />
    </div>
  );
}
