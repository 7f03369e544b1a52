// Keyboard shortcuts of the editor: Delete, Ctrl+C/V, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y), Ctrl+S.
import { useEffect } from "react";
import { editorStore } from "../store/editor";

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

export function useShortcuts(onSave: () => void, readOnly: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "s") {
        e.preventDefault();
        if (!readOnly) onSave();
        return;
      }
      if (readOnly || typingInField(e.target)) return;
      const store = editorStore.getState();
      if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        store.deleteSelected();
      } else if (mod && key === "z" && e.shiftKey) {
        e.preventDefault();
        store.redo();
      } else if (mod && key === "z") {
        e.preventDefault();
        store.undo();
      } else if (mod && key === "y") {
        e.preventDefault();
        store.redo();
      } else if (mod && key === "c") {
        store.copySelection();
      } else if (mod && key === "v") {
        e.preventDefault();
        store.paste();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onSave, readOnly]);
}
