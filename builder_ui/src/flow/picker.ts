// Where the node picker is open: at a screen point, placing the new node at a flow point, and wired from
// an output (a wire dropped into empty space, the "+" under an output) or not (Tab).
import { create } from "zustand";

export interface PickerRequest {
  screen: { x: number; y: number };
  flow: { x: number; y: number };
  from: { source: string; port: string } | null;
}

interface PickerState {
  request: PickerRequest | null;
  open: (request: PickerRequest) => void;
  close: () => void;
}

export const usePicker = create<PickerState>((set) => ({
  request: null,
  open: (request) => set({ request }),
  close: () => set({ request: null }),
}));
