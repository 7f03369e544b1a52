// The number of open reschedule requests, for the menu's badge: polled while logged in (a count, no personal
// data), refreshed at once when a request is handled. Small on purpose: it lives in the main bundle.
import { create } from "zustand";
import { type Answer, request } from "../api/client";

const POLL_MS = 60_000;

interface RequestCount {
  open: number;
  load: () => Promise<void>;
}

export const useRequestCount = create<RequestCount>((set) => ({
  open: 0,
  load: async () => {
    try {
      const answer = await request<Answer<"CountRescheduleRequests">>("/api/reschedule-requests/count");
      set({ open: answer.open });
    } catch {
      // not allowed (a role without patient.read) or offline: no badge
    }
  },
}));

export function refreshRequestCount(): void {
  void useRequestCount.getState().load();
}

let timer: number | null = null;

/** Start (or stop, with false) polling the count. */
export function pollRequestCount(on: boolean): void {
  if (timer !== null) window.clearInterval(timer);
  timer = null;
  if (!on) return;
  refreshRequestCount();
  timer = window.setInterval(refreshRequestCount, POLL_MS);
}
