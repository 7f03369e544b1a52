// The searchable node picker that opens where a wire was dropped into empty space, under a "+" or at the
// cursor (Tab): type to filter, arrows to move, Enter or a click to place (and wire) the node.
import { useReactFlow } from "@xyflow/react";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { NodeTypeInfo } from "../api/generated";
import { useLocalized, useT } from "../i18n";
import { editorStore, useEditor } from "../store/editor";
import { usePicker } from "./picker";
import { reveal } from "./reveal";
import type { StepEdge, StepNode } from "./types";
import { NodeIcon } from "../icons/nodeIcons";

const ORDER: NodeTypeInfo["category"][] = ["trigger", "flow", "action"];

function NodePickerView() {
  const t = useT();
  const localized = useLocalized();
  const request = usePicker((s) => s.request);
  const close = usePicker((s) => s.close);
  const catalogue = useEditor((s) => s.catalogue);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const flow = useReactFlow<StepNode, StepEdge>();

  useEffect(() => {
    setQuery("");
    setActive(0);
    if (!request) return;
    window.setTimeout(() => input.current?.focus(), 0);
    // Escape closes it wherever the focus is (it may not have reached the search field yet).
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [request, close]);

  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hasTrigger = editorStore.getState().nodes.some((n) => catalogue[n.data.nodeType]?.category === "trigger");
    return Object.values(catalogue)
      .filter((n) => (request?.from || hasTrigger ? n.category !== "trigger" : true)) // nothing flows into a trigger
      .filter(
        (n) =>
          !q ||
          [n.type, n.label.ko, n.label.en, n.description.ko, n.description.en].some((s) => s?.toLowerCase().includes(q)),
      )
      .sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category));
  }, [catalogue, query, request]);

  if (!request) return null;
  const choose = (nodeType: string) => {
    const store = editorStore.getState();
    const position = { x: request.flow.x - 110, y: request.flow.y };
    if (request.from) store.addConnected(nodeType, position, request.from);
    else store.addNode(nodeType, position);
    close();
    reveal(flow, position); // a node placed below the fold (the "+" under the lowest card) is brought into view
  };
  const left = Math.min(request.screen.x, window.innerWidth - 300);
  const top = Math.min(request.screen.y, window.innerHeight - 340);
  return (
    <div className="picker-backdrop" onMouseDown={close} data-testid="node-picker-backdrop">
      <div
        className="node-picker"
        style={{ left, top }}
        onMouseDown={(e) => e.stopPropagation()}
        role="dialog"
        aria-label={t("picker.title")}
        data-testid="node-picker"
      >
        <input
          ref={input}
          type="search"
          value={query}
          placeholder={t("picker.search")}
          aria-label={t("picker.search")}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, items.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === "Enter" && items[active]) {
              e.preventDefault();
              choose(items[active].type);
            }
          }}
          data-testid="node-picker-search"
        />
        <ul role="listbox">
          {items.length === 0 && <li className="muted">{t("palette.none")}</li>}
          {items.map((n, i) => (
            <li
              key={n.type}
              role="option"
              aria-selected={i === active}
              className={`picker-item cat-${n.category} ${i === active ? "active" : ""}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(n.type)}
              data-testid={`picker-${n.type}`}
            >
              <NodeIcon type={n.type} />
              <span>
                <strong>{localized(n.label)}</strong>
                <small className="muted">{localized(n.description)}</small>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const NodePicker = memo(NodePickerView);
