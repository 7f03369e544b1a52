// The clinic's procedure catalogue: codes (what trigger filters match), Korean/English names, kind, synonyms;
// and whether attending a surgery/procedure completes it. Saved as a whole; the server names every bad entry.
import { useEffect, useState } from "react";
import { ErrorList, LoadView, useLoad } from "../panels/common";
import { markNodeCatalogueStale } from "../store/nodeCatalogue";
import { useCan } from "../store/permissions";
import { useRoute } from "../store/router";
import { toast } from "../store/toast";
import { bookApi, type Catalogue } from "./api";
import { type BookKey, useS } from "./strings";
import "./book.css";

type Item = Catalogue["procedures"][number];
type Row = Omit<Item, "synonyms"> & { synonyms: string };
const KINDS = ["surgery", "procedure", "visit"] as const;

function toRows(items: Item[]): Row[] {
  return items.map((p) => ({ ...p, synonyms: p.synonyms.join(", ") }));
}

function Editor({ catalogue, onSaved }: { catalogue: Catalogue; onSaved: () => void }) {
  const s = useS();
  const [rows, setRows] = useState<Row[]>(toRows(catalogue.procedures));
  const [completes, setCompletes] = useState(catalogue.attended_completes_procedure);
  const [error, setError] = useState<unknown>(null);
  // saving is a clinic setting (settings.write): the front desk reads the catalogue, the manager edits it
  const canEdit = useCan("settings.write");
  const ro = !canEdit;
  useEffect(() => setRows(toRows(catalogue.procedures)), [catalogue]);
  const edit = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setError(null);
    try {
      await bookApi.saveCatalogue({
        procedures: rows.map((r) => ({
          ...r,
          synonyms: r.synonyms
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean),
        })),
        attended_completes_procedure: completes,
      });
      toast("ok", s("saved"));
      markNodeCatalogueStale(); // trigger filters now offer the clinic's codes
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <label className="row">
        <input type="checkbox" checked={completes} disabled={ro} onChange={(e) => setCompletes(e.target.checked)} data-testid="attended-completes" />
        {s("attendedCompletes")}
      </label>
      <table className="table catalogue" data-testid="catalogue-table">
        <thead>
          <tr>
            <th>{s("code")}</th>
            <th>{s("nameKo")}</th>
            <th>{s("nameEn")}</th>
            <th>{s("kind")}</th>
            <th>{s("synonyms")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid={`catalogue-row-${r.code || i}`}>
              <td>
                <input value={r.code} readOnly={ro} onChange={(e) => edit(i, { code: e.target.value })} aria-label={s("code")} />
              </td>
              <td>
                <input value={r.name_ko} readOnly={ro} onChange={(e) => edit(i, { name_ko: e.target.value })} aria-label={s("nameKo")} />
              </td>
              <td>
                <input value={r.name_en} readOnly={ro} onChange={(e) => edit(i, { name_en: e.target.value })} aria-label={s("nameEn")} />
              </td>
              <td>
                <select value={r.kind} disabled={ro} onChange={(e) => edit(i, { kind: e.target.value as Row["kind"] })} aria-label={s("kind")}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {s(`kind.${k}` as BookKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input value={r.synonyms} readOnly={ro} onChange={(e) => edit(i, { synonyms: e.target.value })} aria-label={s("synonyms")} />
              </td>
              <td>
                {canEdit && <button onClick={() => setRows(rows.filter((_, j) => j !== i))}>{s("remove")}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorList error={error} />
      {ro && (
        <p className="muted small" data-testid="catalogue-readonly">
          {s("catalogueReadOnly")}
        </p>
      )}
      {canEdit && (
        <div className="row">
          <button onClick={() => setRows([...rows, { code: "", name_ko: "", name_en: "", kind: "procedure", synonyms: "" }])} data-testid="catalogue-add">
            ＋ {s("add")}
          </button>
          <button className="primary" onClick={() => void save()} data-testid="catalogue-save">
            {s("save")}
          </button>
        </div>
      )}
    </>
  );
}

export function ProceduresPage() {
  const s = useS();
  const navigate = useRoute((r) => r.navigate);
  const [loaded, reload] = useLoad(() => bookApi.catalogue(), []);
  return (
    <main className="page book" data-testid="procedures">
      <div className="row">
        <h2>{s("catalogueTitle")}</h2>
        <button onClick={() => navigate("/appointments")}>{s("back")}</button>
      </div>
      <p className="small muted">{s("catalogueHint")}</p>
      <LoadView loaded={loaded} what={s("catalogueTitle")}>
        {(catalogue) => <Editor catalogue={catalogue} onSaved={reload} />}
      </LoadView>
    </main>
  );
}
