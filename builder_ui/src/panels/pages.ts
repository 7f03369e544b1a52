// Route-level code splitting: each screen is its own chunk, fetched the first time it is opened, so the
// login page does not download the editor (React Flow, rjsf, the validator) or the other screens.
import { lazy } from "react";

export const CostsPage = lazy(() => import("./CostsPage").then((m) => ({ default: m.CostsPage })));
export const EditorPage = lazy(() => import("./EditorPage").then((m) => ({ default: m.EditorPage })));
export const HomePage = lazy(() => import("./HomePage").then((m) => ({ default: m.HomePage })));
export const MessagingSettingsPage = lazy(() =>
  import("./MessagingSettingsPage").then((m) => ({ default: m.MessagingSettingsPage })),
);
export const PatientDetailPage = lazy(() => import("./PatientDetail").then((m) => ({ default: m.PatientDetailPage })));
export const PatientsPage = lazy(() => import("./PatientsPage").then((m) => ({ default: m.PatientsPage })));
export const ReviewerPage = lazy(() => import("./ReviewerPage").then((m) => ({ default: m.ReviewerPage })));
export const RunsPage = lazy(() => import("./RunsPage").then((m) => ({ default: m.RunsPage })));
export const SetupPage = lazy(() => import("./SetupPage").then((m) => ({ default: m.SetupPage })));
export const TemplatesPage = lazy(() => import("../alimtalk/TemplatesPage").then((m) => ({ default: m.TemplatesPage })));
export const AppointmentsPage = lazy(() =>
  import("../appointments/AppointmentsPage").then((m) => ({ default: m.AppointmentsPage })),
);
export const ProceduresPage = lazy(() =>
  import("../appointments/ProceduresPage").then((m) => ({ default: m.ProceduresPage })),
);
export const RequestsPage = lazy(() =>
  import("../appointments/RequestsPage").then((m) => ({ default: m.RequestsPage })),
);
export const ClinicPage = lazy(() => import("../clinic/ClinicPage").then((m) => ({ default: m.ClinicPage })));
export const UsersPage = lazy(() => import("../team/UsersPage").then((m) => ({ default: m.UsersPage })));
export const OutcomesPage = lazy(() => import("../outcomes/OutcomesPage")); // its own chunk, with the chart library
