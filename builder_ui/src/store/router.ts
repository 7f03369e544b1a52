// A tiny history-API router: the server answers every non-/api path with index.html.
import { create } from "zustand";

interface RouteState {
  path: string;
  navigate: (path: string) => void;
}

/** Asked before leaving the current page (the editor asks when there are unsaved changes). */
let leaveGuard: (() => boolean) | null = null;
export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

export const useRoute = create<RouteState>((set) => ({
  path: window.location.pathname,
  navigate: (path) => {
    if (path === window.location.pathname) return;
    if (leaveGuard && !leaveGuard()) return;
    window.history.pushState(null, "", path);
    set({ path });
  },
}));

window.addEventListener("popstate", () => useRoute.setState({ path: window.location.pathname }));

export type Route =
  | { page: "home" }
  | { page: "editor"; id: string | null; version: number | null }
  | { page: "reviewer"; id: string | null }
  | { page: "runs"; id: string | null; run: number | null }
  | { page: "patients" }
  | { page: "patient"; id: string }
  | { page: "setup" }
  | { page: "templates" }
  | { page: "costs" }
  | { page: "outcomes" }
  | { page: "messaging" }
  | { page: "appointments" }
  | { page: "procedures" }
  | { page: "requests" }
  | { page: "clinic" }
  | { page: "users" }
  | { page: "notFound" };

export function parseRoute(path: string): Route {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [head, id, sub, version] = parts;
  if (!head) return { page: "home" };
  if (head === "workflows" && id === "new") return { page: "editor", id: null, version: null };
  if (head === "workflows" && id && !sub) return { page: "editor", id, version: null };
  if (head === "workflows" && id && sub === "versions" && version) {
    return { page: "editor", id, version: Number(version) };
  }
  if (head === "reviewer") return { page: "reviewer", id: id ?? null };
  // /runs/<workflow>/<run>: the monitor opened at one run (from the appointment panel, the patient page)
  if (head === "runs") return { page: "runs", id: id ?? null, run: sub && /^\d+$/.test(sub) ? Number(sub) : null };
  if (head === "patients" && id) return { page: "patient", id };
  if (head === "patients") return { page: "patients" };
  if (head === "setup") return { page: "setup" };
  if (head === "alimtalk-templates") return { page: "templates" };
  if (head === "costs") return { page: "costs" };
  if (head === "outcomes") return { page: "outcomes" };
  if (head === "settings" && id === "messaging") return { page: "messaging" };
  if (head === "appointments") {
    return { page: id === "procedures" ? "procedures" : id === "requests" ? "requests" : "appointments" };
  }
  if (head === "settings" && id === "clinic") return { page: "clinic" };
  if (head === "settings" && id === "users") return { page: "users" };
  return { page: "notFound" };
}
