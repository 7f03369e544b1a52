// Node types from GET /api/nodes grouped by category, searchable; drag one onto the canvas.
import { useReactFlow } from "@xyflow/react";
import { memo, useMemo, useState } from "react";
import type { NodeTypeInfo } from "../api/generated";
import { useLocalized, useT } from "../i18n";
import { useEditor } from "../store/editor";
import { NodeIcon } from "../icons/nodeIcons";

export const DRAG_MIME = "application/x-doctorsflow-node";
const ORDER: NodeTypeInfo["category"][] = ["trigger", "flow", "action"];

function PaletteView({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const localized = useLocalized();
  const { catalogue, addNode, count } = useEditor((s) => ({
    catalogue: s.catalogue,
    addNode: s.addNode,
    count: s.nodes.length,
  }));
  const { screenToFlowPosition } = useReactFlow();
  /** Keyboard and double-click alternative to dragging: the node lands in the middle of the canvas. */
  const addAtCentre = (nodeType: string) => {
    const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!rect || readOnly) return;
    const centre = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    const nudge = (count % 5) * 30; // successive additions do not stack exactly
    addNode(nodeType, { x: centre.x - 110 + nudge, y: centre.y - 40 + nudge });
  };
  const [query, setQuery] = useState("");
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (n: NodeTypeInfo) =>
      !q || [n.type, n.label.ko, n.label.en, n.description.ko, n.description.en].some((s) => s?.toLowerCase().includes(q));
    return ORDER.map((category) => ({
      category,
      items: Object.values(catalogue).filter((n) => n.category === category && matches(n)),
    }));
  }, [catalogue, query]);

  return (
    <aside className="palette" data-testid="palette">
      <input
        className="palette-search"
        type="search"
        placeholder={t("palette.search")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette-search"
      />
      {groups.map(({ category, items }) => (
        <section key={category} className="palette-group">
          <h3>{t(`category.${category}`)}</h3>
          {items.length === 0 && <p className="muted">{t("palette.none")}</p>}
          {items.map((n) => (
            <div
              key={n.type}
              className={`palette-item cat-${n.category}`}
              draggable={!readOnly}
              title={`${localized(n.description)}\n${t("palette.addHint")}`}
              role="button"
              tabIndex={readOnly ? -1 : 0}
              onDoubleClick={() => addAtCentre(n.type)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  addAtCentre(n.type);
                }
              }}
              data-testid={`palette-${n.type}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_MIME, n.type);
                e.dataTransfer.effectAllowed = "move";
              }}
            >
              <NodeIcon type={n.type} /> {localized(n.label)}
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}

export const Palette = memo(PaletteView);
