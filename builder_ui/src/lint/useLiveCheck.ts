// Live feedback: after every change (debounced) the document goes to POST /api/validate and, when the
// compliance API exists, POST /api/lint; the merged problems land in the editor store.
import { useEffect, useState } from "react";
import { ApiError, NotAvailableError } from "../api/client";
import type { Problem } from "../api/generated";
import { api } from "../api/endpoints";
import { editorStore, useEditor } from "../store/editor";
import { fromLint, fromValidation, mergeProblems, type UiProblem } from "./problems";

const DEBOUNCE_MS = 350;

export type CheckStatus = "idle" | "checking" | "done" | "failed";

export interface LiveCheck {
  status: CheckStatus;
  lintAvailable: boolean;
}

/** A refused document's problem names no node, only its path ("/nodes/1/params/text"): the node at that index. */
function onItsNode(problem: Problem, nodes: { id: string }[]): Problem {
  const index = /^\/nodes\/(\d+)(\/|$)/.exec(problem.path ?? "")?.[1];
  return problem.node || index === undefined ? problem : { ...problem, node: nodes[Number(index)]?.id ?? null };
}

export function useLiveCheck(): LiveCheck {
  const revision = useEditor((s) => s.revision);
  const [status, setStatus] = useState<CheckStatus>("idle");
  const [lintAvailable, setLintAvailable] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      const doc = editorStore.getState().document();
      setStatus("checking");
      try {
        const summaries = api
          .summaries(doc.nodes.map(({ id, type, params }) => ({ id, type, params })), controller.signal)
          .then((s) => editorStore.getState().setSummaries(s))
          .catch(() => undefined); // a card keeps its last sentence; the type's label until the first answer
        const [validation, lint] = await Promise.all([
          api.validate(doc, controller.signal),
          lintAvailable ? api.lint(doc, controller.signal).catch(lintFailure) : Promise.resolve(null),
        ]);
        const problems: UiProblem[] = mergeProblems(fromValidation(validation.errors ?? []), lint ? fromLint(lint.findings) : []);
        editorStore.getState().setProblems(problems);
        await summaries;
        setStatus("done");
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 400 && error.problems.length > 0) {
          // The document itself was refused (e.g. a pasted lone surrogate): its problems, on their nodes.
          editorStore.getState().setProblems(fromValidation(error.problems.map((p) => onItsNode(p, doc.nodes))));
          setStatus("done");
        } else setStatus("failed");
      }
    }, DEBOUNCE_MS);

    function lintFailure(error: unknown) {
      if (error instanceof NotAvailableError) setLintAvailable(false);
      if (controller.signal.aborted) throw error;
      return null; // a lint outage must not hide the validation errors
    }
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [revision, lintAvailable]);

  return { status, lintAvailable };
}
