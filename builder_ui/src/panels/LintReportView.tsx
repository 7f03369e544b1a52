// A full lint report as a table (rule, severity, node, field, message, citation).
import type { LintReport } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { Icon } from "../icons/Icon";

export function LintReportView({ report }: { report: LintReport }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <div data-testid="lint-report">
      <p>{t("problems.summary", {
          errors: report.errors,
          warnings: report.warnings,
          infos: report.findings.length - report.errors - report.warnings,
        })}</p>
      {report.findings.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t("report.severity")}</th>
              <th>{t("report.rule")}</th>
              <th>{t("report.node")}</th>
              <th>{t("report.message")}</th>
              <th>{t("report.citation")}</th>
            </tr>
          </thead>
          <tbody>
            {report.findings.map((f, i) => (
              <tr key={i} className={`sev-${f.severity}`}>
                <td className="nowrap">{t(`severity.${f.severity}`)}</td>
                <td>
                  <code>{f.rule}</code>
                </td>
                <td>
                  <code>{f.node ?? ""}</code> {f.field ?? ""}
                </td>
                <td>
                  {pickLanguage(f.message, lang)}
                  {f.suggestion && (
                    <div className="suggestion small" data-testid="report-suggestion">
                      <Icon name="idea" /> {pickLanguage(f.suggestion.message, lang)}
                      {f.suggestion.text && <q>{f.suggestion.text.trim()}</q>}
                    </div>
                  )}
                </td>
                <td className="small">{f.citation ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
