// Reviewer: every workflow with its review status (draft / waiting for sign-off / signed / active / paused /
// archived), and for one of them every message text and AlimTalk template body with the findings marked in place,
// who must sign, the HTML report, and the sign-off form (the reviewer is the logged-in user).
import { type ReviewRow, type WorkflowReview, clinicApi } from "../clinic/api";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { Highlighted } from "../lint/Highlighted";
import { useCan } from "../store/permissions";
import { useRoute } from "../store/router";
import { LoadView, formatTime, useLoad } from "./common";
import { SignoffForm } from "./SignoffForm";
import { Icon } from "../icons/Icon";
import "../clinic/clinic.css";
import { WorkflowLink } from "./WorkflowLink";
import { useDraftNodeNames } from "./stepNames";

function StatusTag({ status }: { status: ReviewRow["status"] }) {
  const t = useT();
  const tone = {
    draft: "",
    waiting_signoff: "tag-warning",
    signed: "tag-ok",
    active: "tag-ok",
    paused: "tag-warning",
    archived: "muted",
  }[status];
  return (
    <span className={`tag ${tone}`} data-testid="review-status">
      {t(`review.status.${status}`)}
    </span>
  );
}

// The message fields a reviewer reads, in words (the server names them by JSON pointer; others stay as they are).
const FIELD_WORDS: Record<string, string> = { "/params/text": "review.field.text", "/params/subject": "review.field.subject" };

function fieldWord(label: string, t: (key: string) => string): string {
  const key = FIELD_WORDS[label];
  return key ? t(key) : label;
}

function Messages({ review }: { review: WorkflowReview }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const nodeName = useDraftNodeNames(review.workflow_id);
  return (
    <div className="review-messages" data-testid="review-messages">
      {review.messages.map((m) => (
        <section key={`${m.node}${m.field}`} className="review-message" data-testid={`review-message-${m.node}`}>
          <h4>
            <strong data-testid="review-message-node">{nodeName(m.node, m.type)}</strong> <code className="muted">{m.node}</code>
            {m.channel && ` · ${t(`channel.${m.channel}`)}`}
            {m.purpose === "advertising" && <span className="tag tag-warning">{t("review.advertising")}</span>}
            <span className="muted small"> {fieldWord(m.label, t)}</span>
            {m.template_status && m.template_status !== "approved" && (
              <span className="tag tag-error">{t(`review.template.${m.template_status}`)}</span>
            )}
          </h4>
          <Highlighted
            text={m.text}
            spans={m.findings
              .filter((f) => f.start !== null && f.end !== null)
              .map((f) => ({ start: f.start!, end: f.end!, severity: f.severity, message: pickLanguage(f.message, lang) }))}
          />
          {m.findings.length > 0 && (
            <ul className="small">
              {m.findings.map((f, i) => (
                <li key={i} className={`sev-${f.severity}`}>
                  <code>{f.rule}</code> {pickLanguage(f.message, lang)}
                  {f.citation && (
                    <div className="citation small muted" data-testid="review-citation">
                      <Icon name="book" /> {f.citation}
                    </div>
                  )}
                  {f.suggestion && (
                    <div className="suggestion small" data-testid="review-suggestion" data-kind={f.suggestion.kind}>
                      <Icon name="idea" /> {pickLanguage(f.suggestion.message, lang)}
                      {f.suggestion.text.trim() && <q>{f.suggestion.text.trim()}</q>}
                      {f.suggestion.kind !== "insert" && f.suggestion.end > f.suggestion.start && (
                        <span className="muted">
                          {" "}
                          {t("review.suggestionTakesOut")} <del>{m.text.slice(f.suggestion.start, f.suggestion.end).trim()}</del>
                        </span>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {review.other_findings.length > 0 && (
        <section className="review-message">
          <h4>{t("review.otherFindings")}</h4>
          <ul className="small">
            {review.other_findings.map((f, i) => (
              <li key={i} className={`sev-${f.severity}`}>
                <code>{f.rule}</code> {f.node && <strong data-testid="review-finding-node">{nodeName(f.node)}</strong>}{" "}
                {pickLanguage(f.message, lang)}
                {f.citation && (
                  <div className="citation small muted" data-testid="review-citation">
                    <Icon name="book" /> {f.citation}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ReviewView({ id, onSigned }: { id: string; onSigned: () => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const canSign = useCan("signoff");
  const [loaded, reload] = useLoad(() => clinicApi.review(id), [id]);
  return (
    <LoadView loaded={loaded} what={t("reviewer.title")}>
      {(review: WorkflowReview) => (
        <div data-testid="review-detail">
          <h3>
            <WorkflowLink id={review.workflow_id} name={review.name} testId="review-workflow-link" /> <StatusTag status={review.status} />
          </h3>
          <p className="small">
            {t("problems.summary", {
              errors: review.errors,
              warnings: review.warnings,
              infos: [...review.messages.flatMap((m) => m.findings), ...review.other_findings].filter(
                (f) => f.severity === "info",
              ).length,
            })}{" "}
            ·{" "}
            <a href={review.report_url} target="_blank" rel="noreferrer" data-testid="review-report-link">
              {t("review.htmlReport")}
            </a>
          </p>
          {review.signoff_required && !review.signoff && (
            <p className="notice" data-testid="review-signers">
              {t("review.whoSigns", { names: review.signers.join(", ") || t("review.noSigners") })}
            </p>
          )}
          {review.signoff && (
            <p className="ok" data-testid="review-signed">
              <Icon name="check" className="icon-ok" /> {t("review.signedBy", { name: review.signoff.signed_by_name, at: formatTime(review.signoff.signed_at, lang) })}
            </p>
          )}
          <Messages review={review} />
          {canSign && (
            <SignoffForm
              id={id}
              signed={review.signoff}
              onSigned={() => {
                reload();
                onSigned();
              }}
            />
          )}
        </div>
      )}
    </LoadView>
  );
}

export function ReviewerPage({ id }: { id: string | null }) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const [rows, reload] = useLoad(clinicApi.reviews, []);
  return (
    <main className="page reviewer" data-testid="reviewer">
      <h2>{t("reviewer.title")}</h2>
      <div className="split">
        <LoadView loaded={rows} what={t("reviewer.title")}>
          {(list: ReviewRow[]) => (
            <ul className="list" data-testid="reviewer-list">
              {list.map((w) => (
                <li key={w.id} className={String(w.id) === id ? "current" : ""} data-testid={`review-row-${w.id}`}>
                  <button className="link" onClick={() => navigate(`/reviewer/${encodeURIComponent(String(w.id))}`)}>
                    {w.name}
                  </button>{" "}
                  <StatusTag status={w.status} />
                  {w.signed_by_name && <span className="muted small"> ✍ {w.signed_by_name}</span>}
                </li>
              ))}
            </ul>
          )}
        </LoadView>
        <section className="report">
          {!id && <p className="muted">{t("reviewer.pick")}</p>}
          {id && <ReviewView id={id} onSigned={reload} />}
        </section>
      </div>
    </main>
  );
}
