// The editor toolbar's "직접 실행 / Start" button: shown for a published workflow whose trigger is manual.
import { useState } from "react";
import { useEditor } from "../store/editor";
import { useCan } from "../store/permissions";
import { StartDialog } from "./StartDialog";
import { useStartText } from "./strings";

export function StartButton() {
  const s = useStartText();
  const [open, setOpen] = useState(false);
  // Starting runs is an event (event.write) that picks patients (patient.read): a reviewer has neither
  const mayStart = useCan("event.write");
  const mayPick = useCan("patient.read");
  const { id, name, published, manual } = useEditor((st) => ({
    id: st.meta.id,
    name: st.meta.name,
    published: st.meta.publishedVersion !== null,
    manual: st.nodes.some((n) => n.data.nodeType === "trigger.manual"),
  }));
  if (id === null || !published || !manual || !mayStart || !mayPick) return null;
  return (
    <>
      <button onClick={() => setOpen(true)} data-testid="start-open">
        {s("open")}
      </button>
      {open && <StartDialog workflowId={id} workflowName={name} onClose={() => setOpen(false)} />}
    </>
  );
}
