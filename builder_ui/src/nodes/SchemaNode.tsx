// The one component that draws every node type from its catalogue entry (label, icon, ports, badges).
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { useLocalized, useT } from "../i18n";
import type { StepNode } from "../flow/types";
import { useEditor } from "../store/editor";
import { summarize } from "./summary";

function SchemaNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const t = useT();
  const localized = useLocalized();
  const info = useEditor((s) => s.catalogue[data.nodeType]);
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
  return (
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
          {info?.icon ?? "❔"}
        </span>
        <span className="step-label">{info ? localized(info.label) : data.nodeType}</span>
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
      <div className="step-summary">{summarize(data.params) || id}</div>
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
    </div>
  );
}

export const SchemaNode = memo(SchemaNodeView);
