// What the import will read, shown before the dry-run figures: the encoding, the first rows as decoded
// text, a mapping step for headers nobody recognised (the CLI's --map), and warnings (no consent date).
import { memo } from "react";
import type { ImportPreview } from "../api/generated";
import { useLang, useT } from "../i18n";
import { pickLanguage } from "../i18n/bilingual";
import { Icon } from "../icons/Icon";

export type Mapping = Record<string, string>; // header → field ("ignore" to leave it out)

/** "HP=phone,메모=ignore": the form field both the preview and the import take. */
export function mappingText(mapping: Mapping): string {
  return Object.entries(mapping)
    .filter(([, field]) => field)
    .map(([header, field]) => `${header}=${field}`)
    .join("\n");
}

function ImportPreviewView({
  preview,
  mapping,
  onMap,
}: {
  preview: ImportPreview;
  mapping: Mapping;
  onMap: (mapping: Mapping) => void;
}) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const asked = Object.keys(mapping);
  const toMap = [...preview.unknown_headers, ...asked.filter((h) => !preview.unknown_headers.includes(h))];
  return (
    <div className="import-read" data-testid="import-read">
      <p className="small muted">
        {t("import.readAs", { encoding: preview.encoding ?? "xlsx", rows: preview.total_rows })}
      </p>
      {preview.warnings.map((w) => (
        <p key={w.code} className="notice small" data-testid={`import-warning-${w.code}`}>
          <Icon name="warning" className="icon-warn" /> {pickLanguage(w.message, lang)}
        </p>
      ))}
      {toMap.length > 0 && (
        <div className="import-mapping" data-testid="import-mapping">
          <strong>{t("import.mapTitle")}</strong> <span className="small muted">{t("import.mapHint")}</span>
          {toMap.map((header) => (
            <label key={header} className="row small">
              <code>{header}</code> →
              <select
                value={mapping[header] ?? ""}
                onChange={(e) => onMap({ ...mapping, [header]: e.target.value })}
                data-testid={`import-map-${header}`}
              >
                <option value="">{t("import.choose")}</option>
                {preview.fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {pickLanguage(f.label, lang)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      <div className="import-rows">
        <table className="table" data-testid="import-rows">
          <thead>
            <tr>
              <th>{t("patients.row")}</th>
              {preview.headers.map((h) => {
                const field = preview.columns.find((c) => c.header === h)?.field;
                return (
                  <th key={h}>
                    {h}
                    <br />
                    <small className="muted">
                      {field ? pickLanguage(preview.fields.find((f) => f.name === field)?.label ?? field, lang) : t("import.unmapped")}
                    </small>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const ImportPreviewTable = memo(ImportPreviewView);
