// The `template` field of a send.alimtalk node: a choice of the clinic's approved templates (the library's
// marked "needs approval"), showing the text; choosing one adds a variable for every #{변수} it lacks.
import type { WidgetProps } from "@rjsf/utils";
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import type { AlimTalkTemplate } from "../api/generated";
import type { JsonObject } from "../flow/types";
import { useT } from "../i18n";
import { editorStore } from "../store/editor";
import { MarkedText } from "./MarkedText";
import { withVariables } from "./text";
import "./templates.css";

interface Choices {
  own: AlimTalkTemplate[];
  library: AlimTalkTemplate[]; // library templates the clinic has no copy of
}

function useChoices(): Choices | null {
  const [choices, setChoices] = useState<Choices | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.alimtalkTemplates().catch(() => []), api.alimtalkLibrary().catch(() => [])]).then(([own, library]) => {
      const codes = new Set(own.map((x) => x.code));
      if (live) setChoices({ own, library: library.filter((x) => !codes.has(x.code)) });
    });
    return () => {
      live = false;
    };
  }, []);
  return choices;
}

export function TemplatePicker(props: WidgetProps) {
  const t = useT();
  const choices = useChoices();
  const nodeId = String(props.options.nodeId ?? "");
  const value = typeof props.value === "string" ? props.value : "";
  const all = choices ? [...choices.own, ...choices.library] : [];
  const current = all.find((x) => x.code === value);
  const fromLibrary = !!choices?.library.some((x) => x.code === value);

  const choose = (code: string) => {
    const template = all.find((x) => x.code === code);
    const node = editorStore.getState().nodes.find((n) => n.id === nodeId);
    if (!node) return props.onChange(code);
    const params = node.data.params;
    const variables = (params.variables ?? {}) as Record<string, unknown>;
    // One store update with both fields: the form re-renders from it (an rjsf onChange would carry the old variables).
    editorStore.getState().updateParams(nodeId, {
      ...params,
      template: code,
      variables: template ? withVariables(variables, template.variables) : variables,
    } as JsonObject);
  };

  return (
    <div className="tpl-picker">
      <select
        id={props.id}
        value={value}
        disabled={props.disabled || props.readonly}
        onChange={(e) => choose(e.target.value)}
        data-testid="tpl-picker"
      >
        <option value="">{choices ? t("tpl.pickerChoose") : t("common.loading")}</option>
        {value && choices && !current && <option value={value}>{t("tpl.pickerUnknown", { code: value })}</option>}
        <optgroup label={t("tpl.pickerApproved")}>
          {choices?.own
            .filter((x) => x.status === "approved" || x.code === value)
            .map((x) => (
              <option key={x.code} value={x.code} disabled={x.status !== "approved" && x.code !== value}>
                {x.name} ({x.code}){x.status !== "approved" ? ` · ${t(`tpl.status.${x.status}`)}` : ""}
              </option>
            ))}
        </optgroup>
        <optgroup label={t("tpl.pickerLibrary")}>
          {choices?.library.map((x) => (
            <option key={x.code} value={x.code}>
              ⚠ {x.name} ({x.code})
            </option>
          ))}
        </optgroup>
      </select>
      {current && current.status !== "approved" && (
        <p className="sev-error small" data-testid="tpl-picker-warning">
          {t("tpl.pickerNotApproved", { status: t(`tpl.status.${current.status}`) })}
        </p>
      )}
      {fromLibrary && (
        <p className="sev-warning small" data-testid="tpl-picker-warning">
          {t("tpl.pickerNeedsApproval")}
        </p>
      )}
      {current && (
        <div data-testid="tpl-picker-text">
          <MarkedText text={current.text} findings={[]} />
        </div>
      )}
    </div>
  );
}
