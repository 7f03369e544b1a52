// Beside a reason the publish gate gave, the screen where it is fixed: an unapproved AlimTalk template → the
// templates, a missing sign-off → the review, an empty {{ clinic.* }} value → the clinic profile. Found driving
// the editor: the reason said "copy it on the AlimTalk templates screen" and offered no way there.
import type { Problem } from "../api/generated";
import { useT } from "../i18n";
import { useRoute } from "../store/router";

function target(problem: Problem, workflowId: string | number | null): [string, string] | null {
  if (problem.code === "KAKAO-TEMPLATE-UNAPPROVED") return ["/alimtalk-templates", "preview.openTemplates"];
  if (problem.code === "signoff_required" && workflowId !== null) {
    return [`/reviewer/${encodeURIComponent(String(workflowId))}`, "editor.refusalOpenReview"];
  }
  if (problem.code === "MSG-EMPTY-VARIABLE" && problem.message.includes("clinic.")) {
    return ["/settings/clinic", "editor.refusalOpenClinic"];
  }
  return null;
}

/** ``earlier``: the reasons listed above this one; the link shows once, beside the first reason it fixes (three
 * unapproved templates are one trip to the templates screen). */
export function RefusalAction({
  problem,
  earlier,
  workflowId,
}: {
  problem: Problem;
  earlier: Problem[];
  workflowId: string | number | null;
}) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const found = target(problem, workflowId);
  if (!found || earlier.some((p) => target(p, workflowId)?.[0] === found[0])) return null;
  const [path, label] = found;
  return (
    <button className="link small" onClick={() => navigate(path)} data-testid="refusal-action" data-path={path}>
      {t(label)} →
    </button>
  );
}
