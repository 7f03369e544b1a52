// The "?" overlay: every keyboard shortcut and wiring gesture of the editor, in plain words.
import { memo, useEffect } from "react";
import { useT } from "../i18n";

const ROWS: [string, string][] = [
  ["Tab", "help.tab"],
  ["?", "help.help"],
  ["Ctrl+Z", "help.undo"],
  ["Ctrl+Shift+Z / Ctrl+Y", "help.redo"],
  ["Ctrl+C / Ctrl+V", "help.copy"],
  ["Delete", "help.delete"],
  ["Ctrl+S", "help.save"],
  ["+", "help.plus"],
  ["⇢", "help.wireDrop"],
  ["Esc", "help.close"],
];

function ShortcutHelpView({ onClose }: { onClose: () => void }) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="picker-backdrop dim" onMouseDown={onClose} data-testid="shortcut-help">
      <div className="shortcut-help" role="dialog" aria-label={t("help.title")} onMouseDown={(e) => e.stopPropagation()}>
        <h3>{t("help.title")}</h3>
        <table>
          <tbody>
            {ROWS.map(([key, text]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onClose} data-testid="shortcut-help-close">
          {t("help.closeButton")}
        </button>
      </div>
    </div>
  );
}

export const ShortcutHelp = memo(ShortcutHelpView);
