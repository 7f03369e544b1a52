// The application shell: navigation, language switch, login gate, page routing, file drops, notices.
import { type DragEvent, lazy, Suspense, useEffect } from "react";
import { api } from "../api/endpoints";
import { useLang, useT } from "../i18n";
import { editorStore } from "../store/editor";
import { parseRoute, useRoute } from "../store/router";
import { useSession } from "../store/session";
import { toast, useToasts } from "../store/toast";
import { CostsPage } from "./CostsPage";
import { EditorPage } from "./EditorPage";
import { HomePage } from "./HomePage";
import { importWorkflowFile } from "./importFile";
import { LoginPage } from "./LoginPage";
import { MessagingSettingsPage } from "./MessagingSettingsPage";
import { PatientDetailPage } from "./PatientDetail";
import { PatientsPage } from "./PatientsPage";
import { ReviewerPage } from "./ReviewerPage";
import { RunsPage } from "./RunsPage";
import { SetupPage } from "./SetupPage";
import { TemplatesPage } from "../alimtalk/TemplatesPage";

const OutcomesPage = lazy(() => import("../outcomes/OutcomesPage")); // its own chunk, with the chart library

const NAV = [
  ["/", "nav.workflows"],
  ["/reviewer", "nav.reviewer"],
  ["/runs", "nav.runs"],
  ["/patients", "nav.patients"],
  ["/alimtalk-templates", "nav.templates"],
  ["/costs", "nav.costs"],
  ["/outcomes", "nav.outcomes"],
  ["/settings/messaging", "nav.messaging"],
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

function isFileDrag(e: DragEvent): boolean {
  return e.dataTransfer.types.includes("Files");
}

export function App() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { path, navigate } = useRoute();
  const { auth, me, check, logout } = useSession();
  const route = parseRoute(path);

  useEffect(() => {
    void check();
    document.documentElement.lang = useLang.getState().lang;
  }, [check]);
  useEffect(() => {
    if (auth === "in" || auth === "open") {
      api.nodes().then(editorStore.getState().setCatalogue, () => toast("error", t("editor.catalogueFailed")));
    }
  }, [auth]);

  const onDrop = (e: DragEvent) => {
    if (!isFileDrag(e)) return;
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void importWorkflowFile(file);
  };

  return (
    <div className="app" onDragOver={(e) => isFileDrag(e) && e.preventDefault()} onDrop={onDrop}>
      <header className="topbar">
        <strong className="brand">🩺 DoctorsFlow</strong>
        {auth !== "out" &&
          NAV.map(([to, key]) => (
            <button
              key={to}
              className={`nav ${(to === "/" ? route.page === "home" || route.page === "editor" : path.startsWith(to)) ? "active" : ""}`}
              onClick={() => navigate(to)}
              data-testid={`nav-${key.split(".")[1]}`}
            >
              {t(key)}
            </button>
          ))}
        <span className="spacer" />
        {me && <span className="small">{me.name ?? me.email}</span>}
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
      {route.page === "setup" && <SetupPage />}
      {auth === "out" && route.page !== "setup" && <LoginPage />}
      {(auth === "in" || auth === "open") && (
        <>
          {route.page === "home" && <HomePage />}
          {route.page === "editor" && <EditorPage id={route.id} version={route.version} />}
          {route.page === "reviewer" && <ReviewerPage id={route.id} />}
          {route.page === "runs" && <RunsPage workflowId={route.id} />}
          {route.page === "patients" && <PatientsPage />}
          {route.page === "patient" && <PatientDetailPage id={route.id} />}
          {route.page === "templates" && <TemplatesPage />}
          {route.page === "costs" && <CostsPage />}
          {route.page === "outcomes" && (<Suspense fallback={<p className="page muted">{t("common.loading")}</p>}><OutcomesPage /></Suspense>)}
          {route.page === "messaging" && <MessagingSettingsPage />}
          {route.page === "notFound" && <main className="page">{t("common.notFound")}</main>}
        </>
      )}
      <Toasts />
    </div>
  );
}
