// Short notices at the bottom of the screen ("저장했습니다").
import { create } from "zustand";

export interface Toast {
  id: number;
  kind: "ok" | "error" | "info";
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show: (kind: Toast["kind"], text: string) => void;
  dismiss: (id: number) => void;
}

let counter = 0;
const timers = new Map<number, number>();

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (kind, text) => {
    // The same notice again (saving twice) replaces the one on screen and starts its time again: no stack
    const same = get().toasts.filter((t) => t.kind === kind && t.text === text);
    for (const old of same) window.clearTimeout(timers.get(old.id));
    const id = ++counter;
    set({ toasts: [...get().toasts.filter((t) => !same.includes(t)), { id, kind, text }] });
    timers.set(
      id,
      window.setTimeout(() => get().dismiss(id), kind === "error" ? 8000 : 3500),
    );
  },
  dismiss: (id) => {
    timers.delete(id);
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export const toast = (kind: Toast["kind"], text: string) => useToasts.getState().show(kind, text);
