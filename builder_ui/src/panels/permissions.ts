// What the logged-in role may do, to hide buttons the server would refuse (the server still decides).
import { useSession } from "../store/session";

export function useCan(): (action: string) => boolean {
  const me = useSession((s) => s.me);
  // No permission list (an old server, or auth "open"): show everything and let the server answer 403.
  return (action) => !me?.permissions || me.permissions.includes(action);
}
