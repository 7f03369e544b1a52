// What the logged-in user may do, from /api/auth/me's permissions (storage/accounts/permissions.py), to hide
// buttons the server would refuse (the server still decides).
import { useSession } from "./session";

function allows(auth: string | undefined, permissions: string[] | undefined, action: string): boolean {
  // A server without accounts ("open") or without a permission list: show everything, the server answers 403.
  return auth === "open" || !permissions || permissions.includes(action);
}

/** True when the caller may take the action. */
export function useCan(action: string): boolean {
  return useSession((s) => allows(s.auth, s.me?.permissions, action));
}

/** A checker for pages that test several actions. */
export function useCanAny(): (action: string) => boolean {
  const auth = useSession((s) => s.auth);
  const permissions = useSession((s) => s.me?.permissions);
  return (action) => allows(auth, permissions, action);
}
