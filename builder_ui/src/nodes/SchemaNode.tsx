// The one component that draws every node type from its catalogue entry: the node's own name, the type's
// sentence for its params (POST /api/nodes/summaries), ports with a "+" each, badges and a sticky note.
import { Handle, type NodeProps, Position, useReactFlow } from "@xyflow/react";
import { memo } from "react";
import { useLang, useLocalized, useT } from "../i18n";
import { usePicker } from "../flow/picker";
import type { StepNode } from "../flow/types";
import { useEditor } from "../store/editor";
import { NodeIcon } from "../icons/nodeIcons";
import { useCan } from "../store/permissions";

function SchemaNodeView({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<StepNode>) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const localized = useLocalized();
  const info = useEditor((s) => s.catalogue[data.nodeType]);
  const summary = useEditor((s) => s.summaries[id]?.[lang]);
  // No "+" for an old version or for a user who may not edit (a reviewer), as in the editor's other panels.
  const canWrite = useCan("workflow.write");
  const readOnly = useEditor((s) => s.meta.readOnly) || !canWrite;
  const { flowToScreenPosition } = useReactFlow();
  const badge = useEditor((s) => {
    let errors = 0;
    let warnings = 0;
    for (const p of s.problems) {
      if (p.node !== id) continue;
      if (p.severity === "error") errors++;
      else if (p.severity === "warning") warnings++; // "info" (e.g. goes as LMS) is no badge
    }
    return { errors, warnings };
  });
  const outputs = info?.outputs ?? ["out"];
  const inputs = info?.inputs ?? ["in"];
  const category = info?.category ?? "unknown";
  const state = badge.errors ? "has-error" : badge.warnings ? "has-warning" : "";
  const typeLabel = info ? localized(info.label) : data.nodeType;
  const name = data.label?.trim() || typeLabel;
  /** "+" under an output: the picker opens there and wires the chosen node from that port. */
  const openPicker = (port: string, index: number) => {
    const spread = outputs.length > 1 ? (index === 0 ? -130 : 130) : 0; // a branch's yes left, no right
    const flow = { x: positionAbsoluteX + spread, y: positionAbsoluteY + 150 };
    usePicker.getState().open({ screen: flowToScreenPosition({ x: flow.x + 110, y: flow.y }), flow, from: { source: id, port } });
  };
  return (
    <div className="step-wrap">
      <div
        className={`step-node cat-${category} ${state} ${selected ? "selected" : ""}`}
        data-testid={`node-${id}`}
        data-node-type={data.nodeType}
      >
        {inputs.map((port) => (
          <Handle key={port} type="target" position={Position.Top} id={port} data-testid={`handle-${id}-in`} />
        ))}
        <div className="step-head">
          <span className="step-icon" aria-hidden>
            <NodeIcon type={data.nodeType} />
          </span>
          <span className="step-label" data-testid={`node-name-${id}`} title={name === typeLabel ? undefined : typeLabel}>
            {name}
          </span>
          {badge.errors > 0 && (
            <span className="badge badge-error" data-testid={`badge-error-${id}`} title={t("problems.errors")}>
              {badge.errors}
            </span>
          )}
          {badge.warnings > 0 && (
            <span className="badge badge-warning" data-testid={`badge-warning-${id}`} title={t("problems.warnings")}>
              {badge.warnings}
            </span>
          )}
        </div>
        <div className="step-summary" data-testid={`node-summary-${id}`}>
          {summary ?? typeLabel}
        </div>
        <div className="step-ports">
          {outputs.map((port, i) => (
            <Handle
              key={port}
              type="source"
              position={Position.Bottom}
              id={port}
              style={{ left: `${((i + 1) * 100) / (outputs.length + 1)}%` }}
              data-testid={`handle-${id}-${port}`}
            >
              {outputs.length > 1 && <span className={`port-label port-${port}`}>{t(`port.${port}`)}</span>}
            </Handle>
          ))}
        </div>
        {!readOnly &&
          outputs.map((port, i) => (
            <button
              key={port}
              type="button"
              className="port-add nodrag"
              style={{ left: `${((i + 1) * 100) / (outputs.length + 1)}%` }}
              title={t("picker.addAfter")}
              aria-label={`${t("picker.addAfter")} (${port})`}
              onClick={(e) => {
                e.stopPropagation();
                openPicker(port, i);
              }}
              data-testid={`add-after-${id}-${port}`}
            >
              +
            </button>
          ))}
      </div>
      {data.note && (
        <div className="sticky-note" data-testid={`note-${id}`}>
          {data.note}
        </div>
      )}
    </div>
  );
}

export const SchemaNode = memo(SchemaNodeView);
