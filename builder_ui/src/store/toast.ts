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

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (kind, text) => {
    const id = ++counter;
    set({ toasts: [...get().toasts, { id, kind, text }] });
    window.setTimeout(() => get().dismiss(id), kind === "error" ? 8000 : 3500);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = (kind: Toast["kind"], text: string) => useToasts.getState().show(kind, text);
