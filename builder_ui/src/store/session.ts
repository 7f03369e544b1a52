// Who is logged in. "open" means the server has no auth API yet, so the editor works without a login.
import { create } from "zustand";
import { csrfToken, NotAvailableError, onUnauthorized, UnauthorizedError } from "../api/client";
import { api } from "../api/endpoints";
import type { Me } from "../api/generated";

export type AuthState = "checking" | "in" | "out" | "open";

interface SessionState {
  auth: AuthState;
  me: Me | null;
  check: () => Promise<void>;
  loggedIn: (me: Me) => void;
  logout: () => Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  auth: "checking",
  me: null,
  check: async () => {
    // No log-in cookie: ask nothing (a 401 on the login page's first load is a console error for nothing).
    if (!csrfToken()) {
      set({ auth: "out", me: null });
      return;
    }
    try {
      set({ auth: "in", me: await api.me() });
    } catch (error) {
      if (error instanceof UnauthorizedError) set({ auth: "out", me: null });
      else if (error instanceof NotAvailableError) set({ auth: "open", me: null });
      else set({ auth: "open", me: null }); // server trouble: let the pages show their own errors
    }
  },
  loggedIn: (me) => set({ auth: "in", me }),
  logout: async () => {
    await api.logout().catch(() => null);
    set({ auth: "out", me: null });
  },
}));

onUnauthorized(() => useSession.setState({ auth: "out", me: null }));
