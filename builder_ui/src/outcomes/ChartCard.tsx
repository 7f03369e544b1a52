// One figure of the outcomes page: a chart, the same numbers as a table (a toggle), and a CSV of the table.
import { type ReactNode, useState } from "react";
import { type Cell, downloadCsv } from "./csv";
import { useLabels } from "./labels";

export interface TableData {
  headers: string[];
  rows: Cell[][];
}

export function ChartCard({
  id,
  title,
  table,
  children,
  note,
}: {
  id: string;
  title: string;
  table: TableData;
  children: ReactNode;
  note?: ReactNode;
}) {
  const l = useLabels();
  const [view, setView] = useState<"chart" | "table">("chart");
  return (
    <section className="outcome-card" data-testid={`outcome-${id}`} aria-labelledby={`outcome-${id}-title`}>
      <div className="row outcome-card-head">
        <h3 id={`outcome-${id}-title`}>{title}</h3>
        <span className="spacer" />
        <div role="group" aria-label={title}>
          <button aria-pressed={view === "chart"} onClick={() => setView("chart")} data-testid={`outcome-${id}-chart-tab`}>
            {l("chart")}
          </button>
          <button aria-pressed={view === "table"} onClick={() => setView("table")} data-testid={`outcome-${id}-table-tab`}>
            {l("table")}
          </button>
          <button onClick={() => downloadCsv(`doctorsflow-${id}.csv`, table.headers, table.rows)} data-testid={`outcome-${id}-csv`}>
            {l("csv")}
          </button>
        </div>
      </div>
      {view === "chart" ? (
        <div className="outcome-chart" data-testid={`outcome-${id}-chart`} role="img" aria-label={title}>
          {children}
        </div>
      ) : (
        <table className="table" data-testid={`outcome-${id}-table`}>
          <thead>
            <tr>
              {table.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell ?? "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note}
    </section>
  );
}
