// rjsf's add/remove/move buttons with a visible icon and a word (its defaults are Bootstrap glyphicons,
// which we do not load: they rendered as empty pills and a manager could not find "add a phone number").
import type { IconButtonProps } from "@rjsf/utils";
import { TranslatableString } from "@rjsf/utils";
import { memo } from "react";

function LabelledButton({ icon, text, kind, props }: { icon: string; text: string; kind: string; props: IconButtonProps }) {
  const { iconType: _type, icon: _icon, className, uiSchema: _ui, registry: _registry, ...rest } = props;
  return (
    <button type="button" className={`form-button form-button-${kind} ${className ?? ""}`} title={text} {...rest}>
      <span aria-hidden>{icon}</span> {text}
    </button>
  );
}

const make = (icon: string, kind: string, key: TranslatableString) =>
  memo(function FormButton(props: IconButtonProps) {
    return <LabelledButton icon={icon} kind={kind} text={props.registry.translateString(key)} props={props} />;
  });

export const buttonTemplates = {
  AddButton: make("＋", "add", TranslatableString.AddItemButton),
  RemoveButton: make("✕", "remove", TranslatableString.RemoveButton),
  MoveUpButton: make("↑", "move", TranslatableString.MoveUpButton),
  MoveDownButton: make("↓", "move", TranslatableString.MoveDownButton),
  CopyButton: make("⧉", "copy", TranslatableString.CopyButton),
};
