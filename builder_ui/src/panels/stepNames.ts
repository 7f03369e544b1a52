// What a run's step is called on the runs page: the name the manager gave the node in that version, else its
// type's label ("예약 접수", "시간 대기"), never the internal key (`wait.duration`). Both are read once per
// opened run; if either cannot be read the node's id is shown, as before.
import { useEffect, useState } from "react";
import type { StepView } from "../api/generated";
import { api } from "../api/endpoints";
import { useLang } from "../i18n";

type Localized = { ko: string; en: string };
let typeLabels: Promise<Map<string, Localized>> | null = null;
// By "workflow/version": a published version never changes. Kept here, not in the effect, because the runs page
// reloads a run every few seconds and an effect's clean-up would drop an answer still on its way.
const versionNames = new Map<string, Promise<Map<string, string>>>();

function loadTypeLabels(): Promise<Map<string, Localized>> {
  typeLabels ??= api.nodes().then(
    (nodes) => new Map(nodes.map((n) => [n.type, n.label])),
    () => ((typeLabels = null), new Map()),
  );
  return typeLabels;
}

function loadVersionNames(workflowId: number, version: number): Promise<Map<string, string>> {
  const key = `${workflowId}/${version}`;
  let names = versionNames.get(key);
  if (!names) {
    names = api.getVersion(workflowId, version).then(
      (v) => new Map(v.document.nodes.flatMap((n) => (n.label ? [[n.id, n.label] as const] : []))),
      () => (versionNames.delete(key), new Map<string, string>()),
    );
    versionNames.set(key, names);
  }
  return names;
}

/** A node type's label in the chosen language, else ``fallback`` (the labels are read once per page). */
function useTypeLabel(): (type: string, fallback: string) => string {
  const lang = useLang((s) => s.lang);
  const [labels, setLabels] = useState<Map<string, Localized>>(new Map());
  useEffect(() => {
    let live = true;
    void loadTypeLabels().then((m) => live && setLabels(m));
    return () => {
      live = false;
    };
  }, []);
  return (type, fallback) => {
    const label = labels.get(type);
    return label ? label[lang] || label.ko : fallback;
  };
}

export function useStepNames(workflowId: number | undefined, version: number | undefined): (step: StepView) => string {
  const typeLabel = useTypeLabel();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    if (workflowId !== undefined && version !== undefined) void loadVersionNames(workflowId, version).then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, [workflowId, version]);
  return (step) => names.get(step.node) ?? typeLabel(step.type, step.node);
}

/** What a node of a workflow's current draft is called (its name, else its type's label, else its id): the review
 * screen lists a draft's messages by node and a reviewer never named `confirm` or `promo`. */
export function useDraftNodeNames(workflowId: number): (node: string, type?: string) => string {
  const typeLabel = useTypeLabel();
  // each node's own name and its type, from the draft (a finding of the whole flow names only the node's id)
  const [nodes, setNodes] = useState<Map<string, { label?: string; type: string }>>(new Map());
  useEffect(() => {
    let live = true;
    api.getWorkflow(workflowId).then(
      (w) => live && setNodes(new Map(w.document.nodes.map((n) => [n.id, { label: n.label ?? undefined, type: n.type }] as const))),
      () => undefined, // the id stays readable
    );
    return () => {
      live = false;
    };
  }, [workflowId]);
  return (node, type) => nodes.get(node)?.label || typeLabel(type ?? nodes.get(node)?.type ?? "", node);
}
