// A message field with a variable picker: the "{ } 변수" button, or typing "{{", opens a searchable list
// of the variables a message may use (GET /api/nodes "variables") with the sample patient's value;
// choosing one inserts "{{ patient.name }}" at the cursor.
import type { WidgetProps } from "@rjsf/utils";
import { type KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { useEditor } from "../store/editor";

const TYPED = /\{\{\s*([\w.]*)$/; // "{{ pat" just before the cursor

export function VariableTextWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, options, placeholder } = props;
  const t = useT();
  const lang = useLang((s) => s.lang);
  const variables = useEditor((s) => s.variables);
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [open, setOpen] = useState<null | { query: string; typed: boolean }>(null);
  const [active, setActive] = useState(0);
  const text = typeof value === "string" ? value : "";
  const multiline = options.multiline !== false;
  // Where the caret goes after an insertion: set in the same commit as the new value (a timer could fire after
  // the next keystrokes and move the caret back into typed text), and only while the field still holds it.
  const pendingCaret = useRef<{ value: string; at: number } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    const el = field.current;
    if (!pending || !el || el.value !== pending.value) return;
    pendingCaret.current = null;
    el.focus();
    el.setSelectionRange(pending.at, pending.at);
  }, [text]);

  const matches = useMemo(() => {
    if (!open) return [];
    const q = open.query.toLowerCase();
    return variables.filter((v) => !q || v.name.toLowerCase().includes(q) || v.description.toLowerCase().includes(q));
  }, [open, variables]);

  const insert = (name: string) => {
    const el = field.current;
    const caret = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? caret;
    const before = text.slice(0, caret);
    const typed = open?.typed ? TYPED.exec(before) : null;
    const start = typed ? caret - typed[0].length : caret;
    const token = `{{ ${name} }}`;
    const next = text.slice(0, start) + token + text.slice(end);
    pendingCaret.current = { value: next, at: start + token.length };
    onChange(next);
    setOpen(null);
  };

  const onInput = (next: string, caret: number | null) => {
    onChange(next === "" ? options.emptyValue : next);
    const typed = TYPED.exec(next.slice(0, caret ?? next.length));
    if (typed) {
      setOpen({ query: typed[1] ?? "", typed: true });
      setActive(0);
    } else if (open?.typed) setOpen(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open || !matches.length) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      insert(matches[Math.min(active, matches.length - 1)]!.name);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(null);
    }
  };

  const common = {
    id,
    ref: field,
    value: text,
    disabled: disabled || readonly,
    placeholder,
    onKeyDown,
    onBlur: (e: { target: { value: string } }) => onBlur(id, e.target.value),
    onFocus: (e: { target: { value: string } }) => onFocus(id, e.target.value),
  };
  return (
    <div className="variable-text">
      {multiline ? (
        <textarea
          {...common}
          rows={Number(options.rows ?? 4)}
          onChange={(e) => onInput(e.target.value, e.target.selectionStart)}
        />
      ) : (
        <input {...common} type="text" onChange={(e) => onInput(e.target.value, e.target.selectionStart)} />
      )}
      {!(disabled || readonly) && (
        <button
          type="button"
          className="variable-button"
          onClick={() => {
            setOpen(open ? null : { query: "", typed: false });
            setActive(0);
          }}
          data-testid={`variable-button-${id}`}
        >
          {"{ }"} {t("variables.insert")}
        </button>
      )}
      {open && (
        <div className="variable-menu" role="listbox" data-testid="variable-menu">
          {!open.typed && (
            <input
              autoFocus
              type="search"
              placeholder={t("variables.search")}
              value={open.query}
              onChange={(e) => {
                setOpen({ query: e.target.value, typed: false });
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              data-testid="variable-search"
            />
          )}
          {matches.length === 0 && <p className="muted small">{t("variables.none")}</p>}
          {matches.map((v, i) => (
            <button
              type="button"
              key={v.name}
              role="option"
              aria-selected={i === active}
              className={i === active ? "variable-option active" : "variable-option"}
              onMouseDown={(e) => e.preventDefault()} // keep the caret in the field
              onClick={() => insert(v.name)}
              data-testid={`variable-${v.name}`}
            >
              <span>{pickLanguage(v.description, lang)}</span>
              <code>{`{{ ${v.name} }}`}</code>
              {v.sample && <small className="muted">{t("variables.sample", { value: v.sample })}</small>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
