// Node types from GET /api/nodes grouped by category, searchable; drag one onto the canvas.
import { memo, useMemo, useState } from "react";
import type { Category, NodeTypeInfo } from "../api/types";
import { useLocalized, useT } from "../i18n";
import { useEditor } from "../store/editor";

export const DRAG_MIME = "application/x-doctorsflow-node";
const ORDER: Category[] = ["trigger", "flow", "action"];

function PaletteView({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const localized = useLocalized();
  const catalogue = useEditor((s) => s.catalogue);
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
              title={localized(n.description)}
              data-testid={`palette-${n.type}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_MIME, n.type);
                e.dataTransfer.effectAllowed = "move";
              }}
            >
              <span aria-hidden>{n.icon}</span> {localized(n.label)}
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}

export const Palette = memo(PaletteView);
