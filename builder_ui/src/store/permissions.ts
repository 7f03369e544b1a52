// What the logged-in user may do, from /api/auth/me's permissions (storage/accounts/permissions.py).
import { useSession } from "./session";

/** True when the caller may take the action; a server without accounts ("open") allows everything. */
export function useCan(action: string): boolean {
  return useSession((s) => s.auth === "open" || !!s.me?.permissions?.includes(action));
}
